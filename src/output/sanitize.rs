//! Terminal safety: source text and messages may contain control characters (ANSI escapes, a
//! carriage return that rewinds the line, bidi overrides). Pretty output shows them as visible
//! symbols so that a linted file can never restyle or rewrite the user's terminal.

/// The visible replacement of a character that must not reach a terminal, if any.
pub fn replacement(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        // C0 controls map onto the Control Pictures block (U+2400..U+241F), DEL onto U+2421.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls, bidi embeddings/overrides/isolates, and line/paragraph separators.
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2028}'
        | '\u{2029}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every unsafe character replaced (newlines and tabs kept).
pub fn clean(text: &str) -> String {
    text.chars().map(|c| replacement(c).unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_carriage_returns_become_visible() {
        assert_eq!(
            clean("a\u{1b}[31mb\rc\td\n"),
            "a\u{241b}[31mb\u{240d}c\td\n"
        );
        assert_eq!(clean("x\u{202e}y"), "x\u{fffd}y");
        assert_eq!(clean("加微信"), "加微信");
    }
}
