//! Rule data: the API names, component lists, keywords and domains rules match against.
//!
//! The lists live in `rules/*.json` at the top of the repository, are embedded in the binary, and
//! are parsed once per run. A project extends them from `ttlint.json` (`"data": { list: [...] }`),
//! so a platform change or a project's own wrapper is a data edit, not a code change.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet};
use regex_syntax::hir::{Hir, HirKind, Look, Repetition};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use serde::Deserialize;

use super::api::{Api, Namespace};
use super::case::hyphenate;
use super::intern::Ustr;
use super::message::Localized;

use std::collections::BTreeMap;

const PAYMENT: &str = include_str!("../../rules/payment.json");
const DEPRECATED_TRADE: &str = include_str!("../../rules/deprecated-trade.json");
const CUSTOMER_SERVICE: &str = include_str!("../../rules/customer-service.json");
const DRAINAGE: &str = include_str!("../../rules/drainage.json");
const IOS: &str = include_str!("../../rules/ios.json");
const DOUYIN_API: &str = include_str!("../../rules/douyin-api.json");
const FRAMEWORKS: &str = include_str!("../../rules/frameworks.json");
const NOT_APP_CODE: &str = include_str!("../../rules/not-app-code.json");

/// Lists of rule data a project adds to the built-in ones (see `rules/`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataExtensions {
    /// Extra entries per data list, by list name (`"ownDomains"`, `"drainageKeywords"`…).
    pub lists: BTreeMap<String, Vec<String>>,
}

/// The lists a project may extend from `ttlint.json`.
pub const EXTENSIBLE_LISTS: &[&str] = &[
    "offlinePaymentApis",
    "foreignPaymentApis",
    "tradeApis",
    "payComponents",
    "orderWords",
    "personalWords",
    "contactKeywords",
    "qrcodeKeywords",
    "downloadKeywords",
    "platformKeywords",
    "ownDomains",
    "thirdPartyHosts",
    "virtualGoodsWords",
    "physicalGoodsWords",
    "redirectKeywords",
];

/// The lists of `namespace.member` API names: their entries must read like `tt.requestOrder`.
pub const API_LISTS: &[&str] = &["offlinePaymentApis", "foreignPaymentApis", "tradeApis"];

/// A set of APIs.
pub type ApiSet = FxHashSet<Api>;

/// Payment and trade APIs (`rules/payment.json`), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PaymentLists {
    offline_payment_apis: Vec<String>,
    foreign_payment_apis: Vec<String>,
    wechat_payment_keys: Vec<String>,
    trade_apis: Vec<String>,
    cashier_apis: Vec<String>,
    im_payment_keys: Vec<String>,
    pay_components: Vec<String>,
}

/// Payment and trade APIs, typed.
#[derive(Debug, Clone)]
pub struct PaymentData {
    /// The offline guaranteed-payment cashier: `tt.pay`.
    pub offline_payment_apis: ApiSet,
    /// Payment APIs that do not exist on Douyin: `tt.requestPayment`, `wx.requestPayment`.
    pub foreign_payment_apis: ApiSet,
    pub wechat_payment_keys: Vec<String>,
    /// The general trade system: `tt.requestOrder`, `tt.getOrderPayment`.
    pub trade_apis: ApiSet,
    /// The trade APIs that open a cashier.
    pub cashier_apis: ApiSet,
    pub im_payment_keys: Vec<String>,
    pub pay_components: Vec<String>,
}

/// Parses a built-in list of API names; a bad entry is a bug in ttlint's data (tested).
fn apis(name: &str, entries: &[String]) -> ApiSet {
    entries
        .iter()
        .map(|e| Api::parse(e).unwrap_or_else(|| panic!("rule data {name}: `{e}` is not an API")))
        .collect()
}

/// The Douyin API surface (`rules/douyin-api.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DouyinApiList {
    apis: Vec<String>,
    same_as_wechat: Vec<String>,
}

/// uni-app's and Taro's APIs as they compile for Douyin (`rules/frameworks.json`), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FrameworkLists {
    uni_app: RenamesList,
    taro: RenamesList,
    wrapper_buttons: Vec<WrapperButton>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RenamesList {
    renamed_on_douyin: BTreeMap<String, String>,
    /// Taro only: whether `data-im-id` on its `<Button>` reaches Douyin's native button.
    #[serde(default)]
    im_id_reaches_native_button: Option<bool>,
}

/// How far along its way out a trade API or component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 已废弃.
    Deprecated,
    /// 即将废弃.
    SoonDeprecated,
    /// No longer maintained.
    Unmaintained,
}

impl Status {
    /// The status as written in the data file, which messages select their wording by.
    pub fn id(self) -> &'static str {
        match self {
            Self::Deprecated => "deprecated",
            Self::SoonDeprecated => "soon-deprecated",
            Self::Unmaintained => "unmaintained",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedApi {
    pub name: String,
    pub status: Status,
    pub replacement: String,
    /// The replacement in Chinese: it reaches users in the help text, so every entry carries
    /// both languages (required, so that a new entry cannot forget it).
    pub replacement_zh: String,
}

impl DeprecatedApi {
    /// The replacement in every language, for the help message.
    pub fn localized_replacement(&self) -> Localized {
        Localized::new(self.replacement.as_str(), self.replacement_zh.as_str())
    }
}

/// A deprecated component: the built-in tag, a `usingComponents` path, or a path fragment.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedComponent {
    #[serde(default)]
    pub builtin_tag: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub path_contains: Option<String>,
    pub status: Status,
    pub replacement: String,
    /// The replacement in Chinese (see [`DeprecatedApi::replacement_zh`]).
    pub replacement_zh: String,
}

impl DeprecatedComponent {
    /// The replacement in every language, for the help message.
    pub fn localized_replacement(&self) -> Localized {
        Localized::new(self.replacement.as_str(), self.replacement_zh.as_str())
    }

    /// Whether a `usingComponents` path names this component.
    pub fn matches_path(&self, path: &str) -> bool {
        self.path.as_deref() == Some(path)
            || self
                .path_contains
                .as_deref()
                .is_some_and(|p| path.contains(p))
    }
}

/// Deprecated trade components and APIs (`rules/deprecated-trade.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeprecatedTradeData {
    pub apis: Vec<DeprecatedApi>,
    pub components: Vec<DeprecatedComponent>,
}

/// Douyin IM customer service (`rules/customer-service.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerServiceData {
    pub im_open_types: Vec<String>,
    pub placeholder_ids: Vec<String>,
    pub card_types: std::collections::BTreeMap<String, String>,
    pub order_words: Vec<String>,
    pub personal_words: Vec<String>,
    /// UI-library buttons and what they pass to the native button they render
    /// (`rules/frameworks.json`, `wrapperButtons`); filled in after parsing.
    #[serde(skip)]
    wrapper_buttons: Vec<WrapperButton>,
    /// The buttons by each of their tags in kebab case, in list order: the rules ask this of
    /// every element of every template, and walking the list (hyphenating each tag again) was
    /// most of a customer-service rule's time.
    #[serde(skip)]
    wrappers_by_tag: FxHashMap<String, Vec<usize>>,
    /// Whether Taro's `<Button>` passes `data-im-id` to Douyin's button (`rules/frameworks.json`).
    #[serde(skip)]
    pub taro_button_reaches_im: bool,
}

/// A UI library's button component (`<u-button>`, `<nut-button>`, `<AtButton>`) and whether an
/// IM customer-service button written with it works on Douyin.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrapperButton {
    pub library: String,
    /// Tag names, as written (kebab-case or PascalCase).
    pub tags: Vec<String>,
    /// The prop it passes on as the native button's `open-type`, if any.
    pub open_type_prop: Option<String>,
    /// The prop that reaches the native button as `data-im-id`, if any.
    pub im_id_prop: Option<String>,
    /// Whether it renders a native `<button>` in a Douyin build at all.
    pub native_button_on_douyin: bool,
    /// The kinds of project the library is written for: `native`, `uni-app`, `taro`.
    pub frameworks: Vec<String>,
}

