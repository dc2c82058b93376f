//! What `app.json` and `project.config.json` say about a mini-program, with the span of every
//! value so findings can point at the entry.

use crate::base::source::Span;
use crate::syntax::js::conditional::Regions;
use crate::syntax::json::Json;

/// A string value and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    pub value: String,
    pub span: Span,
}

fn spanned(json: &Json) -> Option<Spanned> {
    json.as_str().map(|s| Spanned {
        value: s.to_string(),
        span: json.span,
    })
}

/// A page route listed in `app.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageEntry {
    /// The route: `pages/index/index`, `pkgA/pages/detail/detail`.
    pub route: String,
    pub span: Span,
    /// The subpackage root it belongs to, if any.
    pub subpackage: Option<String>,
}

/// A `usingComponents` entry: `"tag": "path"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentEntry {
    pub tag: String,
    pub tag_span: Span,
    pub path: String,
    pub path_span: Span,
}

/// `usingComponents` of an `app.json` or a page/component `.json`.
pub fn using_components(json: &Json) -> Vec<ComponentEntry> {
    let Some(members) = json.get("usingComponents").and_then(Json::as_object) else {
        return Vec::new();
    };
    members
        .iter()
        .filter_map(|m| {
            let path = m.value.as_str()?;
            Some(ComponentEntry {
                tag: m.key.clone(),
                tag_span: m.key_span,
                path: path.to_string(),
                path_span: m.value.span,
            })
        })
        .collect()
}

/// The parts of `app.json` ttlint reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppConfig {
    pub pages: Vec<PageEntry>,
    pub entry_page: Option<Spanned>,
    pub tab_bar: Vec<Spanned>,
    /// `tabBar.custom: true`: the bar is the `custom-tab-bar` component.
    pub custom_tab_bar: bool,
    pub components: Vec<ComponentEntry>,
    /// `navigateToMiniProgramAppIdList`, with the span of the whole list.
    pub navigate_app_ids: Option<(Vec<Spanned>, Span)>,
}

impl AppConfig {
    pub fn from_json(json: &Json) -> Self {
        let mut app = Self::default();
        let strings = |value: Option<&Json>| -> Vec<Spanned> {
            value
                .and_then(Json::as_array)
                .map(|items| items.iter().filter_map(spanned).collect())
                .unwrap_or_default()
        };
        for page in strings(json.get("pages")) {
            app.pages.push(PageEntry {
                route: normalize_route(&page.value),
                span: page.span,
                subpackage: None,
            });
        }
        let subpackages = json.get("subpackages").or_else(|| json.get("subPackages"));
        for package in subpackages.and_then(Json::as_array).unwrap_or_default() {
            let Some(root) = package.get("root").and_then(Json::as_str) else {
                continue;
            };
            let root = root.trim_matches('/');
            for page in strings(package.get("pages")) {
                app.pages.push(PageEntry {
                    route: normalize_route(&format!("{root}/{}", page.value)),
                    span: page.span,
                    subpackage: Some(root.to_string()),
                });
            }
        }
        app.entry_page = json.get("entryPagePath").and_then(spanned);
        if let Some(bar) = json.get("tabBar") {
            app.custom_tab_bar = bar.get("custom").and_then(Json::as_bool) == Some(true);
            for item in bar.get("list").and_then(Json::as_array).unwrap_or_default() {
                if let Some(path) = item.get("pagePath").and_then(spanned) {
                    app.tab_bar.push(Spanned {
                        value: normalize_route(&path.value),
                        span: path.span,
                    });
                }
            }
        }
        app.components = using_components(json);
        if let Some(list) = json.get("navigateToMiniProgramAppIdList") {
            app.navigate_app_ids = Some((strings(Some(list)), list.span));
        }
        app
    }
}

