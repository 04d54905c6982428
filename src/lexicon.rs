//! The word lists judging rests on: stop words, negation cues, aliases, synonyms, antonyms,
//! number words, days and months.
//!
//! Lists are kept small and news-oriented. Synonym and antonym entries are written as plain
//! words (in `lexicon/lists.rs`) and stemmed at compile time by `build.rs`, so they match
//! whatever inflection an article uses without costing a run anything to prepare.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The hand lists that are stemmed: synonym groups, phrases, antonyms, irregular forms. A file of
/// their own, since `build.rs` reads it too.
mod lists;
mod numbers;
mod stop_words;

pub use lists::*;
pub use numbers::{
    month, number_word, scale_word, vague_number, weekday, APPROXIMATORS, LOWER_BOUNDS, MONTHS,
    NUMBER_WORDS, SCALE_WORDS, UPPER_BOUNDS, VAGUE_NUMBERS, WEEKDAYS,
};
pub use stop_words::{is_stop_word, is_story_glue, STOP_WORDS, STORY_GLUE};

/// Words and word endings that deny what follows them. `deny`-family verbs count: "North Korea
/// denies it was behind the attack" asserts the opposite of "North Korea was behind the attack".
pub const NEGATION_CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "nobody",
    "nothing",
    "nowhere",
    "neither",
    "nor",
    "without",
    "cannot",
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "wrong",
    "false",
    "untrue",
    "baseless",
    "unfounded",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "dismissed",
    "dismisses",
];

/// Words that call a claim false, wherever they stand in the statement ("the story is a hoax",
/// "Debunked: ...", "X denies report of Y"): the refuting words of the Emergent stance study
/// (Ferreira & Vlachos 2016, "Emergent: a novel data-set for stance classification", also the
/// FNC-1 baseline's list) with their inflections, less the two that are not about a claim's truth
/// by themselves ("not", judged with its scope as a negation, and "despite").
pub const REFUTATION_CUES: &[&str] = &[
    "fake",
    "fakes",
    "faked",
    "fraud",
    "fraudulent",
    "hoax",
    "hoaxes",
    "false",
    "falsely",
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "nope",
    "doubt",
    "doubts",
    "doubted",
    "bogus",
    "debunk",
    "debunks",
    "debunked",
    "debunking",
    "prank",
    "pranks",
    "retract",
    "retracts",
    "retracted",
    "retraction",
    // What fact-checkers call a claim they find false, beyond the study's list.
    "untrue",
    "baseless",
    "unfounded",
    "myth",
    "fabricated",
    "fabrication",
    "doctored",
    "photoshopped",
    "satire",
    "satirical",
];

/// Verbs that refute what their object reports when the object is a report ("dismissed the
/// reports", "rejects claims that ...", "shot down rumors"), by dictionary form.
pub const REJECTING_VERBS: &[&str] = &[
    "dismiss", "reject", "refute", "rebut", "quash", "dispute", "shoot",
];

/// Verbs that report a denial, in every form: "Trump denied colluding", "has disputed some
/// parts". A disagreement resting on one is a reported dispute (see `report::Disagreement`).
/// "Reject" is not one: "the council rejected the budget" is an act, not a denial.
pub const DENYING_VERBS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "dispute",
    "disputes",
    "disputed",
    "disputing",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "rebut",
    "rebuts",
    "rebutted",
    "rebutting",
];

/// Adverbs that only say how sure a short answer is: "probably not", "definitely not".
pub const CERTAINTY_ADVERBS: &[&str] = &[
    "probably",
    "likely",
    "certainly",
    "definitely",
    "absolutely",
    "surely",
    "almost",
    "apparently",
    "still",
    "yet",
];

/// Auxiliary verbs that open a yes-or-no question: "Is it true?", "Did Apple buy Beats?".
pub const AUXILIARY_VERBS: &[&str] = &[
    "is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "will", "would",
    "should", "shall", "may", "might", "must", "has", "have", "had", "isn't", "aren't", "wasn't",
    "weren't", "don't", "doesn't", "didn't", "can't", "won't", "wouldn't", "hasn't", "haven't",
];

/// Words that make what follows them in the clause a possibility or hearsay rather than a
/// verdict: "the photo may be fake", "the video was allegedly doctored" report a doubt, they do
/// not refute (the hedging words of Ferreira & Vlachos 2016 that are modal or evidential).
pub const MODAL_HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "maybe",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "allegedly",
    "supposedly",
    "reportedly",
    "purportedly",
];

