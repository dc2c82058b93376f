//! How names are cased across the dialects: component and attribute names as written in
//! PascalCase or camelCase (`PayPanel`, `openType`) meet the kebab case of templates and of the
//! rule data (`pay-panel`, `open-type`).

use std::borrow::Cow;

/// Vue's `hyphenate`: a capital letter after a letter, digit or `_` starts a new word
/// (`PayPanel` → `pay-panel`, `openType` → `open-type`); names already in kebab case and
/// built-in components (`web-view`) are unchanged, and not copied.
pub fn hyphenate(name: &str) -> Cow<'_, str> {
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous_is_word = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && previous_is_word {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
        previous_is_word = c.is_ascii_alphanumeric() || c == '_';
    }
    Cow::Owned(out)
}
