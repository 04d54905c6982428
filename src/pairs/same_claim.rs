//! Pair mode's fitted decision of whether two texts state the same claim: the `agree` of a pair
//! that no check finds in conflict.
//!
//! Two news sentences about one event state the same claim with more or less detail on either
//! side ("Police arrested two men on Friday" / "Two men were arrested"): they agree when they
//! share the claim, not only when one says every word of the other. Whether
//! they do is decided by a small logistic model over named [`FEATURES`] of the two texts: how
//! much of each the other says, how many of their words and word pairs they share, and
//! whether their names and numbers are the same. Its weights are data, `data/pairs.tsv`, written
//! by `scripts/fit_pairs.py` from labelled sentence pairs; a person can read which feature counts
//! how much. Conflicts are not the model's business: the judging checks find them first, and a
//! pair they find in conflict disagrees whatever the model says.

use std::sync::LazyLock;

use crate::normalize::{Token, TokenKind};
use crate::Pair;

use super::whole::WholeScores;

/// The features of a pair of texts, in the order [`Features`] holds them: the names
/// `data/pairs.tsv` gives weights to. Where a feature is measured both ways, `_least` is the
/// smaller of the two texts' values and `_most` the larger, so that swapping the texts changes
/// nothing but the two directed shares of what is said.
pub const FEATURES: [&str; FEATURE_COUNT] = [
    "similarity",
    "right_said_by_left",
    "left_said_by_right",
    "touched_least",
    "touched_most",
    "words_shared_least",
    "words_shared_most",
    "unigrams_least",
    "unigrams_most",
    "bigrams_least",
    "bigrams_most",
    "words_unshared_least",
    "words_unshared_most",
    "length_ratio",
    "length_difference",
    "length",
    "numbers_unmatched",
    "names_unmatched",
    "one_side_negates",
    "opposed",
    "aligned",
];

pub const FEATURE_COUNT: usize = 21;

/// A pair's feature values, each in 0..1, in [`FEATURES`] order.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f64; FEATURE_COUNT]);

/// What the judging worked out for a pair, from which its [`Features`] are made.
pub(super) struct Evidence<'a> {
    pub(super) tokens: Pair<&'a [Token]>,
    pub(super) scores: &'a WholeScores,
    /// Whether some statement of one text aligned with one of the other.
    pub(super) aligned: bool,
    pub(super) one_side_negates: bool,
}

/// Unshared words and length differences are counted up to this many words.
const COUNTED_WORDS: f64 = 10.0;

