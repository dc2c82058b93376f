//! A lint session for editors: the file table and the mini-program models of a run, kept between
//! runs, so that linting again after a change costs what the change touches.
//!
//! [`lint`](super::lint::lint) reads and parses a whole project on every run. An editor lints the
//! same project on every pause in typing, so a session keeps what a run builds and, on each run:
//!
//! - re-parses only the files whose text changed (an edited buffer, a file changed on disk);
//! - rebuilds a project's model only when something it is built from changed — a `.json` file
//!   or a configuration script, a reference (`require`/`import`, `<import>`, `<include>`,
//!   `<sjs src>`), the custom tags a component written in a script renders, or whether a file
//!   exists — and then from the files already parsed, reading only those it had not reached
//!   before. An edit that only moves references (a line typed above a page's imports) moves the
//!   places the model keeps instead;
//! - runs the file pass on a file only once per change of that file, and the project pass only
//!   on a project one of whose files changed.
//!
//! For a file it lints, a session reports what `lint` reports for it with `--stdin-filename`
//! over the same buffers (a test holds this). It does not lint an ignored file, nor a `.json` file
//! that no mini-program reaches: in an editor those belong to other tools (`package.json`,
//! `tsconfig.json` with comments), and linting them would only show false parse errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::config::Config;
use super::lint::{
    Enabled, EngineLoader, file_pass, in_file_order, project_pass, settle, worker_pool,
};
use crate::analysis::context::ProjectContext;
use crate::base::data::RuleData;
use crate::base::diagnostic::Diagnostic;
use crate::base::error::UsageError;
use crate::base::source::{FileId, FileKind, SourceFile, Span};
use crate::base::vfs::Vfs;
use crate::project::discover::{self, Found, Ignore, Root};
use crate::project::files::{Files, Request};
use crate::project::framework::{Framework, is_built_in_tag};
use crate::project::{self, Project, not_app};
use crate::rules;
use crate::syntax::load::{Loaded, ProblemKind, is_config_script};

/// What a session is started with.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// The folder display paths are relative to (the editor's workspace).
    pub cwd: PathBuf,
    pub config: Config,
    /// Worker threads; `None` = one per core.
    pub threads: Option<usize>,
    /// Where files are read from; buffers are added with [`Session::set_text`].
    pub vfs: Vfs,
}

/// One mini-program of the session.
struct Slot {
    /// What its configuration file says it is: `app.json`, `pages.json` or `app.config.*`.
    framework: Framework,
    /// `None` when its configuration is not an object (it is then linted on its own).
    project: Option<Project>,
    /// Something the model is built from changed: rebuild before the next use.
    stale: bool,
    /// The project pass's findings, until one of its files changes.
    findings: Option<Arc<Vec<Diagnostic>>>,
}

impl Slot {
    fn contains(&self, id: FileId) -> bool {
        self.project.as_ref().is_some_and(|p| p.files.contains(&id))
    }
}

/// What of a file its project's model is built from: a model built before a change that leaves
/// this equal is still right; one that only moves its places is right once they are moved.
#[derive(Debug, PartialEq, Eq)]
enum Shape {
    /// A `.json` file or a configuration script (Taro's `app.config.ts`, `index.config.ts`):
    /// `app.json`, `pages.json`, `project.config.json` and `usingComponents` are read whole.
    Config(String),
    /// A script or template: what it refers to (`<import>`, `<include>`, `<sjs src>`,
    /// `require`/`import`, and for a component written in a script the custom tags it renders,
    /// which decide the imported components it uses), and where each reference is written.
    Refs {
        what: Vec<String>,
        places: Vec<Span>,
    },
    /// The file could not be read (it does not exist).
    Unreadable,
}

/// How a file's shape changed.
enum Change {
    Same,
    /// The same references, written elsewhere: old place → new.
    Moved(FxHashMap<Span, Span>),
    Reshaped,
}

