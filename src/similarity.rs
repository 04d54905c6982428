//! How much two statements say the same thing, from 0 (nothing shared) to 1 (the same content).
//!
//! The score is a soft, weighted Dice coefficient over content tokens. Each token weighs its
//! informativeness in the two documents being compared (inverse document frequency over their
//! statements), so "Korea" in a story about Korea counts for little and "sanctions" for a lot. A
//! token's match in the other statement is the best of: the same key (1), a near-miss spelling by
//! Jaro-Winkler (typos, "cyber-attack" / "cyberattack"), an antonym (the pair is about the same
//! thing even if it contradicts), or a value in the same slot (two different numbers, two
//! weekdays): contradicting statements must still align so that they can be judged.

use rustc_hash::FxHashMap;

use crate::intern::Sym;

use crate::model::Span;
use crate::normalize::{Precision, Quantity, Token, TokenKind, Unit};

/// Match strength of an antonym: enough to align "rose" with "fell", less than agreement.
const ANTONYM_MATCH: f64 = 0.7;
/// Match strength of two different values of one kind (12 / 15, Tuesday / Wednesday).
const SLOT_MATCH: f64 = 0.6;
/// Match strength of a number and an approximation of it ("about 1,000" / "1,012").
const APPROXIMATE_MATCH: f64 = 0.9;
/// Content words a clause needs to be compared on its own.
const MIN_CLAUSE_TERMS: usize = 3;
/// How much a clause-to-clause match counts against a whole-statement match. Measured on the
/// fixtures: 0 (no clauses) overall 0.723, 0.8: 0.724, 0.9: 0.740, 1.0: 0.750.
const CLAUSE_SHARE: f64 = 1.0;
/// Content words a statement needs before being contained in another counts for anything.
const MIN_CONTAINED_TERMS: usize = 3;
/// Jaro-Winkler similarity from which two words count as the same word misspelt.
const NEAR_MISS_MIN: f64 = 0.93;
/// Match strength of a near miss.
const NEAR_MISS_MATCH: f64 = 0.8;

/// The most distinct content words a statement is compared by: a sketch of its most telling
/// words bounds the cost of comparing a statement longer than any sentence (a paragraph with no
/// full stop, a list) with each of its candidates. The longest sentences of the news coverage
/// have about 45; they are compared whole.
pub const SKETCH_TERMS: usize = 64;

/// Up to this many content words, a statement's repeated words are found by searching the terms
/// kept so far; beyond, with a set.
const LIST_SEARCH_TERMS: usize = 48;

/// How much the words naming a statement's source count: "Fox News reported" says who speaks,
/// not what happened.
const ATTRIBUTION_EMPHASIS: f64 = 0.3;

/// A content token of a statement and how much it counts there.
#[derive(Debug, Clone)]
pub struct Term {
    pub token: Token,
    /// 1 for the claim's own words, less for words of its attribution.
    pub emphasis: f64,
    /// The term's weight before the documents' own statistics: its emphasis, how common the
    /// word is in English, whether it is a number. Computed once: scoring reads it for every
    /// statement pair.
    prior: f64,
    /// A 64-bit summary of the term's keys: two terms whose summaries share no bit share no
    /// meaning, which rules out most word pairs without comparing their key lists.
    signature: u64,
    /// [`Token::opposition_signatures`].
    own_bits: u64,
    opposite_bits: u64,
    /// The first bytes of the key and of the word as written (0 when empty): two content words
    /// that share neither, share no spelling either ([`match_apart_from_meaning`]).
    initials: (u8, u8),
}

/// The content of one statement, ready for scoring.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Content tokens with distinct keys, in text order.
    pub terms: Vec<Term>,
    /// How many distinct content words the statement has, those left out of its sketch
    /// ([`SKETCH_TERMS`]) included: what its cost of comparison is told by.
    pub distinct_terms: usize,
    /// The statement's clauses (cut at commas, semicolons, colons, dashes and parentheses) that
    /// have words enough to carry a claim, as indices into `terms`; empty when there are fewer
    /// than two.
    pub clauses: Vec<Vec<u16>>,
    /// Whether the statement carries a direct quotation: somebody's own words, which match
    /// another statement by what they say rather than by where they stand.
    pub quotes: bool,
    /// The distinct keys of the statement's words but the [`crate::lexicon::STORY_GLUE`]
    /// words, in the order of their interned addresses: the bag [`story_cosine`] compares.
    /// Unlike `terms` it keeps a quotation's modal verbs and adverbs ("should never have been
    /// made"). Empty until [`Profile::add_story_words`] fills it in.
    pub story_words: Vec<Sym>,
    /// A summary of the statement's words, all of them and in order, case aside: two statements
    /// with the same wording are copies of one sentence ([`Profile::wording`]).
    wording: u64,
}

