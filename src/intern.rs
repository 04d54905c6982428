//! Interned strings: each distinct word, key and lemma is stored once, and what is worked out
//! per word is remembered with it.
//!
//! Two long documents hold millions of tokens but only tens of thousands of distinct words. A
//! token that owned its strings cost about 200 bytes and a heap allocation each; interned, it
//! is a few pointers, copying it is free, and two keys compare by address instead of byte by
//! byte — the comparison alignment makes most often.
//!
//! Interned text lives until the words are forgotten (`forget_words_over`): a comparison of
//! two articles keeps every word to its end, so memory grows with the vocabulary of what was
//! read, not with its length. Pair mode reads without end, and a million lines of new words
//! would keep a gigabyte; between its batches, when no word is in use, it forgets them all once
//! they pass a bound. Everything remembered per word belongs to a *generation* of the words:
//! the per-word memos, shared ([`Memo`]) and per thread ([`ThreadMemo`]), answer only for the
//! current generation and start over empty in the next.

use std::cell::{Cell, RefCell, RefMut};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{OnceLock, RwLock, RwLockWriteGuard};

use rustc_hash::FxHashMap;

/// An interned string. Equal texts are the same `Sym`, so equality and hashing use the address.
/// It is one thin pointer (to the stored string's fat pointer), so a token of several symbols
/// stays small: long documents hold millions of tokens.
///
/// The `'static` is a promise kept by whoever forgets the words: no `Sym` outlives its
/// generation (see [`allow_forgetting`]).
#[derive(Clone, Copy)]
pub struct Sym(&'static &'static str);

/// The words of the current generation and everything stored with them.
#[derive(Default)]
struct Store {
    table: FxHashMap<&'static str, Sym>,
    /// The texts of the symbols, owned here: freed when the words are forgotten.
    texts: Vec<NonNull<str>>,
    /// Other values stored for the generation ([`keep`]): the symbols' text pointers, lists of
    /// symbols, a word's facts.
    values: Vec<Kept>,
    /// Roughly how many bytes the generation holds, to tell when to forget it.
    bytes: usize,
}

// SAFETY: the pointers are owned by the store (made by `Box::into_raw`) and point to values that
// are `Send + Sync` (`str`, and the `T` of `keep`); only the store frees them.
unsafe impl Send for Store {}
unsafe impl Sync for Store {}

/// A value of some type stored by [`keep`], and how to free it.
struct Kept {
    pointer: NonNull<()>,
    free: unsafe fn(NonNull<()>),
}

/// Frees a value stored by [`keep`] as a `T`.
///
/// # Safety
/// `pointer` came from `Box::<T>::into_raw`, is freed once, and nothing refers to it any more.
unsafe fn free_kept<T>(pointer: NonNull<()>) {
    drop(unsafe { Box::from_raw(pointer.cast::<T>().as_ptr()) });
}

/// Words a store has room for from the start: about what two short articles hold. Grown from
/// empty, the table was rehashed ten times on the way, 1% of comparing the seed articles.
const FIRST_WORDS: usize = 2048;

fn store() -> &'static RwLock<Store> {
    static STORE: OnceLock<RwLock<Store>> = OnceLock::new();
    STORE.get_or_init(|| {
        RwLock::new(Store {
            table: FxHashMap::with_capacity_and_hasher(FIRST_WORDS, Default::default()),
            ..Store::default()
        })
    })
}

fn write_store() -> RwLockWriteGuard<'static, Store> {
    store()
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The generation of the words: it changes each time they are forgotten.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Whether `forget_words_over` may forget (see [`allow_forgetting`]).
static FORGETTING_ALLOWED: AtomicBool = AtomicBool::new(false);

/// Bytes a stored allocation costs beyond its own size (the allocator's rounding and the
/// store's bookkeeping), for [`Store::bytes`].
const ALLOCATION_OVERHEAD: usize = 24;

/// The generation of the words: it starts at 0 and moves on each time they are forgotten.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