/// Words that, negated, say a claim is false: "the video is not real", "that isn't true".
pub const TRUTH_WORDS: &[&str] = &[
    "true",
    "real",
    "genuine",
    "authentic",
    "accurate",
    "correct",
    "legit",
    "legitimate",
];

/// Negations that can stand alone as a whole reply ("No.", "Probably not.", "Nope."), matched
/// as written; contractions in n't count too.
pub const BARE_NEGATIONS: &[&str] = &["not", "no", "never", "nope"];

/// The forms of "make" that say a claim was invented ("made it up"), matched as written.
pub const MAKE_FORMS: &[&str] = &["made", "make", "makes", "making"];

/// Whether a word may open a refutation of any kind: a refuting word, a rejecting verb (by
/// dictionary form), a negation, a bare negation or "made (it) up". Asked of every word of
/// every judged pair, so one set lookup rules out nearly all of them before the closer checks.
/// It is made of the lists the refutation check starts from, so that it cannot miss one.
pub fn may_refute(lower: &str, lemma: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        REFUTATION_OPENERS
            .iter()
            .flat_map(|list| list.iter())
            .copied()
            .collect()
    });
    set.contains(lower) || set.contains(lemma) || ends_negative_contraction(lower)
}

/// The lists [`may_refute`] looks a word up in.
pub const REFUTATION_OPENERS: &[&[&str]] = &[
    REFUTATION_CUES,
    REJECTING_VERBS,
    NEGATION_CUES,
    BARE_NEGATIONS,
    MAKE_FORMS,
];

/// Refutation cues that are adjectives: before a noun they say what kind of thing it is ("fake
/// passports", "false teeth"), not that a claim is untrue — unless the noun is a report of a
/// claim (see [`REPORT_NOUNS`]).
pub const REFUTING_ADJECTIVES: &[&str] = &["fake", "false", "bogus", "fraudulent"];

/// Nouns whose absence refutes a claim: "there is no evidence the lion escaped", "no proof".
pub const EVIDENCE_WORDS: &[&str] = &["evidence", "proof"];

/// Nouns that name a report of a claim: "a false report that ...", "bogus claims".
pub const REPORT_NOUNS: &[&str] = &[
    "claim",
    "report",
    "story",
    "rumor",
    "rumour",
    "news",
    "allegation",
    "account",
    "speculation",
];

/// Nouns besides reports that a speaker dismisses as unfounded: "dismissed concerns that ...".
pub const DISMISSED_NOUNS: &[&str] = &[
    "concern",
    "suggestion",
    "idea",
    "notion",
    "criticism",
    "charge",
    "accusation",
    "worry",
    "fear",
    "assertion",
    "theory",
    "talk",
];

/// Negation cues that deny anything fits the description after them: "there is no man playing a
/// guitar" is contradicted only by a man playing a guitar.
pub const QUANTIFIER_NEGATIONS: &[&str] =
    &["no", "nobody", "none", "nothing", "neither", "nowhere"];

/// Determiners of a noun phrase about some thing or other, not a known one.
pub const INDEFINITE_DETERMINERS: &[&str] =
    &["a", "an", "some", "several", "many", "few", "another"];

/// Prepositions and the infinitive "to": where a verb's object ends and its circumstances begin.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "down",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "next",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "up",
    "upon",
    "with",
    "within",
    "without",
];

/// Words that open a clause whose content is not asserted: "if the U.S. does not apologize" is a
/// condition, not a denial. Concessive and temporal clauses ("while North Korea denies it, ...")
/// are asserted, so they are not listed.
pub const SIDE_CLAUSE_OPENERS: &[&str] = &["if", "unless", "whether", "lest"];

/// Keys of countries and regions (see [`ALIASES`]): a name of one kind of thing fills no role a
/// person's or an agency's name fills ("Trump" / "the U.S.", "the FBI" / "a British spy").
pub const COUNTRY_KEYS: &[&str] = &[
    "afghanistan",
    "canada",
    "china",
    "europe",
    "france",
    "germany",
    "india",
    "iran",
    "iraq",
    "israel",
    "japan",
    "korea",
    "mexico",
    "pakistan",
    "russia",
    "saudi arabia",
    "syria",
    "uk",
    "ukraine",
    "usa",
];

