//! CI and editor integration through the binary: SARIF against the official schema, GitHub
//! annotations that cannot be hijacked, standard-input mode, and the published JSON schemas.

use std::path::Path;

use crate::common::{lint_json, stdout, tree, ttlint};
use serde_json::Value;

fn validator(path: &Path, patch: impl Fn(String) -> String) -> Option<jsonschema::Validator> {
    let text = std::fs::read_to_string(path).ok()?;
    let schema: Value = serde_json::from_str(&patch(text)).expect("the schema is JSON");
    Some(jsonschema::validator_for(&schema).expect("the schema compiles"))
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_output_matches_the_official_schema() {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    // The official schema's `run.language` pattern ends in a stray `]` that Rust's regex engine
    // rejects (JavaScript reads it as a literal); escape it. ttlint never emits `language`.
    let validator = validator(&schema, |t| {
        t.replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$")
    })
    .expect("tests/data/sarif-schema-2.1.0.json is vendored");
    for fixture in [
        "fixtures/demo-shop",
        "fixtures/drainage",
        "fixtures/ios",
        "fixtures/broken",
        "fixtures/uni-app-shop",
        "fixtures/taro-shop",
    ] {
        let output = ttlint()
            .args([fixture, "--format", "sarif"])
            .output()
            .unwrap();
        let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_valid(&validator, &sarif, fixture);
        let run = &sarif["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "ttlint");
        assert_eq!(run["columnKind"], "utf16CodeUnits");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            root.starts_with("file:///") && root.ends_with('/'),
            "{root}"
        );
        for result in run["results"].as_array().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(location["uriBaseId"], "SRCROOT");
            let uri = location["uri"].as_str().unwrap();
            assert!(!uri.starts_with('/'), "relative to the root: {uri}");
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(uri).is_file(),
                "{uri} names the file from the root"
            );
        }
    }
}

#[test]
fn sarif_fingerprints_are_stable_across_runs_and_line_moves() {
    let first = ttlint()
        .current_dir("fixtures/demo-shop")
        .args([".", "--format", "sarif"])
        .output()
        .unwrap();
    let second = ttlint()
        .current_dir("fixtures/demo-shop")
        .args([".", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(first.stdout, second.stdout);
    let print = |text: &str| {
        let dir = tree(&[
            ("app.json", r#"{"pages":["pages/a/a"]}"#),
            ("pages/a/a.ttml", "<view/>"),
            ("pages/a/a.js", text),
        ]);
        let out = ttlint()
            .current_dir(dir.path())
            .args([".", "--format", "sarif"])
            .output()
            .unwrap();
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "deprecated-tt-pay")
            .map(|r| r["partialFingerprints"].clone())
            .unwrap()
    };
    assert_eq!(
        print("tt.pay({});\n"),
        print("\n\n// moved down\ntt.pay({});\n")
    );
}

#[test]
fn github_annotations_cannot_be_hijacked() {
    let dir = tree(&[(
        "evil,name::x.js",
        "tt.showModal({ content: '添加客服微信 a\\n::error file=x::injected' });\ntt.pay({}) // 100%\n",
    )]);
    let output = ttlint()
        .current_dir(dir.path())
        .args([".", "--format", "github"])
        .output()
        .unwrap();
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one command per finding, then the summary: {text}"
    );
    assert_eq!(
        lines[2], "::notice title=ttlint::✖ 2 errors in 1 file",
        "the summary notice"
    );
    for line in &lines[..2] {
        assert!(
            line.starts_with("::error file=evil%2Cname%3A%3Ax.js,line="),
            "{line}"
        );
        assert_eq!(
            line.matches("::").count(),
            2,
            "only the command's own separators: {line}"
        );
        assert!(!line.contains('\r'));
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("title=ttlint drainage-contact::"))
    );
}

#[test]
fn checkstyle_and_junit_name_every_finding() {
    let checkstyle = stdout(
        &ttlint()
            .args(["fixtures/payment", "--format", "checkstyle"])
            .output()
            .unwrap(),
    );
    assert!(checkstyle.starts_with("<?xml"));
    assert_eq!(checkstyle.matches("<error ").count(), 9);
    let junit = stdout(
        &ttlint()
            .args(["fixtures/payment", "--format", "junit"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        junit.matches("<failure ").count(),
        4,
        "the errors; the 4 warnings and the info pass"
    );
    assert_eq!(
        junit.matches("<testcase ").count(),
        9 + 10,
        "a case per finding, and one per clean file: {junit}"
    );
    assert!(junit.contains("<testsuites name=\"ttlint\""));
}

#[test]
fn stdin_mode_lints_the_buffer_with_its_project() {
    let output = ttlint()
        .current_dir("fixtures/customer-service/invalid-buttons")
        .args([
            "--stdin-filename",
            "pages/index/index.ttml",
            "--format",
            "json",
        ])
        .write_stdin(
            "<view>\n  <button open-type=\"im\" data-im-id=\"xxx\">客服</button>\n</view>\n",
        )
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}",
                d["rule"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["start"]["line"]
            )
        })
        .collect();
    assert_eq!(
        found,
        vec!["im-button-invalid pages/index/index.ttml:2"],
        "the buffer, not the file on disk (which has six)"
    );
    assert_eq!(output.status.code(), Some(1));

    let unsaved = ttlint()
        .current_dir("fixtures/demo-shop")
        .args(["--stdin-filename", "pages/new/new.js", "--format", "json"])
        .write_stdin("tt.pay({})")
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&unsaved.stdout).unwrap();
    assert_eq!(
        json["diagnostics"][0]["rule"], "deprecated-tt-pay",
        "a file not on disk yet"
    );
}

#[test]
fn json_output_matches_its_published_schema() {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/json-output.schema.json");
    let validator = validator(&schema, |t| t).unwrap();
    for fixture in [
        "fixtures/demo-shop",
        "fixtures/broken",
        "fixtures/ios",
        "fixtures/drainage",
        "fixtures/project-model",
    ] {
        let (json, _) = lint_json(&[fixture]);
        assert_valid(&validator, &json, fixture);
    }
}

#[test]
fn fixture_configs_match_the_config_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let validator = validator(&root.join("schemas/ttlint.schema.json"), |t| t).unwrap();
    let mut checked = 0;
    let files = walkdir::WalkDir::new(root.join("fixtures"))
        .into_iter()
        .flatten();
    for entry in files.map(|e| e.into_path()) {
        if entry.file_name().is_some_and(|n| n == "ttlint.json") {
            let text = std::fs::read_to_string(&entry).unwrap();
            let config: Value =
                jsonc_parser::parse_to_serde_value(&text, &Default::default()).unwrap();
            assert_valid(&validator, &config, &entry.display().to_string());
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} configs found");
}

#[test]
fn the_config_schema_knows_every_data_list() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/ttlint.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    for list in ttlint::base::data::EXTENSIBLE_LISTS {
        assert!(
            schema["properties"]["data"]["properties"]
                .get(*list)
                .is_some(),
            "the config schema lacks data list {list}"
        );
    }
}
