//! The model's types and the questions rules ask of it: the home page, what renders on a page,
//! which component a tag names.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rustc_hash::FxHashMap;

use super::app::{self, AppConfig, ComponentEntry, PageEntry, ProjectConfig};
use super::files::Files;
use super::framework::Framework;
use crate::base::source::{FileId, Span};

pub type UnitId = usize;

/// A page or a custom component: the files sharing one base path.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Absolute base path without extension (`/app/pages/pay/pay`).
    pub base: PathBuf,
    /// The base relative to the project root, with `/` (`pages/pay/pay`).
    pub route: String,
    pub script: Option<FileId>,
    pub template: Option<FileId>,
    pub json: Option<FileId>,
    /// Its `usingComponents`.
    pub components: Vec<Using>,
}

/// A `usingComponents` entry and what it resolved to.
#[derive(Debug, Clone)]
pub struct Using {
    pub entry: ComponentEntry,
    /// The `.json` file it is written in.
    pub file: FileId,
    pub target: UsingTarget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsingTarget {
    Unit(UnitId),
    Plugin(String),
    /// An npm package or a path ttlint does not follow.
    External,
    Missing,
}

/// How one file refers to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// `<import src>`: makes `<template name>` definitions available.
    Import,
    /// `<include src>`: inlines the markup.
    Include,
    /// `<sjs src>`.
    Sjs,
    /// `require()` / `import` in a script.
    Module,
}

/// A reference from one file to another, resolved.
#[derive(Debug, Clone)]
pub struct Reference {
    pub from: FileId,
    pub span: Span,
    pub kind: RefKind,
    /// The file it leads to; `None` when it leads outside what ttlint reads (npm, ignored).
    pub to: Option<FileId>,
}

/// A page listed in `app.json`.
#[derive(Debug, Clone)]
pub struct Page {
    pub unit: UnitId,
    pub entry: PageEntry,
}

/// One mini-program.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    /// How the mini-program is written.
    pub framework: Framework,
    /// The app's configuration: `app.json`, uni-app's `pages.json`, Taro's `app.config.ts`.
    pub app_json: FileId,
    /// The file `navigateToMiniProgramAppIdList` is read from: the app's configuration, or
    /// uni-app's `manifest.json` (`mp-toutiao` section).
    pub navigate_list_file: FileId,
    pub app: AppConfig,
    pub config: ProjectConfig,
    pub app_script: Option<FileId>,
    pub units: Vec<Unit>,
    /// Pages in `app.json` order (`pages`, then subpackages).
    pub pages: Vec<Page>,
    /// Pages listed in `app.json` whose template is a WeChat `.wxml` with no `.ttml` beside it.
    pub wechat_pages: Vec<PageEntry>,
    /// `usingComponents` of `app.json`: available on every page.
    pub app_components: Vec<Using>,
    pub references: Vec<Reference>,
    /// Indices into `references`, by referring file.
    pub(super) outgoing: FxHashMap<FileId, Vec<usize>>,
    /// Every file reachable from `app.json`.
    pub files: BTreeSet<FileId>,
    /// References that resolve to nothing.
    pub missing: Vec<MissingRef>,
}

/// A reference that resolves to no file: the build would stop on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingRef {
    /// The file holding the reference, and where in it.
    pub file: FileId,
    pub span: Span,
    pub what: Missing,
}

/// What is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A page listed in `app.json` with no files at all.
    Page { route: String },
    /// A page with files but no template.
    PageTemplate { route: String },
    /// A `usingComponents` entry whose component is not on disk.
    Component { tag: String, path: String },
    /// An `<import>`, `<include>` or `<sjs>` source.
    Template { src: String },
    /// A relative `require` or `import`.
    Module { specifier: String },
}

