//! Resolving references the way the Douyin build does: relative paths from the referring file,
//! `/`-paths from the project root, extension and `index` fallbacks; plugins and npm packages are
//! recognised but never looked up on disk.

use std::ffi::OsString;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::framework::Framework;
use crate::base::vfs::{Entry, Vfs};
use crate::project::discover::{Found, normalize};
use crate::syntax::js::facts::NamePattern;

/// The most modules one path built at run time is taken to load.
pub const MAX_CANDIDATES: usize = 64;

/// Where a reference leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file (or, for components, the base path of a page/component without extension).
    Found(PathBuf),
    /// A plugin component (`plugin://…`, `ext://…`, `<appid>://…`).
    Plugin(String),
    /// An npm package or build alias (`lodash`, `@/utils`): outside what ttlint follows.
    External,
    /// Nothing at the path: the build would fail.
    Missing,
}

/// Resolves references inside one project, remembering which paths exist. It is shared by the
/// threads that resolve a wave of files at once.
#[derive(Debug)]
pub struct Resolver {
    root: PathBuf,
    /// Whether each path the disk was asked about is a file.
    exists: Known,
    /// What discovery saw of the disk, asked first.
    found: Found,
    vfs: Arc<Vfs>,
    framework: Framework,
    /// uni_modules components by tag, once looked up.
    uni_modules: OnceLock<FxHashMap<String, PathBuf>>,
}

/// Shards of [`Known`], so threads asking at once seldom wait for each other.
const SHARDS: usize = 16;

/// Whether each path asked about is a file, keyed by the path's bytes: hashing a `Path` walks its
/// components, and module resolution asks about every extension of every import (half of a Taro
/// project's module resolution went to hashing paths). Two spellings of one path only cost a
/// second look at the disk.
#[derive(Debug, Default)]
struct Known {
    shards: [Mutex<FxHashMap<OsString, bool>>; SHARDS],
}

