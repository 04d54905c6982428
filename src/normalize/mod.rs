//! Turning a statement's text into tokens a machine can compare.
//!
//! Each token keeps its byte span in the document and gets a `key`: the form two statements must
//! share for the token to count as the same word. Keys fold case, possessives, aliases
//! (`U.S.` / `United States` / `America`), synonyms and inflection (Snowball stemming). Numbers —
//! numerals, number words, money, percentages, clock times, years, days of a month — become
//! [`Quantity`] values so `$2.3 million` can be compared with `2,300,000 dollars`.

mod quantity;
mod word;
mod word_bounds;

pub use quantity::{Precision, Quantity, Unit};

use crate::intern::{Sym, SymList, ThreadMemo, NO_SYMS};
use crate::lexicon;
use crate::model::Span;
use crate::thesaurus;
use quantity::read_quantity;
use word::{
    analysis, can_oppose, lowercase, number_key, phrase_senses, word_facts, written, Listed,
    Written,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokenKind {
    /// A word that carries meaning.
    Content,
    /// A function word; negation cues are stop words too, judged apart.
    Stop,
    Number(Quantity),
    /// A day of the week, 0 = Monday.
    Weekday(u8),
    /// A month named without a day, 1 = January.
    Month(u8),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// Where the token is in the document.
    pub span: Span,
    /// Lowercase surface form, possessive removed.
    pub lower: Sym,
    /// The comparison key (see the module docs).
    pub key: Sym,
    /// Keys of further meanings the word has ("dropped": cancelled, and fell), WordNet synonym
    /// sets among them.
    pub senses: SymList,
    /// The dictionary form ("fell" -> "fall"), for WordNet's antonyms.
    pub lemma: Sym,
    pub kind: TokenKind,
    /// Starts with a capital letter and is not the statement's first word: a likely name.
    pub proper: bool,
    /// Whether any antonym is known for the token: most words have none, and judging skips
    /// them without a lookup.
    pub can_oppose: bool,
    /// Whether WordNet knows the token's dictionary form as a word: a spelling close to another
    /// known word is that word, not a typo of it.
    pub known: bool,
    /// How often WordNet's corpus uses the dictionary form: how common, and so how little
    /// telling, the word is. Kept here because scoring weighs every occurrence.
    pub frequency: u32,
    /// The cue lists of the lexicon the word is on.
    pub cues: Cues,
}

/// Which of the lexicon's cue lists a token's word is on, looked up when the token is made:
/// judging asks it of every token of every pair, and most words are on none. One byte, so that
/// a token stays as small as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cues(u8);

impl Cues {
    const NEGATION: u8 = 1;
    const NON_OCCURRENCE: u8 = 2;
    const REPORTING_VERB: u8 = 4;
    const MAY_REFUTE: u8 = 8;
    const REJECTING_VERB: u8 = 16;
    const DENYING_VERB: u8 = 32;
    const STORY_GLUE: u8 = 64;

    /// The cues of a word written `lower` (lowercase) as its own dictionary form, from the
    /// lists it is on and the lists its Snowball stem is on. Worked out once per word;
    /// [`Cues::with_lemma`] adds what another dictionary form brings.
    fn as_written(lower: &str, listed: Listed, stem_listed: Listed) -> Cues {
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        let contraction = lexicon::ends_negative_contraction(lower);
        Cues(
            flag(
                listed.on(Listed::NEGATION_CUE) || contraction,
                Cues::NEGATION,
            ) | flag(listed.on(Listed::NON_OCCURRENCE), Cues::NON_OCCURRENCE)
                | flag(listed.on(Listed::REPORTING_VERB), Cues::REPORTING_VERB)
                | flag(
                    listed.on(Listed::OPENS_REFUTATION) || contraction,
                    Cues::MAY_REFUTE,
                )
                | flag(
                    // As [`lexicon::is_rejecting_verb`].
                    !lexicon::NOT_REJECTING_VERBS.contains(&lower)
                        && stem_listed.on(Listed::REJECTING_STEM),
                    Cues::REJECTING_VERB,
                )
                | flag(listed.on(Listed::DENYING_VERB), Cues::DENYING_VERB)
                | flag(listed.on(Listed::STORY_GLUE), Cues::STORY_GLUE),
        )
    }

    /// The cues of the word these are the cues of (as written) when its dictionary form is
    /// `lemma`: only [`lexicon::may_refute`] reads the dictionary form.
    fn with_lemma(self, lemma: &str) -> Cues {
        if lexicon::may_refute("", lemma) {
            Cues(self.0 | Cues::MAY_REFUTE)
        } else {
            self
        }
    }

    /// [`lexicon::is_negation_cue`] of the word.
    pub fn negation(self) -> bool {
        self.0 & Cues::NEGATION != 0
    }

    /// Whether the word is on [`lexicon::NON_OCCURRENCE`].
    pub fn non_occurrence(self) -> bool {
        self.0 & Cues::NON_OCCURRENCE != 0
    }

    /// [`lexicon::is_reporting_verb`] of the word.
    pub fn reporting_verb(self) -> bool {
        self.0 & Cues::REPORTING_VERB != 0
    }

    /// [`lexicon::may_refute`] of the word and its dictionary form.
    pub fn may_refute(self) -> bool {
        self.0 & Cues::MAY_REFUTE != 0
    }

    /// [`lexicon::is_rejecting_verb`] of the word.
    pub fn rejecting_verb(self) -> bool {
        self.0 & Cues::REJECTING_VERB != 0
    }

    /// Whether the word is on [`lexicon::DENYING_VERBS`].
    pub fn denying_verb(self) -> bool {
        self.0 & Cues::DENYING_VERB != 0
    }

    /// Whether the word is on [`lexicon::STORY_GLUE`].
    pub fn story_glue(self) -> bool {
        self.0 & Cues::STORY_GLUE != 0
    }
}

impl Token {
    pub fn is_content(&self) -> bool {
        !matches!(self.kind, TokenKind::Stop)
    }

    /// The key and the further meanings of the token.
    pub fn all_keys(&self) -> impl Iterator<Item = &'static str> {
        let senses = self.senses;
        std::iter::once(self.key.as_str()).chain(senses.iter().map(Sym::as_str))
    }

    /// Two 64-bit summaries for ruling out antonymy fast: the bits of the words this token is
    /// (its lemma and keys) and the bits of the words it is the opposite of. Two tokens can only
    /// be opposites ([`Token::opposes`]) when one's opposite bits meet the other's own bits.
    pub fn opposition_signatures(&self) -> (u64, u64) {
        if !self.can_oppose {
            return (0, 0);
        }
        // Worked out once per word by each thread: every profile of every statement asks. The
        // signatures depend on the lemma, the key and the list of further meanings (stored once
        // per word, so its address tells it).
        /// A word as its signatures see it: lemma, key, and the address of its further meanings.
        type Word = (Sym, Sym, usize);
        thread_local! {
            static SEEN: ThreadMemo<Word, (u64, u64)> = ThreadMemo::new();
        }
        let word = (
            self.lemma,
            self.key,
            std::ptr::from_ref(self.senses) as usize,
        );
        SEEN.with(|seen| seen.get_or_insert_with(word, || self.work_out_opposition_signatures()))
    }

    /// [`Token::opposition_signatures`] of a token that can oppose, worked out.
    fn work_out_opposition_signatures(&self) -> (u64, u64) {
        fn bit(word: &str) -> u64 {
            use std::hash::{Hash, Hasher};
            let mut hasher = rustc_hash::FxHasher::default();
            word.hash(&mut hasher);
            1u64 << (hasher.finish() % 64)
        }
        let own = self
            .word_keys()
            .fold(bit(&self.lemma), |acc, k| acc | bit(k));
        let opposite = self
            .word_keys()
            .flat_map(lexicon::antonyms_of)
            .fold(0, |acc, k| acc | bit(k))
            | thesaurus::antonyms_of(&self.lemma)
                .iter()
                .fold(0, |acc, k| acc | bit(k));
        (own, opposite)
    }

    /// The key and the hand-listed further meanings, without WordNet's synonym sets ("~123").
    fn word_keys(&self) -> impl Iterator<Item = &'static str> {
        self.all_keys().filter(|k| !k.starts_with('~'))
    }

    /// Whether the two tokens can mean the same thing.
    pub fn shares_meaning(&self, other: &Token) -> bool {
        self.key == other.key
            || self.senses.contains(&other.key)
            || other.senses.contains(&self.key)
            || sorted_lists_meet(self.senses, other.senses)
    }

    /// Whether some meaning of this token is the opposite of some meaning of the other.
    pub fn opposes(&self, other: &Token) -> bool {
        // The hand list knows word keys, not WordNet's synonym sets ("~123"): skip those.
        self.can_oppose
            && other.can_oppose
            && (thesaurus::are_antonyms(&self.lemma, &other.lemma)
                || self.word_keys().any(|k| {
                    other
                        .word_keys()
                        .any(|o| crate::lexicon::are_antonyms(k, o))
                }))
    }
}

