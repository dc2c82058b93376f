//! The iOS rules through the binary, on `fixtures/ios`: gated product pages (early return,
//! else branch, `tt:if` on a flag from getSystemInfoSync, a flag in globalData), an ungated
//! membership, a gated course with an ungated continue-paying order page, physical goods, a
//! broken gate, and redirect text in a template and a modal.

use crate::common::{findings, findings_of, lint_json};

fn ios_findings() -> (Vec<String>, serde_json::Value) {
    let (json, _) = lint_json(&["fixtures/ios"]);
    let found = findings(&json)
        .into_iter()
        .map(|f| f.replace("fixtures/ios/", ""))
        .collect();
    (found, json)
}

#[test]
fn each_finding_and_each_silence() {
    let (found, _) = ios_findings();
    assert_eq!(
        found,
        vec![
            "ios-platform-value pages/broken/broken.js:7:29",
            "ios-virtual-payment pages/broken/broken.ttml:2:9",
            "ios-virtual-payment pages/membership/membership.ttml:3:9",
            "ios-virtual-payment pages/orders/orders.ttml:4:57",
            "ios-payment-redirect pages/redirect/redirect.js:3:45",
            "drainage-contact pages/redirect/redirect.js:3:55",
            "ios-payment-redirect pages/redirect/redirect.ttml:2:19",
        ],
        "silent: return, else, flag, global and course (gated), tea (physical goods)"
    );
}

#[test]
fn the_payment_path_is_shown() {
    let (_, json) = ios_findings();
    let membership = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "fixtures/ios/pages/membership/membership.ttml")
        .unwrap();
    assert_eq!(
        membership["message"],
        "page `pages/membership/membership` sells virtual goods (VIP, 会员, 剧集) and `buy` starts a payment that nothing stops on iOS, where cash payment for virtual goods is banned"
    );
    let related: Vec<(String, u64, String)> = membership["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().replace("fixtures/ios/", ""),
                r["start"]["line"].as_u64().unwrap(),
                r["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        related,
        vec![
            (
                "pages/membership/membership.js".into(),
                6,
                "calls the payment from here".into()
            ),
            (
                "utils/pay.js".into(),
                11,
                "pays here: tt.getOrderPayment".into()
            ),
        ]
    );
}

#[test]
fn the_demo_shop_shows_each_ios_rule() {
    let (json, _) = lint_json(&["fixtures/demo-shop"]);
    for rule in [
        "ios-virtual-payment",
        "ios-payment-redirect",
        "ios-platform-value",
    ] {
        assert!(
            !findings_of(&json, rule).is_empty(),
            "demo-shop shows no {rule}"
        );
    }
}