impl Project {
    /// Moves the places the model keeps in `file` — its references, those that resolve to
    /// nothing, the components its script imports — from each old span to its new one in
    /// `moved`: the file was edited without changing what it refers to, so the model still
    /// holds, only its places moved (an editor's session thus skips a rebuild). Returns `false`,
    /// moving nothing, when a place of `file` is not in `moved`: then the model must be rebuilt.
    pub fn move_places(&mut self, file: FileId, moved: &FxHashMap<Span, Span>) -> bool {
        let mut places: Vec<&mut Span> = Vec::new();
        places.extend(
            self.references
                .iter_mut()
                .filter(|r| r.from == file)
                .map(|r| &mut r.span),
        );
        places.extend(
            self.missing
                .iter_mut()
                .filter(|m| m.file == file)
                .map(|m| &mut m.span),
        );
        let usings = self
            .units
            .iter_mut()
            .flat_map(|u| u.components.iter_mut())
            .chain(self.app_components.iter_mut())
            .filter(|u| u.file == file);
        for using in usings {
            places.push(&mut using.entry.tag_span);
            places.push(&mut using.entry.path_span);
        }
        // A place the model made up (an easycom component has none) stays where it is.
        let new = |span: &Span| match moved.get(span) {
            Some(to) => Some(*to),
            None => (*span == Span::default()).then_some(*span),
        };
        if !places.iter().all(|span| new(span).is_some()) {
            return false;
        }
        for span in places {
            if let Some(to) = new(span) {
                *span = to;
            }
        }
        true
    }

    /// The home page: `entryPagePath`, else the first of `pages`.
    pub fn home(&self) -> Option<&Page> {
        if let Some(entry) = &self.app.entry_page {
            let route = app::normalize_route(&entry.value);
            if let Some(page) = self.pages.iter().find(|p| p.entry.route == route) {
                return Some(page);
            }
        }
        self.pages.first()
    }

    pub fn is_tab_page(&self, page: &Page) -> bool {
        self.app.tab_bar.iter().any(|t| t.value == page.entry.route)
    }

    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id]
    }

    /// References made by one file.
    pub fn references_from(&self, from: FileId) -> impl Iterator<Item = &Reference> {
        self.outgoing
            .get(&from)
            .into_iter()
            .flatten()
            .map(|&i| &self.references[i])
    }

    /// Files `from` refers to with one of `kinds`.
    fn targets<'a>(
        &'a self,
        from: FileId,
        kinds: &'a [RefKind],
    ) -> impl Iterator<Item = FileId> + 'a {
        self.references_from(from)
            .filter(move |r| kinds.contains(&r.kind))
            .filter_map(|r| r.to)
    }

    /// Everything reachable from `start` through references of `kinds` (including `start`).
    fn closure(&self, start: impl IntoIterator<Item = FileId>, kinds: &[RefKind]) -> Vec<FileId> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<FileId> = start.into_iter().collect();
        while let Some(f) = todo.pop() {
            if seen.insert(f) {
                todo.extend(self.targets(f, kinds));
            }
        }
        seen.into_iter().collect()
    }

    /// A unit's template with every template it imports or includes, transitively.
    pub fn templates_of(&self, unit: UnitId) -> Vec<FileId> {
        self.closure(
            self.units[unit].template,
            &[RefKind::Import, RefKind::Include],
        )
    }

    /// The component a tag names on a unit: its own `usingComponents`, then `app.json`'s.
    pub fn component_for(&self, unit: UnitId, tag: &str) -> Option<&Using> {
        self.units[unit]
            .components
            .iter()
            .find(|u| u.entry.tag == tag)
            .or_else(|| self.app_components.iter().find(|u| u.entry.tag == tag))
    }

    /// The unit and every custom component rendered inside it, transitively: a component
    /// counts when its tag appears in one of the templates of a unit already counted.
    pub fn rendered_units(&self, unit: UnitId, files: &Files) -> Vec<UnitId> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![unit];
        while let Some(u) = todo.pop() {
            if !seen.insert(u) {
                continue;
            }
            for template in self.templates_of(u) {
                let Some(doc) = files.content(template).markup() else {
                    continue;
                };
                let tags: BTreeSet<&str> = doc.elements().map(|(_, e)| e.tag.as_str()).collect();
                for tag in tags {
                    if let Some(Using {
                        target: UsingTarget::Unit(child),
                        ..
                    }) = self.component_for(u, tag)
                    {
                        todo.push(*child);
                    }
                }
            }
        }
        seen.into_iter().collect()
    }

    /// What renders and runs for the page of `unit`, computed once: the units rendered on it,
    /// every template whose markup renders there (its own, imported and included ones, and its
    /// components'), and every script that runs (the units' scripts and the modules they load).
    pub fn rendered(&self, unit: UnitId, files: &Files) -> Rendered {
        let units = self.rendered_units(unit, files);
        let mut templates: BTreeSet<FileId> = BTreeSet::new();
        for &u in &units {
            templates.extend(self.templates_of(u));
        }
        let scripts = self.closure(
            units.iter().filter_map(|&u| self.units[u].script),
            &[RefKind::Module],
        );
        Rendered {
            units,
            templates: templates.into_iter().collect(),
            scripts,
        }
    }

    /// The navigation title a unit's `.json` sets.
    pub fn title<'a>(&self, unit: UnitId, files: &'a Files) -> Option<&'a str> {
        self.units[unit]
            .json
            .and_then(|id| files.content(id).json())
            .and_then(|doc| doc.value.as_ref())
            .and_then(|v| v.get("navigationBarTitleText"))
            .and_then(|t| t.as_str())
    }
}

