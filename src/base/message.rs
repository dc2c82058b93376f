//! The message catalogue: every text a finding carries is a [`Message`] — an id in
//! `locales/*.ftl` and named arguments — made by a typed constructor in
//! [`crate::base::messages`] and rendered in the run's language only when output is written.
//!
//! Rules never format text: they hand over the values (an API name, a route, a count), and the
//! catalogue decides the words, the order, plurals and list separators per language. Findings
//! stay comparable across languages (fingerprints never read the text).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const ENGLISH: &str = include_str!("../../locales/en.ftl");

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    Text(Box<str>),
    Number(i64),
    /// Items joined with the language's list separator.
    List(Box<[Box<str>]>),
    /// Names or code, each shown as code (`` `a` ``), joined with the list separator.
    Codes(Box<[Box<str>]>),
}

/// A list of names or code, each shown as code: routes, ids, attribute values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes(pub Vec<String>);

impl From<Codes> for Arg {
    fn from(Codes(items): Codes) -> Self {
        Self::Codes(items.into_iter().map(String::into_boxed_str).collect())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Self::Text(value.into())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Self::Text(value.into())
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Self::Text(value.as_str().into())
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Self::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<Vec<String>> for Arg {
    fn from(items: Vec<String>) -> Self {
        Self::List(items.into_iter().map(String::into_boxed_str).collect())
    }
}

/// A message id with its arguments, rendered by a [`Catalogue`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Message {
    id: &'static str,
    args: Box<[(&'static str, Arg)]>,
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self {
            id,
            args: args.into_boxed_slice(),
        }
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}

/// A language ttlint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    fn source(self) -> &'static str {
        match self {
            Self::En => ENGLISH,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
        }
    }

    fn list_separator(self) -> &'static str {
        match self {
            Self::En => ", ",
        }
    }
}

/// The messages of one language, parsed once.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Catalogue {
    /// The catalogue of `lang`. The `.ftl` files are part of the binary and checked by tests,
    /// so a failure here is a bug in ttlint.
    pub fn new(lang: Lang) -> Self {
        let resource = FluentResource::try_new(lang.source().to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl: {errors:?}", lang.tag()));
        let id: LanguageIdentifier = lang
            .tag()
            .parse()
            .unwrap_or_else(|e| panic!("language tag {}: {e}", lang.tag()));
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Terminals and editors show Unicode isolation marks as stray characters.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{}.ftl: {errors:?}", lang.tag()));
        Self { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message in this language. A message missing from the catalogue renders as its id
    /// (a test keeps every id present).
    pub fn render(&self, message: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(message.id).and_then(|m| m.value()) else {
            return message.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in message.args.iter() {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.to_string()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::List(items) => FluentValue::from(items.join(self.lang.list_separator())),
                Arg::Codes(items) => FluentValue::from(
                    items
                        .iter()
                        .map(|item| format!("`{item}`"))
                        .collect::<Vec<_>>()
                        .join(self.lang.list_separator()),
                ),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_render_with_their_arguments() {
        let catalogue = Catalogue::new(Lang::En);
        let m = Message::new("deprecated-tt-pay-call", vec![("api", "tt.pay".into())]);
        assert_eq!(
            catalogue.render(&m),
            "`tt.pay` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments"
        );
        let plural = |n: usize| {
            catalogue.render(&Message::new(
                "trade-prerequisites",
                vec![("count", n.into())],
            ))
        };
        assert!(plural(1).starts_with("this mini-program trades (1 place)"));
        assert!(plural(3).starts_with("this mini-program trades (3 places)"));
        let list = Message::new(
            "trade-page-missing-customer-service-hidden",
            vec![("served", Codes(vec!["a".into(), "b".into()]).into())],
        );
        assert!(
            catalogue
                .render(&list)
                .contains("renders only on `a`, `b`, not")
        );
    }

    #[test]
    fn literal_braces_survive() {
        let catalogue = Catalogue::new(Lang::En);
        let help = catalogue.render(&Message::new("ios-virtual-payment-help", vec![]));
        assert!(help.contains("`tt:if=\"{{!isIOS}}\"`"), "{help}");
    }
}