impl CustomerServiceData {
    fn set_wrapper_buttons(&mut self, buttons: Vec<WrapperButton>) {
        self.wrappers_by_tag.clear();
        for (i, button) in buttons.iter().enumerate() {
            for tag in &button.tags {
                self.wrappers_by_tag
                    .entry(hyphenate(tag).into_owned())
                    .or_default()
                    .push(i);
            }
        }
        self.wrapper_buttons = buttons;
    }

    /// The first UI-library button written `tag` (in any case: `AtButton` is `at-button`) for
    /// projects of the kind `framework` (`native`, `uni-app`, `taro`).
    pub fn wrapper_button(&self, tag: &str, framework: &str) -> Option<&WrapperButton> {
        self.wrappers_by_tag
            .get(hyphenate(tag).as_ref())?
            .iter()
            .map(|&i| &self.wrapper_buttons[i])
            .find(|w| w.frameworks.iter().any(|f| f == framework))
    }
}

impl WrapperButton {
    /// Whether an IM button written with it opens Douyin IM customer service: it must render a
    /// native button and pass it `data-im-id`.
    pub fn reaches_im(&self) -> bool {
        self.native_button_on_douyin && self.im_id_prop.is_some()
    }
}

/// Third-party drainage (`rules/drainage.json`), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DrainageLists {
    visible_attributes: Vec<String>,
    contact_patterns: Vec<String>,
    own_account_patterns: Vec<String>,
    field_label_patterns: Vec<String>,
    clipboard_contact_patterns: Vec<String>,
    qrcode_patterns: Vec<String>,
    qrcode_save_patterns: Vec<String>,
    scan_elsewhere_patterns: Vec<String>,
    own_code_patterns: Vec<String>,
    download_patterns: Vec<String>,
    platform_patterns: Vec<String>,
    contact_apis: Vec<String>,
    hotline_patterns: Vec<String>,
    phone_number_patterns: Vec<String>,
    phone_word_patterns: Vec<String>,
    service_phone_label_patterns: Vec<String>,
    phone_call_apis: Vec<String>,
    share_reward_patterns: Vec<String>,
    share_open_types: Vec<String>,
    share_handlers: Vec<String>,
    browser_patterns: Vec<String>,
    wechat_feature_patterns: Vec<String>,
    allowed_phrases: Vec<String>,
    third_party_hosts: Vec<String>,
    own_domains: Vec<String>,
}

/// A pattern that matches wherever `pattern` does, and maybe more, in a form the fast engines
/// run as one set: word boundaries dropped (Unicode ones send a set to a slow engine) and
/// counted repetitions left open (`.{0,24}` is two dozen states, `.*` one); captures dropped.
fn relaxed(pattern: &str) -> String {
    fn relax(hir: &Hir) -> Hir {
        match hir.kind() {
            HirKind::Look(look) if !matches!(look, Look::Start | Look::End) => Hir::empty(),
            HirKind::Repetition(rep) => Hir::repetition(Repetition {
                min: rep.min,
                max: None,
                greedy: rep.greedy,
                sub: Box::new(relax(&rep.sub)),
            }),
            HirKind::Capture(capture) => relax(&capture.sub),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(relax).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(relax).collect()),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {
                hir.clone()
            }
        }
    }
    // Each pattern parsed already, compiled into its own list: a failure is a bug in ttlint.
    let hir =
        regex_syntax::parse(pattern).unwrap_or_else(|e| panic!("rule data pattern {pattern}: {e}"));
    relax(&hir).to_string()
}

/// A list of patterns compiled once per run: a set to tell quickly whether any matches, and the
/// patterns themselves to say where.
#[derive(Debug, Clone)]
pub struct Patterns {
    name: &'static str,
    patterns: Box<[String]>,
    /// The set, compiled the first time a text passes [`RuleData::may_match`] and is asked
    /// about: most runs ask few of the lists, and compiling them all up front was most of the
    /// work of linting a small project.
    set: OnceLock<RegexSet>,
    /// Each pattern on its own, compiled the first time the set finds it.
    each: Vec<OnceLock<Regex>>,
}