/// Whether two lists of senses, each sorted by address, share one: a merge, since common words
/// have dozens of senses and most word pairs of two statements share none.
fn sorted_lists_meet(a: &[Sym], b: &[Sym]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].address().cmp(&b[j].address()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A word as segmented, before interpretation.
struct Word<'a> {
    start: usize,
    text: &'a str,
    /// What the word is as written ([`written`]).
    written: &'static Written,
}

impl<'a> Word<'a> {
    fn new(start: usize, text: &'a str) -> Word<'a> {
        Word {
            start,
            text,
            written: written(text),
        }
    }

    /// `lowercase(self.text)`, read from the word's analysis unless a possessive was removed
    /// there.
    fn lowercase(&self) -> std::borrow::Cow<'a, str> {
        if self.written.possessive {
            lowercase(self.text)
        } else {
            self.written.lower.as_str().into()
        }
    }
}

/// Tokenizes a statement whose text starts at byte `offset` of its document.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let words = words(text);
    let mut tokens = Vec::with_capacity(words.len());
    // A Title Case Headline capitalizes every word: no word of it is a name by its capital.
    let capitalized = words.iter().filter(|w| w.written.capitalized).count();
    let title_case = words.len() >= 3 && capitalized * 3 > words.len() * 2;
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let Written {
            lower,
            possessive,
            capitalized: first_char_upper,
            month,
            facts,
        } = words[i].written;
        let lower = *lower;
        let proper = *first_char_upper && i > 0 && !facts.stop;

        // Multi-word aliases ("United States") first, then phrases with a meaning of their own
        // ("fought back", "cyber-attack"), then WordNet's multi-word lemmas ("laid off"). The
        // word's analysis rules out most words at once.
        let phrase = facts
            .starts_alias
            .then(|| multiword_alias(&words[i..]))
            .flatten()
            .map(|(len, key)| (len, Sym::new(key), &NO_SYMS, lower, true))
            .or_else(|| {
                facts
                    .starts_phrase
                    .then(|| {
                        // The stems of this word and the next three, at most.
                        let mut stems = [facts.stem; 4];
                        let next = &words[i..(i + 4).min(words.len())];
                        for (stem, word) in stems.iter_mut().zip(next) {
                            *stem = word.written.facts.stem;
                        }
                        lexicon::phrase_at(&stems[..next.len()])
                    })
                    .flatten()
                    .map(|(len, key)| (len, Sym::new(key), &NO_SYMS, lower, false))
            })
            .or_else(|| {
                let may_start = *possessive || facts.may_start_lemma_phrase;
                may_start
                    .then(|| thesaurus_phrase(&words, i))
                    .flatten()
                    .map(|(len, phrase)| {
                        let phrase = Sym::new(&phrase);
                        (len, phrase, phrase_senses(phrase), phrase, false)
                    })
            });
        if let Some((len, key, senses, lemma, proper)) = phrase {
            let end = words[i + len - 1].start + words[i + len - 1].text.len();
            tokens.push(Token {
                span: Span::new(offset + word.start, offset + end),
                lower,
                key,
                senses,
                lemma,
                kind: TokenKind::Content,
                proper,
                can_oppose: can_oppose(lemma, key, senses),
                known: word_facts(lemma).0,
                frequency: word_facts(lemma).1,
                cues: facts.cues_as_written.with_lemma(&lemma),
            });
            i += len;
            continue;
        }

        // "Interstate 90", "Route 20", "Boeing 737": a numeral right after a name is part of
        // the name, not a count to compare with "80 firefighters".
        let names_a_thing = !title_case
            && word.text.bytes().all(|b| b.is_ascii_digit())
            && tokens.last().is_some_and(|previous: &Token| {
                previous.proper
                    && matches!(previous.kind, TokenKind::Content)
                    && text[previous.span.end - offset..word.start]
                        .chars()
                        .all(|c| c == ' ')
            });
        if names_a_thing {
            let (known, frequency) = word_facts(lower);
            tokens.push(Token {
                span: Span::new(offset + word.start, offset + word.start + word.text.len()),
                lower,
                key: lower,
                senses: &NO_SYMS,
                lemma: lower,
                kind: TokenKind::Content,
                proper: true,
                can_oppose: false,
                known,
                frequency,
                cues: facts.cues_as_written,
            });
            i += 1;
            continue;
        }

        let quantity = (*possessive || facts.may_start_number)
            .then(|| read_quantity(text, &words, i))
            .flatten();
        if let Some((quantity, used)) = quantity {
            let last = &words[i + used - 1];
            let number_facts = word_facts(lower);
            let key = number_key(quantity.value);
            tokens.push(Token {
                span: Span::new(offset + word.start, offset + last.start + last.text.len()),
                lemma: lower,
                lower,
                key,
                senses: &NO_SYMS,
                kind: TokenKind::Number(quantity),
                proper: false,
                can_oppose: can_oppose(lower, key, &NO_SYMS),
                // Number words ("several", "dozens") are words too.
                known: number_facts.0,
                frequency: number_facts.1,
                cues: facts.cues_as_written,
            });
            i += used;
            continue;
        }

        let kind = if let Some(day) = facts.weekday {
            TokenKind::Weekday(day)
        } else if let Some(month) = *month {
            TokenKind::Month(month)
        } else if word.text != "US" && (facts.stop || facts.negation_cue) {
            TokenKind::Stop
        } else {
            TokenKind::Content
        };
        let (key, senses, lemma, known, frequency, opposable) = match kind {
            TokenKind::Content if word.text == "US" => {
                let key = Sym::new("usa");
                (
                    key,
                    &NO_SYMS,
                    lower,
                    false,
                    0,
                    can_oppose(lower, key, &NO_SYMS),
                )
            }
            TokenKind::Content => (
                facts.key,
                facts.senses,
                facts.lemma,
                facts.known,
                facts.frequency,
                facts.can_oppose,
            ),
            TokenKind::Weekday(_) | TokenKind::Month(_) => {
                let (known, frequency) = word_facts(lower);
                let opposable = facts.can_oppose_as_written;
                (lower, &NO_SYMS, lower, known, frequency, opposable)
            }
            _ => (
                lower,
                &NO_SYMS,
                lower,
                false,
                0,
                facts.can_oppose_as_written,
            ),
        };
        // A content word's dictionary form is its analysis's; other words are their own.
        let cues = if lemma == facts.lemma {
            facts.cues
        } else {
            facts.cues_as_written
        };
        tokens.push(Token {
            span: Span::new(offset + word.start, offset + word.start + word.text.len()),
            lower,
            key,
            senses,
            lemma,
            kind,
            proper,
            can_oppose: opposable,
            known,
            frequency,
            cues,
        });
        i += 1;
    }
    tokens
}

