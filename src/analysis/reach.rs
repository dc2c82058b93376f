//! What runs on a page: the functions its lifecycle methods, the handlers of the elements it
//! renders and its render functions start, the top-level code of the scripts it loads, and
//! everything those call across the project's modules. A page trades when a payment is among
//! them — not because a module it loads for its login helpers also exports a payment function
//! nothing on the page calls.
//!
//! Code written inside a function that runs is taken to run too: callbacks (`success`, `then`,
//! `useEffect`) and closures are how mini-program code does everything, and a closure written but
//! never called is rare enough that counting it costs less than missing the callbacks.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet;

use crate::analysis::calls::{FnRef, Graph};
use crate::base::source::FileId;
use crate::project::{Project, RefKind, Rendered, UnitId};
use crate::syntax::js::facts::{FnId, JsFacts};

/// Methods the framework calls by name: page and app lifecycles and page events (native and
/// uni-app), component lifetimes, Vue options, Taro class components.
pub const LIFECYCLE: &[&str] = &[
    // Pages (native, uni-app) and the app.
    "onLoad",
    "onShow",
    "onReady",
    "onHide",
    "onUnload",
    "onPullDownRefresh",
    "onReachBottom",
    "onShareAppMessage",
    "onShareTimeline",
    "onPageScroll",
    "onTabItemTap",
    "onResize",
    "onBackPress",
    "onNavigationBarButtonTap",
    "onLaunch",
    "onError",
    "onPageNotFound",
    // Components.
    "created",
    "attached",
    "ready",
    "moved",
    "detached",
    // Vue.
    "setup",
    "beforeCreate",
    "beforeMount",
    "mounted",
    "activated",
    "beforeUpdate",
    "updated",
    // Taro class components.
    "componentWillMount",
    "componentDidMount",
    "componentDidShow",
    "componentDidUpdate",
    "render",
];

/// The functions and top-level code that run.
#[derive(Debug, Clone, Default)]
pub struct Reach {
    functions: FxHashSet<FnRef>,
    /// Scripts whose top-level code runs.
    scripts: BTreeSet<FileId>,
}

impl Reach {
    /// Whether code written in `function` (`None`: at the top level) of `file` runs.
    pub fn runs(&self, file: FileId, function: Option<FnId>) -> bool {
        match function {
            Some(function) => self.functions.contains(&FnRef { file, function }),
            None => self.scripts.contains(&file),
        }
    }

    /// The scripts with code that runs.
    pub fn files(&self) -> BTreeSet<FileId> {
        let mut files = self.scripts.clone();
        files.extend(self.functions.iter().map(|f| f.file));
        files
    }
}

/// The innermost function of `facts` whose text holds `offset`.
fn innermost(facts: &JsFacts, offset: usize) -> Option<FnId> {
    facts
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.span.start() <= offset && offset < f.span.end())
        .min_by_key(|(_, f)| f.span.end() - f.span.start())
        .map(|(i, _)| FnId::new(i))
}

/// Where a unit's code starts: its lifecycle methods, the handlers of the elements its templates
/// render (in code compiled for Douyin), and the functions its JSX is written in (a function
/// component, a class component's `render`).
pub fn unit_starts(graph: &Graph<'_>, unit: UnitId) -> Vec<FnRef> {
    let project = graph.project();
    let Some(script) = project.unit(unit).script else {
        return Vec::new();
    };
    let Some(facts) = graph.facts(script) else {
        return Vec::new();
    };
    let here = |function| FnRef {
        file: script,
        function,
    };
    let mut starts: Vec<FnRef> = facts
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.parent.is_none() && f.name.as_deref().is_some_and(|n| LIFECYCLE.contains(&n))
        })
        .map(|(i, _)| here(FnId::new(i)))
        .collect();
    for template in project.templates_of(unit) {
        let Some(doc) = graph.files().content(template).markup() else {
            continue;
        };
        for (_, element) in doc.douyin_elements() {
            for event in &element.events {
                starts.extend(graph.handler(script, &event.handler));
            }
            if template == script
                && let Some(render) = innermost(facts, element.tag_span.start())
            {
                starts.push(here(render));
            }
        }
    }
    starts
}

/// Everything `starts` and the top-level code of `scripts` run.
fn close(graph: &Graph<'_>, mut todo: Vec<FnRef>, scripts: &[FileId]) -> Reach {
    let mut reach = Reach {
        functions: FxHashSet::default(),
        scripts: scripts.iter().copied().collect(),
    };
    let follow = |file: FileId, function: Option<FnId>, todo: &mut Vec<FnRef>| {
        let Some(facts) = graph.facts(file) else {
            return;
        };
        for &i in graph.calls_in(file, function) {
            if let Some(call) = facts.calls.get(i)
                && call.target.ships_to_douyin()
            {
                todo.extend(graph.resolve(file, &call.callee));
            }
        }
    };
    for &script in scripts {
        follow(script, None, &mut todo);
        if let Some(facts) = graph.facts(script) {
            todo.extend(
                facts
                    .functions
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.parent.is_none() && f.callback.is_some())
                    .map(|(i, _)| FnRef {
                        file: script,
                        function: FnId::new(i),
                    }),
            );
        }
    }
    while let Some(function) = todo.pop() {
        if !reach.functions.insert(function) {
            continue;
        }
        todo.extend(graph.nested(function));
        follow(function.file, Some(function.function), &mut todo);
    }
    reach
}

/// What runs on a page that renders `rendered`.
pub fn page(graph: &Graph<'_>, rendered: &Rendered) -> Reach {
    let starts = rendered
        .units
        .iter()
        .flat_map(|&unit| unit_starts(graph, unit))
        .collect();
    close(graph, starts, &rendered.scripts)
}

/// The app script and the modules it loads, transitively: where the code a page reaches
/// through `getApp()` runs.
pub fn app_scripts(project: &Project) -> Vec<FileId> {
    let mut scripts = BTreeSet::new();
    let mut todo: Vec<FileId> = project.app_script.into_iter().collect();
    while let Some(file) = todo.pop() {
        if scripts.insert(file) {
            todo.extend(
                project
                    .references_from(file)
                    .filter(|r| r.kind == RefKind::Module)
                    .filter_map(|r| r.to),
            );
        }
    }
    scripts.into_iter().collect()
}

/// What the app script runs on its own: its top-level code, its lifecycle methods, and the
/// modules it loads.
pub fn app(graph: &Graph<'_>) -> Reach {
    let project = graph.project();
    let Some(app) = project.app_script else {
        return Reach::default();
    };
    let scripts = app_scripts(project);
    let starts = graph.facts(app).map_or_else(Vec::new, |facts| {
        facts
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.parent.is_none() && f.name.as_deref().is_some_and(|n| LIFECYCLE.contains(&n))
            })
            .map(|(i, _)| FnRef {
                file: app,
                function: FnId::new(i),
            })
            .collect()
    });
    close(graph, starts, &scripts)
}