/// Verbs that introduce what somebody said; the words next to them name the speaker.
/// Whether a lowercase word is one of [`REPORTING_VERBS`]: asked of every word of every
/// statement, so a set rather than a scan of the list.
pub fn is_reporting_verb(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| REPORTING_VERBS.iter().copied().collect())
        .contains(lower)
}

pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "reported",
    "reports",
    "added",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "denied",
    "denies",
    "denying",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "wrote",
    "writes",
    "argued",
    "argues",
    "alleged",
    "alleges",
    "maintained",
    "maintains",
    "admitted",
    "admits",
    "acknowledged",
    "warned",
    "warns",
    "testified",
    "explained",
    "noted",
];

/// Alias table: several ways of naming the same thing get one key. Multi-word aliases are
/// written with spaces and matched on consecutive tokens.
pub const ALIASES: &[(&str, &str)] = &[
    ("united states", "usa"),
    ("united states of america", "usa"),
    ("u.s", "usa"),
    ("u.s.a", "usa"),
    ("usa", "usa"),
    ("america", "usa"),
    ("american", "usa"),
    ("americans", "usa"),
    ("united kingdom", "uk"),
    ("great britain", "uk"),
    ("u.k", "uk"),
    ("britain", "uk"),
    ("british", "uk"),
    ("united nations", "un"),
    ("u.n", "un"),
    ("european union", "eu"),
    ("e.u", "eu"),
    ("korean", "korea"),
    ("koreans", "korea"),
    ("chinese", "china"),
    ("japanese", "japan"),
    ("russian", "russia"),
    ("russians", "russia"),
    ("iranian", "iran"),
    ("iranians", "iran"),
    ("israeli", "israel"),
    ("israelis", "israel"),
    ("french", "france"),
    ("german", "germany"),
    ("germans", "germany"),
    ("mexican", "mexico"),
    ("mexicans", "mexico"),
    ("canadian", "canada"),
    ("canadians", "canada"),
    ("indian", "india"),
    ("syrian", "syria"),
    ("ukrainian", "ukraine"),
    ("iraqi", "iraq"),
    ("afghan", "afghanistan"),
    ("pakistani", "pakistan"),
    ("saudi", "saudi arabia"),
    ("european", "europe"),
    ("asian", "asia"),
    ("federal bureau of investigation", "fbi"),
    ("central intelligence agency", "cia"),
];

/// Opposites that name *different people or things* rather than opposite states of one: "a man"
/// and "a woman" are two people, not a contradiction (WordNet lists them as antonyms). Lemmas.
pub const REFERENTIAL_OPPOSITES: &[(&str, &str)] = &[
    ("man", "woman"),
    ("boy", "girl"),
    ("male", "female"),
    ("father", "mother"),
    ("husband", "wife"),
    ("son", "daughter"),
    ("brother", "sister"),
    ("king", "queen"),
    ("black", "white"),
    ("day", "night"),
    ("gentleman", "lady"),
    // Which one of a series, which time, which way across a border: "his first visit" and "his
    // last visit" are two visits, "domestic" and "foreign" scandals two scandals.
    ("first", "last"),
    ("past", "present"),
    ("past", "future"),
    ("present", "future"),
    ("import", "export"),
    ("domestic", "foreign"),
    // Which end of a span of time: "it began in 2015" and "it ended in 2018" are both true;
    // "at the end of their conversation" is no opposite of "he began to take notes".
    ("begin", "end"),
    ("start", "end"),
    ("start", "finish"),
    ("beginning", "end"),
];

