//! Finding which statements of one document speak about the same thing as which of the other.
//!
//! Alignment ignores order (articles tell a story in different orders) and is many-to-many: a
//! statement may agree with one statement of the other source and contradict another. Only
//! statement pairs that share at least one key are scored (inverted indexes over the keys of
//! both sides, asked both ways, at every size), so two long documents do not cost a full cross
//! product, and swapping them mirrors the result. Copies of one sentence are scored once.
//!
//! A scored pair is kept when it clears the threshold, when it stands out from the background
//! resemblance of its statements to the whole other document, *and* when it is close to the
//! best partner of one of its two statements. The second rule keeps "North Korea denies it" paired with both the
//! FBI's accusation and another outlet's report of the denial, while dropping the tail of weak
//! look-alikes that share a few topic words.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::linking;
use crate::model::{Pair, StatementId};
use crate::normalize::TokenKind;
use crate::progress::Progress;
use crate::similarity::{
    anchors, similarity, similarity_of, story_cosine, Matched, Matches, Profile, Weighed, Weights,
};

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
    /// How the scored candidate pairs that are linked are chosen.
    pub decision: Decision,
    /// Whether weak pairs between aligned neighbours are aligned too (`links_in_context`), and
    /// the fitted decision weighs where the two statements stand (`similarity_near_the_lead`):
    /// the rules that read the order of the statements.
    pub in_context: bool,
}

/// Whether, of the left statement of a pair (by id) and the right one, one denies what the
/// other says ([`crate::judge::denies_the_other`]). A claim and its denial share few words
/// ("denied colluding" / "conspired with"), yet they are the pair a reader most needs; the
/// linking model reads this as a feature.
pub type Denies<'a> = &'a (dyn Fn(StatementId, StatementId) -> bool + Sync);

/// No pair denies: for callers that align profiles without their statements' text.
pub fn never_denies(_: StatementId, _: StatementId) -> bool {
    false
}

/// What the judge tells alignment of a pair of statements (by id) that their words alone do
/// not show.
#[derive(Clone, Copy)]
pub struct Denials<'a> {
    /// Whether one denies what the other says: a feature of the linking model.
    pub denies: Denies<'a>,
    /// Whether one denies in so many words an act the other asserts
    /// ([`crate::judge::disputes_in_words`]): "Trump denied colluding" / "the DNC alleges the
    /// campaign conspired". Such a pair is linked when it reaches [`DISPUTE_SIMILARITY`],
    /// whether or not it is near either statement's best partner: a denial answers every
    /// statement of the claim it denies, and its best partner by words is most often another
    /// report of the same denial or a headline.
    pub disputes: Denies<'a>,
}

impl Denials<'_> {
    /// Nothing denies: for callers that align profiles without their statements' text.
    pub const NONE: Denials<'static> = Denials {
        denies: &never_denies,
        disputes: &never_denies,
    };
}

/// The least similarity at which a dispute in so many words ([`Denials::disputes`]) is linked:
/// the candidate floor, so every scored candidate. On the real-news gold (25 article pairs),
/// linking them at 0.10 / 0.15 / 0.20 / 0.25 gives disagree precision 0.522 / 0.523 / 0.487 /
/// 0.455 and recall 0.529 / 0.529 / 0.353 / 0.235; choosing the floor on four events and
/// scoring the fifth picks 0.10 or 0.15 (tied) for every event. The own fixtures break the tie
/// (overall 0.851 at 0.10, 0.842 at 0.15). What keeps a denial from meeting every statement on
/// its subject is the check itself ([`crate::judge::disputes_in_words`]), not the similarity.
pub const DISPUTE_SIMILARITY: f64 = 0.10;

/// The most content terms a statement of a dispute link has. A dispute is read between
/// sentences: in a run-on statement of hundreds of words a denying word meets a matching word
/// and a shared name by chance (4 KB lines of random words, 4,000 a side, made 9,000 such links
/// and took 63 s instead of 7). The statements of the news gold's disagreements have at most 32.
pub const DISPUTE_MOST_TERMS: usize = 64;

/// The confidence of a dispute link the model would not have linked: the share of such links
/// the real-news gold pairs (as agree or disagree, required or optional), 22 of 31.
pub const DISPUTE_CONFIDENCE: f64 = 0.71;

/// How alignment chooses, among the scored candidate pairs, the pairs it links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The fitted model of [`crate::linking`]: confidence at or above its `link_at`.
    Fitted,
    /// Hand rules: the threshold, the anchors, the background margins and `near_best`
    /// (`by_rules`). Pair mode judges two texts of a sentence each with them.
    Rules,
}

/// A scored statement pair, before the decision.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    link: Link,
    /// Whether the pair shares the terms [`AlignOptions::anchors`] asks (the hand rules).
    anchored: bool,
    evidence: linking::Evidence,
    /// Whether it is a dispute in so many words at [`DISPUTE_SIMILARITY`] or more
    /// ([`Denials::disputes`]), linked whatever the model says.
    disputed: bool,
}

/// What two statements share beyond their similarity: words rare in the two documents, numbers
/// and names, each firmly matched.
#[derive(Debug, Clone, Copy, Default)]
struct SharedContent {
    rare: usize,
    rare_fewest: usize,
    numbers: usize,
    names: usize,
}

/// A match at least this strong shares the word itself (or a synonym, or a near-miss spelling):
/// not an antonym, not another value of the same kind.
const FIRM_MATCH: f64 = 0.8;