impl Patterns {
    /// Keeps `patterns` to compile on first use, and adds them to `all`: the union every text
    /// is tried against first ([`RuleData::may_match`]), which compiles them all at once.
    fn new(name: &'static str, patterns: &[String], all: &mut Vec<String>) -> Self {
        all.extend_from_slice(patterns);
        Self {
            name,
            patterns: patterns.into(),
            set: OnceLock::new(),
            each: patterns.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn set(&self) -> &RegexSet {
        // Built-in patterns are covered by a test and extensions are escaped keywords: a failure
        // here is a bug in ttlint.
        self.set.get_or_init(|| {
            RegexSet::new(&self.patterns).unwrap_or_else(|e| panic!("rule data {}: {e}", self.name))
        })
    }

    /// Pattern `i` on its own. The set compiled it already, so it compiles alone.
    fn pattern(&self, i: usize) -> &Regex {
        self.each[i].get_or_init(|| {
            let pattern = &self.patterns[i];
            Regex::new(pattern).unwrap_or_else(|e| panic!("rule data pattern {pattern}: {e}"))
        })
    }

    /// The first match in `text` that does not overlap an allowed phrase, as a byte range. A
    /// pattern that must look at the character before its words (`(^|[^已])…`, Rust's regexes
    /// have no look-behind) names the words `(?P<found>…)`: only they are the match.
    pub fn find(&self, text: &str, allowed: &AhoCorasick) -> Option<std::ops::Range<usize>> {
        // Most texts match nothing: `is_match` stops at the first hit and allocates nothing,
        // where `matches` runs every pattern to the end of the text.
        let set = self.set();
        if !set.is_match(text) {
            return None;
        }
        let hits = set.matches(text);
        let spared: Vec<std::ops::Range<usize>> =
            allowed.find_iter(text).map(|m| m.range()).collect();
        hits.iter()
            .flat_map(|i| self.pattern(i).captures_iter(text))
            .filter_map(|c| c.name("found").or_else(|| c.get(0)))
            .map(|m| m.range())
            .filter(|m| !spared.iter().any(|s| s.start < m.end && m.start < s.end))
            .min_by_key(|m| m.start)
    }
}

/// Third-party drainage data, compiled.
#[derive(Debug, Clone)]
pub struct DrainageData {
    /// Interned, as the markup model's attribute names are: every attribute of every template
    /// is checked against them, twice a run.
    pub visible_attributes: Vec<Ustr>,
    pub contact: Patterns,
    /// Prompts asking users for their own account (`请输入微信号`).
    pub own_account: Patterns,
    /// Bare field labels (`微信号：`), spared where they label an input.
    pub field_label: Patterns,
    pub clipboard_contact: Patterns,
    pub qrcode: Patterns,
    /// Prompts to save a QR code (`保存二维码`): drainage only beside a scan-elsewhere prompt.
    pub qrcode_save: Patterns,
    pub scan_elsewhere: Patterns,
    /// The app's own codes (`小程序码`, `推广码`): a scan prompt naming one stays on Douyin.
    pub own_code: Patterns,
    pub download: Patterns,
    /// Calls to action towards other platforms (`关注小红书`, `淘宝店`).
    pub platform: Patterns,
    /// Members of `tt` that open another platform's customer service.
    pub contact_apis: Vec<String>,
    /// 400/800 numbers: a service line by themselves.
    pub hotline: Patterns,
    /// Other phone numbers (mobile, landline).
    pub phone_number: Patterns,
    /// Words presenting a number as a phone line (`电话`, `拨打`).
    pub phone_word: Patterns,
    /// Customer-service and sales labels (`客服电话`), which make a bound number a service line.
    pub service_phone_label: Patterns,
    /// Members of `tt` that dial (`makePhoneCall`).
    pub phone_call_apis: Vec<String>,
    /// Rewards promised for sharing or inviting, and sharing made a condition.
    pub share_reward: Patterns,
    /// `open-type` values of a share button.
    pub share_open_types: Vec<String>,
    /// Share handlers: page methods (`onShareAppMessage`) and hooks (`useShareAppMessage`).
    pub share_handlers: Vec<String>,
    pub browser: Patterns,
    pub wechat_feature: Patterns,
    /// Phrases never reported on their own (`微信支付`).
    pub allowed: AhoCorasick,
    pub third_party_hosts: Vec<String>,
    pub own_domains: Vec<String>,
}

impl DrainageData {
    fn new(mut lists: DrainageLists, extensions: &DataExtensions, all: &mut Vec<String>) -> Self {
        for (name, values) in &extensions.lists {
            let escaped = values.iter().map(|v| regex::escape(v));
            match name.as_str() {
                "contactKeywords" => lists.contact_patterns.extend(escaped),
                "qrcodeKeywords" => lists.qrcode_patterns.extend(escaped),
                "downloadKeywords" => lists.download_patterns.extend(escaped),
                "platformKeywords" => lists.platform_patterns.extend(escaped),
                "ownDomains" => lists.own_domains.extend(values.iter().cloned()),
                "thirdPartyHosts" => lists.third_party_hosts.extend(values.iter().cloned()),
                _ => {}
            }
        }
        let allowed = AhoCorasick::new(&lists.allowed_phrases)
            .unwrap_or_else(|e| panic!("rule data allowedPhrases: {e}"));
        Self {
            contact: Patterns::new("contactPatterns", &lists.contact_patterns, all),
            own_account: Patterns::new("ownAccountPatterns", &lists.own_account_patterns, all),
            field_label: Patterns::new("fieldLabelPatterns", &lists.field_label_patterns, all),
            clipboard_contact: Patterns::new(
                "clipboardContactPatterns",
                &lists.clipboard_contact_patterns,
                all,
            ),
            qrcode: Patterns::new("qrcodePatterns", &lists.qrcode_patterns, all),
            own_code: Patterns::new("ownCodePatterns", &lists.own_code_patterns, all),
            qrcode_save: Patterns::new("qrcodeSavePatterns", &lists.qrcode_save_patterns, all),
            scan_elsewhere: Patterns::new(
                "scanElsewherePatterns",
                &lists.scan_elsewhere_patterns,
                all,
            ),
            platform: Patterns::new("platformPatterns", &lists.platform_patterns, all),
            contact_apis: lists.contact_apis,
            hotline: Patterns::new("hotlinePatterns", &lists.hotline_patterns, all),
            phone_number: Patterns::new("phoneNumberPatterns", &lists.phone_number_patterns, all),
            phone_word: Patterns::new("phoneWordPatterns", &lists.phone_word_patterns, all),
            service_phone_label: Patterns::new(
                "servicePhoneLabelPatterns",
                &lists.service_phone_label_patterns,
                all,
            ),
            phone_call_apis: lists.phone_call_apis,
            share_reward: Patterns::new("shareRewardPatterns", &lists.share_reward_patterns, all),
            share_open_types: lists.share_open_types,
            share_handlers: lists.share_handlers,
            download: Patterns::new("downloadPatterns", &lists.download_patterns, all),
            browser: Patterns::new("browserPatterns", &lists.browser_patterns, all),
            wechat_feature: Patterns::new(
                "wechatFeaturePatterns",
                &lists.wechat_feature_patterns,
                all,
            ),
            allowed,
            visible_attributes: (lists.visible_attributes.iter())
                .map(|name| Ustr::from(name))
                .collect(),
            third_party_hosts: lists.third_party_hosts,
            own_domains: lists.own_domains,
        }
    }

    /// The host of an `http(s)://` URL.
    pub fn url_host(url: &str) -> Option<&str> {
        let rest = url
            .trim()
            .split_once("://")
            .filter(|(scheme, _)| {
                scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
            })?
            .1;
        let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
        let host = &rest[..end];
        (!host.is_empty()).then_some(host)
    }

    /// Whether `host` is, or is a subdomain of, one of `domains`.
    pub fn host_in(host: &str, domains: &[String]) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        domains.iter().any(|d| {
            let d = d.trim_start_matches("*.").to_ascii_lowercase();
            host == d || host.ends_with(&format!(".{d}"))
        })
    }
}

/// iOS virtual payment (`rules/ios.json`), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IosLists {
    virtual_goods_words: Vec<String>,
    physical_goods_words: Vec<String>,
    redirect_patterns: Vec<String>,
    payment_page_words: Vec<String>,
    platform_words: Vec<String>,
}

/// iOS virtual payment data, compiled.
#[derive(Debug, Clone)]
pub struct IosData {
    pub virtual_goods: AhoCorasick,
    pub virtual_words: Vec<String>,
    pub physical_goods: AhoCorasick,
    pub redirect: Patterns,
    /// Route and title words of a payment page (`pay`, `支付`).
    pub payment_page_words: Vec<String>,
    pub platform_words: Vec<String>,
}

impl IosData {
    /// Whether the goods words are counted in a script literal: in sentences, not identifiers
    /// (`payOrder('vip-monthly')` sells nothing), so only in literals with non-ASCII text.
    /// `analysis::virtual_goods` counts them by it, and scripts keep such literals by it
    /// ([`RuleData::reads_text`]).
    pub fn counts_goods_in_literal(text: &str) -> bool {
        !text.is_ascii()
    }

    fn new(mut lists: IosLists, extensions: &DataExtensions, all: &mut Vec<String>) -> Self {
        for (name, values) in &extensions.lists {
            match name.as_str() {
                "virtualGoodsWords" => lists.virtual_goods_words.extend(values.iter().cloned()),
                "physicalGoodsWords" => lists.physical_goods_words.extend(values.iter().cloned()),
                "redirectKeywords" => lists
                    .redirect_patterns
                    .extend(values.iter().map(|v| regex::escape(v))),
                _ => {}
            }
        }
        let words = |list: &[String], name: &str| {
            AhoCorasick::new(list).unwrap_or_else(|e| panic!("rule data {name}: {e}"))
        };
        Self {
            virtual_goods: words(&lists.virtual_goods_words, "virtualGoodsWords"),
            physical_goods: words(&lists.physical_goods_words, "physicalGoodsWords"),
            redirect: Patterns::new("redirectPatterns", &lists.redirect_patterns, all),
            virtual_words: lists.virtual_goods_words,
            payment_page_words: lists.payment_page_words,
            platform_words: lists.platform_words,
        }
    }
}

/// What sits beside a mini-program without being part of it (`rules/not-app-code.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotAppCodeData {
    pub node_modules: Vec<String>,
    pub back_end_modules: Vec<String>,
    pub back_end_folders: Vec<String>,
    pub mock_and_test_folders: Vec<String>,
    pub mock_and_test_file_marks: Vec<String>,
}

