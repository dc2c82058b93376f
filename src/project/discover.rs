//! Discovery: which files a run looks at, and where the mini-programs are.
//!
//! Paths named on the command line are walked (symlinks are not followed, so a link loop cannot
//! trap the walk); ignored folders are pruned before they are read. A folder holding `app.json` is
//! a mini-program root; a path inside a project also finds its root by looking upwards, so that
//! `ttlint pages/pay/pay.js` still sees the app it belongs to.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::base::error::UsageError;
use crate::base::source::FileKind;
use crate::base::vfs::{Entry, Vfs};

/// Folders never linted: dependencies, VCS data, and other platforms' build output.
pub const DEFAULT_IGNORES: &[&str] = &[
    "node_modules",
    "miniprogram_npm",
    ".git",
    "unpackage/dist/*/{mp-weixin,mp-alipay,mp-baidu,mp-qq,mp-kuaishou,mp-jd,mp-lark,mp-xhs,mp-360,mp-harmony,h5,web,app,app-plus,quickapp-webview*}",
    "dist/{weapp,alipay,swan,qq,jd,h5,rn,harmony}",
];

/// Compiled ignore patterns.
///
/// A pattern without `/` matches a file or folder name anywhere (`node_modules`); a pattern with
/// `/` is anchored at its base folder (`dist/**`, `pages/legacy`). A folder pattern ignores
/// everything inside it.
#[derive(Debug, Clone)]
pub struct Ignore {
    sets: Vec<(Option<PathBuf>, GlobSet)>,
}

impl Ignore {
    /// Builds the matcher: default patterns (anywhere), config patterns (relative to the config's
    /// folder) and command-line patterns (relative to the working directory).
    pub fn new(
        config: &[String],
        config_base: Option<&Path>,
        cli: &[String],
        cwd: &Path,
    ) -> Result<Self, UsageError> {
        let defaults: Vec<String> = DEFAULT_IGNORES.iter().map(|s| s.to_string()).collect();
        Ok(Self {
            sets: vec![
                (None, build(&defaults, true, "built-in ignore")?),
                (
                    Some(config_base.unwrap_or(cwd).to_path_buf()),
                    build(config, false, "ignore pattern in ttlint.json")?,
                ),
                (Some(cwd.to_path_buf()), build(cli, false, "--ignore")?),
            ],
        })
    }

    /// Whether an absolute, normalised path is ignored.
    pub fn is_ignored(&self, path: &Path) -> bool {
        self.sets.iter().any(|(base, set)| {
            if set.is_empty() {
                return false;
            }
            let relative = match base {
                Some(base) => match path.strip_prefix(base) {
                    Ok(rel) => rel,
                    Err(_) => return false,
                },
                None => path,
            };
            set.is_match(relative)
        })
    }
}

/// Compiles patterns; `anywhere` makes every pattern match at any depth (the built-in ones).
fn build(patterns: &[String], anywhere: bool, what: &str) -> Result<GlobSet, UsageError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
        let base = if anywhere || !trimmed.contains('/') {
            format!("**/{}", trimmed.trim_start_matches('/'))
        } else {
            trimmed.trim_start_matches('/').to_string()
        };
        for glob in [base.clone(), format!("{base}/**")] {
            let compiled =
                Glob::new(&glob).map_err(|e| UsageError(format!("bad {what} `{pattern}`: {e}")))?;
            builder.add(compiled);
        }
    }
    builder
        .build()
        .map_err(|e| UsageError(format!("bad {what}: {e}")))
}

/// A file a run may lint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Absolute, normalised path.
    pub path: PathBuf,
    /// The path as the user would write it (relative to where they named it).
    pub display: String,
    pub kind: FileKind,
    /// Named on the command line itself (always linted, reachable or not).
    pub explicit: bool,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    /// Mini-program roots (folders holding `app.json`), absolute, deepest last.
    pub roots: Vec<PathBuf>,
}

