//! Formatters: renderings of a [`Report`]. They decide nothing; one file per format.

mod blocks;
mod checkstyle;
mod concise;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod pretty;
mod sanitize;
mod sarif;
mod style;
mod xml;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::base::message::Catalogue;
use crate::engine::report::Report;

pub use github::write_step_summary;
pub use pretty::summary_line;
pub use style::Style;

/// An output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames with the span underlined, for people at a terminal.
    Pretty,
    /// One line per finding: `path:line:col: severity rule: message`.
    Concise,
    /// One JSON document (version 1), for editors and scripts.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other dashboards.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality JSON, for the merge-request widget.
    Gitlab,
    /// Checkstyle XML.
    Checkstyle,
    /// JUnit XML, shown by CI systems as test results.
    Junit,
    /// A self-contained HTML compliance report: verdict, pages, structure graph, findings.
    Html,
}

impl Format {
    /// Whether the format shows each mini-program page by page, so the run must summarize
    /// them ([`crate::engine::lint::LintOptions::summarize`]).
    pub fn needs_projects(self) -> bool {
        self == Self::Html
    }
}

/// Writes `report` in `format`.
pub fn write(report: &Report, format: Format, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let text = Catalogue::shared(style.lang);
    match format {
        Format::Pretty => pretty::write(report, text, style, out),
        Format::Concise => concise::write(report, text, style, out),
        Format::Json => json::write(report, text, out),
        Format::Sarif => sarif::write(report, text, out),
        Format::Github => github::write(report, text, out),
        Format::Gitlab => gitlab::write(report, text, out),
        Format::Checkstyle => checkstyle::write(report, text, out),
        Format::Junit => junit::write(report, text, out),
        Format::Html => html::write(report, text, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::{Diagnostic, Severity};
    use crate::base::message::Lang;
    use crate::base::messages;
    use crate::base::source::{FileId, FileKind, SourceFile, Span};
    use crate::engine::report::{Report, Summary};
    use crate::rules::find;

    const SCRIPT: &str = "// 支付页\nfunction pay() {\n  tt.pay({\n    orderInfo,\n  });\n}\ntt.showModal({ content: '添加客服微信 starshop' });\n";
    const APP: &str = "{\n  \"pages\": [\"pages/pay page,1\"]\n}\n";

    /// One fixed report: Chinese text, a multi-line span, a file name with a space and a comma,
    /// a related location in another file.
    fn report() -> Report {
        let script = SourceFile::new(
            "pages/pay page,1.js".into(),
            "pages/pay page,1.js".into(),
            FileKind::Script,
            SCRIPT.into(),
        );
        let app = SourceFile::new(
            "app.json".into(),
            "app.json".into(),
            FileKind::Json,
            APP.into(),
        );
        let at = |text: &str, needle: &str| text.find(needle).unwrap();
        let pay = at(SCRIPT, "tt.pay");
        let pay_end = at(SCRIPT, "});") + 3;
        let lure = at(SCRIPT, "添加客服微信");
        let mut d1 = Diagnostic::new(
            find("deprecated-tt-pay").unwrap(),
            FileId(0),
            Span::new(pay, pay_end),
            messages::deprecated_tt_pay_call("tt.pay"),
        )
        .with_help(messages::deprecated_tt_pay_help());
        d1.severity = Severity::Error;
        let mut d2 = Diagnostic::new(
            find("drainage-contact").unwrap(),
            FileId(0),
            Span::new(lure, lure + "添加客服微信".len()),
            messages::drainage_contact_text("添加客服微信"),
        )
        .with_help(messages::drainage_contact_help());
        d2.severity = Severity::Error;
        let mut d3 = Diagnostic::new(
            find("trade-prerequisites").unwrap(),
            FileId(1),
            Span::new(0, 1),
            messages::trade_prerequisites(1_usize),
        )
        .with_related(
            FileId(0),
            Span::new(pay, pay + 6),
            messages::label_trades_here("tt.pay"),
        );
        d3.severity = Severity::Info;
        Report {
            files: vec![script, app],
            diagnostics: vec![d3, d1, d2],
            summary: Summary {
                files: 2,
                errors: 2,
                warnings: 0,
                infos: 1,
                suppressed: 1,
                skipped: 3,
                internal_errors: 0,
                ..Summary::default()
            },
            linted: vec![
                "app.json".into(),
                "pages/pay page,1.js".into(),
                "pages/ok.js".into(),
            ],
            skipped: Vec::new(),
            project_passes: 1,
            root: "/work/project".into(),
            projects: Vec::new(),
            rules: Vec::new(),
            unread: Default::default(),
        }
    }

    fn render(format: Format) -> String {
        render_in(format, Lang::En)
    }

    fn render_in(format: Format, lang: Lang) -> String {
        let mut out = Vec::new();
        write(
            &report(),
            format,
            Style {
                color: false,
                lang,
                max_diagnostics: None,
            },
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pretty() {
        insta::assert_snapshot!(render(Format::Pretty));
    }

    #[test]
    fn pretty_zh_cn() {
        insta::assert_snapshot!(render_in(Format::Pretty, Lang::ZhCn));
    }

    /// Machine-readable outputs carry the message in the chosen language; ids, fields and
    /// fingerprints stay the same.
    #[test]
    fn other_formats_change_only_their_words() {
        let en: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        let zh: serde_json::Value =
            serde_json::from_str(&render_in(Format::Json, Lang::ZhCn)).unwrap();
        assert_eq!(en["diagnostics"][1]["rule"], zh["diagnostics"][1]["rule"]);
        assert_eq!(
            zh["diagnostics"][1]["message"],
            "`tt.pay` 已下线：担保支付收银台已不再收款"
        );
        let fingerprints = |text: String| {
            let sarif: serde_json::Value = serde_json::from_str(&text).unwrap();
            sarif["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["partialFingerprints"].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fingerprints(render(Format::Sarif)),
            fingerprints(render_in(Format::Sarif, Lang::ZhCn))
        );
        let zh_sarif: serde_json::Value =
            serde_json::from_str(&render_in(Format::Sarif, Lang::ZhCn)).unwrap();
        assert_eq!(zh_sarif["runs"][0]["language"], "zh-CN");
        let github = render_in(Format::Github, Lang::ZhCn);
        assert!(
            github.contains("title=ttlint deprecated-tt-pay::`tt.pay` 已下线"),
            "{github}"
        );
    }

    #[test]
    fn json() {
        insta::assert_snapshot!(render(Format::Json));
    }

    #[test]
    fn sarif() {
        // Each rule's full documentation is in the driver; it is tested with the rules, and
        // left out here so that a docs edit does not churn this snapshot.
        let mut sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
        for rule in sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array_mut()
            .unwrap()
        {
            rule["help"] = serde_json::json!("<the rule's documentation>");
        }
        insta::assert_snapshot!(serde_json::to_string_pretty(&sarif).unwrap());
    }

    #[test]
    fn github() {
        insta::assert_snapshot!(render(Format::Github));
    }

    #[test]
    fn gitlab() {
        insta::assert_snapshot!(render(Format::Gitlab));
    }

    #[test]
    fn github_step_summary() {
        let mut out = Vec::new();
        write_step_summary(&report(), Catalogue::shared(Lang::En), &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn checkstyle() {
        insta::assert_snapshot!(render(Format::Checkstyle));
    }

    #[test]
    fn junit() {
        insta::assert_snapshot!(render(Format::Junit));
    }

    #[test]
    fn html() {
        use crate::engine::summary::{Graph, Node, NodeKind, PageSummary, ProjectSummary};
        let mut report = report();
        // Hostile names where the project's names go: they must come out escaped.
        report.skipped = vec![crate::engine::report::Skipped {
            path: "old/<script>alert(1)</script>.js".into(),
            reason: crate::engine::report::SkipReason::Unreachable,
        }];
        let node = |label: &str, kind, trades| Node {
            label: label.into(),
            kind,
            trades,
            im: false,
        };
        report.projects = vec![ProjectSummary {
            root: ".".into(),
            app_config: "app.json".into(),
            kind: crate::project::framework::Framework::Native,
            pages: vec![PageSummary {
                route: "pages/pay page,1".into(),
                home: true,
                tab: false,
                subpackage: None,
                order: false,
                personal: false,
                trade_sites: 1,
                im: false,
                virtual_goods: vec!["会员".into()],
                ios_gated: Some(false),
                files: vec!["pages/pay page,1.js".into()],
            }],
            graph: Graph {
                nodes: vec![
                    node("pages/pay page,1", NodeKind::Page, true),
                    node(
                        "utils/<img src=x onerror=alert(1)>.js",
                        NodeKind::Module,
                        false,
                    ),
                ],
                edges: vec![(0, 1)],
            },
        }];
        let mut out = Vec::new();
        write(
            &report,
            Format::Html,
            Style {
                color: false,
                lang: Lang::En,
                max_diagnostics: None,
            },
            &mut out,
        )
        .unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(!html.contains("<img src=x"), "escaped everywhere");
        assert!(!html.contains("<script>alert"), "escaped everywhere");
        insta::assert_snapshot!(html);
    }
}
