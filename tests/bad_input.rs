//! Bad input never crashes a run and never costs the other files their findings.

use crate::common;

use crate::common::{findings, lint_json, path_str, stderr, tree, ttlint};

#[test]
fn a_parse_error_does_not_hide_findings_elsewhere() {
    let (json, code) = lint_json(&["fixtures/broken"]);
    assert_eq!(code, 1);
    let all = findings(&json);
    assert!(
        all.contains(&"deprecated-tt-pay fixtures/broken/pages/pay/pay.js:3:5".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"parse-error fixtures/broken/pages/syntax/syntax.js:3:15".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"parse-error fixtures/broken/pages/json/json.json:2:33".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"parse-error fixtures/broken/pages/latin1/latin1.js:1:19".to_string()),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|f| f.contains("/empty/")),
        "empty files are fine: {all:?}"
    );
    assert_eq!(json["summary"]["files"], 14);
}

#[test]
fn json_outside_a_mini_program_is_not_linted() {
    let dir = tree(&[
        (
            "manifest.json",
            "{\n  /* uni-app allows comments here */\n  \"name\": \"shop\",\n}\n",
        ),
        ("tsconfig.json", "{ // compiler options\n}"),
        ("src/pay.js", "tt.pay({});"),
    ]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["deprecated-tt-pay"],
        "no parse errors for other tools' JSON"
    );
    let named = common::ttlint()
        .arg(dir.path().join("manifest.json"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        named.status.code(),
        Some(0),
        "named explicitly, it is linted, and a manifest's comments are not an error"
    );
}

#[test]
fn pathological_scripts_are_reported_not_fatal() {
    let n = 1_000_000;
    let arrays = format!("var a = {}1{};", "[".repeat(n), "]".repeat(n));
    let arrows = format!("var f = {}1;", "x => ".repeat(n));
    let sums = format!("var s = 1{};", "+1".repeat(n));
    let dir = tree(&[
        ("arrays.js", &arrays),
        ("arrows.js", &arrows),
        ("sums.js", &sums),
        ("pay.js", "tt.pay({});"),
    ]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    let rules: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (file, d["rule"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        rules,
        vec![
            ("arrays.js".into(), "parse-error".into()),
            ("arrows.js".into(), "parse-error".into()),
            ("pay.js".into(), "deprecated-tt-pay".into()),
        ],
        "a million nested brackets or arrows is refused; a million-term sum is linted"
    );
}

#[test]
fn deeply_nested_markup_is_linted() {
    let n = 100_000;
    let markup = format!("{}{{{{ a + }}}}{}", "<view>".repeat(n), "</view>".repeat(n));
    let dir = tree(&[("deep.ttml", &markup)]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(json["diagnostics"][0]["rule"], "parse-error");
}

/// A megabyte on one line: enough to show the code frame is a window of the line; the bounds at
/// scale (a 50 MB line through the release binary) are `scripts/scale.sh`'s.
#[test]
fn a_large_minified_file_is_linted() {
    let chunk = "!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t}([function(e,t){e.exports='页面'}]);";
    let mut big = chunk.repeat(1024 * 1024 / chunk.len());
    big.push_str("tt.pay({});");
    let dir = tree(&[("vendor.js", &big)]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json).len(), 1);
    assert_eq!(json["diagnostics"][0]["start"]["line"], 1);
    let pretty = ttlint()
        .arg(dir.path())
        .args(["--color", "never"])
        .output()
        .unwrap();
    let text = common::stdout(&pretty);
    assert!(
        text.len() < 4_000,
        "the code frame is a window of the long line, not 1 MB"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let dir = tree(&[
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        ("pages/a/a.ttml", "<view/>"),
        ("pages/a/a.js", "tt.pay({});"),
    ]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("pages/loop")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("pages/a/a.js"),
        dir.path().join("linked.js"),
    )
    .unwrap();
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(common::findings_of(&json, "deprecated-tt-pay").len(), 1);
}

#[test]
fn random_bytes_never_crash() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..40 {
        let mut bytes = Vec::new();
        for _ in 0..2_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let alphabet = b"<>{}/\"'=tt.pay()[]!-`$\n a:";
            bytes.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let ext = ["js", "ttml", "json", "sjs", "ts"][i % 5];
        files.push((format!("f{i}.{ext}"), String::from_utf8(bytes).unwrap()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = tree(&refs);
    let output = ttlint()
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("internal error"));
}