impl Known {
    fn shard(&self, path: &Path) -> MutexGuard<'_, FxHashMap<OsString, bool>> {
        let hash = FxBuildHasher.hash_one(path.as_os_str().as_encoded_bytes());
        // The top bits: the map inside a shard indexes by the low ones.
        let shard = &self.shards[(hash >> 60) as usize % SHARDS];
        shard.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Resolver {
    pub fn new(root: &Path, vfs: Arc<Vfs>, framework: Framework, found: Found) -> Self {
        Self {
            root: root.to_path_buf(),
            exists: Known::default(),
            found,
            vfs,
            framework,
            uni_modules: OnceLock::new(),
        }
    }

    /// Whether `path` is a file: what discovery saw, or else the disk, asked once per path.
    ///
    /// Discovery's listing answers first, and its answers are not remembered again: module
    /// resolution asks about every extension of every import, and nearly all of those paths
    /// are asked once (`pages/a/react.tsx`, `pages/a/react.ts`, …). Remembering each cost a
    /// lock, a hash and a copy of the path, a twentieth of a Taro run.
    pub fn is_file(&self, path: &Path) -> bool {
        match self.found.is_file(path) {
            Some(true) => return true,
            // An editor's buffer may stand where the disk has nothing.
            Some(false) if !self.vfs.in_memory(path) => return false,
            _ => {}
        }
        if let Some(&known) = self.exists.shard(path).get(path.as_os_str()) {
            return known;
        }
        let is_file = self.vfs.is_file(path);
        let mut known = self.exists.shard(path);
        known.insert(path.as_os_str().to_owned(), is_file);
        is_file
    }

    /// The base of `spec` as seen from `from` (a file): relative, from the root for `/…`, and
    /// from the source root for the `@/` alias uni-app and Taro projects set up.
    fn base(&self, from: &Path, spec: &str) -> PathBuf {
        let aliased = spec
            .strip_prefix("@/")
            .or_else(|| spec.strip_prefix("~@/"))
            .or_else(|| spec.strip_prefix('/'));
        match aliased {
            Some(rooted) => normalize(Path::new(rooted), &self.root),
            None => normalize(Path::new(spec), from.parent().unwrap_or(&self.root)),
        }
    }

    /// The first candidate that exists and ships to Douyin (never `index.weapp.tsx`). Whether it
    /// exists is asked first: most candidates do not, and the listing answers that for less.
    fn first_file(&self, candidates: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
        candidates
            .into_iter()
            .find(|c| self.is_file(c) && !self.framework.other_platform_file(&self.root, c))
    }

    /// `base` as written, then with each extension, then its folder's `index` with each: made
    /// one at a time as they are tried. Each import made all of them first (13 paths, 19 in a
    /// Taro project), and the file is nearly always among the first few.
    fn with_extensions<'p>(
        base: &'p Path,
        extensions: &'p [&str],
    ) -> impl Iterator<Item = PathBuf> + 'p {
        std::iter::once(base.to_path_buf())
            .chain(extensions.iter().map(|ext| append(base, ext)))
            .chain(
                extensions
                    .iter()
                    .map(|ext| base.join(format!("index.{ext}"))),
            )
    }

    /// A `require`/`import` specifier in a script.
    pub fn module(&self, from: &Path, spec: &str) -> Resolved {
        let explicit = spec.starts_with("./")
            || spec.starts_with("../")
            || spec.starts_with('/')
            || spec.starts_with("@/")
            || spec.starts_with("~@/");
        let base = self.base(from, spec);
        let extensions = self.framework.module_extensions();
        // A bare name (`react`, `@tarojs/taro`) is nearly always a package, and its candidates
        // beside the file are all missing: told at once when the listing can. A path written as
        // one nearly always leads to a file, found among its first candidates.
        let none_there =
            !explicit && self.found.holds(&base) == Some(false) && !self.vfs.in_memory_under(&base);
        if !none_there
            && let Some(found) = self.first_file(Self::with_extensions(&base, extensions))
        {
            return Resolved::Found(found);
        }
        if explicit {
            Resolved::Missing
        } else {
            // Mini-program builds resolve a bare `utils/x` relative to the file first; what is not
            // there is an npm package or an alias.
            Resolved::External
        }
    }

    /// The modules a path built at run time can load (`` require(`./api/${name}`) ``): the
    /// scripts directly in its folder whose names fit the text around the run-time part, at most
    /// [`MAX_CANDIDATES`] of them, never the referring file.
    pub fn candidates(&self, from: &Path, folder: &str, pattern: &NamePattern) -> Vec<PathBuf> {
        let base = self.base(from, folder);
        if self.vfs.entry(&base) != Some(Entry::Folder) {
            return Vec::new();
        }
        let vfs = Arc::clone(&self.vfs);
        let nested = |p: &Path| p != base && vfs.entry(p) == Some(Entry::Folder);
        let extensions = self.framework.module_extensions();
        let fits = |path: &Path| -> bool {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                return false;
            };
            let Some(ext) = extensions.iter().find(|e| {
                name.len() > e.len() + 1
                    && name.ends_with(*e)
                    && name[..name.len() - e.len()].ends_with('.')
            }) else {
                return false;
            };
            let stem = &name[..name.len() - ext.len() - 1];
            [name, stem].iter().any(|candidate| {
                candidate.len() > pattern.prefix.len() + pattern.suffix.len()
                    && candidate.starts_with(&pattern.prefix)
                    && candidate.ends_with(&pattern.suffix)
            })
        };
        self.vfs
            .walk(&base, &nested)
            .into_iter()
            .filter(|p| p.parent() == Some(base.as_path()) && p != from)
            .filter(|p| !self.framework.other_platform_file(&self.root, p) && fits(p))
            .take(MAX_CANDIDATES)
            .collect()
    }

    /// An `<import src>`, `<include src>` or `<sjs src>` in a template.
    pub fn template_src(&self, from: &Path, src: &str, default_extension: &str) -> Resolved {
        if src.contains("{{") {
            return Resolved::External;
        }
        let base = self.base(from, src);
        let candidates = [base.clone(), append(&base, default_extension)];
        match self.first_file(candidates) {
            Some(found) => Resolved::Found(found),
            None => Resolved::Missing,
        }
    }

    /// A `usingComponents` path: the base path of the component (`…/card/card`).
    pub fn component(&self, from: &Path, path: &str) -> Resolved {
        if path.contains("://") {
            return Resolved::Plugin(path.to_string());
        }
        let mut bases = vec![self.base(from, path)];
        if !path.starts_with('.') && !path.starts_with('/') {
            bases.push(normalize(Path::new(path), &self.root));
            bases.push(self.root.join("miniprogram_npm").join(path));
        }
        for base in bases {
            for unit in [base.clone(), base.join("index")] {
                if self.unit_exists(&unit) {
                    return Resolved::Found(unit);
                }
            }
        }
        if path.starts_with('@') {
            Resolved::External
        } else {
            Resolved::Missing
        }
    }

    /// A uni_modules component easycom finds: `uni_modules/<module>/components/<tag>/<tag>.vue`.
    /// The folder is walked once, on first use.
    pub fn uni_module_component(&self, tag: &str) -> Option<PathBuf> {
        let modules = self.root.join("uni_modules");
        let components = self.uni_modules.get_or_init(|| {
            let depth = modules.components().count();
            self.vfs
                .walk(&modules, &|p| p.components().count() > depth + 4)
                .into_iter()
                .filter_map(|p| {
                    let relative: Vec<String> = p
                        .strip_prefix(&modules)
                        .ok()?
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    match relative.as_slice() {
                        [_, folder, tag, file]
                            if folder == "components" && *file == format!("{tag}.vue") =>
                        {
                            Some((tag.clone(), p.clone()))
                        }
                        _ => None,
                    }
                })
                .collect()
        });
        components.get(tag).cloned()
    }

    /// Whether any file of the page/component at `base` exists.
    pub fn unit_exists(&self, base: &Path) -> bool {
        self.framework
            .unit_files()
            .iter()
            .any(|(ext, _)| self.is_file(&append(base, ext)))
    }

    /// The file of a unit with this extension, if it exists.
    pub fn unit_file(&self, base: &Path, ext: &str) -> Option<PathBuf> {
        let path = append(base, ext);
        self.is_file(&path).then_some(path)
    }
}

