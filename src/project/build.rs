//! Building the model: start at `app.json`, load what it names, follow the references of what
//! was loaded, wave after wave until nothing new is reached.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::app::{AppConfig, ComponentEntry, Easycom, ProjectConfig, using_components};
use super::discover::Found;
use super::files::Files;
use super::framework::{BUILT_IN_TAGS, Framework, Role};
use super::model::{
    Missing, MissingRef, Page, Project, RefKind, Reference, Unit, UnitId, Using, UsingTarget,
};
use super::resolve::{Resolved, Resolver, append};
use crate::base::source::{FileId, FileKind, Span};
use crate::syntax::js::conditional::Regions;
use crate::syntax::js::facts::NamePattern;
use crate::syntax::markup::hyphenate;

/// How the builder gets files: the engine decides what is ignored and what is linted.
pub trait Loader {
    /// Loads these paths (in parallel); `None` for a path that is ignored and so not read.
    fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>>;
    fn files(&self) -> &Files;
    /// What discovery saw of the disk: which files exist, and which do not, without asking it
    /// again.
    fn found(&self) -> Found {
        Found::default()
    }
}

/// A unit file's role, for the wave bookkeeping.
enum Pending {
    Unit(UnitId),
    File,
}

struct Builder<'a, L: Loader> {
    root: PathBuf,
    framework: Framework,
    loader: &'a mut L,
    resolver: Resolver,
    units: Vec<Unit>,
    unit_by_base: FxHashMap<PathBuf, UnitId>,
    references: Vec<Reference>,
    reached: BTreeSet<FileId>,
    /// For `packOptions.ignore`: files left out of the upload are not read.
    config: ProjectConfig,
    unit_of_json: FxHashMap<FileId, UnitId>,
    /// The unit a script or single-file component belongs to.
    unit_of_file: FxHashMap<FileId, UnitId>,
    /// uni-app's easycom rules: components found by their tag.
    easycom: Option<Easycom>,
    missing: Vec<MissingRef>,
    /// Files loaded in the current wave whose references are still to be followed.
    frontier: Vec<FileId>,
    /// Units whose files are still to be loaded.
    pending_units: Vec<UnitId>,
    /// Templates and modules still to be loaded: (path, from, span, kind).
    pending_refs: Vec<(PathBuf, FileId, Span, RefKind)>,
}

