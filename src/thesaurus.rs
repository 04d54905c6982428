//! WordNet's knowledge of English words, compiled into the binary: base forms of irregular
//! inflections, synonym sets and antonyms of the words' frequent senses.
//!
//! The data file `data/thesaurus.tsv` is generated from WordNet 3.0 by
//! `scripts/build_thesaurus.py` (which documents what is kept and why) and read in place;
//! `build.rs` indexes its lines at compile time. WordNet 3.0 Copyright 2006 by Princeton
//! University; see `data/WORDNET-LICENSE`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::intern::{keep_list, Memo, Sym, SymList, ThreadMemo};

/// The hash of the perfect hash tables: `build.rs` builds the tables with it and [`Section`]
/// reads them with it, so both include this one file.
///
/// A key is a word or two of a few bytes, and a new word of a run looks up about a dozen of
/// them. SipHash, which the `phf` crates use, cost about 300 instructions a key, more than the
/// rest of the lookup; this hash costs a few dozen. The tables are built from known keys at
/// compile time, so the hash needs to spread them well, not to resist chosen keys.
mod key_hash;

const DATA: &str = include_str!("../data/thesaurus.tsv");

/// Where each line of `DATA` starts, as little-endian `u32`s, then one past the end of the last
/// line: built by `build.rs`, so nothing is scanned at run time.
static LINE_STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/thesaurus_lines.bin"));

// The sections of each kind of record (`SECTION_B`, `SECTION_S`, ...) and WordNet's antonyms
// both ways (`ANTONYMS`), built by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/thesaurus_index.rs"));

/// The lines of one kind of record, read in place. `build.rs` made a perfect hash of their keys
/// (see [`key_hash`]): a lookup hashes the key, reads the one line its slot names and compares
/// keys. Nothing is parsed or indexed at run time, which used to cost more than a whole
/// comparison of two articles, and a lookup touches one line of the data where a binary search
/// touched a dozen scattered over it (a page fault or a cache miss each, the first time).
struct Section {
    /// The seed of the hash ([`key_hash::key_hashes`]).
    seed: u64,
    /// The displacements, as little-endian `u32` pairs.
    disps: &'static [u8],
    /// The line of the data each hash slot holds, as little-endian `u32`s.
    slots: &'static [u8],
}

const BASE_FORMS: Section = SECTION_B;
const SYNSETS: Section = SECTION_S;
const DERIVATIONS: Section = SECTION_D;
const HYPERNYMS: Section = SECTION_H;
const FREQUENCY: Section = SECTION_F;
const PHRASE_STARTERS: Section = SECTION_P;

/// The `i`th little-endian `u32` of `bytes`.
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let b = &bytes[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// The byte where line `i` of `DATA` starts (for `i` one past the last line: one past the end
/// of the last line).
fn line_start(i: usize) -> usize {
    u32_at(LINE_STARTS, i) as usize
}

impl Section {
    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value of the record with `key`.
    fn get(&self, key: &str) -> Option<&'static str> {
        let slots = self.slots.len() / 4;
        let pairs = self.disps.len() / 8;
        if slots == 0 || pairs == 0 {
            return None;
        }
        let hashes = key_hash::key_hashes(key, self.seed);
        let pair = (hashes.g % pairs as u32) as usize;
        let disps = (
            u32_at(self.disps, 2 * pair),
            u32_at(self.disps, 2 * pair + 1),
        );
        let slot = key_hash::slot(&hashes, disps, slots as u32);
        let line = u32_at(self.slots, slot as usize) as usize;
        // The record is `KIND \t KEY \t VALUE \n`; a key not in the section hashes to some
        // other key's line.
        let record = DATA.get(line_start(line) + 2..line_start(line + 1) - 1)?;
        // The key is compared before the record is searched for its tab: most lookups are of
        // words the section does not hold. A key with a tab is no record's key.
        let value = record.strip_prefix(key)?;
        if key.contains('\t') {
            return None;
        }
        match value.as_bytes().first() {
            None => Some(""),
            Some(b'\t') => Some(&value[1..]),
            Some(_) => None,
        }
    }
}

/// WordNet's antonyms of `lemma`, if it has any. Judging asks this of word pairs again and
/// again, so the sorted table is read into a hash map on first use (a few dozen microseconds).
fn antonyms(lemma: &str) -> Option<&'static [&'static str]> {
    static MAP: OnceLock<FxHashMap<&'static str, &'static [&'static str]>> = OnceLock::new();
    MAP.get_or_init(|| ANTONYMS.iter().copied().collect())
        .get(lemma)
        .copied()
}

/// The base form of an irregular inflection ("fell" -> "fall", "mice" -> "mouse").
pub fn base_form(word: &str) -> Option<&'static str> {
    BASE_FORMS.get(word)
}

/// The synonym sets of a lowercase lemma's frequent senses; empty when WordNet has none kept.
pub fn synsets(lemma: &str) -> Vec<u32> {
    SYNSETS.get(lemma).map_or_else(Vec::new, |ids| {
        ids.split(',').filter_map(|id| id.parse().ok()).collect()
    })
}