impl Evidence<'_> {
    pub(super) fn features(&self) -> Features {
        let flag = |b: bool| f64::from(u8::from(b));
        let least_most = |(a, b): (f64, f64)| [a.min(b), a.max(b)];
        let (left, right) = (self.tokens.left, self.tokens.right);
        // Content words by their comparison keys (stems, aliases, synonyms), distinct.
        let content =
            |tokens: &[Token]| keys_of(tokens.iter().filter(|t| t.kind != TokenKind::Stop));
        let (left_content, right_content) = (content(left), content(right));
        let shared = common(&left_content, &right_content);
        let share = |keys: &[u64]| {
            if keys.is_empty() {
                0.0
            } else {
                shared as f64 / keys.len() as f64
            }
        };
        let unshared = |keys: &[u64]| ((keys.len() - shared) as f64 / COUNTED_WORDS).min(1.0);
        // Every word as written (lowercased), in order: the n-gram precisions of machine
        // translation's BLEU, each text read against the other.
        let written = |tokens: &[Token]| -> Vec<u64> {
            tokens.iter().map(|t| t.lower.address() as u64).collect()
        };
        let (mut left_words, mut right_words) = (written(left), written(right));
        // The precision of each list of runs (sorted) read against the other.
        let precisions = |a: &[u64], b: &[u64]| {
            let shared = common(a, b) as f64;
            let of = |list: &[u64]| {
                if list.is_empty() {
                    0.0
                } else {
                    shared / list.len() as f64
                }
            };
            least_most((of(a), of(b)))
        };
        let [bigrams_least, bigrams_most] =
            precisions(&grams(&left_words, 2), &grams(&right_words, 2));
        // A run of one word is the word: its hash in `grams` is one-to-one, so the words
        // themselves, sorted in place, share as many as their hashes would.
        left_words.sort_unstable();
        right_words.sort_unstable();
        let [unigrams_least, unigrams_most] = precisions(&left_words, &right_words);
        let (shorter, longer) = (
            left.len().min(right.len()) as f64,
            left.len().max(right.len()) as f64,
        );
        let [touched_least, touched_most] = least_most(self.scores.touched);
        let (claim_coverage, source_coverage) = self.scores.coverage();
        let content_keys = Pair::new(&left_content[..], &right_content[..]);
        let [words_shared_least, words_shared_most] =
            least_most((share(&left_content), share(&right_content)));
        let [words_unshared_least, words_unshared_most] =
            least_most((unshared(&left_content), unshared(&right_content)));
        Features([
            self.scores.similarity,
            claim_coverage,
            source_coverage,
            touched_least,
            touched_most,
            words_shared_least,
            words_shared_most,
            unigrams_least,
            unigrams_most,
            bigrams_least,
            bigrams_most,
            words_unshared_least,
            words_unshared_most,
            if longer == 0.0 { 1.0 } else { shorter / longer },
            ((longer - shorter) / COUNTED_WORDS).min(1.0),
            ((1.0 + longer).ln() / 64f64.ln()).min(1.0),
            unmatched(self.tokens, content_keys, |t| {
                matches!(t.kind, TokenKind::Number(_))
            }),
            unmatched(self.tokens, content_keys, |t| t.proper),
            flag(self.one_side_negates),
            flag(self.scores.opposed),
            flag(self.aligned),
        ])
    }
}

/// A token's comparison key, as a number unique to it while the words are kept.
fn key_of(token: &Token) -> u64 {
    token.key.address() as u64
}