impl Shape {
    fn of(loaded: &Loaded) -> Self {
        if loaded
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Unreadable(_)))
        {
            return Self::Unreadable;
        }
        let source = &loaded.source;
        if source.kind == FileKind::Json || is_config_script(&source.path) {
            return Self::Config(source.text().to_string());
        }
        let (mut what, mut places) = (Vec::new(), Vec::new());
        if let Some(markup) = loaded.content.markup() {
            for (element, attr) in markup.references() {
                let src = attr.value.static_text().unwrap_or_default();
                what.push(format!("{element} {src}"));
                places.push(attr.value.span().unwrap_or_default());
            }
        }
        if let Some(facts) = loaded.content.script() {
            for m in &facts.module_refs {
                what.push(format!(
                    "module {} {}",
                    m.specifier,
                    m.target.ships_to_douyin()
                ));
                places.push(m.span);
            }
            for i in &facts.imports {
                what.push(format!("binding {} {}", i.local, i.specifier));
                places.push(i.span);
            }
            if let Some(markup) = loaded.content.markup() {
                let tags: BTreeSet<&str> = markup
                    .elements()
                    .map(|(_, e)| e.tag.as_str())
                    .filter(|t| !is_built_in_tag(t))
                    .collect();
                what.extend(tags.into_iter().map(|t| format!("tag {t}")));
            }
        }
        Self::Refs { what, places }
    }

    /// How `self` became `after`.
    fn change(&self, after: &Shape) -> Change {
        match (self, after) {
            _ if self == after => Change::Same,
            (
                Self::Refs { what, places },
                Self::Refs {
                    what: what_after,
                    places: places_after,
                },
            ) if what == what_after => {
                let mut moved = FxHashMap::default();
                for (&from, &to) in places.iter().zip(places_after) {
                    // One place cannot move to two (a specifier is both a reference and an
                    // import binding: they move together).
                    if *moved.entry(from).or_insert(to) != to {
                        return Change::Reshaped;
                    }
                }
                Change::Moved(moved)
            }
            _ => Change::Reshaped,
        }
    }
}

/// The findings for one file, with the files they point into.
pub struct Linted<'a> {
    pub id: FileId,
    /// Suppressions and severities applied, in file order.
    pub diagnostics: Vec<Diagnostic>,
    files: &'a Files,
}

impl Linted<'_> {
    /// A file the findings point into (the linted one, or another through related locations).
    pub fn file(&self, id: FileId) -> &Loaded {
        &self.files.get(id).loaded
    }

    pub fn source(&self, id: FileId) -> &SourceFile {
        self.files.source(id)
    }
}

