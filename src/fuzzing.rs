//! Stable entry points for the fuzz targets in `fuzz/` (compiled only with the `fuzzing` feature).
//!
//! The targets call nothing but these functions, so the crate's internals can stop being `pub`
//! without touching the fuzzers. Each function runs one parser the way a run uses it, then checks
//! the invariants later layers rely on (every span it records lies inside the text), and panics
//! when one does not hold: to a fuzzer a broken invariant is a crash, found before it turns into
//! a wrong code frame or a slice out of bounds in a formatter.
//!
//! oxc may panic on odd input and [`crate::syntax::js::parse`] catches that by design, turning
//! it into a syntax error; [`install_panic_hook`] keeps those caught panics from being reported
//! as crashes while every other panic still is.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::base::source::{FileKind, LineIndex, SourceFile, Span};
use crate::base::vfs::Vfs;
use crate::engine::lint::{LintOptions, lint};
use crate::output::{self, Format, Style};
use crate::project::app::{AppConfig, Easycom};
use crate::syntax::comment::Comment;
use crate::syntax::js::conditional::Regions;
use crate::syntax::js::{nesting, parse as js, static_value};
use crate::syntax::json::{self, Dialect, Json};
use crate::syntax::load::{self, Loaded};
use crate::syntax::markup;
use crate::syntax::suppress::Suppressions;
use crate::syntax::vue::sfc;

/// Replaces the fuzzer's panic hook (which aborts on every panic, caught or not) with one that
/// aborts only on panics outside oxc. A panic inside oxc is caught by the parser guard and becomes
/// a syntax error, as the linter intends; any other panic is a bug and aborts with its message, so
/// libFuzzer saves the input. Call it once, before the first input.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_oxc = info.location().is_some_and(|l| l.file().contains("oxc_"));
        if !in_oxc {
            default(info);
            std::process::abort();
        }
    }));
}

/// The stack of the engine's worker threads, where every file is parsed in a run. The fuzzer
/// calls on its main thread (8 MB): parsing there would report stack overflows on nesting the
/// engine handles, and miss none it does not.
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// Runs `f` on a thread with the engine's worker stack.
fn on_worker_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(WORKER_STACK)
            .spawn_scoped(scope, f);
        match worker.map(|w| w.join()) {
            Ok(Ok(value)) => value,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(e) => panic!("cannot start a worker thread: {e}"),
        }
    })
}

/// Panics unless `span` lies inside a text of `len` bytes starting at `base`.
fn check_span(what: &str, span: Span, base: usize, len: usize) {
    assert!(
        span.start() <= span.end() && span.start() >= base && span.end() <= base + len + 1,
        "{what} span {span:?} outside the text {base}..{}",
        base + len
    );
}

fn check_loaded(loaded: &Loaded) {
    let len = loaded.source.text().len();
    for problem in &loaded.problems {
        check_span("problem", problem.span, 0, len);
    }
}

fn source(name: &str, kind: FileKind, text: &str) -> SourceFile {
    SourceFile::new(
        PathBuf::from(name),
        name.to_string(),
        kind,
        text.to_string(),
    )
}

/// The TTML parser, then the whole load of a `.ttml` file (suppressions, problems).
pub fn ttml(text: &str) {
    on_worker_stack(|| ttml_here(text));
}

fn ttml_here(text: &str) {
    let parsed = markup::ttml::parse(text, 0);
    for e in &parsed.errors {
        check_span("TTML error", e.span, 0, text.len());
    }
    for c in &parsed.comments {
        check_span("TTML comment", c.span, 0, text.len());
    }
    check_loaded(&load::parse(
        source("page.ttml", FileKind::Ttml, text),
        load::Origin::Build,
    ));
}

/// The Vue single-file component splitter, the Vue template dialect over the whole text, and the
/// whole load of a `.vue` file (scripts parsed at their offsets, template lowered).
pub fn vue(text: &str) {
    on_worker_stack(|| vue_here(text));
}

fn vue_here(text: &str) {
    let outline = sfc::split(text, 0);
    for e in &outline.errors {
        check_span("SFC error", e.span, 0, text.len());
    }
    if let Some(t) = &outline.template {
        check_span("template", t.inner, 0, text.len());
    }
    for s in &outline.scripts {
        check_span("script", s.inner, 0, text.len());
    }
    let template = markup::vue::parse(text, 0);
    for e in &template.errors {
        check_span("Vue template error", e.span, 0, text.len());
    }
    check_loaded(&load::parse(
        source("page.vue", FileKind::Vue, text),
        load::Origin::Build,
    ));
}

/// oxc over a `.tsx` file and the facts extraction, which lowers its JSX into markup: the whole
/// load of a `.tsx` file, which does both.
pub fn tsx(text: &str) {
    on_worker_stack(|| {
        check_loaded(&load::parse(
            source("page.tsx", FileKind::Tsx, text),
            load::Origin::Build,
        ))
    });
}

