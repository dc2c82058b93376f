use std::process::ExitCode;
use std::sync::Mutex;

use clap::Parser;
use ttlint::cli::{self, Cli, Outcome};

/// Parsing allocates a syntax tree node by node and frees it file by file; mimalloc does that
/// markedly faster than the system allocator (see `benches/lint.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The last panic's message and place, kept for the one-paragraph internal-error report instead
/// of a stack trace. Panics inside a rule are caught by the engine and reported as findings.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn main() -> ExitCode {
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
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| cli::run(cli)) {
        Ok(Ok(outcome)) => {
            if outcome == Outcome::InternalError {
                eprintln!(
                    "ttlint: internal error: a rule failed (see the `internal-error` findings). This is a bug in ttlint, not in your project; please report it with the command you ran."
                );
            }
            ExitCode::from(outcome.exit_code())
        }
        Ok(Err(error)) => {
            eprintln!("ttlint: error: {error}");
            ExitCode::from(2)
        }
        Err(_) => {
            let detail = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut last| last.take())
                .unwrap_or_default();
            eprintln!(
                "ttlint: internal error: ttlint stopped unexpectedly ({detail}). This is a bug in ttlint, not in your project; please report it with the command you ran."
            );
            ExitCode::from(2)
        }
    }
}
