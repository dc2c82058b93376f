//! Discovery: which files a run looks at, and where the mini-programs are.
//!
//! Paths named on the command line are walked (symlinks are not followed, so a link loop cannot
//! trap the walk); ignored folders are pruned before they are read. A folder holding `app.json` is
//! a mini-program root; a path inside a project also finds its root by looking upwards, so that
//! `ttlint pages/pay/pay.js` still sees the app it belongs to.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::hash::Hasher;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::framework::Framework;
use crate::base::error::UsageError;
use crate::base::messages;
use crate::base::source::FileKind;
use crate::base::vfs::{Entry, Vfs, order_key, plainly_below, reads_as_components};

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
                (None, build(&defaults, true, "builtin")?),
                (
                    Some(config_base.unwrap_or(cwd).to_path_buf()),
                    build(config, false, "config")?,
                ),
                (Some(cwd.to_path_buf()), build(cli, false, "cli")?),
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
/// `source` says where they come from in an error: `builtin`, `config` or `cli`.
fn build(patterns: &[String], anywhere: bool, source: &'static str) -> Result<GlobSet, UsageError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        // Written on Windows, `pages\legacy` means `pages/legacy`: a backslash is a separator
        // here, never an escape, so a team's ttlint.json works on every system.
        let slashed = pattern.replace('\\', "/");
        let trimmed = slashed.trim_start_matches("./").trim_end_matches('/');
        let base = if anywhere || !trimmed.contains('/') {
            format!("**/{}", trimmed.trim_start_matches('/'))
        } else {
            trimmed.trim_start_matches('/').to_string()
        };
        for glob in [base.clone(), format!("{base}/**")] {
            let compiled = Glob::new(&glob).map_err(|e| {
                UsageError::new(messages::error_bad_glob(source, pattern, e.to_string()))
            })?;
            builder.add(compiled);
        }
    }
    builder
        .build()
        .map_err(|e| UsageError::new(messages::error_bad_glob_set(source, e.to_string())))
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
    /// Inside a framework's compiled output (`unpackage/`, Taro's `dist/`) next to its source.
    pub build_output: bool,
}

/// A mini-program: the folder of its configuration, and how it is written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Root {
    pub path: PathBuf,
    pub framework: Framework,
}

/// Why a file named on the command line is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    /// It matches an ignore pattern (built in, in `ttlint.json` or `--ignore`).
    Ignored,
    /// ttlint does not read files of its kind (`.ttss`, images).
    Kind,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    /// Mini-program roots, absolute, deepest last.
    pub roots: Vec<Root>,
    /// Files named on the command line that are not read, as the user named them. Hooks
    /// (lint-staged, pre-commit) pass every staged file; stopping at a stylesheet would block the
    /// commit.
    pub not_read: Vec<(String, NotRead)>,
    /// What the walk saw of the disk, for project builds to ask before the disk.
    pub listing: Found,
}

/// What discovery saw of the disk: every file its walks found (of any kind) and the files named
/// to it, and the folders it read. Building a project asks whether files exist one after
/// another, before any is read: a native page's `.ttml`, `.js`, `.ts` and `.json`, and a Taro
/// page's `import … from 'react'` under nineteen names beside the page (`react.tt.tsx`,
/// `react/index.ts`…). Asking the disk took 40 ms of a 5,000-page native run and a tenth of a
/// Taro one.
#[derive(Debug, Default)]
pub struct Listing {
    /// Keyed by [`spelled`] paths.
    files: FxHashSet<OsString>,
    /// The files' [`caseless_hash`]es: a path none of them equals, in any case, is no file on
    /// a file system that ignores case either.
    caseless: FxHashSet<u64>,
    /// The [`caseless_hash`]es of the folders read and of each file's path cut before each `.`
    /// of its name (`pages/a/index` and `pages/a/index.tt` for `pages/a/index.tt.tsx`): a path
    /// none of them or of the files equals, in any case, has nothing at it, beside it under its
    /// name with an extension, or below it ([`Listing::holds`]).
    stems: FxHashSet<u64>,
    /// The folders read, and whether whole ([`Walked::folders`](crate::base::vfs::Walked)),
    /// keyed by the bytes of their [`spelled`] paths: [`Listing::is_file`] looks up the
    /// folders above a path as prefixes of its bytes.
    folders: FxHashMap<Vec<u8>, bool>,
}