impl AppConfig {
    /// uni-app's `pages.json`: `pages[].path`, `subPackages[].root` + `pages[].path`,
    /// `tabBar.list[].pagePath`, `globalStyle.usingComponents`. Entries inside a `// #ifdef`
    /// block never compiled for Douyin (`regions`) are left out.
    pub fn from_pages_json(json: &Json, regions: &Regions) -> Self {
        let ships = |j: &Json| regions.target_at(j.span.start()).ships_to_douyin();
        let mut app = Self::default();
        let paths = |list: Option<&Json>| -> Vec<Spanned> {
            list.and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .filter(|page| ships(page))
                .filter_map(|page| page.get("path").and_then(spanned))
                .collect()
        };
        for page in paths(json.get("pages")) {
            app.pages.push(PageEntry {
                route: normalize_route(&page.value),
                span: page.span,
                subpackage: None,
            });
        }
        let subpackages = json.get("subPackages").or_else(|| json.get("subpackages"));
        for package in subpackages.and_then(Json::as_array).unwrap_or_default() {
            if !ships(package) {
                continue;
            }
            let Some(root) = package.get("root").and_then(Json::as_str) else {
                continue;
            };
            let root = root.trim_matches('/');
            for page in paths(package.get("pages")) {
                app.pages.push(PageEntry {
                    route: normalize_route(&format!("{root}/{}", page.value)),
                    span: page.span,
                    subpackage: Some(root.to_string()),
                });
            }
        }
        app.entry_page = json.get("entryPagePath").and_then(spanned);
        if let Some(bar) = json.get("tabBar") {
            app.custom_tab_bar = bar.get("custom").and_then(Json::as_bool) == Some(true);
            for item in bar.get("list").and_then(Json::as_array).unwrap_or_default() {
                if let Some(path) = item
                    .get("pagePath")
                    .and_then(spanned)
                    .filter(|_| ships(item))
                {
                    app.tab_bar.push(Spanned {
                        value: normalize_route(&path.value),
                        span: path.span,
                    });
                }
            }
        }
        if let Some(global) = json.get("globalStyle") {
            app.components = using_components(global);
        }
        app
    }
}

/// uni-app's easycom: components found by their tag, without an import.
#[derive(Debug, Clone)]
pub struct Easycom {
    /// `autoscan` (on unless turned off): `components/<tag>/<tag>.vue` and
    /// `uni_modules/<module>/components/<tag>/<tag>.vue`.
    pub autoscan: bool,
    /// `custom`: a tag pattern and the path it names (`"^u-(.*)": "uview-ui/components/u-$1/u-$1.vue"`).
    pub custom: Vec<(regex::Regex, String)>,
}

impl Easycom {
    pub fn from_pages_json(json: &Json) -> Self {
        let easycom = json.get("easycom");
        let autoscan = easycom
            .and_then(|e| e.get("autoscan"))
            .and_then(Json::as_bool)
            .unwrap_or(true);
        let custom = easycom
            .and_then(|e| e.get("custom"))
            .and_then(Json::as_object)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| {
                let pattern = regex::Regex::new(&m.key).ok()?;
                Some((pattern, m.value.as_str()?.to_string()))
            })
            .collect();
        Self { autoscan, custom }
    }

    /// The paths a tag may name, in the order uni-app tries them: custom patterns first.
    pub fn candidates(&self, tag: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .custom
            .iter()
            .filter_map(|(pattern, path)| {
                let caps = pattern.captures(tag)?;
                let mut expanded = String::new();
                caps.expand(path, &mut expanded);
                Some(expanded)
            })
            .collect();
        if self.autoscan {
            out.push(format!("components/{tag}/{tag}.vue"));
            out.push(format!("components/{tag}/index.vue"));
        }
        out
    }
}

/// `/pages/a/a.html` and `pages/a/a` name the same route.
pub fn normalize_route(route: &str) -> String {
    let route = route.trim().trim_start_matches('/');
    let route = route.split(['?', '#']).next().unwrap_or(route);
    route.strip_suffix(".html").unwrap_or(route).to_string()
}

/// A `packOptions.ignore` entry of `project.config.json`: files left out of the upload.
#[derive(Debug, Clone)]
pub enum PackIgnore {
    File(String),
    Folder(String),
    Suffix(String),
    Prefix(String),
    /// Compiled once when the config is read.
    Glob(globset::GlobMatcher),
}

/// The parts of `project.config.json` ttlint reads.
#[derive(Debug, Clone, Default)]
pub struct ProjectConfig {
    pub appid: Option<String>,
    pub pack_ignore: Vec<PackIgnore>,
}

impl ProjectConfig {
    pub fn from_json(json: &Json) -> Self {
        let appid = json.get("appid").and_then(Json::as_str).map(str::to_string);
        let ignore = json
            .get("packOptions")
            .and_then(|p| p.get("ignore"))
            .and_then(Json::as_array)
            .unwrap_or_default();
        let pack_ignore = ignore
            .iter()
            .filter_map(|entry| {
                let value = entry
                    .get("value")?
                    .as_str()?
                    .trim_start_matches("./")
                    .to_string();
                Some(match entry.get("type")?.as_str()? {
                    "file" => PackIgnore::File(value),
                    "folder" => PackIgnore::Folder(value.trim_end_matches('/').to_string()),
                    "suffix" => PackIgnore::Suffix(value),
                    "prefix" => PackIgnore::Prefix(value),
                    "glob" => PackIgnore::Glob(globset::Glob::new(&value).ok()?.compile_matcher()),
                    _ => return None,
                })
            })
            .collect();
        Self { appid, pack_ignore }
    }