/// The runs of `n` consecutive words, each as a number, sorted (repeats kept: a run said twice
/// on one side is matched twice only when the other side says it twice too).
fn grams(words: &[u64], n: usize) -> Vec<u64> {
    let mut grams: Vec<u64> = words
        .windows(n)
        .map(|run| {
            run.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &k| {
                (h ^ k).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect();
    grams.sort_unstable();
    grams
}

/// How many items two sorted lists share (an item listed twice in both counts twice).
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// The distinct keys of the tokens, sorted.
fn keys_of<'a>(tokens: impl Iterator<Item = &'a Token>) -> Vec<u64> {
    // Room for every token at once: a filtered iterator gives no length, and growing the list
    // a few times cost more than the sort.
    let mut keys: Vec<u64> = Vec::with_capacity(tokens.size_hint().1.unwrap_or(0));
    keys.extend(tokens.map(key_of));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The share of the tokens of both texts that `counts` whose key no token of the other side
/// has (0 when neither text has any): numbers or names one text gives and the other does not.
/// A name is matched by any content word of the other side ("Amrozi accused" / "said Amrozi").
/// `content_keys` are the keys of each side's content words (numbers among them), sorted.
fn unmatched(
    tokens: Pair<&[Token]>,
    content_keys: Pair<&[u64]>,
    counts: impl Fn(&Token) -> bool,
) -> f64 {
    let left = keys_of(tokens.left.iter().filter(|t| counts(t)));
    let right = keys_of(tokens.right.iter().filter(|t| counts(t)));
    let total = left.len() + right.len();
    if total == 0 {
        return 0.0;
    }
    let matched = common(&left, content_keys.right) + common(&right, content_keys.left);
    (total - matched) as f64 / total as f64
}

/// The fitted model: a weight per feature, a bias, and the probability from which two texts
/// state the same claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: [f64; FEATURE_COUNT],
    /// Pairs at or above this probability agree (when no check finds a conflict).
    pub agree_at: f64,
}

impl Model {
    /// The probability that the two texts state the same claim.
    pub fn probability(&self, features: &Features) -> f64 {
        crate::logistic::probability(self.bias, &self.weights, &features.0)
    }

    /// Whether the two texts state the same claim.
    pub fn same_claim(&self, features: &Features) -> bool {
        self.probability(features) >= self.agree_at
    }

    /// Reads the model's table ([`crate::logistic::Table`]): `bias`, `agree_at`, and a weight
    /// per feature.
    pub fn parse(text: &str) -> Result<Model, String> {
        let table = crate::logistic::Table::parse(text, &FEATURES, "agree_at")?;
        Ok(Model {
            bias: table.bias,
            weights: table.weights,
            agree_at: table.threshold,
        })
    }
}

/// The model the binary carries, fitted by `scripts/fit_pairs.py`.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_str!("../../data/pairs.tsv")).expect("data/pairs.tsv is a valid model")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pairs::{conflict_and_features, PairConfig};

    fn features(left: &str, right: &str) -> Features {
        conflict_and_features(left, right, &PairConfig::default()).1
    }

    fn feature(features: &Features, name: &str) -> f64 {
        features.0[FEATURES.iter().position(|f| *f == name).unwrap()]
    }

    #[test]
    fn the_embedded_model_weighs_every_feature() {
        let model = &*MODEL;
        assert!(model.agree_at > 0.0 && model.agree_at < 1.0);
    }

    #[test]
    fn a_table_without_a_feature_is_refused() {
        let err = Model::parse("bias 0\nagree_at 0.5\nsimilarity 1\n").unwrap_err();
        assert!(err.contains("right_said_by_left"), "{err}");
        let err = Model::parse("bias 0\nagree_at 0.5\nsize 1\n").unwrap_err();
        assert!(err.contains("unknown feature `size`"), "{err}");
    }

    #[test]
    fn swapping_the_texts_swaps_only_the_directed_shares() {
        let (a, b) = (
            "Police arrested two men in Leeds on Friday.",
            "Two men were arrested.",
        );
        let (ab, ba) = (features(a, b), features(b, a));
        for (i, name) in FEATURES.iter().enumerate() {
            match *name {
                "right_said_by_left" => assert_eq!(ab.0[i], feature(&ba, "left_said_by_right")),
                "left_said_by_right" => assert_eq!(ab.0[i], feature(&ba, "right_said_by_left")),
                _ => assert!((ab.0[i] - ba.0[i]).abs() < 1e-12, "{name}"),
            }
        }
        assert!(feature(&ab, "right_said_by_left") > feature(&ab, "left_said_by_right"));
    }

    #[test]
    fn names_and_numbers_unmatched() {
        // A name opening one text is matched by the same word elsewhere in the other.
        let same = features(
            "Smith paid $5 million for the house.",
            "The house cost Smith $5 million.",
        );
        assert_eq!(feature(&same, "numbers_unmatched"), 0.0);
        assert_eq!(feature(&same, "names_unmatched"), 0.0);
        let other = features(
            "The house was sold to Smith for $5 million.",
            "The house was sold to Jones for $7 million.",
        );
        assert_eq!(feature(&other, "numbers_unmatched"), 1.0);
        assert_eq!(feature(&other, "names_unmatched"), 1.0);
    }

    #[test]
    fn more_detail_on_one_side_still_states_the_same_claim() {
        let model = &*MODEL;
        let same = features(
            "The Food and Drug Administration approved the drug on Tuesday for adults with \
             severe asthma.",
            "The FDA approved the drug for adults with severe asthma.",
        );
        let other = features(
            "The Food and Drug Administration approved the drug on Tuesday for adults with \
             severe asthma.",
            "Shares of the drug maker rose 4 percent in early trading.",
        );
        assert!(model.same_claim(&same), "{}", model.probability(&same));
        assert!(!model.same_claim(&other), "{}", model.probability(&other));
    }
}