/// All rule data of a run: the built-in lists plus the project's extensions.
#[derive(Debug, Clone)]
pub struct RuleData {
    pub payment: PaymentData,
    pub deprecated_trade: DeprecatedTradeData,
    pub customer_service: CustomerServiceData,
    pub drainage: DrainageData,
    pub ios: IosData,
    pub not_app_code: NotAppCodeData,
    /// Member names of `tt` (`rules/douyin-api.json`).
    douyin_apis: FxHashSet<Ustr>,
    /// Members whose `wx.X(…)` call `--fix` rewrites to `tt.X(…)`.
    same_as_wechat: FxHashSet<Ustr>,
    /// `uni.X` → `tt.Y` where Y ≠ X.
    uni_renames: FxHashMap<Ustr, Ustr>,
    /// `Taro.X` → `tt.Y` where Y ≠ X.
    taro_renames: FxHashMap<Ustr, Ustr>,
    /// Index into `deprecated_trade.apis` by API, parsed once: the trade analysis asks it of
    /// every API use in a project, and an editor runs it on every pause in typing.
    deprecated_by_api: FxHashMap<Api, usize>,
    /// The members some rule looks for (see [`RuleData::reads_api`]).
    read_members: FxHashSet<Ustr>,
    /// The markup attributes some rule reads by name (see [`RuleData::reads_attribute`]).
    read_attributes: FxHashSet<Ustr>,
    /// Every text pattern of every list, as one set (see [`RuleData::may_match`]).
    any_pattern: RegexSet,
    /// Tells this data's answers apart from another's in the threads' [`MAY_MATCH`] memo.
    memo_key: u32,
}

/// Gives each [`RuleData`] its own key in the [`MAY_MATCH`] memo; 0 marks an empty slot.
static NEXT_MEMO_KEY: AtomicU32 = AtomicU32::new(1);

/// Slots of [`MAY_MATCH`].
const MEMO_SLOTS: usize = 512;

/// The longest text [`MAY_MATCH`] remembers, in bytes: request methods, header names, storage
/// keys, toast icons, button labels (ten Chinese characters). Longer ones are seldom written
/// twice.
const MEMO_TEXT: usize = 30;

thread_local! {
    /// What [`RuleData::may_match`] answered for the short texts this thread met last, by hash.
    /// A script's literals are mostly the same few dozen (`'GET'`, `'content-type'`, `'none'`)
    /// in every file, and so are a template's labels (`立即购买`, `加载中`): the union of text
    /// patterns cost 50 ns a literal, more than a tenth of turning a script into facts.
    static MAY_MATCH: RefCell<[Remembered; MEMO_SLOTS]> =
        const { RefCell::new([Remembered::EMPTY; MEMO_SLOTS]) };
}

/// One answer of [`MAY_MATCH`]: the text, held in place, and the data that answered.
#[derive(Clone, Copy)]
struct Remembered {
    data: u32,
    hash: u32,
    len: u8,
    text: [u8; MEMO_TEXT],
    matches: bool,
}

impl Remembered {
    const EMPTY: Self = Self {
        data: 0,
        hash: 0,
        len: 0,
        text: [0; MEMO_TEXT],
        matches: false,
    };

    /// The answer this thread remembers for `text` from the data `data`, or `ask`'s, then
    /// remembered. Each hash has two slots, the newer answer first: texts whose hashes share a
    /// slot are met in turns (`'GET'` and `'token'` in every request), and with one slot each
    /// would keep putting each other out.
    fn answer(data: u32, text: &str, ask: impl FnOnce() -> bool) -> bool {
        let Ok(len) = u8::try_from(text.len()) else {
            return ask();
        };
        if usize::from(len) > MEMO_TEXT {
            return ask();
        }
        // The low half of the hash picks the slot, and is kept to tell most other texts apart
        // without comparing them.
        let hash = FxBuildHasher.hash_one(text.as_bytes()) as u32;
        let slot = hash as usize % MEMO_SLOTS;
        let holds = |m: &Self| {
            m.data == data
                && m.hash == hash
                && m.len == len
                && m.text.get(..usize::from(len)) == Some(text.as_bytes())
        };
        let found = MAY_MATCH.with_borrow(|memos| {
            [slot, slot ^ 1]
                .into_iter()
                .find(|&at| holds(&memos[at]))
                .map(|at| memos[at].matches)
        });
        if let Some(matches) = found {
            return matches;
        }
        let matches = ask();
        let mut held = [0; MEMO_TEXT];
        held[..text.len()].copy_from_slice(text.as_bytes());
        MAY_MATCH.with_borrow_mut(|memos| {
            memos[slot ^ 1] = memos[slot];
            memos[slot] = Self {
                data,
                hash,
                len,
                text: held,
                matches,
            };
        });
        matches
    }
}

/// `tt.navigateToMiniProgram`, which `navigate-to-mini-program` checks.
pub const NAVIGATE_TO_MINI_PROGRAM: &str = "navigateToMiniProgram";

/// `tt.setClipboardData`, whose copied text the drainage rules read.
pub const SET_CLIPBOARD_DATA: &str = "setClipboardData";

/// Members of `tt` a rule looks for by one name rather than through a data list. Rules name
/// them by these constants, never by a literal (a test reads the rules' code for one), so the
/// facts keep their uses ([`RuleData::reads_api`]).
const NAMED_IN_RULES: [&str; 2] = [NAVIGATE_TO_MINI_PROGRAM, SET_CLIPBOARD_DATA];

/// Markup attributes a rule or analysis asks an element for by name, besides those of the data
/// lists, [`SHOWN_BY`] and directives (see [`RuleData::reads_attribute`]; a test reads the
/// rules' code for the names they ask).
const ATTRIBUTES_NAMED_IN_RULES: [&str; 6] = [
    "open-type",
    "type",
    "src",
    "show-menu-by-longpress",
    "data-im-id",
    "data-im-type",
];

/// Properties through which a custom component shows or hides itself: a drawer or popup bound
/// to a flag (`<u-popup v-model="showPay">`, `<pay-sheet show="{{showPay}}">`,
/// `<AtModal isOpened={open}>`).
pub const SHOWN_BY: &[&str] = &[
    "show",
    "visible",
    "value",
    "model-value",
    "v-model",
    "is-opened",
    "open",
    "is-show",
    "is-visible",
];

fn renames(list: &BTreeMap<String, String>) -> FxHashMap<Ustr, Ustr> {
    list.iter()
        .map(|(from, to)| (Ustr::from(from), Ustr::from(to)))
        .collect()
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The data files are part of the binary and covered by a test: a failure here is a bug in
    // ttlint, never a consequence of the user's input.
    jsonc_parser::parse_to_serde_value(text, &Default::default())
        .unwrap_or_else(|e| panic!("built-in rule data {name} is invalid: {e}"))
}

/// Compiled rule data kept for the next lint with the same extensions: compiling the patterns
/// costs more than linting a small project, and a process that lints again and again (a test
/// suite, the fuzzer, an embedder) asks for the same data each time. Only the last set of
/// extensions asked for is kept.
#[derive(Default)]
pub struct DataCache(Mutex<Option<(DataExtensions, Arc<RuleData>)>>);

impl DataCache {
    pub const fn new() -> Self {
        Self(Mutex::new(None))
    }

    pub fn get(&self, extensions: &DataExtensions) -> Arc<RuleData> {
        let mut last = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kept, data)) = &*last
            && kept == extensions
        {
            return Arc::clone(data);
        }
        let data = Arc::new(RuleData::new(extensions));
        *last = Some((extensions.clone(), Arc::clone(&data)));
        data
    }
}

impl RuleData {
    /// [`RuleData::new`], compiled once for a run of lints with the same extensions (see
    /// [`DataCache`]).
    pub fn shared(extensions: &DataExtensions) -> Arc<RuleData> {
        static CACHE: DataCache = DataCache::new();
        CACHE.get(extensions)
    }

