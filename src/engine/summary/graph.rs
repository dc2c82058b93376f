//! The structure of a mini-program as a graph: pages, the components and templates they render,
//! and the modules their scripts load, with trade and IM customer service marked.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::base::source::FileId;
use crate::project::files::Files;
use crate::project::{Project, RefKind, UnitId, Using, UsingTarget};

/// What a node of the structure graph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Page,
    Component,
    /// A template imported or included by another (`<import>`, `<include>`).
    Template,
    /// A script module (`require`, `import`, `<sjs src>`).
    Module,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Component => "component",
            Self::Template => "template",
            Self::Module => "module",
        }
    }
}

/// A page, component, template or module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The route of a page or component, the path of a template or module (relative to the
    /// project root, with `/`).
    pub label: String,
    pub kind: NodeKind,
    /// A trade starts in its own files (a payment or trade API, a pay component).
    pub trades: bool,
    /// Its own template renders a Douyin IM customer-service entry.
    pub im: bool,
}

/// The structure graph. The pages come first, in `app.json` order; the other nodes follow in the
/// order they are reached from them, breadth first. Edges point from the user to the used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize)>,
}

/// A node before it has an index: a unit (a page or component with its own files) or a file
/// of its own (a template or module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Unit(UnitId),
    File(FileId, NodeKind),
}

/// Numbers nodes as they are reached.
struct Builder<'a> {
    project: &'a Project,
    files: &'a Files,
    trading: &'a HashSet<FileId>,
    serving: &'a HashSet<FileId>,
    /// The project root as text, to make file labels relative.
    root: String,
    /// A reference to a page's or component's own file stands for the unit.
    own: HashMap<FileId, UnitId>,
    pages: HashSet<UnitId>,
    index: HashMap<Key, usize>,
    nodes: Vec<Node>,
    /// Keys in the order they were added: the breadth-first work list.
    order: Vec<Key>,
}

impl Builder<'_> {
    fn key(&self, file: FileId, kind: NodeKind) -> Key {
        match self.own.get(&file) {
            Some(&unit) => Key::Unit(unit),
            None => Key::File(file, kind),
        }
    }

    fn label(&self, file: FileId) -> String {
        let path = self
            .files
            .source(file)
            .path
            .to_string_lossy()
            .replace('\\', "/");
        match path.strip_prefix(&self.root) {
            Some(rest) => rest.trim_start_matches('/').to_string(),
            None => path,
        }
    }

    /// The node of `key`, added (and queued) when it is new.
    fn add(&mut self, key: Key) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let node = match key {
            Key::Unit(u) => {
                let unit = self.project.unit(u);
                let mine = [unit.script, unit.template, unit.json];
                Node {
                    label: unit.route.clone(),
                    kind: if self.pages.contains(&u) {
                        NodeKind::Page
                    } else {
                        NodeKind::Component
                    },
                    trades: mine.iter().flatten().any(|f| self.trading.contains(f)),
                    im: unit.template.is_some_and(|t| self.serving.contains(&t)),
                }
            }
            Key::File(file, kind) => Node {
                label: self.label(file),
                kind,
                trades: self.trading.contains(&file),
                im: self.serving.contains(&file),
            },
        };
        let i = self.nodes.len();
        self.nodes.push(node);
        self.order.push(key);
        self.index.insert(key, i);
        i
    }

    /// What a node uses directly.
    fn targets(&self, key: Key) -> Vec<Key> {
        let project = self.project;
        let mut targets: Vec<Key> = Vec::new();
        let (template, script) = match key {
            Key::Unit(u) => {
                let unit = project.unit(u);
                targets.extend(child_components(project, self.files, u).map(Key::Unit));
                (unit.template, unit.script)
            }
            Key::File(file, NodeKind::Template) => (Some(file), None),
            Key::File(file, _) => (None, Some(file)),
        };
        if let Some(template) = template {
            for r in project.references_from(template) {
                let kind = match r.kind {
                    RefKind::Import | RefKind::Include => NodeKind::Template,
                    RefKind::Sjs | RefKind::Module => NodeKind::Module,
                };
                targets.extend(r.to.map(|to| self.key(to, kind)));
            }
        }
        if let Some(script) = script {
            targets.extend(
                project
                    .references_from(script)
                    .filter(|r| r.kind == RefKind::Module)
                    .filter_map(|r| r.to)
                    .map(|to| self.key(to, NodeKind::Module)),
            );
        }
        targets
    }
}

/// Builds the graph of everything the pages reach. `trading` and `serving` are the files with a
/// trade site and with an IM entry.
pub fn build(
    project: &Project,
    files: &Files,
    trading: &HashSet<FileId>,
    serving: &HashSet<FileId>,
) -> Graph {
    let mut own: HashMap<FileId, UnitId> = HashMap::new();
    for (id, unit) in project.units.iter().enumerate() {
        for file in [unit.script, unit.template].into_iter().flatten() {
            own.insert(file, id);
        }
    }
    let mut builder = Builder {
        project,
        files,
        trading,
        serving,
        root: project.root.to_string_lossy().replace('\\', "/"),
        own,
        pages: project.pages.iter().map(|p| p.unit).collect(),
        index: HashMap::new(),
        nodes: Vec::new(),
        order: Vec::new(),
    };
    for page in &project.pages {
        builder.add(Key::Unit(page.unit));
    }
    let mut edges: BTreeSet<(usize, usize)> = BTreeSet::new();
    // Breadth first, so that nodes are numbered by distance from the pages.
    let mut from = 0;
    while let Some(&key) = builder.order.get(from) {
        for target in builder.targets(key) {
            let to = builder.add(target);
            if to != from {
                edges.insert((from, to));
            }
        }
        from += 1;
    }
    Graph {
        nodes: builder.nodes,
        edges: edges.into_iter().collect(),
    }
}

/// The components a unit renders directly: tags in its own template (and those it imports or
/// includes) that name a component of the project.
fn child_components<'a>(
    project: &'a Project,
    files: &'a Files,
    unit: UnitId,
) -> impl Iterator<Item = UnitId> + 'a {
    let mut tags: BTreeSet<&str> = BTreeSet::new();
    for template in project.templates_of(unit) {
        if let Some(doc) = files.content(template).markup() {
            tags.extend(doc.elements().map(|(_, e)| e.tag.as_str()));
        }
    }
    tags.into_iter()
        .filter_map(move |tag| match project.component_for(unit, tag) {
            Some(Using {
                target: UsingTarget::Unit(child),
                ..
            }) => Some(*child),
            _ => None,
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
}
