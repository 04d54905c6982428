//! Word-level differences inside an aligned pair, so a reader sees at a glance what changed.
//!
//! By default the diff reads past typesetting ([`WordMatch::Loose`]): two sources quote, dash
//! and punctuate the same words differently (`‘the` / `'the`, `nonsense,` / `nonsense`), and a
//! diff that marks each of those turns a close paraphrase into a wall of changes.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;
use similar::Algorithm;

use crate::model::Side;

/// Whether a piece of text is shared, only on the left (removed) or only on the right (added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// A run of words with one [`DiffOp`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffChunk {
    pub op: DiffOp,
    /// The words as the left statement writes them (the right one's, for an insertion).
    pub text: String,
    /// For an equal run the right statement writes otherwise (other quotes, dashes or
    /// punctuation, [`WordMatch::Loose`]): the right statement's words, so that each side can
    /// be quoted exactly. `None` when both write the run alike.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_text: Option<String>,
}

impl DiffChunk {
    /// The words of the chunk as `side` writes them (an insertion's are the right side's, a
    /// deletion's the left side's).
    pub fn text_of(&self, side: Side) -> &str {
        match side {
            Side::Right => self.right_text.as_deref().unwrap_or(&self.text),
            Side::Left => &self.text,
        }
    }
}

/// How the word diff tells two words apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WordMatch {
    /// Words that differ only in quote style (curly or straight), in dashes (en, em, minus or
    /// hyphen) or in punctuation are the same word (see [`PUNCTUATION`]); punctuation between
    /// two digits (`3.2`, `10:30`) still counts. The default: what changed is the wording.
    #[default]
    Loose,
    /// Every character counts (`--exact-diff`).
    Exact,
}

/// What [`WordMatch::Loose`] reads as punctuation: quotes, apostrophes and primes of every style,
/// hyphens and dashes, and the marks that end or set off a phrase. Symbols that carry meaning
/// (`$ % & / + #`) are not in it.
pub const PUNCTUATION: &[char] = &[
    // Quotes and apostrophes: straight, curly, low, reversed, angle, primes.
    '\'', '"', '`', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›', '′', '″',
    // Hyphens and dashes, and the minus sign that sources type for them.
    '-', '‐', '‑', '‒', '–', '—', '―', '−', // Marks that end or set off a phrase.
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '…',
];

/// Dashes that [`WordMatch::Loose`] reads as a hyphen where punctuation still counts (`2–3`).
const DASHES: &[char] = &['‐', '‑', '‒', '–', '—', '―', '−'];

impl WordMatch {
    /// The form in which two words are compared: the word itself, or for [`WordMatch::Loose`]
    /// the word without its punctuation, except between two digits (a dash there made a hyphen).
    fn key(self, word: &str) -> Cow<'_, str> {
        if self == WordMatch::Exact || !word.contains(PUNCTUATION) {
            return Cow::Borrowed(word);
        }
        let chars: Vec<char> = word.chars().collect();
        let digit = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(char::is_ascii_digit)
        };
        let mut key = String::with_capacity(word.len());
        for (i, &c) in chars.iter().enumerate() {
            if !PUNCTUATION.contains(&c) {
                key.push(c);
            } else if digit(i.checked_sub(1)) && digit(Some(i + 1)) {
                key.push(if DASHES.contains(&c) { '-' } else { c });
            }
        }
        Cow::Owned(key)
    }
}

