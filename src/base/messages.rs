//! The typed constructors of every message in `locales/*.ftl`: one function per message id, its
//! parameters named as in the catalogue. A rule says `messages::deprecated_tt_pay_call(api)`;
//! the words live in the catalogue. A test checks that this list and every `.ftl` file name the
//! same ids with the same parameters.

use super::message::{Arg, Message};

macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident ( $($param:ident),* ) = $id:literal; )*) => {
        $(
            $(#[$doc])*
            pub fn $name($($param: impl Into<Arg>),*) -> Message {
                Message::new($id, vec![$((stringify!($param), $param.into())),*])
            }
        )*

        /// Every message id with its parameter names, in declaration order.
        pub const ALL: &[(&str, &[&str])] = &[$(($id, &[$(stringify!($param)),*])),*];
    };
}

messages! {
    // Labels of related locations.
    label_trades_here(what) = "label-trades-here";
    label_customer_service_on(route) = "label-customer-service-on";
    label_calls_payment() = "label-calls-payment";
    label_pays_here(api) = "label-pays-here";
    label_hands_over_payment() = "label-hands-over-payment";
    label_shows_payment(flag) = "label-shows-payment";
    label_opened_here(flag) = "label-opened-here";

    deprecated_tt_pay_call(api) = "deprecated-tt-pay-call";
    deprecated_tt_pay_value(api) = "deprecated-tt-pay-value";
    deprecated_tt_pay_destructure(member, object, api) = "deprecated-tt-pay-destructure";
    deprecated_tt_pay_wrapper(api) = "deprecated-tt-pay-wrapper";
    deprecated_tt_pay_help() = "deprecated-tt-pay-help";
    deprecated_tt_pay_wrapper_help(api) = "deprecated-tt-pay-wrapper-help";
    deprecated_tt_pay_taro(api) = "deprecated-tt-pay-taro";
    deprecated_tt_pay_taro_help() = "deprecated-tt-pay-taro-help";

    non_douyin_payment_api_wx(api) = "non-douyin-payment-api-wx";
    non_douyin_payment_api_wechat_params(api) = "non-douyin-payment-api-wechat-params";
    non_douyin_payment_api_toutiao(api) = "non-douyin-payment-api-toutiao";
    non_douyin_payment_api_missing(api) = "non-douyin-payment-api-missing";
    non_douyin_payment_api_jsapi(api) = "non-douyin-payment-api-jsapi";
    non_douyin_payment_api_jsapi_shipped(api) = "non-douyin-payment-api-jsapi-shipped";
    non_douyin_payment_api_help() = "non-douyin-payment-api-help";

    /// `status`: `deprecated`, `soon-deprecated` or `unmaintained`.
    deprecated_trade_api_api(api, status) = "deprecated-trade-api-api";
    deprecated_trade_api_using(path, tag, status) = "deprecated-trade-api-using";
    deprecated_trade_api_builtin(tag, status) = "deprecated-trade-api-builtin";
    deprecated_trade_api_tag(tag, status) = "deprecated-trade-api-tag";
    deprecated_trade_api_help(replacement) = "deprecated-trade-api-help";

    ios_virtual_payment_component(route, goods, tag) = "ios-virtual-payment-component";
    ios_virtual_payment_handler(route, goods, handler) = "ios-virtual-payment-handler";
    ios_virtual_payment_inline(route, goods, event) = "ios-virtual-payment-inline";
    ios_virtual_payment_lifecycle(route, goods, lifecycle) = "ios-virtual-payment-lifecycle";
    /// `framework` is `native`, `uni-app` or `taro`: the advice is written in its dialect.
    ios_virtual_payment_help(framework) = "ios-virtual-payment-help";

    ios_payment_redirect(found) = "ios-payment-redirect";
    ios_payment_redirect_help() = "ios-payment-redirect-help";

    ios_platform_value(literal) = "ios-platform-value";
    ios_platform_value_help() = "ios-platform-value-help";

    drainage_contact_text(found) = "drainage-contact-text";
    drainage_contact_clipboard(value) = "drainage-contact-clipboard";
    drainage_contact_help() = "drainage-contact-help";

    drainage_qrcode_text(found) = "drainage-qrcode-text";
    drainage_qrcode_image() = "drainage-qrcode-image";
    drainage_qrcode_help() = "drainage-qrcode-help";

    drainage_external_link_download(found) = "drainage-external-link-download";
    drainage_external_link_download_help() = "drainage-external-link-download-help";
    drainage_external_link_http(url) = "drainage-external-link-http";
    drainage_external_link_http_help() = "drainage-external-link-http-help";
    drainage_external_link_browser(url) = "drainage-external-link-browser";
    drainage_external_link_browser_help() = "drainage-external-link-browser-help";
    drainage_external_link_third_party(host) = "drainage-external-link-third-party";
    drainage_external_link_third_party_help() = "drainage-external-link-third-party-help";

    navigate_to_mini_program_too_many(count, max) = "navigate-to-mini-program-too-many";
    navigate_to_mini_program_too_many_help(max) = "navigate-to-mini-program-too-many-help";
    navigate_to_mini_program_wechat_id(app_id) = "navigate-to-mini-program-wechat-id";
    navigate_to_mini_program_wechat_id_help() = "navigate-to-mini-program-wechat-id-help";
    navigate_to_mini_program_no_list(api, config) = "navigate-to-mini-program-no-list";
    navigate_to_mini_program_no_list_help(config, max) = "navigate-to-mini-program-no-list-help";
    navigate_to_mini_program_unlisted(app_id, config) = "navigate-to-mini-program-unlisted";
    navigate_to_mini_program_unlisted_help(config, max) = "navigate-to-mini-program-unlisted-help";

    wechat_only_feature_copy(found) = "wechat-only-feature-copy";
    wechat_only_feature_copy_help() = "wechat-only-feature-copy-help";
    wechat_only_feature_official_account() = "wechat-only-feature-official-account";
    wechat_only_feature_official_account_help() = "wechat-only-feature-official-account-help";
    wechat_only_feature_contact() = "wechat-only-feature-contact";
    wechat_only_feature_contact_help() = "wechat-only-feature-contact-help";
    /// `effect` is `condition`, `loop`, `key` or `other`: what Douyin loses by ignoring it.
    wechat_only_feature_directive(directive, effect) = "wechat-only-feature-directive";
    wechat_only_feature_directive_help(replacement) = "wechat-only-feature-directive-help";
    wechat_only_feature_wx_call(api) = "wechat-only-feature-wx-call";
    wechat_only_feature_wx_call_help(douyin) = "wechat-only-feature-wx-call-help";
    wechat_only_feature_wx_call_no_equivalent_help(douyin) = "wechat-only-feature-wx-call-no-equivalent-help";
    wechat_only_feature_wxml(route) = "wechat-only-feature-wxml";
    wechat_only_feature_wxml_help(route) = "wechat-only-feature-wxml-help";

    trade_missing_customer_service() = "trade-missing-customer-service";
    trade_missing_customer_service_help(framework) = "trade-missing-customer-service-help";

    trade_page_missing_customer_service_trade(route, served) = "trade-page-missing-customer-service-trade";
    trade_page_missing_customer_service_order(route, served) = "trade-page-missing-customer-service-order";
    trade_page_missing_customer_service_help(framework) = "trade-page-missing-customer-service-help";
    trade_page_missing_customer_service_hidden(served) = "trade-page-missing-customer-service-hidden";
    trade_page_missing_customer_service_hidden_help() = "trade-page-missing-customer-service-hidden-help";

    im_button_invalid_missing_id() = "im-button-invalid-missing-id";
    im_button_invalid_empty_id() = "im-button-invalid-empty-id";
    im_button_invalid_placeholder_id(value) = "im-button-invalid-placeholder-id";
    /// `error_handler`: `present` or `missing` (adds a hint to handle a failed launch).
    im_button_invalid_id_help(error_handler) = "im-button-invalid-id-help";
    im_button_invalid_card_needs_id(kind, required) = "im-button-invalid-card-needs-id";
    im_button_invalid_card_needs_id_help(required, kind, error_handler) = "im-button-invalid-card-needs-id-help";
    im_button_invalid_unknown_card(kind) = "im-button-invalid-unknown-card";
    im_button_invalid_unknown_card_help(known, error_handler) = "im-button-invalid-unknown-card-help";

    trade_prerequisites(count) = "trade-prerequisites";
    trade_prerequisites_help() = "trade-prerequisites-help";

    parse_error_unreadable(reason) = "parse-error-unreadable";
    parse_error_not_utf8() = "parse-error-not-utf8";
    parse_error_not_utf8_help() = "parse-error-not-utf8-help";
    parse_error_too_deep(limit) = "parse-error-too-deep";
    parse_error_too_deep_help() = "parse-error-too-deep-help";
    parse_error_script(message) = "parse-error-script";
    parse_error_json(message) = "parse-error-json";
    parse_error_syntax_help() = "parse-error-syntax-help";
    parse_error_template(message) = "parse-error-template";
    parse_error_template_help() = "parse-error-template-help";

    missing_file_page(route, config) = "missing-file-page";
    missing_file_page_template(route) = "missing-file-page-template";
    missing_file_component(tag, path) = "missing-file-component";
    missing_file_template(src) = "missing-file-template";
    missing_file_module(specifier) = "missing-file-module";
    missing_file_help() = "missing-file-help";

    internal_error(rule, what) = "internal-error";
    internal_error_help() = "internal-error-help";

    unused_suppression_directive() = "unused-suppression-directive";
    unused_suppression_directive_help() = "unused-suppression-directive-help";
    unused_suppression_unknown_rule(rule) = "unused-suppression-unknown-rule";
    unused_suppression_unknown_rule_help() = "unused-suppression-unknown-rule-help";
    unused_suppression_rule(rule) = "unused-suppression-rule";
    unused_suppression_rule_help() = "unused-suppression-rule-help";

    // Why a file was not linted (`--show-files`).
    skipped_unreachable() = "skipped-unreachable";
    skipped_build_output() = "skipped-build-output";
    skipped_tooling() = "skipped-tooling";
    skipped_other_platform() = "skipped-other-platform";
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// The messages of an `.ftl` file and the variables each one uses: a message starts at a
    /// line `id = …` and runs over the indented lines after it and the `}` closing a selector.
    fn ftl_messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let variable = regex::Regex::new(r"\$([a-zA-Z][a-zA-Z0-9_-]*)").unwrap();
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                current = None;
                continue;
            }
            let text = if line.starts_with(' ') || line.starts_with('}') {
                line
            } else {
                let (id, value) = line.split_once(" = ").expect("`id = value`");
                current = Some(id.to_string());
                out.entry(id.to_string()).or_default();
                value
            };
            let id = current
                .as_ref()
                .expect("a continuation line follows a message");
            let vars = out.entry(id.clone()).or_default();
            vars.extend(variable.captures_iter(text).map(|c| c[1].to_string()));
        }
        out
    }

    #[test]
    fn constructors_and_the_english_catalogue_agree() {
        let ftl = ftl_messages(include_str!("../../locales/en.ftl"));
        let declared: BTreeMap<String, BTreeSet<String>> = ALL
            .iter()
            .map(|(id, params)| {
                (
                    id.to_string(),
                    params.iter().map(|p| p.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(
            declared.keys().collect::<Vec<_>>(),
            ftl.keys().collect::<Vec<_>>(),
            "the same ids in src/base/messages.rs and locales/en.ftl"
        );
        for (id, params) in &declared {
            assert_eq!(&ftl[id], params, "the parameters of `{id}`");
        }
    }

    /// Advice must never send users to an API Douyin does not have: every `tt.<name>` the
    /// catalogue names is in `rules/douyin-api.json`.
    #[test]
    fn the_catalogue_names_only_douyin_apis_that_exist() {
        let data = crate::base::data::RuleData::default();
        let api = regex::Regex::new(r"\btt\.([A-Za-z_][A-Za-z0-9_]*)").expect("a valid pattern");
        let ftl = include_str!("../../locales/en.ftl");
        let missing: BTreeSet<&str> = api
            .captures_iter(ftl)
            .filter_map(|c| c.get(1))
            .map(|m| m.as_str())
            .filter(|name| !data.douyin_has(name))
            .collect();
        assert!(missing.is_empty(), "not Douyin APIs: {missing:?}");
    }
}
