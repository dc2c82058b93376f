//! The file provider: where a run reads files from. Text held in memory — an editor's unsaved
//! buffers, standard input, a test's project tree, a fuzzer's generated app — comes first; the
//! disk comes after, unless the provider is memory only. Everything that looks at files (discovery,
//! config lookup, reference resolution, loading) asks the provider, so a run over buffers sees the
//! same project a run over the disk would.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use memchr::memmem;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// What is at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    Folder,
}

/// Files in memory (absolute, normalised paths), over the disk or alone.
#[derive(Debug, Clone, Default)]
pub struct Vfs {
    memory: BTreeMap<PathBuf, String>,
    /// Whether paths not in memory are looked up on disk.
    disk: bool,
    /// Paths whose read fails, with the reason: a file deleted or made unreadable between
    /// discovery and loading. Tests run as root, who can read any file, so this seam is the only
    /// way to make a read fail on purpose.
    failing: FxHashMap<PathBuf, io::ErrorKind>,
}

impl Vfs {
    /// The disk, nothing in memory.
    pub fn disk() -> Self {
        Self {
            memory: BTreeMap::new(),
            disk: true,
            failing: FxHashMap::default(),
        }
    }

    /// Only what is put in memory: a project that exists nowhere else.
    pub fn memory() -> Self {
        Self::default()
    }

    /// Holds `text` as the content of `path`, over whatever the disk has there.
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.memory.insert(path, text);
    }

    /// Drops the text held for `path`: the disk's file shows through again (an editor closed
    /// its buffer). Returns whether something was held.
    pub fn remove(&mut self, path: &Path) -> bool {
        self.memory.remove(path).is_some()
    }

    /// Whether `path` is held in memory (an open buffer), whatever the disk has.
    pub fn in_memory(&self, path: &Path) -> bool {
        self.memory.contains_key(path)
    }

    /// Whether a file in memory has a path whose bytes start with `prefix`'s: an editor's
    /// buffer may stand where the disk has nothing (and the walk found nothing).
    pub fn in_memory_under(&self, prefix: &Path) -> bool {
        let prefix = prefix.as_os_str().as_encoded_bytes();
        self.memory
            .keys()
            .any(|path| path.as_os_str().as_encoded_bytes().starts_with(prefix))
    }

    /// Makes every read of `path` fail with `kind`, as if the file vanished or lost its
    /// permissions during the run. What is at the path (in memory or on disk) is still seen by
    /// discovery: only reading it fails.
    pub fn fail(&mut self, path: PathBuf, kind: io::ErrorKind) {
        self.failing.insert(path, kind);
    }

    /// What is at `path`, if anything: a file in memory, a folder holding one, or the disk's.
    pub fn entry(&self, path: &Path) -> Option<Entry> {
        if self.memory.contains_key(path) {
            return Some(Entry::File);
        }
        if self.memory_under(path).next().is_some() {
            return Some(Entry::Folder);
        }
        if !self.disk {
            return None;
        }
        // Symbolic links are not followed: a link loop cannot trap a walk.
        let meta = std::fs::symlink_metadata(path).ok()?;
        if meta.is_file() {
            Some(Entry::File)
        } else if meta.is_dir() {
            Some(Entry::Folder)
        } else {
            None
        }
    }

    pub fn is_file(&self, path: &Path) -> bool {
        self.entry(path) == Some(Entry::File)
    }

    /// The bytes of a file.
    pub fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        if let Some(&kind) = self.failing.get(path) {
            return Err(io::Error::from(kind));
        }
        if let Some(text) = self.memory.get(path) {
            return Ok(text.as_bytes().to_vec());
        }
        if !self.disk {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no such file"));
        }
        std::fs::read(path)
    }

    fn memory_under<'a>(&'a self, folder: &'a Path) -> impl Iterator<Item = &'a PathBuf> {
        self.memory
            .range(folder.to_path_buf()..)
            .map(|(p, _)| p)
            .take_while(move |p| p.starts_with(folder))
            .filter(move |p| p.as_path() != folder)
    }

    /// Every file under `root` (or `root` itself when it is a file), sorted, skipping whatever
    /// `pruned` says (a pruned folder is not entered). Unreadable folders are skipped.
    pub fn walk(&self, root: &Path, pruned: &(dyn Fn(&Path) -> bool + Sync)) -> Vec<PathBuf> {
        self.walk_folders(root, pruned).files
    }

    /// [`Vfs::walk`], with the folders it read on disk.
    pub fn walk_folders(&self, root: &Path, pruned: &(dyn Fn(&Path) -> bool + Sync)) -> Walked {
        let mut walked = if self.disk {
            disk_walk(root, pruned)
        } else {
            Walked::default()
        };
        let in_memory = self.memory.keys().filter(|p| {
            (p.as_path() == root || p.starts_with(root))
                && !p
                    .ancestors()
                    .take_while(|a| a.starts_with(root) && *a != root)
                    .any(pruned)
        });
        walked.files.extend(in_memory.cloned());
        walked.files.par_sort_by_cached_key(|p| order_key(p));
        walked.files.dedup();
        walked
    }
}

