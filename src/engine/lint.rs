//! The lint run: discover → load & parse (parallel, once per file; projects in waves from
//! `app.json`) → file pass (parallel) → project pass → report (suppressions, severities, order).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::config::{Config, Level};
use super::report::{Report, SkipReason, Skipped, Summary, Unread};
use super::summary::{self, ProjectSummary};
use crate::analysis::context::{FileContext, ProjectContext};
use crate::analysis::text::Text;
use crate::base::data::RuleData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::error::UsageError;
use crate::base::messages;
use crate::base::source::{FileId, FileKind, SourceFile, Span};
use crate::base::vfs::Vfs;
use crate::project::discover::{self, Found, Ignore, NotRead};
use crate::project::files::{Entry, Files, Request};
use crate::project::framework::Framework;
use crate::project::{self, Loader, Project, not_app};
use crate::rules::{self, InternalError, Rule, UnusedSuppression};
use crate::syntax::load::{Content, Loaded, Problem, is_config_script};
use crate::syntax::suppress::Suppressions;

/// Worker threads get large stacks: the parser and the tree walks recurse once per nesting level.
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
    /// Lint files not reachable from `app.json` too (`--all-files`).
    pub all_files: bool,
    /// Lint a framework's compiled output too (`--include-build-output`).
    pub build_output: bool,
    /// `--stdin-filename`: the only file linted (its text is in `vfs`), with its project around it.
    pub stdin: Option<PathBuf>,
    /// Where files are read from: memory (buffers, standard input, tests) over the disk.
    pub vfs: Arc<Vfs>,
    /// Summarize each mini-program page by page into [`Report::projects`], for the formats that
    /// show it (HTML). A flag rather than a separate call: the summary reuses the analyses the
    /// project pass has cached, which exist only during the run; other runs skip it entirely.
    pub summarize: bool,
}

impl LintOptions {
    /// A run over `paths` (relative to `cwd`) as `ttlint PATHS` runs it with no flags: the
    /// default configuration, a thread per core, only what the mini-programs reach, files read
    /// through `vfs`. Embedders and tests change the fields they are about.
    pub fn new(paths: Vec<PathBuf>, cwd: PathBuf, vfs: Arc<Vfs>) -> Self {
        Self {
            paths,
            cwd,
            config: Config::default(),
            ignore: Vec::new(),
            threads: None,
            quiet: false,
            all_files: false,
            build_output: false,
            stdin: None,
            vfs,
            summarize: false,
        }
    }
}

/// The rules enabled in a run, with their severities.
pub(super) struct Enabled {
    rules: Vec<(&'static dyn Rule, Severity)>,
}

impl Enabled {
    pub(super) fn new(config: &Config, registry: &[&'static dyn Rule]) -> Self {
        let rules = registry
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

/// The engine's side of project building: which paths are read, and which are linted.
pub(super) struct EngineLoader<'a> {
    pub(super) files: &'a mut Files,
    pub(super) ignore: &'a Ignore,
    /// What discovery saw: a file the build reaches is linted if the walk found it (or it was
    /// named).
    pub(super) found: Found,
    /// Those of them named rather than walked.
    pub(super) named: &'a FxHashSet<PathBuf>,
}

impl Loader for EngineLoader<'_> {
    fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>> {
        // A wave brings thousands of paths: each is looked up in the walk's listing across the
        // threads.
        let (found, named, ignore) = (&self.found, self.named, self.ignore);
        let asked: Vec<Option<Request>> = paths
            .par_iter()
            .map(|path| {
                let kind = FileKind::from_path(path)?;
                let linted = found.has(path);
                // A walk prunes what is ignored: a file it found needs no second look (one named
                // on the command line or given on standard input does).
                let walked = linted && !named.contains(path);
                (walked || !ignore.is_ignored(path)).then(|| Request {
                    path: path.clone(),
                    kind,
                    linted,
                    in_build: true,
                })
            })
            .collect();
        let mut requests = Vec::new();
        let mut slots = Vec::with_capacity(asked.len());
        for request in asked {
            slots.push(request.map(|r| {
                requests.push(r);
                requests.len() - 1
            }));
        }
        let ids = self.files.load(requests);
        slots.into_iter().map(|s| s.map(|i| ids[i])).collect()
    }

    fn files(&self) -> &Files {
        self.files
    }

    fn found(&self) -> Found {
        Arc::clone(&self.found)
    }
}

/// The threads a run works on: `threads` of them (`None`: one per core), with the stacks the
/// parser needs. A caller that does more in parallel after the lint (lays out the report) builds
/// one and runs both on it ([`lint_in`]).
pub fn worker_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, UsageError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("ttlint-worker-{i}"))
        .build()
        .map_err(|e| UsageError::new(messages::error_threads(e.to_string())))
}