impl SharedContent {
    /// What `a` and `b` share, counted from each side and the smaller count kept: the same
    /// whichever is on the left. `firm` holds, per term of each, whether the other matches it
    /// at least [`FIRM_MATCH`] strongly.
    fn of(
        a: &Profile,
        b: &Profile,
        firm: &(Vec<bool>, Vec<bool>),
        rare: (&[bool], &[bool]),
    ) -> SharedContent {
        let rare_in = |rare: &[bool]| rare.iter().filter(|&&r| r).count();
        let count = |terms: &[crate::similarity::Term], firm: &[bool], rare: &[bool]| {
            let mut shared = SharedContent::default();
            for ((term, &firm), &rare) in terms.iter().zip(firm).zip(rare) {
                if !firm {
                    continue;
                }
                shared.rare += usize::from(rare);
                shared.numbers += usize::from(matches!(
                    term.token.kind,
                    TokenKind::Number(_) | TokenKind::Weekday(_) | TokenKind::Month(_)
                ));
                shared.names += usize::from(term.token.proper);
            }
            shared
        };
        let from_a = count(&a.terms, &firm.0, rare.0);
        let from_b = count(&b.terms, &firm.1, rare.1);
        SharedContent {
            rare: from_a.rare.min(from_b.rare),
            rare_fewest: rare_in(rare.0).min(rare_in(rare.1)),
            numbers: from_a.numbers.min(from_b.numbers),
            names: from_a.names.min(from_b.names),
        }
    }
}

/// What a pair's own words give the model (its similarity, anchors and shared content), and its
/// anchors: the smaller count of firmly matched terms of the two directions. `weighed` are the
/// two statements' terms as the comparison weighs them.
fn own_evidence(
    profile: &Profile,
    other: &Profile,
    matches: Option<&Matches>,
    weighed: (&Weighed, &Weighed),
    similarity: f64,
) -> (linking::Evidence, usize) {
    // Every count below reads the same word-to-word matches: one pass over them.
    let matched = matches.map(|m| Matched::of(profile, other, m, FIRM_MATCH));
    let (forward, backward) = matched
        .as_ref()
        .map_or_else(|| (0, anchors(other, profile)), Matched::anchors);
    let shared = matched
        .map(|m| SharedContent::of(profile, other, &m.firm, (&weighed.0.rare, &weighed.1.rare)))
        .unwrap_or_default();
    let anchors = forward.min(backward);
    let evidence = linking::Evidence {
        similarity,
        anchors,
        terms: (profile.terms.len(), other.terms.len()),
        rare_shared: shared.rare,
        rare_fewest: shared.rare_fewest,
        numbers_shared: shared.numbers,
        names_shared: shared.names,
        quotation: profile.quotes || other.quotes,
        ..linking::Evidence::default()
    };
    (evidence, anchors)
}

/// The hand rules: a pair is kept when it clears the threshold and shares its anchors, when it
/// stands out from the background resemblance of its statements to the whole other document,
/// *and* when it is close to the best partner of one of its two statements.
fn by_rules(
    candidates: &[Candidate],
    options: AlignOptions,
    background: impl Fn(&Link) -> f64,
) -> Vec<Link> {
    let scored: Vec<Link> = candidates
        .iter()
        .filter(|c| c.anchored && c.link.similarity >= options.threshold)
        .map(|c| c.link)
        .collect();
    // Sized at once: the tables are made for every comparison, most of a link or two.
    let mut best_left: FxHashMap<StatementId, f64> =
        FxHashMap::with_capacity_and_hasher(scored.len(), Default::default());
    let mut best_right: FxHashMap<StatementId, f64> =
        FxHashMap::with_capacity_and_hasher(scored.len(), Default::default());
    for link in &scored {
        let l = best_left.entry(link.left).or_default();
        *l = l.max(link.similarity);
        let r = best_right.entry(link.right).or_default();
        *r = r.max(link.similarity);
    }
    // Two statements that are each other's closest match are likely the same claim told twice,
    // even in a story whose topic words make everything resemble everything: they need to stand
    // out from the background less than a pair one of whose statements prefers another partner.
    let is_mutual_best = |link: &Link| {
        link.similarity >= best_left[&link.left] && link.similarity >= best_right[&link.right]
    };
    scored
        .iter()
        .filter(|link| {
            let margin = if is_mutual_best(link) {
                options.mutual_above_background
            } else {
                options.above_background
            };
            link.similarity >= background(link) + margin
        })
        .filter(|link| {
            link.similarity >= options.near_best * best_left[&link.left]
                || link.similarity >= options.near_best * best_right[&link.right]
        })
        .copied()
        .collect()
}

/// An aligned statement pair before judging.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub left: StatementId,
    pub right: StatementId,
    pub similarity: f64,
    /// How sure the fitted linking model is that the two statements state the same claim (or
    /// contradict each other on it), 0..1 ([`crate::linking`]).
    pub confidence: f64,
    /// Aligned because its neighbours are (see `links_in_context`), not on its own words.
    pub in_context: bool,
}

/// How the statement pairs worth scoring are found. Both ways score the pairs an inverted index
/// over each side's informative keys proposes, asked from both sides (so swapping LEFT and RIGHT
/// mirrors the result); they differ only in the cut-offs. A pair that shares no key (only a
/// near-miss spelling, or two values of one kind) is a candidate on neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidates {
    /// Each statement's [`CANDIDATES_PER_STATEMENT`] best-sharing partners, each way, through
    /// keys found in at most [`MAX_POSTINGS`] statements: what every comparison uses, at every
    /// size.
    Indexed,
    /// Every pair that shares a key, nothing cut: the reference the cut-offs are checked against
    /// (on two articles the two give the same report), and what the linking model is fitted on.
    Exhaustive,
}

/// A key found in more statements of the right side than this proposes no candidates: it is a
/// topic word of the whole document ("said", "government", the main character's name), and a
/// pair sharing only such words would not clear the threshold anyway.
pub const MAX_POSTINGS: usize = 100;

/// How many candidates per statement, each way, are scored in full: the ones sharing the most
/// informative keys. Far more than a statement has true partners; few enough to keep long
/// documents fast. On the 100 news-events article pairs 24 changed 27 reports and 32 changed
/// 10 (a pair the cut drops still counts in its statements' background); 48 changes none.
pub const CANDIDATES_PER_STATEMENT: usize = 48;

/// A statement with more distinct content words than this is longer than a sentence of the
/// news coverage usually is (the longest have about 45; 0.5% have more than this): its
/// candidates are cut in proportion (see [`candidates_for`]).
pub const LONG_STATEMENT_TERMS: usize = 32;

