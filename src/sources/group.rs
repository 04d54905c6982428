//! Statements of many sources -> claims: the statements that state the same claim, grouped
//! without chaining.
//!
//! The rule is average linkage over the pairwise agreements, with a strict majority: two groups
//! of statements become one claim only when more than half of the pairs they would form between
//! statements of different sources agree (the two-source comparison linked them, with `agree`).
//! Agreement is not transitive, and one link never joins two groups by itself: "A agrees with B"
//! and "B agrees with C" put A and C in one claim only when A agrees with C too (of the pairs
//! A-C and B-C, one agrees: half, not more). A statement joins a claim of several statements
//! when it agrees with most of them. Agreements are taken surest first (by the linking model's
//! confidence), so where a statement could join either of two groups it joins the one it is
//! surest about.
//!
//! Why not every pair (complete linkage): on the real-news events, where two articles often say
//! one thing in two sentences, a claim of five sources rarely has every one of its pairs linked,
//! and complete linkage split claims the pairwise comparisons agree on. Scored on the pairs the
//! claims imply between two sources (`scripts/multi_consistency.py`), complete linkage lost
//! 0.095 of the pairwise comparisons' pair F1, the strict majority 0.025.
//!
//! A claim holds at most [`MAX_PER_SOURCE`] statements of one source: a source that says the
//! same thing twice (a headline and its first sentence) keeps both in the claim. Statements of
//! one source are never compared with each other: no comparison of the two-source pipeline pairs
//! them.

use std::collections::{HashMap, HashSet};

use super::Member;

/// At most this many statements of one source in one claim: a headline, a lead and a summary
/// line may all state it; more than that is a source that says many things alike, which one
/// claim should not swallow.
pub const MAX_PER_SOURCE: usize = 3;

/// Two groups merge when more than this share of their pairs of statements of different sources
/// agree: more than half, so that a single link between two groups of two never joins them.
pub const MAJORITY: f64 = 0.5;

/// Two statements of different sources that agree, and how sure the linking model is that they
/// speak of the same claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    pub members: (Member, Member),
    pub confidence: f64,
}

