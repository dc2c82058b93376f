//! `{{ }}` bindings: parsed by oxc at their offset in the `.ttml` file, then reduced to the small
//! condition language rules reason about (`tt:if="{{!isIOS && canPay}}"`) plus the string
//! literals they contain (`{{ vip ? '开通会员' : '' }}` shows text to users).
//!
//! TTML expressions are not JavaScript: a data key that happens to be a reserved word
//! (`{{class}}`, `{{default}}`, `{{new}}`) is just a name there, and the Douyin developer tools
//! build it. oxc refuses such names, so TTML bindings that fail are parsed again with those words
//! respelled as plain names of the same length, and the names restored afterwards. Vue compiles
//! its expressions as JavaScript and refuses them (`avoid using JavaScript keyword as property
//! name`), so in Vue they stay errors, worded as Vue words them.

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Directive, Expression, IdentifierReference, PropertyKey, TSMethodSignature, TSPropertySignature,
};
use oxc_ast_visit::{Visit, VisitMut, walk};
use oxc_span::GetSpan;

use crate::base::source::Span;
use crate::syntax::js::ast::{Base, RED_ZONE, SEGMENT, static_string, text};
pub use crate::syntax::js::cond::Cond;
use crate::syntax::js::cond::{cond, normalize_path};
use crate::syntax::js::{nesting, parse as js};
use crate::syntax::syntax_error::SyntaxError;

/// A parsed binding: its condition form and its string literals.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub cond: Cond,
    /// A boxed slice: most bindings have no string, and every template's bindings are kept.
    pub strings: Box<[(Span, String)]>,
}

/// How a template language reads JavaScript's reserved words used as names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reserved {
    /// As the data keys they name (TTML).
    AreNames,
    /// As keywords: a reserved word where a name should be is an error (Vue).
    AreKeywords,
}

/// Parses the body of a `{{ }}` that starts at byte `base` of its file. `object` parses it as the
/// contents of an object literal, as `<template is data="{{a, b: c}}">` does.
pub fn parse(
    text: &str,
    base: usize,
    object: bool,
    reserved: Reserved,
) -> Result<Binding, SyntaxError> {
    if !object && let Some(path) = plain_path(text) {
        return Ok(Binding {
            cond: Cond::Path(normalize_path(path.to_string()).into()),
            strings: Box::default(),
        });
    }
    parse_js(text, base, object, reserved)
}

/// A binding that only names data, `{{id}}` or `{{ item.title }}`: a name, then `.name` links,
/// all ASCII, the first no word JavaScript reserves or gives a value of its own (`this`,
/// `null`, `true`). It means what parsing it would: the path it reads. Most bindings of real
/// templates are such paths, and parsing each with oxc cost a parser of its own.
pub(super) fn plain_path(text: &str) -> Option<&str> {
    let path = text.trim();
    let mut links = path.split('.');
    let first = links.next()?;
    let name = |word: &str| {
        word.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'$')
            && word
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
    };
    let valued = ["this", "null", "true", "false", "await", "async"];
    let plain = name(first) && !is_reserved(first) && !valued.contains(&first) && links.all(name);
    plain.then_some(path)
}

/// [`parse`] by parsing the body as JavaScript.
fn parse_js(
    text: &str,
    base: usize,
    object: bool,
    reserved: Reserved,
) -> Result<Binding, SyntaxError> {
    if let Some(at) = nesting::too_deep(text) {
        return Err(SyntaxError {
            span: Span::new(base + at, base + at + 1),
            message: format!("expression nested more than {} levels deep", nesting::LIMIT),
        });
    }
    js::with_arena(|arena| {
        let error = match parse_expr(arena, text, base, object) {
            Ok((expr, at)) => return Ok(binding(&expr, at)),
            Err(error) => error,
        };
        let names = reserved_names(text);
        let Some(&(first, word)) = names.first() else {
            return Err(error);
        };
        if reserved == Reserved::AreKeywords {
            return Err(SyntaxError {
                span: Span::new(base + first, base + first + word.len()),
                message: format!(
                    "`{word}` is a JavaScript keyword and cannot name data in an expression"
                ),
            });
        }
        let mut respelled = text.to_string();
        for &(at, _) in &names {
            // `_` keeps the length (offsets stay true) and makes any reserved word a plain name.
            respelled.replace_range(at..at + 1, "_");
        }
        let (mut expr, at) =
            parse_expr(arena, arena.alloc_str(&respelled), base, object).map_err(|_| error)?;
        Restore {
            at,
            names: names.iter().map(|&(n, word)| (base + n, word)).collect(),
        }
        .visit_expression(&mut expr);
        Ok(binding(&expr, at))
    })
}

/// Parses a binding's body in `arena`; returns its tree and where the parsed text starts in the
/// file (before the body when `object` wraps it).
fn parse_expr<'a>(
    arena: &'a Allocator,
    text: &'a str,
    base: usize,
    object: bool,
) -> Result<(Expression<'a>, Base), SyntaxError> {
    let (text, base) = if object {
        // `({` + body + `})`, positioned so that the body keeps its offsets.
        let wrapped: &str = arena.alloc_str(&format!("({{{text}}})"));
        (wrapped, base.saturating_sub(2))
    } else {
        (text, base)
    };
    js_expr(arena, text, base).map(|expr| (expr, Base::new(base)))
}

