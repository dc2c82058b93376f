//! The run's file table: every file loaded, once, by id — the ones linted and the ones read only
//! to understand the project around them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::base::data::RuleData;
use crate::base::intern::Ustr;
use crate::base::source::{FileId, FileKind, SourceFile};
use crate::base::vfs::Vfs;
use crate::project::discover::{display_path, spelled};
use crate::syntax::js::facts::Keep;
use crate::syntax::load::Content;
use crate::syntax::load::{self, Loaded, Origin};

/// A loaded file and whether its findings are reported. The file itself is boxed: the list of
/// entries grows by doubling as waves of files are loaded, and should not hold room for ten
/// thousand unused files' worth of it.
#[derive(Debug)]
pub struct Entry {
    pub loaded: Box<Loaded>,
    /// In the lint set: named on the command line, or found by the walk and reachable.
    pub linted: bool,
    /// Loaded by a mini-program's build (see [`Request::in_build`]).
    pub in_build: bool,
}

/// A file to load.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: PathBuf,
    pub kind: FileKind,
    pub linted: bool,
    /// Requested by a mini-program's build (reached from its configuration), not only because
    /// it was named, walked outside any project, or `--all-files` asked.
    pub in_build: bool,
}

#[derive(Debug)]
pub struct Files {
    entries: Vec<Entry>,
    /// Keyed by the path's bytes as discovery spells them ([`spelled`]): the same for every
    /// spelling of one path, as `Path`'s own equality has it, without walking its components
    /// on every hash. A wave of 5,000 pages looks up ten thousand paths here, on one thread.
    by_path: FxHashMap<OsString, FileId>,
    /// The working directory, for display paths.
    cwd: PathBuf,
    /// Where text comes from.
    vfs: Arc<Vfs>,
    /// The rules' data, when scripts keep only the platform API uses and literals a rule reads
    /// ([`load::parse_keeping`]); without it they keep all of them.
    data: Option<Arc<RuleData>>,
    /// Bytes of text that may still be kept whole ([`WHOLE_TEXT`]); the rest is packed.
    whole_left: AtomicUsize,
}

impl Files {
    pub fn new(cwd: &Path, vfs: Arc<Vfs>) -> Self {
        Self {
            cwd: cwd.to_path_buf(),
            vfs,
            entries: Vec::new(),
            by_path: FxHashMap::default(),
            data: None,
            whole_left: AtomicUsize::new(WHOLE_TEXT),
        }
    }

    /// Files whose scripts keep only the platform API uses and literals `data`'s rules read
    /// ([`RuleData::reads_api`], [`RuleData::reads_text`]). Files loaded
    /// before keep what they had: change it before loading, or reload them.
    pub fn set_rule_data(&mut self, data: Arc<RuleData>) {
        self.data = Some(data);
    }

    /// Keeps a loaded file out of the lint set (it turned out to be tooling, not the app).
    pub fn unlint(&mut self, id: FileId) {
        if let Some(entry) = self.entries.get_mut(id.0 as usize) {
            entry.linted = false;
        }
    }

    /// The provider files are read from.
    pub fn vfs(&self) -> Arc<Vfs> {
        Arc::clone(&self.vfs)
    }

    /// The provider, to change what it holds (an editor's buffers). Files already loaded keep
    /// the text they were loaded with until [`Files::reload`].
    pub fn vfs_mut(&mut self) -> &mut Vfs {
        Arc::make_mut(&mut self.vfs)
    }

    pub fn id(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(&*spelled(path)).copied()
    }

    pub fn get(&self, id: FileId) -> &Entry {
        &self.entries[id.0 as usize]
    }

    pub fn source(&self, id: FileId) -> &SourceFile {
        &self.get(id).loaded.source
    }