/// Runs a lint over `options.paths` with every rule of the registry.
pub fn lint(options: &LintOptions) -> Result<Report, UsageError> {
    lint_with(options, rules::all())
}

/// Runs a lint with the given rules instead of the registry: for embedders that check a subset,
/// and for tests that need a rule the registry does not have (one that panics).
pub fn lint_with(
    options: &LintOptions,
    registry: &[&'static dyn Rule],
) -> Result<Report, UsageError> {
    lint_in(&worker_pool(options.threads)?, options, registry)
}

/// [`lint_with`] on the threads of `pool` ([`worker_pool`]); `options.threads` is not read.
pub fn lint_in(
    pool: &rayon::ThreadPool,
    options: &LintOptions,
    registry: &[&'static dyn Rule],
) -> Result<Report, UsageError> {
    let ignore = Ignore::new(
        &options.config.ignore,
        options.config.base_dir(),
        &options.ignore,
        &options.cwd,
    )?;
    let vfs = &*options.vfs;
    // The walk reads folders in parallel; the rules' patterns compile beside it.
    let (discovery, data) = pool.install(|| {
        rayon::join(
            || match &options.stdin {
                Some(path) => discover::stdin_file(path, &options.cwd, vfs),
                None => discover::discover(
                    &options.paths,
                    &ignore,
                    &options.cwd,
                    vfs,
                    options.build_output,
                ),
            },
            || RuleData::shared(&options.config.data),
        )
    });
    let discovery = discovery?;
    let enabled = Enabled::new(&options.config, registry);

    let named: FxHashSet<PathBuf> = discovery
        .candidates
        .iter()
        .filter(|c| c.explicit)
        .map(|c| c.path.clone())
        .collect();
    let mut files = Files::new(&options.cwd, Arc::clone(&options.vfs));
    files.set_rule_data(Arc::clone(&data));
    let mut projects: Vec<Project> = Vec::new();
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut skipped: Vec<Skipped> = discovery
        .not_read
        .iter()
        .map(|(path, why)| Skipped {
            path: path.clone(),
            reason: match why {
                NotRead::Ignored => SkipReason::Ignored,
                NotRead::Kind => SkipReason::NotRead,
            },
        })
        .collect();
    let mut summaries: Vec<ProjectSummary> = Vec::new();

    pool.install(|| {
        for root in &discovery.roots {
            let mut loader = EngineLoader {
                files: &mut files,
                ignore: &ignore,
                found: Arc::clone(&discovery.listing),
                named: &named,
            };
            if let Some(project) = project::build(&root.path, root.framework, &mut loader) {
                projects.push(project);
            }
        }
        // What the projects did not reach: files named on the command line, scripts and
        // templates outside any project, and (with --all-files) everything else; the rest is
        // skipped. A `.json` outside a mini-program is some other tool's config (package.json,
        // tsconfig.json, a uni-app manifest with comments), not ttlint's to judge.
        let mut rest = Vec::new();
        for c in &discovery.candidates {
            if files.id(&c.path).is_some() {
                continue;
            }
            let project = projects
                .iter()
                .find(|p| discover::is_within(&c.path, &p.root));
            let skip = |reason| Skipped {
                path: c.display.clone(),
                reason,
            };
            if c.build_output {
                skipped.push(skip(SkipReason::BuildOutput));
                continue;
            }
            // Back-end code, mock data and tests beside the app: not app code, in any mode.
            let relative = project
                .and_then(|p| c.path.strip_prefix(&p.root).ok())
                .unwrap_or(Path::new(&c.display));
            if is_config_script(&c.path) || not_app::by_path(relative, &data.not_app_code) {
                skipped.push(skip(SkipReason::Tooling));
                continue;
            }
            let replaced = |p: &Project| {
                p.framework
                    .douyin_variant(&c.path)
                    .is_some_and(|variant| vfs.is_file(&variant))
            };
            if project
                .is_some_and(|p| p.framework.other_platform_file(&p.root, &c.path) || replaced(p))
            {
                skipped.push(skip(SkipReason::OtherPlatform));
                continue;
            }
            let loose = project.is_none() && c.kind.is_source();
            if loose || c.explicit || options.all_files {
                rest.push(Request {
                    path: c.path.clone(),
                    kind: c.kind,
                    linted: true,
                    in_build: false,
                });
            } else if c.kind.is_source() {
                skipped.push(skip(SkipReason::Unreachable));
            }
        }
        let ids = files.load(rest);
        // Scripts that run in Node or on a server (build and upload scripts, cloud functions)
        // are not the app.
        for id in ids {
            let script = files.content(id).script();
            if script.is_some_and(|facts| not_app::by_imports(facts, &data.not_app_code)) {
                files.unlint(id);
                skipped.push(Skipped {
                    path: files.source(id).display.clone(),
                    reason: SkipReason::Tooling,
                });
            }
        }
    });

    // By file id: what each file's rules found, and the visible text they looked for. In pieces
    // of some dozens of files, as the load is (`project::files`), so that no thread is left
    // with a long last piece while the other waits.
    let passed: Vec<(Vec<Diagnostic>, Option<Vec<Text>>)> = pool.install(|| {
        files
            .entries()
            .par_iter()
            .with_max_len(64)
            .enumerate()
            .map(|(i, entry)| {
                if !entry.linted {
                    return (Vec::new(), None);
                }
                let framework = framework_of(&projects, &entry.loaded.source.path);
                file_pass(FileId(i as u32), entry, framework, &enabled, &data)
            })
            .collect()
    });
    let mut visible = Vec::with_capacity(passed.len());
    for (file_findings, texts) in passed {
        found.extend(file_findings);
        visible.push(texts);
    }

    pool.install(|| {
        for project in &projects {
            let cx = ProjectContext::new(project, &files, &data).with_visible(&visible);
            found.extend(project_pass(&cx, &enabled));
            if options.summarize {
                summaries.push(summary::summarize(&cx, &options.cwd));
            }
        }
    });

    let project_passes = projects.len();
    // The walk's listing and the projects' models hold a few paths for every file: they are
    // freed beside the report's making rather than after it, on one thread.
    let (mut report, ()) = pool.install(|| {
        rayon::join(
            || finish(files, found, &enabled, skipped),
            || drop((projects, discovery, named)),
        )
    });
    report.root = options.cwd.clone();
    report.project_passes = project_passes;
    report.projects = summaries;
    report.rules = enabled.rules.iter().map(|(r, _)| r.meta().id).collect();
    if options.quiet {
        report.keep_errors();
    }
    Ok(report)
}

/// Runs every enabled project rule over one mini-program. A rule that panics costs the project
/// that rule's findings, reported on `app.json`, and nothing else.
pub(super) fn project_pass(cx: &ProjectContext, enabled: &Enabled) -> Vec<Diagnostic> {
    // Should the shared analyses panic (a bug), each rule that asks for them meets the panic
    // again and reports it as its own.
    let _ = catch_unwind(AssertUnwindSafe(|| cx.prepare()));
    enabled
        .rules
        .par_iter()
        .flat_map_iter(|&(rule, _)| {
            let mut out = Vec::new();
            let run = catch_unwind(AssertUnwindSafe(|| rule.check_project(cx, &mut out)));
            if let Err(panic) = run {
                out = vec![InternalError::diagnostic(
                    cx.project.app_json,
                    rule.meta().id,
                    panic_message(&panic),
                )];
            }
            out
        })
        .collect()
}

/// The framework of the innermost mini-program holding `path`; `Native` outside any.
pub(super) fn framework_of(projects: &[Project], path: &Path) -> Framework {
    projects
        .iter()
        .filter(|p| discover::is_within(path, &p.root))
        .max_by_key(|p| p.root.components().count())
        .map_or(Framework::Native, |p| p.framework)
}

/// Runs every enabled file rule over one file. A rule that panics (a bug in ttlint) costs that
/// file its findings from that rule, reported as such, and nothing else. Also gives back the
/// file's visible text if a rule looked for it, for the project pass.
pub(super) fn file_pass<'a>(
    id: FileId,
    entry: &'a Entry,
    framework: Framework,
    enabled: &Enabled,
    data: &'a RuleData,
) -> (Vec<Diagnostic>, Option<Vec<Text<'a>>>) {
    let cx = FileContext::new(
        id,
        &entry.loaded.source,
        &entry.loaded.content,
        &entry.loaded.problems,
        entry.in_build,
        data,
        framework,
    );
    let mut found = Vec::new();
    for &(rule, _) in &enabled.rules {
        let mut out = Vec::new();
        let run = catch_unwind(AssertUnwindSafe(|| rule.check_file(&cx, &mut out)));
        match run {
            Ok(()) => found.append(&mut out),
            Err(panic) => found.push(InternalError::diagnostic(
                id,
                rule.meta().id,
                panic_message(&panic),
            )),
        }
    }
    (found, cx.into_visible())
}

/// What a panic said.
pub(super) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown error")
}

