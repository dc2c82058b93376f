//! The layers of `docs/architecture.md`, enforced: every module of `src/` imports only from its own
//! layer or a lower one, and no modules import each other in a circle.
//!
//! Imports are read with `syn`: `use` items, inline paths (`crate::x::y`, `super::z`) and `mod`
//! declarations (a parent depends on its children). Code under `#[cfg(test)]` is left out: tests
//! may drive the whole engine. A path resolves to the deepest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::visit::Visit;

/// A module path, `crate`-relative: `["syntax", "js", "facts"]`. The crate root is empty.
type Module = Vec<String>;

fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.join("::")
    }
}

/// The module a file under `src/` defines: `src/a/mod.rs` and `src/a.rs` are `a`.
fn module_of(relative: &str) -> Module {
    let trimmed = relative.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn has_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// What one file refers to: paths as written (first segment `crate`, `super`, `self` or the
/// crate's own name), child modules declared, and children declared only for tests.
#[derive(Default)]
struct Refs {
    paths: Vec<Vec<String>>,
    children: Vec<String>,
    test_children: Vec<String>,
}

impl<'ast> Visit<'ast> for Refs {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Trait(t) => &t.attrs,
            syn::Item::Type(t) => &t.attrs,
            syn::Item::Macro(m) => &m.attrs,
            _ => &[],
        };
        if let syn::Item::Mod(m) = item
            && m.content.is_none()
        {
            let child = m.ident.to_string();
            if has_cfg_test(attrs) {
                self.test_children.push(child);
            } else {
                self.children.push(child);
            }
            return;
        }
        if has_cfg_test(attrs) {
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut out = Vec::new();
        flatten(&item.tree, Vec::new(), &mut out);
        self.paths.extend(out);
    }

    /// `pub(super)` names who may see an item, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.paths.push(segments);
        syn::visit::visit_path(self, path);
    }
}

/// Expands `use a::{b, c::d}` into `a::b` and `a::c::d`.
fn flatten(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let with = |segment: String| {
        let mut p = prefix.clone();
        p.push(segment);
        p
    };
    match tree {
        syn::UseTree::Path(p) => flatten(&p.tree, with(p.ident.to_string()), out),
        syn::UseTree::Name(n) if n.ident == "self" => out.push(prefix),
        syn::UseTree::Name(n) => out.push(with(n.ident.to_string())),
        syn::UseTree::Rename(r) => out.push(with(r.ident.to_string())),
        syn::UseTree::Glob(_) => out.push(prefix),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, prefix.clone(), out)),
    }
}

/// The sources of a crate, by module: `(module, source text)`.
struct Crate {
    files: BTreeMap<Module, String>,
    /// The crate's own name, which the binary's `main` uses in place of `crate`.
    name: String,
}

/// One import that breaks the rules, or one cycle.
#[derive(Debug, PartialEq, Eq)]
enum Violation {
    Upward {
        from: String,
        to: String,
        from_layer: u8,
        to_layer: u8,
    },
    Cycle(Vec<String>),
    Unplaced(String),
    Unparsable(String),
}

/// The modules a module refers to, resolved to modules that exist.
fn graph(krate: &Crate) -> (BTreeMap<Module, BTreeSet<Module>>, Vec<Violation>) {
    let mut problems = Vec::new();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut test_only: BTreeSet<Module> = BTreeSet::new();
    let mut parsed = Vec::new();
    for (module, text) in &krate.files {
        match syn::parse_file(text) {
            Ok(file) => {
                let mut refs = Refs::default();
                refs.visit_file(&file);
                for child in &refs.test_children {
                    let mut m = module.clone();
                    m.push(child.clone());
                    test_only.insert(m);
                }
                parsed.push((module.clone(), refs));
            }
            Err(e) => problems.push(Violation::Unparsable(format!("{}: {e}", name(module)))),
        }
    }
    let modules: BTreeSet<&Module> = krate.files.keys().collect();
    // The binary (`main`) is its own crate: its `ttlint::x` is the library's `crate::x`.
    let is_binary = |m: &Module| m.len() == 1 && m[0] == "main";
    for (module, refs) in parsed {
        if test_only.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let out = edges.entry(module.clone()).or_default();
        for child in &refs.children {
            let mut m = module.clone();
            m.push(child.clone());
            if !is_binary(&module) {
                out.insert(m);
            }
        }
        for path in refs.paths {
            let Some(first) = path.first() else { continue };
            let mut absolute: Module = match first.as_str() {
                "crate" if !is_binary(&module) => Vec::new(),
                first if first == krate.name && is_binary(&module) => Vec::new(),
                "super" | "self" => module.clone(),
                _ => continue,
            };
            let mut rest = path.iter().skip(1).peekable();
            if first == "super" {
                absolute.pop();
            }
            while rest.peek().is_some_and(|s| *s == "super") {
                absolute.pop();
                rest.next();
            }
            absolute.extend(rest.cloned());
            // The deepest module the path names.
            while !absolute.is_empty() && !modules.contains(&absolute) {
                absolute.pop();
            }
            if absolute != module && !absolute.is_empty() {
                out.insert(absolute);
            }
        }
    }
    edges.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    for targets in edges.values_mut() {
        targets.retain(|m| !test_only.iter().any(|t| m.starts_with(t)));
    }
    (edges, problems)
}

