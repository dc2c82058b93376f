//! What a team needs to adopt ttlint on an existing app, through the real binary: the baseline,
//! output for people that keeps errors in sight, CI formats, fixes, and the command-line
//! conventions of ESLint, ruff, oxlint and Biome.

mod common;

use std::path::Path;

use common::{stderr, stdout, tree, ttlint};

/// A ported app: a page with many `wx:if` directives (fixable), one offline payment call.
fn ported_app() -> tempfile::TempDir {
    let directives: String = (1..=25)
        .map(|i| format!("<view wx:if=\"{{{{show{i}}}}}\">第 {i} 项</view>\n"))
        .collect();
    tree(&[
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        ("pages/index/index.ttml", &directives),
        (
            "pages/index/index.js",
            "Page({\n  buy() {\n    tt.pay({ orderInfo: {} })\n  },\n})\n",
        ),
    ])
}

/// `ttlint` in `dir` with the given arguments; the exit code, standard output and error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = ttlint().current_dir(dir).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        stdout(&output),
        stderr(&output),
    )
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap()
}

const NO_TRADE_RULES: [&str; 6] = [
    "--rule",
    "trade-prerequisites=off",
    "--rule",
    "trade-missing-customer-service=off",
    "--rule",
    "trade-page-missing-customer-service=off",
];

