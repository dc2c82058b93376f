//! The registry is the one source of truth for the rule list: the README's table, the config
//! schema's rules and the JSON output schema's categories are checked against it, and each
//! failure prints what to paste.

use std::collections::BTreeSet;

use crate::common::ttlint;
use serde_json::Value;
use ttlint::base::meta::Category;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn registry_ids() -> Vec<String> {
    ttlint::rules::all()
        .iter()
        .map(|r| r.meta().id.to_string())
        .collect()
}

#[test]
fn the_readme_rule_table_is_the_generated_one() {
    let output = ttlint()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        table.lines().count(),
        registry_ids().len() + 2,
        "a header, a rule line, and one row per rule"
    );
    let readme = read("README.md");
    assert!(
        readme.contains(&table),
        "README.md's rule table differs from the registry; replace it with the output of \
         `cargo run -- rules --format markdown`:\n\n{table}"
    );
}

#[test]
fn the_config_schema_names_exactly_the_configurable_rules() {
    let schema: Value = serde_json::from_str(&read("schemas/ttlint.schema.json")).unwrap();
    let listed: BTreeSet<String> = schema["properties"]["rules"]["properties"]
        .as_object()
        .expect("rules.properties")
        .keys()
        .cloned()
        .collect();
    // `internal-error` cannot be configured: the config rejects it.
    let configurable: BTreeSet<String> = registry_ids()
        .into_iter()
        .filter(|id| id != "internal-error")
        .collect();
    let missing: Vec<String> = configurable
        .difference(&listed)
        .map(|id| format!("    \"{id}\": {{ \"$ref\": \"#/definitions/level\" }}"))
        .collect();
    let unknown: Vec<&String> = listed.difference(&configurable).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "schemas/ttlint.schema.json `rules`: add\n{}\nremove {unknown:?}",
        missing.join(",\n")
    );
}

#[test]
fn the_output_schema_lists_exactly_the_categories() {
    let schema: Value = serde_json::from_str(&read("schemas/json-output.schema.json")).unwrap();
    let text = serde_json::to_string(&schema).unwrap();
    let expected: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let enum_text = format!(
        "\"category\":{{\"enum\":{}}}",
        serde_json::to_string(&expected).unwrap()
    );
    assert!(
        text.contains(&enum_text),
        "schemas/json-output.schema.json: `category` must be {{ \"enum\": {expected:?} }}"
    );
    let docs = read("docs/json-output.md");
    let listed = expected
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>();
    let sentence = format!(
        "{} or {}",
        listed[..listed.len() - 1].join(", "),
        listed[listed.len() - 1]
    );
    assert!(
        docs.contains(&sentence),
        "docs/json-output.md must list the categories as: {sentence}"
    );
}

#[test]
fn the_readme_names_the_two_commands() {
    let readme = read("README.md");
    assert!(readme.contains("cargo run --release -- fixtures/demo-shop"));
    assert!(readme.contains("cargo test"));
}

/// The sample at the top of the README is what `ttlint fixtures/demo-shop` prints: the finding
/// block word for word, and the closing summary line.
#[test]
fn the_readme_sample_is_real_output() {
    let readme = read("README.md");
    assert_sample_is_real(&readme, 0, &[]);
}

/// The sample output block found in `readme` after `from` (a finding, a blank line, the summary)
/// is what `ttlint fixtures/demo-shop` prints with `args`: the finding somewhere in it, the summary
/// as its last line.
fn assert_sample_is_real(readme: &str, from: usize, args: &[&str]) {
    let start = from
        + readme[from..]
            .find("```\nios-virtual-payment (")
            .expect("a sample finding")
        + 4;
    let end = start
        + readme[start..]
            .find("```")
            .expect("the sample block closes");
    let sample = &readme[start..end];
    let (finding, summary) = sample
        .trim_end()
        .rsplit_once("\n\n")
        .expect("a finding, a blank line, the summary");
    let output = ttlint()
        .args(["fixtures/demo-shop", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    let real = String::from_utf8(output.stdout).unwrap();
    assert!(
        real.contains(finding),
        "the README's sample finding is not in the real output ({args:?}):\n{real}"
    );
    assert_eq!(real.trim_end().lines().last(), Some(summary));
}

#[test]
fn the_readme_shows_both_languages() {
    let readme = read("README.md");
    assert!(readme.contains("## 中文输出 / Chinese output"));
    assert!(readme.contains("LANG=zh_CN.UTF-8 cargo run --release -- fixtures/demo-shop"));
    assert!(readme.contains("cargo run --release -- fixtures/demo-shop --lang en"));
    let chinese = readme.find("## 中文输出").expect("the Chinese section");
    assert_sample_is_real(&readme, chinese, &["--lang", "zh-CN"]);
}
