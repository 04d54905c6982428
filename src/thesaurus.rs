//! WordNet's knowledge of English words, compiled into the binary: base forms of irregular
//! inflections, synonym sets and antonyms of the words' frequent senses.
//!
//! The data file `data/thesaurus.tsv` is generated from WordNet 3.0 by
//! `scripts/build_thesaurus.py` (which documents what is kept and why) and parsed once, on first
//! use. WordNet 3.0 Copyright 2006 by Princeton University; see `data/WORDNET-LICENSE`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

const DATA: &str = include_str!("../data/thesaurus.tsv");

/// The parsed data. Synset ids stay text until asked for: parsing all of them up front cost more
/// than a whole comparison of two articles.
struct Thesaurus {
    base_forms: HashMap<&'static str, &'static str>,
    synsets: HashMap<&'static str, &'static str>,
    antonyms: HashMap<&'static str, Vec<&'static str>>,
    derivations: HashMap<&'static str, &'static str>,
    hypernyms: HashMap<&'static str, &'static str>,
    frequency: HashMap<&'static str, u32>,
}

fn thesaurus() -> &'static Thesaurus {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    THESAURUS.get_or_init(|| {
        let mut thesaurus = Thesaurus {
            base_forms: HashMap::default(),
            synsets: HashMap::default(),
            antonyms: HashMap::default(),
            derivations: HashMap::default(),
            hypernyms: HashMap::default(),
            frequency: HashMap::default(),
        };
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(kind), Some(a), Some(b)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            match kind {
                "b" => {
                    thesaurus.base_forms.insert(a, b);
                }
                "s" => {
                    thesaurus.synsets.insert(a, b);
                }
                "d" => {
                    thesaurus.derivations.insert(a, b);
                }
                "h" => {
                    thesaurus.hypernyms.insert(a, b);
                }
                "f" => {
                    thesaurus.frequency.insert(a, b.parse().unwrap_or(0));
                }
                "a" => {
                    thesaurus.antonyms.entry(a).or_default().push(b);
                    thesaurus.antonyms.entry(b).or_default().push(a);
                }
                _ => {}
            }
        }
        thesaurus
    })
}

/// The base form of an irregular inflection ("fell" -> "fall", "mice" -> "mouse").
pub fn base_form(word: &str) -> Option<&'static str> {
    thesaurus().base_forms.get(word).copied()
}

/// The synonym sets of a lowercase lemma's frequent senses; empty when WordNet has none kept.
pub fn synsets(lemma: &str) -> Vec<u32> {
    thesaurus().synsets.get(lemma).map_or_else(Vec::new, |ids| {
        ids.split(',').filter_map(|id| id.parse().ok()).collect()
    })
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
    thesaurus().frequency.get(lemma).copied().unwrap_or(0)
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
    thesaurus()
        .hypernyms
        .get(specific)
        .is_some_and(|ancestors| ancestors.split(',').any(|a| a == general))
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
    let mut senses = synsets(word);
    for id in synsets(&lemma(word)) {
        if !senses.contains(&id) {
            senses.push(id);
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
    fn word_families_link_parts_of_speech() {
        assert!(derivations("donation").any(|d| d == "donate"));
        assert!(derivations("employ").any(|d| d == "employee"));
        assert_eq!(derivations("xyzzyq").count(), 0);
    }
}