#[test]
fn baseline_round_trip() {
    let app = ported_app();
    let dir = app.path();
    let (code, out, err) = run(dir, &["--suppress-all", "--format", "concise"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "✔ No problems found in 3 files; 28 in the baseline, not reported\n"
    );
    assert_eq!(
        err,
        "ttlint: ttlint-suppressions.json records 28 findings in 3 files; only findings beyond these counts fail\n"
    );
    assert_eq!(
        read(dir, "ttlint-suppressions.json"),
        r#"{
  "app.json": {
    "trade-missing-customer-service": {
      "count": 1
    },
    "trade-prerequisites": {
      "count": 1
    }
  },
  "pages/index/index.js": {
    "deprecated-tt-pay": {
      "count": 1
    }
  },
  "pages/index/index.ttml": {
    "wechat-only-feature": {
      "count": 25
    }
  }
}
"#
    );

    // Applied when it exists: the same findings pass.
    let (code, out, err) = run(dir, &["--format", "concise"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "✔ No problems found in 3 files; 28 in the baseline, not reported\n"
    );

    // One more finding in a baselined file fails, with every finding of that rule there: nothing
    // tells the new one from the old.
    std::fs::write(
        dir.join("pages/index/index.js"),
        "Page({\n  buy() {\n    tt.pay({ orderInfo: {} })\n  },\n  again() {\n    tt.pay({})\n  },\n})\n",
    )
    .unwrap();
    let (code, out, _) = run(dir, &["--format", "concise"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "pages/index/index.js:3:5: error deprecated-tt-pay: `tt.pay` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments\n\
         pages/index/index.js:6:5: error deprecated-tt-pay: `tt.pay` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments\n\
         ✖ 2 errors in 3 files; 27 in the baseline, not reported\n"
    );

    // Fixed findings leave slack in the baseline: said, and pruned on request.
    std::fs::write(dir.join("pages/index/index.js"), "Page({})\n").unwrap();
    let (code, out, _) = run(dir, &["--format", "concise"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "✔ No problems found in 3 files; 25 in the baseline, not reported; 3 baseline entries record more than found (--prune-suppressions updates the baseline)\n"
    );
    let (code, _, err) = run(dir, &["--prune-suppressions", "--format", "concise"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "ttlint: ttlint-suppressions.json records 25 findings in 1 file; only findings beyond these counts fail\n"
    );
    assert_eq!(
        read(dir, "ttlint-suppressions.json"),
        "{\n  \"pages/index/index.ttml\": {\n    \"wechat-only-feature\": {\n      \"count\": 25\n    }\n  }\n}\n"
    );
}

#[test]
fn baseline_of_one_rule_elsewhere_and_its_mistakes() {
    let app = ported_app();
    let dir = app.path();
    let mut args = vec![
        "--suppress-rule",
        "wechat-only-feature",
        "--suppressions-location",
        "ci/baseline.json",
        "--format",
        "concise",
    ];
    std::fs::create_dir(dir.join("ci")).unwrap();
    args.extend(NO_TRADE_RULES);
    let (code, out, _) = run(dir, &args);
    assert_eq!(code, 1, "the payment call is not baselined");
    assert_eq!(
        out,
        "pages/index/index.js:3:5: error deprecated-tt-pay: `tt.pay` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments\n\
         ✖ 1 error in 3 files; 25 in the baseline, not reported\n"
    );
    assert!(read(dir, "ci/baseline.json").contains("\"wechat-only-feature\""));
    assert!(!dir.join("ttlint-suppressions.json").exists());

    let (code, _, err) = run(dir, &["--suppress-rule", "wechat-only-featur"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "ttlint: error: unknown rule `wechat-only-featur`: did you mean wechat-only-feature?\n"
    );

    std::fs::write(
        dir.join("ttlint-suppressions.json"),
        "{\n  \"pages/index/index.js\": {\n    \"internal-error\": { \"count\": 1 }\n  }\n}\n",
    )
    .unwrap();
    let (code, _, err) = run(dir, &[]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "ttlint: error: ttlint-suppressions.json:3:5: `internal-error` cannot be baselined: a failure of ttlint itself is always reported\n"
    );
}

/// lint-staged and pre-commit pass every staged file: stylesheets, images and ignored files are
/// skipped with a note, and the others are linted.
#[test]
fn named_files_ttlint_does_not_read_are_skipped_with_a_note() {
    let app = tree(&[
        ("ttlint.json", r#"{ "ignore": ["legacy"] }"#),
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        ("pages/index/index.ttml", "<view>首页</view>"),
        ("pages/index/index.ttss", ".a { color: red; }"),
        ("pages/index/index.js", "Page({})\n"),
        ("legacy/old.js", "tt.pay({})\n"),
        ("logo.png", "PNG"),
    ]);
    let (code, out, err) = run(
        app.path(),
        &[
            "pages/index/index.ttss",
            "logo.png",
            "legacy/old.js",
            "pages/index/index.js",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(out, "✔ No problems found in 1 file\n");
    assert_eq!(
        err,
        "ttlint: note: pages/index/index.ttss skipped: ttlint does not read this kind of file (it reads `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`)\n\
         ttlint: note: logo.png skipped: ttlint does not read this kind of file (it reads `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`)\n\
         ttlint: note: legacy/old.js skipped: it matches an ignore pattern (built in, in ttlint.json or --ignore)\n"
    );
    let (code, out, err) = run(app.path(), &["logo.png", "--lang", "zh-CN"]);
    assert_eq!(code, 0);
    assert_eq!(out, "✔ 检查了 0 个文件，没有发现问题\n");
    assert_eq!(
        err,
        "ttlint：提示：logo.png 已跳过：ttlint 不检查这类文件（支持 `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`）\n"
    );
}

#[test]
fn fix_dry_run_prints_a_diff_and_fix_leaves_a_clean_parseable_app() {
    let app = tree(&[
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        (
            "pages/index/index.ttml",
            "<view wx:for=\"{{list}}\" wx:key=\"id\">{{item.name}}</view>\r\n<view wx:if=\"{{vip}}\" tt:if=\"{{vip}}\">会员</view>\r\n",
        ),
        (
            "pages/index/index.js",
            "Page({\n  onLoad() {\n    const { platform } = tt.getSystemInfoSync()\n    if (platform === 'iOS') return\n    wx.showToast({ title: '你好' })\n    wx.login({})\n  },\n})\n",
        ),
    ]);
    let dir = app.path();
    let before = (read(dir, "pages/index/index.js"), read(dir, "pages/index/index.ttml"));

    let (code, out, err) = run(dir, &["--fix-dry-run"]);
    assert_eq!(code, 1, "there is something to fix");
    assert_eq!(
        out,
        "--- a/pages/index/index.js\n\
         +++ b/pages/index/index.js\n\
         @@ -1,8 +1,8 @@\n \
         Page({\n   \
         onLoad() {\n     \
         const { platform } = tt.getSystemInfoSync()\n\
         -    if (platform === 'iOS') return\n\
         -    wx.showToast({ title: '你好' })\n\
         +    if (platform === 'ios') return\n\
         +    tt.showToast({ title: '你好' })\n     \
         wx.login({})\n   \
         },\n \
         })\n\
         --- a/pages/index/index.ttml\n\
         +++ b/pages/index/index.ttml\n\
         @@ -1,2 +1,2 @@\n\
         -<view wx:for=\"{{list}}\" wx:key=\"id\">{{item.name}}</view>\r\n\
         +<view tt:for=\"{{list}}\" tt:key=\"id\">{{item.name}}</view>\r\n \
         <view wx:if=\"{{vip}}\" tt:if=\"{{vip}}\">会员</view>\r\n"
    );
    assert_eq!(
        err,
        "ttlint: `--fix` would fix 4 findings in 2 files\n"
    );
    assert_eq!(
        (read(dir, "pages/index/index.js"), read(dir, "pages/index/index.ttml")),
        before,
        "a dry run writes nothing"
    );

    let (code, out, err) = run(dir, &["--fix", "--format", "concise"]);
    assert_eq!(code, 0);
    assert_eq!(err, "ttlint: fixed 4 findings in 2 files\n");
    assert_eq!(
        out,
        "pages/index/index.js:6:5: warning wechat-only-feature: `wx.login`: `wx` is WeChat's global and is undefined on Douyin\n\
         pages/index/index.ttml:2:7: warning wechat-only-feature: `wx:if` is WeChat's directive and Douyin ignores it: the element renders unconditionally\n\
         ✖ 2 warnings in 3 files\n",
        "what has no safe fix is left: `wx.login`, and a `wx:if` beside its `tt:if`"
    );
    assert_eq!(
        read(dir, "pages/index/index.ttml"),
        "<view tt:for=\"{{list}}\" tt:key=\"id\">{{item.name}}</view>\r\n<view wx:if=\"{{vip}}\" tt:if=\"{{vip}}\">会员</view>\r\n",
        "CRLF line endings are kept"
    );

    // Idempotent: a second run fixes nothing and changes nothing; every file still parses.
    let fixed = (read(dir, "pages/index/index.js"), read(dir, "pages/index/index.ttml"));
    let (code, _, err) = run(dir, &["--fix"]);
    assert_eq!((code, err.as_str()), (0, "ttlint: fixed 0 findings in 0 files\n"));
    assert_eq!(
        (read(dir, "pages/index/index.js"), read(dir, "pages/index/index.ttml")),
        fixed
    );
    let (_, json, _) = run(dir, &["--format", "json"]);
    assert!(!json.contains("\"parse-error\""), "{json}");
}

/// The JSON output carries each fix as edits, with positions as the findings have them.
#[test]
fn json_carries_fixes() {
    let app = tree(&[
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        ("pages/index/index.ttml", "<view wx:if=\"{{a}}\">首页</view>\n"),
        ("pages/index/index.js", "Page({})\n"),
    ]);
    let (code, out, _) = run(app.path(), &["--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["diagnostics"][0]["fix"],
        serde_json::json!({
            "applicability": "safe",
            "edits": [{
                "start": { "line": 1, "column": 7, "offset": 6 },
                "end": { "line": 1, "column": 9, "offset": 8 },
                "text": "tt"
            }]
        })
    );
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/json-output.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&json), "{json}");
}

/// GitLab Code Quality: valid against the documented fields, fingerprints that do not change
/// with the language, one issue per finding.
#[test]
fn gitlab_code_quality() {
    let (code, out, _) = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["fixtures/demo-shop", "--format", "gitlab"],
    );
    assert_eq!(code, 1);
    let issues: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/gitlab-code-quality.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&issues).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let list = issues.as_array().unwrap();
    assert_eq!(list.len(), 18, "5 errors, 12 warnings, 1 info");
    let pay = list
        .iter()
        .find(|i| i["check_name"] == "deprecated-tt-pay")
        .unwrap();
    assert_eq!(pay["severity"], "major");
    assert_eq!(pay["location"]["path"], "fixtures/demo-shop/utils/pay.js");
    assert_eq!(pay["location"]["lines"]["begin"], 6);
    let mut fingerprints: Vec<&str> = list
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), 18, "unique");

    let (_, zh, _) = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["fixtures/demo-shop", "--format", "gitlab", "--lang", "zh-CN"],
    );
    let zh: serde_json::Value = serde_json::from_str(&zh).unwrap();
    let prints = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].to_string())
            .collect()
    };
    assert_eq!(prints(&issues), prints(&zh), "never from the message");
    assert_ne!(issues[0]["description"], zh[0]["description"]);
}

