//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::base::diagnostic::Severity;
use crate::base::message::Catalogue;
use crate::engine::fingerprint;
use crate::engine::report::Report;
use crate::rules::{self, docs};

/// The project's home, for `informationUri`.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `deprecated-tt-pay` → `DeprecatedTtPay`: SARIF's `name` is an identifier.
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A path as a relative URI reference: `/` kept, everything outside the unreserved set
/// percent-encoded (spaces, commas, Chinese).
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(
    report: &Report,
    file: crate::base::source::FileId,
    span: crate::base::source::Span,
) -> Value {
    let source = report.file(file);
    let (start, end) = (source.position(span.start()), source.position(span.end()));
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&source.display), "uriBaseId": "SRCROOT" },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
                "byteOffset": start.offset,
                "byteLength": end.offset - start.offset,
            }
        }
    })
}

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let fingerprints = fingerprint::fingerprints(report);
    let all = rules::all();
    let rule_list: Vec<Value> = all
        .iter()
        .map(|r| {
            let m = r.meta();
            let summary = docs::summary(m, text.lang());
            let docs = docs::docs(m, text.lang());
            json!({
                "id": m.id,
                "name": camel(m.id),
                "shortDescription": { "text": summary },
                "fullDescription": { "text": summary },
                "help": { "text": docs, "markdown": docs },
                "helpUri": m.url,
                "defaultConfiguration": { "level": level(m.default_severity) },
                "properties": { "category": m.category.as_str() },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .zip(&fingerprints)
        .map(|(d, fingerprint)| {
            let index = all
                .iter()
                .position(|r| r.meta().id == d.rule.id)
                .unwrap_or(0);
            let message = match &d.help {
                Some(help) => format!("{}\n{}", text.render(&d.message), text.render(help)),
                None => text.render(&d.message),
            };
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut l = location(report, r.file, r.span);
                    l["id"] = json!(i);
                    l["message"] = json!({ "text": text.render(&r.label) });
                    l
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule.id,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [location(report, d.file, d.span)],
                "partialFingerprints": { "ttlintFingerprint/v2": fingerprint },
            });
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let mut root = report.root.to_string_lossy().replace('\\', "/");
    if !root.ends_with('/') {
        root.push('/');
    }
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ttlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    // The language of the rule descriptions and of every message.
                    "language": text.lang().tag(),
                    "rules": rule_list,
                }
            },
            "originalUriBaseIds": { "SRCROOT": { "uri": format!("file://{}", uri(&root)) } },
            "columnKind": "utf16CodeUnits",
            "language": text.lang().tag(),
            "results": results,
        }]
    });
    super::json::write_pretty(&document, out)
}
