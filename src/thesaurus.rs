//! WordNet's knowledge of English words, compiled into the binary: base forms of irregular
//! inflections, synonym sets and antonyms of the words' frequent senses.
//!
//! The data file `data/thesaurus.tsv` is generated from WordNet 3.0 by
//! `scripts/build_thesaurus.py` (which documents what is kept and why) and parsed once, on first
//! use. WordNet 3.0 Copyright 2006 by Princeton University; see `data/WORDNET-LICENSE`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::intern::{leak_list, Memo, Sym, SymList};

const DATA: &str = include_str!("../data/thesaurus.tsv");

/// The data, read in place. Each kind of record is a contiguous run of lines sorted by key, so
/// a lookup is a binary search over the embedded text: nothing is parsed up front, which used
/// to cost more than a whole comparison of two articles. Antonym pairs, listed once each, are
/// few and read into a map both ways.
struct Thesaurus {
    base_forms: Section,
    synsets: Section,
    derivations: Section,
    hypernyms: Section,
    frequency: Section,
    phrase_starters: Section,
    antonyms: HashMap<&'static str, Vec<&'static str>>,
}

/// The lines of one kind of record: `KIND \t KEY \t VALUE`, sorted by key (byte order). The
/// line starts are found on the section's first lookup (one vectorized pass); lookups are then
/// a binary search over them.
#[derive(Default)]
struct Section {
    text: &'static str,
    starts: OnceLock<Vec<u32>>,
    /// Whether lookups index the line starts first; the large hypernym run, consulted only
    /// when judging negations, is searched in place instead.
    indexed: bool,
}

impl Section {
    fn new(text: &'static str) -> Section {
        Section {
            text,
            starts: OnceLock::new(),
            indexed: true,
        }
    }

    fn in_place(text: &'static str) -> Section {
        Section {
            text,
            starts: OnceLock::new(),
            indexed: false,
        }
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value of the record with `key`.
    fn get(&self, key: &str) -> Option<&'static str> {
        let text = self.text;
        if !self.indexed {
            return search_in_place(text, key);
        }
        let starts = self.starts.get_or_init(|| {
            let mut starts = Vec::with_capacity(text.len() / 32);
            if !text.is_empty() {
                starts.push(0);
            }
            starts.extend(
                memchr::memchr_iter(b'\n', text.as_bytes())
                    .filter_map(|i| u32::try_from(i + 1).ok()),
            );
            starts
        });
        let line = |i: usize| {
            let start = starts[i] as usize;
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |&next| next as usize - 1);
            split_record(&text[start..end])
        };
        let (mut low, mut high) = (0, starts.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let (found, value) = line(middle);
            match found.cmp(key) {
                std::cmp::Ordering::Equal => return Some(value),
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }
}

/// The value of the record with `key` in `text`, by binary search over the bytes: no index.
fn search_in_place(text: &'static str, key: &str) -> Option<&'static str> {
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let (start, end) = line_around(text, low, low + (high - low) / 2);
        let (found, value) = split_record(&text[start..end]);
        match found.cmp(key) {
            std::cmp::Ordering::Equal => return Some(value),
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    None
}

/// The key and value of a line `KIND \t KEY \t VALUE`.
fn split_record(line: &'static str) -> (&'static str, &'static str) {
    let line = line.get(2..).unwrap_or("");
    match memchr::memchr(b'\t', line.as_bytes()) {
        Some(tab) => (&line[..tab], &line[tab + 1..]),
        None => (line, ""),
    }
}

/// The line of `text` holding byte `at`, not starting before `from` (a line start): its start
/// and end (the newline's position, or the text's end).
fn line_around(text: &str, from: usize, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[from..at]).map_or(from, |i| from + i + 1);
    let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
    (start, end)
}

/// The order in which `scripts/build_thesaurus.py` writes the kinds of records, after the
/// comment lines.
const KIND_ORDER: &[u8] = b"#bsdhafp";

/// Where the run of lines of `kind` starts and ends in `DATA`, found by binary search over the
/// kinds' order: nothing is scanned.
fn run_of(kind: u8) -> &'static str {
    let rank = |kind: u8| {
        KIND_ORDER
            .iter()
            .position(|&k| k == kind)
            .unwrap_or(usize::MAX)
    };
    // The first line whose kind ranks at least `wanted`.
    let first_at_least = |wanted: usize| {
        let (mut low, mut high) = (0, DATA.len());
        while low < high {
            let (start, end) = line_around(DATA, low, low + (high - low) / 2);
            if rank(DATA.as_bytes()[start]) < wanted {
                low = (end + 1).min(DATA.len());
            } else {
                high = start;
            }
        }
        low
    };
    let start = first_at_least(rank(kind));
    let end = first_at_least(rank(kind) + 1);
    DATA[start..end.max(start)].trim_end_matches('\n')
}

fn thesaurus() -> &'static Thesaurus {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    THESAURUS.get_or_init(|| {
        let section = |kind: u8| Section::new(run_of(kind));
        let mut antonyms: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for line in section(b'a').text.lines() {
            let mut fields = line.split('\t').skip(1);
            if let (Some(a), Some(b)) = (fields.next(), fields.next()) {
                antonyms.entry(a).or_default().push(b);
                antonyms.entry(b).or_default().push(a);
            }
        }
        Thesaurus {
            base_forms: section(b'b'),
            synsets: section(b's'),
            derivations: section(b'd'),
            hypernyms: Section::in_place(run_of(b'h')),
            frequency: section(b'f'),
            phrase_starters: section(b'p'),
            antonyms,
        }
    })
}