/// Whether a Unix path's bytes read the same taken apart into components and joined again with
/// `/`: no empty or `.` name, no trailing `/`. Only a `/` can start what that changes, so the
/// pairs `//` and `/.` are looked for, each with a searcher built once: every look-up of a
/// file asks this, and looking at the byte after each `/` (one call per `/`) was 0.6% of a run.
pub fn reads_as_components(bytes: &[u8]) -> bool {
    static EMPTY_NAME: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("//"));
    static DOT_NAME: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("/."));
    !bytes.ends_with(b"/")
        && !bytes.starts_with(b".")
        && EMPTY_NAME.find(bytes).is_none()
        && DOT_NAME.find(bytes).is_none()
}

/// The bytes of `path` after `cwd` and a `/`, when they [read as their
/// components](reads_as_components) (on Unix, where `/` is the only separator). A walk's paths
/// are spelled so, and their display is then their bytes, without taking each apart (0.8% of a
/// native run's instructions).
pub fn plainly_below<'a>(path: &'a Path, cwd: &Path) -> Option<&'a [u8]> {
    if cfg!(windows) {
        return None;
    }
    let rest = (path.as_os_str().as_encoded_bytes())
        .strip_prefix(cwd.as_os_str().as_encoded_bytes())?
        .strip_prefix(b"/")?;
    (!rest.is_empty() && reads_as_components(rest)).then_some(rest)
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every file, sorted.
    pub files: Vec<PathBuf>,
    /// The folders read on disk, in no set order, each with whether it was read whole: every
    /// entry in it is among the files or is a folder read in turn (nothing pruned, unreadable,
    /// linked or special). A name in such a folder that is not among the files in any case is
    /// no file on disk, whether or not the file system tells names apart by case.
    pub folders: Vec<(PathBuf, bool)>,
}

/// A path's bytes with its separators as the lowest byte: they order normalised paths (those a
/// walk and discovery make) as `Path` does, component by component. Comparing two `Path`s
/// splits both into components every time, and sorting a walk of ten thousand files compares
/// them a hundred thousand times: 10 ms of a two-thread run that nothing else could overlap.
pub fn order_key(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// The files under `root` on disk, or `root` itself when it is a file (a link named as the root
/// is followed; links inside are not), and the folders read.
fn disk_walk(root: &Path, pruned: &(dyn Fn(&Path) -> bool + Sync)) -> Walked {
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_file() => Walked {
            files: vec![root.to_path_buf()],
            folders: Vec::new(),
        },
        Ok(meta) if meta.is_dir() => folder_walk(root, pruned),
        _ => Walked::default(),
    }
}