/// [`Listing`], shared by the loader and the resolvers of a run.
pub type Found = Arc<Listing>;

impl Listing {
    fn add_file(&mut self, path: PathBuf) {
        let key = key(path);
        let bytes = key.as_encoded_bytes();
        self.caseless.insert(caseless_hash(bytes));
        let name = memchr::memrchr2(b'/', b'\\', bytes).map_or(0, |at| at + 1);
        for dot in memchr::memchr_iter(b'.', &bytes[name..]) {
            self.stems.insert(caseless_hash(&bytes[..name + dot]));
        }
        self.files.insert(key);
    }

    fn add_folders(&mut self, folders: Vec<(PathBuf, bool)>) {
        for (folder, whole) in folders {
            let key = key(folder).into_encoded_bytes();
            self.stems.insert(caseless_hash(&key));
            self.folders.insert(key, whole);
        }
    }

    /// Whether discovery found the file at `path`, however it is spelled: a build joins an
    /// `app.json` route onto the root as written (`./pages/a/a`, and `/` separators on
    /// Windows).
    pub fn has(&self, path: &Path) -> bool {
        self.files.contains(&*spelled(path))
    }

    /// Whether `path` is a file, if the walk can tell: it found it (on disk or in memory), or
    /// the nearest folder above it that it read was read whole. The name in that folder on the
    /// way to `path` is then `path` itself, a file, or nothing (a folder would have been read,
    /// and be nearer), and `path` is no file on disk. The disk decides a path through `..`
    /// (comparing paths does not resolve it), names below that folder that are not ASCII
    /// (macOS finds a name in either of two Unicode spellings, where its listing has one), and
    /// a path that may be a file found in another case (`Index.js` for `index.js`: the same
    /// file where the file system ignores case, macOS's and Windows' by default).
    pub fn is_file(&self, path: &Path) -> Option<bool> {
        let spelled = spelled(path);
        if self.files.contains(&*spelled) {
            return Some(true);
        }
        let bytes = spelled.as_encoded_bytes();
        let absent =
            self.in_whole_folder(&spelled) && !self.caseless.contains(&caseless_hash(bytes));
        absent.then_some(false)
    }

    /// Whether any file is at `base`, beside it under its name with an extension, or below it
    /// (what a module's candidates are: `base`, `base.tsx`, `base/index.tsx`), if the walk can
    /// tell that none is: `Some(false)` as [`Listing::is_file`] tells of one path, for all of
    /// them at once. A Taro page's `import … from 'react'` has 19 candidates beside the page,
    /// and none exists.
    pub fn holds(&self, base: &Path) -> Option<bool> {
        let spelled = spelled(base);
        let bytes = spelled.as_encoded_bytes();
        let hash = caseless_hash(bytes);
        let empty = self.in_whole_folder(&spelled)
            && !self.caseless.contains(&hash)
            && !self.stems.contains(&hash);
        empty.then_some(false)
    }

    /// Whether the nearest folder above a [`spelled`] path that the walk read was read whole,
    /// and the rest of the path is ASCII: the name in that folder on the way to the path is
    /// then a file or folder the walk found, or nothing. The disk decides a path through `..`.
    fn in_whole_folder(&self, spelled: &OsStr) -> bool {
        let bytes = spelled.as_encoded_bytes();
        // A `..` (or a name starting with it: the disk decides those too).
        let up = |at: usize| bytes.get(at + 1..at + 3) == Some(b"..");
        if bytes.starts_with(b"..") || memchr::memchr2_iter(b'/', b'\\', bytes).any(up) {
            return false;
        }
        folders_above(Path::new(spelled))
            .find_map(|len| Some((len, *self.folders.get(&bytes[..len])?)))
            .is_some_and(|(folder, whole)| whole && bytes[folder..].is_ascii())
    }
}

