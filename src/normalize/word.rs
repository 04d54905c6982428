//! What a word is, worked out once per spelling: its lower case, key, stem, lemma, further
//! meanings and cues, remembered for the current generation of words (see `crate::intern`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::quantity::ends_precision_phrase;
use super::Cues;
use crate::intern::{keep, keep_list, Memo, Sym, SymList, ThreadMemo, NO_SYMS};
use crate::lexicon;
use crate::thesaurus;

/// A word as written, as tokenizing reads it before looking at its neighbours.
#[derive(Clone, Copy)]
pub(super) struct Written {
    /// Lowercase, possessive removed.
    pub(super) lower: Sym,
    /// Whether a possessive was removed: the facts of the word (its `Analysis`) then stand for
    /// the word without it.
    pub(super) possessive: bool,
    /// Whether the word starts with an uppercase letter.
    pub(super) capitalized: bool,
    /// The month the word names, when capitalized ([`month_name`]).
    pub(super) month: Option<u8>,
    /// The analysis of `lower`.
    pub(super) facts: Analysis,
}

/// [`Written`] of a word, worked out once per distinct spelling by each thread: lowercasing,
/// interning and the analysis lookup cost more than one lookup of the spelling. The table is the
/// thread's own, so that threads tokenizing at once do not contend for a lock on every word;
/// what it holds is cheap to work out again (the analyses are shared, [`analysis`]). Each entry
/// is stored with the words' generation, like interned words, so that a statement's words are a
/// vector of references rather than of copies.
pub(super) fn written(word: &str) -> &'static Written {
    type Seen<K> = ThreadMemo<K, &'static Written>;
    thread_local! {
        // Most words are short, and found by their packed spelling (see `short_spelling`).
        static SEEN_SHORT: Seen<u128> = ThreadMemo::new();
        static SEEN_LONG: Seen<Box<str>> = ThreadMemo::new();
    }
    match short_spelling(word) {
        Some(spelling) => {
            SEEN_SHORT.with(|seen| seen.get_or_insert_with(spelling, || work_out_written(word)))
        }
        None => SEEN_LONG.with(|seen| {
            if let Some(&found) = seen.current().get(word) {
                return found;
            }
            let found = work_out_written(word);
            seen.current().insert(word.into(), found);
            found
        }),
    }
}

/// A spelling of at most 15 bytes packed in one integer, its length in the last byte: a
/// different integer for each such spelling, which hashes and compares at once, where a string
/// key is hashed and compared byte by byte behind a pointer.
pub(super) fn short_spelling(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut packed = [0u8; 16];
    let length = u8::try_from(bytes.len()).ok().filter(|&n| n < 16)?;
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = length;
    Some(u128::from_le_bytes(packed))
}

/// [`Written`] of a word not seen before, stored with the current generation of words.
pub(super) fn work_out_written(word: &str) -> &'static Written {
    let full = lowercase(word);
    let stripped = strip_possessive(&full);
    let lower = Sym::new(stripped);
    keep(Written {
        lower,
        possessive: stripped.len() != full.len(),
        capitalized: word.chars().next().is_some_and(char::is_uppercase),
        month: month_name(word, &lower),
        facts: analysis(lower),
    })
}

/// What a lowercase word means for comparison, independent of where it stands.
#[derive(Clone, Copy)]
pub(super) struct Analysis {
    /// Its Snowball stem, for the lexicon's phrases.
    pub(super) stem: Sym,
    /// Its key as a content word (see [`word_key`]).
    pub(super) key: Sym,
    /// Keys of its further meanings: hand-listed senses, WordNet synonym sets, word family.
    pub(super) senses: SymList,
    /// Its dictionary form.
    pub(super) lemma: Sym,
    /// Whether WordNet knows the dictionary form.
    pub(super) known: bool,
    /// How often WordNet's corpus uses the dictionary form ([`thesaurus::frequency`]).
    pub(super) frequency: u32,
    /// The multi-word lemmas the dictionary form begins ([`thesaurus::phrases_starting`]).
    pub(super) phrases: &'static str,
    /// Whether the word is a stop word, a negation cue, a weekday.
    pub(super) stop: bool,
    pub(super) negation_cue: bool,
    pub(super) weekday: Option<u8>,
    /// Whether a multi-word alias ([`multiword_alias`]) or a lexicon phrase
    /// ([`lexicon::phrase_at`]) may start with the word: most words start neither, and are
    /// spared the scan of the lists.
    pub(super) starts_alias: bool,
    pub(super) starts_phrase: bool,
    /// Whether the word as written may start one of WordNet's multi-word lemmas
    /// ([`thesaurus_phrase`]).
    pub(super) may_start_lemma_phrase: bool,
    /// Whether the word as written may start a number ([`read_quantity`]): only digits and
    /// number words do.
    pub(super) may_start_number: bool,
    /// Whether the word ends a phrase of [`precision_before`] ("about", "more than"): the word
    /// before a number seldom does, and is then spared the lists.
    pub(super) may_end_precision_phrase: bool,
    /// [`can_oppose`] of the word as a content word (its key, senses and lemma), and as itself
    /// (a stop word, a weekday: the word is its key and lemma).
    pub(super) can_oppose: bool,
    pub(super) can_oppose_as_written: bool,
    /// The [`Cues`] of the word with its dictionary form, and as its own dictionary form.
    pub(super) cues: Cues,
    pub(super) cues_as_written: Cues,
}

