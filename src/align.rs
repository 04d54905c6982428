//! Finding which statements of one document speak about the same thing as which of the other.
//!
//! Alignment ignores order (articles tell a story in different orders) and is many-to-many: a
//! statement may agree with one statement of the other source and contradict another. Only
//! statement pairs that share at least one key are scored (an inverted index over keys), so two
//! long documents do not cost a full cross product.
//!
//! A scored pair is kept when it clears the threshold, when it stands out from the background
//! resemblance of its statements to the whole other document, *and* when it is close to the
//! best partner of one of its two statements. The second rule keeps "North Korea denies it" paired with both the
//! FBI's accusation and another outlet's report of the denial, while dropping the tail of weak
//! look-alikes that share a few topic words.

use std::collections::HashMap;

use crate::model::StatementId;
use crate::similarity::{anchors, similarity, Profile, Weights};

/// Alignment settings; see [`crate::Config`] for the defaults and why.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Minimal similarity of an aligned pair.
    pub threshold: f64,
    /// A pair must reach this fraction of the best similarity of its left or its right statement.
    pub near_best: f64,
    /// Distinct terms each statement must share with the other (capped at half the shorter
    /// statement's terms, so "Turnout was 41%" can still pair).
    pub anchors: usize,
    /// How far a pair's similarity must exceed the mean similarity of each of its statements to
    /// all statements of the other side.
    pub above_background: f64,
    /// The same margin for a pair whose statements are each other's best match.
    pub mutual_above_background: f64,
}

/// An aligned statement pair before judging.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub left: StatementId,
    pub right: StatementId,
    pub similarity: f64,
}

/// Aligns statements; `None` profiles (boilerplate) take no part. Links come sorted by left id,
/// then right id.
pub fn align(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
) -> Vec<Link> {
    let mut index: HashMap<&str, Vec<StatementId>> = HashMap::new();
    for (id, profile) in right.iter().enumerate() {
        let Some(profile) = profile else { continue };
        for key in profile.all_keys() {
            index.entry(key).or_default().push(id);
        }
    }

    let mut scored: Vec<Link> = Vec::new();
    let mut sum_left = vec![0.0f64; left.len()];
    let mut sum_right = vec![0.0f64; right.len()];
    let count =
        |side: &[Option<Profile>]| side.iter().filter(|p| p.is_some()).count().max(1) as f64;
    let (n_left, n_right) = (count(left), count(right));
    let mut candidates: Vec<StatementId> = Vec::new();
    for (left_id, profile) in left.iter().enumerate() {
        let Some(profile) = profile else { continue };
        candidates.clear();
        for key in profile.all_keys() {
            if let Some(ids) = index.get(key) {
                candidates.extend_from_slice(ids);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &right_id in &candidates {
            let Some(other) = &right[right_id] else {
                continue;
            };
            let score = similarity(profile, other, weights);
            sum_left[left_id] += score;
            sum_right[right_id] += score;
            let shortest = profile.terms.len().min(other.terms.len());
            let needed = options.anchors.min(shortest.div_ceil(2)).max(1);
            if score >= options.threshold
                && anchors(profile, other).min(anchors(other, profile)) >= needed
            {
                scored.push(Link {
                    left: left_id,
                    right: right_id,
                    similarity: score,
                });
            }
        }
    }

    let mut best_left = vec![0.0f64; left.len()];
    let mut best_right = vec![0.0f64; right.len()];
    for link in &scored {
        best_left[link.left] = best_left[link.left].max(link.similarity);
        best_right[link.right] = best_right[link.right].max(link.similarity);
    }
    // A statement full of the story's topic words resembles everything a little; its pairs must
    // stand out from that background.
    // The background of a statement is its mean similarity to the *other* statements of the
    // other side: a pair is not measured against itself.
    let mean_without = |sum: f64, n: f64, own: f64| {
        if n > 1.0 {
            (sum - own) / (n - 1.0)
        } else {
            0.0
        }
    };
    // Two statements that are each other's closest match are likely the same claim told twice,
    // even in a story whose topic words make everything resemble everything: they need to stand
    // out from the background less than a pair one of whose statements prefers another partner.
    let is_mutual_best = |link: &Link| {
        link.similarity >= best_left[link.left] && link.similarity >= best_right[link.right]
    };
    let margins: Vec<f64> = scored
        .iter()
        .map(|link| {
            if is_mutual_best(link) {
                options.mutual_above_background
            } else {
                options.above_background
            }
        })
        .collect();
    let mut margin = margins.iter();
    scored.retain(|link| {
        let margin = margin.next().copied().unwrap_or(options.above_background);
        let background = mean_without(sum_left[link.left], n_right, link.similarity)
            .max(mean_without(sum_right[link.right], n_left, link.similarity));
        link.similarity >= background + margin
    });
    scored.retain(|link| {
        link.similarity >= options.near_best * best_left[link.left]
            || link.similarity >= options.near_best * best_right[link.right]
    });
    scored
}
