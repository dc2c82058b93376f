//! What the drainage rules share: the clipboard calls they inspect, and the text around them.

use crate::base::data;
use crate::syntax::js::facts::{Access, ApiUse, FnId, JsFacts};

/// A `tt.setClipboardData({ data: '…' })` call with a literal value, shipping to Douyin.
pub struct ClipboardCopy<'a> {
    pub api: &'a ApiUse,
    pub value: &'a str,
    pub value_span: crate::base::source::Span,
}

pub fn clipboard_copies(facts: &JsFacts) -> impl Iterator<Item = ClipboardCopy<'_>> {
    facts.api_uses.iter().filter_map(|api| {
        if api.api.member != data::SET_CLIPBOARD_DATA
            || api.access != Access::Call
            || !api.target.ships_to_douyin()
        {
            return None;
        }
        let data = api.options.as_ref()?.get("data")?;
        Some(ClipboardCopy {
            api,
            value: data.string.as_deref()?,
            value_span: data.value_span,
        })
    })
}

/// The outermost function around `function`: the handler a nested callback belongs to.
fn handler(facts: &JsFacts, function: Option<FnId>) -> Option<FnId> {
    let mut current = function?;
    while let Some(parent) = facts.function(current).and_then(|f| f.parent) {
        current = parent;
    }
    Some(current)
}

/// The texts of the handler a call is in (its callbacks included).
pub fn handler_texts<'a>(facts: &'a JsFacts, api: &ApiUse) -> impl Iterator<Item = &'a str> + 'a {
    let root = handler(facts, api.function);
    facts
        .texts
        .iter()
        .filter(move |t| match root {
            Some(root) => facts.within(t.function, root),
            None => t.function.is_none(),
        })
        .map(|t| &*t.text)
}