/// A hash of a path's bytes that is the same in any case of its ASCII letters: each byte is
/// taken with bit 5 set, which makes `A`–`Z` into `a`–`z`. Other bytes that differ in bit 5
/// alone hash alike too; for [`Listing::is_file`] that is only a path the disk decides.
///
/// A folder's listing used to be checked against the file system's treatment of case by asking
/// the disk for one of its names in the other case: a failed look-up per folder, 5,000 on the
/// benchmark's apps.
fn caseless_hash(bytes: &[u8]) -> u64 {
    const CASELESS: u64 = u64::from_le_bytes([0x20; 8]);
    let mut hasher = rustc_hash::FxHasher::default();
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buffer = [0; 8];
        buffer.copy_from_slice(word);
        hasher.write_u64(u64::from_le_bytes(buffer) | CASELESS);
    }
    for &byte in words.remainder() {
        hasher.write_u8(byte | 0x20);
    }
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// The folders above a [`spelled`] path, nearest first, as the lengths of its bytes that name
/// them: what [`Path::ancestors`] gives after the path itself. Found at the separators with
/// memchr: taking the path apart into components for each folder was a fortieth of a Taro
/// run's instructions (its imports are looked for under many names).
#[cfg(unix)]
fn folders_above(path: &Path) -> impl Iterator<Item = usize> + '_ {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut end = Some(bytes.len());
    std::iter::from_fn(move || {
        let rest = &bytes[..end?];
        let (next, above) = match memchr::memrchr(b'/', rest) {
            // The root, above a name in it.
            Some(0) if rest.len() > 1 => (None, Some(1)),
            Some(0) => (None, None),
            Some(at) => (Some(at), Some(at)),
            // A relative path's first name: the empty path is above it.
            None if rest.is_empty() => (None, None),
            None => (None, Some(0)),
        };
        end = next;
        above
    })
}

/// [`folders_above`] where paths have prefixes (`C:\`) and two separators: as
/// [`Path::ancestors`] finds them (each is a prefix of the path's bytes).
#[cfg(not(unix))]
fn folders_above(path: &Path) -> impl Iterator<Item = usize> + '_ {
    path.ancestors().skip(1).map(|a| a.as_os_str().len())
}

/// The [`spelled`] key of a path, taking its bytes when they are already spelled so.
fn key(path: PathBuf) -> OsString {
    match spelled(&path) {
        Cow::Borrowed(_) => path.into_os_string(),
        Cow::Owned(key) => key,
    }
}

/// `path` as a walk spells it: the same bytes for `pages/a/a`, `./pages/a/a` and `pages//a/a`
/// (and on Windows for `/` and `\`), so that a look-up hashes its bytes once. Hashing a
/// `Path`, and taking one apart, walks its components every time: 6,000 instructions a
/// look-up, a tenth of a Taro run's instructions.
pub(crate) fn spelled(path: &Path) -> Cow<'_, OsStr> {
    if !cfg!(windows) && reads_as_components(path.as_os_str().as_encoded_bytes()) {
        Cow::Borrowed(path.as_os_str())
    } else {
        Cow::Owned(path.components().collect::<PathBuf>().into_os_string())
    }
}

/// The mini-program a configuration file makes of its folder, if it does: `app.json`, a uni-app
/// `pages.json` (with `manifest.json` or `App.vue` beside it), a Taro `app.config.ts`.
fn root_of(config: &Path, vfs: &Vfs) -> Option<Root> {
    let framework = Framework::of_config(config)?;
    let dir = config.parent()?;
    if framework == Framework::UniApp
        && !vfs.is_file(&dir.join("manifest.json"))
        && !vfs.is_file(&dir.join("App.vue"))
    {
        return None;
    }
    Some(Root {
        path: dir.to_path_buf(),
        framework,
    })
}

