//! The customer-service rules through the binary, on the apps in `fixtures/customer-service`.

use crate::common::{findings, lint_json};

fn lint(app: &str) -> (Vec<String>, serde_json::Value) {
    let path = format!("fixtures/customer-service/{app}");
    let (json, _) = lint_json(&[&path, "--rule", "trade-prerequisites=off"]);
    let prefix = format!("{path}/");
    let found = findings(&json)
        .into_iter()
        .map(|f| f.replace(&prefix, ""))
        .collect();
    (found, json)
}

#[test]
fn im_only_in_a_component_used_by_some_pages() {
    let (found, json) = lint("component-only");
    assert_eq!(
        found,
        vec![
            "trade-page-missing-customer-service pages/cart/cart.ttml:1:2",
            "trade-page-missing-customer-service pages/order/order.ttml:1:2",
        ],
        "the component renders on the home and goods pages; the cart (trade) and order pages lack it"
    );
    assert_eq!(
        json["diagnostics"][0]["message"],
        "trade page `pages/cart/cart` has no Douyin IM customer service; it renders only on `pages/index/index`, `pages/goods/goods`"
    );
    assert_eq!(
        json["diagnostics"][1]["message"],
        "order page `pages/order/order` has no Douyin IM customer service; it renders only on `pages/index/index`, `pages/goods/goods`"
    );
}

#[test]
fn im_only_on_the_personal_page() {
    let (found, json) = lint("personal-only");
    assert_eq!(
        found,
        vec!["trade-page-missing-customer-service pages/detail/detail.ttml:2:4"],
        "the home page without IM is fine; the detail page renders a pay component without IM"
    );
    assert!(
        json["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("it renders only on `pages/mine/mine`")
    );
}

#[test]
fn trade_and_no_im_at_all() {
    let (found, json) = lint("no-im");
    assert_eq!(
        found,
        vec![
            "trade-missing-customer-service app.json:1:1",
            "wechat-only-feature pages/index/index.ttml:2:11",
        ],
        "one error and no per-page noise; WeChat's open-type=\"contact\" is not customer service on Douyin"
    );
    let related = json["diagnostics"][0]["related"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(
        related[0]["file"],
        "fixtures/customer-service/no-im/pages/pay/pay.js"
    );
    assert_eq!(related[0]["start"]["line"], 3);
}

#[test]
fn no_trade_means_nothing_fires() {
    let (json, code) = lint_json(&["fixtures/customer-service/no-trade"]);
    assert_eq!(findings(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn invalid_buttons_of_each_kind() {
    let (found, json) = lint("invalid-buttons");
    assert_eq!(
        found,
        vec![
            "im-button-invalid pages/index/index.ttml:2:4",
            "im-button-invalid pages/index/index.ttml:3:26",
            "im-button-invalid pages/index/index.ttml:4:26",
            "im-button-invalid pages/index/index.ttml:5:52",
            "im-button-invalid pages/index/index.ttml:6:52",
            "im-button-invalid pages/index/index.ttml:7:52",
        ]
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "IM customer-service button without `data-im-id`: it fails with `params invalid`",
            "IM customer-service button with an empty `data-im-id`: it fails with `params invalid`",
            "`data-im-id=\"客服的抖音号\"` is a placeholder, not a Douyin account: the button fails with `params invalid`",
            "`data-im-type=\"goods\"` sends a goods card and needs `data-goods-id`",
            "`data-im-type=\"order\"` sends an order card and needs `data-order-id`",
            "`data-im-type=\"coupon\"` is not a card type the platform knows",
        ]
    );
    let helps: Vec<bool> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap().contains("binderror"))
        .collect();
    assert_eq!(
        helps,
        vec![true, true, false, true, false, false],
        "the binderror hint appears where the handler is missing"
    );
}

#[test]
fn the_demo_shop_shows_each_customer_service_rule() {
    let (json, _) = lint_json(&["fixtures/demo-shop"]);
    let found = findings(&json);
    for rule in ["trade-page-missing-customer-service", "im-button-invalid"] {
        assert!(
            found.iter().any(|f| f.starts_with(rule)),
            "demo-shop shows no {rule}: {found:?}"
        );
    }
}
