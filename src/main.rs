use std::process::ExitCode;

use clap::Parser;
use ttlint::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| cli::run(cli)) {
        Ok(Ok(Outcome::Passed)) => ExitCode::SUCCESS,
        Ok(Ok(Outcome::Failed)) => ExitCode::from(1),
        Ok(Err(error)) => {
            eprintln!("ttlint: error: {error}");
            ExitCode::from(2)
        }
        Err(_) => {
            eprintln!(
                "ttlint: internal error: ttlint stopped unexpectedly. This is a bug in ttlint, not in your project; please report it with the command you ran."
            );
            ExitCode::from(2)
        }
    }
}
