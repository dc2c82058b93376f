//! The message catalogue: every text a finding carries is a [`Message`] — an id in
//! `locales/*.ftl` and named arguments — made by a typed constructor in
//! [`crate::base::messages`] and rendered in the run's language only when output is written.
//!
//! Rules never format text: they hand over the values (an API name, a route, a count), and the
//! catalogue decides the words, the order, plurals and list separators per language. Findings
//! stay comparable across languages (fingerprints never read the text).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const ENGLISH: &str = include_str!("../../locales/en.ftl");
const CHINESE: &str = include_str!("../../locales/zh-CN.ftl");

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    Text(Box<str>),
    Number(i64),
    /// Items joined with the language's list separator.
    List(Box<[Box<str>]>),
    /// Names or code, each shown as code (`` `a` ``), joined with the list separator.
    Codes(Box<[Box<str>]>),
    /// Text that comes from rule data rather than the catalogue, written in every language
    /// (a replacement named in `rules/deprecated-trade.json`).
    Localized(Box<Localized>),
    /// Another message, rendered in the same language: an error wrapped with its place.
    Message(Box<Message>),
}

/// A text given in each language ttlint speaks, for text that lives in rule data: the data
/// file carries both, and the catalogue picks one when it renders.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Localized {
    pub en: Box<str>,
    pub zh_cn: Box<str>,
}

impl Localized {
    pub fn new(en: impl Into<Box<str>>, zh_cn: impl Into<Box<str>>) -> Self {
        Self {
            en: en.into(),
            zh_cn: zh_cn.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::ZhCn => &self.zh_cn,
        }
    }
}

impl From<Localized> for Arg {
    fn from(value: Localized) -> Self {
        Self::Localized(Box::new(value))
    }
}

impl From<Message> for Arg {
    fn from(value: Message) -> Self {
        Self::Message(Box::new(value))
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese, the language of the Douyin platform's own rules and documentation.
    ZhCn,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The catalogue source, `locales/<tag>.ftl`.
    pub fn source(self) -> &'static str {
        match self {
            Self::En => ENGLISH,
            Self::ZhCn => CHINESE,
        }
    }

    /// The BCP 47 tag, as `--lang` and `ttlint.json` spell it and as the `.ftl` file is named.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }

    /// Joins list items: `a, b` in English, `a、b` in Chinese (the enumeration comma).
    pub fn list_separator(self) -> &'static str {
        match self {
            Self::En => ", ",
            Self::ZhCn => "、",
        }
    }

    /// A language as the user writes it: `en`, `zh-CN`, and the spellings people use for
    /// them (`zh`, `zh_CN`, `zh-Hans`, any case). `None` for a language ttlint does not speak.
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.trim().to_ascii_lowercase().replace('_', "-");
        match lower.as_str() {
            "en" | "en-us" | "en-gb" => Some(Self::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Some(Self::ZhCn),
            _ => None,
        }
    }

    /// The language of a locale name from the system or an editor (`zh_CN.UTF-8`, `zh-cn`,
    /// `en_US`, `C`): any Chinese locale reads Chinese, everything else English. Used for the
    /// environment and for the language server's `InitializeParams.locale`.
    pub fn from_locale(locale: &str) -> Self {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Self::ZhCn
        } else {
            Self::En
        }
    }

    /// The language the environment asks for, POSIX-style: the first set and non-empty of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` decides; none set means English. `var` reads a
    /// variable (`std::env::var` in the binary, a map in tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Self::En, |value| Self::from_locale(&value))
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

    /// The catalogue of `lang`, parsed once per process: the CLI, error reports and every
    /// formatter ask for it, and parsing a catalogue is not free.
    pub fn shared(lang: Lang) -> &'static Catalogue {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        static ZH_CN: OnceLock<Catalogue> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::ZhCn => &ZH_CN,
        };
        cell.get_or_init(|| Catalogue::new(lang))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments looked up by an id made at run time: the one-line summary
    /// of a rule is `rule-<rule id>-summary`, keyed by the rule rather than by a constructor.
    /// `None` when the catalogue lacks the id (a test keeps every rule's summary present).
    pub fn lookup(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
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
                Arg::Localized(text) => FluentValue::from(text.get(self.lang).to_string()),
                Arg::Message(inner) => FluentValue::from(self.render(inner)),
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
    fn chinese_renders_with_its_own_separators_and_words() {
        let zh = Catalogue::new(Lang::ZhCn);
        let m = Message::new("deprecated-tt-pay-call", vec![("api", "tt.pay".into())]);
        assert_eq!(zh.render(&m), "`tt.pay` 已下线：担保支付收银台已不再收款");
        let list = Message::new(
            "trade-page-missing-customer-service-hidden",
            vec![("served", Codes(vec!["a".into(), "b".into()]).into())],
        );
        assert!(
            zh.render(&list)
                .starts_with("抖音IM客服只出现在 `a`、`b`，")
        );
        let replacement = Localized::new("the e-commerce plugin", "电商插件");
        let help = Message::new(
            "deprecated-trade-api-help",
            vec![("replacement", replacement.into())],
        );
        assert_eq!(zh.render(&help), "请改用电商插件。");
        assert_eq!(
            Catalogue::new(Lang::En).render(&help),
            "Use the e-commerce plugin."
        );
        let nested = Message::new("cli-error", vec![("message", m.into())]);
        assert_eq!(
            zh.render(&nested),
            "错误：`tt.pay` 已下线：担保支付收银台已不再收款"
        );
    }

    #[test]
    fn languages_are_read_as_people_and_systems_write_them() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("ZH_cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        for tag in ["zh_CN.UTF-8", "zh-cn", "zh_TW", "zh"] {
            assert_eq!(Lang::from_locale(tag), Lang::ZhCn, "{tag}");
        }
        for tag in ["C", "POSIX", "en_US.UTF-8", "ja-JP", ""] {
            assert_eq!(Lang::from_locale(tag), Lang::En, "{tag}");
        }
        let env = |vars: &'static [(&'static str, &'static str)]| {
            Lang::from_env(move |name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert_eq!(env(&[]), Lang::En);
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]), Lang::ZhCn);
        assert_eq!(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]), Lang::En);
        assert_eq!(
            env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]),
            Lang::ZhCn
        );
    }

    #[test]
    fn literal_braces_survive() {
        let catalogue = Catalogue::new(Lang::En);
        let help = catalogue.render(&Message::new("ios-virtual-payment-help", vec![]));
        assert!(help.contains("`tt:if=\"{{!isIOS}}\"`"), "{help}");
    }
}
