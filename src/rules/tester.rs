//! The rule tester, in oxc's style: each rule declares cases that must stay silent and cases that
//! must be reported, in every dialect, and every rendered finding of the failing cases goes into
//! one insta snapshot per rule, so that silence and wording both show in review.
//!
//! A snippet becomes a whole mini-program in memory (a native page, a uni-app page or a Taro
//! page, by the snippet's kind), which is built, loaded and checked through the same model,
//! analyses and rule passes a run uses — file pass and project pass — without the engine above
//! this layer. A case that produced a parse error or a missing file it did not ask for fails:
//! a snippet the parser rejects tests nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::context::{FileContext, ProjectContext};
use crate::base::data::RuleData;
use crate::base::diagnostic::Diagnostic;
use crate::base::message::{Catalogue, Lang, Message};
use crate::base::source::{FileId, FileKind};
use crate::base::vfs::Vfs;
use crate::project::files::{Files, Request};
use crate::project::framework::Framework;
use crate::project::{Loader, build};
use crate::rules::Rule;

/// The folder test projects live in (in memory only).
const ROOT: &str = "/case";

/// One test case: the files of a mini-program, and the file the case is about.
#[derive(Debug, Clone)]
pub struct Case {
    framework: Framework,
    files: Vec<(String, String)>,
    /// The file shown first in the snapshot.
    main: String,
}

fn native_page(name: &str, text: &str, other: (&str, &str)) -> Case {
    Case {
        framework: Framework::Native,
        files: vec![
            (
                "app.json".into(),
                r#"{ "pages": ["pages/index/index"] }"#.into(),
            ),
            (format!("pages/index/index.{name}"), text.into()),
            (format!("pages/index/index.{}", other.0), other.1.into()),
        ],
        main: format!("pages/index/index.{name}"),
    }
}

/// A native page's script (`pages/index/index.js`), with an empty template.
pub fn js(text: &str) -> Case {
    native_page("js", text, ("ttml", "<view/>"))
}

/// A native page's template (`pages/index/index.ttml`), with an empty page script.
pub fn ttml(text: &str) -> Case {
    native_page("ttml", text, ("js", "Page({})"))
}

/// A uni-app page (`pages/index/index.vue`).
pub fn vue(text: &str) -> Case {
    Case {
        framework: Framework::UniApp,
        files: vec![
            (
                "pages.json".into(),
                r#"{ "pages": [{ "path": "pages/index/index" }] }"#.into(),
            ),
            ("manifest.json".into(), "{}".into()),
            ("pages/index/index.vue".into(), text.into()),
        ],
        main: "pages/index/index.vue".into(),
    }
}

/// A Taro page (`pages/index/index.tsx`).
pub fn tsx(text: &str) -> Case {
    Case {
        framework: Framework::Taro,
        files: vec![
            (
                "app.config.ts".into(),
                "export default defineAppConfig({ pages: ['pages/index/index'] })".into(),
            ),
            ("pages/index/index.tsx".into(), text.into()),
        ],
        main: "pages/index/index.tsx".into(),
    }
}

/// A whole mini-program: its framework follows from its configuration file (`app.json`,
/// `pages.json`, `app.config.ts`); the first template or script listed is the one the case is about.
pub fn project(files: &[(&str, &str)]) -> Case {
    let framework = files
        .iter()
        .find_map(|(path, _)| Framework::of_config(Path::new(path)))
        .unwrap_or(Framework::Native);
    let main = files
        .iter()
        .find(|(path, _)| {
            !path.ends_with(".json") && Framework::of_config(Path::new(path)).is_none()
        })
        .or(files.first())
        .map_or_else(String::new, |(path, _)| path.to_string());
    Case {
        framework,
        files: files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect(),
        main,
    }
}

/// Loads everything a project reaches, linted.
struct MemoryLoader(Files);

impl Loader for MemoryLoader {
    fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>> {
        let requests = paths
            .iter()
            .map(|p| {
                FileKind::from_path(p).map(|kind| Request {
                    path: p.clone(),
                    kind,
                    linted: true,
                    in_build: true,
                })
            })
            .collect::<Vec<_>>();
        let wanted: Vec<Request> = requests.iter().flatten().cloned().collect();
        let mut ids = self.0.load(wanted).into_iter();
        requests
            .into_iter()
            .map(|r| r.and_then(|_| ids.next()))
            .collect()
    }

    fn files(&self) -> &Files {
        &self.0
    }
}

/// The built-in rule data, compiled once for all tests.
pub fn data() -> &'static RuleData {
    &SHARED_DATA
}

/// The built-in data, shared with the file table (which keeps the API uses its rules read).
static SHARED_DATA: std::sync::LazyLock<Arc<RuleData>> =
    std::sync::LazyLock::new(|| Arc::new(RuleData::default()));

/// A message in English, as the tests compare it.
pub fn render(message: &Message) -> String {
    static ENGLISH: std::sync::LazyLock<Catalogue> =
        std::sync::LazyLock::new(|| Catalogue::new(Lang::En));
    ENGLISH.render(message)
}