/// What renders and runs on one page ([`Project::rendered`]).
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub units: Vec<UnitId>,
    pub templates: Vec<FileId>,
    pub scripts: Vec<FileId>,
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::base::source::FileKind;
    use crate::project::build::{Loader, build};
    use crate::project::files::Request;

    struct DiskLoader(Files);

    impl Loader for DiskLoader {
        fn load(&mut self, paths: &[PathBuf]) -> Vec<Option<FileId>> {
            let requests = paths
                .iter()
                .map(|p| Request {
                    path: p.clone(),
                    kind: FileKind::from_path(p).unwrap_or(FileKind::Json),
                    linted: true,
                    in_build: true,
                })
                .collect();
            self.0.load(requests).into_iter().map(Some).collect()
        }

        fn files(&self) -> &Files {
            &self.0
        }
    }

    fn fixture() -> (Project, Files, PathBuf) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/project-model");
        let mut loader = DiskLoader(Files::new(
            &root,
            std::sync::Arc::new(crate::base::vfs::Vfs::disk()),
        ));
        let project = build(
            &root,
            crate::project::framework::Framework::Native,
            &mut loader,
        )
        .expect("the fixture's app.json is valid");
        (project, loader.0, root)
    }

    /// The files' names, sorted.
    fn names(files: &Files, ids: &[FileId]) -> Vec<String> {
        let mut names: Vec<String> = ids
            .iter()
            .map(|&id| files.source(id).display.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn pages_home_and_units() {
        let (project, _, _) = fixture();
        let routes: Vec<&str> = project
            .pages
            .iter()
            .map(|p| p.entry.route.as_str())
            .collect();
        assert_eq!(
            routes,
            vec![
                "pages/index/index",
                "pages/list/list",
                "packageA/pages/detail/detail"
            ]
        );
        assert_eq!(project.home().unwrap().entry.route, "pages/index/index");
        assert_eq!(project.config.appid.as_deref(), Some("tt0000000000000001"));
    }

    #[test]
    fn templates_rendered_on_a_page() {
        let (project, files, _) = fixture();
        let index = project.pages[0].unit;
        assert_eq!(
            names(&files, &project.rendered(index, &files).templates),
            vec![
                "components/badge/badge.ttml",
                "components/card/card.ttml",
                "pages/index/index.ttml",
                "templates/footer.ttml",
                "templates/item.ttml",
            ],
            "its own, imported, included, and nested components' (the plugin is not on disk)"
        );
        let list = project.pages[1].unit;
        assert_eq!(
            names(&files, &project.rendered(list, &files).templates),
            vec!["components/avatar/avatar.ttml", "pages/list/list.ttml"],
            "app-level components count where their tag is used"
        );
    }

    #[test]
    fn scripts_a_page_runs() {
        let (project, files, _) = fixture();
        let index = project.pages[0].unit;
        assert_eq!(
            names(&files, &project.rendered(index, &files).scripts),
            vec![
                "components/badge/badge.js",
                "components/card/card.js",
                "pages/index/index.js",
                "utils/api.js",
                "utils/request.js",
            ]
        );
        // Another page loads the same module, written another way: one file, reached from both.
        let list = project.pages[1].unit;
        assert_eq!(
            names(&files, &project.rendered(list, &files).scripts),
            vec![
                "components/avatar/avatar.js",
                "pages/list/list.js",
                "utils/api.js",
                "utils/request.js",
            ]
        );
        let api = (0..files.entries().len() as u32)
            .map(FileId)
            .filter(|&id| files.source(id).display == "utils/api.js")
            .count();
        assert_eq!(api, 1);
    }
}