    /// The built-in lists extended with a project's own entries.
    pub fn new(extensions: &DataExtensions) -> Self {
        let mut lists: PaymentLists = parse("rules/payment.json", PAYMENT);
        let deprecated_trade: DeprecatedTradeData =
            parse("rules/deprecated-trade.json", DEPRECATED_TRADE);
        let mut customer_service: CustomerServiceData =
            parse("rules/customer-service.json", CUSTOMER_SERVICE);
        for (name, values) in &extensions.lists {
            let list = match name.as_str() {
                "offlinePaymentApis" => &mut lists.offline_payment_apis,
                "foreignPaymentApis" => &mut lists.foreign_payment_apis,
                "tradeApis" => &mut lists.trade_apis,
                "payComponents" => &mut lists.pay_components,
                "orderWords" => &mut customer_service.order_words,
                "personalWords" => &mut customer_service.personal_words,
                _ => continue,
            };
            list.extend(values.iter().cloned());
        }
        let payment = PaymentData {
            offline_payment_apis: apis("offlinePaymentApis", &lists.offline_payment_apis),
            foreign_payment_apis: apis("foreignPaymentApis", &lists.foreign_payment_apis),
            wechat_payment_keys: lists.wechat_payment_keys,
            trade_apis: apis("tradeApis", &lists.trade_apis),
            cashier_apis: apis("cashierApis", &lists.cashier_apis),
            im_payment_keys: lists.im_payment_keys,
            pay_components: lists.pay_components,
        };
        let douyin: DouyinApiList = parse("rules/douyin-api.json", DOUYIN_API);
        let frameworks: FrameworkLists = parse("rules/frameworks.json", FRAMEWORKS);
        customer_service.set_wrapper_buttons(frameworks.wrapper_buttons);
        customer_service.taro_button_reaches_im =
            frameworks.taro.im_id_reaches_native_button != Some(false);
        let mut all_patterns = Vec::new();
        let drainage = DrainageData::new(
            parse("rules/drainage.json", DRAINAGE),
            extensions,
            &mut all_patterns,
        );
        let ios = IosData::new(parse("rules/ios.json", IOS), extensions, &mut all_patterns);
        // Every pattern compiled and is valid on its own, so each relaxes and the union compiles.
        let any_pattern = RegexSet::new(all_patterns.iter().map(|p| relaxed(p)))
            .unwrap_or_else(|e| panic!("rule data, all patterns: {e}"));
        let deprecated_by_api: FxHashMap<Api, usize> = deprecated_trade
            .apis
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, a)| Some((Api::parse(&a.name)?, i)))
            .collect();
        let read_members = payment
            .offline_payment_apis
            .iter()
            .chain(&payment.foreign_payment_apis)
            .chain(&payment.trade_apis)
            .chain(&payment.cashier_apis)
            .chain(deprecated_by_api.keys())
            .map(|api| api.member)
            .chain(
                (drainage.contact_apis.iter())
                    .chain(&drainage.phone_call_apis)
                    .chain(&drainage.share_handlers)
                    .map(|member| Ustr::from(member)),
            )
            .chain(NAMED_IN_RULES.map(Ustr::from))
            .collect();
        let read_attributes = (customer_service.wrapper_buttons.iter())
            .flat_map(|b| [&b.open_type_prop, &b.im_id_prop])
            .flatten()
            .map(|prop| Ustr::from(hyphenate(prop).as_ref()))
            .chain((customer_service.card_types.values()).map(|name| Ustr::from(name)))
            .chain(drainage.visible_attributes.iter().copied())
            .chain(ATTRIBUTES_NAMED_IN_RULES.map(Ustr::from))
            .chain(SHOWN_BY.iter().map(|&name| Ustr::from(name)))
            .collect();
        Self {
            any_pattern,
            memo_key: NEXT_MEMO_KEY.fetch_add(1, Ordering::Relaxed),
            read_members,
            read_attributes,
            deprecated_by_api,
            payment,
            deprecated_trade,
            customer_service,
            drainage,
            ios,
            not_app_code: parse("rules/not-app-code.json", NOT_APP_CODE),
            douyin_apis: douyin.apis.iter().map(|a| Ustr::from(a)).collect(),
            same_as_wechat: douyin
                .same_as_wechat
                .iter()
                .map(|a| Ustr::from(a))
                .collect(),
            uni_renames: renames(&frameworks.uni_app.renamed_on_douyin),
            taro_renames: renames(&frameworks.taro.renamed_on_douyin),
        }
    }

    /// Whether some pattern of the rule data may match `text`. Rules look for a dozen and a half
    /// lists of patterns in every text users see, and nearly every text matches none: one pass
    /// of the union first spares the others. A text it clears matches no list.
    pub fn may_match(&self, text: &str) -> bool {
        Remembered::answer(self.memo_key, text, || self.any_pattern.is_match(text))
    }

    /// Whether some rule reads uses of `api`: every `wx` API (`wechat-only-feature`), and the
    /// members the data lists and the rules name, under any object and as they become on Douyin
    /// (`uni.requestPayment` is `tt.pay`). The facts of a script keep only these: `tt.request`,
    /// `tt.showToast` and the like, with their options, are most of a script's uses and no rule
    /// looks at them.
    pub fn reads_api(&self, api: Api) -> bool {
        api.ns == Namespace::Wx
            || self.read_members.contains(&api.member)
            || self.read_members.contains(&self.on_douyin(api).member)
    }

    /// Whether some rule reads a script's string literal with this text: one a text list may
    /// match ([`RuleData::may_match`]: what users see, and a handler's texts), or one the iOS
    /// goods words are counted in ([`IosData::counts_goods_in_literal`]). The facts of a script
    /// keep only these: request methods, header names, storage keys and the like are most of a
    /// script's literals and no rule reads them.
    pub fn reads_text(&self, text: &str) -> bool {
        IosData::counts_goods_in_literal(text) || self.may_match(text)
    }

    /// Whether some rule reads a markup attribute named `name` (as the model names it): the
    /// user-facing attributes the drainage lists name, those rules ask for (`open-type`, `src`,
    /// `data-im-id`, an IM card's `data-order-id`), a UI library button's props, a component's
    /// [`SHOWN_BY`] flag, and directives (`tt:if`, `wx:key`, `v-else`). The loader keeps only
    /// these, and values that compare: `class`, `style` and `data-id` are most of a template's
    /// attributes and no rule reads them.
    pub fn reads_attribute(&self, name: Ustr) -> bool {
        self.read_attributes.contains(&name) || name.starts_with("v-") || name.contains(':')
    }

    /// Whether `other` reads the same API uses and literals of a script and attributes of a
    /// template (see [`RuleData::reads_api`], [`RuleData::reads_text`],
    /// [`RuleData::reads_attribute`]): if not, files are parsed again.
    pub fn reads_same(&self, other: &RuleData) -> bool {
        self.read_members == other.read_members
            && self.read_attributes == other.read_attributes
            && self.any_pattern.patterns() == other.any_pattern.patterns()
    }

    /// The deprecation entry of an API, if any.
    pub fn deprecated_api(&self, api: Api) -> Option<&DeprecatedApi> {
        self.deprecated_by_api
            .get(&api)
            .and_then(|&i| self.deprecated_trade.apis.get(i))
    }

    /// What an API becomes in a Douyin build: `tt.X` itself, `Taro.X` → `tt.X`, `uni.X` →
    /// `tt.X` or its renamed form (`uni.requestPayment` → `tt.pay`). Other platforms' APIs (and
    /// `wx`, which uni-app aliases only in its own source) stay themselves.
    pub fn on_douyin(&self, api: Api) -> Api {
        let renamed = match api.ns {
            Namespace::Uni => self.uni_renames.get(&api.member),
            Namespace::Taro => self.taro_renames.get(&api.member),
            _ => return api,
        };
        match renamed {
            Some(member) => Api {
                ns: Namespace::Tt,
                member: *member,
            },
            None => api.on(Namespace::Tt),
        }
    }

    /// Whether Douyin has `tt.<member>` (as far as the API data knows: a name missing from it is
    /// not proof that Douyin lacks it).
    pub fn douyin_has(&self, member: &str) -> bool {
        self.douyin_apis.contains(&Ustr::from(member))
    }

    /// Whether `wx.<member>(…)` does on WeChat what `tt.<member>(…)` does on Douyin, so that a
    /// port can be fixed by renaming the object (`sameAsWechat` in `rules/douyin-api.json`).
    pub fn same_as_wechat(&self, member: &str) -> bool {
        self.same_as_wechat.contains(&Ustr::from(member))
    }

    /// The `sameAsWechat` members, sorted: for the test that fixes each.
    pub fn same_as_wechat_members(&self) -> Vec<&str> {
        let mut members: Vec<&str> = self.same_as_wechat.iter().map(|m| m.as_str()).collect();
        members.sort_unstable();
        members
    }
}