/// JSON both ways (strict and with comments), then uni-app's `pages.json` reading of it and the
/// mini-program's `app.json` reading.
pub fn jsonc(text: &str) {
    on_worker_stack(|| jsonc_here(text));
}

fn jsonc_here(text: &str) {
    let _ = json::parse(text, 0, Dialect::Strict);
    if let Ok(doc) = json::parse(text, 0, Dialect::WithComments) {
        for c in &doc.comments {
            check_span("JSON comment", c.span, 0, text.len());
        }
        if let Some(value) = &doc.value {
            check_json(value, text.len());
            let regions =
                Regions::from_comments(doc.comments.iter().map(|c| (c.span, c.text.as_str())));
            let _ = AppConfig::from_pages_json(value, &regions);
            let _ = Easycom::from_pages_json(value);
            let _ = AppConfig::from_json(value);
        }
    }
}

fn check_json(value: &Json, len: usize) {
    check_span("JSON value", value.span, 0, len);
    if let Some(items) = value.as_array() {
        items.iter().for_each(|v| check_json(v, len));
    }
    if let Some(members) = value.as_object() {
        members.iter().for_each(|m| check_json(&m.value, len));
    }
}

/// Taro's `app.config.ts`: oxc, the static evaluation of the exported object, and the app
/// configuration read from it; then the whole load of the file under that name.
pub fn app_config(text: &str) {
    on_worker_stack(|| app_config_here(text));
}

fn app_config_here(text: &str) {
    // As the loader does: oxc never sees what the nesting guard refuses.
    if nesting::too_deep_typescript(text).is_none()
        && let Some(value) = js::with_arena(|arena| {
            let parsed = js::parse(arena, text, 0, FileKind::TypeScript).ok()?;
            static_value::exported_object(&parsed.program, parsed.base)
        })
    {
        let _ = AppConfig::from_json(&value);
    }
    check_loaded(&load::parse(
        source("src/app.config.ts", FileKind::TypeScript, text),
        load::Origin::Build,
    ));
}

/// The suppression-comment parser: each line of `text` is a comment (`//` when it starts with a
/// space, a block comment otherwise), then every rule id is asked about every line, and the
/// unused directives are listed.
pub fn suppressions(text: &str) {
    on_worker_stack(|| suppressions_here(text));
}

fn suppressions_here(text: &str) {
    let lines = LineIndex::new(text);
    let mut comments = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        comments.push(Comment {
            span: Span::new(offset, offset + body.len()),
            text: body.to_string(),
            block: !body.starts_with(' '),
        });
        offset += line.len();
    }
    let mut parsed = Suppressions::parse(&comments, |at| lines.line_of(at), text.len());
    let ids: Vec<&str> = crate::rules::all().iter().map(|r| r.meta().id).collect();
    for (i, c) in comments.iter().enumerate() {
        let rule = ids[i % ids.len()];
        let _ = parsed.suppresses(rule, c.span.start(), lines.line_of(c.span.start()));
    }
    let known = |rule: &str| crate::rules::find(rule).is_some();
    let _ = parsed.unused(&known, &known);
}

/// What a fuzzed project's run came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectRun {
    /// Findings reported.
    pub findings: usize,
    /// Mini-programs the project pass ran over (0 when no configuration could be read).
    pub projects: usize,
}

/// The whole engine over an in-memory project: `files` are `(path relative to the root, text)`.
/// Every rule is on; the report is then rendered as JSON and as code frames, as the binary would.
pub fn project(files: &[(String, String)]) -> ProjectRun {
    let root = Path::new("/fuzz");
    let mut vfs = Vfs::memory();
    for (path, text) in files {
        let relative = path.trim_start_matches('/');
        if relative.is_empty() || relative.split('/').any(|c| c == ".." || c == ".") {
            continue;
        }
        vfs.insert(root.join(relative), text.clone());
    }
    let options = LintOptions {
        threads: Some(1),
        summarize: true,
        ..LintOptions::new(vec![root.to_path_buf()], root.to_path_buf(), Arc::new(vfs))
    };
    let Ok(report) = lint(&options) else {
        return ProjectRun {
            findings: 0,
            projects: 0,
        };
    };
    assert_eq!(
        report.summary.internal_errors,
        0,
        "a rule panicked: {:?}",
        report
            .diagnostics
            .iter()
            .find(|d| d.rule.id == "internal-error")
    );
    for d in &report.diagnostics {
        let len = report.file(d.file).text().len();
        check_span("finding", d.span, 0, len);
    }
    let style = Style {
        color: false,
        lang: crate::base::message::Lang::En,
        max_diagnostics: None,
    };
    for format in [Format::Json, Format::Pretty, Format::Concise, Format::Html] {
        let mut out = Vec::new();
        let written = output::write(&report, format, style, &mut out);
        assert!(written.is_ok(), "{format:?} output failed: {written:?}");
    }
    ProjectRun {
        findings: report.diagnostics.len(),
        projects: report.project_passes,
    }
}
