//! The command line through the real binary: formats, exit codes, config, suppressions.

use crate::common::{
    findings, findings_of, lint_json, lint_json_in, path_str, stderr, stdout, tree, ttlint,
};

#[test]
fn the_demo_shop_fails_with_readable_diagnostics() {
    let output = ttlint()
        .args(["fixtures/demo-shop", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("deprecated-tt-pay"), "{text}");
    assert!(
        text.contains("fixtures/demo-shop/utils/pay.js:6:5"),
        "{text}"
    );
    assert!(
        text.contains("tt.pay({"),
        "the code frame shows the line: {text}"
    );
    assert!(
        text.contains("help: Move to the general trade system"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour with --color never");
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("✖ ") && last.contains(" in 26 files"),
        "{last}"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = ttlint()
        .args(["fixtures/demo-shop", "--color", "always"])
        .output()
        .unwrap();
    assert!(stdout(&always).contains('\u{1b}'));
    let auto = ttlint()
        .args(["fixtures/demo-shop"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        !stdout(&auto).contains('\u{1b}'),
        "not a terminal and NO_COLOR set"
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let (json, code) = lint_json(&["fixtures/tt-pay-forms", "--rule", "trade-prerequisites=off"]);
    assert_eq!(code, 1);
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "ttlint");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let first = &json["diagnostics"][0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "category", "end", "file", "fix", "help", "message", "related", "rule", "severity",
            "start", "url"
        ]
    );
    assert_eq!(first["rule"], "deprecated-tt-pay");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["category"], "payment");
    assert_eq!(first["file"], "fixtures/tt-pay-forms/pages/forms/forms.js");
    assert_eq!(
        first["start"],
        serde_json::json!({ "line": 6, "column": 5, "offset": 121 })
    );
    assert_eq!(
        first["end"],
        serde_json::json!({ "line": 6, "column": 11, "offset": 127 })
    );
    assert!(
        first["url"]
            .as_str()
            .unwrap()
            .ends_with("/open-interface/pay/tt-pay")
    );
    let summary = &json["summary"];
    assert_eq!(summary["errors"], 6);
    assert_eq!(summary["warnings"], 0);
    assert_eq!(summary["infos"], 0);
    assert_eq!(summary["suppressed"], 0);
    assert_eq!(summary["skipped"], 0);
}

#[test]
fn every_form_of_tt_pay_and_no_trap() {
    let (json, _) = lint_json(&["fixtures/tt-pay-forms"]);
    assert_eq!(
        findings_of(&json, "deprecated-tt-pay"),
        vec![
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:6:5",
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:9:5",
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:12:5",
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:15:13",
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:20:5",
            "deprecated-tt-pay fixtures/tt-pay-forms/pages/forms/forms.js:23:22",
        ],
        "utils/traps.js holds every trap and must stay silent"
    );
}

#[test]
fn utf16_columns_and_byte_offsets_on_chinese_lines() {
    let dir = tree(&[
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        ("pages/a/a.ttml", "<view/>"),
        ("pages/a/a.js", "const 标题 = '支付😀'; tt.pay({});\n"),
    ]);
    let (json, _) = lint_json(&[
        path_str(dir.path()),
        "--rule",
        "trade-prerequisites=off",
        "--rule",
        "trade-missing-customer-service=off",
    ]);
    let d = &json["diagnostics"][0];
    let text = "const 标题 = '支付😀'; ";
    let utf16: usize = text.encode_utf16().count();
    assert_eq!(d["start"]["line"], 1);
    assert_eq!(
        d["start"]["column"],
        utf16 + 1,
        "columns count UTF-16 units"
    );
    assert_eq!(d["start"]["offset"], text.len(), "offsets count bytes");
    assert!(
        d["message"].as_str().unwrap().contains("担保支付"),
        "Chinese stays readable"
    );
}

#[test]
fn exit_codes() {
    let clean = tree(&[
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        ("pages/a/a.ttml", "<view>hello</view>"),
        ("pages/a/a.js", "Page({});\n"),
    ]);
    let ok = ttlint().arg(clean.path()).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("✔ No problems found in 3 files"));

    let failing = ttlint().arg("fixtures/tt-pay-forms").output().unwrap();
    assert_eq!(failing.status.code(), Some(1));

    let missing = ttlint().arg("fixtures/no-such-project").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing).trim(),
        "ttlint: error: cannot lint fixtures/no-such-project: no such file or folder"
    );

    let bad_flag = ttlint()
        .args(["fixtures/demo-shop", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
    let bad_rule = ttlint()
        .args(["fixtures/demo-shop", "--rule", "nope=off"])
        .output()
        .unwrap();
    assert_eq!(bad_rule.status.code(), Some(2));
    assert!(stderr(&bad_rule).contains("unknown rule id `nope`"));
}

#[test]
fn warnings_fail_only_beyond_max_warnings() {
    let args = [
        "fixtures/tt-pay-forms",
        "--rule",
        "deprecated-tt-pay=warning",
    ];
    let lenient = ttlint().args(args).output().unwrap();
    assert_eq!(
        lenient.status.code(),
        Some(0),
        "warnings do not fail by default"
    );
    let strict = ttlint()
        .args(args)
        .args(["--max-warnings", "5"])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1), "6 warnings > 5");
    let enough = ttlint()
        .args(args)
        .args(["--max-warnings", "6"])
        .output()
        .unwrap();
    assert_eq!(enough.status.code(), Some(0));
    let (quiet, code) = lint_json(&[
        "fixtures/tt-pay-forms",
        "--rule",
        "deprecated-tt-pay=warning",
        "--quiet",
        "--max-warnings",
        "0",
    ]);
    assert_eq!(code, 0, "--quiet drops warnings before the gate");
    assert_eq!(quiet["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn rule_levels_from_config_and_command_line() {
    let dir = tree(&[
        (
            "ttlint.json",
            "{\n  // legacy app\n  \"rules\": { \"deprecated-tt-pay\": \"info\", \"trade-missing-customer-service\": \"off\" }\n}\n",
        ),
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        ("pages/a/a.ttml", "<view/>"),
        ("pages/a/a.js", "tt.pay({});\n"),
    ]);
    let severity = |json: &serde_json::Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "deprecated-tt-pay")
            .map(|d| d["severity"].as_str().unwrap().to_string())
    };
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 0, "infos never fail");
    assert_eq!(severity(&json).as_deref(), Some("info"));
    let (json, code) = lint_json(&[path_str(dir.path()), "--rule", "deprecated-tt-pay=error"]);
    assert_eq!(code, 1, "--rule overrides the config");
    assert_eq!(severity(&json).as_deref(), Some("error"));
    let (json, code) = lint_json(&[path_str(dir.path()), "--rule", "deprecated-tt-pay=off"]);
    assert_eq!((severity(&json), code), (None, 0));
}