/// What one case produced.
pub struct Outcome {
    pub files: Files,
    pub found: Vec<Diagnostic>,
    /// Parse problems and missing references met (a case must not produce them unasked).
    pub problems: Vec<String>,
}

impl Outcome {
    /// The findings rendered as the snapshot shows them.
    fn rendered(&self) -> String {
        let mut out = String::new();
        for d in &self.found {
            let source = self.files.source(d.file);
            let (start, end) = (
                source.position(d.span.start()),
                source.position(d.span.end()),
            );
            let _ = writeln!(
                out,
                "{} ({}) {}:{}:{}-{}:{}",
                d.rule.id,
                d.severity,
                source.display,
                start.line,
                start.column,
                end.line,
                end.column
            );
            let _ = writeln!(out, "  {}", render(&d.message));
            let line = source
                .text()
                .lines()
                .nth(start.line as usize - 1)
                .unwrap_or("");
            let _ = writeln!(out, "  | {}", line.trim_end());
            if let Some(help) = &d.help {
                let _ = writeln!(out, "  help: {}", render(help));
            }
            for r in &d.related {
                let file = self.files.source(r.file);
                let p = file.position(r.span.start());
                let _ = writeln!(
                    out,
                    "  related: {}:{}:{} {}",
                    file.display,
                    p.line,
                    p.column,
                    render(&r.label)
                );
            }
            if let Some(fix) = &d.fix {
                for edit in &fix.edits {
                    let _ = writeln!(
                        out,
                        "  fix ({:?}): `{}` → `{}`",
                        fix.applicability,
                        source.slice(edit.span),
                        edit.text
                    );
                }
            }
        }
        out
    }
}

/// Runs one rule over a case: the project is built as a run builds it, every file it reaches
/// goes through the file pass, then the project pass runs. Findings are in path and offset order.
pub fn run(rule: &dyn Rule, case: &Case) -> Outcome {
    let root = PathBuf::from(ROOT);
    let mut vfs = Vfs::memory();
    for (path, text) in &case.files {
        vfs.insert(root.join(path), text.clone());
    }
    let mut files = Files::new(&root, Arc::new(vfs));
    files.set_rule_data(Arc::clone(&SHARED_DATA));
    let mut loader = MemoryLoader(files);
    let project = build(&root, case.framework, &mut loader);
    let files = loader.0;
    let mut found = Vec::new();
    let mut problems = Vec::new();
    if let Some(project) = &project {
        for m in &project.missing {
            problems.push(format!("missing: {:?}", m.what));
        }
    } else {
        problems.push("the case's configuration does not make a mini-program".into());
    }
    // As the engine runs, where some file rule always reads the visible text (the drainage
    // rules are on by default): the project pass reads it as the file pass found it.
    let mut visible = Vec::new();
    for (i, entry) in files.entries().iter().enumerate() {
        let id = FileId(i as u32);
        for p in &entry.loaded.problems {
            problems.push(format!("{}: {:?}", entry.loaded.source.display, p.kind));
        }
        let cx = FileContext::new(
            id,
            &entry.loaded.source,
            &entry.loaded.content,
            &entry.loaded.problems,
            entry.in_build,
            data(),
            case.framework,
        );
        rule.check_file(&cx, &mut found);
        cx.visible();
        visible.push(cx.into_visible());
    }
    if let Some(project) = &project {
        let cx = ProjectContext::new(project, &files, data()).with_visible(&visible);
        rule.check_project(&cx, &mut found);
    }
    found.sort_by(|a, b| {
        let (fa, fb) = (&files.source(a.file).display, &files.source(b.file).display);
        fa.cmp(fb).then(a.span.start().cmp(&b.span.start()))
    });
    for d in &found {
        assert_eq!(d.rule.id, rule.meta().id, "a rule reports only its own id");
    }
    Outcome {
        files,
        found,
        problems,
    }
}

/// A rule's cases, checked and snapshotted.
pub struct Tester {
    rule: &'static dyn Rule,
    pass: Vec<Case>,
    fail: Vec<Case>,
    /// Parse errors and missing files are what the case is about (the engine's own rules).
    expect_problems: bool,
}

impl Tester {
    pub fn new(rule: &'static dyn Rule) -> Self {
        Self {
            rule,
            pass: Vec::new(),
            fail: Vec::new(),
            expect_problems: false,
        }
    }

    /// Cases that must stay silent.
    pub fn pass(mut self, cases: impl IntoIterator<Item = Case>) -> Self {
        self.pass.extend(cases);
        self
    }

    /// Cases that must be reported.
    pub fn fail(mut self, cases: impl IntoIterator<Item = Case>) -> Self {
        self.fail.extend(cases);
        self
    }

    /// The cases parse badly or reference missing files on purpose.
    pub fn expect_problems(mut self) -> Self {
        self.expect_problems = true;
        self
    }