/// Which of the word lists a new word's analysis reads a word is on, one bit a list: the
/// analysis looks the word up once, in one table ([`Listed::of`]), rather than in a dozen lists
/// one after the other, most of them scanned from end to end for a word that is on none.
#[derive(Clone, Copy, Default)]
pub(super) struct Listed(u16);

impl Listed {
    pub(super) const STOP_WORD: u16 = 1 << 0;
    /// [`lexicon::is_negation_cue`], less the contractions in n't.
    pub(super) const NEGATION_CUE: u16 = 1 << 1;
    pub(super) const NON_OCCURRENCE: u16 = 1 << 2;
    pub(super) const REPORTING_VERB: u16 = 1 << 3;
    /// [`lexicon::may_refute`], less the contractions in n't.
    pub(super) const OPENS_REFUTATION: u16 = 1 << 4;
    pub(super) const DENYING_VERB: u16 = 1 << 5;
    pub(super) const STORY_GLUE: u16 = 1 << 6;
    pub(super) const WEEKDAY: u16 = 1 << 7;
    /// [`lexicon::number_word`] or [`lexicon::vague_number`].
    pub(super) const NUMBER_WORD: u16 = 1 << 8;
    /// The first word of a multi-word alias, possessive removed: a necessary condition for
    /// [`super::multiword_alias`] to find one (it compares the words as written, ignoring ASCII
    /// case).
    pub(super) const STARTS_ALIAS: u16 = 1 << 9;
    /// The last word of a phrase of [`ends_precision_phrase`].
    pub(super) const ENDS_PRECISION_PHRASE: u16 = 1 << 10;
    /// The first stem of a lexicon phrase ([`lexicon::starts_phrase`]), looked up by stem.
    pub(super) const STARTS_PHRASE: u16 = 1 << 11;
    /// One of the [`lexicon::ALIASES`].
    pub(super) const ALIAS: u16 = 1 << 12;
    /// The stem of a rejecting verb ([`lexicon::rejecting_verb_stems`]), looked up by stem.
    pub(super) const REJECTING_STEM: u16 = 1 << 13;

    /// The lists of words, each with its bit.
    const LISTS: &'static [(&'static [&'static str], u16)] = &[
        (lexicon::STOP_WORDS, Listed::STOP_WORD),
        (lexicon::NEGATION_CUES, Listed::NEGATION_CUE),
        (lexicon::UNMARKED_CONTRACTIONS, Listed::NEGATION_CUE),
        (lexicon::NON_OCCURRENCE, Listed::NON_OCCURRENCE),
        (lexicon::REPORTING_VERBS, Listed::REPORTING_VERB),
        (lexicon::DENYING_VERBS, Listed::DENYING_VERB),
        (lexicon::STORY_GLUE, Listed::STORY_GLUE),
        (lexicon::WEEKDAYS, Listed::WEEKDAY),
    ];

    /// The lists `word` is on: as written, or as a stem for the lists of stems
    /// ([`Listed::STARTS_PHRASE`], [`Listed::REJECTING_STEM`]).
    pub(super) fn of(word: &str) -> Listed {
        static TABLE: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            let mut table = FxHashMap::with_capacity_and_hasher(1024, Default::default());
            let mut list = |words: &mut dyn Iterator<Item = &'static str>, bit: u16| {
                for word in words {
                    *table.entry(word).or_insert(0) |= bit;
                }
            };
            for &(words, bit) in Listed::LISTS {
                list(&mut words.iter().copied(), bit);
            }
            for words in lexicon::REFUTATION_OPENERS {
                list(&mut words.iter().copied(), Listed::OPENS_REFUTATION);
            }
            let number_words = lexicon::NUMBER_WORDS.iter().chain(lexicon::VAGUE_NUMBERS);
            list(&mut number_words.map(|(w, _)| *w), Listed::NUMBER_WORD);
            let aliases = lexicon::ALIASES
                .iter()
                .filter_map(|(alias, _)| alias.split_once(' '));
            list(
                &mut aliases.map(|(first, _)| strip_possessive(first)),
                Listed::STARTS_ALIAS,
            );
            let bounds = [
                lexicon::LOWER_BOUNDS,
                lexicon::UPPER_BOUNDS,
                lexicon::APPROXIMATORS,
            ];
            let mut last_words = bounds
                .into_iter()
                .flatten()
                .filter_map(|p| p.rsplit(' ').next());
            list(&mut last_words, Listed::ENDS_PRECISION_PHRASE);
            list(&mut lexicon::phrase_first_stems(), Listed::STARTS_PHRASE);
            list(
                &mut lexicon::ALIASES.iter().map(|(alias, _)| *alias),
                Listed::ALIAS,
            );
            list(
                &mut lexicon::rejecting_verb_stems().iter().map(String::as_str),
                Listed::REJECTING_STEM,
            );
            table
        });
        Listed(table.get(word).copied().unwrap_or(0))
    }

    pub(super) fn on(self, list: u16) -> bool {
        self.0 & list != 0
    }
}