/// The fewest candidates a statement has, each way, however long it is: more than the partners
/// a statement may keep (`MAX_PARTNERS`).
pub const MIN_CANDIDATES: usize = 8;

/// How many candidates a statement of `distinct_terms` content words has, each way. Scoring a
/// pair costs about the product of the two statements' words (up to [`SKETCH_TERMS`] each), so
/// a long statement is given fewer candidates, in the square of its length: whatever its
/// length, its scoring costs about what [`CANDIDATES_PER_STATEMENT`] candidates cost a statement
/// of [`LONG_STATEMENT_TERMS`] words. Text of paragraphs with no full stop (4 KB lines) is then
/// compared in time linear in its statements. The count depends on the statement alone, so
/// proposals asked from either side are cut alike.
///
/// [`SKETCH_TERMS`]: crate::similarity::SKETCH_TERMS
pub fn candidates_for(distinct_terms: usize) -> usize {
    if distinct_terms <= LONG_STATEMENT_TERMS {
        return CANDIDATES_PER_STATEMENT;
    }
    let shorter = LONG_STATEMENT_TERMS as f64 / distinct_terms as f64;
    ((CANDIDATES_PER_STATEMENT as f64 * shorter * shorter).ceil() as usize).max(MIN_CANDIDATES)
}

/// Aligns statements; `None` profiles (boilerplate) take no part. Links come sorted by left id,
/// then right id. The fitted decision reads the story cosine: give the profiles their story
/// words first ([`Profile::add_story_words`], as `compare` does), or its features are 0.
pub fn align(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
) -> Vec<Link> {
    align_with(
        left,
        right,
        weights,
        options,
        Candidates::Indexed,
        &crate::progress::Silent,
    )
}

/// [`align`], choosing how candidates are found and telling `progress` of each left statement
/// scored.
pub fn align_with(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
    candidates: Candidates,
    progress: &dyn Progress,
) -> Vec<Link> {
    align_keeping_sole_matches(
        left,
        right,
        weights,
        options,
        candidates,
        Denials::NONE,
        progress,
    )
    .0
}

/// The only pair of statements of two one-statement sides, as scored: its word matches and its
/// similarity.
pub struct SolePair {
    pub matches: Matches,
    pub similarity: f64,
}

/// [`align_with`], also handing back the word matches of the left statement with the right one,
/// and their similarity, when each side is one statement with a profile of some terms: a caller
/// that compares the two sides whole (pair mode) then has them already.
pub fn align_keeping_sole_matches(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
    candidates: Candidates,
    denials: Denials,
    progress: &dyn Progress,
) -> (Vec<Link>, Option<SolePair>) {
    let how = How {
        candidates,
        denials,
        keep_candidates: false,
    };
    let (links, sole_pair, _) = align_scored(left, right, weights, options, how, progress);
    (links, sole_pair)
}

/// Every candidate pair scored at or above the candidate floor, with its features and
/// confidence, in (left, right) order: what `scripts/fit_linking.py` fits the model on.
pub fn candidate_features(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
    denials: Denials,
) -> Vec<(Link, linking::Features)> {
    let how = How {
        candidates: Candidates::Exhaustive,
        denials,
        keep_candidates: true,
    };
    let silent = &crate::progress::Silent;
    let (_, _, candidates) = align_scored(left, right, weights, options, how, silent);
    candidates
        .into_iter()
        .map(|c| (c.link, c.evidence.features()))
        .collect()
}

/// How [`align_scored`] finds and scores candidates, and whether it hands them back.
struct How<'a> {
    candidates: Candidates,
    denials: Denials<'a>,
    keep_candidates: bool,
}