impl Profile {
    /// The profile of a statement's tokens; tokens inside `attribution` (the speaker and its
    /// reporting verb) count less.
    pub fn new(text: &str, tokens: &[Token], attribution: Option<Span>) -> Profile {
        let mut profile = Profile::of_tokens(tokens, attribution);
        let position = |key: Sym| {
            profile
                .terms
                .iter()
                .position(|t| t.token.key == key)
                .and_then(|i| u16::try_from(i).ok())
        };
        let mut clauses: Vec<Vec<u16>> = Vec::new();
        let ranges = clauses_of(text, tokens);
        // Clauses are kept only when there are two or more: one range is the whole statement.
        let ranges = if ranges.len() >= 2 {
            ranges
        } else {
            Vec::new()
        };
        for range in ranges {
            let mut members: Vec<u16> = Vec::with_capacity(range.len());
            for token in tokens[range].iter().filter(|t| t.is_content()) {
                if let Some(i) = position(token.key) {
                    if !members.contains(&i) {
                        members.push(i);
                    }
                }
            }
            if members.len() >= MIN_CLAUSE_TERMS {
                clauses.push(members);
            }
        }
        if clauses.len() >= 2 {
            profile.clauses = clauses;
        }
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            // The marks may stand just outside the first and last words: `"We grew too fast."`
            let is_mark = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
            let before = text[..first.span.start]
                .chars()
                .rev()
                .take_while(|&c| is_mark(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let after = text[last.span.end..]
                .chars()
                .take_while(|&c| is_mark(c))
                .map(char::len_utf8)
                .sum::<usize>();
            profile.quotes =
                holds_quotation_mark(&text[first.span.start - before..last.span.end + after]);
        }
        profile
    }

    /// Fills in [`Profile::story_words`] from the statement's tokens. Asked only where there is
    /// a story to weigh them against: between two statements alone (pair mode) every shared
    /// word is in both, weighs ln(2 / 2) = 0, and the story cosine is 0, so `compare` leaves
    /// their profiles without.
    ///
    /// A statement longer than its sketch ([`SKETCH_TERMS`]: a paragraph with no full stop, a
    /// list) gets none, and so no story cosine: the cosine was fitted on sentences, and two long
    /// bags of a story's words share enough by chance for each to look like the other's best
    /// partner (4 KB lines of random words from the news linked ten times as often with it).
    pub fn add_story_words(&mut self, tokens: &[Token]) {
        if self.distinct_terms > SKETCH_TERMS {
            return;
        }
        let mut words: Vec<Sym> = tokens
            .iter()
            .filter(|t| !t.cues.story_glue())
            .map(|t| t.key)
            .collect();
        words.sort_unstable_by_key(|key| key.address());
        words.dedup();
        self.story_words = words;
    }

    /// The profile as [`Profile::new`] makes it without an attribution span: its words of
    /// attribution count fully. Terms, clauses and quotes do not depend on the span, so this
    /// spares making the profile anew.
    pub fn without_attribution(mut self) -> Profile {
        for term in &mut self.terms {
            term.emphasis = 1.0;
            term.prior = prior_weight(&term.token, 1.0);
        }
        self
    }

    fn of_tokens(tokens: &[Token], attribution: Option<Span>) -> Profile {
        let content = tokens.iter().filter(|t| t.is_content()).count();
        let mut terms: Vec<Term> = Vec::with_capacity(content);
        // A sentence's few keys are looked for in the list; a paragraph's hundreds, in a set.
        let mut seen: rustc_hash::FxHashSet<Sym> = rustc_hash::FxHashSet::default();
        let many = content > LIST_SEARCH_TERMS;
        for token in tokens.iter().filter(|t| t.is_content()) {
            let repeated = if many {
                !seen.insert(token.key)
            } else {
                terms.iter().any(|t| t.token.key == token.key)
            };
            if repeated {
                continue;
            }
            let inside =
                attribution.is_some_and(|a| a.start <= token.span.start && token.span.end <= a.end);
            let emphasis = if inside { ATTRIBUTION_EMPHASIS } else { 1.0 };
            let (own_bits, opposite_bits) = token.opposition_signatures();
            terms.push(Term {
                own_bits,
                opposite_bits,
                token: *token,
                emphasis,
                prior: prior_weight(token, emphasis),
                signature: signature(token),
                initials: initials(token),
            });
        }
        let distinct_terms = terms.len();
        if terms.len() > SKETCH_TERMS {
            // The most telling terms by their prior weight (the rarest words, names), kept in
            // text order; the first of equals.
            let mut order: Vec<usize> = (0..terms.len()).collect();
            order.sort_by(|&a, &b| terms[b].prior.total_cmp(&terms[a].prior).then(a.cmp(&b)));
            let mut kept = vec![false; terms.len()];
            for &i in &order[..SKETCH_TERMS] {
                kept[i] = true;
            }
            let mut i = 0;
            terms.retain(|_| {
                i += 1;
                kept[i - 1]
            });
        }
        Profile {
            terms,
            distinct_terms,
            clauses: Vec::new(),
            quotes: false,
            story_words: Vec::new(),
            wording: wording_of(tokens),
        }
    }

    /// The statement's wording: equal for two copies of one sentence (the same words in the same
    /// order, case and punctuation aside), different otherwise but for a 64-bit hash collision.
    /// "The bridge will close" and "The bridge will not close" differ: every word counts, not
    /// only the content words.
    pub fn wording(&self) -> u64 {
        self.wording
    }

    /// The distinct primary keys of the statement.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.token.key.as_str())
    }

    /// What an index posts the statement under: every key of every term (further meanings
    /// included), each term's dictionary form, and for values their kind ("a number", "a
    /// weekday"), since two different numbers still make a pair worth judging.
    pub fn posting_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.terms.iter().flat_map(|t| {
            let class = match t.token.kind {
                TokenKind::Number(_) => Some("#number"),
                TokenKind::Weekday(_) => Some("#weekday"),
                TokenKind::Month(_) => Some("#month"),
                _ => None,
            };
            t.token
                .all_keys()
                .chain(std::iter::once(t.token.lemma.as_str()))
                .chain(class)
        })
    }

    /// What an index is searched by to find the statements [`Profile::posting_keys`] posted
    /// that may match this one: the same keys, and the opposites of its words, since a
    /// contradiction ("rose" / "fell") must align too.
    pub fn query_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.posting_keys().chain(self.terms.iter().flat_map(|t| {
            let lexicon_opposites = t
                .token
                .all_keys()
                .flat_map(crate::lexicon::antonyms_of)
                .copied();
            crate::thesaurus::antonyms_of(&t.token.lemma)
                .iter()
                .copied()
                .chain(lexicon_opposites)
        }))
    }

    /// Every key of every term, further meanings included: what an index must find it by.
    pub fn all_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.terms.iter().flat_map(|t| t.token.all_keys())
    }
}

/// [`Profile::wording`]: a hash of the lowercased words in order. FxHash has no random keys, so
/// the summary is the same in every run; SipHash, the standard library's, was 2% of pair mode.
fn wording_of(tokens: &[Token]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for token in tokens {
        token.lower.as_str().hash(&mut hasher);
    }
    hasher.finish()
}

