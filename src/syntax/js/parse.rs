//! Parsing JavaScript and TypeScript with oxc: whole scripts, and single expressions at an offset
//! (a TTML `{{ }}` body). oxc builds its tree in an arena ([`Allocator`]): a tree borrows from
//! it and costs nothing to drop, and [`with_arena`] lends each parse a thread's arena, reset
//! once the tree is done with. oxc is guarded: a panic inside it becomes a syntax error.
//!
//! oxc's positions count from the first byte of the text it is given; the text here starts at
//! byte `base` of its file, so every reader of the tree adds `base` (see [`super::ast::Base`]).

use std::cell::RefCell;

use oxc_allocator::Allocator;
use oxc_ast::ast::{Expression, Program};
use oxc_diagnostics::OxcDiagnostic;
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;

use super::ast::Base;
use crate::base::source::{FileKind, Span};
use crate::syntax::comment::Comment;
use crate::syntax::syntax_error::SyntaxError;

thread_local! {
    /// Arenas free for the next parse on this thread. A parse made while another's tree is still
    /// read (a template's expressions beside its component's scripts) takes a second one.
    static ARENAS: RefCell<Vec<Allocator>> = const { RefCell::new(Vec::new()) };
}

/// The most memory an arena keeps for the next parse. A page script's tree takes a few hundred
/// KiB; an arena that grew past this for one large bundle is freed rather than held for the rest
/// of the run.
const KEPT_ARENA: usize = 16 * 1024 * 1024;

/// Runs `f` with an arena of this thread, reset afterwards for the next parse: the arena keeps
/// the memory it grew to (up to [`KEPT_ARENA`]), so a thread parsing file after file allocates
/// once.
pub fn with_arena<R>(f: impl FnOnce(&Allocator) -> R) -> R {
    let mut arena = ARENAS
        .with(|arenas| arenas.borrow_mut().pop())
        .unwrap_or_default();
    let result = f(&arena);
    if arena.capacity() <= KEPT_ARENA {
        arena.reset();
        ARENAS.with(|arenas| arenas.borrow_mut().push(arena));
    }
    result
}

/// A parsed script: its tree, its comments in source order, and the first error oxc recovered
/// from, if any (the tree is still usable, so its findings are kept).
pub struct ParsedScript<'a> {
    pub program: Program<'a>,
    /// Where the text starts in its file: add it to the tree's positions.
    pub base: Base,
    pub comments: Vec<Comment>,
    pub recovered: Option<SyntaxError>,
}

fn source_type(kind: FileKind, jsx: bool) -> SourceType {
    match kind {
        FileKind::TypeScript => SourceType::ts().with_unambiguous(true),
        FileKind::Tsx => SourceType::tsx().with_unambiguous(true),
        _ => SourceType::unambiguous().with_jsx(jsx || kind == FileKind::Jsx),
    }
}

fn options() -> ParseOptions {
    ParseOptions {
        allow_return_outside_function: true,
        preserve_parens: false,
        // Hashes for oxc's own semantic analysis, which ttlint does not run.
        enable_ident_hashes: false,
        ..ParseOptions::default()
    }
}

/// Parses `text`, which starts at byte `base` of its file, as a script or module.
///
/// Plain `.js` files of some framework projects contain JSX: when a `.js` file fails to parse
/// without JSX it is parsed again with JSX before the first error is reported.
pub fn parse<'a>(
    arena: &'a Allocator,
    text: &'a str,
    base: usize,
    kind: FileKind,
) -> Result<ParsedScript<'a>, SyntaxError> {
    match parse_with(arena, text, base, source_type(kind, false)) {
        Ok(parsed) => Ok(parsed),
        Err(error) if kind == FileKind::Script => {
            parse_with(arena, text, base, source_type(kind, true)).map_err(|_| error)
        }
        Err(error) => Err(error),
    }
}

/// Runs oxc, turning a panic inside it (a parser bug on odd input) into a syntax error at the
/// start of the text, so one odd file never stops a run.
fn guarded<T>(
    base: usize,
    parse: impl FnOnce() -> Result<T, SyntaxError>,
) -> Result<T, SyntaxError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse))
        .unwrap_or_else(|_| Err(failed(base)))
}

/// A parse that failed without saying where: an error at the start of the text.
fn failed(base: usize) -> SyntaxError {
    SyntaxError {
        span: Span::new(base, base + 1),
        message: "the JavaScript parser failed on this code".into(),
    }
}