impl Sym {
    /// The symbol of `text`, stored on first sight.
    pub fn new(text: &str) -> Sym {
        if let Some(&stored) = store()
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .table
            .get(text)
        {
            return stored;
        }
        let mut store = write_store();
        if let Some(&stored) = store.table.get(text) {
            return stored;
        }
        let owned = NonNull::from(Box::leak(Box::<str>::from(text)));
        store.texts.push(owned);
        // SAFETY: the store owns the text until the words are forgotten, and no symbol outlives
        // that (the contract of `allow_forgetting`).
        let text: &'static str = unsafe { owned.as_ref() };
        let pointer = keep_in(&mut store, text);
        store.bytes += text.len() + 2 * ALLOCATION_OVERHEAD;
        let symbol = Sym(pointer);
        store.table.insert(text, symbol);
        symbol
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// Where the symbol is stored: unique to its text, for hashing and signatures.
    pub fn address(self) -> usize {
        std::ptr::from_ref(self.0) as usize
    }
}

/// Stores `value` with the current generation of words, which frees it when they are forgotten:
/// for what is worked out once per word and pointed to from many places (a word's facts).
pub fn keep<T: Send + Sync + 'static>(value: T) -> &'static T {
    let mut store = write_store();
    store.bytes += std::mem::size_of::<T>() + ALLOCATION_OVERHEAD;
    keep_in(&mut store, value)
}

fn keep_in<T: Send + Sync + 'static>(store: &mut Store, value: T) -> &'static T {
    let pointer = NonNull::from(Box::leak(Box::new(value)));
    store.values.push(Kept {
        pointer: pointer.cast(),
        free: free_kept::<T>,
    });
    // SAFETY: the store owns the value until the words are forgotten, and nothing stored for a
    // generation outlives it (the contract of `allow_forgetting`).
    unsafe { pointer.as_ref() }
}

/// Lets `forget_words_over` forget the words: pair mode calls it between batches.
///
/// # Safety
/// From this call on, whenever `forget_words_over` runs (in pair mode, between two batches of
/// [`crate::pairs::run`]), no other thread may use the library, and nothing made before it that
/// holds words may be used after it: no [`Sym`] or [`SymList`], token, analysis, judgment or
/// speaker. (A [`crate::Report`] holds no words: it may be kept.) The binary calls it: it runs
/// one pair-mode job and holds nothing between batches.
pub unsafe fn allow_forgetting() {
    FORGETTING_ALLOWED.store(true, Ordering::Release);
}

/// Forgets every word and everything stored with it when forgetting is allowed
/// ([`allow_forgetting`]) and the words hold more than `limit` bytes; says whether it did. The
/// per-word memos start over in the new generation.
pub(crate) fn forget_words_over(limit: usize) -> bool {
    if !FORGETTING_ALLOWED.load(Ordering::Acquire) {
        return false;
    }
    let mut store = write_store();
    if store.bytes <= limit {
        return false;
    }
    let Store {
        table,
        texts,
        values,
        bytes,
    } = &mut *store;
    // The generation moves first: a memo read after this point ignores what it remembers.
    GENERATION.fetch_add(1, Ordering::AcqRel);
    *table = FxHashMap::default();
    for kept in values.drain(..) {
        // SAFETY: made by `keep_in` from a `Box`, freed once (drained); by the contract of
        // `allow_forgetting`, nothing refers to it any more.
        unsafe { (kept.free)(kept.pointer) };
    }
    for text in texts.drain(..) {
        // SAFETY: as above, made from a `Box<str>`.
        drop(unsafe { Box::from_raw(text.as_ptr()) });
    }
    *values = Vec::new();
    *texts = Vec::new();
    *bytes = 0;
    true
}

/// A list of symbols stored with the current generation of words, such as the further meanings
/// of a word: one thin pointer.
pub type SymList = &'static Vec<Sym>;

/// The empty list.
pub static NO_SYMS: Vec<Sym> = Vec::new();

/// Stores a list of symbols with the current generation of words. Lists are not deduplicated:
/// callers memoize per word, so each word's list is stored once.
pub fn keep_list(symbols: Vec<Sym>) -> SymList {
    if symbols.is_empty() {
        &NO_SYMS
    } else {
        let mut store = write_store();
        store.bytes += symbols.capacity() * std::mem::size_of::<Sym>() + 2 * ALLOCATION_OVERHEAD;
        keep_in(&mut store, symbols)
    }
}

/// A value remembered per symbol for the current generation of words, shared by all threads:
/// what is worked out once per distinct word (its analysis, its thesaurus facts).
pub struct Memo<V: Copy> {
    table: OnceLock<RwLock<(u64, FxHashMap<Sym, V>)>>,
}

impl<V: Copy> Memo<V> {
    pub const fn new() -> Memo<V> {
        Memo {
            table: OnceLock::new(),
        }
    }