/// Whether `text` holds a quotation mark (`"`, `“`, `”`): byte searches, since every statement
/// is asked, and the curly marks are looked for only in text that has a byte of their encoding.
fn holds_quotation_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `“` and `”` are encoded E2 80 9C and E2 80 9D.
    memchr::memchr(b'"', bytes).is_some()
        || (memchr::memchr(0xE2, bytes).is_some() && text.contains(['“', '”']))
}

/// How many terms [`Weights::from_profiles`] makes room for at once, at most.
const PRESIZED_TERMS: usize = 1024;

/// Informativeness of each key within the two compared documents.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    idf: FxHashMap<Sym, f64>,
    /// The plain inverse document frequency, ln(n / df), of each key of the statements' story
    /// words ([`Profile::story_words`]): 0 for a word every statement has, ln(n) for a word of
    /// one statement.
    story_idf: FxHashMap<Sym, f64>,
    default: f64,
    /// The weight of a key found in two statements: keys weighing at least this much are rare
    /// in the two documents, the specific content of a claim rather than the story's own words.
    rare_from: f64,
}

impl Weights {
    /// Inverse document frequency over all given profiles (both documents' statements).
    pub fn from_profiles<'a, P>(profiles: P) -> Weights
    where
        P: IntoIterator<Item = &'a Profile>,
        P::IntoIter: Clone,
    {
        let profiles = profiles.into_iter();
        // Each key's document frequency, turned into its weight in place: one table, and no
        // second one built from the first (pair mode weighs two short texts per pair). The
        // table is sized at once for the terms of all profiles, up to a bound: two short texts
        // fill it without growing it, long documents grow it as their keys come.
        let terms: usize = profiles.clone().map(|p| p.terms.len()).sum();
        let mut idf: FxHashMap<Sym, f64> =
            FxHashMap::with_capacity_and_hasher(terms.min(PRESIZED_TERMS), Default::default());
        // Empty unless the profiles have story words (`Profile::add_story_words`).
        let mut story_idf: FxHashMap<Sym, f64> = FxHashMap::default();
        let mut count = 0usize;
        for profile in profiles {
            count += 1;
            idf.reserve(profile.terms.len());
            for term in &profile.terms {
                *idf.entry(term.token.key).or_default() += 1.0;
            }
            for &key in &profile.story_words {
                *story_idf.entry(key).or_default() += 1.0;
            }
        }
        let n = count as f64;
        for weight in story_idf.values_mut() {
            *weight = (n / *weight).ln();
        }
        let weight_of = |df: f64| (1.0 + n / df).ln();
        // Few profiles (two in pair mode) leave few frequencies: each weight is worked out once.
        const TABULATED: usize = 16;
        if count <= TABULATED {
            let mut by_frequency = [0.0; TABULATED + 1];
            for (df, weight) in by_frequency.iter_mut().enumerate().skip(1).take(count) {
                *weight = weight_of(df as f64);
            }
            for weight in idf.values_mut() {
                *weight = by_frequency[*weight as usize];
            }
        } else {
            for weight in idf.values_mut() {
                *weight = weight_of(*weight);
            }
        }
        Weights {
            idf,
            story_idf,
            default: (1.0 + n.max(1.0)).ln(),
            rare_from: weight_of(2.0),
        }
    }

    /// The summed weight of a statement's terms: what shares of it are measured against.
    pub fn mass(&self, profile: &Profile) -> f64 {
        profile.terms.iter().map(|t| self.of(t)).sum()
    }

    /// Whether the term's key is found in at most two statements of the two documents: a word
    /// of one claim rather than of the whole story ("Priebus", "unclassified", not "Comey").
    pub fn is_rare(&self, term: &Term) -> bool {
        self.idf
            .get(&term.token.key)
            .is_none_or(|&idf| idf >= self.rare_from - 1e-12)
    }

    /// Each term's weight and rareness in the statement, looked up once: a statement is scored
    /// against dozens of candidates.
    pub fn weigh(&self, profile: &Profile) -> Weighed {
        let mut weighed = Weighed {
            weights: Vec::with_capacity(profile.terms.len()),
            rare: Vec::with_capacity(profile.terms.len()),
            specificity: Vec::new(),
            specificity_norm: 0.0,
        };
        for term in &profile.terms {
            let idf = self.idf.get(&term.token.key).copied();
            weighed
                .weights
                .push(idf.unwrap_or(self.default) * term.prior);
            weighed
                .rare
                .push(idf.is_none_or(|idf| idf >= self.rare_from - 1e-12));
        }
        if self.story_idf.is_empty() {
            return weighed;
        }
        let mut squares = 0.0;
        weighed.specificity.reserve_exact(profile.story_words.len());
        for key in &profile.story_words {
            // A key of a statement the weights were not made from is specific to it.
            let specificity = self.story_idf.get(key).copied().unwrap_or(self.default);
            squares += specificity * specificity;
            weighed.specificity.push(specificity);
        }
        weighed.specificity_norm = squares.sqrt();
        weighed
    }

    pub fn of(&self, term: &Term) -> f64 {
        self.idf
            .get(&term.token.key)
            .copied()
            .unwrap_or(self.default)
            * term.prior
    }
}

/// A statement's terms as one comparison weighs them ([`Weights::weigh`]): per term, in term
/// order, [`Weights::of`] and [`Weights::is_rare`]; and per story word
/// ([`Profile::story_words`]), in its order, its plain inverse document frequency, with the
/// norm of those.
#[derive(Debug, Clone, Default)]
pub struct Weighed {
    pub weights: Vec<f64>,
    pub rare: Vec<bool>,
    /// Per story word of the profile, in its order: the word's plain inverse document frequency
    /// (empty without a story table).
    pub specificity: Vec<f64>,
    /// The Euclidean norm of `specificity`: the length of the statement's TF-IDF vector.
    pub specificity_norm: f64,
}

