//! uni-app projects through the binary: both layouts, every `#ifdef` form, platform folders,
//! UI-library components, `wx` as uni's alias, suppressions in `.vue`, and compiled output
//! (real Vue 2 and Vue 3 builds) that is never taken for the source.

use crate::common::{findings, findings_of, lint_json, path_str, tree};

const PAGES: &str = r#"{ "pages": [{ "path": "pages/index/index" }] }"#;

/// A one-page uni-app project (HBuilderX layout) with the page given.
fn one_page(vue: &str) -> tempfile::TempDir {
    tree(&[
        ("pages.json", PAGES),
        ("manifest.json", "{ /* HBuilderX writes comments */ }"),
        ("pages/index/index.vue", vue),
    ])
}

/// `rule line:column` of each finding, paths dropped (one file per case).
fn at(json: &serde_json::Value) -> Vec<String> {
    findings(json)
        .iter()
        .map(|f| {
            let (rule, place) = f.split_once(' ').unwrap_or_default();
            let position = place.split_once(':').map_or("", |(_, p)| p);
            format!("{rule} {position}")
        })
        .collect()
}

#[test]
fn the_fixture_reports_at_vue_lines_and_nothing_from_its_compiled_copy() {
    let (json, code) = lint_json(&["fixtures/uni-app-shop"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(findings(&json).join("\n"));
    assert!(
        findings(&json).iter().all(|f| !f.contains("unpackage/")),
        "compiled output is never reported"
    );
    assert_eq!(json["summary"]["build_output"], 15);
    assert_eq!(json["summary"]["tooling"], 1, "vue.config.js is tooling");
}

#[test]
fn the_cli_layout_is_found_from_the_project_folder() {
    let dir = tree(&[
        (
            "package.json",
            r#"{ "scripts": { "build:mp-toutiao": "uni build -p mp-toutiao", "dev:mp-weixin:xyz": "uni -p mp-weixin" }, "dependencies": { "@dcloudio/uni-app": "3.0.0" } }"#,
        ),
        (
            "vite.config.js",
            "import uni from '@dcloudio/vite-plugin-uni'\nexport default { plugins: [uni()] }",
        ),
        ("src/pages.json", PAGES),
        ("src/manifest.json", "{}"),
        (
            "src/pages/index/index.vue",
            "<template>\n  <view>加微信 vx: shop123 领取优惠</view>\n</template>",
        ),
        (
            "dist/build/mp-toutiao/app.json",
            r#"{ "pages": ["pages/index/index"] }"#,
        ),
        (
            "dist/build/mp-toutiao/pages/index/index.ttml",
            "<view>加微信 vx: shop123 领取优惠</view>",
        ),
    ]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!(code, 1);
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("drainage-contact ")
            && found[0].ends_with("src/pages/index/index.vue:2:9"),
        "{found:?}"
    );
    assert_eq!(json["summary"]["build_output"], 2);
    assert_eq!(json["summary"]["tooling"], 1);
}

#[test]
fn every_ifdef_form_keeps_other_platforms_code_silent() {
    let page = r#"<template>
  <view>
    <!-- #ifdef MP-WEIXIN -->
    <button open-type="contact">客服</button>
    <!-- #endif -->
    <!-- #ifndef MP-TOUTIAO -->
    <official-account />
    <!-- #endif -->
    <!-- #ifdef H5 || MP-WEIXIN -->
    <view>加微信领取</view>
    <!-- #endif -->
    <!-- #ifdef MP-TOUTIAO -->
    <view>加微信 shop123</view>
    <!-- #endif -->
    <!-- #ifdef MP -->
    <official-account />
    <!-- #endif -->
  </view>
</template>
<script>
export default {
  methods: {
    pay() {
      // #ifdef MP-WEIXIN
      wx.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'p', paySign: 's' })
      // #endif
      /* #ifdef APP-PLUS */
      plus.runtime.openURL('https://example.com')
      /* #endif */
      // #ifndef MP-TOUTIAO
      uni.requestPayment({ provider: 'wxpay' })
      // #endif
      // #ifdef MP-TOUTIAO
      tt.pay({ orderInfo: {}, service: 5 })
      // #endif
    },
  },
}
</script>"#;
    let (json, _) = lint_json(&[
        path_str(one_page(page).path()),
        "--rule",
        "trade-prerequisites=off",
        "--rule",
        "trade-missing-customer-service=off",
    ]);
    assert_eq!(
        at(&json),
        [
            "drainage-contact 13:11",
            "wechat-only-feature 16:6",
            "deprecated-tt-pay 34:7",
        ]
    );
}

#[test]
fn a_page_compiled_only_for_wechat_in_pages_json_is_not_reached() {
    let dir = tree(&[
        (
            "pages.json",
            "{\n  \"pages\": [\n    { \"path\": \"pages/index/index\" },\n    // #ifdef MP-WEIXIN\n    { \"path\": \"pages/wechat/wechat\" },\n    // #endif\n  ]\n}",
        ),
        ("manifest.json", "{}"),
        (
            "pages/index/index.vue",
            "<template><view>首页</view></template>",
        ),
        (
            "pages/wechat/wechat.vue",
            "<template><official-account /></template>",
        ),
    ]);
    let (json, code) = lint_json(&[path_str(dir.path())]);
    assert_eq!((findings(&json), code), (Vec::<String>::new(), 0));
    assert_eq!(
        json["summary"]["skipped"], 1,
        "the WeChat page is not reachable"
    );
}