/// [`align_keeping_sole_matches`], also handing back the scored candidates when
/// `keep_candidates`.
fn align_scored(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    options: AlignOptions,
    how: How,
    progress: &dyn Progress,
) -> (Vec<Link>, Option<SolePair>, Vec<Candidate>) {
    let How {
        candidates,
        denials,
        keep_candidates,
    } = how;
    let denies = denials.denies;
    progress.stage("aligning", left.len() as u64);
    // Copies of one sentence are scored once, through their first statement; the links of the
    // first are handed to its copies at the end (`links_of_copies`). Repeated text then costs
    // what its distinct sentences cost, and each copy finds its own counterpart.
    let copies = Pair::new(Copies::of(left), Copies::of(right));
    let (left_all, right_all) = (left, right);
    let (left, right) = (
        copies.left.firsts_only(left_all),
        copies.right.firsts_only(right_all),
    );
    let (left, right): (&[Option<Profile>], &[Option<Profile>]) = (&left, &right);
    let sole_pair = left.len() == 1 && right.len() == 1;
    // Two texts of one statement each (pair mode) are compared whatever they share.
    let proposals = (!sole_pair).then(|| proposed_both_ways(left, right, candidates));
    // Each statement's terms weighed once, for all its candidates.
    let weigh = |side: &[Option<Profile>]| -> Vec<Weighed> {
        let weigh_one =
            |p: &Option<Profile>| p.as_ref().map(|p| weights.weigh(p)).unwrap_or_default();
        if crate::worth_sharing(side.len()) {
            side.par_iter().map(weigh_one).collect()
        } else {
            side.iter().map(weigh_one).collect()
        }
    };
    // One statement a side is weighed where it is: handing it to another thread costs more.
    let (weighed_left, weighed_right) = if sole_pair {
        (weigh(left), weigh(right))
    } else {
        rayon::join(|| weigh(left), || weigh(right))
    };
    let weighed = Pair::new(weighed_left, weighed_right);
    let count =
        |side: &[Option<Profile>]| side.iter().filter(|p| p.is_some()).count().max(1) as f64;
    let (n_left, n_right) = (count(left), count(right));

    // Each left statement is scored against its candidates in parallel; the sums of every
    // statement's similarities make the background below.
    struct Scores {
        candidates: Vec<Candidate>,
        /// Each left statement's summed and highest similarity to the right side.
        sum_left: Vec<(StatementId, f64, f64)>,
        sum_right: Vec<f64>,
        top_right: Vec<f64>,
        /// The only pair, when each side is one statement.
        sole_pair: Option<SolePair>,
    }
    impl Scores {
        fn empty(right: usize) -> Scores {
            Scores {
                candidates: Vec::new(),
                sum_left: Vec::new(),
                sum_right: vec![0.0; right],
                top_right: vec![0.0; right],
                sole_pair: None,
            }
        }
    }
    let score_left = |mut acc: Scores, left_id: StatementId| -> Scores {
        progress.advance(1);
        let Some(profile) = &left[left_id] else {
            return acc;
        };
        let candidates: Vec<StatementId> = match &proposals {
            None => (0..right.len()).collect(),
            Some(proposals) => proposals[left_id].clone(),
        };
        let (mut sum, mut top) = (0.0, 0.0f64);
        for right_id in candidates {
            let Some(other) = &right[right_id] else {
                continue;
            };
            // Anchoring reads the similarity's word-to-word matches where it asks them in
            // the same order.
            let (own, theirs) = (&weighed.left[left_id], &weighed.right[right_id]);
            let matches = (!profile.terms.is_empty() && !other.terms.is_empty())
                .then(|| Matches::weighed(profile, other, &own.weights, &theirs.weights));
            let score = matches
                .as_ref()
                .map_or(0.0, |m| similarity_of(profile, other, m));
            top = top.max(score);
            acc.top_right[right_id] = acc.top_right[right_id].max(score);
            if score >= options.threshold {
                // The background sums the candidates only: a pair the index does not
                // propose (nothing informative shared) and a pair scored below the
                // threshold count alike, so both ways of finding candidates agree.
                sum += score;
                acc.sum_right[right_id] += score;
                let (mut evidence, anchors) =
                    own_evidence(profile, other, matches.as_ref(), (own, theirs), score);
                if options.decision == Decision::Fitted {
                    evidence.story_cosine = story_cosine(profile, other, (own, theirs));
                }
                let shortest = profile.terms.len().min(other.terms.len());
                let needed = options.anchors.min(shortest.div_ceil(2)).max(1);
                acc.candidates.push(Candidate {
                    link: Link {
                        left: left_id,
                        right: right_id,
                        similarity: score,
                        confidence: 0.0,
                        in_context: false,
                    },
                    anchored: anchors >= needed,
                    evidence,
                    disputed: false,
                });
            }
            if sole_pair {
                acc.sole_pair = matches.map(|matches| SolePair {
                    matches,
                    similarity: score,
                });
            }
        }
        acc.sum_left.push((left_id, sum, top));
        acc
    };
    let merge = |mut a: Scores, b: Scores| -> Scores {
        a.candidates.extend(b.candidates);
        a.sum_left.extend(b.sum_left);
        for (x, y) in a.sum_right.iter_mut().zip(b.sum_right) {
            *x += y;
        }
        for (x, y) in a.top_right.iter_mut().zip(b.top_right) {
            *x = x.max(y);
        }
        a.sole_pair = a.sole_pair.or(b.sole_pair);
        a
    };
    // One left statement (a text of pair mode) is scored where it is: handing it to rayon cost
    // more than scoring it.
    let scores = if crate::worth_sharing(left.len()) {
        (0..left.len())
            .into_par_iter()
            .fold(|| Scores::empty(right.len()), &score_left)
            .reduce(|| Scores::empty(right.len()), merge)
    } else {
        (0..left.len()).fold(Scores::empty(right.len()), score_left)
    };
    let mut sum_left = vec![0.0f64; left.len()];
    let mut top_left = vec![0.0f64; left.len()];
    for (id, sum, top) in scores.sum_left {
        sum_left[id] = sum;
        top_left[id] = top;
    }
    let sum_right = scores.sum_right;
    let top_right = scores.top_right;
    let mut candidates = scores.candidates;
    candidates.sort_unstable_by_key(|c| (c.link.left, c.link.right));
    // Each statement's best story cosine among its candidates, how a pair ranks among the
    // statement's partners by specific content alone; and their sum, for its background.
    // The hand rules read no story cosine: their tables are left empty.
    let fitted = options.decision == Decision::Fitted;
    let story_sizes = if fitted {
        (left.len(), right.len())
    } else {
        (0, 0)
    };
    // Each statement's place among its side's claims, for the `similarity_near_the_lead`
    // feature. It reads the order of the statements, so it is off with the other rules that do.
    let by_place = fitted && options.in_context;
    let places_among_claims = |side: &[Option<Profile>]| -> Vec<usize> {
        if !by_place {
            return Vec::new();
        }
        let mut claims = 0;
        side.iter()
            .map(|profile| {
                let place = claims;
                claims += usize::from(profile.is_some());
                place
            })
            .collect()
    };
    let places = Pair::new(places_among_claims(left), places_among_claims(right));
    let mut story_top = Pair::new(vec![0.0f64; story_sizes.0], vec![0.0f64; story_sizes.1]);
    let mut story_sum = story_top.clone();
    if fitted {
        for candidate in &candidates {
            let (link, cosine) = (&candidate.link, candidate.evidence.story_cosine);
            story_top.left[link.left] = story_top.left[link.left].max(cosine);
            story_top.right[link.right] = story_top.right[link.right].max(cosine);
            story_sum.left[link.left] += cosine;
            story_sum.right[link.right] += cosine;
        }
    }

    // The background of a statement is its mean similarity to the *other* statements of the
    // other side: a pair is not measured against itself. A statement full of the story's topic
    // words resembles everything a little; its pairs must stand out from that background.
    let mean_without = |sum: f64, n: f64, own: f64| {
        if n > 1.0 {
            (sum - own) / (n - 1.0)
        } else {
            0.0
        }
    };
    let background = |link: &Link| {
        mean_without(sum_left[link.left], n_right, link.similarity).max(mean_without(
            sum_right[link.right],
            n_left,
            link.similarity,
        ))
    };
    // The same of the story cosine, `cosine` the pair's own.
    let story_background = |link: &Link, cosine: f64| {
        mean_without(story_sum.left[link.left], n_right, cosine).max(mean_without(
            story_sum.right[link.right],
            n_left,
            cosine,
        ))
    };
    let decide = |candidate: &mut Candidate| {
        let link = &candidate.link;
        candidate.evidence.best = (top_left[link.left], top_right[link.right]);
        if fitted {
            candidate.evidence.story_best =
                (story_top.left[link.left], story_top.right[link.right]);
            candidate.evidence.story_background =
                story_background(link, candidate.evidence.story_cosine);
        }
        if by_place {
            candidate.evidence.places = Some((places.left[link.left], places.right[link.right]));
        }
        candidate.evidence.background = background(link);
        // Whether one statement denies the other is the costliest feature (it reads both
        // statements' clauses), and most candidates are not linked whatever it says: it is asked
        // only where it could decide, or where every feature is wanted (fitting).
        let evidence = &mut candidate.evidence;
        let could_link = options.decision == Decision::Fitted
            && evidence.share_of_best() >= linking::FURTHER_PARTNER_SHARE
            && [false, true].into_iter().any(|denies| {
                let features = linking::Evidence {
                    denies,
                    ..*evidence
                }
                .features();
                linking::MODEL.confidence(&features) >= linking::MODEL.link_at
            });
        if keep_candidates || could_link {
            evidence.denies = denies(link.left, link.right);
        }
        let disputed = options.decision == Decision::Fitted
            && link.similarity >= DISPUTE_SIMILARITY
            && [&left[link.left], &right[link.right]].iter().all(|p| {
                p.as_ref()
                    .is_some_and(|p| p.distinct_terms <= DISPUTE_MOST_TERMS)
            })
            && (denials.disputes)(link.left, link.right);
        candidate.link.confidence = linking::MODEL.confidence(&evidence.features());
        candidate.disputed = disputed;
    };
    if crate::worth_sharing(candidates.len()) {
        candidates.par_iter_mut().for_each(decide);
    } else {
        candidates.iter_mut().for_each(decide);
    }
    let mut scored = match options.decision {
        Decision::Fitted => candidates
            .iter()
            .filter_map(|c| {
                let linked = c.link.confidence >= linking::MODEL.link_at
                    && c.evidence.share_of_best() >= linking::FURTHER_PARTNER_SHARE;
                match (linked, c.disputed) {
                    (true, _) => Some(c.link),
                    (false, true) => Some(Link {
                        confidence: c.link.confidence.max(DISPUTE_CONFIDENCE),
                        ..c.link
                    }),
                    (false, false) => None,
                }
            })
            .collect(),
        Decision::Rules => by_rules(&candidates, options, background),
    };
    let kept = if keep_candidates {
        candidates
    } else {
        Vec::new()
    };
    let sole_pair = scores.sole_pair;
    let finish = |scored: Vec<Link>| {
        let scored = with_exact_counterparts(scored, left, right, weights);
        let scored = at_most_partners(scored, MAX_PARTNERS);
        links_of_copies(scored, &copies)
    };
    if !options.in_context {
        return (finish(scored), sole_pair, kept);
    }
    let between = links_in_context(left, right, weights, &scored, (&top_left, &top_right))
        .into_iter()
        .filter(|link| link.similarity >= background(link) + options.mutual_above_background)
        .map(|link| {
            // Computed afresh rather than looked up among the candidates: the index need not
            // have proposed a pair its neighbours align.
            let (Some(a), Some(b)) = (&left[link.left], &right[link.right]) else {
                return link;
            };
            let (own, theirs) = (&weighed.left[link.left], &weighed.right[link.right]);
            let matches = Matches::weighed(a, b, &own.weights, &theirs.weights);
            let (mut evidence, _) =
                own_evidence(a, b, Some(&matches), (own, theirs), link.similarity);
            evidence.denies = denies(link.left, link.right);
            evidence.best = (top_left[link.left], top_right[link.right]);
            if fitted {
                evidence.story_cosine = story_cosine(a, b, (own, theirs));
                evidence.story_best = (story_top.left[link.left], story_top.right[link.right]);
                evidence.story_background = story_background(&link, evidence.story_cosine);
            }
            if by_place {
                evidence.places = Some((places.left[link.left], places.right[link.right]));
            }
            evidence.background = background(&link);
            Link {
                confidence: linking::MODEL.confidence(&evidence.features()),
                ..link
            }
        })
        .collect::<Vec<_>>();
    if !between.is_empty() {
        scored.extend(between);
        scored.sort_unstable_by_key(|link| (link.left, link.right));
    }
    (finish(scored), sole_pair, kept)
}