/// Whether two lemmas are opposites that tell different referents apart (see
/// [`REFERENTIAL_OPPOSITES`]).
pub fn are_referential_opposites(a: &str, b: &str) -> bool {
    REFERENTIAL_OPPOSITES
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// Verbs whose negation says something is not known, not that it is false: "investigators have
/// not determined the cause" does not deny any cause another source names.
pub const EPISTEMIC_VERBS: &[&str] = &[
    "determine",
    "know",
    "clear",
    "confirm",
    "identify",
    "disclose",
    "release",
    "say",
    "comment",
    "specify",
    "reveal",
    "establish",
    "find",
    "explain",
    "learn",
    "decide",
    "name",
    "elaborate",
];

/// Words saying an event did not take place as planned; they deny what follows them, like a
/// negation ("the council postponed a vote on the ban" vs "the council voted to ban").
pub const NON_OCCURRENCE: &[&str] = &[
    "postpone",
    "postponed",
    "postpones",
    "delay",
    "delayed",
    "delays",
    "defer",
    "deferred",
    "suspend",
    "suspended",
    "suspends",
    "shelve",
    "shelved",
    "tabled",
    "scrapped",
    "nixed",
    "nixes",
    "canceled",
    "cancelled",
    "cancels",
    "cancel",
    "abandoned",
    "halted",
];

/// Words saying an activity stops; two sides that both say so agree, whichever word each uses
/// ("North Korea will suspend its tests" / "... will stop its tests"), by dictionary form.
pub const CESSATION_WORDS: &[&str] = &[
    "stop",
    "halt",
    "end",
    "close",
    "shut",
    "freeze",
    "pause",
    "cease",
    "quit",
    "moratorium",
    "ban",
    "suspension",
    "postponement",
    "delay",
    "suspend",
    "postpone",
    "cancel",
    "cancellation",
    "shelve",
    "scrap",
    "abandon",
    "defer",
];

/// Verbs whose "to" infinitive is an aim, not a fact: "Mueller hopes to question the president"
/// says nothing about whether he has; by dictionary form.
pub const INTENTION_VERBS: &[&str] = &[
    "want", "hope", "plan", "seek", "expect", "try", "aim", "intend", "wish", "vow", "threaten",
    "attempt", "propose", "promise", "prepare", "push", "urge", "ask", "need", "offer", "mean",
    "wait", "struggle", "scramble", "look",
];

/// Modal verbs: what follows them in the clause is a possibility, ability, obligation or
/// condition, not a fact ("North Korea can resume testing", "the Olympics would have been a
/// failure"). "Will" tells a plan as a fact and is not one of them.
pub const MODALS: &[&str] = &[
    "would", "could", "might", "may", "should", "must", "can", "ought", "shall",
];

/// Modals that, before a negation, make it an obligation or a possibility rather than a denial
/// of a fact: "Iran must never have nuclear weapons", "it should not have been made", "the
/// plant may not close".
pub const NON_FACTUAL_MODALS: &[&str] =
    &["must", "mustn't", "should", "shouldn't", "ought", "shall"];

/// Prepositions that put the proper noun after them in the role of a place.
pub const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "from", "outside", "inside", "across"];

/// The Snowball English stemmer, built once.
pub fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The Snowball stem of a lowercase word, after undoing irregular inflection. `build.rs` stems
/// the lists the same way: a change here belongs there too.
///
/// Stems are remembered per thread: a document says its words again and again, and the
/// stemmer was a quarter of the time spent on long documents.
pub fn stem(word: &str) -> String {
    use std::cell::RefCell;
    /// Words remembered per thread before the memory starts afresh: bounded on any input.
    const REMEMBERED: usize = 100_000;
    thread_local! {
        static STEMS: RefCell<rustc_hash::FxHashMap<String, String>> = RefCell::default();
    }
    if let Some(stem) = STEMS.with_borrow(|stems| stems.get(word).cloned()) {
        return stem;
    }
    let stem = stem_unremembered(word);
    STEMS.with_borrow_mut(|stems| {
        if stems.len() >= REMEMBERED {
            stems.clear();
        }
        stems.insert(word.to_string(), stem.clone());
    });
    stem
}

/// [`stem`] worked out afresh: for a caller that remembers what it finds itself (a word's
/// analysis), which the per-thread memory would only cost a copy and an entry.
pub fn stem_unremembered(word: &str) -> String {
    static IRREGULAR: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let irregular = IRREGULAR.get_or_init(|| IRREGULAR_FORMS.iter().copied().collect());
    let base = irregular.get(word).copied().unwrap_or(word);
    stemmer().stem(base).into_owned()
}

// The stemmed lists, built by `build.rs`: `SYNONYM_OF_STEM`, `ANTONYMS_OF_KEY`, `PHRASE_STEMS`.
include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

/// The hand-listed opposites of each key. Judging asks for them of word pairs again and again,
/// so the sorted table is read into a hash map on first use.
fn antonym_map() -> &'static HashMap<&'static str, &'static [&'static str]> {
    static MAP: OnceLock<HashMap<&'static str, &'static [&'static str]>> = OnceLock::new();
    MAP.get_or_init(|| ANTONYMS_OF_KEY.iter().copied().collect())
}

/// The value of `key` in a table sorted by key.
fn lookup<T>(table: &'static [(&'static str, T)], key: &str) -> Option<&'static T> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| &table[i].1)
}

