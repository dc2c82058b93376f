//! Building the model: start at `app.json`, load what it names, follow the references of what
//! was loaded, wave after wave until nothing new is reached.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::app::{AppConfig, ComponentEntry, ProjectConfig, using_components};
use super::files::Files;
use super::model::{
    Missing, MissingRef, Page, Project, RefKind, Reference, Unit, UnitId, Using, UsingTarget,
};
use super::resolve::{Resolved, Resolver, append};
use crate::base::source::{FileId, FileKind, Span};

/// How the builder gets files: the engine decides what is ignored and what is linted.
pub trait Loader {
    /// Loads these paths (in parallel); `None` for a path that is ignored and so not read.
    fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>>;
    fn files(&self) -> &Files;
}

/// A unit file's role, for the wave bookkeeping.
enum Pending {
    Unit(UnitId),
    File,
}

struct Builder<'a, L: Loader> {
    root: PathBuf,
    loader: &'a mut L,
    resolver: Resolver,
    units: Vec<Unit>,
    unit_by_base: HashMap<PathBuf, UnitId>,
    references: Vec<Reference>,
    reached: BTreeSet<FileId>,
    /// For `packOptions.ignore`: files left out of the upload are not read.
    config: ProjectConfig,
    unit_of_json: HashMap<FileId, UnitId>,
    missing: Vec<MissingRef>,
    /// Files loaded in the current wave whose references are still to be followed.
    frontier: Vec<FileId>,
    /// Units whose files are still to be loaded.
    pending_units: Vec<UnitId>,
    /// Templates and modules still to be loaded: (path, from, span, kind).
    pending_refs: Vec<(PathBuf, FileId, Span, RefKind)>,
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Builds the project rooted at `root` (the folder of `app.json`), loading what it reaches.
/// Returns `None` when `app.json` cannot be read as an object (its parse error is reported by
/// the loader, and the folder is then linted file by file).
pub fn build<L: Loader>(root: &Path, loader: &mut L) -> Option<Project> {
    let app_json = loader
        .load(&[root.join("app.json")])
        .into_iter()
        .next()
        .flatten()?;
    let app_value = loader.files().content(app_json).json()?.value.as_ref()?;
    app_value.as_object()?;
    let app = AppConfig::from_json(app_value);
    let mut reached = BTreeSet::from([app_json]);
    let config_path = root.join("project.config.json");
    let mut config = ProjectConfig::default();
    let mut resolver = Resolver::new(root, loader.files().vfs());
    if resolver.is_file(&config_path)
        && let Some(id) = loader.load(&[config_path]).into_iter().next().flatten()
    {
        reached.insert(id);
        if let Some(value) = loader
            .files()
            .content(id)
            .json()
            .and_then(|d| d.value.as_ref())
        {
            config = ProjectConfig::from_json(value);
        }
    }

    let mut b = Builder {
        root: root.to_path_buf(),
        resolver,
        loader,
        units: Vec::new(),
        unit_by_base: HashMap::new(),
        references: Vec::new(),
        reached,
        config: config.clone(),
        unit_of_json: HashMap::new(),
        missing: Vec::new(),
        frontier: Vec::new(),
        pending_units: Vec::new(),
        pending_refs: Vec::new(),
    };

    let mut app_script = None;
    for ext in ["js", "ts"] {
        let path = root.join(format!("app.{ext}"));
        if b.resolver.is_file(&path) {
            app_script = b.load_one(&path);
            break;
        }
    }
    if let Some(id) = app_script {
        b.frontier.push(id);
    }

    let mut pages = Vec::new();
    let mut wechat_pages = Vec::new();
    for entry in &app.pages {
        let base = root.join(&entry.route);
        // A page whose template is WeChat's `.wxml` is `wechat-only-feature`'s finding.
        let wechat = b.resolver.unit_file(&base, "ttml").is_none()
            && b.resolver.is_file(&append(&base, "wxml"));
        if wechat {
            wechat_pages.push(entry.clone());
        }
        if !b.resolver.unit_exists(&base) {
            if !wechat {
                let route = entry.route.clone();
                b.missing(app_json, entry.span, Missing::Page { route });
            }
            continue;
        }
        let unit = b.unit(base);
        pages.push(Page {
            unit,
            entry: entry.clone(),
        });
    }
    let app_components = b.usings(app_json, &app.components);
    if app.custom_tab_bar {
        let base = root.join("custom-tab-bar/index");
        if b.resolver.unit_exists(&base) {
            b.unit(base);
        }
    }

    b.run_waves();
    for page in &pages {
        let base = b.units[page.unit].base.clone();
        if b.resolver.unit_file(&base, "ttml").is_none()
            && !b.resolver.is_file(&append(&base, "wxml"))
        {
            let route = page.entry.route.clone();
            b.missing(app_json, page.entry.span, Missing::PageTemplate { route });
        }
    }

    let mut project = Project {
        root: root.to_path_buf(),
        app_json,
        app,
        config,
        app_script,
        units: b.units,
        pages,
        wechat_pages,
        app_components,
        references: Vec::new(),
        outgoing: HashMap::new(),
        files: b.reached,
        missing: b.missing,
    };
    for (i, r) in b.references.iter().enumerate() {
        project.outgoing.entry(r.from).or_default().push(i);
    }
    project.references = b.references;
    Some(project)
}