    /// Whether `packOptions.ignore` names anything: most apps leave it empty, and then no path
    /// needs asking about.
    pub fn packs_anything_out(&self) -> bool {
        !self.pack_ignore.is_empty()
    }

    /// Whether a path relative to the project root (with `/`) is left out of the upload.
    pub fn packs_out(&self, relative: &str) -> bool {
        let name = relative.rsplit('/').next().unwrap_or(relative);
        self.pack_ignore.iter().any(|rule| match rule {
            PackIgnore::File(f) => relative == f,
            PackIgnore::Folder(d) => relative.starts_with(&format!("{d}/")),
            PackIgnore::Suffix(s) => name.ends_with(s.as_str()),
            PackIgnore::Prefix(p) => name.starts_with(p.as_str()),
            PackIgnore::Glob(g) => g.is_match(relative),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::{Dialect, parse};

    fn json(text: &str) -> Json {
        parse(text, 0, Dialect::Strict).unwrap().value.unwrap()
    }

    #[test]
    fn pages_subpackages_and_tab_bar() {
        let text = r#"{"pages":["pages/index/index","/pages/me/me"],"subPackages":[{"root":"pkgA/","pages":["pages/vip/vip"]}],"entryPagePath":"pages/me/me","tabBar":{"list":[{"pagePath":"pages/index/index","text":"首页"}]},"usingComponents":{"im":"/components/im/im"},"navigateToMiniProgramAppIdList":["tt123"]}"#;
        let app = AppConfig::from_json(&json(text));
        let routes: Vec<_> = app.pages.iter().map(|p| p.route.as_str()).collect();
        assert_eq!(
            routes,
            vec!["pages/index/index", "pages/me/me", "pkgA/pages/vip/vip"]
        );
        assert_eq!(app.pages[2].subpackage.as_deref(), Some("pkgA"));
        assert_eq!(
            &text[app.pages[2].span.start()..app.pages[2].span.end()],
            "\"pages/vip/vip\""
        );
        assert_eq!(app.entry_page.unwrap().value, "pages/me/me");
        assert_eq!(app.tab_bar[0].value, "pages/index/index");
        assert_eq!(app.components[0].tag, "im");
        assert_eq!(app.navigate_app_ids.unwrap().0[0].value, "tt123");
    }

    #[test]
    fn uni_app_pages_json_with_ifdef_blocks() {
        let text = "{\n  \"pages\": [\n    { \"path\": \"pages/index/index\" },\n    // #ifdef MP-WEIXIN\n    { \"path\": \"pages/wx/wx\" },\n    // #endif\n    { \"path\": \"pages/me/me\" }\n  ],\n  \"subPackages\": [{ \"root\": \"pkg\", \"pages\": [{ \"path\": \"vip/vip\" }] }],\n  \"tabBar\": { \"list\": [{ \"pagePath\": \"pages/me/me\" }] },\n  \"globalStyle\": { \"usingComponents\": { \"w-x\": \"/wxcomponents/x/index\" } },\n  \"easycom\": { \"custom\": { \"^u-(.*)\": \"uview-ui/components/u-$1/u-$1.vue\" } }\n}";
        let doc = crate::syntax::json::parse(text, 0, crate::syntax::json::Dialect::WithComments)
            .unwrap();
        let regions =
            Regions::from_comments(doc.comments.iter().map(|c| (c.span, c.text.as_str())));
        let json = doc.value.unwrap();
        let app = AppConfig::from_pages_json(&json, &regions);
        let routes: Vec<_> = app.pages.iter().map(|p| p.route.as_str()).collect();
        assert_eq!(
            routes,
            vec!["pages/index/index", "pages/me/me", "pkg/vip/vip"]
        );
        assert_eq!(app.tab_bar[0].value, "pages/me/me");
        assert_eq!(app.components[0].tag, "w-x");
        let easycom = Easycom::from_pages_json(&json);
        assert_eq!(
            easycom.candidates("u-button"),
            vec![
                "uview-ui/components/u-button/u-button.vue",
                "components/u-button/u-button.vue",
                "components/u-button/index.vue"
            ]
        );
    }

    #[test]
    fn pack_options_leave_files_out() {
        let text = r#"{"appid":"tt1","packOptions":{"ignore":[{"type":"folder","value":"mock"},{"type":"suffix","value":".test.js"},{"type":"glob","value":"docs/**"}]}}"#;
        let config = ProjectConfig::from_json(&json(text));
        assert_eq!(config.appid.as_deref(), Some("tt1"));
        assert!(config.packs_out("mock/pay.js"));
        assert!(config.packs_out("utils/a.test.js"));
        assert!(config.packs_out("docs/a/b.js"));
        assert!(!config.packs_out("pages/mock.js"));
    }
}