/// The files in `folder` and in the folders under it, leaving out what `pruned` says, in no set
/// order, and the folders read. Sibling folders are read in parallel (on the pool of the
/// caller's thread): walking a mini-program's thousands of page folders one after another was
/// 3% of a one-thread run, and all of it waited for in a two-thread one.
fn folder_walk(folder: &Path, pruned: &(dyn Fn(&Path) -> bool + Sync)) -> Walked {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Walked {
            files: Vec::new(),
            folders: vec![(folder.to_path_buf(), false)],
        };
    };
    let mut files = Vec::new();
    let mut folders = Vec::new();
    let mut whole = true;
    for entry in entries {
        let Ok((entry, kind)) = entry.and_then(|e| e.file_type().map(|kind| (e, kind))) else {
            whole = false;
            continue;
        };
        let path = entry.path();
        if pruned(&path) {
            whole = false;
        } else if kind.is_file() {
            files.push(path);
        } else if kind.is_dir() {
            folders.push(path);
        } else {
            whole = false;
        }
    }
    let nested: Vec<Walked> = folders
        .par_iter()
        .map(|folder| folder_walk(folder, pruned))
        .collect();
    let mut walked = Walked {
        files,
        folders: vec![(folder.to_path_buf(), whole)],
    };
    for inner in nested {
        walked.files.extend(inner.files);
        walked.folders.extend(inner.folders);
    }
    walked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vfs(files: &[&str]) -> Vfs {
        let mut v = Vfs::memory();
        for f in files {
            v.insert(PathBuf::from(f), format!("// {f}"));
        }
        v
    }

    #[test]
    fn memory_only_has_files_and_folders() {
        let v = vfs(&["/p/app.json", "/p/pages/a/a.js"]);
        assert_eq!(v.entry(Path::new("/p/pages")), Some(Entry::Folder));
        assert_eq!(v.entry(Path::new("/p/app.json")), Some(Entry::File));
        assert_eq!(v.entry(Path::new("/p/pages/a")), Some(Entry::Folder));
        assert_eq!(v.entry(Path::new("/p/pages/b")), None);
        assert_eq!(
            v.entry(Path::new("/p/pages/a/a")),
            None,
            "not a prefix match"
        );
        assert_eq!(
            v.read(Path::new("/p/pages/a/a.js")).unwrap(),
            b"// /p/pages/a/a.js"
        );
        assert!(
            v.read(Path::new("/etc/hostname")).is_err(),
            "never the disk"
        );
    }

    #[test]
    fn order_keys_sort_paths_as_paths_sort() {
        let paths = [
            "/p/a/b.js",
            "/p/a-b/c.js",
            "/p/a.b/c.js",
            "/p/a",
            "/p/a/b",
            "/p/a b/c",
            "/p/ab",
            "/p/a/b/c.js",
            "/p/A/x",
            "/p/支付/页.js",
            "/p/a!/x",
            "/q",
            "/p",
        ];
        let mut by_path: Vec<&Path> = paths.iter().map(Path::new).collect();
        by_path.sort();
        let mut by_key = by_path.clone();
        by_key.reverse();
        by_key.sort_by_key(|p| order_key(p));
        assert_eq!(by_key, by_path);
    }

    /// A folder is read whole when every entry is a file or a folder read in turn.
    #[cfg(unix)]
    #[test]
    fn folders_are_read_whole_when_nothing_in_them_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["plain", "pruned", "linked", "empty", "plain/inner"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for file in [
            "a.js",
            "plain/b.js",
            "pruned/c.js",
            "pruned/skip.js",
            "linked/d.js",
        ] {
            std::fs::write(root.join(file), "").unwrap();
        }
        std::os::unix::fs::symlink(root.join("a.js"), root.join("linked/e.js")).unwrap();
        let pruned = |p: &Path| p.ends_with("skip.js");
        let mut folders = Vfs::disk().walk_folders(root, &pruned).folders;
        folders.sort();
        assert_eq!(
            folders,
            [
                (root.to_path_buf(), true),
                (root.join("empty"), true),
                (root.join("linked"), false),
                (root.join("plain"), true),
                (root.join("plain/inner"), true),
                (root.join("pruned"), false),
            ]
        );
    }

    #[test]
    fn walks_prune_and_sort() {
        let v = vfs(&["/p/b.js", "/p/node_modules/x/i.js", "/p/a/c.js", "/q/d.js"]);
        let pruned = |p: &Path| p.ends_with("node_modules");
        assert_eq!(
            v.walk(Path::new("/p"), &pruned),
            vec![PathBuf::from("/p/a/c.js"), PathBuf::from("/p/b.js")]
        );
        assert_eq!(
            v.walk(Path::new("/p/b.js"), &pruned),
            vec![PathBuf::from("/p/b.js")]
        );
    }

    #[test]
    fn disk_walks_prune_files_and_folders_and_sort() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.js",
            "a/c.js",
            "a/d/e.js",
            "a/skip.js",
            "node_modules/x/i.js",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let pruned = |p: &Path| p.ends_with("node_modules") || p.ends_with("skip.js");
        let expected: Vec<PathBuf> = ["a/c.js", "a/d/e.js", "b.js"]
            .iter()
            .map(|f| root.join(f))
            .collect();
        assert_eq!(Vfs::disk().walk(root, &pruned), expected);
        assert_eq!(
            Vfs::disk().walk(&root.join("b.js"), &pruned),
            vec![root.join("b.js")]
        );
        assert!(Vfs::disk().walk(&root.join("missing"), &pruned).is_empty());
    }

    #[test]
    fn an_injected_failure_fails_only_the_read() {
        let mut v = vfs(&["/p/a.js", "/p/b.js"]);
        v.fail(PathBuf::from("/p/a.js"), io::ErrorKind::PermissionDenied);
        v.fail(PathBuf::from("/p/gone.js"), io::ErrorKind::NotFound);
        assert_eq!(
            v.read(Path::new("/p/a.js")).unwrap_err().kind(),
            io::ErrorKind::PermissionDenied
        );
        assert_eq!(
            v.entry(Path::new("/p/a.js")),
            Some(Entry::File),
            "still seen"
        );
        assert_eq!(v.read(Path::new("/p/b.js")).unwrap(), b"// /p/b.js");
        assert_eq!(
            v.walk(Path::new("/p"), &|_| false),
            vec![PathBuf::from("/p/a.js"), PathBuf::from("/p/b.js")],
            "a failing path alone is no file"
        );
    }

    #[test]
    fn memory_comes_before_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let on_disk = dir.path().join("a.js");
        std::fs::write(&on_disk, "disk").unwrap();
        let mut v = Vfs::disk();
        v.insert(on_disk.clone(), "buffer".into());
        v.insert(dir.path().join("new.js"), "unsaved".into());
        assert_eq!(v.read(&on_disk).unwrap(), b"buffer");
        assert_eq!(
            v.walk(dir.path(), &|_| false),
            vec![on_disk, dir.path().join("new.js")],
            "a buffer never saved is part of the walk"
        );
    }
}