impl<L: Loader> Builder<'_, L> {
    fn missing(&mut self, file: FileId, span: Span, what: Missing) {
        self.missing.push(MissingRef { file, span, what });
    }

    /// Loads paths, except those `packOptions.ignore` leaves out of the upload.
    fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>> {
        let shipped: Vec<PathBuf> = paths
            .iter()
            .filter(|p| !self.config.packs_out(&relative(&self.root, p)))
            .cloned()
            .collect();
        let mut ids = self.loader.load(&shipped).into_iter();
        paths
            .iter()
            .map(|p| {
                if self.config.packs_out(&relative(&self.root, p)) {
                    None
                } else {
                    ids.next().flatten()
                }
            })
            .collect()
    }

    fn load_one(&mut self, path: &Path) -> Option<FileId> {
        let id = self
            .load(&[path.to_path_buf()])
            .into_iter()
            .next()
            .flatten()?;
        self.reached.insert(id);
        Some(id)
    }

    /// The unit at `base`, created (and queued for loading) on first sight.
    fn unit(&mut self, base: PathBuf) -> UnitId {
        if let Some(&id) = self.unit_by_base.get(&base) {
            return id;
        }
        let id = self.units.len();
        self.units.push(Unit {
            route: relative(&self.root, &base),
            base: base.clone(),
            script: None,
            template: None,
            json: None,
            components: Vec::new(),
        });
        self.unit_by_base.insert(base, id);
        self.pending_units.push(id);
        id
    }

    /// Resolves a `usingComponents` list written in `file`.
    fn usings(&mut self, file: FileId, entries: &[ComponentEntry]) -> Vec<Using> {
        let from = self.loader.files().source(file).path.clone();
        entries
            .iter()
            .map(|entry| {
                let target = match self.resolver.component(&from, &entry.path) {
                    Resolved::Found(base) => UsingTarget::Unit(self.unit(base)),
                    Resolved::Plugin(p) => UsingTarget::Plugin(p),
                    Resolved::External => UsingTarget::External,
                    Resolved::Missing => {
                        let what = Missing::Component {
                            tag: entry.tag.clone(),
                            path: entry.path.clone(),
                        };
                        self.missing(file, entry.path_span, what);
                        UsingTarget::Missing
                    }
                };
                Using {
                    entry: entry.clone(),
                    file,
                    target,
                }
            })
            .collect()
    }

    fn run_waves(&mut self) {
        loop {
            let mut paths: Vec<PathBuf> = Vec::new();
            let mut roles: Vec<(Pending, &'static str)> = Vec::new();
            for unit in std::mem::take(&mut self.pending_units) {
                let base = self.units[unit].base.clone();
                for ext in ["ttml", "js", "ts", "json"] {
                    if let Some(path) = self.resolver.unit_file(&base, ext) {
                        paths.push(path);
                        roles.push((Pending::Unit(unit), ext));
                    }
                }
            }
            let refs = std::mem::take(&mut self.pending_refs);
            for (path, ..) in &refs {
                paths.push(path.clone());
                roles.push((Pending::File, ""));
            }
            if paths.is_empty() && self.frontier.is_empty() {
                break;
            }
            let ids = self.load(&paths);
            let mut loaded = Vec::new();
            let mut ref_ids = Vec::new();
            for ((role, ext), id) in roles.into_iter().zip(&ids) {
                match role {
                    Pending::Unit(unit) => {
                        let Some(id) = *id else { continue };
                        let u = &mut self.units[unit];
                        match ext {
                            "ttml" => u.template = Some(id),
                            "js" => u.script = Some(id),
                            "ts" => {
                                u.script.get_or_insert(id);
                            }
                            _ => {
                                u.json = Some(id);
                                self.unit_of_json.insert(id, unit);
                            }
                        }
                        loaded.push(id);
                    }
                    Pending::File => ref_ids.push(*id),
                }
            }
            for ((_, from, span, kind), to) in refs.into_iter().zip(ref_ids) {
                self.references.push(Reference {
                    from,
                    span,
                    kind,
                    to,
                });
                loaded.extend(to);
            }
            let mut frontier = std::mem::take(&mut self.frontier);
            frontier.extend(loaded.into_iter().filter(|id| self.reached.insert(*id)));
            for id in frontier {
                self.follow(id);
            }
        }
    }

    /// Queues what a freshly loaded file refers to.
    fn follow(&mut self, id: FileId) {
        let source = self.loader.files().source(id);
        let from = source.path.clone();
        match source.kind {
            FileKind::Json => {
                let entries = self
                    .loader
                    .files()
                    .content(id)
                    .json()
                    .and_then(|d| d.value.as_ref())
                    .map(using_components)
                    .unwrap_or_default();
                if let Some(&unit) = self.unit_of_json.get(&id) {
                    let usings = self.usings(id, &entries);
                    self.units[unit].components = usings;
                }
            }
            FileKind::Ttml => {
                let mut found = Vec::new();
                if let Some(doc) = self.loader.files().content(id).markup() {
                    for (element, attr) in doc.references() {
                        let (Some(src), Some(span)) = (attr.value.static_text(), attr.value.span())
                        else {
                            continue;
                        };
                        let (kind, ext) = match element {
                            "import" => (RefKind::Import, "ttml"),
                            "include" => (RefKind::Include, "ttml"),
                            _ => (RefKind::Sjs, "sjs"),
                        };
                        found.push((src.to_string(), span, kind, ext));
                    }
                }
                for (src, span, kind, ext) in found {
                    match self.resolver.template_src(&from, &src, ext) {
                        Resolved::Found(path) => self.pending_refs.push((path, id, span, kind)),
                        Resolved::Missing => self.missing(id, span, Missing::Template { src }),
                        Resolved::Plugin(_) | Resolved::External => {}
                    }
                }
            }
            FileKind::Script
            | FileKind::TypeScript
            | FileKind::Sjs
            | FileKind::Tsx
            | FileKind::Jsx
            | FileKind::Vue => {
                let specs: Vec<(String, Span)> = self
                    .loader
                    .files()
                    .content(id)
                    .script()
                    .map(|facts| {
                        facts
                            .module_refs
                            .iter()
                            .filter(|m| m.target.ships_to_douyin())
                            .map(|m| (m.specifier.clone(), m.span))
                            .collect()
                    })
                    .unwrap_or_default();
                for (spec, span) in specs {
                    match self.resolver.module(&from, &spec) {
                        Resolved::Found(path) => {
                            if FileKind::from_path(&path).is_some() {
                                self.pending_refs.push((path, id, span, RefKind::Module));
                            }
                        }
                        Resolved::Missing => {
                            self.missing(id, span, Missing::Module { specifier: spec })
                        }
                        Resolved::Plugin(_) | Resolved::External => {}
                    }
                }
            }
        }
    }
}