    fn checked(&self, case: &Case) -> Outcome {
        let outcome = run(self.rule, case);
        if !self.expect_problems {
            assert!(
                outcome.problems.is_empty(),
                "{}: the case {} has problems it did not ask for: {:?}",
                self.rule.meta().id,
                case.main,
                outcome.problems
            );
        }
        outcome
    }

    /// Checks every case, then snapshots the rendered findings of the failing ones.
    pub fn test_and_snapshot(self) {
        let id = self.rule.meta().id;
        for case in &self.pass {
            let outcome = self.checked(case);
            assert!(
                outcome.found.is_empty(),
                "{id} must stay silent on {}:\n{}\n{}",
                case.main,
                source_of(case),
                outcome.rendered()
            );
        }
        let mut snapshot = String::new();
        for (n, case) in self.fail.iter().enumerate() {
            let outcome = self.checked(case);
            assert!(
                !outcome.found.is_empty(),
                "{id} must report {}:\n{}",
                case.main,
                source_of(case)
            );
            let _ = writeln!(snapshot, "── case {} ({}) ──", n + 1, case.main);
            snapshot.push_str(&outcome.rendered());
        }
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(id, snapshot);
        });
    }
}

fn source_of(case: &Case) -> String {
    case.files
        .iter()
        .find(|(p, _)| *p == case.main)
        .map_or_else(String::new, |(_, t)| t.clone())
}

/// One fenced code block of a rule's docs: its language, its `title="path"` when the block is
/// one file of a larger example, and its text.
struct Block<'a> {
    lang: &'a str,
    title: Option<&'a str>,
    text: String,
}

/// The code blocks of one `## Heading` section of a rule's docs.
fn code_blocks<'a>(docs: &'a str, heading: &str) -> Vec<Block<'a>> {
    let Some(start) = docs.find(&format!("## {heading}\n")) else {
        return Vec::new();
    };
    let section = &docs[start + heading.len() + 4..];
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace();
        let lang = words.next().unwrap_or("");
        let title = words.find_map(|w| {
            w.strip_prefix("title=\"")
                .and_then(|rest| rest.strip_suffix('"'))
        });
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        blocks.push(Block {
            lang,
            title,
            text: body.join("\n"),
        });
    }
    blocks
}

/// A section's code blocks as one case. Titled blocks are the files of a whole project; else a
/// template and a script make one native page, a Vue block a uni-app page, a TSX block a Taro
/// page, and a JSON block with `pages` the app's config.
fn docs_case(docs: &str, heading: &str) -> Option<Case> {
    let blocks = code_blocks(docs, heading);
    let titled: Vec<(&str, &str)> = blocks
        .iter()
        .filter_map(|b| b.title.map(|t| (t, b.text.as_str())))
        .collect();
    if !titled.is_empty() {
        return Some(project(&titled));
    }
    let find = |langs: &[&str]| {
        blocks
            .iter()
            .find(|b| langs.contains(&b.lang))
            .map(|b| b.text.clone())
    };
    if let Some(text) = find(&["vue"]) {
        return Some(vue(&text));
    }
    if let Some(text) = find(&["tsx", "jsx"]) {
        return Some(tsx(&text));
    }
    let template = find(&["html", "ttml"]);
    let script = find(&["js", "javascript", "ts"]);
    let json = find(&["json", "jsonc"]);
    if template.is_none() && script.is_none() && json.is_none() {
        return None;
    }
    let app = match &json {
        Some(j) if j.contains("\"pages\"") => j.clone(),
        _ => r#"{ "pages": ["pages/index/index"] }"#.into(),
    };
    let mut files = vec![
        ("app.json".to_string(), app),
        (
            "pages/index/index.ttml".to_string(),
            template.unwrap_or_else(|| "<view/>".into()),
        ),
        (
            "pages/index/index.js".to_string(),
            script.unwrap_or_else(|| "Page({})".into()),
        ),
    ];
    if let Some(j) = json.filter(|j| !j.contains("\"pages\"")) {
        files.push(("pages/index/index.json".into(), j));
    }
    Some(Case {
        framework: Framework::Native,
        main: "pages/index/index.ttml".into(),
        files,
    })
}

/// A rule's documented "Example" must be reported and its "Use instead" must stay silent: docs
/// that drift from the rule mislead the people who read them.
pub fn check_docs(rule: &'static dyn Rule) {
    let meta = rule.meta();
    let example = docs_case(meta.docs, "Example")
        .unwrap_or_else(|| panic!("{}: the docs have no Example code", meta.id));
    assert!(
        !run(rule, &example).found.is_empty(),
        "{}: the docs' Example is not reported",
        meta.id
    );
    if let Some(instead) = docs_case(meta.docs, "Use instead") {
        let outcome = run(rule, &instead);
        assert!(
            outcome.found.is_empty(),
            "{}: the docs' Use instead is reported:\n{}",
            meta.id,
            outcome.rendered()
        );
    }
}
