use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::Mutex;

use ttlint::base::message::Catalogue;
use ttlint::base::messages;
use ttlint::cli::{self, Outcome};

/// mimalloc: parsing allocates a syntax tree node by node and frees it file by file.
#[global_allocator]
static ALLOCATOR: ttlint::base::alloc::Mimalloc = ttlint::base::alloc::Mimalloc;

/// The last panic's message and place, kept for the one-paragraph internal-error report instead
/// of a stack trace. Panics inside a rule are caught by the engine and reported as findings.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn main() -> ExitCode {
    ttlint::base::alloc::use_small_pages();
    ttlint::base::alloc::return_freed_memory_soon();
    let (cli, mut lang) = match cli::parse(std::env::args_os().collect(), |name| {
        std::env::var(name).ok()
    }) {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    // Installed after parsing: a mistake in the command line is answered by clap, and a panic
    // from here on is reported in one paragraph, in the chosen language.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("unknown error");
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| cli::run(cli, &mut lang)));
    // After a panic, the language is whatever the run had settled on by then.
    let text = Catalogue::shared(lang);
    match outcome {
        Ok(Ok(outcome)) => {
            if outcome == Outcome::InternalError {
                eprintln!("{}", text.render(&messages::error_internal_rule()));
            }
            ExitCode::from(outcome.exit_code())
        }
        Ok(Err(error)) => {
            eprintln!("{}", text.render(&messages::error_line(error.render(text))));
            ExitCode::from(2)
        }
        Err(_) => {
            let detail = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut last| last.take())
                .unwrap_or_default();
            eprintln!("{}", text.render(&messages::error_internal_panic(detail)));
            ExitCode::from(2)
        }
    }
}
