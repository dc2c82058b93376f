//! A rule that panics is a bug in ttlint: it must surface as an `internal-error` finding naming
//! the rule and the file, keep every other finding, resist suppression, and end the run with
//! exit code 2 — never a silent pass and never a disguised `parse-error`.

use std::path::PathBuf;

use crate::common;
use ttlint::analysis::context::FileContext;
use ttlint::base::diagnostic::{Diagnostic, Severity};
use ttlint::base::meta::{Category, FixKind, RuleMeta};
use ttlint::base::vfs::Vfs;
use ttlint::cli::{Outcome, outcome};
use ttlint::engine::config::Config;
use ttlint::engine::lint::{LintOptions, lint_with};
use ttlint::rules::{self, Rule};

/// A rule with a bug: it panics on every script.
struct Panics;

static PANICS: RuleMeta = RuleMeta {
    id: "test-panics",
    default_severity: Severity::Error,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "panics on scripts",
    url: "https://example.invalid",
    docs: "",
};

impl Rule for Panics {
    fn meta(&self) -> &'static RuleMeta {
        &PANICS
    }

    fn check_file(&self, cx: &FileContext<'_>, _out: &mut Vec<Diagnostic>) {
        if cx.content.script().is_some() {
            panic!("index out of bounds: the len is 0 but the index is 3");
        }
    }
}

fn run(script: &str) -> ttlint::engine::report::Report {
    let root = PathBuf::from("/app");
    let mut vfs = Vfs::memory();
    vfs.insert(
        root.join("app.json"),
        r#"{ "pages": ["pages/index/index"] }"#.into(),
    );
    vfs.insert(
        root.join("pages/index/index.ttml"),
        "<button bindtap=\"pay\">购买</button>".into(),
    );
    vfs.insert(root.join("pages/index/index.js"), script.into());
    let options = LintOptions {
        threads: Some(1),
        ..common::lint_options(&root, vfs)
    };
    let registry: Vec<&'static dyn Rule> = rules::all()
        .iter()
        .copied()
        .chain([&Panics as &'static dyn Rule])
        .collect();
    lint_with(&options, &registry).expect("the run completes")
}

/// `rule file:line` of each finding.
fn findings(report: &ttlint::engine::report::Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let file = &report.files[d.file.0 as usize];
            let line = file.position(d.span.start()).line;
            format!("{} {}:{}", d.rule.id, file.display, line)
        })
        .collect()
}

#[test]
fn a_panicking_rule_is_an_internal_error_and_the_run_exits_2() {
    let report = run("Page({ pay() { tt.pay({ orderInfo: {} }) } })");
    assert_eq!(
        findings(&report),
        [
            "trade-missing-customer-service app.json:1",
            "trade-prerequisites app.json:1",
            "internal-error pages/index/index.js:1",
            "deprecated-tt-pay pages/index/index.js:1",
        ]
    );
    let internal = report
        .diagnostics
        .iter()
        .find(|d| d.rule.id == "internal-error")
        .expect("an internal-error finding");
    let catalogue = ttlint::base::message::Catalogue::new(ttlint::base::message::Lang::En);
    let message = catalogue.render(&internal.message);
    assert!(
        message.contains("`test-panics`"),
        "names the rule: {message}"
    );
    assert!(
        message.contains("index out of bounds"),
        "says what failed: {message}"
    );
    assert_eq!(report.summary.internal_errors, 1);
    let mut pretty = Vec::new();
    ttlint::output::write(
        &report,
        ttlint::output::Format::Pretty,
        common::plain_style(),
        &mut pretty,
    )
    .unwrap();
    let pretty = String::from_utf8(pretty).unwrap();
    // The internal-error block: from its header to the next finding's header.
    let block: Vec<&str> = pretty
        .lines()
        .skip_while(|l| !l.starts_with("internal-error ("))
        .take_while(|l| !l.starts_with("deprecated-tt-pay ("))
        .collect();
    insta::assert_snapshot!(block.join("\n"));
    let gate = outcome(&report, None);
    assert_eq!(gate, Outcome::InternalError);
    assert_eq!(gate.exit_code(), 2);
}

#[test]
fn an_internal_error_cannot_be_suppressed() {
    let report = run("// ttlint-disable-file internal-error\nPage({})");
    assert_eq!(
        findings(&report)
            .iter()
            .filter(|f| f.starts_with("internal-error"))
            .count(),
        1,
        "{:?}",
        findings(&report)
    );
    assert_eq!(outcome(&report, None).exit_code(), 2);
}

#[test]
fn the_config_cannot_turn_it_off() {
    let error = Config::parse(r#"{ "rules": { "internal-error": "off" } }"#)
        .expect_err("internal-error cannot be configured");
    assert!(error.to_string().contains("internal-error"), "{error}");
}
