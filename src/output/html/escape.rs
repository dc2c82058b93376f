//! Text from the project — file names, routes, code, messages quoting code — is hostile until
//! escaped: a file may well be named `<img src=x onerror=alert(1)>.js`. Every string the HTML
//! report takes from a report goes through [`escape`] (text and attribute values) or
//! [`script_json`] (the data block the script reads); nothing is written raw.

use serde::Serialize;

use crate::output::sanitize;

/// Escapes text for an HTML element or a double- or single-quoted attribute value: `&`, `<`,
/// `>`, `"` and `'` become character references. Control characters and bidi overrides, which
/// could disguise what the code says, become visible symbols as in the terminal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(sanitize::replacement(c).unwrap_or(c)),
        }
    }
    out
}

/// Escapes a message for an element, with `` `code` `` spans (as messages write names and code)
/// shown as `<code>`. A lone backtick stays a backtick.
pub fn rich(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    // An even number of backticks splits into an odd number of parts.
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if i % 2 == 1 && (paired || !last) {
            out.push_str("<code>");
            out.push_str(&escape(part));
            out.push_str("</code>");
        } else {
            // The unpaired last backtick, shown as it is.
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&escape(part));
        }
    }
    out
}

/// A value as JSON safe inside `<script type="application/json">`: a `<` could end the element
/// (`</script>`) or open a comment (`<!--`), so every one is written as the JSON escape
/// `\u003c`, which parses back to `<`. Control characters and bidi overrides are made visible
/// in every string, as in [`escape`].
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            // JSON has already escaped C0 controls; the rest would reach the page as they are.
            c => out.push(sanitize::replacement(c).unwrap_or(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>.js"),
            "&lt;img src=x onerror=alert(1)&gt;.js"
        );
        assert_eq!(
            escape(r#"a "b" & 'c' </script>"#),
            "a &quot;b&quot; &amp; &#39;c&#39; &lt;/script&gt;"
        );
        assert_eq!(escape("加微信 tt.pay({})"), "加微信 tt.pay({})");
        assert_eq!(escape("&amp;"), "&amp;amp;", "already escaped text is text");
    }

    #[test]
    fn controls_and_bidi_overrides_become_visible() {
        assert_eq!(escape("a\u{1b}[31mb\tc\n"), "a\u{241b}[31mb\tc\n");
        assert_eq!(escape("x\u{202e}y"), "x\u{fffd}y");
    }

    #[test]
    fn code_spans_are_code_and_still_escaped() {
        assert_eq!(
            rich("`tt.pay` is offline"),
            "<code>tt.pay</code> is offline"
        );
        assert_eq!(
            rich("`<b>` and `a&b`"),
            "<code>&lt;b&gt;</code> and <code>a&amp;b</code>"
        );
        assert_eq!(rich("one ` tick"), "one ` tick");
        assert_eq!(
            rich("`a` then ` alone"),
            "<code>a</code> then ` alone",
            "an unpaired backtick after a pair"
        );
        assert_eq!(rich("no code"), "no code");
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let json =
            script_json(&serde_json::json!({"file": "</script><script>alert(1)</script><!--"}));
        assert!(!json.contains('<'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["file"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn script_json_hides_bidi_overrides() {
        let json = script_json(&"x\u{202e}y");
        assert_eq!(json, "\"x\u{fffd}y\"");
    }
}
