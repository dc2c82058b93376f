//! The README is the user's manual: it must list every rule and the two set-up commands.

mod common;

use common::ttlint;

#[test]
fn the_readme_lists_every_rule_with_its_default() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let output = ttlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for rule in rules.as_array().unwrap() {
        let row = format!(
            "| `{}` | {} |",
            rule["id"].as_str().unwrap(),
            rule["severity"].as_str().unwrap()
        );
        assert!(readme.contains(&row), "README lacks the row starting {row}");
    }
}

#[test]
fn the_readme_names_the_two_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo run --release -- fixtures/demo-shop"));
    assert!(readme.contains("cargo test"));
}

#[test]
fn the_readme_shows_both_languages() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("## 中文输出 / Chinese output"));
    assert!(readme.contains("LANG=zh_CN.UTF-8 cargo run --release -- fixtures/demo-shop"));
    assert!(readme.contains("cargo run --release -- fixtures/demo-shop --lang en"));
    // The Chinese sample is the real output's last line.
    let output = ttlint()
        .args(["fixtures/demo-shop", "--lang", "zh-CN", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let last = text.lines().last().unwrap();
    assert!(
        readme.contains(last),
        "README lacks the summary line {last}"
    );
}