/// Whether some phrase starts with this stem: a necessary condition for [`phrase_at`].
pub fn starts_phrase(stem: &str) -> bool {
    PHRASE_STEMS.iter().any(|(phrase, _)| phrase[0] == stem)
}

/// The stems phrases start with (see [`starts_phrase`]).
pub fn phrase_first_stems() -> impl Iterator<Item = &'static str> {
    PHRASE_STEMS.iter().map(|(phrase, _)| phrase[0])
}

/// The phrase that starts the given word stems, as (number of words, key).
pub fn phrase_at(stems: &[impl AsRef<str>]) -> Option<(usize, &'static str)> {
    PHRASE_STEMS
        .iter()
        .find(|(phrase, _)| {
            phrase.len() <= stems.len() && phrase.iter().zip(stems).all(|(p, s)| *p == s.as_ref())
        })
        .map(|(phrase, key)| (phrase.len(), *key))
}

/// The keys of the synonym groups a stem belongs to, in list order (the first is its key), if
/// it belongs to any: [`canonical_stem`] and [`other_senses`] in one lookup.
pub fn synonym_groups(stem: &str) -> Option<&'static [&'static str]> {
    lookup(SYNONYM_OF_STEM, stem).copied()
}

/// The synonym group key of a stem, or the stem itself.
pub fn canonical_stem(stem: &str) -> String {
    lookup(SYNONYM_OF_STEM, stem).map_or_else(|| stem.to_string(), |senses| senses[0].to_string())
}

/// The keys of the other synonym groups a stem belongs to ("drop" is also "fall").
pub fn other_senses(stem: &str) -> &'static [&'static str] {
    lookup(SYNONYM_OF_STEM, stem).map_or(&[], |senses| &senses[1..])
}

/// Whether two canonical keys are opposites.
pub fn are_antonyms(a: &str, b: &str) -> bool {
    antonym_map()
        .get(a)
        .is_some_and(|opposites| opposites.contains(&b))
}

/// The hand-listed opposites of a canonical key.
pub fn antonyms_of(key: &str) -> &'static [&'static str] {
    antonym_map().get(key).copied().unwrap_or(&[])
}

/// Whether a key has any antonym in the hand list.
pub fn has_antonyms(key: &str) -> bool {
    antonym_map().contains_key(key)
}

pub fn is_negation_cue(lower: &str) -> bool {
    NEGATION_CUES.contains(&lower)
        || ends_negative_contraction(lower)
        || UNMARKED_CONTRACTIONS.contains(&lower)
}

/// Whether a lowercase word ends in a negative contraction ("doesn't", "won’t"): a negation
/// cue and a possible refutation, whatever the lists say.
pub fn ends_negative_contraction(lower: &str) -> bool {
    lower.ends_with("n't") || lower.ends_with("n’t")
}

/// Whether a text opens with "No." before a number ("No. 1 Chevrolet", "No. 10 Downing
/// Street"): a rank, not the "No" that denies or opens a sentence.
pub fn opens_with_rank(text: &str) -> bool {
    text.strip_prefix("No.")
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a lowercase word is a verb of denying or rejecting ("denied", "dismisses", "doubts"),
/// by stem: "deny", "doubt" and [`REJECTING_VERBS`], not the noun "denial". Worked out once per
/// distinct word (a token's `cues`): judging asks it of every token of every pair.
pub fn is_rejecting_verb(lower: &str) -> bool {
    !NOT_REJECTING_VERBS.contains(&lower) && rejecting_verb_stems().contains(&stem(lower))
}

/// Words that are never a rejecting verb, whatever their stem: the noun "denial" names the act.
/// The one list [`is_rejecting_verb`] and the word cues worked out from the table of word lists
/// both read.
pub const NOT_REJECTING_VERBS: &[&str] = &["denial"];

/// The stems [`is_rejecting_verb`] looks for: of "deny", "doubt" and the [`REJECTING_VERBS`].
pub fn rejecting_verb_stems() -> &'static [String] {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| {
        ["deny", "doubt"]
            .iter()
            .chain(REJECTING_VERBS)
            .map(|verb| stem(verb))
            .collect()
    })
}