/// Groups `statements` into claims along `agreements` (see the module's rule), never putting
/// the two statements of a pair of `apart` (statements that disagree) in one claim. Every
/// statement is in exactly one claim; pairs of statements not listed are ignored. Claims come
/// with their members in order, sorted by their first member.
pub fn group(
    statements: &[Member],
    agreements: &[Agreement],
    apart: &[(Member, Member)],
) -> Vec<Vec<Member>> {
    let index: HashMap<Member, usize> = statements
        .iter()
        .enumerate()
        .map(|(i, &member)| (member, i))
        .collect();
    let mut edges: Vec<(usize, usize, f64)> = agreements
        .iter()
        .filter(|a| a.members.0.source != a.members.1.source)
        .filter_map(|a| {
            let (x, y) = (*index.get(&a.members.0)?, *index.get(&a.members.1)?);
            Some((x.min(y), x.max(y), a.confidence))
        })
        .collect();
    // Surest first; ties in statement order, so the claims never depend on the input's order.
    edges.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let agree: HashSet<(usize, usize)> = edges.iter().map(|&(x, y, _)| (x, y)).collect();
    let agrees = |x: usize, y: usize| agree.contains(&(x.min(y), x.max(y)));
    let apart: HashSet<(usize, usize)> = apart
        .iter()
        .filter_map(|(a, b)| {
            let (x, y) = (*index.get(a)?, *index.get(b)?);
            Some((x.min(y), x.max(y)))
        })
        .collect();

    let mut claim_of: Vec<usize> = (0..statements.len()).collect();
    let mut claims: Vec<Vec<usize>> = (0..statements.len()).map(|i| vec![i]).collect();
    for (x, y, _) in edges {
        let (cx, cy) = (claim_of[x], claim_of[y]);
        if cx == cy {
            continue;
        }
        let source = |i: usize| statements[i].source;
        let (mut cross, mut agreeing, mut disagreeing) = (0usize, 0usize, false);
        for &u in &claims[cx] {
            for &v in &claims[cy] {
                if source(u) != source(v) {
                    cross += 1;
                    agreeing += usize::from(agrees(u, v));
                    disagreeing |= apart.contains(&(u.min(v), u.max(v)));
                }
            }
        }
        let most_pairs_agree = !disagreeing && agreeing as f64 > MAJORITY * cross as f64;
        let mut per_source: HashMap<usize, usize> = HashMap::new();
        for &i in claims[cx].iter().chain(&claims[cy]) {
            *per_source.entry(source(i)).or_default() += 1;
        }
        if !most_pairs_agree || per_source.values().any(|&n| n > MAX_PER_SOURCE) {
            continue;
        }
        let (keep, gone) = if claims[cx].len() >= claims[cy].len() {
            (cx, cy)
        } else {
            (cy, cx)
        };
        let moved = std::mem::take(&mut claims[gone]);
        for &i in &moved {
            claim_of[i] = keep;
        }
        claims[keep].extend(moved);
    }
    let mut grouped: Vec<Vec<Member>> = claims
        .into_iter()
        .filter(|claim| !claim.is_empty())
        .map(|claim| {
            let mut members: Vec<Member> = claim.into_iter().map(|i| statements[i]).collect();
            members.sort_unstable();
            members
        })
        .collect();
    grouped.sort_unstable();
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(source: usize, id: usize) -> Member {
        Member { source, id }
    }

    fn agreement(a: (usize, usize), b: (usize, usize), confidence: f64) -> Agreement {
        Agreement {
            members: (member(a.0, a.1), member(b.0, b.1)),
            confidence,
        }
    }

    fn claims(statements: &[(usize, usize)], agreements: &[Agreement]) -> Vec<Vec<(usize, usize)>> {
        claims_apart(statements, agreements, &[])
    }

    /// Two statements, (source, id) each, that must not share a claim.
    type Apart = ((usize, usize), (usize, usize));

    fn claims_apart(
        statements: &[(usize, usize)],
        agreements: &[Agreement],
        apart: &[Apart],
    ) -> Vec<Vec<(usize, usize)>> {
        let statements: Vec<Member> = statements.iter().map(|&(s, i)| member(s, i)).collect();
        let apart: Vec<(Member, Member)> = apart
            .iter()
            .map(|&(a, b)| (member(a.0, a.1), member(b.0, b.1)))
            .collect();
        group(&statements, agreements, &apart)
            .into_iter()
            .map(|claim| claim.into_iter().map(|m| (m.source, m.id)).collect())
            .collect()
    }

    #[test]
    fn agreement_does_not_chain() {
        // A agrees with B and B with C, but A does not agree with C: the surer pair is a claim,
        // C stays apart.
        let found = claims(
            &[(0, 0), (1, 0), (2, 0)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((1, 0), (2, 0), 0.8),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (1, 0)], vec![(2, 0)]]);
        // The same links the other way round: the surer pair wins again.
        let found = claims(
            &[(0, 0), (1, 0), (2, 0)],
            &[
                agreement((0, 0), (1, 0), 0.7),
                agreement((1, 0), (2, 0), 0.8),
            ],
        );
        assert_eq!(found, [vec![(0, 0)], vec![(1, 0), (2, 0)]]);
    }

    #[test]
    fn a_statement_that_agrees_with_most_of_a_claim_joins_it() {
        // D agrees with B and C but not with A: two of three.
        let found = claims(
            &[(0, 0), (1, 0), (2, 0), (3, 0)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((0, 0), (2, 0), 0.9),
                agreement((1, 0), (2, 0), 0.9),
                agreement((3, 0), (1, 0), 0.8),
                agreement((3, 0), (2, 0), 0.8),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (1, 0), (2, 0), (3, 0)]]);
        // One link between two claims of two never joins them.
        let found = claims(
            &[(0, 0), (1, 0), (2, 0), (3, 0)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((2, 0), (3, 0), 0.9),
                agreement((1, 0), (2, 0), 0.8),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (1, 0)], vec![(2, 0), (3, 0)]]);
    }

    #[test]
    fn statements_that_disagree_are_never_one_claim() {
        // D agrees with B and C but disagrees with A: most pairs agree, one disagrees.
        let statements = [(0, 0), (1, 0), (2, 0), (3, 0)];
        let agreements = [
            agreement((0, 0), (1, 0), 0.9),
            agreement((0, 0), (2, 0), 0.9),
            agreement((1, 0), (2, 0), 0.9),
            agreement((3, 0), (1, 0), 0.8),
            agreement((3, 0), (2, 0), 0.8),
        ];
        let found = claims_apart(&statements, &agreements, &[((0, 0), (3, 0))]);
        assert_eq!(found, [vec![(0, 0), (1, 0), (2, 0)], vec![(3, 0)]]);
    }

    #[test]
    fn statements_that_all_agree_are_one_claim() {
        let found = claims(
            &[(0, 0), (1, 0), (2, 0), (2, 1)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((1, 0), (2, 0), 0.8),
                agreement((0, 0), (2, 0), 0.6),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (1, 0), (2, 0)], vec![(2, 1)]]);
    }

    #[test]
    fn a_source_that_repeats_itself_keeps_both_statements_in_the_claim() {
        let found = claims(
            &[(0, 0), (0, 1), (1, 0)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((0, 1), (1, 0), 0.8),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (0, 1), (1, 0)]]);
        // ... but not beyond MAX_PER_SOURCE statements of one source.
        let many: Vec<(usize, usize)> = (0..=MAX_PER_SOURCE).map(|id| (0, id)).collect();
        let agreements: Vec<Agreement> = many
            .iter()
            .map(|&(s, id)| agreement((s, id), (1, 0), 0.9 - id as f64 / 100.0))
            .collect();
        let statements = [many.clone(), vec![(1, 0)]].concat();
        let found = claims(&statements, &agreements);
        assert_eq!(found[0].len(), MAX_PER_SOURCE + 1);
        assert_eq!(found[1], [(0, MAX_PER_SOURCE)]);
    }

    #[test]
    fn a_statement_joins_a_claim_only_if_it_agrees_with_most_of_it() {
        // A1 agrees with B but not with C, which is in the claim already: half, not more.
        let found = claims(
            &[(0, 0), (0, 1), (1, 0), (2, 0)],
            &[
                agreement((0, 0), (1, 0), 0.9),
                agreement((0, 0), (2, 0), 0.9),
                agreement((1, 0), (2, 0), 0.9),
                agreement((0, 1), (1, 0), 0.5),
            ],
        );
        assert_eq!(found, [vec![(0, 0), (1, 0), (2, 0)], vec![(0, 1)]]);
    }

    #[test]
    fn every_statement_is_in_exactly_one_claim() {
        let statements = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)];
        let found = claims(
            &statements,
            &[
                agreement((0, 0), (1, 1), 0.4),
                agreement((0, 1), (1, 1), 0.6),
                agreement((1, 0), (2, 0), 0.5),
                // Not a listed statement: ignored.
                agreement((2, 7), (0, 0), 0.99),
            ],
        );
        let mut all: Vec<(usize, usize)> = found.concat();
        all.sort_unstable();
        assert_eq!(all, statements);
    }
}
