//! What a team needs to adopt ttlint on an existing app, through the real binary: the baseline,
//! output for people that keeps errors in sight, CI formats, fixes, and the command-line
//! conventions of ESLint, ruff, oxlint and Biome.

use std::path::Path;

use crate::common::{stderr, stdout, tree, ttlint};

/// A ported app: a page with many `wx:if` directives (fixable), and a buy button whose handler
/// makes one offline payment call.
fn ported_app() -> tempfile::TempDir {
    let mut directives: String = (1..=25)
        .map(|i| format!("<view wx:if=\"{{{{show{i}}}}}\">第 {i} 项</view>\n"))
        .collect();
    directives.push_str("<button bindtap=\"buy\">购买</button>\n");
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
    let before = (
        read(dir, "pages/index/index.js"),
        read(dir, "pages/index/index.ttml"),
    );

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
    assert_eq!(err, "ttlint: `--fix` would fix 4 findings in 2 files\n");
    assert_eq!(
        (
            read(dir, "pages/index/index.js"),
            read(dir, "pages/index/index.ttml")
        ),
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
    let fixed = (
        read(dir, "pages/index/index.js"),
        read(dir, "pages/index/index.ttml"),
    );
    let (code, _, err) = run(dir, &["--fix"]);
    assert_eq!(
        (code, err.as_str()),
        (0, "ttlint: fixed 0 findings in 0 files\n")
    );
    assert_eq!(
        (
            read(dir, "pages/index/index.js"),
            read(dir, "pages/index/index.ttml")
        ),
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
        (
            "pages/index/index.ttml",
            "<view wx:if=\"{{a}}\">首页</view>\n",
        ),
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
    let errors: Vec<String> = validator
        .iter_errors(&issues)
        .map(|e| e.to_string())
        .collect();
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
        &[
            "fixtures/demo-shop",
            "--format",
            "gitlab",
            "--lang",
            "zh-CN",
        ],
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
        Some("::notice title=ttlint::✖ 2 errors, 25 warnings, 1 info in 3 files")
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

/// `ttlint init` writes a commented ttlint.json that ttlint reads back, in the run's language,
/// and never overwrites one.
#[test]
fn init_writes_a_config_ttlint_reads() {
    for (lang, comment) in [
        (
            "en",
            "  // Rule levels: \"off\", \"info\", \"warning\" or \"error\" (`ttlint rules` lists the rules).\n",
        ),
        (
            "zh-CN",
            "  // 规则级别：`\"off\"`、`\"info\"`、`\"warning\"` 或 `\"error\"`（运行 `ttlint rules` 可以查看所有规则）。\n",
        ),
    ] {
        let dir = tree(&[]);
        let (code, out, _) = run(dir.path(), &["init", "--lang", lang]);
        assert_eq!(code, 0);
        assert!(out.contains("ttlint --suppress-all"), "{out}");
        let config = read(dir.path(), "ttlint.json");
        assert!(config.contains(comment), "{config}");
        assert!(config.contains(
            "  \"$schema\": \"https://github.com/ttlint/ttlint/raw/main/schemas/ttlint.schema.json\",\n"
        ));
        let (code, printed, err) = run(dir.path(), &["--print-config"]);
        assert_eq!((code, err.as_str()), (0, ""), "the file it wrote is valid");
        let printed: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(printed["config"], "ttlint.json");

        let (code, _, err) = run(dir.path(), &["init"]);
        assert_eq!(code, 2);
        assert_eq!(
            err,
            "ttlint: error: ttlint.json already exists: `ttlint init` never overwrites it\n"
        );
    }
}

/// `--print-config`: every rule's level after ttlint.json and --rule, and the rest of what the
/// run would use.
#[test]
fn print_config_shows_the_effective_settings() {
    let app = tree(&[
        (
            "ttlint.json",
            "{\n  \"rules\": { \"trade-prerequisites\": \"off\", \"wechat-only-feature\": \"error\" },\n  \"ignore\": [\"legacy\"],\n  \"lang\": \"zh-CN\",\n  \"data\": { \"ownDomains\": [\"m.example.com\"] }\n}\n",
        ),
        ("ttlint-suppressions.json", "{}\n"),
        ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
        ("pages/index/index.js", "Page({})\n"),
    ]);
    let (code, out, _) = run(
        app.path(),
        &[
            "pages/index/index.js",
            "--print-config",
            "--rule",
            "wechat-only-feature=warning",
            "--ignore",
            "scripts/**",
        ],
    );
    assert_eq!(code, 0);
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(printed["config"], "ttlint.json");
    assert_eq!(printed["lang"], "zh-CN");
    assert_eq!(printed["rules"]["trade-prerequisites"], "off");
    assert_eq!(
        printed["rules"]["wechat-only-feature"], "warning",
        "--rule wins"
    );
    assert_eq!(
        printed["rules"]["deprecated-tt-pay"], "error",
        "the default"
    );
    assert_eq!(
        printed["rules"].as_object().unwrap().len(),
        ttlint::rules::all().len(),
        "every rule, with its level"
    );
    assert_eq!(
        printed["ignore"],
        serde_json::json!({ "config": ["legacy"], "commandLine": ["scripts/**"] })
    );
    assert_eq!(
        printed["data"],
        serde_json::json!({ "ownDomains": ["m.example.com"] })
    );
    assert_eq!(printed["suppressions"], "ttlint-suppressions.json");
}

/// Mistyped rule ids and settings are answered with what they most likely meant.
#[test]
fn did_you_mean() {
    let app = tree(&[
        ("ttlint.json", "{\n  \"rule\": {}\n}\n"),
        ("app.json", r#"{ "pages": [] }"#),
    ]);
    let (code, _, err) = run(app.path(), &[]);
    assert_eq!(code, 2);
    let config = app.path().join("ttlint.json");
    assert_eq!(
        err,
        format!(
            "ttlint: error: {}:2:3: unknown setting `rule`; did you mean `rules`?\n",
            config.display()
        )
    );
    std::fs::write(
        app.path().join("ttlint.json"),
        "{ \"rules\": { \"drainage-qr-code\": \"off\" } }",
    )
    .unwrap();
    let (code, _, err) = run(app.path(), &["--lang", "zh-CN"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "ttlint: 错误：{}:1:14: 未知规则 ID `drainage-qr-code`；你要找的是不是 `drainage-qrcode`？\n",
            config.display()
        )
    );
    std::fs::remove_file(app.path().join("ttlint.json")).unwrap();
    let (code, _, err) = run(app.path(), &["--rule", "ios-platfrom-value=off"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "ttlint: error: --rule ios-platfrom-value=off: unknown rule id `ios-platfrom-value`; did you mean `ios-platform-value`?\n"
    );
    let (code, _, err) = run(app.path(), &["explain", "qrcode"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "ttlint: error: unknown rule `qrcode`: did you mean drainage-qrcode?\n"
    );
}

/// Concise output: a line per finding (a folded block for repeats), errors first, then the
/// summary; --max-diagnostics caps what is shown and the counts stay true.
#[test]
fn concise_output_and_max_diagnostics() {
    let app = ported_app();
    let (code, out, _) = run(app.path(), &["--format", "concise"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "app.json:1:1: error trade-missing-customer-service: this mini-program trades but no page offers Douyin IM customer service; trading mini-programs must have it\n\
         pages/index/index.js:3:5: error deprecated-tt-pay: `tt.pay` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments\n\
         pages/index/index.ttml:1:7: warning wechat-only-feature: `wx:if` is WeChat's directive and Douyin ignores it: the element renders unconditionally (24 more like this in this file: 2:7, 3:7, 4:7, 5:7, 6:7, 7:7, 8:7, 9:7, 10:7, 11:7, 12:7, 13:7, 14:7, 15:7, 16:7, 17:7, 18:7, 19:7, 20:7, 21:7, 22:7, 23:7, 24:7, 25:7)\n\
         app.json:1:1: info trade-prerequisites: this mini-program trades (1 place): confirm the console prerequisites that code cannot show\n\
         ✖ 2 errors, 25 warnings, 1 info in 3 files\n"
    );
    let (code, out, _) = run(
        app.path(),
        &["--format", "concise", "--max-diagnostics", "1"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "app.json:1:1: error trade-missing-customer-service: this mini-program trades but no page offers Douyin IM customer service; trading mini-programs must have it\n\
         … 27 more findings not shown (`--max-diagnostics 1`; the counts below include them)\n\
         ✖ 2 errors, 25 warnings, 1 info in 3 files\n"
    );
}

/// Pretty output of a ported app: errors first, the 25 directives one block, infos compact, a
/// table per rule, and advice on the rule that makes most findings.
#[test]
fn pretty_output_keeps_errors_in_sight() {
    let app = ported_app();
    let (code, out, _) = run(app.path(), &["--color", "never"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

/// An app checked out with Windows line endings reads as the same app: lines and columns,
/// suppression comments, and no carriage return shown in the output.
#[test]
fn crlf_line_endings() {
    let app = tree(&[
        ("app.json", "{\r\n  \"pages\": [\"pages/a/a\"]\r\n}\r\n"),
        (
            "pages/a/a.js",
            "Page({\r\n  a() {\r\n    // ttlint-disable-next-line deprecated-tt-pay\r\n    tt.pay({})\r\n    const { platform } = tt.getSystemInfoSync()\r\n    if (platform === 'iOS') return\r\n  },\r\n})\r\n",
        ),
        (
            "pages/a/a.ttml",
            "<view wx:if=\"{{a}}\">\r\n  加微信 abc123\r\n</view>\r\n",
        ),
    ]);
    let mut args = vec!["--format", "concise"];
    args.extend(NO_TRADE_RULES);
    let (code, out, _) = run(app.path(), &args);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "pages/a/a.ttml:2:3: error drainage-contact: `加微信` invites users to contact you outside Douyin (third-party drainage, 第三方引流)\n\
         pages/a/a.js:6:22: warning ios-platform-value: `platform` is never `'iOS'` (it is lower case: `'ios'`), so this check is always false and the iOS gate never closes\n\
         pages/a/a.ttml:1:7: warning wechat-only-feature: `wx:if` is WeChat's directive and Douyin ignores it: the element renders unconditionally\n\
         ✖ 1 error, 2 warnings in 3 files; 1 suppressed by comments\n"
    );
    let (_, pretty, _) = run(app.path(), &["--color", "never"]);
    assert!(!pretty.contains('\r') && !pretty.contains('␍'), "{pretty}");
}