/// The cosine of two statements' story words ([`Profile::story_words`]), each weighed by its
/// plain inverse document frequency: the classic TF-IDF cosine with the two documents' statements
/// as the collection, exact keys only. Where the similarity credits near matches, and the story's
/// own words a little, this asks only how much of each statement's *specific* wording is the
/// other's: the words of nearly every sentence ("Trump", "Iran", "deal") weigh about nothing.
pub fn story_cosine(a: &Profile, b: &Profile, weighed: (&Weighed, &Weighed)) -> f64 {
    let norms = weighed.0.specificity_norm * weighed.1.specificity_norm;
    if norms == 0.0 {
        return 0.0;
    }
    let (words_a, words_b) = (&a.story_words, &b.story_words);
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < words_a.len() && j < words_b.len() {
        match words_a[i].address().cmp(&words_b[j].address()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += weighed.0.specificity[i] * weighed.1.specificity[j];
                i += 1;
                j += 1;
            }
        }
    }
    (dot / norms).min(1.0)
}

/// A term's weight apart from the documents' statistics (see [`Term`]).
fn prior_weight(token: &Token, emphasis: f64) -> f64 {
    let base = emphasis * commonness_discount(token);
    // Numbers and dates are facts a reader checks, but one shared "3" says little on its own.
    match token.kind {
        TokenKind::Number(_) | TokenKind::Weekday(_) | TokenKind::Month(_) => base * 0.6,
        _ => base,
    }
}

/// How strongly commonness lowers a word's weight. 0.6 measured best on the fixtures (overall
/// 0.681 without the discount, 0.713 at 0.3, 0.716 at 0.6 and at 1.0).
const COMMONNESS_STRENGTH: f64 = 0.6;

/// Weight factor for how common a word is in English at large: 1 for ordinary words, down to
/// about 0.3 for "say" or "year". The documents' own statistics are too few to tell a generic
/// word from a telling one when two articles have twenty sentences each.
fn commonness_discount(token: &Token) -> f64 {
    let frequency = f64::from(token.frequency);
    1.0 / (1.0 + COMMONNESS_STRENGTH * (1.0 + frequency / 30.0).ln())
}

/// How well token `a` is matched by token `b`, in `0..=1`.
pub fn token_match(a: &Token, b: &Token) -> f64 {
    if a.shares_meaning(b) {
        return 1.0;
    }
    match_apart_from_meaning(a, b, a.known && b.known, true)
}

impl Term {
    /// Whether the two terms may be opposites: a necessary condition for [`Token::opposes`],
    /// read from their opposition signatures without a lookup.
    pub fn may_oppose(&self, other: &Term) -> bool {
        self.opposite_bits & other.own_bits != 0 || other.opposite_bits & self.own_bits != 0
    }
}

/// The opposition signatures of several terms together: a term that may oppose none of them
/// by the summary ([`Opposition::may_oppose`]) opposes none, told without asking each.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opposition {
    own_bits: u64,
    opposite_bits: u64,
}

impl Opposition {
    pub fn of<'a>(terms: impl IntoIterator<Item = &'a Term>) -> Opposition {
        terms
            .into_iter()
            .fold(Opposition::default(), |all, t| Opposition {
                own_bits: all.own_bits | t.own_bits,
                opposite_bits: all.opposite_bits | t.opposite_bits,
            })
    }

    /// Whether `term` may oppose some of the terms: false when [`Term::may_oppose`] is false
    /// for every one of them.
    pub fn may_oppose(&self, term: &Term) -> bool {
        self.opposite_bits & term.own_bits != 0 || term.opposite_bits & self.own_bits != 0
    }
}

/// [`token_match`] of two terms, with what was computed for them beforehand.
pub fn term_match(a: &Term, b: &Term) -> f64 {
    if a.signature & b.signature != 0 && a.token.shares_meaning(&b.token) {
        return 1.0;
    }
    let may_oppose = a.may_oppose(b);
    // Most word pairs of two statements are two content words that are not opposites; they
    // match only as spellings, one stem extending the other (the same first bytes) or a typo
    // (the same first letter): told from the initials without reading the words.
    let content = |t: &Term| matches!(t.token.kind, TokenKind::Content);
    if !may_oppose
        && content(a)
        && content(b)
        && a.initials.0 != b.initials.0
        && a.initials.1 != b.initials.1
    {
        return 0.0;
    }
    match_apart_from_meaning(
        &a.token,
        &b.token,
        a.token.known && b.token.known,
        may_oppose,
    )
}

/// The initials of a token (see [`Term`]).
fn initials(token: &Token) -> (u8, u8) {
    let first = |word: Sym| word.as_bytes().first().copied().unwrap_or(0);
    (first(token.key), first(token.lower))
}

/// The bits of a token's signature (see [`Term`]): one per key, chosen by the key's address.
fn signature(token: &Token) -> u64 {
    let bit = |key: Sym| 1u64 << ((key.address() >> 3) % 64);
    token
        .senses
        .iter()
        .fold(bit(token.key), |acc, &key| acc | bit(key))
}

