//! Rule data: the API names, component lists, keywords and domains rules match against.
//!
//! The lists live in `rules/*.json` at the top of the repository, are embedded in the binary, and
//! are parsed once per run. A project extends them from `ttlint.json` (`"data": { list: [...] }`),
//! so a platform change or a project's own wrapper is a data edit, not a code change.

use serde::Deserialize;

use crate::config::DataExtensions;

const PAYMENT: &str = include_str!("../rules/payment.json");
const DEPRECATED_TRADE: &str = include_str!("../rules/deprecated-trade.json");
const CUSTOMER_SERVICE: &str = include_str!("../rules/customer-service.json");

/// The lists a project may extend from `ttlint.json`.
pub const EXTENSIBLE_LISTS: &[&str] = &[
    "offlinePaymentApis",
    "offlinePaymentWrappers",
    "foreignPaymentApis",
    "tradeApis",
    "payComponents",
    "orderWords",
    "personalWords",
];

/// Payment and trade APIs (`rules/payment.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentData {
    pub offline_payment_apis: Vec<String>,
    pub offline_payment_wrappers: Vec<String>,
    pub foreign_payment_apis: Vec<String>,
    pub wechat_payment_keys: Vec<String>,
    pub trade_apis: Vec<String>,
    pub pay_components: Vec<String>,
}

/// How far along its way out a trade API or component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 已废弃.
    Deprecated,
    /// 即将废弃.
    SoonDeprecated,
    /// No longer maintained.
    Unmaintained,
}

impl Status {
    pub fn describe(self) -> &'static str {
        match self {
            Self::Deprecated => "deprecated (已废弃)",
            Self::SoonDeprecated => "about to be deprecated (即将废弃)",
            Self::Unmaintained => "no longer maintained",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedApi {
    pub name: String,
    pub status: Status,
    pub replacement: String,
}

/// A deprecated component: the built-in tag, a `usingComponents` path, or a path fragment.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedComponent {
    #[serde(default)]
    pub builtin_tag: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub path_contains: Option<String>,
    pub status: Status,
    pub replacement: String,
}

impl DeprecatedComponent {
    /// Whether a `usingComponents` path names this component.
    pub fn matches_path(&self, path: &str) -> bool {
        self.path.as_deref() == Some(path)
            || self
                .path_contains
                .as_deref()
                .is_some_and(|p| path.contains(p))
    }
}

/// Deprecated trade components and APIs (`rules/deprecated-trade.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedTradeData {
    pub apis: Vec<DeprecatedApi>,
    pub components: Vec<DeprecatedComponent>,
}

/// Douyin IM customer service (`rules/customer-service.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerServiceData {
    pub im_open_types: Vec<String>,
    pub placeholder_ids: Vec<String>,
    pub card_types: std::collections::BTreeMap<String, String>,
    pub order_words: Vec<String>,
    pub personal_words: Vec<String>,
}

/// All rule data of a run: the built-in lists plus the project's extensions.
#[derive(Debug, Clone)]
pub struct RuleData {
    pub payment: PaymentData,
    pub deprecated_trade: DeprecatedTradeData,
    pub customer_service: CustomerServiceData,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The data files are part of the binary and covered by a test: a failure here is a bug in
    // ttlint, never a consequence of the user's input.
    jsonc_parser::parse_to_serde_value(text, &Default::default())
        .unwrap_or_else(|e| panic!("built-in rule data {name} is invalid: {e}"))
}

impl RuleData {
    /// The built-in lists extended with a project's own entries.
    pub fn new(extensions: &DataExtensions) -> Self {
        let mut payment: PaymentData = parse("rules/payment.json", PAYMENT);
        let deprecated_trade = parse("rules/deprecated-trade.json", DEPRECATED_TRADE);
        let mut customer_service: CustomerServiceData =
            parse("rules/customer-service.json", CUSTOMER_SERVICE);
        for (name, values) in &extensions.lists {
            let list = match name.as_str() {
                "offlinePaymentApis" => &mut payment.offline_payment_apis,
                "offlinePaymentWrappers" => &mut payment.offline_payment_wrappers,
                "foreignPaymentApis" => &mut payment.foreign_payment_apis,
                "tradeApis" => &mut payment.trade_apis,
                "payComponents" => &mut payment.pay_components,
                "orderWords" => &mut customer_service.order_words,
                "personalWords" => &mut customer_service.personal_words,
                _ => continue,
            };
            list.extend(values.iter().cloned());
        }
        Self {
            payment,
            deprecated_trade,
            customer_service,
        }
    }

    /// The deprecation entry of `global.member`, if any.
    pub fn deprecated_api(&self, global: &str, member: &str) -> Option<&DeprecatedApi> {
        self.deprecated_trade
            .apis
            .iter()
            .find(|a| a.name.split_once('.') == Some((global, member)))
    }
}

impl Default for RuleData {
    fn default() -> Self {
        Self::new(&DataExtensions::default())
    }
}

/// Whether `global.member` is in a list of `global.member` names.
pub fn lists_api(list: &[String], global: &str, member: &str) -> bool {
    list.iter()
        .any(|entry| entry.split_once('.') == Some((global, member)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_data_parses() {
        let data = RuleData::default();
        assert!(lists_api(&data.payment.offline_payment_apis, "tt", "pay"));
        assert!(!lists_api(
            &data.payment.offline_payment_apis,
            "tt",
            "payment"
        ));
        assert_eq!(
            data.deprecated_api("tt", "openEcCart").map(|a| a.status),
            Some(Status::Deprecated)
        );
        assert!(
            data.deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("ext://industry/pay-button"))
        );
        assert!(
            data.deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("plugin://microapp-trade-plugin/pay"))
        );
        assert!(
            !data
                .deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("tta5a3d31e3aecfb9b11://pay-button"))
        );
    }

    #[test]
    fn projects_extend_the_lists() {
        let mut ext = DataExtensions::default();
        ext.lists
            .insert("tradeApis".into(), vec!["tt.myTrade".into()]);
        let data = RuleData::new(&ext);
        assert!(lists_api(&data.payment.trade_apis, "tt", "myTrade"));
        assert!(lists_api(&data.payment.trade_apis, "tt", "requestOrder"));
    }

    #[test]
    fn every_extensible_list_is_applied() {
        for name in EXTENSIBLE_LISTS {
            let mut ext = DataExtensions::default();
            ext.lists.insert(name.to_string(), vec!["x.marker".into()]);
            let data = RuleData::new(&ext);
            let found = format!("{data:?}").contains("x.marker");
            assert!(found, "{name} is accepted in ttlint.json but never applied");
        }
    }
}
