//! Rule data: the API names, component lists, keywords and domains rules match against.
//!
//! The lists live in `rules/*.json` at the top of the repository, are embedded in the binary, and
//! are parsed once per run. A project extends them from `ttlint.json` (`"data": { list: [...] }`),
//! so a platform change or a project's own wrapper is a data edit, not a code change.

use serde::Deserialize;

use crate::config::DataExtensions;

const PAYMENT: &str = include_str!("../rules/payment.json");

/// The lists a project may extend from `ttlint.json`.
pub const EXTENSIBLE_LISTS: &[&str] =
    &["offlinePaymentApis", "offlinePaymentWrappers", "tradeApis"];

/// Payment and trade APIs (`rules/payment.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentData {
    pub offline_payment_apis: Vec<String>,
    pub offline_payment_wrappers: Vec<String>,
    pub trade_apis: Vec<String>,
}

/// All rule data of a run: the built-in lists plus the project's extensions.
#[derive(Debug, Clone)]
pub struct RuleData {
    pub payment: PaymentData,
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
        for (name, values) in &extensions.lists {
            let list = match name.as_str() {
                "offlinePaymentApis" => &mut payment.offline_payment_apis,
                "offlinePaymentWrappers" => &mut payment.offline_payment_wrappers,
                "tradeApis" => &mut payment.trade_apis,
                _ => continue,
            };
            list.extend(values.iter().cloned());
        }
        Self { payment }
    }
}

impl Default for RuleData {
    fn default() -> Self {
        Self::new(&DataExtensions::default())
    }
}

/// Whether `global.member` is in a list of `global.member` names.
pub fn lists_api(list: &[String], global: &str, member: &str) -> bool {
    list.iter().any(|entry| {
        entry
            .split_once('.')
            .is_some_and(|(g, m)| g == global && m == member)
    })
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