/// `base` + `.ext` (not `with_extension`, which would replace a dotted name's last part).
pub fn append(base: &Path, ext: &str) -> PathBuf {
    let mut s = base.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        dir
    }

    /// The resolver answers from what discovery saw, not from the disk (a file deleted since
    /// is still there, one created since beside the files found is not), however the build
    /// spells the path. An editor's buffer counts wherever it is, and below a folder discovery
    /// did not read, the disk is asked.
    #[test]
    fn what_discovery_saw_answers_before_the_disk() {
        let dir = tree(&["pages/a/index.ttml", "pages/a/index.js", "pages/b/index.js"]);
        let root = dir.path().to_path_buf();
        let ignore = crate::project::discover::Ignore::new(&[], None, &[], &root).unwrap();
        let disk = Vfs::disk();
        let walk = [root.join("pages/a")];
        let discovery = crate::project::discover::discover(&walk, &ignore, &root, &disk, false);
        let listing = discovery.unwrap().listing;
        std::fs::remove_file(root.join("pages/a/index.js")).unwrap();
        std::fs::write(root.join("pages/a/index.json"), "{}").unwrap();
        std::fs::write(root.join("pages/b/index.json"), "{}").unwrap();
        std::fs::write(root.join("pages/a/late.js"), "").unwrap();
        let mut vfs = disk.clone();
        vfs.insert(root.join("pages/a/index.wxml"), String::new());
        vfs.insert(root.join("pages/a/pay/index.js"), String::new());
        let r = Resolver::new(&root, Arc::new(vfs), Framework::Native, listing);
        let a = root.join("pages/./a//index");
        assert!(r.unit_file(&a, "ttml").is_some());
        assert!(r.unit_file(&a, "js").is_some(), "deleted since");
        assert!(r.unit_file(&a, "json").is_none(), "created since");
        assert!(r.unit_file(&a, "wxml").is_some(), "a buffer");
        let script = root.join("pages/a/index.js");
        assert_eq!(
            r.module(&script, "pay"),
            Resolved::Found(root.join("pages/a/pay/index.js")),
            "a buffer where discovery found nothing"
        );
        assert_eq!(
            r.module(&script, "./late"),
            Resolved::Missing,
            "created since"
        );
        assert_eq!(r.module(&script, "react"), Resolved::External);
        assert_eq!(
            r.module(&script, "index"),
            Resolved::Found(script.clone()),
            "a bare name beside the file, found"
        );
        let b = root.join("pages/b/index");
        assert!(r.unit_file(&b, "json").is_some(), "not walked: the disk");
    }

    #[test]
    fn references_resolve_like_the_build() {
        let dir = tree(&[
            "utils/pay.js",
            "utils/api/index.ts",
            "pages/a/a.js",
            "components/card/card.ttml",
            "components/list/index.json",
            "templates/item.ttml",
            "miniprogram_npm/vant/button/index.json",
        ]);
        let root = dir.path().to_path_buf();
        let page = root.join("pages/a/a.js");
        let r = Resolver::new(
            &root,
            Arc::new(Vfs::disk()),
            Framework::Native,
            Found::default(),
        );
        assert_eq!(
            r.module(&page, "../../utils/pay"),
            Resolved::Found(root.join("utils/pay.js"))
        );
        assert_eq!(
            r.module(&page, "/utils/api"),
            Resolved::Found(root.join("utils/api/index.ts"))
        );
        assert_eq!(r.module(&page, "./missing"), Resolved::Missing);
        assert_eq!(r.module(&page, "lodash"), Resolved::External);
        assert_eq!(
            r.component(&page, "/components/card/card"),
            Resolved::Found(root.join("components/card/card"))
        );
        assert_eq!(
            r.component(&page, "../../components/list"),
            Resolved::Found(root.join("components/list/index"))
        );
        assert_eq!(
            r.component(&page, "vant/button"),
            Resolved::Found(root.join("miniprogram_npm/vant/button/index"))
        );
        assert_eq!(
            r.component(&page, "ext://industry/pay-button"),
            Resolved::Plugin("ext://industry/pay-button".into())
        );
        assert_eq!(
            r.component(&page, "/components/nope/nope"),
            Resolved::Missing
        );
        assert_eq!(
            r.template_src(&page, "/templates/item", "ttml"),
            Resolved::Found(root.join("templates/item.ttml"))
        );
        assert_eq!(
            r.template_src(&page, "../../templates/none.ttml", "ttml"),
            Resolved::Missing
        );
    }
}
