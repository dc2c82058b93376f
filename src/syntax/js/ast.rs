//! Small readers of oxc's syntax tree shared by the fact extractor, the condition reader and the
//! template readers: positions, literal strings, property names, and the stack limits of
//! recursive walks.

use std::borrow::Cow;

use oxc_ast::ast::{Argument, Expression, PropertyKey};
use oxc_span::GetSpan;

use crate::base::source::Span;

/// Stack left before a walk moves onto a fresh segment, and that segment's size.
pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const SEGMENT: usize = 16 * 1024 * 1024;

/// Where a parsed text starts in its file. oxc counts positions from the first byte of the text
/// it parsed; findings count from the first byte of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base(usize);

impl Base {
    pub fn new(base: usize) -> Self {
        Self(base)
    }

    /// The file offset of a position in the parsed text.
    pub fn offset(self, at: u32) -> usize {
        self.0 + at as usize
    }

    /// The file span of a span in the parsed text.
    pub fn span(self, span: oxc_span::Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }

    /// The file span of a node.
    pub fn of(self, node: &impl GetSpan) -> Span {
        self.span(node.span())
    }
}

/// The text of a string literal or a template piece. A lone surrogate (`'\uD800'`) is no
/// character a Rust string holds: it reads as U+FFFD. In a string that has one, oxc writes each
/// code unit it cannot hold as U+FFFD and four hex digits (`d800`, and `fffd` for U+FFFD itself),
/// so each such escape keeps only its U+FFFD.
pub(crate) fn text(value: &str, lone_surrogates: bool) -> Cow<'_, str> {
    if !lone_surrogates {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('\u{FFFD}') {
        let escape = at + '\u{FFFD}'.len_utf8();
        out.push_str(&rest[..escape]);
        rest = rest.get(escape + 4..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The string value of a literal expression: `'x'`, `"x"`, or `` `x` `` without substitutions.
pub(crate) fn static_string(expr: &Expression<'_>) -> Option<String> {
    static_str(expr).map(Cow::into_owned)
}

/// [`static_string`], borrowed from the tree where it can be.
pub(crate) fn static_str<'a>(expr: &'a Expression<'_>) -> Option<Cow<'a, str>> {
    match unwrap(expr) {
        Expression::StringLiteral(s) => Some(text(&s.value, s.lone_surrogates)),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
            let quasi = t.quasis.first()?;
            Some(text(quasi.value.cooked.as_ref()?, quasi.lone_surrogates))
        }
        _ => None,
    }
}

/// The expression an argument passes, spread or not (`f(...xs)` passes `xs`).
pub(crate) fn argument<'e, 'a>(arg: &'e Argument<'a>) -> &'e Expression<'a> {
    match arg {
        Argument::SpreadElement(spread) => &spread.argument,
        _ => arg.to_expression(),
    }
}

/// The expression under TypeScript casts. (Parentheses leave no node: the parser is asked not to
/// keep them.)
pub(crate) fn unwrap<'e, 'a>(mut expr: &'e Expression<'a>) -> &'e Expression<'a> {
    loop {
        expr = match expr {
            Expression::TSAsExpression(e) => &e.expression,
            Expression::TSNonNullExpression(e) => &e.expression,
            Expression::TSTypeAssertion(e) => &e.expression,
            Expression::TSSatisfiesExpression(e) => &e.expression,
            _ => return expr,
        }
    }
}

/// The name of a property key: an identifier, a string or number literal, or a computed key that
/// is a literal string (`['x']`).
pub(crate) fn prop_name(key: &PropertyKey<'_>, computed: bool) -> Option<String> {
    prop_str(key, computed).map(Cow::into_owned)
}

/// [`prop_name`], borrowed from the tree where it can be: every property of every object literal
/// is asked for its name, and most are only compared.
pub(crate) fn prop_str<'k>(key: &'k PropertyKey<'_>, computed: bool) -> Option<Cow<'k, str>> {
    match key {
        PropertyKey::StaticIdentifier(i) => Some(Cow::Borrowed(i.name.as_str())),
        PropertyKey::PrivateIdentifier(_) => None,
        _ => {
            let expr = key.as_expression()?;
            if computed {
                return static_str(expr);
            }
            match expr {
                Expression::StringLiteral(s) => Some(text(&s.value, s.lone_surrogates)),
                Expression::NumericLiteral(n) => Some(Cow::Owned(n.value.to_string())),
                _ => None,
            }
        }
    }
}