/// Parses `text`, which starts at byte `base` of its file, as one JavaScript expression and
/// nothing else: past the expression and the parentheses closing around it, only white space
/// may follow. A comment there (`{{ a // note }}`), which oxc would skip, is an error, as it has
/// always been here.
pub(super) fn js_expr<'a>(
    arena: &'a Allocator,
    text: &'a str,
    base: usize,
) -> Result<Expression<'a>, SyntaxError> {
    let expr = js::parse_expr(arena, text, base)?;
    match left_after(text, expr.span().end as usize) {
        Some(at) => Err(SyntaxError {
            span: Span::new(base + at, base + at + 1),
            message: "Unexpected token after the expression".into(),
        }),
        None => Ok(expr),
    }
}

/// The first byte that is not white space after the expression that ends at byte `end` of
/// `text`, counting the parentheses closing around it as part of it. oxc parsed the whole text,
/// so only those parentheses, white space and comments follow `end`.
fn left_after(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut closed = end;
    let mut i = end;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b')', _) => {
                i += 1;
                closed = i;
            }
            (b'/', Some(b'/')) => {
                i = text[i..]
                    .find(['\n', '\r', '\u{2028}', '\u{2029}'])
                    .map_or(text.len(), |n| i + n);
            }
            (b'/', Some(b'*')) => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(text.len(), |n| i + 2 + n + 2);
            }
            _ => i += 1,
        }
    }
    let at = text[closed..].find(|c: char| !c.is_whitespace())?;
    Some(closed + at)
}

/// Whether a word is one of JavaScript's reserved words (or the strict-mode ones), which oxc
/// refuses as names. A `match`, not a list searched in turn: every plain path of a template asks
/// it of its first name.
fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "new"
            | "return"
            | "super"
            | "switch"
            | "throw"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
            | "implements"
            | "interface"
            | "let"
            | "package"
            | "private"
            | "protected"
            | "public"
            | "static"
            | "yield"
    )
}

/// Reserved words standing where a value is read, with their offsets: at the start or after an
/// operator or an opening bracket (not after `.`, where any word is a property name, nor after a
/// value, where `in` is an operator), and followed by the end or by what follows a value (not a
/// name or a literal, as in `new Date()` or `typeof x`). Strings are skipped.
fn reserved_names(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // What came before the current token: `true` after a value (a name, a literal, `)`, `]`).
    let mut after_value = false;
    let mut after_dot = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if matches!(b, b'\'' | b'"' | b'`') {
            i += 1;
            while i < bytes.len() && bytes[i] != b {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            (after_value, after_dot) = (true, false);
            continue;
        }
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || bytes[i] == b'_'
                    || bytes[i] == b'$'
                    || bytes[i] >= 0x80)
            {
                i += 1;
            }
            let word = &text[start..i];
            let next = text[i..].trim_start().bytes().next();
            let value_follows = next.is_some_and(|n| {
                n.is_ascii_alphanumeric()
                    || matches!(n, b'_' | b'$' | b'\'' | b'"' | b'`' | b'(')
                    || n >= 0x80
            });
            if !after_value && !after_dot && !value_follows && is_reserved(word) {
                out.push((start, word));
            }
            (after_value, after_dot) = (true, false);
            continue;
        }
        after_dot = b == b'.' && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        after_value = matches!(b, b')' | b']');
        i += 1;
    }
    out
}

/// Gives respelled names their own words back, so that conditions read `class`, not `_lass`.
/// Conditions read names only where they are referenced (not bound, not property names), so
/// only references are restored.
struct Restore<'a> {
    /// Where the parsed text starts in the file.
    at: Base,
    /// File offsets of the respelled names, with their words.
    names: Vec<(usize, &'a str)>,
}

impl<'a> VisitMut<'a> for Restore<'a> {
    fn visit_identifier_reference(&mut self, ident: &mut IdentifierReference<'a>) {
        let at = self.at.of(&*ident).start();
        if let Some(&(_, word)) = self.names.iter().find(|(n, _)| *n == at) {
            ident.name = word.into();
        }
    }
}

/// The binding of an expression already parsed: its condition form and string literals (a JSX
/// `{…}`). `base` is where the text the expression was parsed from starts in its file.
pub fn binding(expr: &Expression<'_>, base: Base) -> Binding {
    let mut strings = Strings {
        base,
        found: Vec::new(),
    };
    strings.visit_expression(expr);
    Binding {
        cond: cond(expr),
        strings: strings.found.into_boxed_slice(),
    }
}

/// The string literals of an expression, with their file spans, in source order.
struct Strings {
    base: Base,
    found: Vec<(Span, String)>,
}

impl<'a> Visit<'a> for Strings {
    fn visit_expression(&mut self, expr: &Expression<'a>) {
        if let Some(s) = static_string(expr) {
            self.found.push((self.base.of(expr), s));
            return;
        }
        stacker::maybe_grow(RED_ZONE, SEGMENT, || walk::walk_expression(self, expr));
    }