/// How well two tokens that share no meaning match: as numbers, as opposites, as spellings.
fn match_apart_from_meaning(a: &Token, b: &Token, both_known: bool, may_oppose: bool) -> f64 {
    match (&a.kind, &b.kind) {
        // "about 1,000" and "1,012" are the same number told with different precision; a
        // bound ("more than 80") is compatible with too much to count as the same number.
        (TokenKind::Number(x), TokenKind::Number(y)) if x.unit == y.unit => {
            let bounded =
                |q: &Quantity| matches!(q.precision, Precision::AtLeast | Precision::AtMost);
            return if !x.compatible(y) || bounded(x) || bounded(y) {
                SLOT_MATCH
            } else if x.precision == Precision::About || y.precision == Precision::About {
                APPROXIMATE_MATCH
            } else {
                1.0
            };
        }
        (TokenKind::Weekday(_), TokenKind::Weekday(_))
        | (TokenKind::Month(_), TokenKind::Month(_)) => return SLOT_MATCH,
        (TokenKind::Content, TokenKind::Content) => {}
        _ => return 0.0,
    }
    if may_oppose && a.opposes(b) {
        return ANTONYM_MATCH;
    }
    // One stem extending the other: "hack" / "hacker", "investig" / "investigator".
    let (short, long) = if a.key.len() <= b.key.len() {
        (&a.key, &b.key)
    } else {
        (&b.key, &a.key)
    };
    // A one-letter extension is a stemmer artifact more often than a derivation: "count" and
    // "counti" (county).
    if short.len() >= 4
        && long.len() >= short.len() + 2
        && short.as_bytes()[..4] == long.as_bytes()[..4]
        && long.starts_with(short.as_str())
    {
        return NEAR_MISS_MATCH;
    }
    if may_be_typos(a, b, both_known) {
        // Two dictionary words are two words ("county", "counted"), not one misspelled.
        if may_reach_jaro_winkler(&a.lower, &b.lower, NEAR_MISS_MIN)
            && strsim::jaro_winkler(&a.lower, &b.lower) >= NEAR_MISS_MIN
            && !both_known
        {
            return NEAR_MISS_MATCH;
        }
    }
    0.0
}

/// Whether two words may be one misspelled ([`match_apart_from_meaning`] then compares their
/// spellings). Typos keep the first letter and about the length; checking that first spares
/// most of the Jaro-Winkler computations, which dominate the run time otherwise.
fn may_be_typos(a: &Token, b: &Token, both_known: bool) -> bool {
    !both_known
        && typo_length(a)
        && typo_length(b)
        && a.lower.as_bytes()[0] == b.lower.as_bytes()[0]
        && a.lower.len().abs_diff(b.lower.len()) <= 2
}

/// Whether a word is long enough to be one of two [`may_be_typos`]: a loop over word pairs
/// asks it once for the word of its outer loop.
fn typo_length(token: &Token) -> bool {
    token.lower.len() >= 5
}

/// Whether the Jaro-Winkler similarity of two words may reach `min`, told from the letters they
/// share: a bound that spares most of the Jaro-Winkler computations (two names of one initial
/// share few letters), and never says false when the similarity reaches `min`.
///
/// Jaro is `(m/|a| + m/|b| + (m-t)/m) / 3` with `m` matching letters and `t` transpositions, so
/// at most `(c/|a| + c/|b| + 1) / 3` where `c` counts the letters the words have in common
/// (each as often as both have it). Winkler's bonus for a common prefix of up to four letters
/// makes it at most `0.6 * jaro + 0.4`. Only ASCII words are bounded; others always may.
fn may_reach_jaro_winkler(a: &str, b: &str, min: f64) -> bool {
    if !a.is_ascii() || !b.is_ascii() || a.is_empty() || b.is_empty() {
        return true;
    }
    let mut left = [0u32; 128];
    for &byte in a.as_bytes() {
        left[usize::from(byte)] += 1;
    }
    let mut common = 0usize;
    for &byte in b.as_bytes() {
        let count = &mut left[usize::from(byte)];
        if *count > 0 {
            *count -= 1;
            common += 1;
        }
    }
    let common = common as f64;
    let jaro_bound = (common / a.len() as f64 + common / b.len() as f64 + 1.0) / 3.0;
    // A margin far above rounding errors keeps the bound safe.
    0.6 * jaro_bound + 0.4 >= min - 1e-9
}

/// The similarity of two statements (see the module docs).
pub fn similarity(a: &Profile, b: &Profile, weights: &Weights) -> f64 {
    if a.terms.is_empty() || b.terms.is_empty() {
        return 0.0;
    }
    // Every measure below reads the same word-to-word matches: compute them once.
    similarity_of(a, b, &Matches::new(a, b, weights))
}

/// [`similarity`] of two profiles with terms, from their [`Matches`].
pub fn similarity_of(a: &Profile, b: &Profile, matches: &Matches) -> f64 {
    // The indices of all terms of either profile, one vector for both.
    let all: Vec<u16> = (0..a.terms.len().max(b.terms.len()) as u16).collect();
    let (all_a, all_b) = (&all[..a.terms.len()], &all[..b.terms.len()]);
    // Room for the longest row at once: no clause of `b` has more terms than `b`.
    let mut column_best = Vec::with_capacity(b.terms.len());
    let whole = matches.overlap(all_a, all_b, &mut column_best);
    if a.clauses.is_empty() && b.clauses.is_empty() {
        return whole;
    }
    // News packs several claims into one sentence ("X will cut 120 jobs, mostly in sales, as
    // demand weakens"); two sentences sharing one claim match best clause to clause.
    fn pieces<'p>(p: &'p Profile, all: &'p [u16]) -> Vec<&'p [u16]> {
        if p.clauses.is_empty() {
            vec![all]
        } else {
            p.clauses.iter().map(Vec::as_slice).collect()
        }
    }
    let (pieces_a, pieces_b) = (pieces(a, all_a), pieces(b, all_b));
    let best_clause = pieces_a
        .iter()
        .flat_map(|x| pieces_b.iter().map(move |y| (x, y)))
        .map(|(x, y)| matches.overlap(x, y, &mut column_best))
        .fold(0.0, f64::max);
    whole.max(CLAUSE_SHARE * best_clause)
}

/// The match strength of every word of one statement with every word of the other, and the
/// words' weights.
pub struct Matches {
    strength: Vec<f64>,
    columns: usize,
    weight_a: Vec<f64>,
    weight_b: Vec<f64>,
}

impl Matches {
    pub fn new(a: &Profile, b: &Profile, weights: &Weights) -> Matches {
        Matches::weighed(a, b, &weights.weigh(a).weights, &weights.weigh(b).weights)
    }