/// The folders holding a framework project's compiled output, anchored at the nearest folder with
/// `package.json` (or the app's root): `unpackage/`, `dist/`. What is in them is the compiler's,
/// not the source people write.
fn output_folders(roots: &[Root], vfs: &Vfs) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for root in roots {
        if root.framework == Framework::Native {
            continue;
        }
        let anchor = root
            .path
            .ancestors()
            .take(3)
            .find(|d| vfs.is_file(&d.join("package.json")))
            .unwrap_or(&root.path);
        out.extend(root.framework.output_folders(anchor));
    }
    out
}

/// Makes a path absolute and removes `.` and `..` components without touching the file system
/// (so symlinks are not resolved and a missing path still normalises).
pub fn normalize(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    #[cfg(unix)]
    if joined.is_absolute() {
        return normalize_bytes(joined.as_os_str().as_encoded_bytes());
    }
    by_components(&joined)
}

/// [`normalize`] by taking the path apart into components and joining them again: every
/// platform's way.
fn by_components(joined: &Path) -> PathBuf {
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

/// [`normalize`] of an absolute Unix path, by its bytes: `/` is its only separator, and its
/// names are `..` (the name before is dropped), `.` or empty (left out), or kept. The module
/// resolver normalises every import (`../../utils/pay` from a page), and taking each apart
/// into components cost 4,000 instructions.
#[cfg(unix)]
fn normalize_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    for name in bytes.split(|&b| b == b'/') {
        match name {
            b"" | b"." => {}
            b".." => {
                let last = out.iter().rposition(|&b| b == b'/').unwrap_or(0);
                out.truncate(last);
            }
            name => {
                out.push(b'/');
                out.extend_from_slice(name);
            }
        }
    }
    if out.is_empty() {
        out.push(b'/');
    }
    PathBuf::from(OsStr::from_bytes(&out))
}

/// Whether `path` is `root` or lies below it, as [`Path::starts_with`] tells. Discovery asks it
/// of every file for each build-output folder, and the file pass for each project: taking both
/// apart cost 1,700 instructions each time, so on Unix (where `/` is the only separator; a
/// Windows verbatim path `\\?\C:\a/b` has one name `a/b`) their bytes answer where they can.
/// `root`'s bytes followed by the end or a `/` mean below; when both are absolute and spelled
/// as their components, as a walk's paths are, anything else means not.
pub fn is_within(path: &Path, root: &Path) -> bool {
    if cfg!(windows) {
        return path.starts_with(root);
    }
    let (p, r) = (
        path.as_os_str().as_encoded_bytes(),
        root.as_os_str().as_encoded_bytes(),
    );
    let below = |rest: &[u8]| rest.is_empty() || rest.starts_with(b"/");
    if !r.is_empty() && p.strip_prefix(r).is_some_and(below) {
        return true;
    }
    let canonical = |bytes: &[u8]| bytes.starts_with(b"/") && reads_as_components(bytes);
    if canonical(p) && canonical(r) {
        return false;
    }
    path.starts_with(root)
}

/// Shows `path` as the user would name it: relative to the working directory (with `..` where
/// needed), with `/` separators.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    // Nearly every path lies below an absolute working directory other than the root: the rest
    // of it, as its bytes when a walk spelled it, else joined from its components into one
    // string. Discovery and loading ask this of every file, and the walk below cost two vectors
    // and a string per component each time.
    let cwd_below_root = cwd.is_absolute() && cwd.parent().is_some();
    if cwd_below_root && let Some(rest) = plainly_below(path, cwd) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if cwd_below_root && let Ok(rest) = path.strip_prefix(cwd) {
        let mut shown = String::with_capacity(rest.as_os_str().len());
        for part in rest.components() {
            if !shown.is_empty() {
                shown.push('/');
            }
            shown.push_str(&part.as_os_str().to_string_lossy());
        }
        if shown.is_empty() {
            shown.push('.');
        }
        return shown;
    }
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

