//! What rules see: a parsed file with its facts, or (in the project pass) the whole mini-program.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

use crate::analysis::calls::Graph;
use crate::analysis::reach;
use crate::analysis::service::{self, PageFacts};
use crate::analysis::text::{self, Text};
use crate::analysis::trade::{self, TradeSite};
use crate::analysis::virtual_goods::{self, VirtualGoods};
use crate::base::data::RuleData;
use crate::base::source::{FileId, SourceFile, Span};
use crate::project::Project;
use crate::project::files::Files;
use crate::project::framework::Framework;
use crate::syntax::js::facts::JsFacts;
use crate::syntax::json::JsonDoc;
use crate::syntax::load::{Content, Problem};
use crate::syntax::markup::Markup;

/// The file pass's view of one file.
pub struct FileContext<'a> {
    pub id: FileId,
    pub source: &'a SourceFile,
    pub content: &'a Content,
    /// What kept the file, or part of it, from being parsed.
    pub problems: &'a [Problem],
    /// Part of a mini-program's build (reached from its configuration). False for a file linted
    /// only because it was named, walked outside any project, or `--all-files` asked: the
    /// developer tools never read it.
    pub in_build: bool,
    pub data: &'a RuleData,
    /// How the mini-program the file belongs to is written (`Native` for a loose file): in
    /// uni-app source `wx` is uni's own alias, not a WeChat leftover.
    pub framework: Framework,
    /// The file's visible text, found once for the several rules that read it.
    visible: OnceCell<Vec<Text<'a>>>,
}

impl<'a> FileContext<'a> {
    pub fn new(
        id: FileId,
        source: &'a SourceFile,
        content: &'a Content,
        problems: &'a [Problem],
        in_build: bool,
        data: &'a RuleData,
        framework: Framework,
    ) -> Self {
        Self {
            id,
            source,
            content,
            problems,
            in_build,
            data,
            framework,
            visible: OnceCell::new(),
        }
    }

    /// The text users see in the file (see [`text`](crate::analysis::text)).
    pub fn visible(&self) -> &[Text<'a>] {
        self.visible
            .get_or_init(|| text::visible_in(self.source, self.content, self.data))
    }

    /// The visible text, if a rule asked for it: the project pass reads it again
    /// ([`ProjectContext::with_visible`]).
    pub fn into_visible(self) -> Option<Vec<Text<'a>>> {
        self.visible.into_inner()
    }

    pub fn script(&self) -> Option<&JsFacts> {
        self.content.script()
    }

    pub fn markup(&self) -> Option<&Markup> {
        self.content.markup()
    }

    pub fn json(&self) -> Option<&JsonDoc> {
        self.content.json()
    }
}

/// The project pass's view of one mini-program. Analyses several rules share are computed on
/// first use and kept for the others; the rules run in parallel, so a rule that asks for one
/// another is computing waits for it.
pub struct ProjectContext<'a> {
    pub project: &'a Project,
    pub files: &'a Files,
    pub data: &'a RuleData,
    trade_sites: OnceLock<Vec<TradeSite>>,
    pages: OnceLock<Vec<PageFacts>>,
    graph: OnceLock<Graph<'a>>,
    virtual_goods: OnceLock<Vec<VirtualGoods>>,
    /// Each file's visible text as the file pass found it, by file id; empty when not given.
    visible: &'a [Option<Vec<Text<'a>>>],
}

/// A large app's analyses hold a few small maps for every page and every script; the two are
/// freed on two threads, beside each other, as the graph was built across them.
impl Drop for ProjectContext<'_> {
    fn drop(&mut self) {
        let (pages, graph) = (self.pages.take(), self.graph.take());
        rayon::join(move || drop(pages), move || drop(graph));
    }
}

impl<'a> ProjectContext<'a> {
    pub fn new(project: &'a Project, files: &'a Files, data: &'a RuleData) -> Self {
        Self {
            project,
            files,
            data,
            trade_sites: OnceLock::new(),
            pages: OnceLock::new(),
            graph: OnceLock::new(),
            virtual_goods: OnceLock::new(),
            visible: &[],
        }
    }

    /// Lends the project pass the visible text the file pass found, by file id, so that it is
    /// not looked for twice: in every file of a page that shares, say.
    pub fn with_visible(mut self, visible: &'a [Option<Vec<Text<'a>>>]) -> Self {
        self.visible = visible;
        self
    }

    /// The text users see in `file`: as the file pass found it, or found now.
    pub fn visible(&self, file: FileId) -> Cow<'_, [Text<'a>]> {
        match self.visible.get(file.0 as usize) {
            Some(Some(found)) => Cow::Borrowed(found),
            _ => {
                let loaded = &self.files.get(file).loaded;
                Cow::Owned(text::visible_in(&loaded.source, &loaded.content, self.data))
            }
        }
    }

    /// The project's call graph and API uses through aliases ([`Graph`]).
    pub fn graph(&self) -> &Graph<'a> {
        self.graph
            .get_or_init(|| Graph::new(self.project, self.files))
    }

    /// Every place the project trades that runs: on its pages, and in the app script
    /// ([`crate::analysis::trade::project_sites`]).
    pub fn trade_sites(&self) -> &[TradeSite] {
        self.trade_sites.get_or_init(|| {
            let graph = self.graph();
            let page_sites = self.pages().iter().flat_map(|p| &p.trade);
            trade::project_sites(graph, page_sites, &reach::app(graph), self.data)
        })
    }

    /// Where project-level findings on the app's configuration point: the opening brace of its
    /// object (`app.json`, `pages.json`, the object `app.config.ts` exports).
    pub fn app_json_start(&self) -> Span {
        let root = self
            .files
            .content(self.project.app_json)
            .json()
            .and_then(|doc| doc.value.as_ref());
        let start = root.map_or(0, |value| value.span.start());
        Span::new(start, start + 1)
    }

    /// The name of a file, as messages name it: `app.json`, `pages.json`, `app.config.ts`.
    pub fn file_name(&self, file: FileId) -> &str {
        let path = &self.files.source(file).path;
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    }

    /// Computes the call graph and the pages, which most project rules share, across the run's
    /// threads. Call it before running rules in parallel: found lazily inside a rule, they are
    /// built under a `OnceLock` whose waiters block instead of helping, and a worker building
    /// them in parallel could take up another rule's job that waits on the same lock.
    pub fn prepare(&self) {
        self.pages();
    }

    /// What each page is and renders ([`crate::analysis::service::pages`]).
    pub fn pages(&self) -> &[PageFacts] {
        self.pages
            .get_or_init(|| service::pages(self.graph(), self.data))
    }

    /// What each page sells and its ungated payment starts on iOS, in the order of
    /// [`ProjectContext::pages`] ([`crate::analysis::virtual_goods::pages`]).
    pub fn virtual_goods(&self) -> &[VirtualGoods] {
        self.virtual_goods
            .get_or_init(|| virtual_goods::pages(self.graph(), self.data, self.pages()))
    }
}
