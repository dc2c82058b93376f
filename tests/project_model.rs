//! The project model through the binary: reachability, skipped files, missing files.

use crate::common;

use crate::common::{findings, findings_of, lint_json, lint_json_in, stdout, ttlint};

#[test]
fn only_files_reachable_from_app_json_are_linted() {
    let output = ttlint()
        .args(["fixtures/project-model", "--show-files"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let listed = stdout(&output);
    let lines: Vec<&str> = listed.lines().collect();
    let linted: Vec<&str> = lines
        .iter()
        .filter(|l| !l.contains("(skipped"))
        .map(|l| l.trim_start_matches("fixtures/project-model/"))
        .collect();
    assert_eq!(
        linted,
        vec![
            "app.js",
            "app.json",
            "components/avatar/avatar.js",
            "components/avatar/avatar.json",
            "components/avatar/avatar.ttml",
            "components/badge/badge.js",
            "components/badge/badge.json",
            "components/badge/badge.ttml",
            "components/card/card.js",
            "components/card/card.json",
            "components/card/card.ttml",
            "packageA/pages/detail/detail.js",
            "packageA/pages/detail/detail.ttml",
            "pages/index/format.sjs",
            "pages/index/index.js",
            "pages/index/index.json",
            "pages/index/index.ttml",
            "pages/list/list.js",
            "pages/list/list.ttml",
            "project.config.json",
            "templates/footer.ttml",
            "templates/item.ttml",
            "utils/api.js",
            "utils/request.js",
        ],
        "pages, subpackage pages, nested and app-level components, imported/included templates, sjs and required modules"
    );
    let skipped: Vec<&str> = lines
        .iter()
        .filter(|l| l.contains("(skipped"))
        .copied()
        .collect();
    assert_eq!(
        skipped,
        vec![
            "fixtures/project-model/mock/pay.js (skipped: not app code — tooling, back-end code, mock data or tests beside the app)",
            "fixtures/project-model/pages/unused/unused.js (skipped: not reachable from the app's configuration; --all-files lints it)",
            "fixtures/project-model/pages/unused/unused.ttml (skipped: not reachable from the app's configuration; --all-files lints it)",
            "fixtures/project-model/utils/dead.js (skipped: not reachable from the app's configuration; --all-files lints it)",
        ]
    );
}

#[test]
fn unreachable_files_are_counted_and_never_linted() {
    let (json, code) = lint_json(&["fixtures/project-model"]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 24);
    assert_eq!(json["summary"]["skipped"], 3);
    assert_eq!(json["summary"]["tooling"], 1, "mock/ is not app code");
    assert!(
        findings_of(&json, "deprecated-tt-pay").is_empty(),
        "tt.pay in dead files is not reported"
    );
    let summary = ttlint()
        .args(["fixtures/project-model", "--color", "never"])
        .output()
        .unwrap();
    assert!(stdout(&summary).contains(
        "3 source files not reachable from app.json and skipped (--all-files lints them)"
    ));
}

#[test]
fn all_files_lints_the_unreachable_ones_too() {
    let (json, _) = lint_json(&["fixtures/project-model", "--all-files"]);
    assert_eq!(json["summary"]["skipped"], 0);
    assert_eq!(
        findings_of(&json, "deprecated-tt-pay"),
        vec!["deprecated-tt-pay fixtures/project-model/pages/unused/unused.js:1:16"],
        "mock data no page reaches is not app code, even with --all-files"
    );
}

#[test]
fn a_file_named_explicitly_is_linted_even_if_unreachable() {
    let (json, _) = lint_json(&["fixtures/project-model/pages/unused/unused.js"]);
    assert_eq!(
        findings(&json),
        vec!["deprecated-tt-pay fixtures/project-model/pages/unused/unused.js:1:16"]
    );
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn broken_references_are_missing_files() {
    let (json, _) = lint_json(&["fixtures/project-model"]);
    assert_eq!(
        findings(&json),
        vec![
            "missing-file fixtures/project-model/pages/index/index.js:2:25",
            "missing-file fixtures/project-model/pages/index/index.json:5:13",
        ],
        "a missing module and a missing component; the plugin component is not looked up"
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "module `./missing-helper` is not found",
            "component `gone` is not found at `../../components/gone/gone`",
        ]
    );
}

#[test]
fn pages_listed_without_files_are_missing() {
    let dir = common::tree(&[
        (
            "app.json",
            "{\n  \"pages\": [\"pages/a/a\", \"pages/ghost/ghost\", \"pages/script-only/script-only\"]\n}",
        ),
        ("pages/a/a.ttml", "<include src=\"./nope.ttml\" />"),
        ("pages/script-only/script-only.js", "Page({});"),
    ]);
    let (json, _) = lint_json_in(dir.path(), &["."]);
    assert_eq!(
        findings(&json),
        vec![
            "missing-file app.json:2:26",
            "missing-file app.json:2:47",
            "missing-file pages/a/a.ttml:1:15"
        ]
    );
    assert_eq!(
        json["diagnostics"][1]["message"],
        "page `pages/script-only/script-only` has no template `pages/script-only/script-only.ttml`"
    );
}

/// A route is joined onto the root as written: `./pages/a/a` and `pages//b/b` name the files
/// the walk found as `pages/a/a.js` and `pages/b/b.js`, and those are linted, findings and all.
#[test]
fn routes_spelled_differently_still_reach_the_walked_files() {
    let page = (
        "Page({ buy() { tt.pay({ orderInfo: {} }); } });",
        "<button bindtap=\"buy\">买</button>",
    );
    let dir = common::tree(&[
        (
            "app.json",
            "{ \"pages\": [\"./pages/a/a\", \"pages//b/b\"] }",
        ),
        ("pages/a/a.js", page.0),
        ("pages/a/a.ttml", page.1),
        ("pages/b/b.js", page.0),
        ("pages/b/b.ttml", page.1),
    ]);
    let (json, _) = lint_json_in(dir.path(), &["."]);
    assert_eq!(
        findings_of(&json, "deprecated-tt-pay"),
        vec![
            "deprecated-tt-pay pages/a/a.js:1:16",
            "deprecated-tt-pay pages/b/b.js:1:16"
        ]
    );
}

#[test]
fn template_errors_point_at_their_line_and_column() {
    let (json, _) = lint_json(&["fixtures/broken"]);
    let tpl: Vec<String> = findings(&json)
        .into_iter()
        .filter(|f| f.contains("tpl.ttml"))
        .collect();
    assert_eq!(
        tpl,
        vec![
            "parse-error fixtures/broken/pages/tpl/tpl.ttml:1:1",
            "parse-error fixtures/broken/pages/tpl/tpl.ttml:2:20",
            "parse-error fixtures/broken/pages/tpl/tpl.ttml:5:67",
            "parse-error fixtures/broken/pages/tpl/tpl.ttml:9:19",
        ],
        "the never-closed view, the {{ }} error, the inline <sjs> error, the stray end tag; nothing from the comment on line 3"
    );
}
