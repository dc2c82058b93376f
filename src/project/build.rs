//! Building the model: start at `app.json`, load what it names, follow the references of what
//! was loaded, wave after wave until nothing new is reached.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::app::{AppConfig, ComponentEntry, Easycom, ProjectConfig, using_components};
use super::discover::{Found, spelled};
use super::files::Files;
use super::framework::{Framework, Role, is_built_in_tag};
use super::model::{
    Missing, MissingRef, Page, Project, RefKind, Reference, Unit, UnitId, Using, UsingTarget,
};
use super::resolve::{Resolved, Resolver, append};
use crate::base::source::{FileId, FileKind, Span};
use crate::base::vfs::plainly_below;
use crate::syntax::js::conditional::Regions;
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

struct Builder<'a, L: Loader> {
    root: PathBuf,
    framework: Framework,
    loader: &'a mut L,
    resolver: Resolver,
    units: Vec<Unit>,
    /// Keyed by the base's spelled bytes ([`spelled`]), as the file table is.
    unit_by_base: FxHashMap<OsString, UnitId>,
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
    // The bytes after the root when the walk spelled the path, as it nearly always did: taking
    // both apart was 2,300 instructions for each of an app's pages.
    if let Some(rest) = plainly_below(path, root) {
        return String::from_utf8_lossy(rest).replace('\\', "/");
    }
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
    let resolver = Resolver::new(root, loader.files().vfs(), framework, loader.found());
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
    // An app lists thousands of pages: their files are looked up across the threads.
    let resolver = &b.resolver;
    let found: Vec<(PathBuf, bool, bool)> = app
        .pages
        .par_iter()
        .map(|entry| {
            let base = root.join(&entry.route);
            // A page whose template is WeChat's `.wxml` is `wechat-only-feature`'s finding.
            let wechat = framework == Framework::Native
                && resolver.unit_file(&base, "ttml").is_none()
                && resolver.is_file(&append(&base, "wxml"));
            let exists = resolver.unit_exists(&base);
            (base, wechat, exists)
        })
        .collect();
    for (entry, (base, wechat, exists)) in app.pages.iter().zip(found) {
        if wechat {
            wechat_pages.push(entry.clone());
        }
        if !exists {
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
        let (resolver, units) = (&b.resolver, &b.units);
        let without_template: Vec<bool> = pages
            .par_iter()
            .map(|page| {
                let base = &units[page.unit].base;
                resolver.unit_file(base, "ttml").is_none()
                    && !resolver.is_file(&append(base, "wxml"))
            })
            .collect();
        for (page, _) in pages.iter().zip(without_template).filter(|&(_, no)| no) {
            let route = page.entry.route.clone();
            b.missing(app_json, page.entry.span, Missing::PageTemplate { route });
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

/// Where each entry of a `usingComponents` list written in `from` leads.
fn components_at(
    resolver: &Resolver,
    from: &Path,
    entries: Vec<ComponentEntry>,
) -> Vec<(ComponentEntry, Resolved)> {
    entries
        .into_iter()
        .map(|entry| {
            let target = resolver.component(from, &entry.path);
            (entry, target)
        })
        .collect()
}

/// The files of the unit at `base`, by role. The first file for a role wins: `index.tt.tsx` over
/// `index.tsx`.
fn unit_files(resolver: &Resolver, framework: Framework, base: &Path) -> Vec<(Role, PathBuf)> {
    let mut found: Vec<(Role, PathBuf)> = Vec::new();
    for &(ext, role) in framework.unit_files() {
        if found.iter().any(|(r, _)| *r == role) {
            continue;
        }
        if let Some(path) = resolver.unit_file(base, ext) {
            found.push((role, path));
        }
    }
    found
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
        let key = spelled(&base);
        if let Some(&id) = self.unit_by_base.get(&*key) {
            return id;
        }
        let key = key.into_owned();
        let id = self.units.len();
        self.units.push(Unit {
            route: relative(&self.root, &base),
            base,
            script: None,
            template: None,
            json: None,
            components: Vec::new(),
        });
        self.unit_by_base.insert(key, id);
        self.pending_units.push(id);
        id
    }

    /// Resolves a `usingComponents` list written in `file`.
    fn usings(&mut self, file: FileId, entries: &[ComponentEntry]) -> Vec<Using> {
        let from = &self.loader.files().source(file).path;
        let resolved = components_at(&self.resolver, from, entries.to_vec());
        self.record_usings(file, resolved)
    }

    /// The components of a `usingComponents` list written in `file`, resolved: units are created
    /// for those of the project, and those missing are reported.
    fn record_usings(
        &mut self,
        file: FileId,
        resolved: Vec<(ComponentEntry, Resolved)>,
    ) -> Vec<Using> {
        resolved
            .into_iter()
            .map(|(entry, resolved)| {
                let target = match resolved {
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
                    entry,
                    file,
                    target,
                }
            })
            .collect()
    }

    fn run_waves(&mut self) {
        loop {
            let mut paths: Vec<PathBuf> = Vec::new();
            let mut roles: Vec<(UnitId, Role)> = Vec::new();
            let units = std::mem::take(&mut self.pending_units);
            // A wave brings thousands of pages: their files are looked up across the threads.
            let (resolver, framework, all) = (&self.resolver, self.framework, &self.units);
            let files: Vec<Vec<(Role, PathBuf)>> = units
                .par_iter()
                .map(|&unit| unit_files(resolver, framework, &all[unit].base))
                .collect();
            for (unit, files) in units.into_iter().zip(files) {
                for (role, path) in files {
                    paths.push(path);
                    roles.push((unit, role));
                }
            }
            // Thousands of pages import the same few modules: each file is loaded once (paths
            // keyed as the file table keys them), and every reference to it gets its id.
            let refs = std::mem::take(&mut self.pending_refs);
            let mut slot_of: FxHashMap<Cow<'_, OsStr>, usize> = FxHashMap::default();
            let ref_slots: Vec<usize> = refs
                .iter()
                .map(|(path, ..)| {
                    *slot_of.entry(spelled(path)).or_insert_with(|| {
                        paths.push(path.clone());
                        paths.len() - 1
                    })
                })
                .collect();
            if paths.is_empty() && self.frontier.is_empty() {
                break;
            }
            let ids = self.load(&paths);
            let mut loaded = Vec::new();
            for (&(unit, role), id) in roles.iter().zip(&ids) {
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
            for ((_, from, span, kind), slot) in refs.into_iter().zip(ref_slots) {
                let to = ids[slot];
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
            self.follow_all(&frontier);
        }
    }

    /// Queues what the files of a wave refer to. The references are resolved across the
    /// threads (a wave brings thousands of pages), then recorded in the files' order, so units,
    /// missing files and pending loads come out as if followed one by one.
    fn follow_all(&mut self, frontier: &[FileId]) {
        let follow = Follow {
            root: &self.root,
            framework: self.framework,
            files: self.loader.files(),
            resolver: &self.resolver,
            unit_of_file: &self.unit_of_file,
            unit_of_json: &self.unit_of_json,
            easycom: self.easycom.as_ref(),
        };
        let found: Vec<Followed> = frontier.par_iter().map(|&id| follow.file(id)).collect();
        for (&id, found) in frontier.iter().zip(found) {
            self.record(id, found);
        }
    }

    /// Records what following `id` found.
    fn record(&mut self, id: FileId, found: Followed) {
        match found {
            Followed::Usings { unit, resolved } => {
                let usings = self.record_usings(id, resolved);
                self.units[unit].components = usings;
            }
            Followed::Templates(templates) => {
                for (src, span, kind, resolved) in templates {
                    match resolved {
                        Resolved::Found(path) => self.pending_refs.push((path, id, span, kind)),
                        Resolved::Missing => self.missing(id, span, Missing::Template { src }),
                        Resolved::Plugin(_) | Resolved::External => {}
                    }
                }
            }
            Followed::Script {
                components,
                modules,
            } => {
                if let Some(unit) = components.unit {
                    let usings: Vec<Using> = components
                        .found
                        .into_iter()
                        .map(|(tag, path, span, target)| Using {
                            entry: ComponentEntry {
                                tag,
                                tag_span: span,
                                path,
                                path_span: span,
                            },
                            file: id,
                            target: match target {
                                Component::Unit(base) => UsingTarget::Unit(self.unit(base)),
                                Component::Plugin(p) => UsingTarget::Plugin(p),
                                Component::External => UsingTarget::External,
                            },
                        })
                        .collect();
                    self.units[unit].components.extend(usings);
                }
                for (spec, span, module) in modules {
                    match module {
                        Module::Candidates(paths) => {
                            for path in paths {
                                self.pending_refs.push((path, id, span, RefKind::Module));
                            }
                        }
                        Module::Resolved(Resolved::Found(path)) => {
                            if FileKind::from_path(&path).is_some() {
                                self.pending_refs.push((path, id, span, RefKind::Module));
                            }
                        }
                        Module::Resolved(Resolved::Missing) => {
                            self.missing(id, span, Missing::Module { specifier: spec })
                        }
                        Module::Resolved(Resolved::Plugin(_) | Resolved::External) => {}
                    }
                }
            }
            Followed::Nothing => {}
        }
    }
}

/// What following one file's references found, before it is recorded ([`Builder::record`]).
enum Followed {
    /// A unit's `.json`: its `usingComponents`, resolved.
    Usings {
        unit: UnitId,
        resolved: Vec<(ComponentEntry, Resolved)>,
    },
    /// A template's `<import>`, `<include>` and `<sjs>`: (src, span, kind, where it leads).
    Templates(Vec<(String, Span, RefKind, Resolved)>),
    /// A script or component file: the components it renders (uni-app, Taro) and the modules it
    /// loads, (specifier, span, where it leads).
    Script {
        components: Components,
        modules: Vec<(String, Span, Module)>,
    },
    /// A file that refers to nothing the build follows (a `.json` of no unit).
    Nothing,
}

/// The components a uni-app or Taro component renders, for its unit.
#[derive(Default)]
struct Components {
    unit: Option<UnitId>,
    /// (tag, path as written or found, span of the import, the component).
    found: Vec<(String, String, Span, Component)>,
}

/// A component a framework file renders.
enum Component {
    /// A component of the project, by its base path (a unit, created when recorded).
    Unit(PathBuf),
    Plugin(String),
    External,
}

/// Where a module reference leads.
enum Module {
    /// A path built at run time: the files that fit it.
    Candidates(Vec<PathBuf>),
    Resolved(Resolved),
}

/// What following references reads: shared, unchanged, by the threads of a wave.
struct Follow<'b> {
    root: &'b Path,
    framework: Framework,
    files: &'b Files,
    resolver: &'b Resolver,
    unit_of_file: &'b FxHashMap<FileId, UnitId>,
    unit_of_json: &'b FxHashMap<FileId, UnitId>,
    easycom: Option<&'b Easycom>,
}

impl Follow<'_> {
    /// What a freshly loaded file refers to, resolved.
    fn file(&self, id: FileId) -> Followed {
        let source = self.files.source(id);
        let from = &source.path;
        match source.kind {
            FileKind::Json => {
                let Some(&unit) = self.unit_of_json.get(&id) else {
                    return Followed::Nothing;
                };
                let entries = self
                    .files
                    .content(id)
                    .json()
                    .and_then(|d| d.value.as_ref())
                    .map(using_components)
                    .unwrap_or_default();
                let resolved = components_at(self.resolver, from, entries);
                Followed::Usings { unit, resolved }
            }
            FileKind::Ttml => {
                let mut found = Vec::new();
                if let Some(doc) = self.files.content(id).markup() {
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
                        let resolved = self.resolver.template_src(from, src, ext);
                        found.push((src.to_string(), span, kind, resolved));
                    }
                }
                Followed::Templates(found)
            }
            FileKind::Script
            | FileKind::TypeScript
            | FileKind::Sjs
            | FileKind::Tsx
            | FileKind::Jsx
            | FileKind::Vue => {
                let components = self.components_used(id);
                let modules =
                    self.files
                        .content(id)
                        .script()
                        .map(|facts| {
                            facts
                                .module_refs
                                .iter()
                                .filter(|m| m.target.ships_to_douyin())
                                .map(|m| {
                                    // A path built at run time loads one of the files that fit it;
                                    // none fitting is not proof of a missing file.
                                    let module = match &m.pattern {
                                        Some(pattern) => Module::Candidates(
                                            self.resolver.candidates(from, &m.specifier, pattern),
                                        ),
                                        None => Module::Resolved(
                                            self.resolver.module(from, &m.specifier),
                                        ),
                                    };
                                    (m.specifier.clone(), m.span, module)
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                Followed::Script {
                    components,
                    modules,
                }
            }
        }
    }

    /// The components a uni-app or Taro component renders, found the way the framework finds
    /// them: by import (`import PayPanel from '@/components/pay-panel.vue'` and `<pay-panel>` or
    /// `<PayPanel>` in its markup) and, in uni-app, by easycom (`<u-card>` →
    /// `components/u-card/u-card.vue`). Components of UI libraries installed under `node_modules`
    /// exist but are not read: opaque, never missing.
    fn components_used(&self, id: FileId) -> Components {
        if self.framework == Framework::Native {
            return Components::default();
        }
        let Some(&unit) = self.unit_of_file.get(&id) else {
            return Components::default();
        };
        let from = &self.files.source(id).path;
        let content = self.files.content(id);
        let Some(markup) = content.markup() else {
            return Components::default();
        };
        let tags: BTreeSet<&str> = markup
            .elements()
            .map(|(_, e)| e.tag.as_str())
            .filter(|t| !is_built_in_tag(t))
            .collect();
        let imports = content.script().into_iter().flat_map(|facts| {
            facts
                .imports
                .iter()
                .map(|i| (hyphenate(&i.local).into_owned(), i))
                .filter(|(tag, _)| tags.contains(tag.as_str()))
        });
        let mut found = Vec::new();
        for (tag, import) in imports {
            let target = match self.resolver.module(from, &import.specifier) {
                Resolved::Found(path) => Component::Unit(unit_base(&path)),
                Resolved::Plugin(p) => Component::Plugin(p),
                Resolved::External => Component::External,
                Resolved::Missing => continue,
            };
            found.push((tag, import.specifier.clone(), import.span, target));
        }
        if let Some(easycom) = self.easycom {
            for tag in &tags {
                if found.iter().any(|(t, ..)| t == tag) {
                    continue;
                }
                if let Some((path, target)) = self.easycom_component(easycom, tag) {
                    found.push((tag.to_string(), path, Span::default(), target));
                }
            }
        }
        Components {
            unit: Some(unit),
            found,
        }
    }

    /// The component easycom finds for a tag: a project file, or an installed package's (opaque).
    fn easycom_component(&self, easycom: &Easycom, tag: &str) -> Option<(String, Component)> {
        for candidate in easycom.candidates(tag) {
            let local = self.root.join(&candidate);
            if self.resolver.is_file(&local) {
                return Some((candidate, Component::Unit(unit_base(&local))));
            }
            let installed = ["node_modules", "uni_modules"].iter().any(|folder| {
                self.resolver
                    .is_file(&self.root.join(folder).join(&candidate))
            });
            if installed {
                return Some((candidate, Component::External));
            }
        }
        let path = self.resolver.uni_module_component(tag)?;
        Some((
            path.to_string_lossy().into_owned(),
            Component::Unit(unit_base(&path)),
        ))
    }
}