/// One file as [`finish`] leaves it: its source, if it is linted the findings it keeps and how
/// many its suppressions silenced, and what the report does not read.
struct Settled {
    source: SourceFile,
    kept: Option<(Vec<Diagnostic>, usize)>,
    unread: (Content, Suppressions, Vec<Problem>),
}

/// Keeps the findings in linted files, applies suppressions and severities, drops findings of
/// disabled rules, sorts, and counts.
fn finish(
    files: Files,
    found: Vec<Diagnostic>,
    enabled: &Enabled,
    skipped: Vec<Skipped>,
) -> Report {
    let entries = files.into_entries();
    let mut by_file: Vec<Vec<Diagnostic>> = entries.iter().map(|_| Vec::new()).collect();
    for d in found {
        by_file[d.file.0 as usize].push(d);
    }
    // Every linted file, findings or not: its unused suppressions are reported too.
    let settled: Vec<Settled> = entries
        .into_par_iter()
        .zip(by_file)
        .enumerate()
        .with_max_len(64)
        .map(|(i, (mut entry, list))| {
            let kept = entry.linted.then(|| {
                let mut kept = Vec::new();
                let loaded = &mut *entry.loaded;
                let id = FileId(i as u32);
                let suppressed = settle(
                    id,
                    &loaded.source,
                    &mut loaded.suppressions,
                    list,
                    enabled,
                    &mut kept,
                );
                (kept, suppressed)
            });
            let Loaded {
                source,
                content,
                suppressions,
                problems,
            } = *entry.loaded;
            Settled {
                source,
                kept,
                unread: (content, suppressions, problems),
            }
        })
        .collect();
    let mut linted = Vec::new();
    let mut diagnostics = Vec::new();
    let mut suppressed = 0;
    let mut files = Vec::with_capacity(settled.len());
    let mut unread = Vec::with_capacity(settled.len());
    for Settled {
        source,
        kept,
        unread: rest,
    } in settled
    {
        if let Some((kept, count)) = kept {
            linted.push(source.display.clone());
            diagnostics.extend(kept);
            suppressed += count;
        }
        files.push(source);
        unread.push(rest);
    }
    diagnostics.sort_by(|a, b| {
        let (fa, fb) = (&files[a.file.0 as usize], &files[b.file.0 as usize]);
        fa.display.cmp(&fb.display).then(in_file_order(a, b))
    });
    index_placed(&files, &diagnostics);
    let count_skipped = |r: SkipReason| skipped.iter().filter(|s| s.reason == r).count();
    let summary = Summary {
        files: linted.len(),
        suppressed,
        skipped: count_skipped(SkipReason::Unreachable),
        build_output: count_skipped(SkipReason::BuildOutput),
        tooling: count_skipped(SkipReason::Tooling),
        other_platforms: count_skipped(SkipReason::OtherPlatform),
        ..Summary::default()
    };
    let mut report = Report {
        files,
        diagnostics,
        summary,
        linted,
        skipped,
        unread: Unread(unread),
        ..Report::default()
    };
    report.recount();
    report
}

