//! The fitted decision of which scored statement pairs state the same claim, and how sure it is.
//!
//! Two articles about one event share their topic everywhere: every sentence names the same
//! people and the same deal, so a similarity threshold links statements that share a story rather
//! than a claim. Whether a pair is linked is decided instead by a small logistic model over named
//! [`FEATURES`] of the pair: its similarity, how it ranks among each statement's candidates, how
//! far it stands out from the background, how much *specific* content it shares (words rare
//! in the two documents, numbers, names), and the story cosine of the two statements (a TF-IDF
//! cosine in which the story's own words weigh about nothing). Its weights are data,
//! `data/linking.tsv`, written by `scripts/fit_linking.py` from labelled article pairs; a person
//! can read which feature counts how much, and the model's probability is the pair's
//! confidence.

use std::sync::LazyLock;

/// The features of a candidate pair, in the order [`Features`] holds them: the names
/// `data/linking.tsv` gives weights to.
pub const FEATURES: [&str; FEATURE_COUNT] = [
    "similarity",
    "share_of_better_best",
    "share_of_lesser_best",
    "mutual_best",
    "above_background",
    "anchors",
    "anchored_share",
    "rare_shared",
    "rare_share",
    "numbers_shared",
    "names_shared",
    "shorter_length",
    "longer_length",
    "quotation",
    "denies",
    "story_cosine",
    "story_mutual_best",
    "story_cosine_by_lesser_share",
    "story_above_background",
    "similarity_near_the_lead",
];

pub const FEATURE_COUNT: usize = 20;

/// A candidate pair's feature values, each in about 0..1, in [`FEATURES`] order. Every feature
/// is the same whichever statement is on the left, so that swapping LEFT and RIGHT mirrors the
/// report.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f64; FEATURE_COUNT]);

/// What is known of a scored candidate pair, from which its [`Features`] are made.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    pub similarity: f64,
    /// The best similarity of the left statement, and of the right one, to any candidate.
    pub best: (f64, f64),
    /// The mean similarity of each statement to the other side's statements but this one.
    pub background: f64,
    /// Distinct terms firmly matched, the smaller count of the two directions.
    pub anchors: usize,
    /// Content terms of each statement.
    pub terms: (usize, usize),
    /// Terms found in at most two statements of the two documents that have a firm match on
    /// the other side, and how many such rare terms the sparer statement has.
    pub rare_shared: usize,
    pub rare_fewest: usize,
    pub numbers_shared: usize,
    pub names_shared: usize,
    pub quotation: bool,
    /// Whether one statement denies what the other says ([`crate::align::Denies`]).
    pub denies: bool,
    /// The pair's [`crate::similarity::story_cosine`], and the best story cosine of its left
    /// statement, and of its right one, to any candidate.
    pub story_cosine: f64,
    pub story_best: (f64, f64),
    /// The mean story cosine of each statement to the other side's statements but this one, the
    /// larger of the two: how much a statement shares with everything on its topic.
    pub story_background: f64,
    /// Where each statement stands among its article's claims (0 for the first; furniture is
    /// not counted, nor a further copy of a sentence, which is scored once), when alignment weighs the whole articles: news is written as an inverted
    /// pyramid, and two outlets' opening sentences tell the same core of the event, in words
    /// that often differ ("DNC files lawsuit over election interference." / "The Democratic
    /// National Committee is suing the Russian government, ..."). The feature weighs the
    /// pair's similarity by it rather than the place alone: a place alone also lowered every
    /// pair further down, and cost the seeds two of their pairs. `None` for the hand rules
    /// and pair mode, where a sentence has no place in a story.
    pub places: Option<(usize, usize)>,
}

/// Competitive linking: a pair must reach this share of the best similarity of one of its two
/// statements. A statement's best partner comes first; a further partner is linked only when it
/// is nearly as good (a long sentence that holds two short claims), so that no statement
/// becomes a hub for everything on its topic. On the real-news gold, with the model fitted
/// without it: pair F1 0.601 at no limit, 0.602 at 0.7, 0.596 at 0.75, 0.554 at 0.9; own
/// fixtures 0.812, 0.821, 0.818, 0.814.
pub const FURTHER_PARTNER_SHARE: f64 = 0.7;

impl Evidence {
    /// The pair's similarity as a share of the better of its two statements' best similarities.
    pub fn share_of_best(&self) -> f64 {
        let (left, right) = self.shares();
        left.max(right)
    }

    /// The pair's similarity as a share of its left statement's best similarity, and of its
    /// right statement's (0 when a statement has none).
    fn shares(&self) -> (f64, f64) {
        let share = |best: f64| {
            if best > 0.0 {
                (self.similarity / best).min(1.0)
            } else {
                0.0
            }
        };
        (share(self.best.0), share(self.best.1))
    }