/// `--format github` writes only workflow commands, ending with the summary as a notice, and
/// appends a Markdown table to the job's step summary when there is one.
#[test]
fn github_annotations_and_step_summary() {
    let app = ported_app();
    let summary = app.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let output = ttlint()
        .current_dir(app.path())
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    assert_eq!(
        out.lines().last(),
        Some(
            "::notice title=ttlint::✖ 2 errors, 25 warnings, 1 info in 3 files"
        )
    );
    assert_eq!(
        read(app.path(), "summary.md"),
        "earlier step\n\
         ### ttlint\n\n\
         ✖ 2 errors, 25 warnings, 1 info in 3 files\n\n\
         | rule | severity | findings | files |\n\
         |---|---|--:|--:|\n\
         | `deprecated-tt-pay` | error | 1 | 1 |\n\
         | `trade-missing-customer-service` | error | 1 | 1 |\n\
         | `wechat-only-feature` | warning | 25 | 1 |\n\
         | `trade-prerequisites` | info | 1 | 1 |\n\n"
    );
    let without = ttlint()
        .current_dir(app.path())
        .args(["--format", "github"])
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(without.stdout, output.stdout);
}

/// JUnit: errors are failures; warnings and infos are passing cases that carry the finding.
#[test]
fn junit_fails_only_on_errors() {
    let app = ported_app();
    let (code, out, _) = run(app.path(), &["--format", "junit", "-o", "ttlint.xml"]);
    assert_eq!((code, out.as_str()), (1, ""));
    let xml = read(app.path(), "ttlint.xml");
    assert!(
        xml.contains("<testsuites name=\"ttlint\" tests=\"28\" failures=\"2\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<testsuite name=\"pages/index/index.ttml\" tests=\"25\" failures=\"0\">"),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure ").count(), 2);
    assert_eq!(xml.matches("<system-out>warning: ").count(), 25);
    assert_eq!(xml.matches("<system-out>info: ").count(), 1);
}
