//! Running the built `ttlint` binary from the repository root and reading its JSON output.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;
use std::sync::Arc;

use assert_cmd::Command;
use serde_json::Value;
use ttlint::base::message::Lang;
use ttlint::base::vfs::Vfs;
use ttlint::engine::lint::LintOptions;
use ttlint::output::Style;

/// `ttlint` with the repository root as working directory, so paths read `fixtures/…`, in
/// English whatever the contributor's locale: the language comes from `LC_ALL`, `LC_MESSAGES`
/// and `LANG`, so they are pinned here (tests of other languages set them or `--lang`). Help
/// is wrapped at 100 columns, as on a terminal that wide.
pub fn ttlint() -> Command {
    let mut cmd = Command::cargo_bin("ttlint").expect("the ttlint binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    cmd.env("LANG", "C");
    cmd.env("COLUMNS", "100");
    cmd
}

/// Runs with `--format json` and returns the parsed document and the exit code.
pub fn lint_json(args: &[&str]) -> (Value, i32) {
    json_of(ttlint().args(args))
}

/// [`lint_json`] from `dir` (a generated project) instead of the repository's root.
pub fn lint_json_in(dir: &Path, args: &[&str]) -> (Value, i32) {
    json_of(ttlint().current_dir(dir).args(args))
}

fn json_of(cmd: &mut Command) -> (Value, i32) {
    let output = cmd.args(["--format", "json"]).output().unwrap();
    let code = output.status.code().unwrap_or(-1);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (json, code)
}

/// `rule file:line:column` for every diagnostic, in output order.
pub fn findings(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{}",
                d["rule"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["start"]["line"],
                d["start"]["column"]
            )
        })
        .collect()
}

/// Findings of one rule.
pub fn findings_of(json: &Value, rule: &str) -> Vec<String> {
    findings(json)
        .into_iter()
        .filter(|f| f.split(' ').next() == Some(rule))
        .collect()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `files` (path, content) under a fresh temporary folder.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A library run over `root` read through `vfs`, as the command line sets it up with no flags:
/// default config, two threads, only what the mini-program reaches. Tests change the fields
/// they are about.
pub fn lint_options(root: &Path, vfs: Vfs) -> LintOptions {
    LintOptions {
        threads: Some(2),
        ..LintOptions::new(vec![root.to_path_buf()], root.to_path_buf(), Arc::new(vfs))
    }
}

/// Output for people, in English, without colour or a cap on findings.
pub fn plain_style() -> Style {
    Style {
        color: false,
        lang: Lang::En,
        max_diagnostics: None,
    }
}