/// The multi-word lemmas with synonym sets that start with this word ("lay" -> "lay claim",
/// "lay off", ...), comma-separated; empty for the many words that start none, so tokenizing
/// looks up the phrases a word may begin only for the few that begin one.
pub fn phrases_starting(word: &str) -> &'static str {
    PHRASE_STARTERS.get(word).unwrap_or("")
}

/// Whether some multi-word lemma WordNet keeps starts with this word (see
/// [`phrases_starting`]).
pub fn starts_phrase(word: &str) -> bool {
    !phrases_starting(word).is_empty()
}

/// Whether WordNet keeps any synonym set for the lemma.
pub fn has_synsets(lemma: &str) -> bool {
    SYNSETS.contains_key(lemma)
}

/// Whether WordNet knows the lemma as a word of its own (a synonym set, a family or a frequency):
/// a spelling close to another known word is that other word, not a typo of it.
pub fn is_known(lemma: &str) -> bool {
    SYNSETS.contains_key(lemma) || FREQUENCY.contains_key(lemma) || DERIVATIONS.contains_key(lemma)
}

/// [`is_known`] and [`frequency`] of a lemma, with one lookup fewer: every new word asks both.
pub fn known_and_frequency(lemma: &str) -> (bool, u32) {
    let count = FREQUENCY.get(lemma);
    let known = count.is_some() || SYNSETS.contains_key(lemma) || DERIVATIONS.contains_key(lemma);
    (known, count.and_then(|c| c.parse().ok()).unwrap_or(0))
}

/// How often a lemma occurs in WordNet's sense-tagged corpus; 0 for lemmas seen fewer than 30
/// times. Common words ("say", "year", "people") tell less about which claim a statement makes.
pub fn frequency(lemma: &str) -> u32 {
    FREQUENCY
        .get(lemma)
        .and_then(|count| count.parse().ok())
        .unwrap_or(0)
}

/// Whether WordNet records the two lemmas as direct antonyms (in frequent senses).
pub fn are_antonyms(a: &str, b: &str) -> bool {
    antonyms(a).is_some_and(|opposites| opposites.contains(&b))
}

/// WordNet's direct antonyms of a lemma (in frequent senses).
pub fn antonyms_of(lemma: &str) -> &'static [&'static str] {
    antonyms(lemma).unwrap_or(&[])
}

/// The lemmas WordNet derives from a lemma or it from them, in frequent senses ("donation" ->
/// "donate"; "employ" -> "employee", "employer", "employment"): the same event told with another
/// part of speech.
pub fn derivations(lemma: &str) -> impl Iterator<Item = &'static str> {
    DERIVATIONS
        .get(lemma)
        .into_iter()
        .flat_map(|related| related.split(','))
}

/// Whether saying `specific` says `general` too: `general` names one of the few nearest
/// ancestors of a frequent sense of `specific` in WordNet's hierarchy ("slice" -> "cut",
/// "poodle" -> "dog", "pizza" -> "food"). Not symmetric: a dog need not be a poodle.
pub fn is_hypernym(general: &str, specific: &str) -> bool {
    is_hypernym_of(Sym::new(general), Sym::new(specific))
}

/// [`is_hypernym`] of interned lemmas: each lemma's ancestors are read from the data once per
/// run, since judging asks about the same words again and again.
pub fn is_hypernym_of(general: Sym, specific: Sym) -> bool {
    ancestors(specific).contains(&general)
}

/// The more general words WordNet places `specific` under (see [`is_hypernym`]), read once per
/// lemma for the run; for callers that test one word against many.
///
/// Each thread remembers the lists it has asked for: judging asks for them again and again, and
/// the shared table's lock, taken by every thread at once, costs more than the lookup.
pub fn ancestors(specific: Sym) -> SymList {
    thread_local! {
        static SEEN: ThreadMemo<Sym, SymList> = ThreadMemo::new();
    }
    static MEMO: Memo<SymList> = Memo::new();
    SEEN.with(|seen| {
        seen.get_or_insert_with(specific, || {
            MEMO.get_or_store(
                specific,
                || match HYPERNYMS.get(&specific) {
                    Some(list) => {
                        // Sized at once: grown as it was collected, it was reallocated a few
                        // times.
                        let mut ancestors = Vec::with_capacity(list.split(',').count());
                        ancestors.extend(list.split(',').map(Sym::new));
                        ancestors
                    }
                    None => Vec::new(),
                },
                keep_list,
            )
        })
    })
}

/// Whether WordNet places the lemma under more general words (see [`is_hypernym`]).
pub fn has_hypernyms(lemma: &str) -> bool {
    HYPERNYMS.contains_key(lemma)
}

/// Whether WordNet records any antonym of the lemma.
pub fn has_antonyms(lemma: &str) -> bool {
    antonyms(lemma).is_some()
}

