//! `cargo xtask <task>`: developer tasks that edit the repository.
//!
//! - `new-rule <id> [--category C] [--severity S]` writes `src/rules/<id>.rs` with its metadata,
//!   docs skeleton and pass/fail test cases, registers it in `src/rules/mod.rs`, and adds its
//!   message ids to every catalogue and its level to the config schema. What is left to do is
//!   printed at the end.

mod new_rule;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask new-rule <rule-id> [--category payment|ios|drainage|service|deposit] [--severity error|warning|info]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("new-rule") => new_rule::Request::parse(&args[1..])
            .and_then(|request| new_rule::create(&repo_root(), &request)),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(next_steps) => {
            println!("{next_steps}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::from(2)
        }
    }
}

/// The repository root: this crate's parent folder.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