/// Builds, across the threads, the line index of every file a finding points into, and reads
/// the text of those where a finding's place is on a line that is not all ASCII. Every way of
/// writing a report places findings by line and column, and a baseline fingerprints them by
/// their line; left to them, a few thousand files were indexed one after another, more than
/// half of writing the benchmark's JSON report. A packed text is unpacked only for the while its
/// index is built: on a line of ASCII the index alone places a finding
/// ([`SourceFile::position`]), and the benchmark's 1,800 texts, unpacked and kept to the end,
/// added 2 to 5 MB to its peak memory.
fn index_placed(files: &[SourceFile], diagnostics: &[Diagnostic]) {
    let mut placed: Vec<Vec<Span>> = vec![Vec::new(); files.len()];
    for d in diagnostics {
        placed[d.file.0 as usize].push(d.span);
        for related in &d.related {
            placed[related.file.0 as usize].push(related.span);
        }
        if let Some(fix) = &d.fix {
            placed[d.file.0 as usize].extend(fix.edits.iter().map(|e| e.span));
        }
    }
    files
        .par_iter()
        .zip(placed)
        .filter(|(_, spans)| !spans.is_empty())
        .for_each(|(file, spans)| {
            let lines = file.lines();
            let ascii = |offset| lines.ascii_position(offset).is_some();
            if !spans.iter().all(|s| ascii(s.start()) && ascii(s.end())) {
                file.text();
            }
        });
}

