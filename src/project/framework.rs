//! The three ways a Douyin mini-program is written, and what each means for the project model:
//! where the app's configuration is, which files make a page or a component, and which files
//! never ship to a Douyin build.

use std::path::{Path, PathBuf};

use crate::base::vfs::plainly_below;

/// How a mini-program is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Framework {
    /// `app.json`, `.ttml` templates, `.js`/`.ts` scripts.
    #[default]
    Native,
    /// uni-app: `pages.json`, `.vue` single-file components.
    UniApp,
    /// Taro: `app.config.ts`, React components in `.tsx`/`.jsx`.
    Taro,
}

/// What a file of a page or component holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Template,
    Script,
    /// Both at once: a `.vue` file, a JSX component.
    Both,
    Config,
}

/// Whether a tag is one of Douyin's built-in components (or a structural tag every dialect has):
/// never a custom component to look up. A `match`: every element of every template asks it.
pub fn is_built_in_tag(tag: &str) -> bool {
    matches!(
        tag,
        "view"
            | "text"
            | "button"
            | "image"
            | "input"
            | "textarea"
            | "scroll-view"
            | "swiper"
            | "swiper-item"
            | "navigator"
            | "web-view"
            | "video"
            | "map"
            | "canvas"
            | "picker"
            | "picker-view"
            | "picker-view-column"
            | "form"
            | "label"
            | "checkbox"
            | "checkbox-group"
            | "radio"
            | "radio-group"
            | "switch"
            | "slider"
            | "icon"
            | "rich-text"
            | "progress"
            | "block"
            | "template"
            | "slot"
            | "cover-view"
            | "cover-image"
            | "movable-area"
            | "movable-view"
            | "live-player"
            | "live-pusher"
            | "camera"
            | "ad"
            | "pay-button"
            | "editor"
            | "page-meta"
            | "navigation-bar"
            | "official-account"
            | "open-data"
            | "audio"
            | "keep-alive"
            | "transition"
            | "component"
            | "import"
            | "include"
            | "sjs"
    )
}

/// Taro's platform suffixes: `index.weapp.tsx` is built only for WeChat.
const OTHER_PLATFORM_SUFFIXES: &[&str] = &[
    "weapp", "alipay", "swan", "qq", "jd", "h5", "rn", "harmony", "kwai", "lark", "dd",
];