/// The error that comes first in the text: oxc lists its errors by kind (lexer before parser),
/// not by position.
fn first_error(errors: &[OxcDiagnostic], at: Base) -> Option<SyntaxError> {
    errors
        .iter()
        .map(|e| to_syntax_error(e, at))
        .min_by_key(|e| e.span.start())
}

fn parse_with<'a>(
    arena: &'a Allocator,
    text: &'a str,
    base: usize,
    source_type: SourceType,
) -> Result<ParsedScript<'a>, SyntaxError> {
    guarded(base, || {
        let parsed = Parser::new(arena, text, source_type)
            .with_options(options())
            .parse();
        let at = Base::new(base);
        let first = first_error(&parsed.diagnostics, at);
        if parsed.panicked {
            return Err(first.unwrap_or_else(|| failed(base)));
        }
        let recovered = first;
        let comments = parsed
            .program
            .comments
            .iter()
            .map(|c| Comment {
                span: at.span(c.span),
                text: c.content_span().source_text(text).to_owned(),
                block: c.is_block(),
            })
            .collect();
        Ok(ParsedScript {
            program: parsed.program,
            base: at,
            comments,
            recovered,
        })
    })
}

/// Parses a single expression that starts at byte `base` of its file (the templates' readers
/// add their own rules on what may follow it: `markup::expr`).
pub fn parse_expr<'a>(
    arena: &'a Allocator,
    text: &'a str,
    base: usize,
) -> Result<Expression<'a>, SyntaxError> {
    guarded(base, || {
        Parser::new(arena, text, source_type(FileKind::Script, false))
            .with_options(options())
            .parse_expression()
            .map_err(|errors| first_error(&errors, Base::new(base)).unwrap_or_else(|| failed(base)))
    })
}

fn to_syntax_error(error: &OxcDiagnostic, at: Base) -> SyntaxError {
    let span = error.labels.first().map_or_else(
        || at.span(oxc_span::Span::empty(0)),
        |label| {
            let start = at.offset(label.offset());
            Span::new(start, start + label.len() as usize)
        },
    );
    SyntaxError {
        span,
        message: error.message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_files_with_jsx_parse_on_the_second_try() {
        let src = "const view = <View onClick={() => tt.pay({})}>支付</View>;";
        with_arena(|arena| {
            assert!(parse(arena, src, 0, FileKind::Script).is_ok());
            assert!(
                parse(arena, src, 0, FileKind::TypeScript).is_err(),
                "a .ts file is not retried as TSX"
            );
        });
    }

    #[test]
    fn the_first_error_is_reported_at_its_offset() {
        let err = with_arena(|arena| {
            parse(arena, "let a = 1;\nlet = ;", 100, FileKind::Script)
                .err()
                .unwrap()
        });
        assert!(err.span.start() >= 111, "{err:?}");
    }

    #[test]
    fn the_error_reported_is_the_first_in_the_text() {
        // oxc lists the lexer's errors (the bad escape) before the parser's (`new.target` outside
        // a function), whatever their order in the text.
        let src = "new.target;\nconst s = '\\u{zz}';";
        let first = with_arena(|arena| {
            let parsed = parse(arena, src, 0, FileKind::Script).expect("recovers");
            parsed.recovered.map(|e| (e.span.start(), e.message))
        });
        assert_eq!(
            first,
            Some((0, "Unexpected new.target expression".to_owned()))
        );
    }

    #[test]
    fn comments_are_kept_in_order() {
        let texts = with_arena(|arena| {
            let parsed = parse(arena, "// a\nx(); /* b */ y(); // c", 0, FileKind::Script).unwrap();
            parsed
                .comments
                .iter()
                .map(|c| c.text.trim().to_owned())
                .collect::<Vec<_>>()
        });
        assert_eq!(texts, vec!["a", "b", "c"]);
    }

    #[test]
    fn an_arena_grown_past_the_cap_is_not_kept() {
        with_arena(|arena| {
            arena.alloc_str(&"x".repeat(KEPT_ARENA + 1));
        });
        assert!(with_arena(|arena| arena.capacity()) <= KEPT_ARENA);
    }

    #[test]
    fn arenas_are_lent_one_per_open_parse() {
        let nested = with_arena(|outer| {
            let script = parse(outer, "a.b", 0, FileKind::Script).unwrap();
            let expr = with_arena(|inner| parse_expr(inner, "c.d", 10).is_ok());
            (script.program.body.len(), expr)
        });
        assert_eq!(nested, (1, true));
    }
}
