//! The payment rules through the binary, on `fixtures/payment`: wrappers, uni-app regions,
//! deprecated components in page json, a WeChat port, and a correct trade flow.

use crate::common::{findings, findings_of, lint_json};

#[test]
fn payment_findings_and_silences() {
    let (json, code) = lint_json(&["fixtures/payment"]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        vec![
            "trade-prerequisites fixtures/payment/app.json:1:1",
            "non-douyin-payment-api fixtures/payment/pages/legacy/legacy.js:11:5",
            "deprecated-trade-api fixtures/payment/pages/legacy/legacy.js:20:5",
            "deprecated-trade-api fixtures/payment/pages/shop/shop.json:3:21",
            "deprecated-trade-api fixtures/payment/pages/shop/shop.ttml:2:4",
            "deprecated-trade-api fixtures/payment/pages/shop/shop.ttml:4:4",
            "deprecated-tt-pay fixtures/payment/utils/pay.js:4:5",
            "deprecated-tt-pay fixtures/payment/utils/uni-pay.js:14:3",
            "deprecated-tt-pay fixtures/payment/utils/uni-pay.js:22:3",
        ],
        "silent: the correct checkout, class=\"pay-button\", our own <pay-button>, the life-service plugin, \
         the commented-out tag, uni-app code for WeChat and H5, and each caller of the wrapper"
    );
}

#[test]
fn the_wrapper_is_reported_once_at_tt_pay() {
    let (json, _) = lint_json(&["fixtures/payment"]);
    assert_eq!(
        findings_of(&json, "deprecated-tt-pay")
            .iter()
            .filter(|f| f.contains("utils/pay.js"))
            .count(),
        1,
        "two pages call payOrder; the finding is where tt.pay is"
    );
}

#[test]
fn messages_name_the_replacement() {
    let (json, _) = lint_json(&["fixtures/payment"]);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let cart = diagnostics
        .iter()
        .find(|d| d["message"] == "`tt.openEcCart` is deprecated (已废弃)")
        .unwrap();
    assert!(cart["help"].as_str().unwrap().contains("e-commerce plugin"));
    let builtin = diagnostics
        .iter()
        .find(|d| d["message"] == "the built-in `<pay-button>` component is deprecated (已废弃)")
        .unwrap();
    assert!(
        builtin["help"]
            .as_str()
            .unwrap()
            .contains("tta5a3d31e3aecfb9b11://pay-button")
    );
    let prerequisites = &diagnostics[0];
    assert_eq!(prerequisites["severity"], "info");
    assert!(prerequisites["help"].as_str().unwrap().contains("商户进件"));
    assert_eq!(
        prerequisites["related"].as_array().unwrap().len(),
        5,
        "the first trade sites are related locations"
    );
}

#[test]
fn the_demo_shop_shows_each_payment_rule() {
    let (json, _) = lint_json(&["fixtures/demo-shop"]);
    for rule in [
        "deprecated-tt-pay",
        "non-douyin-payment-api",
        "deprecated-trade-api",
        "trade-prerequisites",
    ] {
        assert!(
            !findings_of(&json, rule).is_empty(),
            "demo-shop shows no {rule}"
        );
    }
}