/// Walks the given paths. Compiled output of a framework project found in the same walk is
/// marked as such (and is no mini-program of its own) unless `build_output` asks for it.
pub fn discover(
    paths: &[PathBuf],
    ignore: &Ignore,
    cwd: &Path,
    vfs: &Vfs,
    build_output: bool,
) -> Result<Discovery, UsageError> {
    let mut found = Vec::new();
    let mut roots = BTreeSet::new();
    let mut not_read = Vec::new();
    let mut listing = Listing::default();
    for given in paths {
        let path = normalize(given, cwd);
        let entry = vfs.entry(&path).ok_or_else(|| {
            UsageError::new(messages::error_no_such_path(given.display().to_string()))
        })?;
        if entry == Entry::File {
            let why = if FileKind::from_path(&path).is_none() {
                Some(NotRead::Kind)
            } else if ignore.is_ignored(&path) {
                Some(NotRead::Ignored)
            } else {
                None
            };
            if let Some(why) = why {
                not_read.push((display_path(&path, cwd), why));
                continue;
            }
        }
        if let Some(root) = enclosing_root(&path, vfs) {
            roots.insert(root);
        }
        if let (Entry::File, Some(kind)) = (entry, FileKind::from_path(&path)) {
            listing.add_file(path.clone());
            found.push((
                order_key(&path),
                Candidate {
                    display: display_path(&path, cwd),
                    path,
                    kind,
                    explicit: true,
                    build_output: false,
                },
            ));
            continue;
        }
        let walked = vfs.walk_folders(&path, &|p| ignore.is_ignored(p));
        // Across the threads: a big app's walk finds tens of thousands of files.
        let walked_candidates: Vec<(Vec<u8>, Candidate, Option<Root>)> = walked
            .files
            .par_iter()
            .filter_map(|file| {
                let kind = FileKind::from_path(file)?;
                let root = root_of(file, vfs);
                let candidate = Candidate {
                    display: display_path(file, cwd),
                    path: file.clone(),
                    kind,
                    explicit: false,
                    build_output: false,
                };
                Some((order_key(file), candidate, root))
            })
            .collect();
        for (key, candidate, root) in walked_candidates {
            roots.extend(root);
            found.push((key, candidate));
        }
        for file in walked.files {
            listing.add_file(file);
        }
        listing.add_folders(walked.folders);
    }
    let mut roots: Vec<Root> = roots.into_iter().collect();
    if !build_output {
        let outputs = output_folders(&roots, vfs);
        let inside = |p: &Path| outputs.iter().any(|o| is_within(p, o));
        roots.retain(|r| !inside(&r.path));
        for (_, c) in &mut found {
            c.build_output = !c.explicit && inside(&c.path);
        }
    }
    found.par_sort_unstable_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| a.cmp(b)));
    // A file named explicitly and also found by a walk is explicit.
    let mut candidates: Vec<Candidate> = Vec::with_capacity(found.len());
    for (_, c) in found {
        match candidates.last_mut() {
            Some(last) if last.path == c.path => {
                last.explicit |= c.explicit;
                last.build_output &= c.build_output;
            }
            _ => candidates.push(c),
        }
    }
    roots.sort_by_key(|r| r.path.components().count());
    Ok(Discovery {
        candidates,
        roots,
        not_read,
        listing: Arc::new(listing),
    })
}

/// Discovery for text given on standard input as the file at `path`: that one file, which need
/// not exist on disk yet (an unsaved editor buffer), with the mini-program around it.
pub fn stdin_file(path: &Path, cwd: &Path, vfs: &Vfs) -> Result<Discovery, UsageError> {
    let path = normalize(path, cwd);
    let kind = FileKind::from_path(&path).ok_or_else(|| {
        UsageError::new(messages::error_stdin_not_lintable(
            path.display().to_string(),
        ))
    })?;
    let mut listing = Listing::default();
    listing.add_file(path.clone());
    Ok(Discovery {
        roots: enclosing_root(&path, vfs).into_iter().collect(),
        candidates: vec![Candidate {
            display: display_path(&path, cwd),
            path,
            kind,
            explicit: true,
            build_output: false,
        }],
        not_read: Vec::new(),
        listing: Arc::new(listing),
    })
}