    /// [`Matches::new`], with the terms' weights already looked up ([`Weights::weigh`]).
    pub fn weighed(a: &Profile, b: &Profile, weight_a: &[f64], weight_b: &[f64]) -> Matches {
        debug_assert_eq!(weight_a.len(), a.terms.len());
        debug_assert_eq!(weight_b.len(), b.terms.len());
        let mut strength = Vec::with_capacity(a.terms.len() * b.terms.len());
        for t in &a.terms {
            strength.extend(b.terms.iter().map(|u| term_match(t, u)));
        }
        Matches {
            strength,
            columns: b.terms.len(),
            weight_a: weight_a.to_vec(),
            weight_b: weight_b.to_vec(),
        }
    }

    /// The same matches for profiles of the same terms weighed otherwise (`a` and `b`, with
    /// `weights`): the match strengths depend on the words alone.
    pub fn reweighed(self, a: &Profile, b: &Profile, weights: &Weights) -> Matches {
        debug_assert_eq!(self.weight_a.len(), a.terms.len());
        debug_assert_eq!(self.weight_b.len(), b.terms.len());
        Matches {
            weight_a: a.terms.iter().map(|t| weights.of(t)).collect(),
            weight_b: b.terms.iter().map(|t| weights.of(t)).collect(),
            ..self
        }
    }

    /// The matches of `b` with `a`, made from those of `a` with `b` (`self`): [`term_match`] is
    /// the same both ways (its antonym tables list each pair both ways) except for the
    /// Jaro-Winkler comparison of two spellings, which is made anew for the pairs of words that
    /// may be typos.
    pub fn transposed(&self, a: &Profile, b: &Profile) -> Matches {
        let mut strength = Vec::with_capacity(self.strength.len());
        for (y, u) in b.terms.iter().enumerate() {
            // A word too short to be a typo has none in its row: the row is the column as it is.
            if !typo_length(&u.token) {
                strength.extend((0..a.terms.len()).map(|x| self.strength(x, y)));
                continue;
            }
            strength.extend(a.terms.iter().enumerate().map(|(x, t)| {
                let known = t.token.known && u.token.known;
                if may_be_typos(&u.token, &t.token, known) {
                    term_match(u, t)
                } else {
                    self.strength(x, y)
                }
            }));
        }
        Matches {
            strength,
            columns: a.terms.len(),
            weight_a: self.weight_b.clone(),
            weight_b: self.weight_a.clone(),
        }
    }

    /// The weights of the first profile's words and of the second's, in term order: what
    /// [`Weights::of`] gives for them.
    pub fn weights(&self) -> (&[f64], &[f64]) {
        (&self.weight_a, &self.weight_b)
    }

    /// [`term_match`] of term `x` of the first profile with term `y` of the second.
    pub fn strength(&self, x: usize, y: usize) -> f64 {
        self.strength[x * self.columns + y]
    }

    /// [`Matches::strength`] of term `x` of the first profile with each term of the second, in
    /// order: one slice for a loop over a row, without working out each place.
    pub fn row(&self, x: usize) -> &[f64] {
        &self.strength[x * self.columns..][..self.columns]
    }

    /// The overlap of the words `xs` of the first statement with the words `ys` of the second:
    /// soft Dice mixed with containment.
    /// `column_best` is scratch space, kept by the caller across calls.
    fn overlap(&self, xs: &[u16], ys: &[u16], column_best: &mut Vec<f64>) -> f64 {
        let mass_a: f64 = xs.iter().map(|&x| self.weight_a[usize::from(x)]).sum();
        let mass_b: f64 = ys.iter().map(|&y| self.weight_b[usize::from(y)]).sum();
        if mass_a == 0.0 || mass_b == 0.0 {
            return 0.0;
        }
        // One pass over the matches gives each word's best match on both sides. Strengths are
        // never NaN, so a plain comparison finds the same maximum as `f64::max`, cheaper.
        column_best.clear();
        column_best.resize(ys.len(), 0.0);
        let covered_a: f64 = xs
            .iter()
            .map(|&x| {
                let row = &self.strength[usize::from(x) * self.columns..][..self.columns];
                let mut best = 0.0f64;
                for (&y, column) in ys.iter().zip(column_best.iter_mut()) {
                    let strength = row[usize::from(y)];
                    if strength > best {
                        best = strength;
                    }
                    if strength > *column {
                        *column = strength;
                    }
                }
                self.weight_a[usize::from(x)] * best
            })
            .sum();
        let covered_b: f64 = ys
            .iter()
            .zip(column_best.iter())
            .map(|(&y, &best)| self.weight_b[usize::from(y)] * best)
            .sum();
        let dice = (covered_a + covered_b) / (mass_a + mass_b);
        // Containment says "this claim is inside that sentence"; a statement of one or two
        // content words ("That's not what America is about.") is inside too many sentences to
        // tell.
        let contained = |covered: f64, mass: f64, terms: usize| {
            if terms >= MIN_CONTAINED_TERMS {
                covered / mass
            } else {
                0.0
            }
        };
        let containment =
            contained(covered_a, mass_a, xs.len()).max(contained(covered_b, mass_b, ys.len()));
        (DICE_SHARE * dice + (1.0 - DICE_SHARE) * containment).clamp(0.0, 1.0)
    }
}

/// Where a statement's clauses are: token index ranges between punctuation that separates
/// clauses.
fn clauses_of(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].span.end..tokens[i].span.start];
        // Most words are apart by one space: told without searching it for the marks.
        if gap != " " && gap.contains([',', ';', ':', '—', '–', '(', ')']) {
            ranges.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        ranges.push(start..tokens.len());
    }
    ranges
}

/// How many distinct terms of `a` have a firm match in `b`: the same meaning, an antonym, a
/// near-miss spelling, or a fact of the same kind told differently (9 a.m. / 11 a.m., 120 jobs
/// / 150 employees) — a contradiction is anchored where it differs. A small count ("two men")
/// describes rather than states, and does not count. One shared word ("teachers") is a topic;
/// two are the beginning of a shared claim.
pub fn anchors(a: &Profile, b: &Profile) -> usize {
    a.terms
        .iter()
        .filter(|t| b.terms.iter().any(|u| is_anchor(term_match(t, u), t, u)))
        .count()
}