/// The most partners a statement keeps: a true claim is seldom told in more than a handful of
/// the other source's sentences (the news gold's busiest statement has 6), while a statement
/// that resembles everything on its topic would otherwise pair with all of it, and long or
/// repeated documents would report pairs by the million.
const MAX_PARTNERS: usize = 6;

/// The statements of one side grouped by wording: copies of one sentence.
struct Copies {
    /// For each statement with a profile, the first statement of its wording (itself when no
    /// earlier statement has it).
    first: Vec<Option<StatementId>>,
    /// The copies of each first statement that has some, in id order, the first included.
    of: FxHashMap<StatementId, Vec<StatementId>>,
}

impl Copies {
    fn of(side: &[Option<Profile>]) -> Copies {
        // A side of one statement (a text of pair mode) has no copies: no table to make.
        if side.len() < 2 {
            let first = side
                .iter()
                .enumerate()
                .map(|(id, profile)| profile.as_ref().map(|_| id))
                .collect();
            return Copies {
                first,
                of: FxHashMap::default(),
            };
        }
        let mut first_of_wording: FxHashMap<u64, StatementId> = FxHashMap::default();
        let mut of: FxHashMap<StatementId, Vec<StatementId>> = FxHashMap::default();
        let first = side
            .iter()
            .enumerate()
            .map(|(id, profile)| {
                let profile = profile.as_ref()?;
                let first = *first_of_wording.entry(profile.wording()).or_insert(id);
                if first != id {
                    of.entry(first).or_insert_with(|| vec![first]).push(id);
                }
                Some(first)
            })
            .collect();
        Copies { first, of }
    }