impl Default for RuleData {
    fn default() -> Self {
        Self::new(&DataExtensions::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replacements reach users in help text, so each has a real Chinese translation.
    #[test]
    fn every_replacement_is_translated() {
        use crate::base::locale_check::{allowlist, chinese_problems};
        let data = RuleData::default();
        let trade = &data.deprecated_trade;
        let replacements = trade
            .apis
            .iter()
            .map(|a| a.localized_replacement())
            .chain(trade.components.iter().map(|c| c.localized_replacement()));
        let allow = allowlist();
        for r in replacements {
            assert_ne!(r.en, r.zh_cn, "rules/deprecated-trade.json: untranslated");
            let problems = chinese_problems(&r.zh_cn, &allow);
            assert!(
                problems.is_empty(),
                "rules/deprecated-trade.json, replacementZh `{}`: {problems:?}",
                r.zh_cn
            );
        }
    }

    #[test]
    fn wrapper_buttons_are_found_by_tag_in_any_case_for_their_framework() {
        let data = RuleData::default().customer_service;
        let found = |tag, framework| {
            data.wrapper_button(tag, framework)
                .map(|w| (w.library.as_str(), w.tags.clone()))
        };
        let at = Some(("taro-ui", vec!["AtButton".to_string()]));
        assert_eq!(found("AtButton", "taro"), at);
        assert_eq!(found("at-button", "taro"), at);
        assert_eq!(found("AtButton", "uni-app"), None);
        // Two libraries write `<nut-button>`: the first listed for the framework answers.
        assert_eq!(
            found("nut-button", "uni-app").map(|w| w.0),
            Some("nutui-uniapp")
        );
        assert_eq!(
            found("nut-button", "taro").map(|w| w.0),
            Some("@nutui/nutui-taro")
        );
        assert_eq!(
            found("van-button", "native").map(|w| w.0),
            Some("@vant/weapp")
        );
        assert_eq!(found("button", "native"), None);
    }

    #[test]
    fn built_in_data_parses() {
        let data = RuleData::default();
        let tt = |m: &str| Api::new(Namespace::Tt, m);
        assert!(data.payment.offline_payment_apis.contains(&tt("pay")));
        assert!(!data.payment.offline_payment_apis.contains(&tt("payment")));
        assert_eq!(
            data.deprecated_api(tt("openEcCart")).map(|a| a.status),
            Some(Status::Deprecated)
        );
        assert!(data.douyin_has("requestOrder") && data.douyin_has("getOrderPayment"));
        assert!(!data.douyin_has("requestPayment") && !data.douyin_has("openCustomerServiceChat"));
        assert_eq!(
            data.on_douyin(Api::new(Namespace::Uni, "requestPayment")),
            tt("pay"),
            "uni-app calls tt.pay"
        );
        assert_eq!(data.on_douyin(Api::new(Namespace::Taro, "pay")), tt("pay"));
        assert_eq!(
            data.on_douyin(Api::new(Namespace::Taro, "requestPayment")),
            tt("requestPayment"),
            "Taro forwards without renaming"
        );
        assert_eq!(
            data.on_douyin(Api::new(Namespace::Wx, "login")),
            Api::new(Namespace::Wx, "login")
        );
        assert!(
            data.deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("ext://industry/pay-button"))
        );
        assert!(
            data.deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("plugin://microapp-trade-plugin/pay"))
        );
        assert!(
            !data
                .deprecated_trade
                .components
                .iter()
                .any(|c| c.matches_path("tta5a3d31e3aecfb9b11://pay-button"))
        );
    }

    /// Every text list of the rule data.
    fn text_lists(data: &RuleData) -> Vec<&Patterns> {
        let d = &data.drainage;
        vec![
            &d.contact,
            &d.own_account,
            &d.field_label,
            &d.clipboard_contact,
            &d.qrcode,
            &d.own_code,
            &d.qrcode_save,
            &d.scan_elsewhere,
            &d.platform,
            &d.hotline,
            &d.phone_number,
            &d.phone_word,
            &d.service_phone_label,
            &d.share_reward,
            &d.download,
            &d.browser,
            &d.wechat_feature,
            &data.ios.redirect,
        ]
    }

    #[test]
    fn every_list_compiles_and_the_union_clears_no_text_a_list_matches() {
        let data = RuleData::default();
        let lists = text_lists(&data);
        let total: usize = lists.iter().map(|p| p.patterns.len()).sum();
        assert_eq!(
            total,
            data.any_pattern.len(),
            "the union holds every list's patterns"
        );
        for list in &lists {
            list.set();
            for i in 0..list.patterns.len() {
                list.pattern(i);
            }
        }
        let texts = [
            "加微信：abc_123456",
            "加v领取",
            "wx: wechat_user1",
            "QQ：123456789",
            "下载APP领红包",
            "请在浏览器打开",
            "https://apps.apple.com/cn/app/id1",
            "app.apk",
            "扫码关注公众号",
            "保存二维码到相册",
            "客服热线 400-123-4567",
            "tel: 13800138000",
            "分享到群领红包",
            "iOS用户请到安卓客户端购买",
            "苹果手机暂不支持，请到官网充值",
            "关注小红书",
            "加载失败",
            "token",
        ];
        let mut matched = 0;
        for text in texts {
            for list in &lists {
                if list.find(text, &data.drainage.allowed).is_some() {
                    matched += 1;
                    assert!(data.may_match(text), "{text:?} matches {}", list.name);
                }
            }
        }
        assert!(matched >= 15, "the sample texts reach the lists: {matched}");
        assert!(!data.may_match("加载失败") && !data.may_match("token"));
    }

    #[test]
    fn relaxed_patterns_match_wherever_the_pattern_does() {
        let cases = [
            (r"(?i)\.apk(\b|$)", ["x.APK", "a.apk 下载"]),
            (r"加\s*([vV](?-u:\b)|Ｖ)", ["加v", "加 V："]),
            (r"(苹果).{0,3}(购买)", ["苹果购买", "苹果手机去购买"]),
            (
                r"(^|[^a-z])(?P<found>qq\s*[:：]?\s*[1-9][0-9]{4,10})",
                ["qq:12345", "找qq 123456789012"],
            ),
        ];
        for (pattern, texts) in cases {
            let (strict, loose) = (
                Regex::new(pattern).unwrap(),
                Regex::new(&relaxed(pattern)).unwrap(),
            );
            for text in texts {
                assert!(
                    strict.is_match(text) && loose.is_match(text),
                    "{pattern} {text}"
                );
            }
        }
        assert!(
            Regex::new(&relaxed(r"(苹果).{0,3}(购买)"))
                .unwrap()
                .is_match("苹果手机正在热卖，欢迎购买")
        );
    }

