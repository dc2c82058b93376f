//! Load & parse: each file's text is parsed once into its [`Content`], with its suppression
//! directives. What goes wrong is recorded as a [`Problem`] (the `parse-error` rule reports it),
//! never a panic or an early exit, so every other file is still linted.

use std::path::{Path, PathBuf};

use crate::base::source::{FileKind, SourceFile, Span};
use crate::syntax::comment::Comment;
use crate::syntax::js::facts::{self, JsFacts, Keep, Part};
use crate::syntax::js::{nesting, parse as js, static_value};
use crate::syntax::json::{self, Dialect, JsonDoc};
use crate::syntax::markup::{self, Markup, ttml};
use crate::syntax::suppress::Suppressions;
use crate::syntax::syntax_error::SyntaxError;
use crate::syntax::vue::sfc;

/// A file's parsed form: the parts it holds. A script has facts; a template has markup; a `.json`
/// file has its JSON; a single-file component or a JSX file has both facts and markup. Scripts
/// keep only their facts: the syntax tree is dropped after the one traversal that extracts them.
/// The facts are boxed: they are the largest part, and a template or JSON file has none.
#[derive(Debug, Default)]
pub struct Content {
    pub script: Option<Box<JsFacts>>,
    pub markup: Option<Markup>,
    pub json: Option<JsonDoc>,
}

impl Content {
    pub fn script(&self) -> Option<&JsFacts> {
        self.script.as_deref()
    }

    pub fn markup(&self) -> Option<&Markup> {
        self.markup.as_ref()
    }

    pub fn json(&self) -> Option<&JsonDoc> {
        self.json.as_ref()
    }
}

/// What kind of file failed to parse, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Script,
    Json,
    Template,
}

/// Why a file, or part of it, could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read: the operating system's reason.
    Unreadable(String),
    /// The bytes are not UTF-8.
    NotUtf8,
    /// Code nested deeper than the parser's limit.
    TooDeep { limit: usize },
    /// A syntax error.
    Syntax { syntax: Syntax, message: String },
}

/// Something that kept a file, or a part of it, from being parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Span,
    pub kind: ProblemKind,
}

impl Problem {
    fn syntax(syntax: Syntax, error: &SyntaxError) -> Self {
        Self {
            span: error.span,
            kind: ProblemKind::Syntax {
                syntax,
                message: error.message.clone(),
            },
        }
    }
}

/// Whether a file is part of a mini-program's build, which decides how strictly its JSON is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Reached from the app's configuration: JSON is read as the developer tools read it.
    Build,
    /// Linted only because it was named, walked outside any project, or `--all-files` asked:
    /// its JSON belongs to some tool, and tools read comments.
    Outside,
}

/// A file after load & parse.
#[derive(Debug)]
pub struct Loaded {
    pub source: SourceFile,
    pub content: Content,
    pub suppressions: Suppressions,
    pub problems: Vec<Problem>,
}

/// Parses a file from its bytes, as read (or the reason they could not be read).
pub fn load(
    path: PathBuf,
    display: String,
    kind: FileKind,
    bytes: std::io::Result<Vec<u8>>,
    origin: Origin,
    keep: Keep<'_>,
) -> Loaded {
    let text = match bytes {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let source = SourceFile::new(path, display, kind, text);
                let problem = Problem {
                    span: Span::new(at, at + 1),
                    kind: ProblemKind::NotUtf8,
                };
                return unparsed(source, problem);
            }
        },
        Err(e) => {
            let source = SourceFile::new(path, display, kind, String::new());
            let problem = Problem {
                span: Span::default(),
                kind: ProblemKind::Unreadable(e.to_string()),
            };
            return unparsed(source, problem);
        }
    };
    parse_keeping(SourceFile::new(path, display, kind, text), origin, keep)
}

fn unparsed(source: SourceFile, problem: Problem) -> Loaded {
    Loaded {
        source,
        content: Content::default(),
        suppressions: Suppressions::default(),
        problems: vec![problem],
    }
}