/// [`anchors`] of `b` in `a`, reading the match strengths from the [`Matches`] of `a` with `b`
/// (made in that order): [`term_match`] is the same both ways but for the spellings of
/// possible typos, which are compared anew (see [`Matches::transposed`]).
pub fn anchors_back(a: &Profile, b: &Profile, matches: &Matches) -> usize {
    Matched::of(a, b, matches, f64::INFINITY).anchors().1
}

/// Which terms of each of two statements the other matches, read from their [`Matches`] in one
/// pass: the anchors of [`anchors`] (both ways), and the terms matched at least as strongly as a
/// given strength.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matched {
    /// Per term of the first statement, then of the second: an anchor in the other.
    pub anchored: (Vec<bool>, Vec<bool>),
    /// Per term of the first statement, then of the second: matched at least that strongly.
    pub firm: (Vec<bool>, Vec<bool>),
}

impl Matched {
    /// The anchors of `a` in `b` and of `b` in `a` ([`anchors`], read from the [`Matches`] of
    /// `a` with `b`), and the terms matched at least `firm` strongly, both ways.
    pub fn of(a: &Profile, b: &Profile, matches: &Matches, firm: f64) -> Matched {
        let mut matched = Matched {
            anchored: (vec![false; a.terms.len()], vec![false; b.terms.len()]),
            firm: (vec![false; a.terms.len()], vec![false; b.terms.len()]),
        };
        // A match weaker than this is neither firm nor an anchor ([`is_anchor`]): most word
        // pairs of two statements share nothing, and are passed over after one comparison.
        let weakest = firm.min(SLOT_MATCH).min(ANTONYM_MATCH);
        for (x, t) in a.terms.iter().enumerate() {
            // Whether `t` may be a typo of any word at all: most words are too short.
            let t_typo_length = typo_length(&t.token);
            for (y, (u, &strength)) in b.terms.iter().zip(matches.row(x)).enumerate() {
                // As [`anchors_back`]: the spellings of possible typos are compared anew.
                let typos = t_typo_length
                    && may_be_typos(&u.token, &t.token, u.token.known && t.token.known);
                if strength < weakest && !typos {
                    continue;
                }
                if strength >= firm {
                    matched.firm.0[x] = true;
                    matched.firm.1[y] = true;
                }
                matched.anchored.0[x] |= is_anchor(strength, t, u);
                let back = if typos { term_match(u, t) } else { strength };
                matched.anchored.1[y] |= is_anchor(back, u, t);
            }
        }
        matched
    }

    /// The anchors of the first statement in the second, and of the second in the first.
    pub fn anchors(&self) -> (usize, usize) {
        let count = |flags: &[bool]| flags.iter().filter(|&&f| f).count();
        (count(&self.anchored.0), count(&self.anchored.1))
    }
}

/// Whether a match of `strength` between terms `t` and `u` anchors a pair ([`anchors`]).
fn is_anchor(strength: f64, t: &Term, u: &Term) -> bool {
    strength >= ANTONYM_MATCH || (strength >= SLOT_MATCH && stated_facts(t, u))
}

/// Whether two terms are values a report states as facts: times, dates, money, shares, years,
/// and counts from ten up.
fn stated_facts(a: &Term, b: &Term) -> bool {
    let fact = |t: &Term| match t.token.kind {
        TokenKind::Number(q) => q.unit != Unit::Count || q.value.abs() >= 10.0,
        TokenKind::Weekday(_) | TokenKind::Month(_) => true,
        _ => false,
    };
    fact(a) && fact(b)
}