#[test]
fn platform_folders_ship_only_to_their_platform() {
    let dir = tree(&[
        ("pages.json", PAGES),
        ("manifest.json", "{}"),
        (
            "pages/index/index.vue",
            "<template><view>首页</view></template>",
        ),
        (
            "platforms/mp-weixin/share.js",
            "wx.requestPayment({ paySign: 's' })",
        ),
        (
            "static/mp-weixin/qrcode.js",
            "wx.openCustomerServiceChat({ corpId: 'c' })",
        ),
    ]);
    let (json, code) = lint_json(&[path_str(dir.path()), "--all-files"]);
    assert_eq!((findings(&json), code), (Vec::<String>::new(), 0));
    assert_eq!(json["summary"]["other_platforms"], 2);
}

#[test]
fn ui_library_components_are_opaque_and_forwarding_im_buttons_count() {
    let trade = "<script>\nexport default { methods: { buy() { tt.requestOrder({ data: {}, byteAuthorization: '' }) } } }\n</script>";
    let page = |button: &str| {
        format!(
            "<template>\n  <view>\n    {button}\n    <button @tap=\"buy\">购买</button>\n  </view>\n</template>\n{trade}"
        )
    };
    // NutUI's button forwards `data-im-id` to the native button: it is an IM entry.
    let nut = page(r#"<nut-button open-type="im" :data-im-id="imId">客服</nut-button>"#);
    let dir = tree(&[
        ("pages.json", PAGES),
        ("manifest.json", "{}"),
        ("pages/index/index.vue", &nut),
        (
            "uni_modules/nutui-uni/components/nut-button/nut-button.vue",
            "<template><button><slot /></button></template>",
        ),
    ]);
    let (json, _) = lint_json(&[path_str(dir.path()), "--rule", "trade-prerequisites=off"]);
    assert_eq!(findings(&json), Vec::<String>::new());
    // uView's button drops `data-im-id`: the IM button itself is reported (once: the page is
    // not also reported as lacking customer service), and the library component is no
    // missing file.
    let uview = page(r#"<u-button open-type="im" :data-im-id="imId">客服</u-button>"#);
    let dir = tree(&[
        ("pages.json", PAGES),
        ("manifest.json", "{}"),
        ("pages/index/index.vue", &uview),
        (
            "node_modules/uview-ui/components/u-button/u-button.vue",
            "<template><button><slot /></button></template>",
        ),
    ]);
    let (json, _) = lint_json(&[path_str(dir.path()), "--rule", "trade-prerequisites=off"]);
    assert_eq!(at(&json), ["im-button-invalid 3:6"]);
    assert_eq!(findings_of(&json, "missing-file"), Vec::<String>::new());
}

#[test]
fn wx_is_reported_only_where_douyin_has_no_equivalent() {
    let page = "<script>\nexport default {\n  onLoad() {\n    wx.showToast({ title: 'hi' })\n    wx.openCustomerServiceChat({ corpId: 'c' })\n  },\n}\n</script>";
    let (json, _) = lint_json(&[path_str(one_page(page).path())]);
    assert_eq!(at(&json), ["wechat-only-feature 5:5"]);
}

#[test]
fn suppressions_work_in_both_comment_syntaxes() {
    let page = "<template>\n  <!-- ttlint-disable-next-line drainage-contact -->\n  <view>加微信 shop123</view>\n</template>\n<script>\nexport default {\n  methods: {\n    pay() {\n      // ttlint-disable-next-line deprecated-tt-pay -- old clients only\n      tt.pay({})\n    },\n  },\n}\n</script>";
    let (json, code) = lint_json(&[
        path_str(one_page(page).path()),
        "--rule",
        "trade-prerequisites=off",
        "--rule",
        "trade-missing-customer-service=off",
    ]);
    assert_eq!((at(&json), code), (Vec::<String>::new(), 0));
    assert_eq!(json["summary"]["suppressed"], 2);
}

#[test]
fn a_vue_file_named_on_the_command_line_is_linted_with_its_project() {
    let dir = one_page("<template>\n  <view>加微信 shop123</view>\n</template>");
    let file = dir.path().join("pages/index/index.vue");
    let (json, code) = lint_json(&[path_str(&file)]);
    assert_eq!(
        (at(&json), code),
        (vec!["drainage-contact 2:9".to_string()], 1)
    );
}

#[test]
fn compiled_output_alone_reports_user_code_never_the_runtime() {
    for build in ["fixtures/compiled/uni-vue2", "fixtures/compiled/uni-vue3"] {
        let (json, _) = lint_json(&[build]);
        let found = findings(&json);
        assert!(
            found
                .iter()
                .all(|f| !f.contains("/common/vendor.js") && !f.contains("/common/runtime.js")),
            "{build}: the framework runtime is never reported: {found:?}"
        );
        // The user's `mine` page shows a WeChat id: it is reported in each build tree.
        assert_eq!(
            findings_of(&json, "drainage-contact").len(),
            2,
            "{build}: {found:?}"
        );
    }
}

#[test]
fn include_build_output_lints_the_compiled_copy_too() {
    let (json, _) = lint_json(&["fixtures/uni-app-shop", "--include-build-output"]);
    assert!(
        findings(&json).iter().any(|f| f.contains("unpackage/")),
        "{:?}",
        findings(&json)
    );
    assert_eq!(json["summary"]["build_output"], 0);
}
