//! The rule registry: every rule's metadata and detection, one module per rule.
//!
//! A rule sees parsed files and the facts extracted from them ([`FileContext`]) or the whole
//! mini-program ([`ProjectContext`]); it never touches the file system, the output format or the
//! config file. Its severity is applied by the engine at report time.

use std::fmt;

use serde::Serialize;

use crate::context::{FileContext, ProjectContext};
use crate::diagnostic::{Diagnostic, Severity};

mod deprecated_trade_api;
mod deprecated_tt_pay;
mod drainage_contact;
mod drainage_external_link;
mod drainage_qrcode;
mod im_button_invalid;
mod ios_payment_redirect;
mod ios_platform_value;
mod ios_virtual_payment;
mod missing_file;
mod navigate_to_mini_program;
mod non_douyin_payment_api;
mod parse_error;
mod trade_missing_customer_service;
mod trade_page_missing_customer_service;
mod trade_prerequisites;
mod unused_suppression;
mod wechat_only_feature;

#[cfg(test)]
pub(crate) mod test_support;

pub use missing_file::MISSING_FILE;
pub use parse_error::PARSE_ERROR;
pub use unused_suppression::UNUSED_SUPPRESSION;

/// The area of the platform rules a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Payment,
    Ios,
    Drainage,
    Service,
    Deposit,
    Engine,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::Ios => "ios",
            Self::Drainage => "drainage",
            Self::Service => "service",
            Self::Deposit => "deposit",
            Self::Engine => "engine",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every rule declares about itself. Ids are stable: never rename or reuse one.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub default_severity: Severity,
    pub category: Category,
    /// One line, shown by `ttlint rules`.
    pub summary: &'static str,
    /// The platform page the rule rests on.
    pub url: &'static str,
    /// Full documentation in Markdown with fixed headings (what it does, why, example, use
    /// instead, references); shown by `ttlint explain`.
    pub docs: &'static str,
}

/// A lint rule. Both passes are optional: most rules use one.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// Runs once per linted file, in parallel across files.
    fn check_file(&self, _cx: &FileContext<'_>, _out: &mut Vec<Diagnostic>) {}

    /// Runs once per mini-program, after every file has been loaded.
    fn check_project(&self, _cx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {}
}

/// Rules that run inside the engine (parse errors, missing files, suppressions) have metadata and
/// documentation like any other rule but no detection of their own here.
struct EngineRule(&'static RuleMeta);

impl Rule for EngineRule {
    fn meta(&self) -> &'static RuleMeta {
        self.0
    }
}

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
    &trade_missing_customer_service::TradeMissingCustomerService,
    &trade_page_missing_customer_service::TradePageMissingCustomerService,
    &im_button_invalid::ImButtonInvalid,
    &trade_prerequisites::TradePrerequisites,
    &EngineRule(&PARSE_ERROR),
    &EngineRule(&MISSING_FILE),
    &EngineRule(&UNUSED_SUPPRESSION),
];

/// Every rule, in catalogue order.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// The metadata of a rule id, if it exists.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).find(|m| m.id == id)
}
