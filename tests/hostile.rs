//! Files that vanish or cannot be read during a run, and file names that are not UTF-8: each
//! gives a finding or a clear error, never a crash, and no finding in the other files is lost.
//! (The scale cases of the same issue are `scripts/scale.sh`; the fuzz targets are in `fuzz/`.)

use std::io;
use std::path::PathBuf;

use crate::common::{self, findings, lint_json, path_str, tree};
use ttlint::base::vfs::Vfs;
use ttlint::engine::lint::{LintOptions, lint};

const APP: &[(&str, &str)] = &[
    ("app.json", r#"{ "pages": ["pages/a/a", "pages/b/b"] }"#),
    ("pages/a/a.js", "Page({});\ntt.pay({});\n"),
    ("pages/a/a.ttml", "<view>a</view>\n"),
    ("pages/b/b.js", "Page({});\ntt.pay({});\n"),
    ("pages/b/b.ttml", "<view>加微信 starshop</view>\n"),
    ("utils/loose.js", "tt.pay({});\n"),
];

/// Lints `dir` from the disk, with reads of `failing` (relative paths) failing as given.
fn lint_failing(dir: &std::path::Path, failing: &[(&str, io::ErrorKind)]) -> Vec<String> {
    let mut vfs = Vfs::disk();
    for (path, kind) in failing {
        vfs.fail(dir.join(path), *kind);
    }
    let options = LintOptions {
        all_files: true,
        ..common::lint_options(dir, vfs)
    };
    let report = lint(&options).expect("the run completes");
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (start, _) = report.range(d);
            format!(
                "{} {}:{}:{}",
                d.rule.id,
                report.file(d.file).display,
                start.line,
                start.column
            )
        })
        .collect()
}

#[test]
fn a_file_unreadable_during_the_run_is_a_finding_and_costs_nothing_else() {
    let dir = tree(APP);
    let clean = lint_failing(dir.path(), &[]);
    let failed = lint_failing(
        dir.path(),
        &[
            ("pages/b/b.js", io::ErrorKind::PermissionDenied),
            ("pages/b/b.ttml", io::ErrorKind::NotFound),
        ],
    );
    for f in [
        "parse-error pages/b/b.js:1:1",
        "parse-error pages/b/b.ttml:1:1",
    ] {
        assert!(failed.contains(&f.to_string()), "{f} in {failed:#?}");
    }
    let elsewhere = |all: &[String]| -> Vec<String> {
        all.iter()
            .filter(|f| !f.contains("pages/b/"))
            .cloned()
            .collect()
    };
    assert_eq!(
        elsewhere(&failed),
        elsewhere(&clean),
        "the other files keep every finding"
    );
    assert!(
        elsewhere(&clean)
            .iter()
            .any(|f| f.starts_with("deprecated-tt-pay pages/a/a.js")),
        "{clean:#?}"
    );
}