    fn visit_property_key(&mut self, _: &PropertyKey<'a>) {
        // Object keys are not shown to users.
    }

    /// A string statement opening a function body (`function () { '提示' }`) is a directive to
    /// oxc, not an expression; it is read as the literal it is written as.
    fn visit_directive(&mut self, directive: &Directive<'a>) {
        let literal = &directive.expression;
        self.found.push((
            self.base.of(literal),
            text(&literal.value, literal.lone_surrogates).into_owned(),
        ));
    }

    /// The key of a member of a TypeScript type literal (`x as { '提示': string }`) is read as
    /// any other string is: only an object's keys are left out.
    fn visit_ts_property_signature(&mut self, signature: &TSPropertySignature<'a>) {
        if let Some(key) = signature.key.as_expression() {
            self.visit_expression(key);
        }
        walk::walk_ts_property_signature(self, signature);
    }

    /// As [`Self::visit_ts_property_signature`], for methods, getters and setters.
    fn visit_ts_method_signature(&mut self, signature: &TSMethodSignature<'a>) {
        if let Some(key) = signature.key.as_expression() {
            self.visit_expression(key);
        }
        walk::walk_ts_method_signature(self, signature);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A binding that only names data reads as parsing it reads; anything else is parsed.
    #[test]
    fn plain_paths_read_as_parsed() {
        let plain = [
            "id",
            " item.title ",
            "$list._first",
            "a.class",
            "that.data.isIOS",
            "getApp.globalData.x",
        ];
        for body in plain {
            assert!(plain_path(body).is_some(), "{body}");
            for reserved in [Reserved::AreNames, Reserved::AreKeywords] {
                assert_eq!(
                    parse(body, 3, false, reserved),
                    parse_js(body, 3, false, reserved),
                    "{body}"
                );
            }
        }
        let parsed = [
            "this", "null", "class", "this.x", "a.", "a..b", "a .b", "1a", "a[0]", "支付", "",
        ];
        for body in parsed {
            assert_eq!(plain_path(body), None, "{body}");
        }
        assert_eq!(
            parse("item.price", 0, false, Reserved::AreNames).map(|b| b.cond),
            Ok(Cond::Path("item.price".into()))
        );
    }

    #[test]
    fn strings_are_collected_with_spans() {
        let src = "vip ? '开通会员' : `续费`";
        let b = parse(src, 10, false, Reserved::AreNames).unwrap();
        let found: Vec<_> = b
            .strings
            .iter()
            .map(|(s, t)| (s.start() - 10, t.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![(6, "开通会员"), (src.find('`').unwrap(), "续费")]
        );
    }

    #[test]
    fn template_data_is_an_object_body() {
        assert!(parse("...item, index: i", 5, true, Reserved::AreNames).is_ok());
        assert!(
            parse("a, b", 5, false, Reserved::AreNames).is_ok(),
            "a sequence is still an expression"
        );
        let err = parse("a b", 5, false, Reserved::AreNames).unwrap_err();
        assert_eq!(err.span.start(), 7);
    }

    #[test]
    fn errors_point_into_the_file() {
        let err = parse("a +", 20, false, Reserved::AreNames).unwrap_err();
        assert!(err.span.start() >= 20, "{err:?}");
    }

    #[test]
    fn reserved_words_name_data_in_ttml() {
        for src in [
            "class",
            "default",
            "new",
            " new.price ",
            "default ? 'on' : ''",
            "a ? class : delete",
            "[default, new]",
            "!default",
            "(class)",
        ] {
            assert!(
                parse(src, 0, false, Reserved::AreNames).is_ok(),
                "`{src}` is a TTML data name"
            );
        }
        let b = parse("class && !default", 0, false, Reserved::AreNames).unwrap();
        assert_eq!(b.cond.paths(), vec!["class", "default"], "{:?}", b.cond);
        assert!(
            parse("default, class: 1", 0, true, Reserved::AreNames).is_ok(),
            "`<template data>` shorthand"
        );
    }

    #[test]
    fn reserved_words_that_are_operators_stay_operators() {
        assert!(parse("new Date()", 0, false, Reserved::AreNames).is_ok());
        assert!(parse("typeof x === 'string'", 0, false, Reserved::AreNames).is_ok());
        assert!(parse("a ? new Date() : void 0", 0, false, Reserved::AreNames).is_ok());
        assert!(parse("item.default", 0, false, Reserved::AreKeywords).is_ok());
        assert!(parse("a default", 0, false, Reserved::AreNames).is_err());
        assert!(parse("if (a) b", 0, false, Reserved::AreNames).is_err());
        assert_eq!(
            reserved_names("'class' + x.class + default"),
            vec![(20, "default")]
        );
    }

    #[test]
    fn vue_names_the_keyword() {
        let err = parse("vip ? default : ''", 7, false, Reserved::AreKeywords).unwrap_err();
        assert_eq!(err.span, Span::new(13, 20));
        assert!(err.message.contains("`default`"), "{}", err.message);
    }
}