/// The word diff from `left` to `right`, words compared as `matching` says. Words are compared
/// without the spaces between them (a diff over words *and* spaces matches spaces everywhere and
/// interleaves unrelated words); consecutive words of one kind form one chunk, a replaced run
/// reads as all its removed words, then all its added words; chunks keep the single spaces that
/// separate words.
pub fn word_diff(left: &str, right: &str, matching: WordMatch) -> Vec<DiffChunk> {
    let left_words: Vec<&str> = left.split_whitespace().collect();
    let right_words: Vec<&str> = right.split_whitespace().collect();
    let left_keys: Vec<Cow<str>> = left_words.iter().map(|w| matching.key(w)).collect();
    let right_keys: Vec<Cow<str>> = right_words.iter().map(|w| matching.key(w)).collect();
    // Each distinct key a number, so that the diff compares numbers, not strings byte by byte
    // (about a tenth of the seeds' word diffs went to comparing strings). Equal keys, equal
    // numbers: the diff is the same (`similar` numbers the words itself past 100 of them).
    let mut numbers =
        FxHashMap::with_capacity_and_hasher(left_keys.len() + right_keys.len(), Default::default());
    let left_numbers = numbered(&left_keys, &mut numbers);
    let right_numbers = numbered(&right_keys, &mut numbers);
    let ops = similar::capture_diff_slices(Algorithm::Patience, &left_numbers, &right_numbers);
    let mut chunks: Vec<DiffChunk> = Vec::new();
    for op in &ops {
        let (old, new) = (op.old_range(), op.new_range());
        match op.tag() {
            similar::DiffTag::Equal => push(
                &mut chunks,
                DiffOp::Equal,
                &left_words[old],
                Some(&right_words[new]),
            ),
            similar::DiffTag::Delete => push(&mut chunks, DiffOp::Delete, &left_words[old], None),
            similar::DiffTag::Insert => push(&mut chunks, DiffOp::Insert, &right_words[new], None),
            similar::DiffTag::Replace => {
                push(&mut chunks, DiffOp::Delete, &left_words[old], None);
                push(&mut chunks, DiffOp::Insert, &right_words[new], None);
            }
        }
    }
    chunks
}

/// The number of each key: the number `numbers` gave it, or the next one.
fn numbered<'k>(keys: &'k [Cow<'_, str>], numbers: &mut FxHashMap<&'k str, u32>) -> Vec<u32> {
    keys.iter()
        .map(|key| {
            let next = u32::try_from(numbers.len()).expect("fewer than 4G words");
            *numbers.entry(key.as_ref()).or_insert(next)
        })
        .collect()
}