#[test]
fn an_app_json_unreadable_during_the_run_leaves_the_files_linted_one_by_one() {
    let dir = tree(APP);
    let failed = lint_failing(dir.path(), &[("app.json", io::ErrorKind::NotFound)]);
    assert!(
        failed.contains(&"parse-error app.json:1:1".to_string()),
        "{failed:#?}"
    );
    for f in [
        "deprecated-tt-pay pages/a/a.js:2:1",
        "deprecated-tt-pay pages/b/b.js:2:1",
        "deprecated-tt-pay utils/loose.js:1:1",
    ] {
        assert!(failed.contains(&f.to_string()), "{f} in {failed:#?}");
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_linted_and_shown_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tree(&[
        ("app.json", r#"{ "pages": ["pages/a/a"] }"#),
        ("pages/a/a.js", "Page({});\ntt.pay({});\n"),
    ]);
    let folder = dir.path().join(OsStr::from_bytes(b"lib\xff\xfe"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join(OsStr::from_bytes(b"pay\xe9.js")),
        "tt.pay({});\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(OsStr::from_bytes(b"bad\x80.ttml")),
        "<view>加微信 starshop</view>\n",
    )
    .unwrap();
    let root = path_str(dir.path());

    let (json, code) = lint_json(&["--all-files", root]);
    assert_eq!(code, 1, "{json}");
    let all = findings(&json);
    // Display paths are relative to the working folder when they can be (`../.tmpXYZ/…` when the
    // checkout itself is in the temporary folder): compare from the project folder down.
    let marker = format!("{}/", dir.path().file_name().unwrap().to_string_lossy());
    let all: Vec<String> = all
        .iter()
        .map(|f| match (f.split_once(' '), f.find(&marker)) {
            (Some((rule, _)), Some(at)) => format!("{rule} {}", &f[at + marker.len()..]),
            _ => f.clone(),
        })
        .collect();
    for f in [
        "deprecated-tt-pay pages/a/a.js:2:1",
        "deprecated-tt-pay lib\u{fffd}\u{fffd}/pay\u{fffd}.js:1:1",
    ] {
        assert!(all.contains(&f.to_string()), "{f} in {all:#?}");
    }
    assert!(
        all.iter()
            .any(|f| f.starts_with("drainage-contact bad\u{fffd}.ttml")),
        "{all:#?}"
    );
    for format in ["pretty", "sarif", "github", "checkstyle", "junit"] {
        let output = common::ttlint()
            .args(["--all-files", "--format", format, root])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}: {output:?}");
    }
    // Named on the command line, a file whose name is not UTF-8 is linted too.
    let named: PathBuf = folder.join(OsStr::from_bytes(b"pay\xe9.js"));
    let output = common::ttlint()
        .arg(&named)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
}

/// Minified code puts thousands of findings on one line of a megabyte. Every format places each
/// one (a column counts the line up to it) and SARIF, GitLab and the baseline fingerprint each
/// one (a hash of its line): done per finding over the whole line, 20,000 findings on a 1 MB line
/// took 15 s as JSON and 100 s as SARIF in a release build. The bound is many times what the
/// work takes in a debug build, and a small part of what it took before (minutes).
#[test]
fn many_findings_on_one_long_line_cost_the_line_once() {
    use std::time::{Duration, Instant};
    use ttlint::output::{Format, write};

    // Each use followed by a comment of a kilobyte: 2,000 findings on a line of 2 MB.
    const PREFIX: &str = "!function(){";
    let unit = format!(r#"tt.pay({{title:"支付"}});/*{}*/"#, "x".repeat(1_000));
    let count = 2_000;
    let text = format!("{PREFIX}{}}}();", unit.repeat(count));
    let root = PathBuf::from("/m");
    let mut vfs = Vfs::memory();
    vfs.insert(root.join("bundle.min.js"), text);
    let options = LintOptions {
        all_files: true,
        summarize: true,
        ..common::lint_options(&root, vfs)
    };
    let report = lint(&options).expect("the run completes");
    assert_eq!(report.diagnostics.len(), count);
    // The last use: after the prefix and count - 1 units of 1,025 UTF-16 units (支付 is two).
    let (last, _) = report.range(&report.diagnostics[count - 1]);
    assert_eq!(
        (last.line, last.column as usize),
        (1, PREFIX.len() + 1_025 * (count - 1) + 1)
    );

    let style = common::plain_style();
    let start = Instant::now();
    let mut sarif = Vec::new();
    write(&report, Format::Sarif, style, &mut sarif).unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif).unwrap();
    let fingerprints: std::collections::HashSet<_> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"].to_string())
        .collect();
    assert_eq!(
        fingerprints.len(),
        count,
        "each finding its own fingerprint"
    );
    for format in [
        Format::Json,
        Format::Gitlab,
        Format::Github,
        Format::Checkstyle,
        Format::Junit,
        Format::Html,
    ] {
        write(&report, format, style, &mut io::sink()).unwrap();
    }
    let took = start.elapsed();
    assert!(took < Duration::from_secs(60), "took {took:?}");
}