impl Framework {
    /// The framework's name in messages, where it selects dialect-specific advice.
    pub fn id(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::UniApp => "uni-app",
            Self::Taro => "taro",
        }
    }

    /// The name of the file that makes a folder this framework's mini-program.
    pub fn config_files(self) -> &'static [&'static str] {
        match self {
            Self::Native => &["app.json"],
            Self::UniApp => &["pages.json"],
            Self::Taro => &["app.config.ts", "app.config.js"],
        }
    }

    /// The framework whose configuration file a path is, if any.
    pub fn of_config(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        [Self::Native, Self::UniApp, Self::Taro]
            .into_iter()
            .find(|f| f.config_files().contains(&name))
    }

    /// The files of a page or component at `base` (a path without extension), in the order the
    /// build prefers them, with what each holds. The first file found for a role wins.
    pub fn unit_files(self) -> &'static [(&'static str, Role)] {
        match self {
            Self::Native => &[
                ("ttml", Role::Template),
                ("js", Role::Script),
                ("ts", Role::Script),
                ("json", Role::Config),
            ],
            Self::UniApp => &[("vue", Role::Both)],
            // Taro builds `index.tt.tsx` for Douyin in place of `index.tsx`.
            Self::Taro => &[
                ("tt.tsx", Role::Both),
                ("tsx", Role::Both),
                ("tt.jsx", Role::Both),
                ("jsx", Role::Both),
                ("tt.ts", Role::Both),
                ("ts", Role::Both),
                ("tt.js", Role::Both),
                ("js", Role::Both),
                ("config.ts", Role::Config),
                ("config.js", Role::Config),
            ],
        }
    }

    /// The app's own script: `app.js`, uni-app's `App.vue` and `main.js`, Taro's `app.tsx`.
    pub fn app_scripts(self) -> &'static [&'static str] {
        match self {
            Self::Native => &["app.js", "app.ts"],
            Self::UniApp => &["App.vue", "main.js", "main.ts"],
            Self::Taro => &[
                "app.tt.tsx",
                "app.tsx",
                "app.tt.jsx",
                "app.jsx",
                "app.tt.ts",
                "app.ts",
                "app.js",
            ],
        }
    }

    /// Script extensions a bare module path is tried with, in order.
    pub fn module_extensions(self) -> &'static [&'static str] {
        match self {
            Self::Native => &["js", "ts", "mjs", "cjs", "json", "sjs"],
            Self::UniApp => &["js", "ts", "vue", "mjs", "json"],
            Self::Taro => &[
                "tt.tsx", "tt.ts", "tt.jsx", "tt.js", "tsx", "ts", "jsx", "js", "json",
            ],
        }
    }

    /// The file a Douyin build takes in place of `path`, when one may exist: Taro compiles
    /// `index.tt.tsx` instead of `index.tsx` for Douyin, so with the first present the second
    /// is the other platforms' version.
    pub fn douyin_variant(self, path: &Path) -> Option<PathBuf> {
        if self != Self::Taro {
            return None;
        }
        let name = path.file_name()?.to_str()?;
        let (stem, extension) = name.split_once('.')?;
        if extension.contains('.') || !["tsx", "ts", "jsx", "js"].contains(&extension) {
            return None;
        }
        Some(path.with_file_name(format!("{stem}.tt.{extension}")))
    }

    /// Whether a file never ships to a Douyin build: Taro's `*.weapp.tsx`, uni-app's
    /// `platforms/mp-weixin/` and `static/mp-weixin/` folders.
    pub fn other_platform_file(self, root: &Path, path: &Path) -> bool {
        match self {
            Self::Native => false,
            // The name's second part from the end, in a name of three parts at least
            // (`index.weapp.tsx`): the module resolver asks this of every candidate it tries.
            Self::Taro => path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|name| {
                    let mut parts = name.rsplit('.').skip(1);
                    parts
                        .next()
                        .is_some_and(|platform| OTHER_PLATFORM_SUFFIXES.contains(&platform))
                        && parts.next().is_some()
                }),
            Self::UniApp => {
                // The names below the root: read from the path's bytes when a walk spelled it,
                // as the resolver's candidates are (taking each apart into components cost
                // 4,500 instructions), else from its components. A name that is not UTF-8 is
                // passed over either way.
                if let Some(rest) = plainly_below(path, root) {
                    let names = rest.split(|&b| b == b'/');
                    return in_other_platform_folder(
                        names.filter_map(|n| std::str::from_utf8(n).ok()),
                    );
                }
                let Ok(relative) = path.strip_prefix(root) else {
                    return false;
                };
                in_other_platform_folder(
                    relative.components().filter_map(|c| c.as_os_str().to_str()),
                )
            }
        }
    }

    /// The folders a framework writes its compiled output to, below `anchor` (the folder holding
    /// the project's `package.json`, or the app's root).
    pub fn output_folders(self, anchor: &Path) -> Vec<PathBuf> {
        match self {
            Self::Native => Vec::new(),
            Self::UniApp => vec![anchor.join("unpackage"), anchor.join("dist")],
            Self::Taro => vec![anchor.join("dist")],
        }
    }
}

/// Whether a uni-app path, by its names below the project's root, lies in another platform's
/// folder: `platforms/mp-weixin/…`, `static/mp-alipay/…` (never `mp-toutiao`, Douyin's own).
fn in_other_platform_folder<'a>(mut names: impl Iterator<Item = &'a str>) -> bool {
    matches!(names.next(), Some("platforms" | "static"))
        && names
            .next()
            .is_some_and(|platform| platform != "mp-toutiao" && platform.contains('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_files_never_ship_to_douyin() {
        let root = Path::new("/p/src");
        let taro = |name: &str| Framework::Taro.other_platform_file(root, &root.join(name));
        assert!(taro("pages/a/index.weapp.tsx"));
        assert!(taro("utils/pay.alipay.ts"));
        assert!(!taro("pages/a/index.tt.tsx"));
        assert!(!taro("pages/a/index.tsx"));
        assert!(!taro("pages/a/my.config.ts"));
        assert!(
            !taro("pages/a/weapp.tsx"),
            "a platform's name as the whole stem"
        );
        let uni = |name: &str| Framework::UniApp.other_platform_file(root, &root.join(name));
        assert!(uni("platforms/mp-weixin/a.js"));
        assert!(uni("static/mp-weixin/qr.png"));
        assert!(!uni("static/logo.png"));
        assert!(!uni("platforms/mp-toutiao/a.js"));
        assert!(
            uni("./platforms/mp-weixin/a.js"),
            "a path not spelled as its components is taken apart"
        );
        let outside = Path::new("/q/platforms/mp-weixin/a.js");
        assert!(!Framework::UniApp.other_platform_file(root, outside));
    }

    #[test]
    fn configs_name_their_framework() {
        assert_eq!(
            Framework::of_config(Path::new("/p/pages.json")),
            Some(Framework::UniApp)
        );
        assert_eq!(
            Framework::of_config(Path::new("/p/src/app.config.ts")),
            Some(Framework::Taro)
        );
        assert_eq!(Framework::of_config(Path::new("/p/app.js")), None);
    }
}
