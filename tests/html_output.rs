//! `--format html` and `-o` through the real binary. What a browser makes of the report is
//! checked by `scripts/test-html-report.sh`; here, the file itself: written where asked, per-page
//! facts right for the demo shop, nothing fetched, hostile names escaped.

use crate::common::{path_str, stderr, stdout, tree, ttlint};

fn html_of(args: &[&str]) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let output = ttlint()
        .args(args)
        .args(["--format", "html", "-o", path_str(&out)])
        .output()
        .unwrap();
    assert!(
        stdout(&output).is_empty(),
        "the report goes to the file only"
    );
    let html = std::fs::read_to_string(&out).unwrap_or_else(|e| {
        panic!("no report written ({e}): {}", stderr(&output));
    });
    (html, output.status.code().unwrap_or(-1))
}

/// The table row of a page, from `<tr` to `</tr>`.
fn row<'a>(html: &'a str, route: &str) -> &'a str {
    let cell = format!("<td data-sort=\"{route}\">");
    let at = html
        .find(&cell)
        .unwrap_or_else(|| panic!("no row for {route}"));
    let start = html[..at].rfind("<tr").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

#[test]
fn the_demo_report_is_one_self_contained_file() {
    let (html, code) = html_of(&["fixtures/demo-shop"]);
    assert_eq!(
        code, 1,
        "the demo shop has errors: the exit code does not change"
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Not ready for review"));
    assert!(html.contains("<table class=\"pages\""));
    assert!(html.contains("<svg class=\"graph\""));
    assert!(html.contains("id=\"ttlint-data\""));
    assert!(html.contains("Content-Security-Policy"));
    for external in ["src=\"http", "href=\"http", "url(", "@import", "<link"] {
        assert!(!html.contains(external), "nothing to fetch: {external}");
    }
}

#[test]
fn the_demo_pages_say_what_they_are() {
    let (html, _) = html_of(&["fixtures/demo-shop"]);
    let vip = row(&html, "pages/vip/vip");
    assert!(
        vip.contains("1 site<"),
        "the membership payment; `renewFromWechat` is never called: {vip}"
    );
    assert!(vip.contains("会员, 金币"), "{vip}");
    assert!(
        vip.contains("reachable on iOS"),
        "the broken iOS gate: {vip}"
    );
    assert!(
        vip.contains("missing"),
        "it trades without IM customer service: {vip}"
    );
    let mine = row(&html, "pages/mine/mine");
    assert!(
        mine.contains("flag ok\">yes"),
        "the IM button renders there: {mine}"
    );
    assert!(mine.contains(">tab<"), "{mine}");
    let index = row(&html, "pages/index/index");
    assert!(index.contains(">home<"), "{index}");
    assert!(index.contains("data-rules=\""), "{index}");
    assert!(index.contains("drainage-contact"), "{index}");
    let web = row(&html, "pages/web/web");
    assert!(!web.contains("site"), "the web page does not trade: {web}");
}

#[test]
fn hostile_file_names_are_text() {
    let name = "<img src=x onerror=alert(1)>.js";
    let app = tree(&[
        ("app.json", r#"{"pages":["pages/index/index"]}"#),
        (
            "pages/index/index.ttml",
            "<view bindtap=\"buy\">购买</view>",
        ),
        (
            "pages/index/index.js",
            &format!("const pay = require('../../{name}');\nPage({{ buy() {{ pay(); }} }});"),
        ),
        (name, "module.exports = function () { tt.pay({}); };"),
        ("old/</script><script>alert(2)</script>.js", "tt.pay({})"),
    ]);
    let (html, code) = html_of(&[path_str(app.path())]);
    assert_eq!(code, 1);
    assert!(!html.contains("<img"), "no element from a file name");
    assert!(
        !html.contains("alert(2)</script>"),
        "no script from a file name"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;.js"),
        "the module in the graph"
    );
    assert!(
        html.contains("\\u003cimg src=x onerror=alert(1)>.js"),
        "the finding's file in the data"
    );
}

#[test]
fn output_file_takes_any_format_and_an_unwritable_one_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "old content that must go").unwrap();
    let output = ttlint()
        .args([
            "fixtures/demo-shop",
            "--format",
            "json",
            "-o",
            path_str(&out),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["version"], 1, "truncated and rewritten");

    let nowhere = dir.path().join("missing-folder/report.html");
    let output = ttlint()
        .args(["fixtures/demo-shop", "--format", "html"])
        .args(["--output-file", path_str(&nowhere)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("cannot write the output to") && err.contains("report.html"),
        "{err}"
    );
}
