//! Interned strings: each distinct word, key and lemma is stored once for the whole run.
//!
//! Two long documents hold millions of tokens but only tens of thousands of distinct words. A
//! token that owned its strings cost about 200 bytes and a heap allocation each; interned, it
//! is a few pointers, copying it is free, and two keys compare by address instead of byte by
//! byte — the comparison alignment makes most often.
//!
//! Interned text is never freed: memory grows with the vocabulary of what was read, not with its
//! length, and a run ends when its comparison does.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{OnceLock, RwLock};

use rustc_hash::FxHashMap;

/// An interned string. Equal texts are the same `Sym`, so equality and hashing use the address.
/// It is one thin pointer (to the stored string's fat pointer), so a token of several symbols
/// stays small: long documents hold millions of tokens.
#[derive(Clone, Copy)]
pub struct Sym(&'static &'static str);

fn table() -> &'static RwLock<FxHashMap<&'static str, Sym>> {
    static TABLE: OnceLock<RwLock<FxHashMap<&'static str, Sym>>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

impl Sym {
    /// The symbol of `text`, stored on first sight.
    pub fn new(text: &str) -> Sym {
        if let Some(&stored) = table()
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(text)
        {
            return stored;
        }
        let mut table = table()
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(&stored) = table.get(text) {
            return stored;
        }
        let text: &'static str = Box::leak(text.into());
        let symbol = Sym(Box::leak(Box::new(text)));
        table.insert(text, symbol);
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

/// A list of symbols stored for the rest of the run, such as the further meanings of a word:
/// one thin pointer.
pub type SymList = &'static Vec<Sym>;

/// The empty list.
pub static NO_SYMS: Vec<Sym> = Vec::new();

/// Stores a list of symbols for the rest of the run. Lists are not deduplicated: callers
/// memoize per word, so each word's list is stored once.
pub fn leak_list(symbols: Vec<Sym>) -> SymList {
    if symbols.is_empty() {
        &NO_SYMS
    } else {
        Box::leak(Box::new(symbols))
    }
}

/// A value remembered per symbol for the rest of the run, shared by all threads: what is worked
/// out once per distinct word (its analysis, its thesaurus facts).
pub struct Memo<V: Copy> {
    table: OnceLock<RwLock<FxHashMap<Sym, V>>>,
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
    /// `store` that leaks a list leaks it once.
    pub fn get_or_store<T>(
        &self,
        key: Sym,
        work: impl FnOnce() -> T,
        store: impl FnOnce(T) -> V,
    ) -> V {
        let table = self.table.get_or_init(Default::default);
        if let Some(&found) = table
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&key)
        {
            return found;
        }
        let result = work();
        *table
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(key)
            .or_insert_with(|| store(result))
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