/// A WordNet lemma of two or three words starting at word `i`, if any: its length in words and
/// its text. Phrases start with a content word, so "in fact" or "of course" stay function words.
fn thesaurus_phrase(words: &[Word], i: usize) -> Option<(usize, String)> {
    let word = &words[i];
    let first = word.lowercase();
    if lexicon::is_stop_word(&first) || first.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = if word.written.possessive {
        analysis(Sym::new(&first))
    } else {
        word.written.facts
    };
    if first.phrases.is_empty() {
        return None;
    }
    // Every phrase found below holds the next word: one search of the list tells most words
    // apart, which start none of their lemma's phrases.
    let second = words.get(i + 1)?.lowercase();
    memchr::memmem::find(first.phrases.as_bytes(), second.as_bytes())?;
    // The next two words (or the one left), lowercase; a phrase is compared piece by piece, so
    // that only the one found is built.
    let third = words.get(i + 2).map(Word::lowercase);
    let following = usize::from(third.is_some()) + 1;
    let next = [second, third.unwrap_or_default()];
    let next = &next[..following];
    let is_phrase = |known: &str, rest: &[std::borrow::Cow<str>]| {
        let mut known = known.strip_prefix(first.lemma.as_str());
        for word in rest {
            known = known
                .and_then(|k| k.strip_prefix(' '))
                .and_then(|k| k.strip_prefix(word.as_ref()));
        }
        known == Some("")
    };
    // One pass over the lemma's phrases for both lengths: the longer phrase wins.
    let (mut three_words, mut two_words) = (false, false);
    for known in first.phrases.split(',') {
        three_words |= next.len() == 2 && is_phrase(known, next);
        two_words |= is_phrase(known, &next[..1]);
    }
    let len = match (three_words, two_words) {
        (true, _) => 3,
        (false, true) => 2,
        (false, false) => return None,
    };
    let mut phrase = first.lemma.to_string();
    for word in &next[..len - 1] {
        phrase.push(' ');
        phrase.push_str(word);
    }
    Some((len, phrase))
}