/// Adds `words` to the diff as a run of `op`, joined to the last chunk when it is of the same
/// kind; `right_words` are the right side's words of an equal run.
fn push(chunks: &mut Vec<DiffChunk>, op: DiffOp, words: &[&str], right_words: Option<&[&str]>) {
    if words.is_empty() {
        return;
    }
    let text = words.join(" ");
    let right = right_words.map(|w| w.join(" ")).filter(|r| *r != text);
    match chunks.last_mut() {
        Some(last) if last.op == op => {
            if right.is_some() || last.right_text.is_some() {
                let before = last.right_text.take().unwrap_or_else(|| last.text.clone());
                let now = right.as_deref().unwrap_or(&text);
                last.right_text = Some(format!("{before} {now}"));
            }
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => chunks.push(DiffChunk {
            op,
            text,
            right_text: right,
        }),
    }
}

/// The diff as plain text with `[-removed-]` and `{+added+}` markers, as `wdiff` writes it.
pub fn to_marked_text(chunks: &[DiffChunk]) -> String {
    chunks
        .iter()
        .map(|chunk| match chunk.op {
            DiffOp::Equal => chunk.text.clone(),
            DiffOp::Delete => format!("[-{}-]", chunk.text),
            DiffOp::Insert => format!("{{+{}+}}", chunk.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    #[test]
    fn marks_replaced_words() {
        let chunks = word_diff(
            "Shares rose 5 percent.",
            "Shares fell 5 percent.",
            WordMatch::Loose,
        );
        assert_eq!(
            to_marked_text(&chunks),
            "Shares [-rose-] {+fell+} 5 percent."
        );
    }

    #[test]
    fn unrelated_runs_do_not_interleave() {
        let chunks = word_diff(
            "North Korea is threatening to fight back.",
            "New York Times reported that North Korea threatened retaliation.",
            WordMatch::Loose,
        );
        assert_eq!(
            to_marked_text(&chunks),
            "{+New York Times reported that+} North Korea [-is threatening to fight back.-] \
             {+threatened retaliation.+}"
        );
    }

    /// One side of the statement pair, rebuilt from the diff: every chunk but the other side's
    /// own, each as this side writes it.
    fn rebuilt(chunks: &[DiffChunk], side: Side) -> String {
        let other = match side {
            Side::Left => DiffOp::Insert,
            Side::Right => DiffOp::Delete,
        };
        chunks
            .iter()
            .filter(|c| c.op != other)
            .map(|c| c.text_of(side))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn both_sides_can_be_rebuilt_word_by_word() {
        let (l, r) = ("The U.S.  said\nno.", "America said yes, twice.");
        for matching in [WordMatch::Loose, WordMatch::Exact] {
            let chunks = word_diff(l, r, matching);
            assert_eq!(rebuilt(&chunks, Side::Left), "The U.S. said no.");
            assert_eq!(rebuilt(&chunks, Side::Right), r);
        }
    }

    /// The examples: quote style and a dropped comma are no change by default.
    #[test]
    fn quote_style_dashes_and_punctuation_are_no_change_by_default() {
        let (l, r) = (
            "He called it ‘the worst’ — utter nonsense, he said.",
            "He called it 'the worst' - utter nonsense he said.",
        );
        let chunks = word_diff(l, r, WordMatch::Loose);
        assert_eq!(to_marked_text(&chunks), l);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].right_text.as_deref(), Some(r));
        assert_eq!(rebuilt(&chunks, Side::Right), r);

        let chunks = word_diff("said ‘the plan", "said that 'the plan", WordMatch::Loose);
        assert_eq!(to_marked_text(&chunks), "said {+that+} ‘the plan");
        assert_eq!(rebuilt(&chunks, Side::Right), "said that 'the plan");
    }

    #[test]
    fn exact_diff_marks_every_character() {
        let chunks = word_diff(
            "said ‘the nonsense, he",
            "said that 'the nonsense he",
            WordMatch::Exact,
        );
        assert_eq!(
            to_marked_text(&chunks),
            "said [-‘the nonsense,-] {+that 'the nonsense+} he"
        );
        assert!(chunks.iter().all(|c| c.right_text.is_none()));
    }

    /// Punctuation between digits is part of the number: `3.2` is not `32`.
    #[test]
    fn punctuation_inside_a_number_still_counts() {
        let marked = |l, r| to_marked_text(&word_diff(l, r, WordMatch::Loose));
        assert_eq!(
            marked("$3.2 million.", "$32 million"),
            "[-$3.2-] {+$32+} million."
        );
        assert_eq!(marked("at 10:30,", "at 1030"), "at [-10:30,-] {+1030+}");
        assert_eq!(marked("aged 2–3", "aged 2-3"), "aged 2–3");
        // Symbols are words' meaning, not their typesetting.
        assert_eq!(marked("50%", "50"), "[-50%-] {+50+}");
    }

    proptest! {
        /// Whatever the words and the matching, each side reads back exactly from the diff.
        #[test]
        fn each_side_reads_back_from_the_diff(
            left in proptest::collection::vec("[a-c]{0,2}[.,'‘’\"“”—-]{0,2}", 0..8),
            right in proptest::collection::vec("[a-c]{0,2}[.,'‘’\"“”—-]{0,2}", 0..8),
        ) {
            let words = |w: &[String]| {
                w.iter().filter(|w| !w.is_empty()).cloned().collect::<Vec<_>>().join(" ")
            };
            let (l, r) = (words(&left), words(&right));
            for matching in [WordMatch::Loose, WordMatch::Exact] {
                let chunks = word_diff(&l, &r, matching);
                prop_assert_eq!(rebuilt(&chunks, Side::Left), l.clone());
                prop_assert_eq!(rebuilt(&chunks, Side::Right), r.clone());
            }
        }
    }
}
