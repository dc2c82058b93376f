//! What a mini-program is, page by page, for people deciding whether it is ready for review:
//! which pages trade, where IM customer service is, what sells virtual goods and whether iOS
//! users can pay for it, and the app's structure as a graph.
//!
//! Computed from the project pass's [`ProjectContext`], so it reuses the analyses the rules
//! already ran and always agrees with the findings. Only formats that show it ask for it
//! ([`crate::engine::lint::LintOptions::summarize`]): ordinary runs never pay for it.

mod graph;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

#[cfg(test)]
pub use graph::Node;
pub use graph::{Graph, NodeKind};

use crate::analysis::context::ProjectContext;
use crate::base::source::FileId;
use crate::project::discover::display_path;
use crate::project::framework::Framework;

/// One mini-program.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectSummary {
    /// The folder holding the app's configuration, as a display path.
    pub root: String,
    /// The display path of its `app.json`, `pages.json` or `app.config.ts`.
    pub app_config: String,
    pub kind: Framework,
    /// Pages in `app.json` order (`pages`, then subpackages).
    pub pages: Vec<PageSummary>,
    pub graph: Graph,
}

/// One page of a mini-program.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSummary {
    pub route: String,
    pub home: bool,
    pub tab: bool,
    /// The subpackage root the page belongs to.
    pub subpackage: Option<String>,
    /// An order page or the personal page (我的), by its route or title.
    pub order: bool,
    pub personal: bool,
    /// Trade sites on the page: payment and trade API uses in what runs there, pay components
    /// in what renders there.
    pub trade_sites: usize,
    /// A Douyin IM customer-service entry renders on the page.
    pub im: bool,
    /// The virtual-goods words the page shows; empty when it sells none.
    pub virtual_goods: Vec<String>,
    /// For a page that sells virtual goods and trades: whether every payment start is gated on
    /// iOS. `None` where the question does not arise.
    pub ios_gated: Option<bool>,
    /// Display paths of the files that render or run on the page, sorted.
    pub files: Vec<String>,
}

impl PageSummary {
    pub fn trades(&self) -> bool {
        self.trade_sites > 0
    }
}

/// Summarizes the project of `cx`; display paths are relative to `cwd`.
pub fn summarize(cx: &ProjectContext<'_>, cwd: &Path) -> ProjectSummary {
    let project = cx.project;
    let files = cx.files;
    let display = |id: FileId| files.source(id).display.clone();
    let facts = cx.pages();
    let goods = cx.virtual_goods();
    let pages = project
        .pages
        .iter()
        .zip(facts)
        .enumerate()
        .map(|(i, (page, facts))| {
            let sells = goods.get(i).map(|g| g.words.clone()).unwrap_or_default();
            let ungated = goods.get(i).is_some_and(|g| !g.ungated.is_empty());
            let rendered = &facts.rendered;
            let mut own: BTreeSet<String> = rendered
                .templates
                .iter()
                .chain(&rendered.scripts)
                .copied()
                .map(display)
                .collect();
            own.extend(
                rendered
                    .units
                    .iter()
                    .filter_map(|&u| project.unit(u).json)
                    .map(display),
            );
            PageSummary {
                route: facts.route.clone(),
                home: facts.home,
                tab: facts.tab,
                subpackage: page.entry.subpackage.clone(),
                order: facts.order,
                personal: facts.personal,
                trade_sites: facts.trade.len(),
                im: !facts.entries.is_empty(),
                ios_gated: (!sells.is_empty() && !facts.trade.is_empty()).then_some(!ungated),
                virtual_goods: sells,
                files: own.into_iter().collect(),
            }
        })
        .collect();
    let trading: HashSet<FileId> = cx.trade_sites().iter().map(|s| s.file).collect();
    let serving: HashSet<FileId> = facts
        .iter()
        .flat_map(|p| p.entries.iter().map(|e| e.file))
        .collect();
    ProjectSummary {
        root: display_path(&project.root, cwd),
        app_config: display(project.app_json),
        kind: project.framework,
        pages,
        graph: graph::build(project, files, &trading, &serving),
    }
}