    /// The side with every copy but the first left out (as boilerplate is); borrowed when the
    /// side repeats nothing.
    fn firsts_only<'a>(
        &self,
        side: &'a [Option<Profile>],
    ) -> std::borrow::Cow<'a, [Option<Profile>]> {
        if self.of.is_empty() {
            return std::borrow::Cow::Borrowed(side);
        }
        std::borrow::Cow::Owned(
            side.iter()
                .zip(&self.first)
                .enumerate()
                .map(|(id, (profile, first))| profile.clone().filter(|_| *first == Some(id)))
                .collect(),
        )
    }

    /// The copies of a first statement, itself included.
    fn copies<'a>(&'a self, first: &'a StatementId) -> &'a [StatementId] {
        self.of
            .get(first)
            .map_or(std::slice::from_ref(first), Vec::as_slice)
    }
}

/// Links between first statements handed to their copies. The k-th copy on one side pairs with
/// the k-th on the other, up to the fewer copies of the two: a sentence written twice on both
/// sides gives two pairs, not four, and a lone sentence against many copies of its partner pairs
/// once, not once per copy. A copy left without a partner that way (its sentence is written
/// more often than any of its partners') pairs with the first copy of its surest partner: every
/// copy of a linked sentence is linked, and pairs stay fewer than statements times partners.
fn links_of_copies(links: Vec<Link>, copies: &Pair<Copies>) -> Vec<Link> {
    if copies.left.of.is_empty() && copies.right.of.is_empty() {
        return links;
    }
    let mut all = Vec::with_capacity(links.len());
    let mut paired = Pair::new(
        rustc_hash::FxHashSet::default(),
        rustc_hash::FxHashSet::default(),
    );
    for link in &links {
        let (lefts, rights) = (
            copies.left.copies(&link.left),
            copies.right.copies(&link.right),
        );
        for (&left, &right) in lefts.iter().zip(rights) {
            all.push(Link {
                left,
                right,
                ..*link
            });
            paired.left.insert(left);
            paired.right.insert(right);
        }
    }
    // The surest link of each first statement, as `at_most_partners` ranks them.
    let surest = |own: &dyn Fn(&Link) -> StatementId, partner: &dyn Fn(&Link) -> StatementId| {
        let mut best: FxHashMap<StatementId, &Link> = FxHashMap::default();
        for link in &links {
            let entry = best.entry(own(link)).or_insert(link);
            let better = link
                .confidence
                .total_cmp(&entry.confidence)
                .then(link.similarity.total_cmp(&entry.similarity))
                .then(partner(entry).cmp(&partner(link)));
            if better.is_gt() {
                *entry = link;
            }
        }
        best
    };
    for (first, link) in surest(&|l| l.left, &|l| l.right) {
        for &left in copies.left.copies(&first) {
            if !paired.left.contains(&left) {
                all.push(Link { left, ..*link });
            }
        }
    }
    for (first, link) in surest(&|l| l.right, &|l| l.left) {
        for &right in copies.right.copies(&first) {
            if !paired.right.contains(&right) {
                all.push(Link { right, ..*link });
            }
        }
    }
    all.sort_unstable_by_key(|link| (link.left, link.right));
    all
}

/// Statements that have a copy on the other side (the same wording) are linked to that copy,
/// whatever the model says, and two such statements are not linked to each other's copies: each
/// sentence both sources print word for word is paired with its own copy, however much another
/// copied sentence resembles it. Identical inputs then agree everywhere. A statement without a
/// copy still pairs with a copied one as the model decides ("He leaked classified information."
/// quoted by both, and paraphrased by one).
fn with_exact_counterparts(
    mut links: Vec<Link>,
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
) -> Vec<Link> {
    let right_of_wording: FxHashMap<u64, StatementId> = right
        .iter()
        .enumerate()
        .filter_map(|(id, p)| Some((p.as_ref()?.wording(), id)))
        .collect();
    let exact: Vec<(StatementId, StatementId)> = left
        .iter()
        .enumerate()
        .filter_map(|(id, p)| Some((id, *right_of_wording.get(&p.as_ref()?.wording())?)))
        .collect();
    if exact.is_empty() {
        return links;
    }
    let exact_set: rustc_hash::FxHashSet<(StatementId, StatementId)> =
        exact.iter().copied().collect();
    let (has_left, has_right): (rustc_hash::FxHashSet<_>, rustc_hash::FxHashSet<_>) =
        exact.iter().copied().unzip();
    links.retain(|link| {
        exact_set.contains(&(link.left, link.right))
            || !(has_left.contains(&link.left) && has_right.contains(&link.right))
    });
    for link in &mut links {
        if exact_set.contains(&(link.left, link.right)) {
            link.confidence = 1.0;
        }
    }
    for (l, r) in exact {
        if !links.iter().any(|link| (link.left, link.right) == (l, r)) {
            let (Some(a), Some(b)) = (&left[l], &right[r]) else {
                continue;
            };
            links.push(Link {
                left: l,
                right: r,
                similarity: similarity(a, b, weights),
                confidence: 1.0,
                in_context: false,
            });
        }
    }
    links.sort_unstable_by_key(|link| (link.left, link.right));
    links
}

/// The links each of whose statements counts it among its `most` surest (by confidence, then
/// similarity, then the partner's id): a statement's partners are bounded, the same way from
/// either side.
fn at_most_partners(links: Vec<Link>, most: usize) -> Vec<Link> {
    // No statement can have more partners than there are links: nothing to rank (a pair of
    // sentences has a link or none).
    if links.len() <= most {
        return links;
    }
    let rank_within = |key: &dyn Fn(&Link) -> (StatementId, StatementId)| {
        let mut order: Vec<usize> = (0..links.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            let (x, y) = (&links[a], &links[b]);
            let ((own_x, partner_x), (own_y, partner_y)) = (key(x), key(y));
            own_x
                .cmp(&own_y)
                .then(y.confidence.total_cmp(&x.confidence))
                .then(y.similarity.total_cmp(&x.similarity))
                .then(partner_x.cmp(&partner_y))
        });
        let mut rank = vec![0usize; links.len()];
        let mut previous: Option<StatementId> = None;
        let mut count = 0;
        for i in order {
            let own = key(&links[i]).0;
            if previous != Some(own) {
                previous = Some(own);
                count = 0;
            }
            rank[i] = count;
            count += 1;
        }
        rank
    };
    let by_left = rank_within(&|link| (link.left, link.right));
    let by_right = rank_within(&|link| (link.right, link.left));
    links
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| by_left[i] < most && by_right[i] < most)
        .map(|(_, link)| link)
        .collect()
}