/// The nearest mini-program at or above `path`.
pub fn enclosing_root(path: &Path, vfs: &Vfs) -> Option<Root> {
    let mut dir = match vfs.entry(path) {
        Some(Entry::Folder) => Some(path),
        _ => path.parent(),
    };
    while let Some(d) = dir {
        let configs = [Framework::Native, Framework::UniApp, Framework::Taro]
            .iter()
            .flat_map(|f| f.config_files());
        for name in configs {
            let config = d.join(name);
            if vfs.is_file(&config)
                && let Some(root) = root_of(&config, vfs)
            {
                return Some(root);
            }
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

    /// Every candidate is a file to the provider, as [`Found`] promises the resolver: a link is
    /// not walked, and a buffer held in memory is.
    #[cfg(unix)]
    #[test]
    fn candidates_are_files_to_the_provider() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("app.json"), "{}").unwrap();
        std::fs::write(root.join("a.js"), "").unwrap();
        std::os::unix::fs::symlink(root.join("a.js"), root.join("link.js")).unwrap();
        let mut vfs = Vfs::disk();
        vfs.insert(root.join("buffer.js"), String::new());
        let found = discover(&[root.to_path_buf()], &ignore(&[]), root, &vfs, false).unwrap();
        let names: Vec<&str> = found
            .candidates
            .iter()
            .map(|c| c.display.as_str())
            .collect();
        assert_eq!(names, ["a.js", "app.json", "buffer.js"]);
        assert!(found.candidates.iter().all(|c| vfs.is_file(&c.path)));
        assert!(!vfs.is_file(&root.join("link.js")));
        assert_eq!(found.listing.is_file(&root.join("buffer.js")), Some(true));
        assert_eq!(
            found.listing.is_file(&root.join("link.js")),
            None,
            "a folder holding a link is not read whole: the disk decides"
        );
    }

    /// Whatever the listing tells of a path, the provider tells too: for files found, names
    /// missing beside them or under them, other cases and Unicode spellings, `..`, links,
    /// pruned files and folders never read.
    #[cfg(unix)]
    #[test]
    fn the_listing_agrees_with_the_provider() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["pages/a", "pages/b", "node_modules/x", "empty"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        let files = [
            "app.json",
            "pages/a/index.js",
            "pages/a/index.ttml",
            "pages/a/café.js",
            "pages/b/index.js",
            "pages/b/ignored.js",
            "node_modules/x/index.js",
        ];
        for file in files {
            std::fs::write(root.join(file), "").unwrap();
        }
        std::os::unix::fs::symlink(root.join("pages/a"), root.join("pages/c")).unwrap();
        let mut vfs = Vfs::disk();
        vfs.insert(root.join("pages/a/buffer.js"), String::new());
        let found = discover(
            &[root.to_path_buf()],
            &Ignore::new(&["pages/b/ignored.js".into()], Some(root), &[], root).unwrap(),
            root,
            &vfs,
            false,
        )
        .unwrap();
        let mut asked: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
        for name in [
            "pages/a/index.ts",
            "pages/a/INDEX.JS",
            "pages/a/cafe\u{301}.js",
            "pages/a/index.js/x.js",
            "pages/a/react/index.js",
            "pages/a/@tarojs/components.tt.tsx",
            "pages/a/../b/index.js",
            "pages/a/buffer.js",
            "pages/c/index.js",
            "pages/b/index.ts",
            "empty/x.js",
            "node_modules/x/y.js",
            "elsewhere.js",
        ] {
            asked.push(root.join(name));
        }
        let mut told = 0;
        for path in &asked {
            if let Some(is_file) = found.listing.is_file(path) {
                told += 1;
                assert_eq!(is_file, vfs.is_file(path), "{}", path.display());
            }
        }
        assert_eq!(told, 11);
        // The same on a file system that ignores case: a name found in another case is the
        // disk's to decide, and a name missing in every case is missing on any file system.
        assert_eq!(found.listing.is_file(&root.join("pages/a/INDEX.JS")), None);
        assert_eq!(found.listing.is_file(&root.join("PAGES/A/index.js")), None);
        assert_eq!(
            found.listing.is_file(&root.join("pages/a/Index.ts")),
            Some(false)
        );
        assert_eq!(found.listing.is_file(&root.join("empty/x.js")), Some(false));
        // What a module's candidates may hold: told empty only where no candidate is a file.
        let holds = |base: &str| found.listing.holds(&root.join(base));
        for (base, told) in [
            ("pages/a/react", Some(false)),
            ("pages/a/@tarojs/taro", Some(false)),
            ("empty/x", Some(false)),
            ("pages/a/index", None),
            ("pages/a/INDEX", None),
            ("pages/a/index.js", None),
            ("pages/a", None),
            ("PAGES/a", None),
            ("pages/a/café", None),
            ("pages/b/ignored", None),
            ("pages/a/../b/index", None),
        ] {
            assert_eq!(holds(base), told, "{base}");
            if told == Some(false) {
                for candidate in [
                    base.to_string(),
                    format!("{base}.js"),
                    format!("{base}/index.js"),
                ] {
                    assert!(!vfs.is_file(&root.join(&candidate)), "{candidate}");
                }
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_folders_above_a_path_are_its_ancestors() {
        for path in [
            "/p/pages/a/index.js",
            "/p",
            "/",
            "pages/a/b.js",
            "a",
            "",
            "./a/b",
        ] {
            let path = Path::new(path);
            let bytes = path.as_os_str().as_encoded_bytes();
            let found: Vec<&[u8]> = folders_above(path).map(|len| &bytes[..len]).collect();
            let ancestors: Vec<&[u8]> = (path.ancestors().skip(1))
                .map(|a| a.as_os_str().as_encoded_bytes())
                .collect();
            assert_eq!(found, ancestors, "{}", path.display());
        }
    }

    #[test]
    fn every_spelling_of_a_path_is_one_key() {
        let plain = Path::new("/p/pages/a/a.js");
        for other in [
            "/p/./pages//a/a.js",
            "/p/pages/a/./a.js",
            "/p/pages/a/a.js/",
        ] {
            assert_eq!(spelled(Path::new(other)), spelled(plain), "{other}");
        }
        assert!(
            matches!(spelled(plain), Cow::Borrowed(_)),
            "a walk's spelling is taken as it is"
        );
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
    fn backslashes_in_patterns_are_separators() {
        let ig = ignore(&["pages\\legacy", ".\\dist\\"]);
        assert!(ig.is_ignored(Path::new("/p/pages/legacy/a.js")));
        assert!(ig.is_ignored(Path::new("/p/dist/a.js")));
        assert!(!ig.is_ignored(Path::new("/p/pages/index/a.js")));
    }

    #[test]
    fn display_paths_use_forward_slashes() {
        let cwd = Path::new("/work/app");
        for (path, shown) in [
            ("/work/app/pages/pay/pay.js", "pages/pay/pay.js"),
            ("/work/other/a.js", "../other/a.js"),
            ("/work/app", "."),
            ("/work/application/a.js", "../application/a.js"),
            ("/work/app/pages/.x/a.js", "pages/.x/a.js"),
        ] {
            assert_eq!(display_path(Path::new(path), cwd), shown, "{path}");
        }
    }

    /// Below the working directory, however the two are spelled, a path reads as the walk by
    /// components reads it; from the root, it stays absolute.
    #[test]
    fn display_paths_below_the_working_directory_are_normalised() {
        let cwd = Path::new("/work/app/");
        assert_eq!(
            display_path(Path::new("/work/app//pages/./pay/pay.js"), cwd),
            "pages/pay/pay.js"
        );
        assert_eq!(display_path(Path::new("/work/app/."), cwd), ".");
        assert_eq!(display_path(Path::new("/a.js"), Path::new("/")), "/a.js");
        assert_eq!(display_path(Path::new("a/b.js"), Path::new("a")), "b.js");
    }

    #[test]
    fn bad_globs_are_usage_errors() {
        let err = Ignore::new(&["a[".into()], None, &[], Path::new("/p")).unwrap_err();
        let err = err.to_string();
        assert!(err.contains("a["), "{err}");
    }

    /// Absolute paths are normalised by their bytes on Unix; the result is what taking them
    /// apart into components gives.
    #[cfg(unix)]
    #[test]
    fn normalize_by_bytes_is_by_components() {
        for path in [
            "/",
            "/..",
            "/../a",
            "/a/..",
            "/a/b/../c",
            "/a//b/",
            "/a/./b/.",
            "/a/b/../../..",
            "/w/pages/p1/../../utils/pay",
            "/a/.b/..c/...",
            "//a",
            "/a/b/c/../../d/./e//",
        ] {
            assert_eq!(
                normalize_bytes(path.as_bytes()),
                by_components(Path::new(path)),
                "{path}"
            );
        }
    }

    #[cfg(unix)]
    proptest::proptest! {
        #[test]
        fn normalize_by_bytes_is_by_components_anywhere(names in proptest::collection::vec(
            proptest::sample::select(vec!["a", "bc", "..", ".", "", "...", ".a", "a."]), 0..12,
        )) {
            let path = format!("/{}", names.join("/"));
            proptest::prop_assert_eq!(normalize_bytes(path.as_bytes()), by_components(Path::new(&path)));
        }

        /// `is_within` answers as `Path::starts_with` does, whether or not the bytes decide.
        #[test]
        fn is_within_is_starts_with(names in proptest::collection::vec(
            proptest::sample::select(vec!["a", "ab", "b", ".", "..", ""]), 0..8,
        ), other in proptest::collection::vec(
            proptest::sample::select(vec!["a", "ab", "b", ".", "..", ""]), 0..4,
        ), cut in 0usize..9, trailing: bool) {
            let path = format!("/{}", names.join("/"));
            // A prefix of the path's names, then names of its own (often none).
            let mut root_names = names[..cut.min(names.len())].to_vec();
            root_names.extend(other);
            let root = format!("/{}{}", root_names.join("/"), if trailing { "/" } else { "" });
            proptest::prop_assert_eq!(
                is_within(Path::new(&path), Path::new(&root)),
                Path::new(&path).starts_with(&root)
            );
        }

        /// A path's key is its components joined again, whatever its spelling.
        #[test]
        fn spelled_is_the_components_joined(names in proptest::collection::vec(
            proptest::sample::select(vec!["a", "bc", "..", ".", "", ".a", "a."]), 0..10,
        ), rooted: bool) {
            let path = format!("{}{}", if rooted { "/" } else { "" }, names.join("/"));
            let joined: PathBuf = Path::new(&path).components().collect();
            proptest::prop_assert_eq!(spelled(Path::new(&path)), joined.as_os_str());
        }
    }

    #[test]
    fn is_within_stops_at_a_name_boundary() {
        for (path, root, within) in [
            ("/p/a/b.js", "/p/a", true),
            ("/p/a", "/p/a", true),
            ("/p/ab/b.js", "/p/a", false),
            ("/p/ab", "/p/a", false),
            ("/q/a/b.js", "/p/a", false),
            ("/p/./a/b.js", "/p/a", true),
            ("/p/a/b.js", "/p/a/", true),
            ("p/a.js", "", true),
            ("/p/a/../b.js", "/p/a", true),
        ] {
            assert_eq!(
                is_within(Path::new(path), Path::new(root)),
                within,
                "{path} in {root}"
            );
        }
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
