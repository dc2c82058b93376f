//! Output in the user's language, through the real binary: how the language is chosen, and
//! snapshots of what people read (findings, `explain`, `--help`, errors) in English and Chinese.

use crate::common::{lint_json, stderr, stdout, tree, ttlint};

/// The pretty output of the demo shop, in a language chosen by `args` and `env`.
fn demo_shop(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = ttlint();
    cmd.args(["fixtures/demo-shop", "--color", "never"])
        .args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stdout(&output)
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

#[test]
fn a_chinese_locale_reads_chinese_and_lang_en_reads_english() {
    let zh = demo_shop(&[], &[("LANG", "zh_CN.UTF-8")]);
    assert!(last_line(&zh).starts_with("✖ 在 26 个文件中发现"), "{zh}");
    assert!(zh.contains("建议: "), "{zh}");
    let en = demo_shop(&["--lang", "en"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(last_line(&en).contains(" in 26 files"), "{en}");
    assert!(en.contains("help: "), "{en}");
}

#[test]
fn the_environment_decides_as_posix_says() {
    // LC_ALL before LC_MESSAGES before LANG; an empty variable does not count.
    let zh = demo_shop(&[], &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]);
    assert!(last_line(&zh).starts_with("✖ 在"), "{zh}");
    let en = demo_shop(&[], &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]);
    assert!(last_line(&en).contains(" in 26 files"), "{en}");
    let zh = demo_shop(&[], &[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW.UTF-8")]);
    assert!(last_line(&zh).starts_with("✖ 在"), "{zh}");
}

#[test]
fn the_config_sets_the_language_and_the_command_line_overrides_it() {
    let dir = tree(&[
        ("ttlint.json", r#"{ "lang": "zh-CN" }"#),
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        ("pages/a/a.ttml", "<view>你好</view>"),
        ("pages/a/a.js", "Page({});\n"),
    ]);
    let zh = ttlint().arg(dir.path()).output().unwrap();
    assert_eq!(stdout(&zh).trim(), "✔ 检查了 3 个文件，没有发现问题");
    let en = ttlint()
        .arg(dir.path())
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(stdout(&en).trim(), "✔ No problems found in 3 files");
    // An error after the config is read is in its language too.
    let bad = ttlint()
        .arg(dir.path())
        .args(["--rule", "nope=off"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad).trim(),
        "ttlint: 错误：`--rule nope=off`：未知规则 ID `nope`（运行 `ttlint rules` 可以查看）"
    );
}

#[test]
fn machine_output_translates_messages_but_not_ids_or_fingerprints() {
    let (en, _) = lint_json(&["fixtures/tt-pay-forms", "--lang", "en"]);
    let (zh, _) = lint_json(&["fixtures/tt-pay-forms", "--lang", "zh-CN"]);
    let keys = |json: &serde_json::Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["rule"].clone(), d["severity"].clone(), d["start"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&en), keys(&zh));
    assert_ne!(
        en["diagnostics"][0]["message"],
        zh["diagnostics"][0]["message"]
    );
    let sarif = |lang: &str| {
        let output = ttlint()
            .args(["fixtures/tt-pay-forms", "--format", "sarif", "--lang", lang])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(sarif("en"), sarif("zh-CN"));
    let rules = ttlint()
        .args(["rules", "--format", "json", "--lang", "zh-CN"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&rules.stdout).unwrap();
    let rules = &rules["rules"];
    assert_eq!(rules[0]["id"], "deprecated-tt-pay");
    assert_eq!(rules[0]["severity"], "error");
    assert!(rules[0]["summary"].as_str().unwrap().contains("担保支付"));
}

#[test]
fn lang_goes_anywhere_on_the_command_line() {
    for args in [
        &["--lang", "zh-CN", "rules"][..],
        &["rules", "--lang", "zh-CN"],
        &["rules", "--lang=zh"],
    ] {
        let output = ttlint().args(args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).contains("运行 `ttlint explain <规则 ID>`"),
            "{args:?}"
        );
    }
}

#[test]
fn demo_shop_en() {
    insta::assert_snapshot!(demo_shop(&["--lang", "en"], &[]));
}

#[test]
fn demo_shop_zh_cn() {
    insta::assert_snapshot!(demo_shop(&["--lang", "zh-CN"], &[]));
}

fn run(args: &[&str]) -> String {
    let output = ttlint().args(args).output().unwrap();
    format!("{}{}", stdout(&output), stderr(&output))
}

#[test]
fn explain_en() {
    insta::assert_snapshot!(run(&["explain", "deprecated-tt-pay", "--lang", "en"]));
}

#[test]
fn explain_zh_cn() {
    insta::assert_snapshot!(run(&["explain", "deprecated-tt-pay", "--lang", "zh-CN"]));
}

#[test]
fn rules_zh_cn() {
    insta::assert_snapshot!(run(&["rules", "--lang", "zh-CN"]));
}

#[test]
fn help_en() {
    insta::assert_snapshot!(run(&["--help", "--lang", "en"]));
}

#[test]
fn help_zh_cn() {
    insta::assert_snapshot!(run(&["--help", "--lang", "zh-CN"]));
}

#[test]
fn lsp_help_en() {
    insta::assert_snapshot!(run(&["lsp", "--help", "--lang", "en"]));
}

#[test]
fn lsp_help_zh_cn() {
    insta::assert_snapshot!(run(&["lsp", "--help", "--lang", "zh-CN"]));
}

#[test]
fn short_help_zh_cn() {
    insta::assert_snapshot!(run(&["check", "-h", "--lang", "zh-CN"]));
}

#[test]
fn errors_zh_cn() {
    let mut all = String::new();
    for args in [
        &["--formt", "json"][..],
        &["--format", "xml"],
        &["--stdin-filename", "a.js", "--all-files"],
        &["explain", "tt-pay"],
        &["fixtures/no-such-project"],
        &["fixtures/demo-shop", "--rule", "deprecated-tt-pay"],
    ] {
        let output = ttlint()
            .args(args)
            .args(["--lang", "zh-CN"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        all.push_str(&format!(
            "$ ttlint {} --lang zh-CN\n{}\n",
            args.join(" "),
            stderr(&output)
        ));
    }
    insta::assert_snapshot!(all);
}

/// clap cannot wrap Chinese (it breaks lines at spaces only), so the catalogue breaks long
/// help texts itself; this keeps them within the 100 columns help is written for.
#[test]
fn chinese_help_fits_100_columns() {
    use unicode_width::UnicodeWidthStr;
    for args in [
        &["-h"][..],
        &["--help"],
        &["check", "-h"],
        &["check", "--help"],
        &["rules", "--help"],
        &["explain", "--help"],
        &["lsp", "--help"],
        &["help", "help"],
    ] {
        let text = run(&[args, &["--lang", "zh-CN"]].concat());
        for line in text.lines() {
            assert!(
                line.width() <= 100,
                "{args:?}: {} columns: {line}",
                line.width()
            );
        }
    }
}