/// Words by UAX #29, with `11:30` kept as one word.
fn words(text: &str) -> Vec<Word<'_>> {
    // About one word in six bytes of English, seldom more than one in four: nearly every
    // statement then fills the vector unmoved.
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 4 + 1);
    // The last word found, kept back until the next one tells whether the two are a clock time.
    let mut pending: Option<(usize, &str)> = None;
    word_bounds::for_each_word(text, |start, word| {
        if let Some((previous_start, previous)) = pending {
            let previous_end = previous_start + previous.len();
            if start == previous_end + 1
                && text.as_bytes()[previous_end] == b':'
                && previous.bytes().all(|b| b.is_ascii_digit())
                && word.bytes().all(|b| b.is_ascii_digit())
            {
                pending = Some((previous_start, &text[previous_start..start + word.len()]));
                return;
            }
            words.push(Word::new(previous_start, previous));
        }
        pending = Some((start, word));
    });
    words.extend(pending.map(|(start, word)| Word::new(start, word)));
    words
}

fn multiword_alias(words: &[Word]) -> Option<(usize, &'static str)> {
    /// The multi-word aliases split into words once, longest first.
    static SPLIT: std::sync::OnceLock<Vec<(Vec<&'static str>, &'static str)>> =
        std::sync::OnceLock::new();
    let aliases = SPLIT.get_or_init(|| {
        let mut split: Vec<(Vec<&'static str>, &'static str)> = lexicon::ALIASES
            .iter()
            .filter(|(alias, _)| alias.contains(' '))
            .map(|(alias, key)| (alias.split(' ').collect(), *key))
            .collect();
        split.sort_by_key(|(parts, _)| std::cmp::Reverse(parts.len()));
        split
    });
    aliases.iter().find_map(|(parts, key)| {
        let matches = parts.len() <= words.len()
            && parts
                .iter()
                .zip(words)
                .all(|(part, word)| word.text.eq_ignore_ascii_case(part));
        matches.then_some((parts.len(), *key))
    })
}

