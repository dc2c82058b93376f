//! The drainage rules through the binary, on `fixtures/drainage`: template text, script modal
//! text, clipboard handlers, web-view pages and the app.json list; and each silence.

use crate::common;

use crate::common::{findings, lint_json};

#[test]
fn every_drainage_finding() {
    let (json, code) = lint_json(&["fixtures/drainage"]);
    assert_eq!(code, 1);
    let found: Vec<String> = findings(&json)
        .into_iter()
        .map(|f| f.replace("fixtures/drainage/", ""))
        .collect();
    assert_eq!(
        found,
        vec![
            "navigate-to-mini-program app.json:27:5",
            "drainage-contact pages/contact/contact.js:5:13",
            "wechat-only-feature pages/contact/contact.ttml:4:11",
            "drainage-contact pages/download/download.json:1:30",
            "drainage-external-link pages/download/download.ttml:2:9",
            "drainage-contact pages/index/index.js:10:46",
            "navigate-to-mini-program pages/index/index.js:13:39",
            "drainage-contact pages/index/index.ttml:2:29",
            "drainage-qrcode pages/index/index.ttml:5:6",
            "drainage-qrcode pages/index/index.ttml:6:11",
            "wechat-only-feature pages/index/index.ttml:11:9",
            // The hotline is a phone line offered as the service channel (引导致电), not a
            // WeChat lure: drainage-phone's, and only its.
            "drainage-phone pages/index/index.ttml:13:30",
            "drainage-external-link pages/share/share.js:3:33",
            "drainage-external-link pages/web/web.ttml:1:16",
        ],
        "silent: 微信支付/支付宝, the banner image, class=\"wechat\", the comment, the hotline (for drainage-contact), console.log, \
         the copied order number, the own-domain web-view, the WeChat-only uni-app branch, the unlisted page"
    );
}

#[test]
fn messages_quote_what_was_found() {
    let (json, _) = lint_json(&["fixtures/drainage"]);
    let message = |file: &str, line: u64| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"].as_str().unwrap().ends_with(file) && d["start"]["line"] == line)
            .map(|d| d["message"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        message("pages/index/index.ttml", 2),
        "`添加客服微信` invites users to contact you outside Douyin (third-party drainage, 第三方引流)"
    );
    assert_eq!(
        message("pages/contact/contact.js", 5),
        "copies `starshop2024` for the user to add on WeChat/QQ (third-party drainage, 第三方引流)"
    );
    assert_eq!(
        message("pages/web/web.ttml", 1),
        "`web-view` shows `mp.weixin.qq.com`, a third party's site: web-view pages must be your own verified business domain"
    );
}

#[test]
fn own_domains_and_keywords_from_the_config() {
    let dir = common::tree(&[
        (
            "ttlint.json",
            r#"{ "data": { "ownDomains": ["weixin.qq.com"], "contactKeywords": ["私聊店主"] } }"#,
        ),
        ("app.json", r#"{"pages":["pages/a/a"]}"#),
        (
            "pages/a/a.ttml",
            "<web-view src=\"https://mp.weixin.qq.com/s/x\" /><view>有问题私聊店主</view>",
        ),
    ]);
    let (json, _) = lint_json(&[common::path_str(dir.path())]);
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["drainage-contact"]);
}

#[test]
fn the_demo_shop_shows_each_drainage_rule() {
    let (json, _) = lint_json(&["fixtures/demo-shop"]);
    let found = findings(&json);
    for rule in [
        "drainage-contact",
        "drainage-qrcode",
        "drainage-external-link",
        "navigate-to-mini-program",
        "wechat-only-feature",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(rule)),
            "demo-shop shows no {rule}: {found:?}"
        );
    }
}