/// Below this similarity a pair is not kept even in the context of aligned neighbours.
const CONTEXT_THRESHOLD: f64 = 0.15;

/// Pairs that are weak on their own words but sit between aligned neighbours: when the
/// statement before (or after) each of them is aligned with the other's, and the two are each
/// other's closest match, two sources are telling the same stretch of the story in the same
/// order, and the pair is the same claim put in other words ("both were taken to Pinecrest
/// Regional Medical Center, where they were treated for mild hypothermia and dehydration" /
/// "they were suffering from exposure and lack of water and were flown to a hospital in
/// Pinecrest"). One firm shared term is still required, and the pair must stand out from the
/// background as a mutual best pair must. Own fixtures overall: 0.780 without the rule, 0.789
/// with it (the same from 0.10 to 0.15, with or without the anchor); the seeds are unchanged.
///
/// Direct quotations take no part: on the real coverage of the ten news events (100 article
/// pairs, 2,701 pairs) the rule added 8 pairs, 6 of them wrong, and all but one of those held a
/// quotation — outlets put commentary quotes at like places after like paragraphs. Without
/// quotations it adds 1 pair there.
fn links_in_context(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    weights: &Weights,
    aligned: &[Link],
    (top_left, top_right): (&[f64], &[f64]),
) -> Vec<Link> {
    // A side of one statement has no neighbours (two texts of a sentence pair seldom have more).
    if left.len() < 2 || right.len() < 2 {
        return Vec::new();
    }
    // Neighbours skip boilerplate: a caption between two paragraphs does not break the story.
    let step = |side: &[Option<Profile>], from: StatementId, forward: bool| {
        let mut id = from;
        loop {
            id = if forward {
                id.checked_add(1).filter(|&next| next < side.len())?
            } else {
                id.checked_sub(1)?
            };
            if side[id].is_some() {
                return Some(id);
            }
        }
    };
    let linked: rustc_hash::FxHashSet<(StatementId, StatementId)> =
        aligned.iter().map(|link| (link.left, link.right)).collect();
    let mut found: Vec<Link> = Vec::new();
    for link in aligned {
        for forward in [false, true] {
            let (Some(l), Some(r)) = (
                step(left, link.left, forward),
                step(right, link.right, forward),
            ) else {
                continue;
            };
            if linked.contains(&(l, r)) || found.iter().any(|f| (f.left, f.right) == (l, r)) {
                continue;
            }
            let (Some(a), Some(b)) = (&left[l], &right[r]) else {
                continue;
            };
            if a.quotes || b.quotes {
                continue;
            }
            let score = similarity(a, b, weights);
            if score >= CONTEXT_THRESHOLD
                && score >= top_left[l]
                && score >= top_right[r]
                && anchors(a, b).min(anchors(b, a)) >= 1
            {
                found.push(Link {
                    left: l,
                    right: r,
                    similarity: score,
                    confidence: 0.0,
                    in_context: true,
                });
            }
        }
    }
    found
}

/// For each left statement, the right statements worth scoring with it: those the index over
/// the right side proposes for it, and those for which the index over the left side proposes
/// it. Asked both ways, the pairs are the same whichever document is LEFT, cut-offs included.
fn proposed_both_ways(
    left: &[Option<Profile>],
    right: &[Option<Profile>],
    candidates: Candidates,
) -> Vec<Vec<StatementId>> {
    let (of_right, of_left) = rayon::join(
        || Index::new(right, candidates),
        || Index::new(left, candidates),
    );
    let mut proposed: Vec<Vec<StatementId>> = left
        .par_iter()
        .map(|profile| {
            profile
                .as_ref()
                .map_or_else(Vec::new, |p| of_right.candidates(p))
        })
        .collect();
    let backwards: Vec<(StatementId, Vec<StatementId>)> = right
        .par_iter()
        .enumerate()
        .filter_map(|(id, profile)| Some((id, of_left.candidates(profile.as_ref()?))))
        .collect();
    for (right_id, lefts) in backwards {
        for left_id in lefts {
            proposed[left_id].push(right_id);
        }
    }
    for list in &mut proposed {
        list.sort_unstable();
        list.dedup();
    }
    proposed
}

/// An inverted index from the keys of the right side's statements to the statements.
struct Index {
    postings: FxHashMap<&'static str, Vec<StatementId>>,
    /// The summed informativeness of each right statement's distinct primary keys.
    mass: Vec<f64>,
    statements: f64,
    /// Whether [`MAX_POSTINGS`] and [`CANDIDATES_PER_STATEMENT`] apply ([`Candidates`]).
    cut: bool,
}

