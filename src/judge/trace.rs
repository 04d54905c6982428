//! `--explain`: what the judge did with one pair, for the reader who asks "why is this a
//! disagreement?" and for the developer fixing a wrong verdict. Worked out only when asked, by
//! running the same checks and the same `combine` again, with notes kept.

use serde::Serialize;

use super::attribution::attribution_conflict;
use super::negation::{scoped_negations_noting, Scope};
use super::{asks_yes_or_no, combine, in_canonical_order, mirrored, Claim, CHECKS};
use crate::attribution::Speaker;
use crate::model::{Pair, Reason, Side};

/// What the judge did with one pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// Why no check ran, when none did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<&'static str>,
    /// Whether the checks read the pair as given or exchanged (they read it in a canonical
    /// order, so that exchanging the files changes nothing; findings are shown as given).
    pub order: &'static str,
    /// Each check of the table, in order, and what it found.
    pub checks: Vec<CheckTrace>,
    /// The rules of `combine` that decided which findings became reasons.
    pub rules: Vec<&'static str>,
    /// Negation words that deny nothing here, and why each was dropped.
    pub dropped_negations: Vec<DroppedCue>,
}

/// One check's run on a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckTrace {
    pub name: &'static str,
    /// False when `combine` did not ask it (refutation, once a negation or antonym fired).
    pub ran: bool,
    /// The explanations of what it found.
    pub found: Vec<String>,
}

/// A negation word the negation check dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedCue {
    pub side: Side,
    pub word: String,
    /// The exemption's name, or why the word denies nothing of the other side.
    pub because: &'static str,
}

/// Notes `combine` keeps while it works, for a trace.
#[derive(Debug, Default)]
pub(super) struct Notes {
    pub(super) found: Vec<(&'static str, Vec<Reason>)>,
    pub(super) rules: Vec<&'static str>,
}

/// The trace of [`super::judge_with_speakers`] on the same pair.
pub fn explain(claims: Pair<Claim>, speakers: Pair<Option<&Speaker>>) -> Trace {
    let mut dropped_negations = Vec::new();
    for (side, claim, other) in [
        (Side::Left, claims.left, claims.right),
        (Side::Right, claims.right, claims.left),
    ] {
        scoped_negations_noting(claim, other, Scope::Predicate, &mut |token, because| {
            dropped_negations.push(DroppedCue {
                side,
                word: claim.text[token.span.start..token.span.end].to_string(),
                because,
            });
        });
    }
    if asks_yes_or_no(claims.left) || asks_yes_or_no(claims.right) {
        return Trace {
            skipped: Some("a yes-or-no question asserts nothing"),
            order: "as given",
            checks: Vec::new(),
            rules: Vec::new(),
            dropped_negations,
        };
    }
    let canonical = in_canonical_order(claims);
    let mut notes = Notes::default();
    let reasons = if canonical {
        combine(claims, Some(&mut notes))
    } else {
        combine(claims.swapped(), Some(&mut notes))
    };
    let shown = |found: Vec<Reason>| -> Vec<String> {
        found
            .into_iter()
            .map(|r| if canonical { r } else { mirrored(r) })
            .map(|r| r.to_string())
            .collect()
    };
    let mut found: Vec<(&'static str, Vec<Reason>)> = notes.found;
    let checks = CHECKS
        .iter()
        .map(|check| {
            let at = found.iter().position(|(name, _)| *name == check.name);
            CheckTrace {
                name: check.name,
                ran: at.is_some(),
                found: at.map_or_else(Vec::new, |at| shown(std::mem::take(&mut found[at].1))),
            }
        })
        .collect();
    let mut rules = notes.rules;
    if !reasons.is_empty() && speakers.left.is_some() && speakers.right.is_some() {
        rules.push(if attribution_conflict(speakers).is_some() {
            "the speakers differ: attribution added"
        } else {
            "the speakers share a name: no attribution"
        });
    }
    Trace {
        skipped: None,
        order: if canonical { "as given" } else { "exchanged" },
        checks,
        rules,
        dropped_negations,
    }
}
