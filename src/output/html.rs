//! `--format html`: one self-contained compliance report for the people who decide whether a
//! mini-program goes to review — a verdict, counts by area, a table of every page, the app's
//! structure as a graph, and every finding with its code, grouped by page.
//!
//! Self-contained means no network at all: the CSS and the script are inline, the graph is SVG
//! drawn here, there are no fonts or images to fetch, and a Content-Security-Policy forbids
//! any request should something slip in. Every text taken from the project is escaped
//! ([`escape`]); the findings travel as a JSON block the script renders with `textContent` only,
//! a page group at a time, so a report of thousands of pages stays small and quick to open.

mod data;
mod escape;
mod layout;
mod svg;
mod table;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::base::message::{Catalogue, Message};
use crate::base::messages;
use crate::base::meta::Category;
use crate::engine::report::Report;
use crate::engine::summary::ProjectSummary;
use escape::{escape, rich, script_json};
use table::Counts;

const CSS: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// No requests of any kind; inline styles and the inline script only.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The areas shown as cards, in order, with their names and descriptions.
fn areas() -> [(Category, Message, Message); 6] {
    [
        (
            Category::Payment,
            messages::report_area_payment(),
            messages::report_area_payment_about(),
        ),
        (
            Category::Ios,
            messages::report_area_ios(),
            messages::report_area_ios_about(),
        ),
        (
            Category::Drainage,
            messages::report_area_drainage(),
            messages::report_area_drainage_about(),
        ),
        (
            Category::Service,
            messages::report_area_service(),
            messages::report_area_service_about(),
        ),
        (
            Category::Deposit,
            messages::report_area_deposit(),
            messages::report_area_deposit_about(),
        ),
        (
            Category::Engine,
            messages::report_area_engine(),
            messages::report_area_engine_about(),
        ),
    ]
}

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(document(report, text).as_bytes())
}

/// The whole document.
fn document(report: &Report, text: &Catalogue) -> String {
    let t = |m: Message| escape(&text.render(&m));
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"ttlint {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        t(messages::report_html_lang()),
        env!("CARGO_PKG_VERSION"),
        t(messages::report_title()),
    );
    let s = &report.summary;
    let _ = write!(
        html,
        "<header class=\"top\"><div class=\"brand\"><b>ttlint</b> {}</div><div class=\"meta\">{}</div></header>\n<main>\n",
        t(messages::report_brand()),
        t(messages::report_generated(
            env!("CARGO_PKG_VERSION"),
            s.files,
            s.skipped,
            s.suppressed
        )),
    );
    verdict(&mut html, report, text);
    area_cards(&mut html, report, text);
    toolbar(&mut html, report, text);

    let by_file = data::by_file(report);
    for (i, project) in report.projects.iter().enumerate() {
        project_section(&mut html, report, i, project, &by_file, text);
    }
    let outside = report.projects.is_empty()
        || report.diagnostics.iter().any(|d| {
            let display = &report.file(d.file).display;
            !report
                .projects
                .iter()
                .any(|p| data::in_project(display, &p.root))
        });
    if outside {
        let heading = if report.projects.is_empty() {
            messages::report_findings_heading()
        } else {
            messages::report_findings_outside()
        };
        let _ = write!(
            html,
            "<section class=\"project\"><h2>{}</h2>\n<div class=\"findings\" data-project=\"\" data-empty=\"{}\"></div>\n</section>\n",
            t(heading),
            t(messages::report_findings_none()),
        );
    }
    skipped(&mut html, report, text);
    let _ = write!(
        html,
        "</main>\n<footer>{}</footer>\n<script type=\"application/json\" id=\"ttlint-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        t(messages::report_footer()),
        script_json(&data::build(report, text)),
    );
    html
}

fn verdict(html: &mut String, report: &Report, text: &Catalogue) {
    let t = |m: Message| escape(&text.render(&m));
    let s = &report.summary;
    let (class, title, detail) = if s.errors > 0 {
        (
            "fail",
            messages::report_verdict_fail(),
            messages::report_verdict_fail_detail(s.errors),
        )
    } else if s.warnings > 0 {
        (
            "warn",
            messages::report_verdict_warn(),
            messages::report_verdict_warn_detail(s.warnings),
        )
    } else {
        (
            "pass",
            messages::report_verdict_pass(),
            messages::report_verdict_pass_detail(s.files),
        )
    };
    let mut counts = String::new();
    for (class, n, words) in [
        ("error", s.errors, messages::report_count_errors(s.errors)),
        (
            "warning",
            s.warnings,
            messages::report_count_warnings(s.warnings),
        ),
        ("info", s.infos, messages::report_count_infos(s.infos)),
    ] {
        let _ = write!(
            counts,
            "<div class=\"total {class}\"><b>{n}</b><span>{}</span></div>",
            t(words)
        );
    }
    let _ = writeln!(
        html,
        "<section class=\"verdict {class}\"><div class=\"what\"><h1>{}</h1><p>{}</p></div><div class=\"totals\">{counts}</div></section>",
        t(title),
        t(detail),
    );
}