/// A lint session: see the module documentation.
pub struct Session {
    cwd: PathBuf,
    config: Config,
    ignore: Ignore,
    enabled: Enabled,
    data: Arc<RuleData>,
    pool: rayon::ThreadPool,
    files: Files,
    /// By root folder (the folder of `app.json`, `pages.json` or `app.config.*`).
    projects: BTreeMap<PathBuf, Slot>,
    /// The file pass's findings by file, until the file changes.
    file_findings: FxHashMap<FileId, Arc<Vec<Diagnostic>>>,
    /// Paths whose text may have changed since the last run.
    changed: BTreeSet<PathBuf>,
    /// Paths that came into being or disappeared since the last run.
    appeared: BTreeSet<PathBuf>,
    /// How many models were built: the tests hold that an edit which only moves references
    /// does not rebuild one.
    #[cfg(test)]
    builds: usize,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("cwd", &self.cwd)
            .field("config", &self.config.path)
            .field("files", &self.files.entries().len())
            .field("projects", &self.projects.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Session {
    pub fn new(options: SessionOptions) -> Result<Self, UsageError> {
        let SessionOptions {
            cwd,
            config,
            threads,
            vfs,
        } = options;
        let pool = worker_pool(threads)?;
        let data = Arc::new(RuleData::new(&config.data));
        let mut files = Files::new(&cwd, Arc::new(vfs));
        files.set_rule_data(Arc::clone(&data));
        Ok(Self {
            ignore: Ignore::new(&config.ignore, config.base_dir(), &[], &cwd)?,
            enabled: Enabled::new(&config, rules::all()),
            data: Arc::clone(&data),
            files,
            cwd,
            config,
            pool,
            projects: BTreeMap::new(),
            file_findings: FxHashMap::default(),
            changed: BTreeSet::new(),
            appeared: BTreeSet::new(),
            #[cfg(test)]
            builds: 0,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Lints with another configuration from now on. Files stay parsed; every finding is
    /// computed again, and models are rebuilt (ignore patterns decide what they reach).
    pub fn set_config(&mut self, config: Config) -> Result<(), UsageError> {
        self.ignore = Ignore::new(&config.ignore, config.base_dir(), &[], &self.cwd)?;
        self.enabled = Enabled::new(&config, rules::all());
        let data = Arc::new(RuleData::new(&config.data));
        // Scripts keep the API uses and literals the old data's rules read: parsed again if
        // that changed.
        let reparse = !data.reads_same(&self.data);
        self.files.set_rule_data(Arc::clone(&data));
        if reparse {
            let ids: Vec<FileId> = (0..self.files.entries().len())
                .map(|i| FileId(i as u32))
                .collect();
            let files = &mut self.files;
            self.pool.install(|| files.reload(&ids));
        }
        self.data = data;
        self.config = config;
        self.file_findings.clear();
        for slot in self.projects.values_mut() {
            slot.stale = true;
            slot.findings = None;
        }
        Ok(())
    }

    /// Holds `text` as the content of `path` (an editor buffer, saved or not) from now on.
    pub fn set_text(&mut self, path: &Path, text: String) {
        let vfs = self.files.vfs_mut();
        let existed = vfs.is_file(path);
        vfs.insert(path.to_path_buf(), text);
        if !existed {
            self.appeared.insert(path.to_path_buf());
        }
        self.changed.insert(path.to_path_buf());
    }

    /// Drops the buffer of `path`: the file on disk counts again (the editor closed it, perhaps
    /// without saving).
    pub fn close(&mut self, path: &Path) {
        let vfs = self.files.vfs_mut();
        if vfs.remove(path) {
            if !vfs.is_file(path) {
                self.appeared.insert(path.to_path_buf());
            }
            self.changed.insert(path.to_path_buf());
        }
    }

    /// The file at `path` changed on disk: created, changed or deleted. A buffer held for it
    /// still wins.
    pub fn disk_changed(&mut self, path: &Path) {
        if self.files.vfs().in_memory(path) {
            return;
        }
        if self.files.id(path).is_none() {
            // Never read: only whether it exists can matter to a model.
            self.appeared.insert(path.to_path_buf());
        }
        self.changed.insert(path.to_path_buf());
    }

    /// Lints the file at `path` (absolute, normalised), with its project around it. `None`
    /// when the file is not one ttlint lints here: not a kind it reads, ignored, a `.json` file
    /// no mini-program reaches, or one `lint` skips when it is named on the command line
    /// (tooling: a configuration or Node script; a file built only for another platform).
    pub fn lint(&mut self, path: &Path) -> Option<Linted<'_>> {
        self.apply_changes();
        let kind = FileKind::from_path(path)?;
        if self.ignore.is_ignored(path) {
            return None;
        }
        let root = discover::enclosing_root(path, &self.files.vfs());
        if let Some(root) = &root {
            self.ensure_project(root);
        }
        let slot = root.as_ref().and_then(|r| self.projects.get(&r.path));
        let project = slot.and_then(|s| s.project.as_ref());
        let framework = project.map_or(Framework::Native, |p| p.framework);
        let reached = self
            .files
            .id(path)
            .filter(|&id| slot.is_some_and(|s| s.contains(id)));
        let id = match reached {
            Some(id) => id,
            None => {
                let vfs = self.files.vfs();
                let other_platform = project.is_some_and(|p| {
                    p.framework.other_platform_file(&p.root, path)
                        || p.framework
                            .douyin_variant(path)
                            .is_some_and(|variant| vfs.is_file(&variant))
                });
                let relative = project
                    .and_then(|p| path.strip_prefix(&p.root).ok())
                    .unwrap_or(path);
                let not_app = not_app::by_path(relative, &self.data.not_app_code);
                if kind == FileKind::Json || is_config_script(path) || other_platform || not_app {
                    return None;
                }
                let id = match self.files.id(path) {
                    Some(id) => id,
                    None => {
                        let files = &mut self.files;
                        let request = Request {
                            path: path.to_path_buf(),
                            kind,
                            linted: true,
                            in_build: false,
                        };
                        *self.pool.install(|| files.load(vec![request])).first()?
                    }
                };
                let not_app_code = &self.data.not_app_code;
                let script = self.files.content(id).script();
                if script.is_some_and(|facts| not_app::by_imports(facts, not_app_code)) {
                    return None;
                }
                id
            }
        };

        let file_found = match self.file_findings.get(&id) {
            Some(found) => Arc::clone(found),
            None => {
                let (entry, enabled, data) = (self.files.get(id), &self.enabled, &self.data);
                let found = self
                    .pool
                    .install(|| file_pass(id, entry, framework, enabled, data).0);
                let found = Arc::new(found);
                self.file_findings.insert(id, Arc::clone(&found));
                found
            }
        };
        let project_found = match root.as_ref().and_then(|r| self.projects.get_mut(&r.path)) {
            Some(slot) if slot.contains(id) => Some(match &slot.findings {
                Some(found) => Arc::clone(found),
                None => {
                    let (files, enabled, data) = (&self.files, &self.enabled, &self.data);
                    let found = slot.project.as_ref().map_or_else(Vec::new, |project| {
                        self.pool.install(|| {
                            project_pass(&ProjectContext::new(project, files, data), enabled)
                        })
                    });
                    let found = Arc::new(found);
                    slot.findings = Some(Arc::clone(&found));
                    found
                }
            }),
            _ => None,
        };

        let mut found: Vec<Diagnostic> = file_found.as_ref().clone();
        if let Some(project_found) = project_found {
            found.extend(project_found.iter().filter(|d| d.file == id).cloned());
        }
        let loaded = &self.files.get(id).loaded;
        let mut suppressions = loaded.suppressions.clone();
        let mut diagnostics = Vec::new();
        settle(
            id,
            &loaded.source,
            &mut suppressions,
            found,
            &self.enabled,
            &mut diagnostics,
        );
        diagnostics.sort_by(in_file_order);
        Some(Linted {
            id,
            diagnostics,
            files: &self.files,
        })
    }

    /// Re-parses what changed and marks what the changes make stale.
    fn apply_changes(&mut self) {
        let changed = std::mem::take(&mut self.changed);
        let appeared = std::mem::take(&mut self.appeared);
        let loaded: Vec<FileId> = changed.iter().filter_map(|p| self.files.id(p)).collect();
        let before: Vec<Shape> = loaded
            .iter()
            .map(|&id| Shape::of(&self.files.get(id).loaded))
            .collect();
        let files = &mut self.files;
        self.pool.install(|| files.reload(&loaded));
        for (&id, before) in loaded.iter().zip(before) {
            self.file_findings.remove(&id);
            let change = before.change(&Shape::of(&self.files.get(id).loaded));
            let path = &self.files.source(id).path;
            for (root, slot) in &mut self.projects {
                if slot.contains(id) {
                    slot.findings = None;
                }
                if !path.starts_with(root) || slot.stale {
                    continue;
                }
                slot.stale = match (&change, &mut slot.project) {
                    (Change::Same, _) => false,
                    (Change::Moved(moved), Some(project)) => !project.move_places(id, moved),
                    (Change::Moved(_), None) | (Change::Reshaped, _) => true,
                };
            }
        }
        // A file that appeared or disappeared may be what a reference was missing, or a
        // page's template, or a new `app.json`.
        for path in &appeared {
            for (root, slot) in &mut self.projects {
                if path.starts_with(root) {
                    slot.stale = true;
                }
            }
        }
    }

    /// Builds the model of the project at `root` if it has none or a stale one (or one of
    /// another framework: `pages.json` appeared beside `app.json`). Files already parsed are
    /// not read again.
    fn ensure_project(&mut self, root: &Root) {
        let slot = self.projects.entry(root.path.clone()).or_insert(Slot {
            framework: root.framework,
            project: None,
            stale: true,
            findings: None,
        });
        if !slot.stale && slot.framework == root.framework {
            return;
        }
        slot.framework = root.framework;
        let named = FxHashSet::default();
        let mut loader = EngineLoader {
            files: &mut self.files,
            ignore: &self.ignore,
            found: Found::default(),
            named: &named,
        };
        slot.project = self
            .pool
            .install(|| project::build(&root.path, root.framework, &mut loader));
        slot.stale = false;
        #[cfg(test)]
        {
            self.builds += 1;
        }
        slot.findings = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::lint::{LintOptions, lint};

    /// `rule line:column message-id` of each finding.
    fn summary(source: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics
            .iter()
            .map(|d| {
                let p = source.position(d.span.start());
                format!("{} {}:{} {}", d.rule.id, p.line, p.column, d.message.id())
            })
            .collect()
    }

    fn session(root: &Path, vfs: Vfs) -> Session {
        Session::new(SessionOptions {
            cwd: root.to_path_buf(),
            config: Config::default(),
            threads: Some(2),
            vfs,
        })
        .unwrap()
    }

    /// What `ttlint --stdin-filename path` reports for `path` over `vfs`; `None` when it does
    /// not lint it.
    fn linted_once(root: &Path, vfs: &Vfs, path: &Path) -> Option<Vec<String>> {
        let report = lint(&LintOptions {
            threads: Some(2),
            stdin: Some(path.to_path_buf()),
            ..LintOptions::new(
                vec![path.to_path_buf()],
                root.to_path_buf(),
                Arc::new(vfs.clone()),
            )
        })
        .unwrap();
        let file = report.files.iter().find(|f| f.path == path)?;
        report
            .linted
            .contains(&file.display)
            .then(|| summary(file, &report.diagnostics))
    }

    fn one_shot(root: &Path, vfs: &Vfs, path: &Path) -> Vec<String> {
        linted_once(root, vfs, path).expect("linted")
    }

    fn lint_in(session: &mut Session, path: &Path) -> Vec<String> {
        let linted = session.lint(path).expect("linted");
        summary(linted.source(linted.id), &linted.diagnostics)
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name)
    }

    #[test]
    fn a_session_reports_what_a_run_reports() {
        let mut counts = Vec::new();
        for name in [
            "demo-shop",
            "suppressions",
            "customer-service",
            "uni-app-shop",
            "taro-shop",
        ] {
            let root = fixture(name);
            let vfs = Vfs::disk();
            let mut s = session(&root, vfs.clone());
            let mut checked = 0;
            for path in vfs.walk(&root, &|_| false) {
                if FileKind::from_path(&path).is_none() {
                    assert!(s.lint(&path).is_none(), "{}", path.display());
                    continue;
                }
                let once = linted_once(&root, &vfs, &path);
                let Some(linted) = s.lint(&path) else {
                    // Only a `.json` file no mini-program reaches is linted by a run alone.
                    let json = path.extension().is_some_and(|e| e == "json");
                    assert!(once.is_none() || json, "{} is linted", path.display());
                    continue;
                };
                let got = summary(linted.source(linted.id), &linted.diagnostics);
                assert_eq!(Some(got), once, "{}", path.display());
                checked += 1;
            }
            counts.push((name, checked));
        }
        // Every file of the fixtures a run lints on its own, compiled output and unreachable
        // files included (as `--stdin-filename` does), and no tooling or other platform's file.
        assert_eq!(
            counts,
            [
                ("demo-shop", 26),
                ("suppressions", 5),
                ("customer-service", 27),
                ("uni-app-shop", 27),
                ("taro-shop", 25),
            ]
        );
    }

    fn shop() -> (PathBuf, Vfs) {
        let root = PathBuf::from("/shop");
        let mut vfs = Vfs::memory();
        let files = [
            ("app.json", r#"{ "pages": ["pages/vip/vip"] }"#),
            (
                "pages/vip/vip.ttml",
                "<view>开通会员</view>\n<button bindtap=\"buy\">开通</button>\n",
            ),
            (
                "pages/vip/vip.js",
                "const { pay } = require('../../utils/pay');\nPage({ buy() { pay(); } });\n",
            ),
            (
                "utils/pay.js",
                "module.exports = { pay() { tt.getOrderPayment({}); } };\n",
            ),
        ];
        for (path, text) in files {
            vfs.insert(root.join(path), text.to_string());
        }
        (root, vfs)
    }

    #[test]
    fn changes_reach_the_files_that_depend_on_them() {
        let (root, vfs) = shop();
        let mut s = session(&root, vfs);
        let page = root.join("pages/vip/vip.ttml");
        let first = lint_in(&mut s, &page);
        assert!(
            first
                .iter()
                .any(|f| f.starts_with("ios-virtual-payment 2:")),
            "{first:?}"
        );

        // The module stops paying: the page's finding goes.
        s.set_text(
            &root.join("utils/pay.js"),
            "module.exports = { pay() {} };\n".into(),
        );
        let after = lint_in(&mut s, &page);
        assert!(
            !after.iter().any(|f| f.starts_with("ios-virtual-payment")),
            "{after:?}"
        );

        // app.json drops the page: no project finding on it any more, and a finding appears on
        // app.json's side only (not checked here).
        s.set_text(&root.join("app.json"), r#"{ "pages": [] }"#.into());
        let unlisted = lint_in(&mut s, &page);
        assert!(
            !unlisted
                .iter()
                .any(|f| f.starts_with("ios-virtual-payment")),
            "{unlisted:?}"
        );

        // Every state equals a fresh run over the same buffers.
        let fresh = one_shot(&root, &s.files.vfs(), &page);
        assert_eq!(unlisted, fresh);
    }

    #[test]
    fn a_new_reference_rebuilds_the_model() {
        let (root, vfs) = shop();
        let mut s = session(&root, vfs);
        let page_js = root.join("pages/vip/vip.js");
        assert_eq!(lint_in(&mut s, &page_js), Vec::<String>::new());
        // A require of a module that does not exist yet, then the module appears.
        s.set_text(
            &page_js,
            "require('./extra');\nconst { pay } = require('../../utils/pay');\nPage({ buy() { pay(); } });\n"
                .into(),
        );
        assert_eq!(
            lint_in(&mut s, &page_js),
            vec!["missing-file 1:9 missing-file-module"]
        );
        s.set_text(&root.join("pages/vip/extra.js"), "tt.pay({});\n".into());
        assert_eq!(lint_in(&mut s, &page_js), Vec::<String>::new());
        let page = root.join("pages/vip/vip.ttml");
        assert_eq!(
            lint_in(&mut s, &page),
            one_shot(&root, &s.files.vfs(), &page)
        );
        // Closing the never-saved module makes it disappear again.
        s.close(&root.join("pages/vip/extra.js"));
        assert_eq!(
            lint_in(&mut s, &page_js),
            vec!["missing-file 1:9 missing-file-module"]
        );
        // A line typed above the references moves them, and the model moves its places
        // instead of being built again.
        let builds = s.builds;
        s.set_text(
            &page_js,
            "// VIP\nrequire('./extra');\nconst { pay } = require('../../utils/pay');\nPage({ buy() { pay(); } });\n"
                .into(),
        );
        assert_eq!(
            lint_in(&mut s, &page_js),
            vec!["missing-file 2:9 missing-file-module"]
        );
        assert_eq!(
            lint_in(&mut s, &page_js),
            one_shot(&root, &s.files.vfs(), &page_js)
        );
        assert_eq!(
            lint_in(&mut s, &page),
            one_shot(&root, &s.files.vfs(), &page)
        );
        assert_eq!(s.builds, builds);
    }

    #[test]
    fn a_component_that_starts_rendering_joins_the_page() {
        let root = PathBuf::from("/taro/src");
        let mut vfs = Vfs::memory();
        let page = root.join("pages/index/index.tsx");
        let vip = root.join("components/Vip.tsx");
        let files = [
            (
                root.join("app.config.ts"),
                "export default defineAppConfig({ pages: ['pages/index/index'] })\n",
            ),
            (
                vip.clone(),
                "import Taro from '@tarojs/taro'\nimport { Button } from '@tarojs/components'\nexport default function Vip() {\n  return <Button onClick={() => Taro.getOrderPayment({ orderId: '1' })}>开通会员</Button>\n}\n",
            ),
            (
                page.clone(),
                "import { View, Text } from '@tarojs/components'\nimport Vip from '../../components/Vip'\nexport default function Index() {\n  return <View><Text>会员中心</Text></View>\n}\n",
            ),
        ];
        for (path, text) in files {
            vfs.insert(path, text.to_string());
        }
        let mut s = session(&root, vfs);
        assert_eq!(lint_in(&mut s, &vip), Vec::<String>::new());
        // The page renders the component it imported: the payment in it is on a page that
        // sells a membership now.
        s.set_text(
            &page,
            "import { View, Text } from '@tarojs/components'\nimport Vip from '../../components/Vip'\nexport default function Index() {\n  return <View><Text>会员中心</Text><Vip /></View>\n}\n"
                .into(),
        );
        assert_eq!(
            lint_in(&mut s, &vip),
            vec!["ios-virtual-payment 4:18 ios-virtual-payment-inline"]
        );
        assert_eq!(lint_in(&mut s, &vip), one_shot(&root, &s.files.vfs(), &vip));
    }

    #[test]
    fn other_tools_files_are_not_linted() {
        let (root, mut vfs) = shop();
        vfs.insert(root.join("package.json"), "{ // comment\n}".into());
        vfs.insert(root.join("dist/a.js"), "tt.pay()".into());
        let mut s = session(&root, vfs);
        assert!(s.lint(&root.join("package.json")).is_none());
        assert!(s.lint(&root.join("app.json")).is_some());
        assert!(s.lint(&root.join("README.md")).is_none());
        let config = Config {
            ignore: vec!["dist".into()],
            ..Config::default()
        };
        assert!(s.lint(&root.join("dist/a.js")).is_some());
        s.set_config(config).unwrap();
        assert!(s.lint(&root.join("dist/a.js")).is_none());
    }

    #[test]
    fn an_api_the_configuration_adds_is_found_in_files_already_parsed() {
        let (root, mut vfs) = shop();
        let script = root.join("utils/pay.js");
        vfs.insert(
            script.clone(),
            "module.exports = { pay() { tt.payLegacy({ orderInfo: {} }); } };\n".into(),
        );
        let mut s = session(&root, vfs);
        let pays = |found: &[String]| found.iter().any(|f| f.starts_with("deprecated-tt-pay"));
        assert!(!pays(&lint_in(&mut s, &script)));
        let mut config = Config::default();
        config
            .data
            .lists
            .insert("offlinePaymentApis".into(), vec!["tt.payLegacy".into()]);
        s.set_config(config).unwrap();
        let found = lint_in(&mut s, &script);
        assert!(pays(&found), "{found:?}");
    }
}
