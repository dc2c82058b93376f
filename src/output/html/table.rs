//! The per-page table of one mini-program: what each page is, whether it trades, shows IM
//! customer service, sells virtual goods and gates their payment on iOS, and its findings.
//! Rendered in full (it is what people read first); the script sorts and filters the rows by
//! their `data-*` attributes.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::data::{group_anchor, page_findings};
use super::escape::{escape, rich};
use crate::base::diagnostic::Severity;
use crate::base::message::{Catalogue, Message};
use crate::base::messages;
use crate::engine::report::Report;
use crate::engine::summary::{PageSummary, ProjectSummary};

/// Counts of findings by severity: errors, warnings, infos.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    pub fn total(self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// Severity chips: a number per severity with findings, its words in the title.
    pub fn chips(self, text: &Catalogue) -> String {
        let mut out = String::new();
        for (class, n, words) in [
            (
                "error",
                self.errors,
                messages::report_count_errors(self.errors),
            ),
            (
                "warning",
                self.warnings,
                messages::report_count_warnings(self.warnings),
            ),
            ("info", self.infos, messages::report_count_infos(self.infos)),
        ] {
            if n > 0 {
                let _ = write!(
                    out,
                    "<span class=\"chip {class}\" title=\"{n} {}\">{n}</span>",
                    escape(&text.render(&words))
                );
            }
        }
        out
    }
}

/// The table of a project's pages.
pub fn table(
    report: &Report,
    index: usize,
    project: &ProjectSummary,
    by_file: &HashMap<&str, Vec<usize>>,
    text: &Catalogue,
) -> String {
    let t = |m: Message| escape(&text.render(&m));
    let mut html = String::new();
    let _ = write!(
        html,
        "<div class=\"table-wrap\"><table class=\"pages\" data-project=\"{index}\">\n<thead><tr>"
    );
    let columns = [
        ("text", messages::report_col_page()),
        ("number", messages::report_col_trades()),
        ("number", messages::report_col_im()),
        ("text", messages::report_col_virtual()),
        ("number", messages::report_col_ios()),
        ("number", messages::report_col_findings()),
    ];
    for (kind, title) in columns {
        let _ = write!(
            html,
            "<th scope=\"col\" data-type=\"{kind}\" aria-sort=\"none\"><button type=\"button\">{}</button></th>",
            t(title)
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (i, page) in project.pages.iter().enumerate() {
        row(&mut html, report, index, i, page, by_file, text);
    }
    let _ = write!(
        html,
        "</tbody>\n</table>\n<p class=\"empty no-rows\" hidden>{}</p></div>\n",
        t(messages::report_filter_no_pages())
    );
    html
}

fn row(
    html: &mut String,
    report: &Report,
    project: usize,
    index: usize,
    page: &PageSummary,
    by_file: &HashMap<&str, Vec<usize>>,
    text: &Catalogue,
) {
    let t = |m: Message| escape(&text.render(&m));
    let found = page_findings(&page.files, by_file);
    let mut counts = Counts::default();
    let mut rules: BTreeSet<&str> = BTreeSet::new();
    let mut severities: BTreeSet<&str> = BTreeSet::new();
    let mut areas: BTreeSet<&str> = BTreeSet::new();
    for &f in &found {
        let d = &report.diagnostics[f];
        counts.add(d.severity);
        rules.insert(d.rule.id);
        severities.insert(d.severity.as_str());
        areas.insert(d.rule.category.as_str());
    }
    let join = |set: &BTreeSet<&str>| set.iter().copied().collect::<Vec<_>>().join(" ");
    let search = std::iter::once(page.route.as_str())
        .chain(page.files.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(
        html,
        "<tr data-rules=\"{}\" data-sevs=\"{}\" data-areas=\"{}\" data-search=\"{}\">",
        escape(&join(&rules)),
        escape(&join(&severities)),
        escape(&join(&areas)),
        escape(&search.to_lowercase()),
    );

    // Page: the route (a link to its findings when it has any) and what kind of page it is.
    let route = format!("<code>{}</code>", escape(&page.route));
    let link = if found.is_empty() {
        route
    } else {
        format!("<a href=\"#{}\">{route}</a>", group_anchor(project, index))
    };
    let mut badges = String::new();
    for (on, message) in [
        (page.home, messages::report_badge_home()),
        (page.tab, messages::report_badge_tab()),
        (page.order, messages::report_badge_order()),
        (page.personal, messages::report_badge_personal()),
    ] {
        if on {
            let _ = write!(badges, "<span class=\"badge\">{}</span>", t(message));
        }
    }
    if let Some(root) = &page.subpackage {
        let _ = write!(
            badges,
            "<span class=\"badge sub\">{}</span>",
            rich(&text.render(&messages::report_badge_subpackage(root)))
        );
    }
    let _ = write!(
        html,
        "<td data-sort=\"{}\">{link}{badges}</td>",
        escape(&page.route)
    );

    // Trades.
    if page.trades() {
        let _ = write!(
            html,
            "<td data-sort=\"{}\"><span class=\"flag trade\">{}</span></td>",
            page.trade_sites,
            t(messages::report_trade_sites(page.trade_sites))
        );
    } else {
        let _ = write!(
            html,
            "<td data-sort=\"0\" class=\"na\">{}</td>",
            t(messages::report_not_applicable())
        );
    }

    // IM customer service: missing matters where buyers look for it.
    let needs_im = page.trades() || page.order;
    let (sort, class, message) = match (page.im, needs_im) {
        (true, _) => (2, "flag ok", messages::report_yes()),
        (false, true) => (0, "flag bad", messages::report_im_missing()),
        (false, false) => (1, "flag", messages::report_no()),
    };
    let _ = write!(
        html,
        "<td data-sort=\"{sort}\"><span class=\"{class}\">{}</span></td>",
        t(message)
    );

    // Virtual goods.
    if page.virtual_goods.is_empty() {
        let _ = write!(
            html,
            "<td data-sort=\"\" class=\"na\">{}</td>",
            t(messages::report_not_applicable())
        );
    } else {
        let words = page.virtual_goods.join(", ");
        let _ = write!(
            html,
            "<td data-sort=\"{0}\" class=\"words\">{0}</td>",
            escape(&words)
        );
    }

    // iOS payment.
    let _ = match page.ios_gated {
        Some(true) => write!(
            html,
            "<td data-sort=\"2\"><span class=\"flag ok\">{}</span></td>",
            t(messages::report_ios_gated())
        ),
        Some(false) => write!(
            html,
            "<td data-sort=\"0\"><span class=\"flag bad\">{}</span></td>",
            t(messages::report_ios_open())
        ),
        None => write!(
            html,
            "<td data-sort=\"1\" class=\"na\">{}</td>",
            t(messages::report_not_applicable())
        ),
    };

    // Findings.
    let weight = counts.errors * 1_000_000 + counts.warnings * 1_000 + counts.infos;
    let _ = writeln!(
        html,
        "<td data-sort=\"{weight}\" class=\"counts\">{}</td></tr>",
        counts.chips(text)
    );
}