    /// The value remembered for `key`, or else the one `work` finds, remembered. `work` runs
    /// without the lock, so two threads meeting a new key may both run it; `store` then turns
    /// the result into the value kept, and runs only for the thread whose value is kept — so a
    /// `store` that stores a list stores it once.
    pub fn get_or_store<T>(
        &self,
        key: Sym,
        work: impl FnOnce() -> T,
        store: impl FnOnce(T) -> V,
    ) -> V {
        let table = self.table.get_or_init(Default::default);
        let now = generation();
        {
            let table = table
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if table.0 == now {
                if let Some(&found) = table.1.get(&key) {
                    return found;
                }
            }
        }
        let result = work();
        let mut table = table
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if table.0 != now {
            // Remembered for words since forgotten.
            *table = (now, FxHashMap::default());
        }
        *table.1.entry(key).or_insert_with(|| store(result))
    }

    /// [`Memo::get_or_store`] of a value kept as it is found.
    pub fn get_or_insert_with(&self, key: Sym, work: impl FnOnce() -> V) -> V {
        self.get_or_store(key, work, |value| value)
    }
}

impl<V: Copy> Default for Memo<V> {
    fn default() -> Memo<V> {
        Memo::new()
    }
}

/// A thread's own table of what it worked out for the current generation of words, for a
/// `thread_local!`: a shared table's lock, taken by every thread on every word, costs more than
/// working a value out again.
pub struct ThreadMemo<K, V> {
    generation: Cell<u64>,
    table: RefCell<FxHashMap<K, V>>,
}

impl<K, V> ThreadMemo<K, V> {
    pub fn new() -> ThreadMemo<K, V> {
        ThreadMemo {
            generation: Cell::new(generation()),
            table: RefCell::new(FxHashMap::default()),
        }
    }

    /// The table, emptied first when the words it was filled for are forgotten. Borrowed: drop
    /// it before working out a value that may use the table again.
    pub fn current(&self) -> RefMut<'_, FxHashMap<K, V>> {
        let now = generation();
        let mut table = self.table.borrow_mut();
        if self.generation.get() != now {
            *table = FxHashMap::default();
            self.generation.set(now);
        }
        table
    }
}

impl<K: Hash + Eq, V: Copy> ThreadMemo<K, V> {
    /// The value for `key`, or else the one `work` finds, remembered; `work` runs with the table
    /// not borrowed.
    pub fn get_or_insert_with(&self, key: K, work: impl FnOnce() -> V) -> V {
        if let Some(&found) = self.current().get(&key) {
            return found;
        }
        let value = work();
        self.current().insert(key, value);
        value
    }
}

impl<K, V> Default for ThreadMemo<K, V> {
    fn default() -> ThreadMemo<K, V> {
        ThreadMemo::new()
    }
}

impl PartialEq for Sym {
    fn eq(&self, other: &Sym) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Sym {}

impl Hash for Sym {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.address().hash(state);
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        *self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == *other
    }
}

impl Deref for Sym {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_symbol() {
        let a = Sym::new("landfill");
        let b = Sym::new(&String::from("landfill"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(std::mem::size_of::<Sym>(), std::mem::size_of::<usize>());
        assert_ne!(a, Sym::new("landfills"));
        assert_eq!(a, "landfill");
    }
}