/// The base form of an irregular inflection ("fell" -> "fall", "mice" -> "mouse").
pub fn base_form(word: &str) -> Option<&'static str> {
    thesaurus().base_forms.get(word)
}

/// The synonym sets of a lowercase lemma's frequent senses; empty when WordNet has none kept.
pub fn synsets(lemma: &str) -> Vec<u32> {
    thesaurus().synsets.get(lemma).map_or_else(Vec::new, |ids| {
        ids.split(',').filter_map(|id| id.parse().ok()).collect()
    })
}

/// The multi-word lemmas with synonym sets that start with this word ("lay" -> "lay claim",
/// "lay off", ...), comma-separated; empty for the many words that start none, so tokenizing
/// looks up the phrases a word may begin only for the few that begin one.
pub fn phrases_starting(word: &str) -> &'static str {
    thesaurus().phrase_starters.get(word).unwrap_or("")
}

/// Whether some multi-word lemma WordNet keeps starts with this word (see
/// [`phrases_starting`]).
pub fn starts_phrase(word: &str) -> bool {
    !phrases_starting(word).is_empty()
}

/// Whether WordNet keeps any synonym set for the lemma.
pub fn has_synsets(lemma: &str) -> bool {
    thesaurus().synsets.contains_key(lemma)
}

/// Whether WordNet knows the lemma as a word of its own (a synonym set, a family or a frequency):
/// a spelling close to another known word is that other word, not a typo of it.
pub fn is_known(lemma: &str) -> bool {
    let thesaurus = thesaurus();
    thesaurus.synsets.contains_key(lemma)
        || thesaurus.frequency.contains_key(lemma)
        || thesaurus.derivations.contains_key(lemma)
}

/// How often a lemma occurs in WordNet's sense-tagged corpus; 0 for lemmas seen fewer than 30
/// times. Common words ("say", "year", "people") tell less about which claim a statement makes.
pub fn frequency(lemma: &str) -> u32 {
    thesaurus()
        .frequency
        .get(lemma)
        .and_then(|count| count.parse().ok())
        .unwrap_or(0)
}

/// Whether WordNet records the two lemmas as direct antonyms (in frequent senses).
pub fn are_antonyms(a: &str, b: &str) -> bool {
    thesaurus()
        .antonyms
        .get(a)
        .is_some_and(|opposites| opposites.contains(&b))
}

/// WordNet's direct antonyms of a lemma (in frequent senses).
pub fn antonyms_of(lemma: &str) -> &'static [&'static str] {
    thesaurus().antonyms.get(lemma).map_or(&[], Vec::as_slice)
}

/// The lemmas WordNet derives from a lemma or it from them, in frequent senses ("donation" ->
/// "donate"; "employ" -> "employee", "employer", "employment"): the same event told with another
/// part of speech.
pub fn derivations(lemma: &str) -> impl Iterator<Item = &'static str> {
    thesaurus()
        .derivations
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
    static MEMO: Memo<SymList> = Memo::new();
    let ancestors = MEMO.get_or_store(
        specific,
        || {
            thesaurus()
                .hypernyms
                .get(&specific)
                .into_iter()
                .flat_map(|list| list.split(','))
                .map(Sym::new)
                .collect()
        },
        leak_list,
    );
    ancestors.contains(&general)
}

/// Whether WordNet places the lemma under more general words (see [`is_hypernym`]).
pub fn has_hypernyms(lemma: &str) -> bool {
    thesaurus().hypernyms.contains_key(lemma)
}

/// Whether WordNet records any antonym of the lemma.
pub fn has_antonyms(lemma: &str) -> bool {
    thesaurus().antonyms.contains_key(lemma)
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
        let candidate = format!("{stem}{replacement}");
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