/// Whether a script is a configuration file (`app.config.ts`, `index.config.js`,
/// `vue.config.js`): an object to read, not code that runs in the mini-program.
pub fn is_config_script(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.rsplit_once('.'))
        .is_some_and(|(stem, _)| stem.ends_with(".config"))
}

/// JSON files tools read with comments (uni-app's `pages.json` and `manifest.json` may even hold
/// `// #ifdef` blocks; editors' and TypeScript's settings; any JSON outside the build): never a
/// parse error for a comment. Mini-program configuration (`app.json`, page `.json`) is read
/// strictly, as the Douyin developer tools read it.
fn json_dialect(path: &Path, origin: Origin) -> Dialect {
    if origin == Origin::Outside {
        return Dialect::WithComments;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let tool_folder = path.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some(".hbuilderx" | ".vscode" | ".idea")
        )
    });
    let commented = matches!(name, "pages.json" | "manifest.json" | "settings.json")
        || name.starts_with("tsconfig")
        || name.starts_with("jsconfig");
    if commented || tool_folder {
        Dialect::WithComments
    } else {
        Dialect::Strict
    }
}

/// The suppression directives in a file's comments. A directive's line is read from the file's
/// line index, built only if the file has one.
fn suppressions(comments: &[Comment], source: &SourceFile) -> Suppressions {
    Suppressions::parse(
        comments,
        |at| source.lines().line_of(at),
        source.text().len(),
    )
}

/// Where a script nests deeper than the parser is let to parse, and the limit it exceeds.
fn too_deep(text: &str, kind: FileKind) -> Option<(usize, usize)> {
    match kind {
        FileKind::TypeScript => nesting::too_deep_typescript(text),
        FileKind::Tsx => nesting::too_deep_tsx(text),
        _ => nesting::too_deep(text).map(|at| (at, nesting::LIMIT)),
    }
}

/// Parses a file whose text is in memory.
pub fn parse(source: SourceFile, origin: Origin) -> Loaded {
    parse_keeping(source, origin, Keep::EVERYTHING)
}

/// [`parse`], keeping of scripts the API uses and literals `keep` takes, and of markup the
/// attributes it takes: the engine keeps those a rule reads, since every file's facts and
/// markup stay in memory until the project pass ends.
pub fn parse_keeping(source: SourceFile, origin: Origin, keep: Keep<'_>) -> Loaded {
    let mut loaded = parse_content(source, origin, keep);
    if let Some(markup) = &mut loaded.content.markup {
        markup.shrink_to_fit();
    }
    loaded
}

fn parse_content(source: SourceFile, origin: Origin, keep: Keep<'_>) -> Loaded {
    let base = source.bom;
    match source.kind {
        FileKind::Vue => vue(source, keep),
        FileKind::Script | FileKind::TypeScript | FileKind::Sjs | FileKind::Tsx | FileKind::Jsx => {
            if let Some((at, limit)) = too_deep(source.body(), source.kind) {
                let problem = Problem {
                    span: Span::new(base + at, base + at + 1),
                    kind: ProblemKind::TooDeep { limit },
                };
                return unparsed(source, problem);
            }
            let parsed = js::with_arena(|arena| {
                js::parse(arena, source.body(), base, source.kind).map(|parsed| {
                    let problems: Vec<Problem> = parsed
                        .recovered
                        .iter()
                        .map(|e| Problem::syntax(Syntax::Script, e))
                        .collect();
                    let extracted = facts::extract(&parsed, keep);
                    // A configuration script (`app.config.ts`): the object it exports.
                    let json = is_config_script(&source.path)
                        .then(|| static_value::exported_object(&parsed.program, parsed.base))
                        .flatten()
                        .map(|value| JsonDoc {
                            value: Some(value),
                            comments: Vec::new(),
                        });
                    let suppressions = suppressions(&parsed.comments, &source);
                    (problems, extracted, json, suppressions)
                })
            });
            match parsed {
                Ok((problems, extracted, json, suppressions)) => Loaded {
                    content: Content {
                        script: Some(Box::new(extracted.facts)),
                        markup: extracted.markup,
                        json,
                    },
                    suppressions,
                    problems,
                    source,
                },
                Err(error) => unparsed(source, Problem::syntax(Syntax::Script, &error)),
            }
        }
        FileKind::Json => {
            match json::parse(source.body(), base, json_dialect(&source.path, origin)) {
                Ok(doc) => {
                    let suppressions = suppressions(&doc.comments, &source);
                    Loaded {
                        content: Content {
                            json: Some(doc),
                            ..Content::default()
                        },
                        suppressions,
                        problems: Vec::new(),
                        source,
                    }
                }
                Err(error) => unparsed(source, Problem::syntax(Syntax::Json, &error)),
            }
        }
        FileKind::Ttml => {
            let parsed = ttml::parse_keeping(source.body(), base, keep.attribute);
            let problems = parsed
                .errors
                .iter()
                .map(|e| Problem::syntax(Syntax::Template, e))
                .collect();
            let suppressions = suppressions(&parsed.comments, &source);
            Loaded {
                content: Content {
                    markup: Some(parsed.markup),
                    ..Content::default()
                },
                suppressions,
                problems,
                source,
            }
        }
    }
}

