//! JSON with positions. `app.json` findings must point at the entry in `app.json`, and serde_json
//! forgets where values were; this tree (built on `jsonc-parser`'s AST) keeps a span on every value
//! and key.

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use crate::base::source::Span;
use crate::syntax::comment::Comment;
use crate::syntax::syntax_error::SyntaxError;

#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub span: Span,
    pub value: JsonValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Json,
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.value {
            JsonValue::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            JsonValue::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            JsonValue::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The member `key` of an object (the last one, as JSON.parse keeps).
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }

    /// A short name for the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }
}

/// Which JSON dialect to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// What the Douyin developer tools accept in `app.json` and page files: plain JSON.
    Strict,
    /// What ttlint accepts in its own config: comments and trailing commas.
    WithComments,
}

/// A parsed JSON document: its value (absent for an empty document) and its comments.
#[derive(Debug, Clone, Default)]
pub struct JsonDoc {
    pub value: Option<Json>,
    pub comments: Vec<Comment>,
}

/// Parses `text`, which starts at byte `base` of its file.
pub fn parse(text: &str, base: usize, dialect: Dialect) -> Result<JsonDoc, SyntaxError> {
    let lenient = dialect == Dialect::WithComments;
    let options = ParseOptions {
        allow_comments: lenient,
        allow_loose_object_property_names: false,
        allow_trailing_commas: lenient,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        ..ParseOptions::default()
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Separate,
        tokens: false,
    };
    let result = jsonc_parser::parse_to_ast(text, &collect, &options).map_err(|e| {
        let range = e.range();
        SyntaxError {
            span: Span::new(base + range.start, base + range.end.max(range.start + 1)),
            message: e.kind().to_string(),
        }
    })?;
    let mut comments: Vec<Comment> = result
        .comments
        .iter()
        .flat_map(|map| map.values())
        .flat_map(|list| list.iter())
        .map(|c| {
            let range = c.range();
            let (text, block) = match c {
                jsonc_parser::ast::Comment::Line(l) => (l.text, false),
                jsonc_parser::ast::Comment::Block(b) => (b.text, true),
            };
            Comment {
                span: Span::new(base + range.start, base + range.end),
                text: text.to_string(),
                block,
            }
        })
        .collect();
    comments.sort_by_key(|c| c.span.start());
    comments.dedup_by_key(|c| c.span.start());
    Ok(JsonDoc {
        value: result.value.map(|v| convert(&v, base)),
        comments,
    })
}

fn span(range: jsonc_parser::common::Range, base: usize) -> Span {
    Span::new(base + range.start, base + range.end)
}

/// Converts the borrowed AST into the owned tree. Recursion is bounded: `jsonc-parser` rejects
/// documents nested deeper than 512 levels.
fn convert(value: &Value<'_>, base: usize) -> Json {
    let (range, value) = match value {
        Value::NullKeyword(n) => (n.range, JsonValue::Null),
        Value::BooleanLit(b) => (b.range, JsonValue::Bool(b.value)),
        Value::NumberLit(n) => (n.range, JsonValue::Number(n.value.to_string())),
        Value::StringLit(s) => (s.range, JsonValue::String(s.value.to_string())),
        Value::Array(a) => (
            a.range,
            JsonValue::Array(a.elements.iter().map(|e| convert(e, base)).collect()),
        ),
        Value::Object(o) => (
            o.range,
            JsonValue::Object(
                o.properties
                    .iter()
                    .map(|p| {
                        let (key, key_range) = match &p.name {
                            ObjectPropName::String(s) => (s.value.to_string(), s.range),
                            ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                        };
                        Member {
                            key,
                            key_span: span(key_range, base),
                            value: convert(&p.value, base),
                        }
                    })
                    .collect(),
            ),
        ),
    };
    Json {
        span: span(range, base),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_spans() {
        let text = "{\n  \"pages\": [\"pages/index/index\", \"pages/pay/pay\"]\n}";
        let doc = parse(text, 0, Dialect::Strict).unwrap();
        let root = doc.value.unwrap();
        let pages = root.get("pages").unwrap().as_array().unwrap();
        assert_eq!(
            &text[pages[1].span.start()..pages[1].span.end()],
            "\"pages/pay/pay\""
        );
        assert_eq!(pages[1].as_str(), Some("pages/pay/pay"));
        let key = root.member("pages").unwrap().key_span;
        assert_eq!(&text[key.start()..key.end()], "\"pages\"");
    }

    #[test]
    fn strict_json_rejects_comments_and_trailing_commas() {
        let err = parse("{ \"a\": 1, }", 0, Dialect::Strict).unwrap_err();
        assert!(
            err.message.to_lowercase().contains("trailing comma"),
            "{}",
            err.message
        );
        assert!(parse("// c\n{ \"a\": 1 }", 0, Dialect::Strict).is_err());
    }

    #[test]
    fn config_json_keeps_comments() {
        let doc = parse("{\n // note\n \"a\": 1,\n}", 5, Dialect::WithComments).unwrap();
        assert_eq!(doc.comments.len(), 1);
        assert_eq!(doc.comments[0].text, " note");
        assert_eq!(doc.comments[0].span.start(), 8);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let err = parse("{\"a\": }", 10, Dialect::Strict).unwrap_err();
        assert_eq!(err.span.start(), 16);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&text, 0, Dialect::Strict).is_err());
    }
}
