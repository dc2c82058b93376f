//! Fuzz target: the whole engine (`ttlint::fuzzing::project`) over a small generated
//! mini-program held in memory.
//!
//! The input is structured (`arbitrary`): a framework (native, uni-app, Taro), a few pages and
//! components, and their text built from fragments the rules care about (payment calls, IM
//! buttons, `tt:if`, imports, drainage wording) mixed with raw fuzzed text. The configuration
//! (`app.json`, `pages.json`, `app.config.ts`) is written from the structure, so most inputs
//! reach the project pass; now and then it is raw text instead, to fuzz the way in too.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

/// Pieces of script the rules look for.
const SCRIPT: &[&str] = &[
    "tt.pay({ orderInfo: o, service: 5 });\n",
    "tt.requestPayment({ timeStamp, nonceStr, package: p, paySign });\n",
    "if (tt.getSystemInfoSync().platform === 'ios') { return; }\n",
    "if (platform == 'iOS') return;\n",
    "const { pay } = tt; pay({});\n",
    "tt['pay']({});\n",
    "tt.setClipboardData({ data: '加微信 abc123' });\n",
    "tt.navigateToMiniProgram({ appId: 'wx1234567890abcdef' });\n",
    "Page({ data: { isIOS: false }, buyVip() { payOrder('vip'); } });\n",
    "Component({ methods: { tap() { tt.pay({}); } } });\n",
    "import { payOrder } from '../../utils/pay';\n",
    "const u = require('../../utils/pay.js');\n",
    "export default { methods: { buy() { uni.requestPayment({}); } } };\n",
    "// #ifdef MP-WEIXIN\nwx.requestPayment({});\n// #endif\n",
    "// #ifdef MP-TOUTIAO\ntt.pay({});\n// #endif\n",
    "if (process.env.TARO_ENV === 'tt') { Taro.pay({}); }\n",
    "// ttlint-disable-next-line deprecated-tt-pay -- reason\n",
    "/* ttlint-disable */\n",
    "/* ttlint-enable */\n",
    "function f(a) { return a ? f(a - 1) : tt.continueToPayLife(); }\n",
    "console.log('会员 金币 充值');\n",
    "export default function Page() { return <View onClick={buy}>立即开通 会员</View>; }\n",
    "<Button openType=\"im\" data-im-id=\"\">客服</Button>",
    "{isIOS ? null : <Button onClick={pay}>购买</Button>}",
    "`${a}`",
    "((((",
    "}}}}",
    "'",
];

/// Pieces of template the rules look for.
const MARKUP: &[&str] = &[
    "<view>",
    "</view>",
    "<button open-type=\"im\" data-im-id=\"douyin123\">客服</button>",
    "<button open-type=\"im\" data-im-id=\"xxx\">客服</button>",
    "<button open-type=\"contact\">微信客服</button>",
    "<button bindtap=\"buyVip\">立即开通</button>",
    "<button @click=\"buy\">购买</button>",
    "<pay-button />",
    "<view tt:if=\"{{!isIOS}}\">",
    "<view v-if=\"!isIOS\">",
    "<view wx:if=\"{{a}}\">",
    "<block tt:for=\"{{list}}\" tt:key=\"id\">{{item.name}}</block>",
    "<view v-for=\"(item, i) in list\" :key=\"i\">{{ item }}</view>",
    "<import src=\"../../templates/t.ttml\" />",
    "<include src=\"../../templates/t.ttml\" />",
    "<template is=\"t\" data=\"{{...a}}\" />",
    "<template name=\"t\"><view>{{a}}</view></template>",
    "<sjs module=\"m\" src=\"../../utils/m.sjs\" />",
    "<sjs module=\"n\">module.exports = { a: 1 };</sjs>",
    "<web-view src=\"http://example.com\" />",
    "<image src=\"qr.png\" show-menu-by-longpress />",
    "添加客服微信 starshop",
    "长按识别二维码关注公众号",
    "iOS 用户请到安卓手机或官网开通会员",
    "下载APP",
    "{{",
    "}}",
    "<!-- ttlint-disable-next-line im-button-invalid -- reason -->",
    "<!-- #ifdef MP-WEIXIN -->",
    "<!-- #endif -->",
    "<official-account />",
    "<card />",
    "<",
    ">",
    "\"",
];

#[derive(Arbitrary, Debug)]
enum Piece {
    Known(u8),
    Raw(String),
}