/// A `.vue` single-file component: its `<script>` blocks parsed by oxc at their offsets and read
/// as one script, its `<template>` lowered into the markup model. Comments of every part make the
/// file's suppressions and `#ifdef` regions.
fn vue(source: SourceFile, keep: Keep<'_>) -> Loaded {
    let base = source.bom;
    let outline = sfc::split(source.body(), base);
    let mut problems: Vec<Problem> = outline
        .errors
        .iter()
        .map(|e| Problem::syntax(Syntax::Template, e))
        .collect();
    let mut comments: Vec<Comment> = outline.comments.clone();
    let template = outline
        .template
        .as_ref()
        .filter(|t| t.lang.as_deref().is_none_or(|l| l == "html"))
        .map(|t| {
            markup::vue::parse_keeping(source.slice(t.inner), t.inner.start(), keep.attribute)
        });
    let markup = template.map(|parsed| {
        problems.extend(
            parsed
                .errors
                .iter()
                .map(|e| Problem::syntax(Syntax::Template, e)),
        );
        comments.extend(parsed.comments);
        parsed.markup
    });
    let extracted = js::with_arena(|arena| {
        let mut scripts = Vec::new();
        for script in &outline.scripts {
            // CoffeeScript and friends: not read.
            let Some(kind) = script.lang.file_kind() else {
                continue;
            };
            let text = source.slice(script.inner);
            if let Some((at, limit)) = too_deep(text, kind) {
                let at = script.inner.start() + at;
                problems.push(Problem {
                    span: Span::new(at, at + 1),
                    kind: ProblemKind::TooDeep { limit },
                });
                continue;
            }
            match js::parse(arena, text, script.inner.start(), kind) {
                Ok(mut parsed) => {
                    problems.extend(
                        parsed
                            .recovered
                            .iter()
                            .map(|e| Problem::syntax(Syntax::Script, e)),
                    );
                    comments.append(&mut parsed.comments);
                    scripts.push((parsed, script.setup));
                }
                Err(error) => problems.push(Problem::syntax(Syntax::Script, &error)),
            }
        }
        comments.sort_by_key(|c| c.span.start());
        let parts: Vec<Part<'_, '_>> = scripts
            .iter()
            .map(|(parsed, setup)| Part {
                program: &parsed.program,
                base: parsed.base,
                setup: *setup,
            })
            .collect();
        facts::extract_parts(&parts, &comments, keep)
    });
    let suppressions = suppressions(&comments, &source);
    problems.sort_by_key(|p| p.span.start());
    Loaded {
        content: Content {
            script: (!outline.scripts.is_empty()).then(|| Box::new(extracted.facts)),
            markup,
            json: None,
        },
        suppressions,
        problems,
        source,
    }
}
