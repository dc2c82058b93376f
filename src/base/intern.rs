//! Interned names: tags, attribute and event names, member paths, function names. A few
//! thousand distinct names make up millions of uses, so each is stored once for the whole run
//! and a use is one pointer, compared and hashed without reading the text.
//!
//! The `ustr` crate did this before, and sized its table for a million names up front: eight
//! MiB of slots that names land in at random, so the benchmark's 1,887 names touched 6.5 MB of
//! them (3% of the run's peak memory). This table grows with what it holds.

use std::cell::RefCell;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Deref;
use std::sync::{Mutex, PoisonError};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// An interned string: `Copy`, one pointer wide, equal exactly when the texts are equal.
#[derive(Clone, Copy)]
pub struct Ustr(&'static Entry);

/// A name's text and its hash, kept for the rest of the process.
struct Entry {
    text: &'static str,
    hash: u64,
}

/// Shards of the table, so threads interning at once seldom wait for each other.
const SHARDS: usize = 64;

static TABLE: [Mutex<HashTable<&'static Entry>>; SHARDS] =
    [const { Mutex::new(HashTable::new()) }; SHARDS];

/// Slots of [`RECENT`].
const RECENT_SLOTS: usize = 1024;

thread_local! {
    /// The names this thread interned last, by hash: a few thousand names make up nearly every
    /// use, so most are found here without taking a shard's lock.
    static RECENT: RefCell<[Option<Ustr>; RECENT_SLOTS]> =
        const { RefCell::new([None; RECENT_SLOTS]) };
}

fn hash_of(text: &str) -> u64 {
    FxBuildHasher.hash_one(text)
}

fn shard(hash: u64) -> &'static Mutex<HashTable<&'static Entry>> {
    // The top bits: the table inside a shard indexes by the low ones.
    &TABLE[(hash >> 58) as usize % SHARDS]
}

impl Ustr {
    /// The interned `text`, interning it if it is new.
    pub fn from(text: &str) -> Self {
        let hash = hash_of(text);
        let slot = hash as usize % RECENT_SLOTS;
        let recent = RECENT.with_borrow(|recent| recent[slot]);
        if let Some(name) = recent.filter(|n| n.0.hash == hash && n.0.text == text) {
            return name;
        }
        let name = Self::intern(text, hash);
        RECENT.with_borrow_mut(|recent| recent[slot] = Some(name));
        name
    }

    fn intern(text: &str, hash: u64) -> Self {
        let mut table = shard(hash).lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&entry) = table.find(hash, |e| e.text == text) {
            return Self(entry);
        }
        let entry: &'static Entry = Box::leak(Box::new(Entry {
            text: Box::leak(text.into()),
            hash,
        }));
        table.insert_unique(hash, entry, |e| e.hash);
        Self(entry)
    }

    /// The interned `text` if some code interned it already: a name nothing interned cannot
    /// equal any interned one.
    pub fn from_existing(text: &str) -> Option<Self> {
        let hash = hash_of(text);
        let table = shard(hash).lock().unwrap_or_else(PoisonError::into_inner);
        table
            .find(hash, |e| e.text == text)
            .map(|&entry| Self(entry))
    }

    pub fn as_str(&self) -> &'static str {
        self.0.text
    }

    /// A number that tells names apart, for ordering by identity rather than by text (stable
    /// within a run only).
    pub fn id(&self) -> usize {
        std::ptr::from_ref(self.0) as usize
    }
}

impl PartialEq for Ustr {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Ustr {}

impl PartialEq<&str> for Ustr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The text's hash, computed once: the same in every run, so maps keyed by names iterate in
/// the same order every time.
impl Hash for Ustr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

/// By text, as strings order.
impl Ord for Ustr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Ustr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Deref for Ustr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Ustr {
    fn from(text: &str) -> Self {
        Self::from(text)
    }
}

impl From<String> for Ustr {
    fn from(text: String) -> Self {
        Self::from(text.as_str())
    }
}

impl fmt::Display for Ustr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Ustr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_name() {
        let a = Ustr::from("onBuyTap");
        let b = Ustr::from(&String::from("onBuyTap"));
        assert_eq!(a, b);
        assert_eq!(a.id(), b.id());
        assert_ne!(a, Ustr::from("onBuyTap2"));
        assert_eq!(a.as_str(), "onBuyTap");
        assert!(a == "onBuyTap");
        assert_eq!(format!("{a} {a:?}"), "onBuyTap \"onBuyTap\"");
    }

    #[test]
    fn names_sharing_a_recent_slot_stay_apart() {
        let slot = |t: &str| hash_of(t) as usize % RECENT_SLOTS;
        let first = "slot-0".to_string();
        let second = (1..)
            .map(|i| format!("slot-{i}"))
            .find(|t| slot(t) == slot(&first))
            .unwrap();
        for _ in 0..3 {
            assert_eq!(Ustr::from(&first).as_str(), first);
            assert_eq!(Ustr::from(&second).as_str(), second);
        }
        assert_ne!(Ustr::from(&first), Ustr::from(&second));
    }

    #[test]
    fn only_interned_names_exist() {
        assert_eq!(Ustr::from_existing("a name no code interns: 支付"), None);
        let name = Ustr::from("interned-before-asking");
        assert_eq!(Ustr::from_existing("interned-before-asking"), Some(name));
    }

    #[test]
    fn names_order_by_text_and_hash_by_text() {
        let (a, b) = (Ustr::from("apple"), Ustr::from("banana"));
        assert!(a < b);
        let hash = |n: Ustr| FxBuildHasher.hash_one(n);
        assert_eq!(hash(a), hash(Ustr::from("apple")));
        assert_ne!(hash(a), hash(b));
    }

    #[test]
    fn threads_interning_at_once_agree() {
        let names: Vec<String> = (0..2_000).map(|i| format!("name{i}")).collect();
        let ids = |names: &[String]| names.iter().map(|n| Ustr::from(n).id()).collect::<Vec<_>>();
        let (left, right) = std::thread::scope(|s| {
            let left = s.spawn(|| ids(&names));
            let right = s.spawn(|| ids(&names));
            (left.join().unwrap(), right.join().unwrap())
        });
        assert_eq!(left, right);
    }
}