/// The layer of a module: its own row in the table, or its nearest listed parent's.
fn layer_of(module: &Module, layers: &BTreeMap<String, u8>) -> Option<u8> {
    let mut m = module.clone();
    while !m.is_empty() {
        if let Some(&layer) = layers.get(&m.join("::")) {
            return Some(layer);
        }
        m.pop();
    }
    None
}

/// Strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn connect<'a>(s: &mut State<'a>, v: &'a Module) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let edges = s.edges;
        for w in edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                connect(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(name(w));
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v) {
            connect(&mut state, v);
        }
    }
    state.out
}

/// Everything wrong with a crate's layering.
fn check(krate: &Crate, layers: &BTreeMap<String, u8>) -> Vec<Violation> {
    let (edges, mut problems) = graph(krate);
    for module in edges.keys() {
        if !module.is_empty() && layer_of(module, layers).is_none() {
            problems.push(Violation::Unplaced(name(module)));
        }
    }
    for (from, targets) in &edges {
        let Some(from_layer) = layer_of(from, layers) else {
            continue;
        };
        for to in targets {
            if let Some(to_layer) = layer_of(to, layers)
                && to_layer > from_layer
            {
                problems.push(Violation::Upward {
                    from: name(from),
                    to: name(to),
                    from_layer,
                    to_layer,
                });
            }
        }
    }
    problems.extend(cycles(&edges).into_iter().map(Violation::Cycle));
    problems
}

/// The layer table of `docs/architecture.md`: rows `| `module` | N name | why |`.
fn layer_table(markdown: &str) -> BTreeMap<String, u8> {
    markdown
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let module = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let layer = cells.get(2)?.split_whitespace().next()?.parse().ok()?;
            Some((module.to_string(), layer))
        })
        .collect()
}

fn repository_crate() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("src/ is readable");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path
            .strip_prefix(&src)
            .expect("under src/")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).expect("a source file");
        files.insert(module_of(&relative), text);
    }
    Crate {
        files,
        name: env!("CARGO_PKG_NAME").replace('-', "_"),
    }
}

#[test]
fn imports_only_point_down_and_nothing_is_circular() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/architecture.md"))
        .expect("docs/architecture.md");
    let layers = layer_table(&doc);
    assert!(layers.len() > 10, "the layer table was not found");
    let krate = repository_crate();
    let known: BTreeSet<String> = krate.files.keys().map(name).collect();
    let stale: Vec<&String> = layers.keys().filter(|m| !known.contains(*m)).collect();
    assert!(
        stale.is_empty(),
        "docs/architecture.md lists modules that do not exist: {stale:?}"
    );
    let problems = check(&krate, &layers);
    assert!(
        problems.is_empty(),
        "layering problems (see docs/architecture.md):\n{}",
        problems
            .iter()
            .map(|p| format!("  {p:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A tiny crate for the checker's own tests.
fn planted(files: &[(&str, &str)]) -> Crate {
    Crate {
        files: files
            .iter()
            .map(|(path, text)| (module_of(path), text.to_string()))
            .collect(),
        name: "demo".into(),
    }
}

fn demo_layers() -> BTreeMap<String, u8> {
    layer_table(
        "| `base` | 1 base | |\n| `rules` | 5 rules | |\n| `cli` | 7 cli | |\n| `main` | 7 cli | |",
    )
}

#[test]
fn the_checker_finds_a_planted_upward_import() {
    let krate = planted(&[
        ("lib.rs", "pub mod base; pub mod rules; pub mod cli;"),
        ("base/mod.rs", "pub mod meta;"),
        (
            "base/meta.rs",
            "use crate::rules::registry::find;\npub struct Meta;",
        ),
        ("rules/mod.rs", "pub mod registry;"),
        ("rules/registry.rs", "pub fn find() {}"),
        ("cli.rs", "fn run() { crate::rules::registry::find(); }"),
        ("main.rs", "fn main() { demo::cli::run(); }"),
    ]);
    assert_eq!(
        check(&krate, &demo_layers()),
        vec![Violation::Upward {
            from: "base::meta".into(),
            to: "rules::registry".into(),
            from_layer: 1,
            to_layer: 5
        }]
    );
}

#[test]
fn the_checker_finds_a_planted_cycle_and_an_inline_path() {
    let krate = planted(&[
        ("lib.rs", "pub mod rules;"),
        ("rules/mod.rs", "mod a;\nmod b;\npub struct Registry;"),
        ("rules/a.rs", "pub fn a() { super::b::b() }"),
        (
            "rules/b.rs",
            "pub(super) fn b() { let _ = crate::rules::Registry; }",
        ),
    ]);
    assert_eq!(
        check(&krate, &demo_layers()),
        vec![Violation::Cycle(vec![
            "rules".into(),
            "rules::a".into(),
            "rules::b".into()
        ])]
    );
}

#[test]
fn the_checker_ignores_tests_and_wants_every_module_placed() {
    let krate = planted(&[
        ("lib.rs", "pub mod base; pub mod extra;"),
        (
            "base/mod.rs",
            "#[cfg(test)]\nmod helpers;\n#[cfg(test)]\nmod tests { use crate::cli::run; }",
        ),
        ("base/helpers.rs", "use crate::cli::run;"),
        ("extra.rs", ""),
    ]);
    assert_eq!(
        check(&krate, &demo_layers()),
        vec![Violation::Unplaced("extra".into())]
    );
}