impl Index {
    fn new(right: &[Option<Profile>], candidates: Candidates) -> Index {
        let mut postings: FxHashMap<&'static str, Vec<StatementId>> = FxHashMap::default();
        for (id, profile) in right.iter().enumerate() {
            let Some(profile) = profile else { continue };
            for key in profile.posting_keys() {
                let list = postings.entry(key).or_default();
                // A key met twice in one statement is posted once.
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
        let statements = right.len().max(1) as f64;
        let informativeness = |key: &str| {
            postings
                .get(key)
                .map_or(0.0, |list| (1.0 + statements / list.len() as f64).ln())
        };
        let mass = right
            .iter()
            .map(|profile| {
                profile
                    .iter()
                    .flat_map(|p| p.keys())
                    .map(&informativeness)
                    .sum()
            })
            .collect();
        let cut = candidates == Candidates::Indexed;
        if cut {
            postings.retain(|_, list| list.len() <= MAX_POSTINGS);
        }
        Index {
            postings,
            mass,
            statements,
            cut,
        }
    }

    /// The right statements most likely to resemble `profile`: ranked by the informativeness of
    /// the keys they share with it, relative to both statements' own (a Dice coefficient over
    /// keys), cut at [`candidates_for`] its length, returned in id order.
    fn candidates(&self, profile: &Profile) -> Vec<StatementId> {
        let mut shared: FxHashMap<StatementId, f64> = FxHashMap::default();
        // A long statement has hundreds of keys: a set, not a list, tells which were seen. Sized
        // for a few keys a term at once: grown from empty, it was rehashed again and again.
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::with_capacity_and_hasher(
            4 * profile.terms.len(),
            Default::default(),
        );
        let mut own_mass = 0.0;
        for key in profile.query_keys() {
            if !seen.insert(key) {
                continue;
            }
            if let Some(list) = self.postings.get(key) {
                let informativeness = (1.0 + self.statements / list.len() as f64).ln();
                own_mass += informativeness;
                for &id in list {
                    *shared.entry(id).or_default() += informativeness;
                }
            }
        }
        let mut ranked: Vec<(StatementId, f64)> = shared
            .into_iter()
            .map(|(id, shared)| {
                (
                    id,
                    shared / (own_mass + self.mass[id]).max(f64::MIN_POSITIVE),
                )
            })
            .collect();
        let most = candidates_for(profile.distinct_terms);
        if self.cut && ranked.len() > most {
            ranked.select_nth_unstable_by(most - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(most);
        }
        let mut ids: Vec<StatementId> = ranked.into_iter().map(|(id, _)| id).collect();
        ids.sort_unstable();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::{at_most_partners, Link};
    use crate::{compare, Config, Doc, Relation};

    const LEFT: &str = "Two hikers were found alive on Mount Carver on Monday after three nights in the cold.\n\
        Both were taken to Pinecrest Regional Medical Center, where they were treated for mild hypothermia and dehydration.\n\
        The county will review how hiking permits are issued.\n";

    fn pairs(right: &str) -> Vec<(usize, usize)> {
        pairs_between(LEFT, right)
            .into_iter()
            .map(|(l, r, _)| (l, r))
            .collect()
    }

    fn pairs_between(left: &str, right: &str) -> Vec<(usize, usize, Relation)> {
        let report = compare(
            &Doc::from_text("left", left),
            &Doc::from_text("right", right),
            &Config::default(),
        );
        report
            .pairs
            .iter()
            .map(|p| (p.ids.left, p.ids.right, p.relation))
            .collect()
    }

    #[test]
    fn copies_pair_with_copies_one_to_one() {
        let text = "The bridge will close on Monday.\nThe bridge will close on Monday.\n";
        assert_eq!(
            pairs_between(text, text),
            [(0, 0, Relation::Agree), (1, 1, Relation::Agree)]
        );
    }

    #[test]
    fn every_copy_of_a_sentence_meets_its_contradiction() {
        let copies = "The bridge will close on Monday.\nThe bridge will close on Monday.\n";
        let denial = "The bridge will not close on Monday.\n";
        assert_eq!(
            pairs_between(copies, denial),
            [(0, 0, Relation::Disagree), (1, 0, Relation::Disagree)]
        );
        assert_eq!(
            pairs_between(denial, copies),
            [(0, 0, Relation::Disagree), (0, 1, Relation::Disagree)]
        );
    }

    #[test]
    fn a_sentence_both_sides_print_is_paired_with_its_copy_only() {
        // Both sentences appear word for word on both sides; each pairs with its own copy, not
        // with the other's, though the two contradict each other.
        let left = "The bridge will close on Monday.\nThe bridge will not close on Monday.\n";
        let right = "The bridge will not close on Monday.\nThe bridge will close on Monday.\n";
        assert_eq!(
            pairs_between(left, right),
            [(0, 1, Relation::Agree), (1, 0, Relation::Agree)]
        );
    }

    #[test]
    fn partners_are_bounded_alike_from_either_side() {
        let link = |left, right, confidence| Link {
            left,
            right,
            similarity: 0.5,
            confidence,
            in_context: false,
        };
        // Left 0 has three partners; at most two are kept, its surest ones.
        let links = vec![
            link(0, 0, 0.9),
            link(0, 1, 0.6),
            link(0, 2, 0.8),
            link(1, 2, 0.7),
        ];
        let kept: Vec<_> = at_most_partners(links.clone(), 2)
            .iter()
            .map(|l| (l.left, l.right))
            .collect();
        assert_eq!(kept, [(0, 0), (0, 2), (1, 2)]);
        // Swapping the sides keeps the same links, swapped.
        let swapped: Vec<Link> = links
            .iter()
            .map(|l| link(l.right, l.left, l.confidence))
            .collect();
        let mut kept_swapped: Vec<_> = at_most_partners(swapped, 2)
            .iter()
            .map(|l| (l.right, l.left))
            .collect();
        kept_swapped.sort_unstable();
        assert_eq!(kept_swapped, kept);
    }

    #[test]
    fn a_weak_pair_between_aligned_neighbours_is_aligned() {
        let right = "Two hikers were found alive on Mount Carver on Monday after three nights in the cold.\n\
            They were suffering from exposure and lack of water and were flown to a hospital in Pinecrest.\n\
            A bakery on Elm Street is giving away free bread this week.\n";
        assert_eq!(pairs(right), [(0, 0), (1, 1)]);
    }

    #[test]
    fn a_quotation_is_not_aligned_by_where_it_stands() {
        let right = "Two hikers were found alive on Mount Carver on Monday after three nights in the cold.\n\
            \"They were suffering from exposure and lack of water,\" a nurse in Pinecrest said.\n\
            A bakery on Elm Street is giving away free bread this week.\n";
        assert_eq!(pairs(right), [(0, 0)]);
    }
}