/// The score mixes overlap of both statements (Dice) with how much of the more covered one the
/// other contains: news often embeds a short claim inside a longer sentence.
const DICE_SHARE: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    fn profile(text: &str) -> Profile {
        Profile::new(text, &tokenize(text, 0), None)
    }

    fn sim(a: &str, b: &str) -> f64 {
        let (a, b) = (profile(a), profile(b));
        let weights = Weights::from_profiles([&a, &b]);
        similarity(&a, &b, &weights)
    }

    /// The story cosine of the first two of `texts`, the weights made from all of them (the
    /// statements of two documents).
    fn story(texts: &[&str]) -> f64 {
        let profiles: Vec<Profile> = texts
            .iter()
            .map(|t| {
                let mut p = profile(t);
                p.add_story_words(&tokenize(t, 0));
                p
            })
            .collect();
        let weights = Weights::from_profiles(&profiles);
        let (a, b) = (weights.weigh(&profiles[0]), weights.weigh(&profiles[1]));
        story_cosine(&profiles[0], &profiles[1], (&a, &b))
    }

    #[test]
    fn the_story_cosine_weighs_the_story_own_words_at_nothing() {
        // "Iran" and "deal" are in every statement: sharing them is sharing the topic.
        let topic = story(&[
            "Trump criticized the Iran deal.",
            "Macron defended the Iran deal in Paris.",
            "The Iran deal limits enrichment.",
        ]);
        assert_eq!(topic, 0.0);
        let claim = story(&[
            "Trump called the Iran deal insane.",
            "The Iran deal is insane, Trump said.",
            "The Iran deal limits enrichment.",
        ]);
        assert!(claim > 0.4, "{claim}");
    }

    #[test]
    fn the_story_cosine_keeps_the_words_of_a_quotation() {
        // "should", "never" and "made" are stop words of the similarity, not of the cosine.
        let quote = story(&[
            "It should have never been made, Trump said of the deal.",
            "It is a terrible deal that should have never been made.",
            "Macron said the deal could be improved.",
            "Trump said Iran was a problem.",
        ]);
        assert!(quote > 0.4, "{quote}");
    }

    #[test]
    fn a_statement_longer_than_its_sketch_has_no_story_words() {
        let long: String = (0..SKETCH_TERMS + 6)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut p = profile(&long);
        p.add_story_words(&tokenize(&long, 0));
        assert!(p.story_words.is_empty());
        let mut short = profile("The council approved the budget.");
        short.add_story_words(&tokenize("The council approved the budget.", 0));
        assert!(!short.story_words.is_empty());
    }

    #[test]
    fn two_statements_alone_have_no_story_cosine() {
        // Each shared word is in both of the two statements there are, ln(2 / 2) = 0: none is
        // specific.
        assert_eq!(story(&["The bridge closed.", "The bridge closed."]), 0.0);
    }

    #[test]
    fn identical_statements_score_one() {
        assert!(
            (sim(
                "The council approved the budget.",
                "The council approved the budget."
            ) - 1.0)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn unrelated_statements_score_zero() {
        assert_eq!(
            sim(
                "The council approved the budget.",
                "Rain is expected on Friday."
            ),
            0.0
        );
    }

    #[test]
    fn paraphrase_scores_above_different_topic() {
        let paraphrase = sim(
            "Sony cancelled the release of the movie.",
            "Sony dropped the film's release.",
        );
        let other = sim(
            "Sony cancelled the release of the movie.",
            "Sony shares rose in Tokyo trading.",
        );
        assert!(paraphrase > 0.8, "{paraphrase}");
        assert!(other < paraphrase);
    }

    #[test]
    fn contradictions_still_align() {
        assert!(
            sim(
                "Shares rose 5 percent on Tuesday.",
                "Shares fell 3 percent on Wednesday."
            ) > 0.5
        );
    }

    #[test]
    fn a_differing_fact_anchors_a_contradiction() {
        let (a, b) = (
            profile("Water service was restored at 9 a.m."),
            profile("Customers had their water service back by 11 a.m."),
        );
        let (c, d) = (
            profile("Two men were restored."),
            profile("Three men were restored."),
        );
        // water, service, and the time told differently.
        assert_eq!(anchors(&a, &b), 3);
        // A small count is not a fact of its own.
        assert_eq!(anchors(&c, &d), 2);
    }

    #[test]
    fn stems_one_letter_apart_are_different_words() {
        let (county, count) = (&tokenize("county", 0)[0], &tokenize("count", 0)[0]);
        assert_eq!(token_match(county, count), 0.0);
        let (hack, hacker) = (&tokenize("hack", 0)[0], &tokenize("hacker", 0)[0]);
        assert_eq!(token_match(hack, hacker), NEAR_MISS_MATCH);
    }

    #[test]
    fn a_profile_without_its_attribution_is_the_profile_made_without_one() {
        let text = "\"We will rebuild the bridge,\" said Mayor Ann Cole, the city's leader.";
        let tokens = tokenize(text, 0);
        let span = crate::attribution::attribution_span(text, &tokens);
        assert!(span.is_some());
        let derived = Profile::new(text, &tokens, span).without_attribution();
        let made = Profile::new(text, &tokens, None);
        assert_eq!(format!("{derived:?}"), format!("{made:?}"));
    }

    #[test]
    fn the_jaro_winkler_bound_holds() {
        let words = [
            "jusviathez",
            "jusvaithez",
            "jusviatez",
            "justice",
            "jurisdiction",
            "stiarkheim",
            "stairkheim",
            "stiarkhiem",
            "travsail",
            "travail",
            "travsial",
            "abcde",
            "edcba",
            "aaaaa",
            "aaaab",
            "martha",
            "marhta",
            "dwayne",
            "duane",
        ];
        for a in words {
            for b in words {
                for min in [0.5, 0.8, 0.9, NEAR_MISS_MIN, 0.97, 1.0] {
                    if strsim::jaro_winkler(a, b) >= min {
                        assert!(may_reach_jaro_winkler(a, b, min), "{a} {b} {min}");
                    }
                }
            }
        }
        assert!(!may_reach_jaro_winkler(
            "jusviathez",
            "jurisdiction",
            NEAR_MISS_MIN
        ));
    }

    proptest::proptest! {
        /// The bound never rules out a pair whose Jaro-Winkler similarity reaches the minimum.
        #[test]
        fn jaro_winkler_bound_never_rules_out_a_near_miss(
            a in "[a-eé]{1,12}",
            b in "[a-eé]{1,12}",
            min in 0.0f64..=1.0,
        ) {
            if strsim::jaro_winkler(&a, &b) >= min {
                proptest::prop_assert!(may_reach_jaro_winkler(&a, &b, min), "{} {} {}", a, b, min);
            }
        }
    }

    #[test]
    fn transposed_matches_are_the_matches_the_other_way() {
        let texts = [
            "Shares of Travsail Holdings rose 21% on Sunday, Helga Jusviathez said.",
            "Travsial Holdngs shares fell 12 percent on Monday, said Helga Jusvaithez.",
            "The council did not approve the new budget for the northern county.",
            "Counted votes show the councilor approved an old budget in the south.",
        ];
        for a in texts {
            for b in texts {
                let (a, b) = (profile(a), profile(b));
                let weights = Weights::from_profiles([&a, &b]);
                let forward = Matches::new(&a, &b, &weights);
                let backward = Matches::new(&b, &a, &weights);
                let transposed = forward.transposed(&a, &b);
                assert_eq!(transposed.strength, backward.strength);
                assert_eq!(transposed.columns, backward.columns);
                assert_eq!(transposed.weight_a, backward.weight_a);
                assert_eq!(transposed.weight_b, backward.weight_b);
                assert_eq!(anchors_back(&a, &b, &forward), anchors(&b, &a));
            }
        }
    }

    #[test]
    fn similarity_is_symmetric() {
        let (a, b) = (
            "Police arrested two men in Dayton.",
            "Two men were detained by police, officials said.",
        );
        assert!((sim(a, b) - sim(b, a)).abs() < 1e-12);
    }
}