/// Whether any antonym is known for a token of this lemma, key and further meanings (see
/// [`Token::can_oppose`]).
pub(super) fn can_oppose(lemma: Sym, key: Sym, senses: SymList) -> bool {
    thesaurus::has_antonyms(&lemma)
        || std::iter::once(key.as_str())
            .chain(senses.iter().map(Sym::as_str))
            .filter(|k| !k.starts_with('~'))
            .any(lexicon::has_antonyms)
}

/// The analysis of a lowercase word, computed once per distinct word for the whole run: stemming
/// and the thesaurus lookups would otherwise be repeated for every occurrence.
pub(super) fn analysis(lower: Sym) -> Analysis {
    static MEMO: Memo<Analysis> = Memo::new();
    MEMO.get_or_store(
        lower,
        || {
            let stem = lexicon::stem_unremembered(&lower);
            let (key, mut senses) = word_key(&lower, &stem);
            let lemma = thesaurus::lemma(&lower);
            senses.extend(
                thesaurus::senses_of_lemma(&lower, &lemma)
                    .into_iter()
                    .map(synset_key),
            );
            let mut related = thesaurus::derivations(&lemma).peekable();
            if related.peek().is_some() {
                senses.push(derivation_key(&lemma));
                senses.extend(related.map(derivation_key));
            }
            let senses = sorted_senses(senses.iter().map(|s| Sym::new(s)).collect());
            // Most words are their own stem, key and lemma (every name is): the word's symbol
            // is then the one interned already.
            let interned = |text: &str| {
                if lower.as_str() == text {
                    lower
                } else {
                    Sym::new(text)
                }
            };
            let (stem, key, lemma) = (interned(&stem), interned(&key), interned(&lemma));
            (stem, key, senses, lemma)
        },
        // The senses are stored only for the analysis kept.
        |(stem, key, senses, lemma)| {
            let senses = keep_list(senses);
            let phrases = thesaurus::phrases_starting(&lemma);
            let listed = Listed::of(&lower);
            let stop = listed.on(Listed::STOP_WORD);
            let negation_cue =
                listed.on(Listed::NEGATION_CUE) || lexicon::ends_negative_contraction(&lower);
            let stem_listed = Listed::of(&stem);
            let cues_as_written = Cues::as_written(&lower, listed, stem_listed);
            // A word has no space: only a phrase's last word can be the whole word.
            let may_end_precision_phrase = if lower.contains(' ') {
                ends_precision_phrase(&lower)
            } else {
                listed.on(Listed::ENDS_PRECISION_PHRASE)
            };
            let (known, frequency) = thesaurus::known_and_frequency(&lemma);
            Analysis {
                stem,
                key,
                senses,
                lemma,
                known,
                frequency,
                phrases,
                stop,
                negation_cue,
                weekday: listed
                    .on(Listed::WEEKDAY)
                    .then(|| lexicon::weekday(&lower))
                    .flatten(),
                starts_alias: listed.on(Listed::STARTS_ALIAS),
                starts_phrase: stem_listed.on(Listed::STARTS_PHRASE),
                may_start_lemma_phrase: !stop
                    && !lower.bytes().any(|b| b.is_ascii_digit())
                    && !phrases.is_empty(),
                may_end_precision_phrase,
                may_start_number: lower.bytes().any(|b| b.is_ascii_digit())
                    || listed.on(Listed::NUMBER_WORD),
                can_oppose: can_oppose(lemma, key, senses),
                can_oppose_as_written: can_oppose(lower, lower, &NO_SYMS),
                cues: cues_as_written.with_lemma(&lemma),
                cues_as_written,
            }
        },
    )
}