#[test]
fn a_bad_config_stops_the_run_and_names_the_place() {
    let dir = tree(&[
        (
            "ttlint.json",
            "{\n  \"rules\": {\n    \"deprecated-tt-pai\": \"error\"\n  }\n}\n",
        ),
        ("app.json", r#"{"pages":[]}"#),
    ]);
    let output = ttlint().arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("ttlint.json:3:5: unknown rule id `deprecated-tt-pai`"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");

    let bad_json = tree(&[("ttlint.json", "{ \"rules\": { ")]);
    let output = ttlint().arg(bad_json.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid JSON"),
        "{}",
        stderr(&output)
    );

    let explicit = ttlint()
        .args(["fixtures/demo-shop", "--config", "fixtures/none.json"])
        .output()
        .unwrap();
    assert_eq!(explicit.status.code(), Some(2));
    assert!(stderr(&explicit).contains("cannot read config file fixtures/none.json"));
}

#[test]
fn ignore_globs_from_config_and_command_line() {
    let dir = tree(&[
        ("ttlint.json", r#"{ "ignore": ["legacy"] }"#),
        ("legacy/a.js", "tt.pay({});\n"),
        ("scripts/b.js", "tt.pay({});\n"),
        ("c.js", "tt.pay({});\n"),
    ]);
    let (json, _) = lint_json_in(dir.path(), &[".", "--ignore", "scripts/**"]);
    assert_eq!(findings(&json), vec!["deprecated-tt-pay c.js:1:1"]);
}

#[test]
fn suppression_comments() {
    let (json, _) = lint_json(&["fixtures/suppressions", "--rule", "trade-prerequisites=off"]);
    assert_eq!(
        findings(&json),
        vec![
            "deprecated-tt-pay fixtures/suppressions/pages/index/index.js:14:5",
            "unused-suppression fixtures/suppressions/pages/index/index.js:21:5",
            "unused-suppression fixtures/suppressions/pages/index/index.js:25:5",
            "deprecated-tt-pay fixtures/suppressions/pages/index/index.js:26:5",
            "unused-suppression fixtures/suppressions/pages/index/index.ttml:2:1",
        ]
    );
    assert_eq!(json["summary"]["suppressed"], 6);
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unused-suppression")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "`deprecated-tt-pay` is disabled here but reports nothing",
            "unknown rule id `deprecated-tt-pai` in a ttlint-disable directive",
            "`deprecated-tt-pay` is disabled here but reports nothing",
        ]
    );
    let (json, _) = lint_json(&["fixtures/suppressions", "--rule", "unused-suppression=off"]);
    assert!(findings_of(&json, "unused-suppression").is_empty());
}

/// `unused-suppression` runs after every rule, so its cases live here rather than in the rule
/// tester: a used suppression is silent; stale and misspelt ones are reported as the snapshot
/// shows.
#[test]
fn unused_suppressions_pass_and_fail() {
    let used = tree(&[
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        ("pages/index/index.ttml", "<view>首页</view>"),
        (
            "pages/index/index.js",
            "Page({\n  legacy() {\n    // ttlint-disable-next-line deprecated-tt-pay -- old clients\n    if (tt.canIUse('pay')) tt.pay({})\n  },\n})\n",
        ),
    ]);
    let (json, _) = lint_json(&[path_str(used.path()), "--rule", "trade-prerequisites=off"]);
    assert_eq!(
        findings_of(&json, "unused-suppression"),
        Vec::<String>::new()
    );
    assert_eq!(json["summary"]["suppressed"], 1);

    let output = ttlint()
        .args(["fixtures/suppressions", "--color", "never"])
        .args([
            "--rule",
            "trade-prerequisites=off",
            "--rule",
            "deprecated-tt-pay=off",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn rules_lists_every_rule() {
    let output = ttlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list["version"], 1);
    assert_eq!(list["tool"]["name"], "ttlint");
    assert_eq!(list["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = &list["rules"];
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"deprecated-tt-pay") && ids.contains(&"parse-error"),
        "{ids:?}"
    );
    for rule in rules.as_array().unwrap() {
        for key in ["id", "severity", "category", "fix", "summary", "url"] {
            assert!(
                rule[key].as_str().is_some_and(|v| !v.is_empty()),
                "{rule} lacks {key}"
            );
        }
    }
    let fixes: Vec<(&str, &str)> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["fix"] != "none")
        .map(|r| (r["id"].as_str().unwrap(), r["fix"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fixes,
        vec![
            ("ios-platform-value", "safe"),
            ("wechat-only-feature", "safe")
        ]
    );
    let pretty = ttlint().arg("rules").output().unwrap();
    let lines: Vec<String> = stdout(&pretty).lines().map(str::to_string).collect();
    let columns = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .take(4)
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        columns(&lines[0])[..3],
        ["deprecated-tt-pay", "error", "payment"]
    );
    let fixable = lines
        .iter()
        .find(|l| l.starts_with("wechat-only-feature "))
        .unwrap();
    assert_eq!(
        columns(fixable),
        ["wechat-only-feature", "warning", "drainage", "--fix"]
    );
}

#[test]
fn explain_shows_full_docs() {
    let listed = ttlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    for id in list["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
    {
        let output = ttlint().args(["explain", id]).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let text = stdout(&output);
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## References",
        ] {
            assert!(text.contains(heading), "{id} docs lack {heading}");
        }
    }
    let unknown = ttlint().args(["explain", "tt-pay"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("did you mean deprecated-tt-pay?"));
}

#[test]
fn check_is_the_default_command() {
    let a = ttlint()
        .args(["check", "fixtures/tt-pay-forms", "--format", "json"])
        .output()
        .unwrap();
    let b = ttlint()
        .args(["fixtures/tt-pay-forms", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.status.code(), Some(1));
}

#[test]
fn a_parse_error_outside_the_build_does_not_claim_the_build_fails() {
    let case = "tests/precision/p05-not-app-code-native";
    let (json, _) = lint_json(&[case, "--all-files"]);
    let help: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "parse-error")
        .filter_map(|d| d["help"].as_str())
        .collect();
    assert_eq!(help.len(), 1, "{json}");
    assert!(help[0].contains("never reads it"), "{}", help[0]);
    assert!(!help[0].contains("will not build"), "{}", help[0]);
}