fn area_cards(html: &mut String, report: &Report, text: &Catalogue) {
    let t = |m: Message| escape(&text.render(&m));
    let mut counts: HashMap<&str, Counts> = HashMap::new();
    for d in &report.diagnostics {
        counts
            .entry(d.rule.category.as_str())
            .or_default()
            .add(d.severity);
    }
    let _ = writeln!(
        html,
        "<section class=\"areas\" aria-label=\"{}\">",
        t(messages::report_areas_heading())
    );
    for (category, name, about) in areas() {
        let area = category.as_str();
        let found = counts.get(area).copied().unwrap_or_default();
        if category == Category::Engine && found.total() == 0 {
            continue;
        }
        let state = if found.errors > 0 {
            "error"
        } else if found.warnings > 0 {
            "warning"
        } else if found.infos > 0 {
            "info"
        } else {
            "clean"
        };
        let summary = if found.total() == 0 {
            format!(
                "<span class=\"clean\">{}</span>",
                t(messages::report_area_clean())
            )
        } else {
            found.chips(text)
        };
        let _ = writeln!(
            html,
            "<button type=\"button\" class=\"area {state}\" data-area=\"{area}\"{}><span class=\"name\">{}</span><span class=\"about\">{}</span><span class=\"counts\">{summary}</span></button>",
            if found.total() == 0 { " disabled" } else { "" },
            t(name),
            t(about),
        );
    }
    html.push_str("</section>\n");
}

/// Filters: by rule (or a whole area), by severity, and a search over routes and file names.
fn toolbar(html: &mut String, report: &Report, text: &Catalogue) {
    let t = |m: Message| escape(&text.render(&m));
    let mut by_area: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    let order = areas();
    for d in &report.diagnostics {
        let area = order
            .iter()
            .position(|(c, _, _)| *c == d.rule.category)
            .unwrap_or(order.len());
        *by_area
            .entry(area)
            .or_default()
            .entry(d.rule.id)
            .or_default() += 1;
    }
    let mut options = format!(
        "<option value=\"\">{}</option>",
        t(messages::report_filter_all_rules())
    );
    for (area, rules) in &by_area {
        let Some((category, name, _)) = order.get(*area) else {
            continue;
        };
        let name = text.render(name);
        let _ = write!(
            options,
            "<optgroup label=\"{}\"><option value=\"area:{}\">{}</option>",
            escape(&name),
            category.as_str(),
            t(messages::report_filter_area(name.as_str())),
        );
        for (rule, count) in rules {
            let _ = write!(
                options,
                "<option value=\"{0}\">{0} ({count})</option>",
                escape(rule)
            );
        }
        options.push_str("</optgroup>");
    }
    let _ = writeln!(
        html,
        "<form class=\"toolbar\" role=\"search\">\
<label>{}<select id=\"f-rule\">{options}</select></label>\
<label>{}<select id=\"f-sev\"><option value=\"\">{}</option><option value=\"error\">{}</option><option value=\"warning\">{}</option><option value=\"info\">{}</option></select></label>\
<label class=\"grow\">{}<input id=\"f-text\" type=\"search\" placeholder=\"{}\" autocomplete=\"off\"></label>\
<button type=\"reset\" id=\"f-reset\">{}</button></form>",
        t(messages::report_filter_rule()),
        t(messages::report_filter_severity()),
        t(messages::report_filter_all_severities()),
        t(messages::report_severity_error()),
        t(messages::report_severity_warning()),
        t(messages::report_severity_info()),
        t(messages::report_filter_search()),
        t(messages::report_filter_search_placeholder()),
        t(messages::report_filter_reset()),
    );
}

fn project_section(
    html: &mut String,
    report: &Report,
    index: usize,
    project: &ProjectSummary,
    by_file: &HashMap<&str, Vec<usize>>,
    text: &Catalogue,
) {
    let t = |m: Message| escape(&text.render(&m));
    let kind = messages::report_kind(project.kind.id());
    let trading = project.pages.iter().filter(|p| p.trades()).count();
    let served = project.pages.iter().filter(|p| p.im).count();
    let meta = text.render(&messages::report_project_meta(
        text.render(&kind),
        project.app_config.as_str(),
        project.pages.len(),
        trading,
        served,
    ));
    let _ = write!(
        html,
        "<section class=\"project\" id=\"project-{index}\">\n<h2>{} <code>{}</code></h2>\n<p class=\"sub\">{}</p>\n<h3>{}</h3>\n{}<h3>{}</h3>\n<p class=\"sub\">{}</p>\n{}<h3>{}</h3>\n<div class=\"findings\" data-project=\"{index}\" data-empty=\"{}\"></div>\n</section>\n",
        t(messages::report_project_heading()),
        escape(&project.root),
        rich(&meta),
        t(messages::report_pages_heading()),
        table::table(report, index, project, by_file, text),
        t(messages::report_graph_heading()),
        t(messages::report_graph_about()),
        svg::figure(&project.graph, text),
        t(messages::report_findings_heading()),
        t(messages::report_findings_none()),
    );
}

fn skipped(html: &mut String, report: &Report, text: &Catalogue) {
    let t = |m: Message| escape(&text.render(&m));
    let _ = writeln!(
        html,
        "<section class=\"skipped\"><h2>{}</h2>",
        t(messages::report_skipped_heading())
    );
    if report.skipped.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"sub\">{}</p></section>",
            t(messages::report_skipped_none())
        );
        return;
    }
    let mut files = report.skipped.clone();
    files.sort();
    let _ = write!(
        html,
        "<details><summary>{}</summary><ul class=\"files\">",
        rich(&text.render(&messages::report_skipped_about(files.len())))
    );
    for file in &files {
        let _ = write!(
            html,
            "<li><code>{}</code> <span class=\"why\">{}</span></li>",
            escape(&file.path),
            rich(&text.render(&file.reason.message()))
        );
    }
    html.push_str("</ul></details></section>\n");
}
