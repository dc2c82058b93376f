//! Small readers of swc's syntax tree shared by the fact extractor and the condition reader:
//! spans, literal strings, property names, and the stack limits of recursive walks.

use swc_ecma_ast::{Expr, Lit, PropName};

use crate::base::source::Span;

/// Stack left before a walk moves onto a fresh segment, and that segment's size.
pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const SEGMENT: usize = 16 * 1024 * 1024;

/// Converts an swc span to a span in the file. Sources are parsed with `BytePos(1 + offset)` at
/// their first byte (0 is swc's reserved dummy position).
pub(crate) fn span_of(span: swc_common::Span) -> Span {
    Span::new(
        (span.lo.0 as usize).saturating_sub(1),
        (span.hi.0 as usize).saturating_sub(1),
    )
}

/// The string value of a literal expression: `'x'`, `"x"`, or `` `x` `` without substitutions.
pub(crate) fn static_string(expr: &Expr) -> Option<String> {
    match unwrap(expr) {
        Expr::Lit(Lit::Str(s)) => Some(s.value.to_string_lossy().into_owned()),
        Expr::Tpl(t) if t.exprs.is_empty() => t
            .quasis
            .first()
            .and_then(|q| q.cooked.as_ref())
            .map(|c| c.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The expression under parentheses and TypeScript casts.
pub(crate) fn unwrap(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(p) => &p.expr,
            Expr::TsAs(e) => &e.expr,
            Expr::TsNonNull(e) => &e.expr,
            Expr::TsTypeAssertion(e) => &e.expr,
            Expr::TsConstAssertion(e) => &e.expr,
            Expr::TsSatisfies(e) => &e.expr,
            _ => return expr,
        }
    }
}

pub(crate) fn prop_name(prop: &PropName) -> Option<String> {
    match prop {
        PropName::Ident(i) => Some(i.sym.as_str().to_owned()),
        PropName::Str(s) => Some(s.value.to_string_lossy().into_owned()),
        PropName::Num(n) => Some(n.value.to_string()),
        PropName::Computed(c) => static_string(&c.expr),
        PropName::BigInt(_) => None,
    }
}