    pub fn features(&self) -> Features {
        let capped = |count: usize, cap: usize| count.min(cap) as f64 / cap as f64;
        let length = |terms: usize| ((1 + terms) as f64).ln() / 50f64.ln();
        let shorter = self.terms.0.min(self.terms.1);
        let mutual = self.similarity >= self.best.0 && self.similarity >= self.best.1;
        let shares = self.shares();
        let story_share = |best: f64| {
            if best > 0.0 {
                (self.story_cosine / best).min(1.0)
            } else {
                0.0
            }
        };
        let story_lesser_share = story_share(self.story_best.0).min(story_share(self.story_best.1));
        Features([
            self.similarity,
            shares.0.max(shares.1),
            shares.0.min(shares.1),
            f64::from(u8::from(mutual)),
            self.similarity - self.background,
            capped(self.anchors, 6),
            if shorter == 0 {
                0.0
            } else {
                (self.anchors as f64 / shorter as f64).min(1.0)
            },
            capped(self.rare_shared, 4),
            if self.rare_fewest == 0 {
                0.0
            } else {
                (self.rare_shared as f64 / self.rare_fewest as f64).min(1.0)
            },
            capped(self.numbers_shared, 2),
            capped(self.names_shared, 3),
            length(shorter),
            length(self.terms.0.max(self.terms.1)),
            f64::from(u8::from(self.quotation)),
            f64::from(u8::from(self.denies)),
            self.story_cosine,
            f64::from(u8::from(
                self.story_cosine > 0.0 && story_lesser_share >= 1.0,
            )),
            self.story_cosine * story_lesser_share,
            self.story_cosine - self.story_background,
            // The similarity itself for two openings, a half of it when the later of the two is
            // the second claim, and so on: a similar pair near the lead, not any pair there.
            self.places.map_or(0.0, |(left, right)| {
                self.similarity / (1 + left.max(right)) as f64
            }),
        ])
    }
}

/// The fitted model: a weight per feature, a bias, and the confidence from which a pair is
/// linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: [f64; FEATURE_COUNT],
    /// Pairs at or above this confidence are linked.
    pub link_at: f64,
}

impl Model {
    /// The probability that the pair states the same claim (or contradicts it).
    pub fn confidence(&self, features: &Features) -> f64 {
        crate::logistic::probability(self.bias, &self.weights, &features.0)
    }

    /// Reads the model's table ([`crate::logistic::Table`]): `bias`, `link_at`, and a weight
    /// per feature.
    pub fn parse(text: &str) -> Result<Model, String> {
        let table = crate::logistic::Table::parse(text, &FEATURES, "link_at")?;
        Ok(Model {
            bias: table.bias,
            weights: table.weights,
            link_at: table.threshold,
        })
    }
}

/// The model the binary carries, fitted by `scripts/fit_linking.py`.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_str!("../data/linking.tsv")).expect("data/linking.tsv is a valid model")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_weighs_every_feature() {
        let model = &*MODEL;
        assert!(model.link_at > 0.0 && model.link_at < 1.0);
    }

    #[test]
    fn a_table_without_a_feature_is_refused() {
        let err = Model::parse("bias 0\nlink_at 0.5\nsimilarity 1\n").unwrap_err();
        assert!(err.contains("share_of_better_best"), "{err}");
        let err = Model::parse("bias 0\nlink_at 0.5\nsize 1\n").unwrap_err();
        assert!(err.contains("unknown feature `size`"), "{err}");
    }

    /// The value of the named feature.
    fn feature(evidence: &Evidence, name: &str) -> f64 {
        evidence.features().0[FEATURES.iter().position(|f| *f == name).unwrap()]
    }

    #[test]
    fn the_story_features_read_the_cosine_its_bests_and_its_background() {
        let evidence = Evidence {
            story_cosine: 0.5,
            story_best: (0.5, 0.8),
            story_background: 0.2,
            ..Evidence::default()
        };
        assert_eq!(feature(&evidence, "story_cosine"), 0.5);
        // Best of its left statement, not of its right one: not each other's best.
        assert_eq!(feature(&evidence, "story_mutual_best"), 0.0);
        // 0.5 times the lesser share, 0.5 / 0.8.
        assert!((feature(&evidence, "story_cosine_by_lesser_share") - 0.3125).abs() < 1e-12);
        assert!((feature(&evidence, "story_above_background") - 0.3).abs() < 1e-12);
        let best_both = Evidence {
            story_best: (0.5, 0.5),
            ..evidence
        };
        assert_eq!(feature(&best_both, "story_mutual_best"), 1.0);
        // No cosine at all: no best, no share, no division by zero.
        let none = Evidence::default().features();
        assert!(none.0.iter().all(|v| v.is_finite()));
        assert_eq!(feature(&Evidence::default(), "story_mutual_best"), 0.0);
    }

    #[test]
    fn a_similar_pair_counts_for_more_the_nearer_both_stand_to_their_leads() {
        let at = |places| Evidence {
            similarity: 0.6,
            places,
            ..Evidence::default()
        };
        let near_the_lead = |places| feature(&at(places), "similarity_near_the_lead");
        assert_eq!(near_the_lead(Some((0, 0))), 0.6);
        // The later of the two places counts, whichever side it is on.
        assert!((near_the_lead(Some((0, 2))) - 0.2).abs() < 1e-12);
        assert_eq!(near_the_lead(Some((2, 0))), near_the_lead(Some((0, 2))));
        // No place (the hand rules, pair mode, or the order-free configuration): no credit.
        assert_eq!(near_the_lead(None), 0.0);
    }

    #[test]
    fn a_pair_that_shares_more_is_more_confident() {
        let weak = Evidence {
            similarity: 0.3,
            best: (0.6, 0.6),
            background: 0.2,
            anchors: 1,
            terms: (10, 12),
            ..Evidence::default()
        };
        let strong = Evidence {
            similarity: 0.7,
            best: (0.7, 0.7),
            background: 0.2,
            anchors: 5,
            terms: (10, 12),
            rare_shared: 3,
            rare_fewest: 4,
            ..Evidence::default()
        };
        let model = &*MODEL;
        assert!(model.confidence(&strong.features()) > model.confidence(&weak.features()));
    }
}
