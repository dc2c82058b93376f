//! Helpers for the inline tests next to each rule: lint a snippet, compare `(line, column)`s.

use crate::analysis::context::FileContext;
use crate::base::data::RuleData;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::{FileId, FileKind, SourceFile};
use crate::rules::Rule;
use crate::syntax::js;
use crate::syntax::load::Content;

/// The built-in rule data, compiled once for all tests.
pub fn data() -> &'static RuleData {
    static DATA: std::sync::LazyLock<RuleData> = std::sync::LazyLock::new(RuleData::default);
    &DATA
}

/// A message in English, as the tests compare it.
pub fn render(message: &crate::base::message::Message) -> String {
    use crate::base::message::{Catalogue, Lang};
    static ENGLISH: std::sync::LazyLock<Catalogue> =
        std::sync::LazyLock::new(|| Catalogue::new(Lang::En));
    ENGLISH.render(message)
}

/// Runs a file rule over one file's parsed content.
fn run(rule: &dyn Rule, source: &SourceFile, content: &Content) -> Vec<Diagnostic> {
    let cx = FileContext {
        id: FileId(0),
        source,
        content,
        problems: &[],
        data: data(),
    };
    let mut out = Vec::new();
    rule.check_file(&cx, &mut out);
    out
}

/// `(line, column)` of each finding, sorted, checking each carries the rule's id.
fn positions(rule: &dyn Rule, source: &SourceFile, found: &[Diagnostic]) -> Vec<(u32, u32)> {
    let mut got: Vec<(u32, u32)> = found
        .iter()
        .map(|d| {
            assert_eq!(d.rule.id, rule.meta().id);
            let p = source.position(d.span.start);
            (p.line, p.column)
        })
        .collect();
    got.sort();
    got
}

/// Runs a file rule over a JavaScript snippet.
pub fn lint_script(rule: &dyn Rule, src: &str) -> (SourceFile, Vec<Diagnostic>) {
    let source = SourceFile::new(
        "test.js".into(),
        "test.js".into(),
        FileKind::Script,
        src.to_string(),
    );
    let parsed = js::parse::parse(source.body(), source.bom, FileKind::Script)
        .unwrap_or_else(|e| panic!("test snippet does not parse: {e:?}\n{src}"));
    let content = Content {
        script: Some(js::facts::extract(&parsed.program, &parsed.comments).facts),
        ..Content::default()
    };
    let found = run(rule, &source, &content);
    (source, found)
}

/// Runs a file rule over a TTML snippet.
pub fn lint_template_diagnostics(rule: &dyn Rule, src: &str) -> (SourceFile, Vec<Diagnostic>) {
    let source = SourceFile::new(
        "test.ttml".into(),
        "test.ttml".into(),
        FileKind::Ttml,
        src.to_string(),
    );
    let content = Content {
        markup: Some(crate::syntax::markup::ttml::parse(src, 0).markup),
        ..Content::default()
    };
    let found = run(rule, &source, &content);
    (source, found)
}

/// Asserts the rule reports exactly at these `(line, column)` positions, and that each finding
/// carries the rule's id.
pub fn assert_script(rule: &dyn Rule, src: &str, expected: &[(u32, u32)]) {
    let (source, found) = lint_script(rule, src);
    assert_eq!(
        positions(rule, &source, &found),
        expected,
        "findings of {} in:\n{src}",
        rule.meta().id
    );
}

pub fn assert_script_clean(rule: &dyn Rule, src: &str) {
    assert_script(rule, src, &[]);
}

/// Lints a throw-away project (written to a temporary folder) with only `rule` enabled, through
/// the whole engine, and returns `path:line:column` of each finding of that rule.
pub fn lint_project(rule: &dyn Rule, files: &[(&str, &str)]) -> Vec<String> {
    lint_project_messages(rule, files)
        .into_iter()
        .map(|(at, _)| at)
        .collect()
}

/// Like [`lint_project`], with each finding's message.
pub fn lint_project_messages(rule: &dyn Rule, files: &[(&str, &str)]) -> Vec<(String, String)> {
    use crate::engine::config::{Config, Level};
    use crate::engine::lint::{LintOptions, lint};

    let root = std::path::PathBuf::from("/project");
    let mut vfs = crate::base::vfs::Vfs::memory();
    for (path, text) in files {
        vfs.insert(root.join(path), text.to_string());
    }
    let mut config = Config::default();
    for other in crate::rules::all() {
        if other.meta().id != rule.meta().id {
            config.rules.insert(other.meta().id.to_string(), Level::Off);
        }
    }
    let options = LintOptions {
        paths: vec![root.clone()],
        cwd: root,
        config,
        ignore: Vec::new(),
        threads: Some(1),
        quiet: false,
        all_files: false,
        stdin: None,
        summarize: false,
        vfs: std::sync::Arc::new(vfs),
    };
    let report = lint(&options).expect("the test project lints");
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (start, _) = report.range(d);
            let file = &report.file(d.file).display;
            (
                format!("{file}:{}:{}", start.line, start.column),
                render(&d.message),
            )
        })
        .collect()
}

/// Runs a file rule over a TTML snippet; returns `(line, column)` of each finding.
pub fn lint_template(rule: &dyn Rule, src: &str) -> Vec<(u32, u32)> {
    let (source, found) = lint_template_diagnostics(rule, src);
    positions(rule, &source, &found)
}