/// Regular English inflections and what they come from, tried in order (WordNet's "morphy").
const SUFFIX_RULES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

/// The dictionary form of a lowercase word: its irregular base form, else the first regular
/// reduction WordNet knows ("stopped" -> "stop" via a doubled consonant, "hoped" -> "hope"),
/// else the word itself.
pub fn lemma(word: &str) -> String {
    if let Some(base) = base_form(word) {
        return base.to_string();
    }
    reduction(word).unwrap_or_else(|| word.to_string())
}

/// The synsets of a word as written and of its dictionary form: "closed" is both an adjective
/// (shut) and the verb "close".
pub fn senses_of(word: &str) -> Vec<u32> {
    senses_of_lemma(word, &lemma(word))
}

/// [`senses_of`], the word's dictionary form being known already.
pub fn senses_of_lemma(word: &str, lemma: &str) -> Vec<u32> {
    let mut senses = synsets(word);
    if lemma != word {
        for id in synsets(lemma) {
            if !senses.contains(&id) {
                senses.push(id);
            }
        }
    }
    senses
}

fn reduction(word: &str) -> Option<String> {
    for (suffix, replacement) in SUFFIX_RULES {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        let candidate = [stem, replacement].concat();
        if has_synsets(&candidate) {
            return Some(candidate);
        }
        // "stopped" -> "stopp" -> "stop"
        let bytes = stem.as_bytes();
        if replacement.is_empty()
            && bytes.len() >= 3
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
        {
            let undoubled = &stem[..stem.len() - 1];
            if has_synsets(undoubled) {
                return Some(undoubled.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share_a_synset(a: &str, b: &str) -> bool {
        synsets(a).iter().any(|s| synsets(b).contains(s))
    }

    #[test]
    fn synonyms_share_synsets() {
        assert!(share_a_synset("movie", "film"));
        assert!(share_a_synset("cancel", "call off"));
        assert!(share_a_synset("shut", "close"));
        assert!(!share_a_synset("movie", "cancel"));
    }

    #[test]
    fn antonyms_in_frequent_senses() {
        assert!(are_antonyms("accept", "reject"));
        assert!(are_antonyms("reject", "accept"));
        assert!(are_antonyms("open", "shut"));
        assert!(!are_antonyms("open", "open"));
    }

    #[test]
    fn lemmas_of_inflected_words() {
        assert_eq!(lemma("fell"), "fall");
        assert_eq!(lemma("said"), "say");
        assert_eq!(lemma("stopped"), "stop");
        assert!(senses_of("closed")
            .iter()
            .any(|s| synsets("close").contains(s)));
        assert!(senses_of("closed")
            .iter()
            .any(|s| synsets("shut").contains(s)));
        assert_eq!(lemma("movies"), "movie");
        assert_eq!(lemma("xyzzyq"), "xyzzyq");
    }

    #[test]
    fn specific_words_entail_their_hypernyms_only() {
        assert!(is_hypernym("cut", "slice"));
        assert!(is_hypernym("dog", "poodle"));
        assert!(is_hypernym("food", "pizza"));
        assert!(!is_hypernym("poodle", "dog"));
        assert!(!is_hypernym("cat", "dog"));
    }

    /// The perfect hash `build.rs` made finds every record of the data by its key, with its
    /// value, and nothing for keys it does not hold.
    #[test]
    fn every_record_is_found_by_its_key() {
        let sections = [
            ('b', &BASE_FORMS),
            ('s', &SYNSETS),
            ('d', &DERIVATIONS),
            ('h', &HYPERNYMS),
            ('f', &FREQUENCY),
            ('p', &PHRASE_STARTERS),
        ];
        for (kind, section) in sections {
            let mut records = 0;
            for line in DATA
                .lines()
                .filter(|l| l.starts_with(kind) && l[1..].starts_with('\t'))
            {
                let (key, value) = line[2..].split_once('\t').unwrap_or((&line[2..], ""));
                assert_eq!(section.get(key), Some(value), "kind {kind}, key {key:?}");
                records += 1;
            }
            assert!(records > 50, "kind {kind}: {records} records");
            for absent in ["", "xyzzyq", "zzzz zzzz", "Dog"] {
                assert_eq!(section.get(absent), None, "kind {kind}, key {absent:?}");
            }
        }
    }

    #[test]
    fn every_kind_of_record_is_found() {
        assert_eq!(base_form("mice"), Some("mouse"));
        assert!(has_synsets("lay off"));
        assert!(starts_phrase("lay") && !starts_phrase("xyzzyq"));
        assert!(frequency("say") > 0);
        assert!(are_antonyms("rise", "fall") || are_antonyms("fall", "rise"));
        assert!(is_known("county") && !is_known("xyzzyq"));
    }

    #[test]
    fn word_families_link_parts_of_speech() {
        assert!(derivations("donation").any(|d| d == "donate"));
        assert!(derivations("employ").any(|d| d == "employee"));
        assert_eq!(derivations("xyzzyq").count(), 0);
    }
}