#[cfg(test)]
mod tests {
    use super::quantity::precision_before;
    use super::word::short_spelling;
    use super::*;

    #[test]
    fn a_word_first_analysed_on_two_threads_at_once_is_stored_once() {
        // Words no other test reads, so the memo meets each for the first time here.
        let words = "automobile physician wealthy conceal moist damp clever purchase reply mistake";
        for word in words.split_whitespace() {
            let word = Sym::new(word);
            let barrier = std::sync::Barrier::new(2);
            let (a, b) = std::thread::scope(|scope| {
                let first = scope.spawn(|| {
                    barrier.wait();
                    analysis(word)
                });
                let second = scope.spawn(|| {
                    barrier.wait();
                    analysis(word)
                });
                (first.join().unwrap(), second.join().unwrap())
            });
            assert!(!a.senses.is_empty(), "{word} has no senses to store");
            // One stored list: a second one would be memory nothing points to.
            assert!(std::ptr::eq(a.senses, b.senses), "{word}: stored twice");
        }
    }

    #[test]
    fn one_on_one_is_no_count() {
        assert!(quantities("They held a one-on-one meeting.").is_empty());
        assert!(quantities("Talks went One-to-One, then two-by-two.").is_empty());
        assert_eq!(quantities("They signed a two-year deal.").len(), 1);
        assert_eq!(quantities("One of the two aides left.").len(), 2);
    }