    #[test]
    fn drainage_patterns_find_lures_and_spare_payment_channels() {
        let d = RuleData::default().drainage;
        let contact = |t: &str| {
            d.contact
                .find(t, &d.allowed)
                .map(|r| &t[r])
                .map(str::to_string)
        };
        assert_eq!(
            contact("添加客服微信 starshop 领券").as_deref(),
            Some("添加客服微信")
        );
        assert_eq!(
            contact("vx：star_shop88").as_deref(),
            Some("vx：star_shop88")
        );
        assert_eq!(contact("QQ群 123456"), Some("QQ群".into()));
        assert_eq!(contact("关注我们的公众号"), Some("关注我们的公众号".into()));
        assert_eq!(
            contact("添加银行卡，支持微信支付"),
            None,
            "the match would overlap 微信支付"
        );
        assert_eq!(contact("支持微信支付、支付宝"), None);
        assert_eq!(contact("wechat"), None);
        assert_eq!(contact("加VIP会员"), None);
        assert!(d.qrcode.find("长按识别二维码", &d.allowed).is_some());
        assert!(
            d.download
                .find("https://cdn.x.cn/app-release.apk", &d.allowed)
                .is_some()
        );
        assert!(d.download.find("下载App领红包", &d.allowed).is_some());
        assert!(d.download.find("打开APP识别", &d.allowed).is_some());
        assert!(
            d.download.find("打开抖音App", &d.allowed).is_none(),
            "Douyin itself"
        );
        assert_eq!(contact("店家微信: starshop"), Some("店家微信".into()));
        assert_eq!(contact("加群交流"), Some("加群交流".into()));
        assert_eq!(
            contact("欢迎大家 加群交流").as_deref(),
            Some("加群交流"),
            "the character looked at before the words is not part of the match"
        );
        assert_eq!(
            contact("联系 vx:star_shop88").as_deref(),
            Some("vx:star_shop88")
        );
        assert_eq!(contact("已进群"), None, "an in-app group's status");
        assert_eq!(contact("加群成功"), None);
        assert!(d.platform.find("关注小红书「好物」", &d.allowed).is_some());
        assert!(d.platform.find("分享到新浪微博", &d.allowed).is_none());
        assert!(
            d.qrcode.find("长按保存二维码", &d.allowed).is_none(),
            "saving is not scanning"
        );
        assert!(d.qrcode_save.find("长按保存二维码", &d.allowed).is_some());
        let found = |p: &Patterns, t: &str| p.find(t, &d.allowed).map(|r| t[r].to_string());
        assert_eq!(
            found(&d.hotline, "客服热线：400-820-8820。").as_deref(),
            Some("400-820-8820")
        );
        assert_eq!(found(&d.hotline, "订单号 2024004008208820"), None);
        assert_eq!(
            found(&d.phone_number, "电话 0571-88886666").as_deref(),
            Some("0571-88886666")
        );
        assert_eq!(found(&d.phone_number, "编号 913800138000123"), None);
        assert!(d.share_reward.find("分享得红包", &d.allowed).is_some());
        assert!(
            d.share_reward
                .find("邀请3位好友即可领取会员", &d.allowed)
                .is_some()
        );
        assert!(
            d.share_reward
                .find("转发解锁全部章节", &d.allowed)
                .is_some()
        );
        assert!(
            d.share_reward
                .find("帮我点赞你拿红包", &d.allowed)
                .is_some()
        );
        assert!(
            d.share_reward
                .find("分享有赏，好友下单后可得积分奖励", &d.allowed)
                .is_some()
        );
        assert!(
            d.share_reward
                .find("快邀请好友来拆红包", &d.allowed)
                .is_some()
        );
        assert!(d.share_reward.find("点赞得积分", &d.allowed).is_none());
        assert!(d.share_reward.find("分享心得", &d.allowed).is_none());
        assert!(d.share_reward.find("分享给好友", &d.allowed).is_none());
        assert!(
            d.share_reward
                .find("邀请好友一起拼团", &d.allowed)
                .is_none()
        );
        assert!(
            d.browser
                .find("请复制链接到浏览器打开", &d.allowed)
                .is_some()
        );
        assert!(DrainageData::host_in(
            "mp.weixin.qq.com",
            &d.third_party_hosts
        ));
        assert!(!DrainageData::host_in("notqq.com", &d.third_party_hosts));
    }

    #[test]
    fn projects_extend_the_lists() {
        let mut ext = DataExtensions::default();
        ext.lists
            .insert("tradeApis".into(), vec!["tt.myTrade".into()]);
        let data = RuleData::new(&ext);
        assert!(
            data.payment
                .trade_apis
                .contains(&Api::new(Namespace::Tt, "myTrade"))
        );
        assert!(
            data.payment
                .trade_apis
                .contains(&Api::new(Namespace::Tt, "requestOrder"))
        );
    }

    #[test]
    fn shared_data_is_compiled_once_per_set_of_extensions() {
        let mut ext = DataExtensions::default();
        ext.lists
            .insert("contactKeywords".into(), vec!["zz-shared-zz".into()]);
        let cache = DataCache::new();
        let first = cache.get(&ext);
        assert!(Arc::ptr_eq(&first, &cache.get(&ext)));
        let d = &first.drainage;
        assert!(d.contact.find("zz-shared-zz", &d.allowed).is_some());
        // Other extensions are other data, never the kept one.
        let plain = cache.get(&DataExtensions::default());
        assert!(!Arc::ptr_eq(&first, &plain));
        let d = &plain.drainage;
        assert!(d.contact.find("zz-shared-zz", &d.allowed).is_none());
    }

    #[test]
    fn every_extensible_list_is_applied() {
        for name in EXTENSIBLE_LISTS {
            let value = if API_LISTS.contains(name) {
                "tt.zzMarkerZz"
            } else {
                "zz-marker-zz"
            };
            let mut ext = DataExtensions::default();
            ext.lists.insert(name.to_string(), vec![value.into()]);
            let data = RuleData::new(&ext);
            let d = &data.drainage;
            let found = match *name {
                "contactKeywords" => d.contact.find(value, &d.allowed).is_some(),
                "qrcodeKeywords" => d.qrcode.find(value, &d.allowed).is_some(),
                "downloadKeywords" => d.download.find(value, &d.allowed).is_some(),
                "platformKeywords" => d.platform.find(value, &d.allowed).is_some(),
                "redirectKeywords" => data.ios.redirect.find(value, &d.allowed).is_some(),
                "virtualGoodsWords" => data.ios.virtual_goods.is_match(value),
                "physicalGoodsWords" => data.ios.physical_goods.is_match(value),
                _ => format!("{data:?}").contains(value.trim_start_matches("tt.")),
            };
            assert!(found, "{name} is accepted in ttlint.json but never applied");
            // Keywords added to a text list reach the rules only through the union.
            if name.ends_with("Keywords") {
                assert!(
                    data.may_match(value),
                    "{name}: the union clears its keywords"
                );
            }
        }
    }

    #[test]
    fn scripts_keep_the_literals_rules_read() {
        let data = RuleData::default();
        assert!(
            data.reads_text("wx: shop_helper01"),
            "a contact a list matches"
        );
        assert!(
            data.reads_text("开通会员"),
            "goods words are counted in non-ASCII text"
        );
        for unread in [
            "POST",
            "application/json",
            "token",
            "[onLoad] request failed",
        ] {
            assert!(!data.reads_text(unread), "{unread}");
        }
        let extended = RuleData::new(&DataExtensions {
            lists: BTreeMap::from([("contactKeywords".into(), vec!["ask-for-mike".into()])]),
        });
        assert!(extended.reads_text("ask-for-mike"));
        assert!(
            !extended.reads_same(&data),
            "scripts are parsed again for new keywords"
        );
    }

