//! Parsing JavaScript and TypeScript with swc: whole scripts, and single expressions at an offset
//! (a TTML `{{ }}` body). swc is guarded: a panic inside it becomes a syntax error.

use swc_common::BytePos;
use swc_common::comments::SingleThreadedComments;
use swc_ecma_ast::Program;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};

use super::ast::span_of;
use crate::base::source::{FileKind, Span};
use crate::syntax::comment::Comment;
use crate::syntax::syntax_error::SyntaxError;

/// A parsed script: its tree, its comments in source order, and the first error swc recovered
/// from, if any (the tree is still usable, so its findings are kept).
pub struct ParsedScript {
    pub program: Program,
    pub comments: Vec<Comment>,
    pub recovered: Option<SyntaxError>,
}

fn syntax_for(kind: FileKind, jsx: bool) -> Syntax {
    match kind {
        FileKind::TypeScript | FileKind::Tsx => Syntax::Typescript(TsSyntax {
            decorators: true,
            tsx: kind == FileKind::Tsx,
            ..Default::default()
        }),
        _ => Syntax::Es(EsSyntax {
            jsx: jsx || kind == FileKind::Jsx,
            decorators: true,
            allow_return_outside_function: true,
            ..Default::default()
        }),
    }
}

/// Parses `text`, which starts at byte `base` of its file, as a script or module.
///
/// Plain `.js` files of some framework projects contain JSX: when a `.js` file fails to parse
/// without JSX it is parsed again with JSX before the first error is reported.
pub fn parse(text: &str, base: usize, kind: FileKind) -> Result<ParsedScript, SyntaxError> {
    match parse_with(text, base, syntax_for(kind, false)) {
        Ok(parsed) => Ok(parsed),
        Err(error) if kind == FileKind::Script => {
            parse_with(text, base, syntax_for(kind, true)).map_err(|_| error)
        }
        Err(error) => Err(error),
    }
}

/// Runs swc, turning a panic inside it (a parser bug on odd input; swc has debug assertions that
/// fuzzed templates trip) into a syntax error at the start of the text, so one odd file never
/// stops a run.
fn guarded<T>(
    base: usize,
    parse: impl FnOnce() -> Result<T, SyntaxError>,
) -> Result<T, SyntaxError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).unwrap_or_else(|_| {
        Err(SyntaxError {
            span: Span::new(base, base + 1),
            message: "the JavaScript parser failed on this code".into(),
        })
    })
}

fn parse_with(text: &str, base: usize, syntax: Syntax) -> Result<ParsedScript, SyntaxError> {
    guarded(base, || parse_unguarded(text, base, syntax))
}

fn parse_unguarded(text: &str, base: usize, syntax: Syntax) -> Result<ParsedScript, SyntaxError> {
    let comments = SingleThreadedComments::default();
    let start = BytePos(base as u32 + 1);
    let end = BytePos((base + text.len()) as u32 + 1);
    let mut parser = Parser::new(syntax, StringInput::new(text, start, end), Some(&comments));
    let result = parser.parse_program();
    let recovered = parser.take_errors().into_iter().next().map(to_syntax_error);
    let program = result.map_err(to_syntax_error)?;
    Ok(ParsedScript {
        program,
        comments: collect_comments(comments),
        recovered,
    })
}

/// Parses a single expression that starts at byte `base` of its file (a TTML `{{ }}` body).
pub fn parse_expr(text: &str, base: usize) -> Result<Box<swc_ecma_ast::Expr>, SyntaxError> {
    guarded(base, || parse_expr_unguarded(text, base))
}

fn parse_expr_unguarded(text: &str, base: usize) -> Result<Box<swc_ecma_ast::Expr>, SyntaxError> {
    let start = BytePos(base as u32 + 1);
    let end = BytePos((base + text.len()) as u32 + 1);
    let mut parser = Parser::new(
        syntax_for(FileKind::Script, false),
        StringInput::new(text, start, end),
        None,
    );
    let expr = parser.parse_expr().map_err(to_syntax_error)?;
    if let Some(error) = parser.take_errors().into_iter().next() {
        return Err(to_syntax_error(error));
    }
    // `parse_expr` stops at the end of the expression: anything left over is an error.
    let rest = &text[(span_of(swc_common::Spanned::span(&*expr)).end() - base).min(text.len())..];
    if let Some(extra) = rest.find(|c: char| !c.is_whitespace()) {
        let at = base + text.len() - rest.len() + extra;
        return Err(SyntaxError {
            span: Span::new(at, at + 1),
            message: "Unexpected token after the expression".into(),
        });
    }
    Ok(expr)
}

fn to_syntax_error(error: swc_ecma_parser::error::Error) -> SyntaxError {
    let span = span_of(swc_common::Spanned::span(&error));
    SyntaxError {
        span,
        message: error.kind().msg().into_owned(),
    }
}

fn collect_comments(comments: SingleThreadedComments) -> Vec<Comment> {
    let (leading, trailing) = comments.take_all();
    let mut all: Vec<Comment> = leading
        .take()
        .into_values()
        .chain(trailing.take().into_values())
        .flatten()
        .map(|c| Comment {
            span: span_of(c.span),
            text: c.text.to_string(),
            block: matches!(c.kind, swc_common::comments::CommentKind::Block),
        })
        .collect();
    all.sort_by_key(|c| c.span.start());
    all.dedup_by_key(|c| c.span.start());
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_files_with_jsx_parse_on_the_second_try() {
        let src = "const view = <View onClick={() => tt.pay({})}>支付</View>;";
        assert!(parse(src, 0, FileKind::Script).is_ok());
        assert!(
            parse(src, 0, FileKind::TypeScript).is_err(),
            "a .ts file is not retried as TSX"
        );
    }

    #[test]
    fn the_first_error_is_reported_at_its_offset() {
        let err = parse("let a = 1;\nlet = ;", 100, FileKind::Script)
            .err()
            .unwrap();
        assert!(err.span.start() >= 111, "{err:?}");
    }

    #[test]
    fn comments_are_kept_in_order() {
        let parsed = parse("// a\nx(); /* b */ y(); // c", 0, FileKind::Script).unwrap();
        let texts: Vec<&str> = parsed.comments.iter().map(|c| c.text.trim()).collect();
        assert_eq!(texts, vec!["a", "b", "c"]);
    }
}