/// The base of a component file: the path without its extension (`card.vue` → `card`,
/// `index.tt.tsx` → `index`).
fn unit_base(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".tt.tsx")
        .or_else(|| name.strip_suffix(".tt.jsx"))
        .or_else(|| name.strip_suffix(".tt.ts"))
        .or_else(|| name.strip_suffix(".tt.js"))
        .or_else(|| name.rsplit_once('.').map(|(stem, _)| stem))
        .unwrap_or(name);
    path.with_file_name(stem)
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Builds the mini-program rooted at `root` (the folder of its configuration: `app.json`,
/// uni-app's `pages.json`, Taro's `app.config.ts`), loading what it reaches. Returns `None` when
/// the configuration cannot be read as an object (its parse error is reported by the loader, and
/// the folder is then linted file by file).
pub fn build<L: Loader>(root: &Path, framework: Framework, loader: &mut L) -> Option<Project> {
    let mut resolver = Resolver::new(root, loader.files().vfs(), framework, loader.found());
    let config_path = framework
        .config_files()
        .iter()
        .map(|name| root.join(name))
        .find(|p| resolver.is_file(p))?;
    let app_json = loader.load(&[config_path]).into_iter().next().flatten()?;
    let doc = loader.files().content(app_json).json()?;
    let app_value = doc.value.as_ref()?;
    app_value.as_object()?;
    let (app, easycom) = match framework {
        Framework::UniApp => {
            let regions =
                Regions::from_comments(doc.comments.iter().map(|c| (c.span, c.text.as_str())));
            (
                AppConfig::from_pages_json(app_value, &regions),
                Some(Easycom::from_pages_json(app_value)),
            )
        }
        Framework::Native | Framework::Taro => (AppConfig::from_json(app_value), None),
    };
    let mut app = app;
    let mut reached = BTreeSet::from([app_json]);
    let mut navigate_list_file = app_json;
    // uni-app takes the Douyin app's `navigateToMiniProgramAppIdList` from manifest.json.
    let manifest = root.join("manifest.json");
    if framework == Framework::UniApp
        && resolver.is_file(&manifest)
        && let Some(id) = loader.load(&[manifest]).into_iter().next().flatten()
    {
        reached.insert(id);
        let list = loader
            .files()
            .content(id)
            .json()
            .and_then(|d| d.value.as_ref())
            .and_then(|v| v.get("mp-toutiao"))
            .and_then(|section| AppConfig::from_json(section).navigate_app_ids);
        if list.is_some() {
            app.navigate_app_ids = list;
            navigate_list_file = id;
        }
    }
    let project_config = root.join("project.config.json");
    let mut config = ProjectConfig::default();
    if framework == Framework::Native
        && resolver.is_file(&project_config)
        && let Some(id) = loader.load(&[project_config]).into_iter().next().flatten()
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
        framework,
        resolver,
        loader,
        units: Vec::new(),
        unit_by_base: FxHashMap::default(),
        references: Vec::new(),
        reached,
        config: config.clone(),
        unit_of_json: FxHashMap::default(),
        unit_of_file: FxHashMap::default(),
        easycom,
        missing: Vec::new(),
        frontier: Vec::new(),
        pending_units: Vec::new(),
        pending_refs: Vec::new(),
    };

    let mut app_script = None;
    for name in framework.app_scripts() {
        let path = root.join(name);
        if !b.resolver.is_file(&path) {
            continue;
        }
        let Some(id) = b.load_one(&path) else {
            continue;
        };
        b.frontier.push(id);
        app_script.get_or_insert(id);
        // Native and Taro apps have one app script; uni-app has `App.vue` and `main.js`.
        if framework != Framework::UniApp {
            break;
        }
    }

    let mut pages = Vec::new();
    let mut wechat_pages = Vec::new();
    for entry in &app.pages {
        let base = root.join(&entry.route);
        // A page whose template is WeChat's `.wxml` is `wechat-only-feature`'s finding.
        let wechat = framework == Framework::Native
            && b.resolver.unit_file(&base, "ttml").is_none()
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
    if app.custom_tab_bar && framework == Framework::Native {
        let base = root.join("custom-tab-bar/index");
        if b.resolver.unit_exists(&base) {
            b.unit(base);
        }
    }

    b.run_waves();
    if framework == Framework::Native {
        for page in &pages {
            let base = b.units[page.unit].base.clone();
            if b.resolver.unit_file(&base, "ttml").is_none()
                && !b.resolver.is_file(&append(&base, "wxml"))
            {
                let route = page.entry.route.clone();
                b.missing(app_json, page.entry.span, Missing::PageTemplate { route });
            }
        }
    }

    let mut project = Project {
        root: root.to_path_buf(),
        framework,
        app_json,
        navigate_list_file,
        app,
        config,
        app_script,
        units: b.units,
        pages,
        wechat_pages,
        app_components,
        references: Vec::new(),
        outgoing: FxHashMap::default(),
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
        if !self.config.packs_anything_out() {
            return self.loader.load(paths);
        }
        let packed_out: Vec<bool> = paths
            .iter()
            .map(|p| self.config.packs_out(&relative(&self.root, p)))
            .collect();
        let shipped: Vec<PathBuf> = paths
            .iter()
            .zip(&packed_out)
            .filter(|&(_, &out)| !out)
            .map(|(p, _)| p.clone())
            .collect();
        let mut ids = self.loader.load(&shipped).into_iter();
        packed_out
            .iter()
            .map(|&out| if out { None } else { ids.next().flatten() })
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
            let mut roles: Vec<(Pending, Role)> = Vec::new();
            for unit in std::mem::take(&mut self.pending_units) {
                let base = self.units[unit].base.clone();
                let mut found: Vec<Role> = Vec::new();
                for &(ext, role) in self.framework.unit_files() {
                    // The first file for a role wins: `index.tt.tsx` over `index.tsx`.
                    if found.contains(&role) {
                        continue;
                    }
                    if let Some(path) = self.resolver.unit_file(&base, ext) {
                        found.push(role);
                        paths.push(path);
                        roles.push((Pending::Unit(unit), role));
                    }
                }
            }
            let refs = std::mem::take(&mut self.pending_refs);
            for (path, ..) in &refs {
                paths.push(path.clone());
                roles.push((Pending::File, Role::Script));
            }
            if paths.is_empty() && self.frontier.is_empty() {
                break;
            }
            let ids = self.load(&paths);
            let mut loaded = Vec::new();
            let mut ref_ids = Vec::new();
            for ((pending, role), id) in roles.into_iter().zip(&ids) {
                match pending {
                    Pending::Unit(unit) => {
                        let Some(id) = *id else { continue };
                        let u = &mut self.units[unit];
                        match role {
                            Role::Template => u.template = Some(id),
                            Role::Script => {
                                u.script.get_or_insert(id);
                                self.unit_of_file.insert(id, unit);
                            }
                            Role::Both => {
                                u.template = Some(id);
                                u.script = Some(id);
                                self.unit_of_file.insert(id, unit);
                            }
                            Role::Config => {
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

    /// The components a uni-app or Taro component renders, found the way the framework finds
    /// them: by import (`import PayPanel from '@/components/pay-panel.vue'` and `<pay-panel>` or
    /// `<PayPanel>` in its markup) and, in uni-app, by easycom (`<u-card>` →
    /// `components/u-card/u-card.vue`). Components of UI libraries installed under `node_modules`
    /// exist but are not read: opaque, never missing.
    fn components_used(&mut self, id: FileId) {
        if self.framework == Framework::Native {
            return;
        }
        let Some(&unit) = self.unit_of_file.get(&id) else {
            return;
        };
        let files = self.loader.files();
        let from = files.source(id).path.clone();
        let content = files.content(id);
        let Some(markup) = content.markup() else {
            return;
        };
        let tags: BTreeSet<&str> = markup
            .elements()
            .map(|(_, e)| e.tag.as_str())
            .filter(|t| !BUILT_IN_TAGS.contains(t))
            .collect();
        let imports: Vec<(String, String, Span)> = content
            .script()
            .map(|facts| {
                facts
                    .imports
                    .iter()
                    .map(|i| {
                        (
                            hyphenate(&i.local).into_owned(),
                            i.specifier.clone(),
                            i.span,
                        )
                    })
                    .filter(|(tag, _, _)| tags.contains(tag.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let mut found = Vec::new();
        for (tag, specifier, span) in imports {
            let target = match self.resolver.module(&from, &specifier) {
                Resolved::Found(path) => UsingTarget::Unit(self.unit(unit_base(&path))),
                Resolved::Plugin(p) => UsingTarget::Plugin(p),
                Resolved::External => UsingTarget::External,
                Resolved::Missing => continue,
            };
            found.push((tag, specifier, span, target));
        }
        if let Some(easycom) = self.easycom.clone() {
            for tag in &tags {
                if found.iter().any(|(t, ..)| t == tag) {
                    continue;
                }
                if let Some((path, target)) = self.easycom_component(&easycom, tag) {
                    found.push((tag.to_string(), path, Span::default(), target));
                }
            }
        }
        let usings: Vec<Using> = found
            .into_iter()
            .map(|(tag, path, span, target)| Using {
                entry: ComponentEntry {
                    tag,
                    tag_span: span,
                    path,
                    path_span: span,
                },
                file: id,
                target,
            })
            .collect();
        self.units[unit].components.extend(usings);
    }

    /// The component easycom finds for a tag: a project file, or an installed package's (opaque).
    fn easycom_component(&mut self, easycom: &Easycom, tag: &str) -> Option<(String, UsingTarget)> {
        for candidate in easycom.candidates(tag) {
            let local = self.root.join(&candidate);
            if self.resolver.is_file(&local) {
                return Some((candidate, UsingTarget::Unit(self.unit(unit_base(&local)))));
            }
            let installed = ["node_modules", "uni_modules"].iter().any(|folder| {
                self.resolver
                    .is_file(&self.root.join(folder).join(&candidate))
            });
            if installed {
                return Some((candidate, UsingTarget::External));
            }
        }
        let module = self
            .resolver
            .uni_module_component(tag)
            .map(|path| (path.to_string_lossy().into_owned(), path));
        module.map(|(shown, path)| (shown, UsingTarget::Unit(self.unit(unit_base(&path)))))
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
                self.components_used(id);
                let specs: Vec<(String, Span, Option<NamePattern>)> = self
                    .loader
                    .files()
                    .content(id)
                    .script()
                    .map(|facts| {
                        facts
                            .module_refs
                            .iter()
                            .filter(|m| m.target.ships_to_douyin())
                            .map(|m| (m.specifier.clone(), m.span, m.pattern.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                for (spec, span, pattern) in specs {
                    // A path built at run time loads one of the files that fit it; none fitting
                    // is not proof of a missing file.
                    if let Some(pattern) = pattern {
                        for path in self.resolver.candidates(&from, &spec, &pattern) {
                            self.pending_refs.push((path, id, span, RefKind::Module));
                        }
                        continue;
                    }
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