    #[test]
    fn remembered_answers_are_those_of_the_data_asked() {
        let data = RuleData::default();
        let extended = RuleData::new(&DataExtensions {
            lists: BTreeMap::from([("contactKeywords".into(), vec!["ask-for-mike".into()])]),
        });
        // Asked in turns, each data gives its own answer, and so on every later ask.
        for _ in 0..3 {
            assert!(!data.reads_text("ask-for-mike"));
            assert!(extended.reads_text("ask-for-mike"));
        }
        // Texts of the same slot, asked in turns: three put the oldest out of a slot's pair.
        // And two texts of one hash and length, one read and one not: answers go by the text.
        let hash = |t: &str| FxBuildHasher.hash_one(t.as_bytes()) as u32;
        let read: Vec<String> = (0..150_000).map(|i| format!("wx: a{i:06}")).collect();
        let by_hash: FxHashMap<u32, &str> = read.iter().map(|t| (hash(t), t.as_str())).collect();
        let (twin, unread) = (0..150_000)
            .map(|i| format!("plain{i:06}"))
            .find_map(|t| Some((*by_hash.get(&hash(&t))?, t)))
            .expect("the test needs two texts of one hash");
        let slot = |t: &str| hash(t) as usize % MEMO_SLOTS;
        let same: Vec<&str> = (read.iter().map(String::as_str))
            .filter(|&t| t != twin && slot(t) == slot(twin))
            .take(2)
            .collect();
        for _ in 0..3 {
            for text in [twin, same[0], same[1]] {
                assert!(data.reads_text(text), "{text}");
                assert!(!data.reads_text(&unread), "{unread}");
            }
        }
        // Texts users see in templates, short and not ASCII, are remembered alike.
        for _ in 0..3 {
            assert!(data.may_match("客服电话"));
            assert!(!data.may_match("加载中"));
        }
        // A text past the longest remembered is answered all the same.
        let long = format!("{}wx: shop_helper01", " ".repeat(MEMO_TEXT));
        assert!(data.reads_text(&long) && data.reads_text(&long));
    }

    #[test]
    fn scripts_keep_the_uses_of_the_apis_rules_read() {
        let data = RuleData::default();
        let api = |s: &str| Api::parse(s).expect("an API");
        for read in [
            "tt.pay",
            "uni.requestPayment",
            "Taro.requestPayment",
            "wx.requestPayment",
            "wx.getWeRunData",
            "tt.navigateToMiniProgram",
            "tt.setClipboardData",
            "tt.makePhoneCall",
            "tt.openCustomerServiceChat",
        ] {
            assert!(data.reads_api(api(read)), "{read}");
        }
        for unread in [
            "tt.request",
            "tt.showToast",
            "uni.navigateTo",
            "Taro.getStorageSync",
        ] {
            assert!(!data.reads_api(api(unread)), "{unread}");
        }
        let lists = [
            &data.payment.offline_payment_apis,
            &data.payment.foreign_payment_apis,
            &data.payment.trade_apis,
            &data.payment.cashier_apis,
        ];
        for listed in lists.into_iter().flatten() {
            assert!(data.reads_api(*listed), "{listed}");
        }
        for deprecated in &data.deprecated_trade.apis {
            assert!(data.reads_api(api(&deprecated.name)), "{}", deprecated.name);
        }
        let extended = RuleData::new(&DataExtensions {
            lists: BTreeMap::from([("tradeApis".into(), vec!["tt.placeOrder".into()])]),
        });
        assert!(!data.reads_api(api("tt.placeOrder")));
        assert!(extended.reads_api(api("tt.placeOrder")));
        assert!(!extended.reads_same(&data));
        assert!(RuleData::default().reads_same(&data));
    }

    #[test]
    fn templates_keep_the_attributes_rules_read() {
        let data = RuleData::default();
        let reads = |name: &str| data.reads_attribute(Ustr::from(name));
        let directives = ["tt:else", "wx:key", "v-else", "v-model", "v-bind:title"];
        for read in (ATTRIBUTES_NAMED_IN_RULES.iter())
            .chain(SHOWN_BY)
            .chain(&directives)
        {
            assert!(reads(read), "{read}");
        }
        for unread in [
            "class",
            "style",
            "hover-class",
            "mode",
            "lazy-load",
            "data-id",
        ] {
            assert!(!reads(unread), "{unread}");
        }
        for visible in &data.drainage.visible_attributes {
            assert!(data.reads_attribute(*visible), "{visible}");
        }
        for card_id in data.customer_service.card_types.values() {
            assert!(reads(card_id), "{card_id}");
        }
        // A UI library button's props, hyphenated as the model names them.
        let wrapper = &data.customer_service.wrapper_buttons[0];
        let prop = wrapper
            .open_type_prop
            .as_deref()
            .expect("an open-type prop");
        assert!(reads(&hyphenate(prop)), "{prop}");
    }

    /// A rule or analysis that asks an element for an attribute the templates drop would find
    /// none: every name the rules' code asks for must be one [`RuleData::reads_attribute`] keeps.
    /// (The names they ask for from the data are covered above.)
    #[test]
    fn rules_ask_only_for_attributes_the_templates_keep() {
        let data = RuleData::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        // Asked for directly, or a dataset name written to be asked for later.
        let asked = Regex::new(r#"\b(?:static_attr|attr|has_attr)\(\s*"([^"]+)"|"(data-[\w-]+)""#)
            .expect("a valid pattern");
        let mut names = Vec::new();
        for dir in ["rules", "analysis"] {
            let entries = std::fs::read_dir(root.join(dir)).expect("the source folder");
            for entry in entries.flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                names.extend(
                    (asked.captures_iter(&text))
                        .filter_map(|c| c.get(1).or(c.get(2)))
                        .map(|name| name.as_str().to_string()),
                );
            }
        }
        names.sort();
        names.dedup();
        assert_eq!(
            names,
            [
                "data-im-id",
                "data-im-type",
                "open-type",
                "show-menu-by-longpress",
                "src",
                "type"
            ]
        );
        for name in names {
            assert!(data.reads_attribute(Ustr::from(name.as_str())), "{name}");
        }
    }

    /// A rule or analysis that compares an API's member with a name written in its code would
    /// read uses the facts drop (unless the name happened to be in a data list): rules name
    /// single members by the constants of `NAMED_IN_RULES` instead.
    #[test]
    fn rules_name_members_by_the_constants_the_facts_keep() {
        let data = RuleData::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let literal =
            Regex::new(r#"member(\.as_str\(\))?\s*[!=]=\s*"(\w+)""#).expect("a valid pattern");
        let constant = Regex::new(r"member\s*[!=]=\s*data::([A-Z_]+)").expect("a valid pattern");
        let (mut literals, mut constants) = (Vec::new(), Vec::new());
        for dir in ["rules", "analysis"] {
            let entries = std::fs::read_dir(root.join(dir)).expect("the source folder");
            for entry in entries.flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                literals.extend(literal.captures_iter(&text).map(|c| c[2].to_string()));
                constants.extend(constant.captures_iter(&text).map(|c| c[1].to_string()));
            }
        }
        assert_eq!(
            literals,
            [] as [String; 0],
            "compare with a constant of base::data"
        );
        constants.sort();
        assert_eq!(
            constants,
            ["NAVIGATE_TO_MINI_PROGRAM", "SET_CLIPBOARD_DATA"]
        );
        for member in NAMED_IN_RULES {
            assert!(data.reads_api(Api::new(Namespace::Tt, member)), "{member}");
        }
    }
}