fn text(pieces: &[Piece], table: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces.iter().take(24) {
        match p {
            Piece::Known(i) => out.push_str(table[*i as usize % table.len()]),
            Piece::Raw(s) => out.push_str(s),
        }
    }
    out
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Framework {
    Native,
    UniApp,
    Taro,
}

#[derive(Arbitrary, Debug)]
struct Unit {
    /// Which name it takes (`p0`…`p3`, `c0`…`c3`): names may repeat.
    name: u8,
    script: Vec<Piece>,
    markup: Vec<Piece>,
    /// Components it uses, by index.
    uses: Vec<u8>,
    /// Raw text for its `.json` instead of the generated one.
    raw_json: Option<String>,
    /// Left out of the files: referenced but missing.
    missing: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    framework: Framework,
    pages: Vec<Unit>,
    components: Vec<Unit>,
    /// A shared module pages may import.
    utils: Vec<Piece>,
    /// Entries of `navigateToMiniProgramAppIdList`.
    app_ids: Vec<String>,
    tab_bar: bool,
    subpackage: bool,
    /// Raw text for the app configuration instead of the generated one (1 input in 8).
    raw_config: Option<(u8, String)>,
    /// Any other file, anywhere.
    extra: Option<(String, String)>,
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn build(input: &Input) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let pages: Vec<&Unit> = input.pages.iter().take(4).collect();
    let components: Vec<&Unit> = input.components.iter().take(3).collect();
    let page_name = |u: &Unit| format!("p{}", u.name % 4);
    let comp_name = |i: u8| format!("c{}", i % 4);
    let page_paths: Vec<String> = pages
        .iter()
        .map(|u| match input.framework {
            Framework::Taro => format!("pages/{}/index", page_name(u)),
            _ => format!("pages/{0}/{0}", page_name(u)),
        })
        .collect();
    let app_ids: Vec<String> = input.app_ids.iter().take(12).cloned().collect();
    let tab = if input.tab_bar && !page_paths.is_empty() {
        format!(
            ", \"tabBar\": {{ \"list\": [{{ \"pagePath\": {}, \"text\": \"首页\" }}] }}",
            quote(&page_paths[0])
        )
    } else {
        String::new()
    };
    let sub = if input.subpackage {
        ", \"subpackages\": [{ \"root\": \"pkg\", \"pages\": [\"detail/detail\"] }]"
    } else {
        ""
    };
    let utils = text(&input.utils, SCRIPT);
    match input.framework {
        Framework::Native => {
            files.push((
                "app.json".into(),
                format!(
                    "{{ \"pages\": {}, \"navigateToMiniProgramAppIdList\": {}{tab}{sub} }}",
                    list(&page_paths),
                    list(&app_ids)
                ),
            ));
            files.push(("utils/pay.js".into(), utils));
            files.push((
                "templates/t.ttml".into(),
                "<template name=\"t\"><view>{{a}}</view></template>".into(),
            ));
            files.push(("pkg/detail/detail.ttml".into(), "<view>详情</view>".into()));
            let units = pages
                .iter()
                .map(|u| (format!("pages/{0}/{0}", page_name(u)), *u, true))
                .chain(
                    components
                        .iter()
                        .map(|u| (format!("components/{0}/{0}", comp_name(u.name)), *u, false)),
                );
            for (stem, unit, page) in units {
                if unit.missing {
                    continue;
                }
                let using: Vec<String> = unit
                    .uses
                    .iter()
                    .take(3)
                    .map(|&i| {
                        format!(
                            "{}: {}",
                            quote(&comp_name(i)),
                            quote(&format!("/components/{0}/{0}", comp_name(i)))
                        )
                    })
                    .collect();
                let json = unit.raw_json.clone().unwrap_or_else(|| {
                    format!(
                        "{{ {}\"usingComponents\": {{ {} }} }}",
                        if page { "" } else { "\"component\": true, " },
                        using.join(", ")
                    )
                });
                files.push((format!("{stem}.json"), json));
                files.push((format!("{stem}.js"), text(&unit.script, SCRIPT)));
                files.push((format!("{stem}.ttml"), text(&unit.markup, MARKUP)));
            }
        }
        Framework::UniApp => {
            let entries: Vec<String> = page_paths
                .iter()
                .map(|p| format!("{{ \"path\": {} }}", quote(p)))
                .collect();
            files.push((
                "pages.json".into(),
                format!(
                    "{{\n  // pages\n  \"pages\": [{}],\n  \"easycom\": {{ \"autoscan\": true }}{tab}{sub}\n}}",
                    entries.join(", ")
                ),
            ));
            files.push((
                "manifest.json".into(),
                format!(
                    "{{ \"mp-toutiao\": {{ \"navigateToMiniProgramAppIdList\": {} }} }}",
                    list(&app_ids)
                ),
            ));
            files.push(("utils/pay.js".into(), utils));
            let units = pages
                .iter()
                .map(|u| (format!("pages/{0}/{0}.vue", page_name(u)), *u))
                .chain(
                    components
                        .iter()
                        .map(|u| (format!("components/{0}/{0}.vue", comp_name(u.name)), *u)),
                );
            for (path, unit) in units {
                if unit.missing {
                    continue;
                }
                let tags: String = unit
                    .uses
                    .iter()
                    .take(3)
                    .map(|&i| format!("<{0} />", comp_name(i)))
                    .collect();
                files.push((
                    path,
                    format!(
                        "<template>\n<view>{tags}{}</view>\n</template>\n<script>\n{}\n</script>\n",
                        text(&unit.markup, MARKUP),
                        text(&unit.script, SCRIPT)
                    ),
                ));
            }
        }
        Framework::Taro => {
            files.push((
                "src/app.config.ts".into(),
                format!(
                    "const ids = {};\nexport default defineAppConfig({{ pages: {}, navigateToMiniProgramAppIdList: ids{} }})\n",
                    list(&app_ids),
                    list(&page_paths),
                    if input.subpackage {
                        ", subPackages: [{ root: 'pkg', pages: ['detail/index'] }]"
                    } else {
                        ""
                    }
                ),
            ));
            files.push(("src/utils/pay.ts".into(), utils));
            let units = pages
                .iter()
                .map(|u| (format!("src/pages/{}/index.tsx", page_name(u)), *u))
                .chain(components.iter().map(|u| {
                    (
                        format!("src/components/{}/index.tsx", comp_name(u.name)),
                        *u,
                    )
                }));
            for (path, unit) in units {
                if unit.missing {
                    continue;
                }
                let imports: String = unit
                    .uses
                    .iter()
                    .take(3)
                    .map(|&i| {
                        format!(
                            "import C{0} from '@/components/{1}';\n",
                            i % 4,
                            comp_name(i)
                        )
                    })
                    .collect();
                files.push((
                    path,
                    format!(
                        "import Taro from '@tarojs/taro';\nimport {{ View, Button }} from '@tarojs/components';\n{imports}{}\nexport default function P() {{ return (<View>{}</View>); }}\n",
                        text(&unit.script, SCRIPT),
                        text(&unit.markup, MARKUP)
                    ),
                ));
            }
        }
    }
    if let Some((which, raw)) = &input.raw_config
        && which % 8 == 0
        && let Some(config) = files.first_mut()
    {
        config.1 = raw.clone();
    }
    if let Some(extra) = &input.extra {
        files.push(extra.clone());
    }
    files
}

fuzz_target!(
    init: ttlint::fuzzing::install_panic_hook(),
    |input: Input| {
        let files = build(&input);
        if let Some(dir) = std::env::var_os("TTLINT_FUZZ_DUMP") {
            dump(std::path::Path::new(&dir), &files);
        }
        let run = ttlint::fuzzing::project(&files);
        // libFuzzer keeps no statistics of its own for this: print now and then how many
        // inputs reached the project pass, when asked to.
        if std::env::var_os("TTLINT_FUZZ_STATS").is_some() {
            stats(run.projects > 0);
        }
    }
);

/// Writes the generated project under `dir`, to lint it with the `ttlint` binary: a finding is
/// a structured input, and this is how to see it as the files the engine read.
fn dump(dir: &std::path::Path, files: &[(String, String)]) {
    for (path, text) in files {
        // As `ttlint::fuzzing::project` reads them: a fuzzed name never leaves `dir`.
        let relative = path.trim_start_matches('/');
        if relative.is_empty() || relative.split('/').any(|c| c == ".." || c == ".") {
            continue;
        }
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
        }
    }
}

/// Counts inputs and those that reached the project pass; prints every 1,000 inputs.
fn stats(reached: bool) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static INPUTS: AtomicU64 = AtomicU64::new(0);
    static REACHED: AtomicU64 = AtomicU64::new(0);
    let n = INPUTS.fetch_add(1, Ordering::Relaxed) + 1;
    if reached {
        REACHED.fetch_add(1, Ordering::Relaxed);
    }
    if n % 1000 == 0 {
        eprintln!(
            "#project-pass {} of {n} inputs",
            REACHED.load(Ordering::Relaxed)
        );
    }
}
