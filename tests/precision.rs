//! The precision corpus: small realistic apps under `tests/precision/`, each with an
//! `expect.txt` saying which findings must appear and which must never appear. Every finding a
//! case produces must be listed, so a new false positive fails here before it reaches users.
//! The format is described in `tests/precision/README.md`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// One line of an `expect.txt`: a rule at a file, optionally a line, and optionally words the
/// finding's message, help or a related location's label holds (`~ words`).
#[derive(Debug)]
struct Expectation {
    must_appear: bool,
    rule: String,
    file: String,
    line: Option<u64>,
    words: Option<String>,
    text: String,
}

impl Expectation {
    fn parse(line: &str) -> Option<Self> {
        let (must_appear, rest) = match line.split_at_checked(1)? {
            ("+", rest) => (true, rest),
            ("-", rest) => (false, rest),
            _ => return None,
        };
        let (rest, says) = match rest.split_once(" ~ ") {
            Some((place, says)) => (place, Some(says.trim().to_string())),
            None => (rest, None),
        };
        let mut words = rest.split_whitespace();
        let rule = words.next()?.to_string();
        let place = words.next()?;
        let (file, line_no) = match place.rsplit_once(':') {
            Some((file, n)) => (file.to_string(), Some(n.parse().ok()?)),
            None => (place.to_string(), None),
        };
        Some(Self {
            must_appear,
            rule,
            file,
            line: line_no,
            words: says,
            text: line.to_string(),
        })
    }

    fn matches(&self, finding: &Finding) -> bool {
        self.rule == finding.rule
            && (self.file == "*" || self.file == finding.file)
            && self.line.is_none_or(|n| n == finding.line)
            && self
                .words
                .as_ref()
                .is_none_or(|w| finding.said.iter().any(|s| s.contains(w.as_str())))
    }
}

#[derive(Debug)]
struct Finding {
    rule: String,
    file: String,
    line: u64,
    /// The message, the help and the related locations' labels.
    said: Vec<String>,
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/precision");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/precision exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expect.txt").is_file())
        .collect();
    cases.sort();
    cases
}

/// Lints a case folder; `args` are the case's own (`# args:` lines), by default `.`.
fn lint(case: &Path, args: &[&str]) -> Vec<Finding> {
    let paths: &[&str] = if args.iter().any(|a| !a.starts_with('-')) {
        &[]
    } else {
        &["."]
    };
    let output = Command::cargo_bin("ttlint")
        .expect("the ttlint binary is built")
        .current_dir(case)
        .args(paths)
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("ttlint runs");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: not JSON ({e}); stderr: {}",
            case.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| Finding {
            rule: d["rule"].as_str().unwrap_or_default().to_string(),
            file: d["file"]
                .as_str()
                .unwrap_or_default()
                .trim_start_matches("./")
                .to_string(),
            line: d["start"]["line"].as_u64().unwrap_or_default(),
            said: [&d["message"], &d["help"]]
                .into_iter()
                .chain(
                    d["related"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|r| &r["message"]),
                )
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        })
        .collect()
}

/// Checks one case and returns what is wrong with it, empty when it holds.
fn check(case: &Path) -> Vec<String> {
    let name = case
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let text = fs::read_to_string(case.join("expect.txt")).expect("expect.txt is readable");
    let mut problems = Vec::new();
    if !text.lines().any(|l| l.starts_with("# source:")) {
        problems.push(format!(
            "{name}: expect.txt names no `# source:` it was derived from"
        ));
    }
    let mut expectations = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match Expectation::parse(line) {
            Some(e) => expectations.push(e),
            None => problems.push(format!("{name}: cannot read `{line}`")),
        }
    }
    if expectations.is_empty() {
        problems.push(format!("{name}: expect.txt expects nothing"));
    }
    let args: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# args:"))
        .flat_map(str::split_whitespace)
        .collect();
    let found = lint(case, &args);
    for e in &expectations {
        let hits = found.iter().filter(|f| e.matches(f)).count();
        if e.must_appear && hits == 0 {
            problems.push(format!("{name}: missing `{}`", e.text));
        }
        if !e.must_appear && hits > 0 {
            problems.push(format!("{name}: reported `{}`", e.text));
        }
    }
    for f in &found {
        if !expectations.iter().any(|e| e.must_appear && e.matches(f)) {
            problems.push(format!(
                "{name}: unexpected `{} {}:{}`",
                f.rule, f.file, f.line
            ));
        }
    }
    problems
}

#[test]
fn every_case_reports_exactly_what_it_expects() {
    let cases = cases();
    assert!(!cases.is_empty(), "the precision corpus has cases");
    let problems: Vec<String> = cases.iter().flat_map(|c| check(c)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expectation_lines_are_read_as_written() {
    let e = Expectation::parse("+ deprecated-tt-pay pages/pay/pay.js:12").unwrap();
    assert!(e.must_appear);
    assert_eq!(
        (e.rule.as_str(), e.file.as_str(), e.line),
        ("deprecated-tt-pay", "pages/pay/pay.js", Some(12))
    );
    let e = Expectation::parse("- drainage-contact *").unwrap();
    assert!(!e.must_appear);
    assert_eq!((e.file.as_str(), e.line), ("*", None));
    let e = Expectation::parse("+ trade-prerequisites app.json ~ trades (1 place)").unwrap();
    assert_eq!(
        (e.file.as_str(), e.words.as_deref()),
        ("app.json", Some("trades (1 place)"))
    );
    assert!(Expectation::parse("deprecated-tt-pay a.js").is_none());
    assert!(Expectation::parse("+ rule a.js:x").is_none());
}