/// Negative contractions written without their apostrophe, as scraped or hurried copy has them
/// ("I dont know", "recall isnt one of them"). Not "cant" or "wont": those are words too.
pub const UNMARKED_CONTRACTIONS: &[&str] = &[
    "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt",
    "wouldnt", "couldnt", "shouldnt", "mustnt",
];

/// Verbs and nouns that negate the verb after their "to" ("declined to comment", "failed to
/// address", "his refusal to participate"): a statement with one is negative about what follows,
/// as one with "not" is. Not negation cues themselves: "stocks declined" and "the talks failed"
/// deny nothing.
pub const NEGATING_BEFORE_TO: &[&str] =
    &["decline", "fail", "failure", "refuse", "refusal", "unable"];

/// Every plain word list, by name: the lists a person can print and a test can check.
pub const WORD_LISTS: &[(&str, &[&str])] = &[
    ("negation_cues", NEGATION_CUES),
    ("unmarked_contractions", UNMARKED_CONTRACTIONS),
    ("negating_before_to", NEGATING_BEFORE_TO),
    ("refutation_cues", REFUTATION_CUES),
    ("rejecting_verbs", REJECTING_VERBS),
    ("denying_verbs", DENYING_VERBS),
    ("certainty_adverbs", CERTAINTY_ADVERBS),
    ("auxiliary_verbs", AUXILIARY_VERBS),
    ("modal_hedges", MODAL_HEDGES),
    ("truth_words", TRUTH_WORDS),
    ("refuting_adjectives", REFUTING_ADJECTIVES),
    ("evidence_words", EVIDENCE_WORDS),
    ("report_nouns", REPORT_NOUNS),
    ("dismissed_nouns", DISMISSED_NOUNS),
    ("quantifier_negations", QUANTIFIER_NEGATIONS),
    ("indefinite_determiners", INDEFINITE_DETERMINERS),
    ("prepositions", PREPOSITIONS),
    ("side_clause_openers", SIDE_CLAUSE_OPENERS),
    ("country_keys", COUNTRY_KEYS),
    ("reporting_verbs", REPORTING_VERBS),
    ("epistemic_verbs", EPISTEMIC_VERBS),
    ("non_occurrence", NON_OCCURRENCE),
    ("cessation_words", CESSATION_WORDS),
    ("intention_verbs", INTENTION_VERBS),
    ("modals", MODALS),
    ("non_factual_modals", NON_FACTUAL_MODALS),
    ("place_prepositions", PLACE_PREPOSITIONS),
    ("weekdays", WEEKDAYS),
    ("approximators", APPROXIMATORS),
    ("lower_bounds", LOWER_BOUNDS),
    ("upper_bounds", UPPER_BOUNDS),
    ("bare_negations", BARE_NEGATIONS),
    ("make_forms", MAKE_FORMS),
    ("stop_words", STOP_WORDS),
    ("story_glue", STORY_GLUE),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lower_case_trimmed_and_without_duplicates() {
        let mut problems = Vec::new();
        for (name, words) in WORD_LISTS {
            let mut seen = HashSet::default();
            for word in *words {
                if word.is_empty() || word.trim() != *word || word.to_lowercase() != *word {
                    problems.push(format!("{name}: {word:?} is not a trimmed lower-case word"));
                }
                if !seen.insert(*word) {
                    problems.push(format!("{name}: {word:?} is listed twice"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn synonyms_share_a_key_across_inflections() {
        assert_eq!(
            canonical_stem(&stem("cancelled")),
            canonical_stem(&stem("dropped"))
        );
        assert_eq!(
            canonical_stem(&stem("movie")),
            canonical_stem(&stem("films"))
        );
    }

    #[test]
    fn antonyms_match_through_synonyms() {
        let up = canonical_stem(&stem("climbed"));
        let down = canonical_stem(&stem("tumbled"));
        assert!(are_antonyms(&up, &down));
        assert!(are_antonyms(
            &canonical_stem(&stem("approved")),
            &canonical_stem(&stem("rejected"))
        ));
        assert!(!are_antonyms(&up, &up));
    }

    #[test]
    fn contractions_are_negations() {
        assert!(is_negation_cue("doesn't"));
        assert!(is_negation_cue("won’t"));
        assert!(!is_negation_cue("note"));
        assert!(is_negation_cue("dont") && is_negation_cue("isnt"));
        assert!(!is_negation_cue("cant") && !is_negation_cue("wont"));
    }
}