/// Applies one file's suppressions and the configured severities to its findings, drops those of
/// disabled rules, and adds its unused suppressions; the findings kept go to `out`. Returns how
/// many were suppressed. `suppressions` records which directives were used, so a caller that
/// keeps the file between runs passes a copy.
pub(super) fn settle(
    id: FileId,
    source: &SourceFile,
    suppressions: &mut Suppressions,
    found: Vec<Diagnostic>,
    enabled: &Enabled,
    out: &mut Vec<Diagnostic>,
) -> usize {
    let mut suppressed = 0;
    for mut d in found {
        let Some(severity) = enabled.severity(d.rule.id) else {
            continue;
        };
        // A file without directives never needs its line index here: positions are found
        // later, from its text as the report unpacks it.
        if !rules::UNSUPPRESSIBLE.contains(&d.rule.id)
            && !suppressions.is_empty()
            && suppressions.suppresses(
                d.rule.id,
                d.span.start(),
                source.lines().line_of(d.span.start()),
            )
        {
            suppressed += 1;
            continue;
        }
        d.severity = severity;
        out.push(d);
    }
    if let Some(severity) = enabled.severity(UnusedSuppression.meta().id) {
        let known = |rule: &str| rules::find(rule).is_some();
        let ran = |rule: &str| enabled.severity(rule).is_some();
        for unused in suppressions.unused(&known, &ran) {
            let mut d = UnusedSuppression::diagnostic(id, &unused);
            d.severity = severity;
            out.push(d);
        }
    }
    suppressed
}

/// The order of findings within one file: by place, then rule, then message.
pub(super) fn in_file_order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    a.span
        .start()
        .cmp(&b.span.start())
        .then(a.rule.id.cmp(b.rule.id))
        .then(a.span.end().cmp(&b.span.end()))
        .then(a.message.cmp(&b.message))
}