/// Whether WordNet knows a word as written, and how often its corpus uses it: looked up once
/// per distinct word by each thread.
pub(super) fn word_facts(word: Sym) -> (bool, u32) {
    // Each thread keeps its own: a shared table's lock, taken by all threads, costs more than
    // looking the word up again.
    thread_local! {
        static SEEN: ThreadMemo<Sym, (bool, u32)> = ThreadMemo::new();
    }
    SEEN.with(|seen| seen.get_or_insert_with(word, || thesaurus::known_and_frequency(&word)))
}

/// A token's senses as they are stored: sorted by address and without repeats, so that two lists
/// of senses are intersected in one merge ([`super::Token::shares_meaning`]), not each sense
/// sought in the other list.
fn sorted_senses(mut senses: Vec<Sym>) -> Vec<Sym> {
    senses.sort_unstable_by_key(|s| s.address());
    senses.dedup();
    senses
}

/// The WordNet synonym sets of a multi-word lemma, stored once per phrase.
pub(super) fn phrase_senses(phrase: Sym) -> SymList {
    static MEMO: Memo<SymList> = Memo::new();
    MEMO.get_or_store(
        phrase,
        || {
            sorted_senses(
                thesaurus::synsets(&phrase)
                    .into_iter()
                    .map(|id| Sym::new(&synset_key(id)))
                    .collect(),
            )
        },
        keep_list,
    )
}

/// The key of a number token, `#` and its value: formatted once per distinct value by each
/// thread, since formatting a float costs more than looking it up.
pub(super) fn number_key(value: f64) -> Sym {
    // Each thread keeps its own table (see `word_facts`); the keys are interned, so all
    // threads find the same symbol.
    thread_local! {
        static SEEN: ThreadMemo<u64, Sym> = ThreadMemo::new();
    }
    // Keyed by the bits: equal values print alike, and 0.0 and -0.0 print differently.
    SEEN.with(|seen| seen.get_or_insert_with(value.to_bits(), || Sym::new(&format!("#{value}"))))
}

/// The key standing for a word family: a lemma and the lemmas derived from it share it.
pub(super) fn derivation_key(lemma: &str) -> String {
    // Sized at once: `format!` guesses two bytes and reallocates as it writes the lemma.
    ["^", lemma].concat()
}

/// The key standing for a WordNet synonym set.
pub(super) fn synset_key(id: u32) -> String {
    use std::fmt::Write as _;
    // Sized at once for the mark and ten digits: `format!` guesses two bytes and reallocates
    // as it writes the number.
    let mut key = String::with_capacity(11);
    key.push('~');
    write!(key, "{id}").expect("a String takes any text");
    key
}

/// The comparison key of a content word (alias, else synonym group of its stem) and the keys of
/// its other meanings.
pub(super) fn word_key(lower: &str, stem: &str) -> (String, Vec<String>) {
    // The table of lists tells a word that is no alias without a scan of the aliases.
    let alias = Listed::of(lower)
        .on(Listed::ALIAS)
        .then(|| lexicon::ALIASES.iter().find(|(alias, _)| *alias == lower))
        .flatten();
    if let Some((_, key)) = alias {
        return (key.to_string(), Vec::new());
    }
    // "F.B.I." is "FBI": an initialism's dots are spelling, not meaning.
    if let Some(initials) = dotless_initialism(lower) {
        return word_key(&initials, &lexicon::stem(&initials));
    }
    match lexicon::synonym_groups(stem) {
        Some(groups) => (
            groups[0].to_string(),
            groups[1..].iter().map(|s| s.to_string()).collect(),
        ),
        None => (stem.to_string(), Vec::new()),
    }
}

/// The letters of an initialism written with dots ("f.b.i" → "fbi"), if `lower` is one: single
/// letters joined by dots (the final dot is the sentence's or is cut off by tokenizing).
pub(super) fn dotless_initialism(lower: &str) -> Option<String> {
    let mut parts = lower.trim_end_matches('.').split('.');
    let letters: Option<String> = parts
        .by_ref()
        .map(|part| {
            let mut chars = part.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_alphabetic() => Some(c),
                _ => None,
            }
        })
        .collect();
    letters.filter(|l| l.chars().count() >= 2)
}

pub(super) fn strip_possessive(lower: &str) -> &str {
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower)
}

/// `text.to_lowercase()`, without a copy when the text is lowercase ASCII already.
pub(super) fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// "May" is a month only when capitalized and not the modal verb at a sentence start; other
/// months need a capital too ("march" is a verb).
pub(super) fn month_name(surface: &str, lower: &str) -> Option<u8> {
    let capitalized = surface.chars().next().is_some_and(|c| c.is_uppercase());
    if !capitalized || lower == "may" || lower.len() <= 3 && lower != "jan" && lower != "feb" {
        return None;
    }
    lexicon::month(lower)
}