    pub fn content(&self, id: FileId) -> &Content {
        &self.get(id).loaded.content
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// Reads and parses these files again, in parallel (call inside a thread pool): their text
    /// changed. Ids stay the same, so everything that names them stays valid.
    pub fn reload(&mut self, ids: &[FileId]) {
        let cwd = &self.cwd;
        let vfs = &*self.vfs;
        let entries = &self.entries;
        let data = self.data.as_deref();
        let whole_left = &self.whole_left;
        let fresh: Vec<(FileId, Loaded)> = ids
            .par_iter()
            .filter_map(|&id| {
                let entry = entries.get(id.0 as usize)?;
                let old = &entry.loaded.source;
                let display = display_path(&old.path, cwd);
                let bytes = vfs.read(&old.path);
                let origin = if entry.in_build {
                    Origin::Build
                } else {
                    Origin::Outside
                };
                let path = old.path.clone();
                let loaded = parse(data, whole_left, path, display, old.kind, bytes, origin);
                Some((id, loaded))
            })
            .collect();
        for (id, loaded) in fresh {
            if let Some(entry) = self.entries.get_mut(id.0 as usize) {
                *entry.loaded = loaded;
            }
        }
    }

    /// Loads the requested files that are not loaded yet, in parallel (call inside the run's
    /// thread pool); returns the id of every requested path, in order. A file requested again
    /// as linted becomes linted.
    pub fn load(&mut self, requests: Vec<Request>) -> Vec<FileId> {
        // A wave asks for thousands of files: their keys are spelled across the threads, and
        // only the table's own bookkeeping is left to this one.
        let keys: Vec<OsString> = requests
            .par_iter()
            .map(|r| spelled(&r.path).into_owned())
            .collect();
        let mut fresh = Vec::new();
        let ids = requests
            .into_iter()
            .zip(keys)
            .map(|(r, key)| match self.by_path.get(&key) {
                Some(&id) => {
                    match self.entries.get_mut(id.0 as usize) {
                        Some(entry) => entry.linted |= r.linted,
                        // Requested twice in this batch.
                        None => {
                            let first = &mut fresh[id.0 as usize - self.entries.len()];
                            let (_, request): &mut (FileId, Request) = first;
                            request.linted |= r.linted;
                        }
                    }
                    id
                }
                None => {
                    let id = FileId((self.entries.len() + fresh.len()) as u32);
                    self.by_path.insert(key, id);
                    fresh.push((id, r));
                    id
                }
            })
            .collect();
        let cwd = &self.cwd;
        let vfs = &*self.vfs;
        let data = self.data.as_deref();
        let whole_left = &self.whole_left;
        // In pieces of a few files: left to split only when a thread is idle, the last piece
        // of a wave of thousands kept one thread parsing a hundred files while the other waited.
        let mut loaded: Vec<Entry> = fresh
            .into_par_iter()
            .with_max_len(PIECE)
            .map(|(_, r)| {
                let display = display_path(&r.path, cwd);
                let bytes = vfs.read(&r.path);
                let origin = if r.in_build {
                    Origin::Build
                } else {
                    Origin::Outside
                };
                Entry {
                    loaded: Box::new(parse(
                        data, whole_left, r.path, display, r.kind, bytes, origin,
                    )),
                    linted: r.linted,
                    in_build: r.in_build,
                }
            })
            .collect();
        self.entries.append(&mut loaded);
        ids
    }
}

/// The most files one thread takes at a time from a parallel load.
const PIECE: usize = 8;

/// Bytes of text a run keeps whole before it packs what it loads ([`SourceFile::pack`]). A run
/// holds every file at once, and packing keeps its memory to a third of the text for about
/// five percent more work. Most mini-programs are a few megabytes of source: they are spared
/// that work, and the memory it would save is small beside the rest of a run's. The benchmark's
/// 5,000 pages (40 MB) keep two fifths of their text whole, for 11 MB more memory than packing
/// it: 16 MiB rather than 8 since templates keep only the attributes rules read (fdc712c), which
/// freed about as much.
const WHOLE_TEXT: usize = 16 << 20;

/// Parses a file from its bytes, keeping of scripts the API uses and literals `data`'s rules read
/// (everything without it), and packs its text ([`SourceFile::pack`]) unless it fits in what is
/// left of [`WHOLE_TEXT`] (`whole_left`, taken from here).
fn parse(
    data: Option<&RuleData>,
    whole_left: &AtomicUsize,
    path: PathBuf,
    display: String,
    kind: FileKind,
    bytes: std::io::Result<Vec<u8>>,
    origin: Origin,
) -> Loaded {
    let api = |api| data.is_none_or(|data| data.reads_api(api));
    let text = |text: &str| data.is_none_or(|data| data.reads_text(text));
    let attribute = |name: Ustr| data.is_none_or(|data| data.reads_attribute(name));
    let keep = Keep {
        api: &api,
        text: &text,
        attribute: &attribute,
    };
    let mut loaded = load::load(path, display, kind, bytes, origin, keep);
    let len = loaded.source.text().len();
    let kept_whole = whole_left
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
            left.checked_sub(len)
        })
        .is_ok();
    if !kept_whole {
        loaded.source.pack();
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str) -> Request {
        Request {
            path: path.into(),
            kind: FileKind::Script,
            linted: true,
            in_build: true,
        }
    }

    #[test]
    fn every_spelling_of_a_path_is_one_file() {
        let mut vfs = Vfs::memory();
        vfs.insert("/app/pages/a/index.js".into(), "tt.pay({})".into());
        vfs.insert("/app/pages/b/index.js".into(), String::new());
        let mut files = Files::new(Path::new("/app"), Arc::new(vfs));
        let ids = files.load(vec![
            request("/app/pages/a/index.js"),
            request("/app/pages//a/./index.js"),
            request("/app/pages/b/index.js"),
        ]);
        assert_eq!(ids, vec![FileId(0), FileId(0), FileId(1)]);
        assert_eq!(files.entries().len(), 2);
        assert_eq!(
            files.id(Path::new("/app/pages/a/./index.js")),
            Some(FileId(0))
        );
        assert_eq!(
            files.id(Path::new("/app/pages/b/index.js/")),
            Some(FileId(1))
        );
        assert_eq!(files.id(Path::new("/app/pages/c/index.js")), None);
        assert_eq!(
            files.load(vec![request("/app//pages/b/index.js")]),
            vec![FileId(1)]
        );
        assert_eq!(files.entries().len(), 2);
    }

    #[test]
    fn texts_past_the_budget_are_packed() {
        let script = |i: usize| {
            format!(
                "// page {i}\n{}",
                "tt.showToast({ title: 'ok' });\n".repeat(40)
            )
        };
        let mut vfs = Vfs::memory();
        for i in 0..4 {
            vfs.insert(format!("/app/p{i}.js").into(), script(i));
        }
        let mut files = Files::new(Path::new("/app"), Arc::new(vfs));
        // Room for two of the four texts, whichever thread loads which first.
        let len = script(0).len();
        files.whole_left = AtomicUsize::new(2 * len + len / 2);
        let ids = files.load((0..4).map(|i| request(&format!("/app/p{i}.js"))).collect());
        let packed = |id: FileId| files.source(id).is_packed();
        assert_eq!(ids.iter().filter(|&&id| packed(id)).count(), 2);
        assert_eq!(files.whole_left.load(Ordering::Relaxed), len / 2);
        for (i, &id) in ids.iter().enumerate() {
            assert_eq!(files.source(id).text(), script(i));
        }
    }
}