    #[test]
    fn a_hyphen_joins_tens_and_units_only() {
        let values =
            |text: &str| -> Vec<f64> { quantities(text).iter().map(|q| q.value).collect() };
        assert_eq!(values("Fifty-seven senators signed."), [57.0]);
        assert_eq!(values("They signed a twenty-year lease."), [20.0]);
        assert_eq!(values("Her twenty-somethings moved out."), [20.0]);
        assert_eq!(values("Two-thirds of voters agreed."), [2.0]);
        assert_eq!(values("It was fifty-fifty."), [50.0, 50.0]);
        assert_eq!(values("The 1950-53 war ended."), [1950.0, 53.0]);
    }

    fn quantities(text: &str) -> Vec<Quantity> {
        tokenize(text, 0)
            .into_iter()
            .filter_map(|t| match t.kind {
                TokenKind::Number(q) => Some(q),
                _ => None,
            })
            .collect()
    }

    fn keys(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .filter(|t| t.is_content())
            .map(|t| t.key.to_string())
            .collect()
    }

    #[test]
    fn aliases_share_a_key() {
        assert_eq!(keys("the U.S. economy"), keys("the United States economy"));
        assert_eq!(keys("America's economy"), keys("the US economy"));
        assert_eq!(
            keys("the North Korean leader"),
            keys("North Korea's leader")
        );
    }

    #[test]
    fn pronoun_us_is_not_the_united_states() {
        assert_eq!(keys("they told us"), Vec::<String>::new());
    }

    #[test]
    fn phrases_are_one_term() {
        assert_eq!(keys("a cyber-attack"), keys("the hacking"));
        assert_eq!(keys("they fought back"), keys("retaliation"));
    }

    #[test]
    fn stemming_and_synonyms() {
        assert_eq!(keys("cancelled the movie"), keys("drops the films"));
    }

    #[test]
    fn a_numeral_after_a_name_is_part_of_the_name() {
        assert!(quantities("Police closed Route 20 for hours.").is_empty());
        assert_eq!(
            keys("Smoke was seen from Interstate 90."),
            ["smoke", "see", "interst", "90"]
        );
        // Counts stay counts: after a common word, at the start, in a Title Case Headline.
        assert_eq!(quantities("More than 80 firefighters came.").len(), 1);
        assert_eq!(quantities("Norbridge Lays Off 150 Workers").len(), 1);
    }

