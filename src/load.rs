//! Load & parse: each file is read once and parsed once into its [`Content`], with its
//! suppression directives. Failures become `parse-error` diagnostics, never a panic or an early
//! exit, so every other file is still linted.

use std::path::PathBuf;

use crate::context::Content;
use crate::diagnostic::Diagnostic;
use crate::js::{self, SyntaxError, nesting};
use crate::json::{self, Dialect};
use crate::rules::PARSE_ERROR;
use crate::source::{FileId, FileKind, SourceFile, Span};
use crate::suppress::Suppressions;
use crate::ttml;

/// Trees deeper than this are not dropped but leaked. swc's syntax tree frees itself
/// recursively, and a tree as deep as a pathological file is long (`1+1+1+…` over megabytes)
/// would overflow any stack doing so; the memory returns to the system when the run ends.
/// Real code stays far below it (minified bundles nest under 100 levels).
const DEEPEST_DROPPED: usize = 5_000;

/// A file after load & parse.
#[derive(Debug)]
pub struct Loaded {
    pub source: SourceFile,
    pub content: Content,
    pub suppressions: Suppressions,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a file from disk, or takes its text (standard-input mode), and parses it.
pub fn load(
    id: FileId,
    path: PathBuf,
    display: String,
    kind: FileKind,
    text: Option<String>,
) -> Loaded {
    let (text, invalid_utf8_at) = match text {
        Some(text) => (text, None),
        None => match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => (text, None),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
                }
            },
            Err(e) => {
                let source = SourceFile::new(path, display, kind, String::new());
                let d = Diagnostic::new(
                    &PARSE_ERROR,
                    id,
                    Span::default(),
                    format!("cannot read this file: {e}"),
                );
                return unparsed(source, vec![d]);
            }
        },
    };
    let source = SourceFile::new(path, display, kind, text);
    if let Some(at) = invalid_utf8_at {
        let d = Diagnostic::new(&PARSE_ERROR, id, Span::new(at, at + 1), "this file is not valid UTF-8")
            .with_help("Save the file as UTF-8: the Douyin developer tools read sources as UTF-8 and reject other encodings.");
        return unparsed(source, vec![d]);
    }
    parse(id, source)
}

fn unparsed(source: SourceFile, diagnostics: Vec<Diagnostic>) -> Loaded {
    Loaded {
        source,
        content: Content::Unparsed,
        suppressions: Suppressions::default(),
        diagnostics,
    }
}

fn syntax_error(id: FileId, error: &SyntaxError, what: &str) -> Diagnostic {
    Diagnostic::new(&PARSE_ERROR, id, error.span, format!("{what}: {}", error.message))
        .with_help("Fix the syntax error: the Douyin developer tools will not build this file, and ttlint cannot check it.")
}

fn parse(id: FileId, source: SourceFile) -> Loaded {
    let base = source.bom;
    match source.kind {
        FileKind::Script | FileKind::TypeScript | FileKind::Sjs => {
            if let Some(at) = nesting::too_deep(source.body()) {
                let span = Span::new(base + at, base + at + 1);
                let d = Diagnostic::new(
                    &PARSE_ERROR,
                    id,
                    span,
                    format!(
                        "code nested more than {} levels deep; ttlint does not analyse this file",
                        nesting::LIMIT
                    ),
                )
                .with_help(
                    "This is almost certainly generated code: add it to `ignore` in ttlint.json.",
                );
                return unparsed(source, vec![d]);
            }
            match js::parse(source.body(), base, source.kind) {
                Ok(parsed) => {
                    let mut diagnostics = Vec::new();
                    if let Some(error) = &parsed.recovered {
                        diagnostics.push(syntax_error(id, error, "syntax error"));
                    }
                    let extracted = js::facts::extract(&parsed.program, &parsed.comments);
                    let suppressions =
                        Suppressions::parse(&parsed.comments, &source.lines, source.text.len());
                    if extracted.depth > DEEPEST_DROPPED {
                        std::mem::forget(parsed.program);
                    }
                    Loaded {
                        content: Content::Script(extracted.facts),
                        suppressions,
                        diagnostics,
                        source,
                    }
                }
                Err(error) => {
                    let d = syntax_error(id, &error, "syntax error");
                    unparsed(source, vec![d])
                }
            }
        }
        FileKind::Json => match json::parse(source.body(), base, Dialect::Strict) {
            Ok(doc) => {
                let suppressions =
                    Suppressions::parse(&doc.comments, &source.lines, source.text.len());
                Loaded {
                    content: Content::Json(doc),
                    suppressions,
                    diagnostics: Vec::new(),
                    source,
                }
            }
            Err(error) => {
                let d = syntax_error(id, &error, "invalid JSON");
                unparsed(source, vec![d])
            }
        },
        FileKind::Ttml => {
            let doc = ttml::parse(source.body(), base);
            let diagnostics = doc
                .errors
                .iter()
                .map(|e| {
                    Diagnostic::new(&PARSE_ERROR, id, e.span, format!("template error: {}", e.message))
                        .with_help("Fix the markup: the Douyin developer tools will not compile this template.")
                })
                .collect();
            let suppressions = Suppressions::parse(&doc.comments, &source.lines, source.text.len());
            Loaded {
                content: Content::Template(doc),
                suppressions,
                diagnostics,
                source,
            }
        }
    }
}
