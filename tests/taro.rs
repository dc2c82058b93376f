//! Taro projects through the binary: JSX as markup, API identity through imports, build-target
//! conditions, files built for other platforms, and compiled output (a real Taro 4 build) whose
//! runtime is never reported.

use crate::common::{findings, findings_of, lint_json, path_str, tree};

const CONFIG: &str = "export default defineAppConfig({ pages: ['pages/index/index'] })";
const PACKAGE: &str =
    r#"{ "dependencies": { "@tarojs/taro": "4.1.11", "@tarojs/components": "4.1.11" } }"#;

/// A one-page Taro project (`src/` layout) with the page given.
fn one_page(tsx: &str) -> tempfile::TempDir {
    tree(&[
        ("package.json", PACKAGE),
        ("src/app.config.ts", CONFIG),
        ("src/pages/index/index.tsx", tsx),
    ])
}

/// `rule line:column` of each finding in the page file.
fn on_page(json: &serde_json::Value) -> Vec<String> {
    findings(json)
        .iter()
        .filter(|f| f.contains("src/pages/index/index."))
        .map(|f| {
            let (rule, place) = f.split_once(' ').unwrap_or_default();
            let position = place.split_once(".tsx:").map_or("", |(_, p)| p);
            format!("{rule} {position}")
        })
        .collect()
}

#[test]
fn the_fixture_reports_at_tsx_lines_and_nothing_from_its_build() {
    let (json, code) = lint_json(&["fixtures/taro-shop"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(findings(&json).join("\n"));
    assert!(findings(&json).iter().all(|f| !f.contains("/dist/")));
    assert_eq!(json["summary"]["build_output"], 15);
    assert_eq!(json["summary"]["tooling"], 1, "config/index.ts is tooling");
    assert_eq!(
        json["summary"]["other_platforms"], 2,
        "order/index.weapp.tsx, and order/index.tsx which index.tt.tsx replaces, never ship to Douyin"
    );
}

#[test]
fn taro_apis_under_any_import_feed_the_rules() {
    let page = r#"import T from '@tarojs/taro'
import { requestPayment, setClipboardData } from '@tarojs/taro'
import { View } from '@tarojs/components'

export default function Index() {
  const pay = () => T.pay({ orderInfo: {} })
  const wechat = () => requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'p', paySign: 's' })
  const copy = () => setClipboardData({ data: 'wx_shop123' })
  return <View onClick={copy}>复制微信号</View>
}
"#;
    let (json, _) = lint_json(&[path_str(one_page(page).path())]);
    assert_eq!(
        on_page(&json),
        [
            "deprecated-tt-pay 6:21",
            "non-douyin-payment-api 7:24",
            // The copy of a WeChat id is reported once, at the text that asks for it.
            "drainage-contact 9:33",
        ]
    );
}

#[test]
fn build_target_conditions_keep_other_platforms_code_silent() {
    let page = r#"import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default function Index() {
  if (process.env.TARO_ENV === 'weapp') {
    wx.requestPayment({ paySign: 's' })
  }
  if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP) {
    Taro.requestPayment({ paySign: 's' })
  }
  if (process.env.TARO_ENV === 'tt') {
    Taro.pay({ orderInfo: {} })
  }
  return (
    <View>
      {process.env.TARO_ENV === 'weapp' && <Button openType="contact">客服</Button>}
      {process.env.TARO_ENV !== 'tt' ? <View>加微信 shop123</View> : null}
    </View>
  )
}
"#;
    let (json, _) = lint_json(&[path_str(one_page(page).path())]);
    assert_eq!(on_page(&json), ["deprecated-tt-pay 12:5"]);
}

#[test]
fn files_for_other_platforms_are_skipped_and_tt_files_replace_their_base() {
    let dir = tree(&[
        ("package.json", PACKAGE),
        ("src/app.config.ts", CONFIG),
        (
            "src/pages/index/index.tsx",
            "export default () => { wx.requestPayment({ paySign: 's' }); return null }",
        ),
        (
            "src/pages/index/index.tt.tsx",
            "import Taro from '@tarojs/taro'\nexport default () => { Taro.pay({}); return null }",
        ),
        (
            "src/pages/index/index.weapp.tsx",
            "export default () => { wx.requestPayment({ paySign: 's' }); return null }",
        ),
        (
            "src/pages/index/index.h5.tsx",
            "export default () => { location.href = 'http://x.com'; return null }",
        ),
    ]);
    let (json, _) = lint_json(&[
        path_str(dir.path()),
        "--all-files",
        "--rule",
        "trade-prerequisites=off",
        "--rule",
        "trade-missing-customer-service=off",
    ]);
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("deprecated-tt-pay ") && found[0].contains("index.tt.tsx:2:"),
        "{found:?}"
    );
    // index.weapp.tsx, index.h5.tsx, and index.tsx, which index.tt.tsx replaces on Douyin.
    assert_eq!(json["summary"]["other_platforms"], 3);
}

#[test]
fn taro_buttons_cannot_carry_an_im_id_on_douyin() {
    let page = r#"import { Button } from '@tarojs/components'
import { AtButton } from 'taro-ui'

export default function Index({ imId }) {
  return (
    <>
      <Button openType="im" data-im-id={imId}>联系客服</Button>
      <AtButton openType="im">客服</AtButton>
    </>
  )
}
"#;
    let (json, _) = lint_json(&[path_str(one_page(page).path())]);
    assert_eq!(
        on_page(&json),
        ["im-button-invalid 7:8", "im-button-invalid 8:8"]
    );
}

#[test]
fn a_native_component_in_a_taro_page_is_followed() {
    let page = r#"import { View } from '@tarojs/components'

export default function Index() {
  return <View><im-entry /></View>
}
"#;
    let dir = tree(&[
        ("package.json", PACKAGE),
        ("src/app.config.ts", CONFIG),
        ("src/pages/index/index.tsx", page),
        (
            "src/pages/index/index.config.ts",
            "export default definePageConfig({ usingComponents: { 'im-entry': '../../native/im-entry/index' } })",
        ),
        (
            "src/native/im-entry/index.ttml",
            "<button open-type=\"im\" data-im-id=\"{{imId}}\">联系客服</button>",
        ),
        (
            "src/native/im-entry/index.js",
            "Component({ data: { imId: 'shop_cs' } })",
        ),
        ("src/native/im-entry/index.json", "{ \"component\": true }"),
    ]);
    let (json, _) = lint_json(&[path_str(dir.path())]);
    assert_eq!(findings_of(&json, "missing-file"), Vec::<String>::new());
    assert_eq!(
        findings_of(&json, "im-button-invalid"),
        Vec::<String>::new()
    );
}

#[test]
fn compiled_output_alone_reports_user_code_never_the_runtime() {
    let (json, _) = lint_json(&["fixtures/compiled/taro"]);
    let found = findings(&json);
    for runtime in ["/taro.js", "/vendors.js", "/runtime.js"] {
        assert!(
            found.iter().all(|f| !f.contains(runtime)),
            "{runtime} is Taro's runtime: {found:?}"
        );
    }
    assert_eq!(findings_of(&json, "drainage-contact").len(), 1, "{found:?}");
}