    #[test]
    fn money_with_scale() {
        let q = quantities("a deal worth $2.3 million");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].value, 2_300_000.0);
        assert_eq!(q[0].unit, Unit::Money('$'));
    }

    #[test]
    fn number_words_and_percent() {
        let q = quantities("twenty five people and 40% of voters, 3.5 percent");
        let values: Vec<(f64, Unit)> = q.iter().map(|q| (q.value, q.unit)).collect();
        assert_eq!(
            values,
            [
                (25.0, Unit::Count),
                (40.0, Unit::Percent),
                (3.5, Unit::Percent)
            ]
        );
    }

    #[test]
    fn clock_times_days_and_years() {
        let q = quantities("at 9 a.m. on March 3, 2014, and again at 11:30");
        let values: Vec<(f64, Unit)> = q.iter().map(|q| (q.value, q.unit)).collect();
        assert_eq!(
            values,
            [
                (540.0, Unit::Clock),
                (3.0, Unit::DayOf(3)),
                (2014.0, Unit::Year),
                (690.0, Unit::Clock)
            ]
        );
        let pm = quantities("at 3 p.m.");
        assert_eq!(pm[0].value, 15.0 * 60.0);
    }

    #[test]
    fn precision_words() {
        let q = quantities("about 200 people, more than 50 cars, up to 10 days");
        let p: Vec<Precision> = q.iter().map(|q| q.precision).collect();
        assert_eq!(p, [Precision::About, Precision::AtLeast, Precision::AtMost]);
    }

    #[test]
    fn short_spellings_differ_for_different_words() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "abcdefghijklmno",
            "abcdefghijklmnp",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(short_spelling(a), short_spelling(b), "{a:?} {b:?}");
            }
        }
        assert_eq!(short_spelling("abcdefghijklmnop"), None);
        // The same word spelled the same way twice is one entry.
        assert!(std::ptr::eq(written("Duvale"), written("Duvale")));
        assert!(std::ptr::eq(
            written("abcdefghijklmnop"),
            written("abcdefghijklmnop")
        ));
    }

    #[test]
    fn every_listed_precision_phrase_is_read() {
        // Only the last two words count: "no more than" reads as "more than".
        let lists = [
            lexicon::LOWER_BOUNDS,
            lexicon::UPPER_BOUNDS,
            lexicon::APPROXIMATORS,
        ];
        for listed in lists.iter().flat_map(|list| list.iter()) {
            for text in [listed.to_string(), listed.to_uppercase()] {
                assert_ne!(precision_before(&words(&text)), Precision::Exact, "{text}");
            }
        }
    }

    #[test]
    fn rounding_aware_compatibility() {
        let about = |v| Quantity {
            value: v,
            unit: Unit::Count,
            precision: Precision::About,
        };
        let exact = |v| Quantity {
            value: v,
            unit: Unit::Count,
            precision: Precision::Exact,
        };
        assert!(about(200.0).compatible(&exact(213.0)));
        assert!(about(5e6).compatible(&exact(4.8e6)));
        assert!(!exact(12.0).compatible(&exact(15.0)));
        assert!(!exact(3.2e6).compatible(&exact(2.3e6)));
        assert!(!about(200.0).compatible(&exact(350.0)));
        let more_than = Quantity {
            value: 200.0,
            unit: Unit::Count,
            precision: Precision::AtLeast,
        };
        assert!(more_than.compatible(&exact(213.0)));
        assert!(!more_than.compatible(&exact(150.0)));
    }

    #[test]
    fn vague_plurals_are_lower_bounds() {
        let q = quantities("Dozens of residents and several crashes");
        assert_eq!(
            q.iter().map(|q| q.precision).collect::<Vec<_>>(),
            [Precision::AtLeast; 2]
        );
    }

    #[test]
    fn irregular_verbs_meet_their_base_form() {
        assert_eq!(keys("revenue fell"), keys("revenue falls"));
        assert_eq!(keys("shares rose"), keys("shares rise"));
    }

    #[test]
    fn no_one_is_not_a_number() {
        assert!(quantities("No one was hurt").is_empty());
    }

    #[test]
    fn spans_point_into_the_document() {
        let text = "xx The FBI said $3 million.";
        let tokens = tokenize(&text[3..], 3);
        let money = tokens
            .iter()
            .find(|t| matches!(t.kind, TokenKind::Number(_)))
            .unwrap();
        assert_eq!(&text[money.span.start..money.span.end], "3 million");
    }

    /// The one table of [`Listed`] answers as each list and function it stands for, for every
    /// listed word, the words of every listed phrase, their stems, and a few words on no list.
    #[test]
    fn the_table_of_lists_answers_as_the_lists() {
        use super::quantity::ends_precision_phrase;
        use super::word::strip_possessive;
        let mut words: Vec<String> = ["xyzzyq", "doesn't", "won’t", "Monday", "", "the"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let lists = lexicon::WORD_LISTS.iter().flat_map(|(_, list)| list.iter());
        let pairs = lexicon::NUMBER_WORDS.iter().chain(lexicon::VAGUE_NUMBERS);
        let phrases = lists
            .copied()
            .chain(pairs.map(|(w, _)| *w))
            .chain(lexicon::ALIASES.iter().map(|(alias, _)| *alias))
            .chain(lexicon::PHRASES.iter().map(|(phrase, _)| *phrase));
        for phrase in phrases {
            for word in phrase.split(' ') {
                words.push(word.to_string());
                words.push(lexicon::stem(word));
            }
        }
        let alias_starts: Vec<&str> = lexicon::ALIASES
            .iter()
            .filter_map(|(alias, _)| alias.split_once(' '))
            .map(|(first, _)| strip_possessive(first))
            .collect();
        for word in &words {
            let w = word.as_str();
            let listed = Listed::of(w);
            let contraction = lexicon::ends_negative_contraction(w);
            let expected = [
                (Listed::STOP_WORD, lexicon::is_stop_word(w)),
                (Listed::NON_OCCURRENCE, lexicon::NON_OCCURRENCE.contains(&w)),
                (Listed::REPORTING_VERB, lexicon::is_reporting_verb(w)),
                (Listed::DENYING_VERB, lexicon::DENYING_VERBS.contains(&w)),
                (Listed::STORY_GLUE, lexicon::is_story_glue(w)),
                (Listed::WEEKDAY, lexicon::weekday(w).is_some()),
                (
                    Listed::NUMBER_WORD,
                    lexicon::number_word(w).is_some() || lexicon::vague_number(w).is_some(),
                ),
                (Listed::STARTS_ALIAS, alias_starts.contains(&w)),
                (Listed::ENDS_PRECISION_PHRASE, ends_precision_phrase(w)),
                (Listed::STARTS_PHRASE, lexicon::starts_phrase(w)),
                (
                    Listed::REJECTING_STEM,
                    lexicon::rejecting_verb_stems().iter().any(|s| s == w),
                ),
                (
                    Listed::ALIAS,
                    lexicon::ALIASES.iter().any(|(alias, _)| *alias == w),
                ),
            ];
            for (bit, on) in expected {
                assert_eq!(listed.on(bit), on, "{w:?}, bit {bit}");
            }
            assert_eq!(
                listed.on(Listed::NEGATION_CUE) || contraction,
                lexicon::is_negation_cue(w),
                "{w:?}"
            );
            assert_eq!(
                !lexicon::NOT_REJECTING_VERBS.contains(&w)
                    && Listed::of(&lexicon::stem(w)).on(Listed::REJECTING_STEM),
                lexicon::is_rejecting_verb(w),
                "{w:?}"
            );
            assert_eq!(
                listed.on(Listed::OPENS_REFUTATION) || contraction,
                lexicon::may_refute(w, w),
                "{w:?}"
            );
        }
    }
}