/// Makes a path absolute and removes `.` and `..` components without touching the file system
/// (so symlinks are not resolved and a missing path still normalises).
pub fn normalize(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Shows `path` as the user would name it: relative to the working directory (with `..` where
/// needed), with `/` separators.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let ours: Vec<Component> = path.components().collect();
    let theirs: Vec<Component> = cwd.components().collect();
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    // Only the root in common: an absolute path reads better than a ladder of `..`.
    if common <= 1 && path.is_absolute() {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".into(); theirs.len() - common];
    parts.extend(
        ours[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// Walks the given paths.
pub fn discover(
    paths: &[PathBuf],
    ignore: &Ignore,
    cwd: &Path,
    vfs: &Vfs,
) -> Result<Discovery, UsageError> {
    let mut found = BTreeSet::new();
    let mut roots = BTreeSet::new();
    for given in paths {
        let path = normalize(given, cwd);
        let entry = vfs.entry(&path).ok_or_else(|| {
            UsageError(format!(
                "cannot lint {}: no such file or folder",
                given.display()
            ))
        })?;
        if let Some(root) = enclosing_root(&path, vfs) {
            roots.insert(root);
        }
        if entry == Entry::File {
            let kind = FileKind::from_path(&path).ok_or_else(|| {
                UsageError(format!(
                    "{} is not a file ttlint lints (it reads .js .mjs .cjs .ts .ttml .sjs .json)",
                    given.display()
                ))
            })?;
            found.insert(Candidate {
                display: display_path(&path, cwd),
                path,
                kind,
                explicit: true,
            });
            continue;
        }
        for file in vfs.walk(&path, &|p| ignore.is_ignored(p)) {
            let Some(kind) = FileKind::from_path(&file) else {
                continue;
            };
            if file.file_name().is_some_and(|n| n == "app.json")
                && let Some(dir) = file.parent()
            {
                roots.insert(dir.to_path_buf());
            }
            found.insert(Candidate {
                display: display_path(&file, cwd),
                path: file,
                kind,
                explicit: false,
            });
        }
    }
    // A file named explicitly and also found by a walk is explicit.
    let mut candidates: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found {
        match candidates.last_mut() {
            Some(last) if last.path == c.path => last.explicit |= c.explicit,
            _ => candidates.push(c),
        }
    }
    let mut roots: Vec<PathBuf> = roots.into_iter().collect();
    roots.sort_by_key(|r| r.components().count());
    Ok(Discovery { candidates, roots })
}

/// Discovery for text given on standard input as the file at `path`: that one file, which need
/// not exist on disk yet (an unsaved editor buffer), with the mini-program around it.
pub fn stdin_file(path: &Path, cwd: &Path, vfs: &Vfs) -> Result<Discovery, UsageError> {
    let path = normalize(path, cwd);
    let kind = FileKind::from_path(&path).ok_or_else(|| {
        UsageError(format!(
            "--stdin-filename {}: not a file ttlint lints (it reads .js .mjs .cjs .ts .ttml .sjs .json)",
            path.display()
        ))
    })?;
    Ok(Discovery {
        roots: enclosing_root(&path, vfs).into_iter().collect(),
        candidates: vec![Candidate {
            display: display_path(&path, cwd),
            path,
            kind,
            explicit: true,
        }],
    })
}

/// The nearest folder at or above `path` that holds `app.json`.
pub fn enclosing_root(path: &Path, vfs: &Vfs) -> Option<PathBuf> {
    let mut dir = match vfs.entry(path) {
        Some(Entry::Folder) => Some(path),
        _ => path.parent(),
    };
    while let Some(d) = dir {
        if vfs.is_file(&d.join("app.json")) {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignore(config: &[&str]) -> Ignore {
        let config: Vec<String> = config.iter().map(|s| s.to_string()).collect();
        Ignore::new(&config, Some(Path::new("/p")), &[], Path::new("/p")).unwrap()
    }

    #[test]
    fn default_ignores_match_anywhere() {
        let ig = ignore(&[]);
        assert!(ig.is_ignored(Path::new("/p/node_modules")));
        assert!(ig.is_ignored(Path::new("/p/a/miniprogram_npm/x/index.js")));
        assert!(ig.is_ignored(Path::new("/p/unpackage/dist/dev/mp-weixin/app.json")));
        assert!(!ig.is_ignored(Path::new("/p/unpackage/dist/dev/mp-toutiao/app.json")));
        assert!(!ig.is_ignored(Path::new("/p/pages/node_modules_list/a.js")));
    }

    #[test]
    fn anchored_patterns_are_relative_to_their_base() {
        let ig = ignore(&["pages/legacy", "*.min.js", "dist/**"]);
        assert!(ig.is_ignored(Path::new("/p/pages/legacy/a.js")));
        assert!(!ig.is_ignored(Path::new("/p/sub/pages/legacy/a.js")));
        assert!(ig.is_ignored(Path::new("/p/sub/vendor.min.js")));
        assert!(ig.is_ignored(Path::new("/p/dist/a.js")));
        assert!(!ig.is_ignored(Path::new("/elsewhere/dist/a.js")));
    }

    #[test]
    fn bad_globs_are_usage_errors() {
        let err = Ignore::new(&["a[".into()], None, &[], Path::new("/p")).unwrap_err();
        assert!(err.0.contains("a["), "{}", err.0);
    }

    #[test]
    fn normalize_removes_dots() {
        assert_eq!(
            normalize(Path::new("./a/../b/./c"), Path::new("/w")),
            PathBuf::from("/w/b/c")
        );
        assert_eq!(
            display_path(Path::new("/w/b/c.js"), Path::new("/w")),
            "b/c.js"
        );
        assert_eq!(
            display_path(Path::new("/x/c.js"), Path::new("/w")),
            "/x/c.js"
        );
        assert_eq!(
            display_path(Path::new("/w/x/c.js"), Path::new("/w/y")),
            "../x/c.js"
        );
    }
}
