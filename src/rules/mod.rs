//! The rule registry: every rule's metadata and detection, one module per rule.
//!
//! A rule sees parsed files and the facts extracted from them ([`FileContext`]) or the whole
//! mini-program ([`ProjectContext`]); it never touches the file system, the output format or the
//! config file. Its severity is applied by the engine at report time.

use crate::base::message::{Codes, Message};
use crate::base::messages;
use crate::base::meta::RuleMeta;
use crate::base::suggest;
pub use rule::Rule;

mod deprecated_trade_api;
mod deprecated_tt_pay;
pub(crate) mod docs;
mod drainage_contact;
mod drainage_external_link;
mod drainage_phone;
mod drainage_qrcode;
mod evidence;
mod im_button_invalid;
mod induced_share;
mod internal_error;
mod ios_payment_redirect;
mod ios_platform_value;
mod ios_virtual_payment;
mod missing_file;
mod navigate_to_mini_program;
mod non_douyin_payment_api;
mod parse_error;
pub(crate) mod rule;
mod trade_missing_customer_service;
mod trade_page_missing_customer_service;
mod trade_prerequisites;
pub(crate) mod unused_suppression;
mod wechat_only_feature;

#[cfg(test)]
pub(crate) mod tester;

pub use internal_error::InternalError;
pub use unused_suppression::UnusedSuppression;

static RULES: &[&dyn Rule] = &[
    &deprecated_tt_pay::DeprecatedTtPay,
    &non_douyin_payment_api::NonDouyinPaymentApi,
    &deprecated_trade_api::DeprecatedTradeApi,
    &ios_virtual_payment::IosVirtualPayment,
    &ios_payment_redirect::IosPaymentRedirect,
    &ios_platform_value::IosPlatformValue,
    &drainage_contact::DrainageContact,
    &drainage_qrcode::DrainageQrcode,
    &drainage_external_link::DrainageExternalLink,
    &navigate_to_mini_program::NavigateToMiniProgram,
    &wechat_only_feature::WechatOnlyFeature,
    &drainage_phone::DrainagePhone,
    &induced_share::InducedShare,
    &trade_missing_customer_service::TradeMissingCustomerService,
    &trade_page_missing_customer_service::TradePageMissingCustomerService,
    &im_button_invalid::ImButtonInvalid,
    &trade_prerequisites::TradePrerequisites,
    &parse_error::ParseError,
    &missing_file::MissingFile,
    &internal_error::InternalError,
    &unused_suppression::UnusedSuppression,
];

/// Findings no comment can hide: a file that could not be parsed was not checked, and a rule
/// that failed checked nothing.
pub const UNSUPPRESSIBLE: &[&str] = &["parse-error", "internal-error"];

/// Rules whose level cannot be changed: a silent failure would look like a clean result.
pub const ALWAYS_ON: &[&str] = &["internal-error"];

/// Every rule, in catalogue order.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// The rule ids a mistyped one may have meant, best first.
pub fn similar(id: &str) -> Vec<String> {
    suggest::similar(id, RULES.iter().map(|r| r.meta().id))
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// An unknown rule id in a file (`ttlint.json`, the baseline), with the ids it may have meant.
pub fn unknown(id: &str) -> Message {
    let similar = similar(id);
    if similar.is_empty() {
        messages::config_unknown_rule(id)
    } else {
        messages::config_unknown_rule_similar(id, Codes(similar))
    }
}

/// The metadata of a rule id, if it exists.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).find(|m| m.id == id)
}
