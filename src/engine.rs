//! The lint run: discover → load & parse (parallel, once per file) → file pass (parallel) →
//! project pass → report (suppressions, severities, sorting).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::{Config, Level, UsageError};
use crate::context::FileContext;
use crate::data::RuleData;
use crate::diagnostic::{Diagnostic, Severity};
use crate::discover::{self, Ignore};
use crate::load::{self, Loaded};
use crate::report::{Report, Summary};
use crate::rules::{self, PARSE_ERROR, Rule};
use crate::source::{FileId, SourceFile, Span};

/// Worker threads get large stacks: swc and the tree walks recurse once per nesting level.
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// Everything a run needs besides the files themselves.
#[derive(Debug, Clone)]
pub struct LintOptions {
    pub paths: Vec<PathBuf>,
    /// The working directory paths are relative to.
    pub cwd: PathBuf,
    pub config: Config,
    /// `--ignore` patterns (relative to `cwd`).
    pub ignore: Vec<String>,
    /// Worker threads; `None` = one per core.
    pub threads: Option<usize>,
    /// Report errors only (`--quiet`).
    pub quiet: bool,
}

/// The rules enabled in a run, with their severities.
struct Enabled {
    rules: Vec<(&'static dyn Rule, Severity)>,
}

impl Enabled {
    fn new(config: &Config) -> Self {
        let rules = rules::all()
            .iter()
            .filter_map(|&rule| match config.level(rule.meta()) {
                Level::Off => None,
                Level::On(severity) => Some((rule, severity)),
            })
            .collect();
        Self { rules }
    }

    fn severity(&self, id: &str) -> Option<Severity> {
        self.rules
            .iter()
            .find(|(r, _)| r.meta().id == id)
            .map(|&(_, s)| s)
    }
}

/// A file after the file pass.
struct Linted {
    loaded: Loaded,
}

/// Runs a lint over `options.paths`.
pub fn lint(options: &LintOptions) -> Result<Report, UsageError> {
    let ignore = Ignore::new(
        &options.config.ignore,
        options.config.base_dir(),
        &options.ignore,
        &options.cwd,
    )?;
    let discovery = discover::discover(&options.paths, &ignore, &options.cwd)?;
    let enabled = Enabled::new(&options.config);
    let data = RuleData::new(&options.config.data);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| UsageError(format!("cannot start worker threads: {e}")))?;

    let linted: Vec<Linted> = pool.install(|| {
        discovery
            .candidates
            .par_iter()
            .enumerate()
            .map(|(i, c)| {
                let id = FileId(i as u32);
                let loaded = load::load(id, c.path.clone(), c.display.clone(), c.kind, None);
                file_pass(id, loaded, &enabled, &data)
            })
            .collect()
    });

    Ok(finish(linted, &enabled, options.quiet))
}

/// Runs every enabled file rule over one file. A rule that panics (a bug in ttlint) costs that
/// file its findings from that rule, reported as such, and nothing else.
fn file_pass(id: FileId, mut loaded: Loaded, enabled: &Enabled, data: &RuleData) -> Linted {
    let mut found = Vec::new();
    for &(rule, _) in &enabled.rules {
        let cx = FileContext {
            id,
            source: &loaded.source,
            content: &loaded.content,
            data,
        };
        let mut out = Vec::new();
        let run = catch_unwind(AssertUnwindSafe(|| rule.check_file(&cx, &mut out)));
        match run {
            Ok(()) => found.append(&mut out),
            Err(panic) => found.push(internal_error(id, rule.meta().id, &panic)),
        }
    }
    loaded.diagnostics.append(&mut found);
    Linted { loaded }
}

fn internal_error(id: FileId, rule: &str, panic: &Box<dyn std::any::Any + Send>) -> Diagnostic {
    let what = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown error");
    Diagnostic::new(&PARSE_ERROR, id, Span::default(), format!("internal error in rule `{rule}` on this file: {what}"))
        .with_help("This is a bug in ttlint, not in your code: please report it with this file. Other rules and files were still checked.")
}

/// Applies suppressions and severities, drops findings of disabled rules, sorts, and counts.
fn finish(linted: Vec<Linted>, enabled: &Enabled, quiet: bool) -> Report {
    let mut files: Vec<SourceFile> = Vec::with_capacity(linted.len());
    let mut diagnostics = Vec::new();
    let mut suppressed = 0;
    for Linted { loaded } in linted {
        let Loaded {
            source,
            mut suppressions,
            diagnostics: found,
            ..
        } = loaded;
        for mut d in found {
            let Some(severity) = enabled.severity(d.rule.id) else {
                continue;
            };
            if d.rule.id != PARSE_ERROR.id
                && suppressions.suppresses(&d, source.lines.line_of(d.span.start))
            {
                suppressed += 1;
                continue;
            }
            d.severity = severity;
            diagnostics.push(d);
        }
        let file = FileId(files.len() as u32);
        if let Some(severity) = enabled.severity(rules::UNUSED_SUPPRESSION.id) {
            for mut d in suppressions.unused(file, &|id| enabled.severity(id).is_some()) {
                d.severity = severity;
                diagnostics.push(d);
            }
        }
        files.push(source);
    }
    if quiet {
        diagnostics.retain(|d| d.severity == Severity::Error);
    }
    diagnostics.sort_by(|a, b| {
        let (fa, fb) = (&files[a.file.0 as usize], &files[b.file.0 as usize]);
        fa.display
            .cmp(&fb.display)
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.id.cmp(b.rule.id))
            .then(a.span.end.cmp(&b.span.end))
            .then(a.message.cmp(&b.message))
    });
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let summary = Summary {
        files: files.len(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        suppressed,
        skipped: 0,
    };
    Report {
        files,
        diagnostics,
        summary,
    }
}
