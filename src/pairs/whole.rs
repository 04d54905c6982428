//! Pair mode's view of two texts read whole rather than statement by statement: how much they
//! share, how much of the claim the source says, and the relatedness estimate fitted on SICK.

use std::cell::OnceCell;

use crate::intern::{Sym, SymList};
use crate::judge::{term_says_at, FIRM_MATCH};
use crate::model::Pair;
use crate::normalize::{Token, TokenKind};
use crate::similarity::{similarity_of, Matches, Opposition, Profile, Term, Weights};
use crate::{Claims, Doc, SoleClaims};

/// What the two texts share, compared whole (not statement by statement, so that pairs that do
/// not align are graded too).
pub(super) struct WholeScores {
    /// [`similarity`] of the two texts.
    pub(super) similarity: f64,
    /// The weighted share of the right text's words the left one touches at all (see
    /// [`touches`]), and of the left's words the right touches.
    pub(super) touched: (f64, f64),
    /// Whether a word of one text is the opposite of a word of the other.
    pub(super) opposed: bool,
    /// What [`WholeScores::coverage`] reads.
    said: Said,
}

/// The two texts whole as [`said_share`] reads them: their profiles (the left text the source,
/// the right one the claim), their word matches each way, and their words' [`Ancestors`].
struct Said {
    source: Profile,
    claim: Profile,
    source_matches: Matches,
    claim_matches: Matches,
    source_ancestors: AncestorsOf,
    claim_ancestors: AncestorsOf,
}

/// The fitted blend behind the reported similarity, an estimate of SICK's 1–5 relatedness:
/// `R[0] + R[1]·∛s + R[2]·max(t) + R[3]·min(t) + R[4]·n·max(t) + R[5]·o`, where `s` is the
/// whole similarity, `t` the two touched shares, `n` 1 when only one text negates, `o` 1 when a
/// word of one is the opposite of a word of the other. The coefficients are a least-squares fit
/// on SICK train (4,500 pairs) against gold relatedness, checked on SICK trial; no other data
/// was looked at. Pearson with relatedness, train / trial: 0.655 / 0.680 with the former fixed
/// blend (half similarity, half mean said share); 0.659 / 0.686 refitting that blend; 0.734 /
/// 0.745 with these features but `s` itself; 0.763 / 0.766 with its cube root. Relatedness
/// rises fast with the first shared words and slowly after, hence the root (a fitted `s` and
/// `s²` gave 0.769 / 0.770 but peaked at `s` = 0.7, ranking a paraphrase above a copy). A
/// negation on one side only and an opposite word keep a pair related but lower it ("a man is
/// (not) playing" is rated about 3.5, not 5).
pub(super) const RELATEDNESS: [f64; 6] = [1.581, 1.847, 0.740, 0.460, -0.877, -0.699];

impl WholeScores {
    /// [`said_share`] of the right text by the left (how much of the claim the source says) and
    /// of the left text by the right (how much of the source the claim says). Worked out when
    /// asked: only the fitted decision reads them, and a pair a check finds in conflict
    /// disagrees whatever the decision says.
    pub(super) fn coverage(&self) -> (f64, f64) {
        let said = &self.said;
        (
            said_share(
                &said.claim,
                (&said.source, &said.source_ancestors),
                &said.claim_matches,
            ),
            said_share(
                &said.source,
                (&said.claim, &said.claim_ancestors),
                &said.source_matches,
            ),
        )
    }

    /// The reported similarity: the relatedness estimate scaled so that a text compared with
    /// itself gets 1 (the most the blend gives), clamped to 0–1. Scaling leaves Pearson as is.
    pub(super) fn relatedness(&self, one_side_negates: bool) -> f64 {
        let [intercept, root, most, least, negated, opposed] = RELATEDNESS;
        let (a, b) = self.touched;
        let (max, min) = (a.max(b), a.min(b));
        let estimate = intercept
            + root * self.similarity.cbrt()
            + most * max
            + least * min
            + negated * f64::from(u8::from(one_side_negates)) * max
            + opposed * f64::from(u8::from(self.opposed));
        let highest = intercept + root + most + least;
        ((estimate - 1.0) / (highest - 1.0)).clamp(0.0, 1.0)
    }
}

/// The two texts compared whole (see [`WholeScores`]). `sole` is what the comparison worked out
/// when each text is one claim: the texts taken whole are those claims.
pub(super) fn whole_text_scores(
    docs: &(Doc, Doc),
    claims: &mut Pair<Claims>,
    sole: Option<SoleClaims>,
) -> WholeScores {
    // The comparison made these profiles already when a text is one claim.
    let whole = |doc: &Doc, claims: &mut Claims| {
        claims
            .profile
            .take()
            .unwrap_or_else(|| Profile::new(&doc.text, &claims.tokens, None))
    };
    let source = whole(&docs.0, &mut claims.left);
    let claim = whole(&docs.1, &mut claims.right);
    // The alignment matched the words of two one-claim texts already, and weighed them over the
    // same two profiles; only an attribution is weighed differently whole.
    // Without an attribution, the weights and similarity are those of the alignment too.
    let (source_matches, similarity) = match sole {
        Some(SoleClaims {
            matches,
            similarity,
            attribution_weighed: false,
            ..
        }) => (matches, Some(similarity)),
        Some(SoleClaims {
            weights, matches, ..
        }) => (matches.reweighed(&source, &claim, &weights), None),
        None => {
            let weights = Weights::from_profiles([&source, &claim]);
            (Matches::new(&source, &claim, &weights), None)
        }
    };
    // The claim's words matched with the source's: how much they touch and how much of the
    // claim the source says both read these strengths.
    let claim_matches = source_matches.transposed(&source, &claim);
    // The more general words of each word, read once for all the words it is tested against.
    let (claim_ancestors, source_ancestors) = (AncestorsOf::default(), AncestorsOf::default());
    // Which word of the claim touches which word of the source: one pass over the word pairs
    // gives both directions. A word more general than the other touches it fully too, but that
    // is looked up only for words not yet fully touched: most words of a related pair have their
    // copy on the other side.
    let mut claim_touched = vec![0.0f64; claim.terms.len()];
    let mut source_touched = vec![0.0f64; source.terms.len()];
    let mut opposed = false;
    for (i, (c, claim_touched)) in claim.terms.iter().zip(&mut claim_touched).enumerate() {
        let row = claim_matches.row(i);
        // The row's strongest touch, kept in a register rather than stored at every word.
        let mut touched = *claim_touched;
        for ((s, &strength), source_touched) in
            source.terms.iter().zip(row).zip(&mut source_touched)
        {
            let (strength, opposite) = touches(strength, c, s);
            opposed |= opposite;
            // Strengths are never NaN: a plain comparison keeps the same maximum as `f64::max`,
            // cheaper.
            if strength > touched {
                touched = strength;
            }
            if strength > *source_touched {
                *source_touched = strength;
            }
        }
        *claim_touched = touched;
    }
    for (i, c) in claim.terms.iter().enumerate() {
        for (j, s) in source.terms.iter().enumerate() {
            if (claim_touched[i] < 1.0 || source_touched[j] < 1.0)
                && one_is_more_general(
                    (&c.token, claim_ancestors.of(&claim)[i]),
                    (&s.token, source_ancestors.of(&source)[j]),
                )
            {
                claim_touched[i] = 1.0;
                source_touched[j] = 1.0;
            }
        }
    }
    // The matches carry each word's weight already: read there rather than looked up again.
    let (claim_weights, source_weights) = claim_matches.weights();
    let share = |word_weights: &[f64], touched: &[f64]| {
        let mass: f64 = word_weights.iter().copied().sum();
        if mass == 0.0 {
            return 1.0;
        }
        let hit: f64 = word_weights.iter().zip(touched).map(|(w, x)| w * x).sum();
        hit / mass
    };
    let touched = (
        share(claim_weights, &claim_touched),
        share(source_weights, &source_touched),
    );
    WholeScores {
        similarity: similarity.unwrap_or_else(|| {
            if source.terms.is_empty() || claim.terms.is_empty() {
                0.0
            } else {
                similarity_of(&source, &claim, &source_matches)
            }
        }),
        touched,
        opposed,
        said: Said {
            source,
            claim,
            source_matches,
            claim_matches,
            source_ancestors,
            claim_ancestors,
        },
    }
}

/// How strongly two words are about the same thing, whatever they say of it: 1 when one says
/// the other ([`says`], either way; a more general word is looked up apart, see
/// [`one_is_more_general`]) or they are opposites, else their match `strength`
/// ([`crate::similarity::term_match`]); and whether they are opposites. Relatedness asks what
/// the texts are about, so "man" touches "woman" and "dog" touches "poodle" fully.
pub(super) fn touches(strength: f64, a: &Term, b: &Term) -> (f64, bool) {
    if strength >= FIRM_MATCH {
        return (1.0, false);
    }
    if a.may_oppose(b) && a.token.opposes(&b.token) {
        return (1.0, true);
    }
    (strength, false)
}

/// The [`Ancestors`] of each word of a profile, in term order, looked up when first asked: two
/// texts whose every word the other matches firmly (a claim quoted whole) need none.
#[derive(Default)]
pub(super) struct AncestorsOf(OnceCell<Vec<Ancestors>>);

impl AncestorsOf {
    /// The ancestors of the words of `profile`, the profile they are always asked of.
    pub(super) fn of(&self, profile: &Profile) -> &[Ancestors] {
        self.0.get_or_init(|| {
            profile
                .terms
                .iter()
                .map(|t| Ancestors::of(t.token.lemma))
                .collect()
        })
    }
}

/// A word's [`crate::thesaurus::ancestors`], with a summary of them in one word of bits: each
/// word of the list sets one bit, chosen by its address. A word whose bit is not set is not in
/// the list, known without reading it: the two texts' words are tested against each other's
/// more general words pair by pair, and most are in none.
#[derive(Clone, Copy)]
pub(super) struct Ancestors {
    list: SymList,
    bits: u64,
}

impl Ancestors {
    pub(super) fn of(lemma: Sym) -> Ancestors {
        let list = crate::thesaurus::ancestors(lemma);
        let bits = list.iter().fold(0, |bits, &word| bits | bit_of(word));
        Ancestors { list, bits }
    }

    /// Whether `word` is one of the more general words.
    pub(super) fn contains(&self, word: Sym) -> bool {
        self.bits & bit_of(word) != 0 && self.list.contains(&word)
    }
}

/// The bit of a word in an [`Ancestors`] summary.
fn bit_of(word: Sym) -> u64 {
    1 << ((word.address() >> 3) % 64)
}

/// Whether one of two words names the other more generally ("dog" / "poodle"), either way; each
/// word comes with its [`Ancestors`].
pub(super) fn one_is_more_general(
    (a, a_ancestors): (&Token, Ancestors),
    (b, b_ancestors): (&Token, Ancestors),
) -> bool {
    let content = |t: &Token| matches!(t.kind, TokenKind::Content);
    content(a) && content(b) && (b_ancestors.contains(a.lemma) || a_ancestors.contains(b.lemma))
}

/// How much of `claim`'s content `source` says: the weighted share of `claim`'s words that a word
/// of `source` says ([`says`]: the same meaning, a compatible number, or a more specific word).
/// 0 when a word of `claim` that `source` does not say is the opposite of one of `source`'s ("a
/// man is cooking" does not say "a woman is cooking").
/// `matches` are those of `claim` with `source` ([`Matches::new`] in that order), weighed as
/// in the comparison, and
/// `source_ancestors` the [`Ancestors`] of each word of `source`, looked up only when a word of
/// `claim` has no firm match.
pub(super) fn said_share(
    claim: &Profile,
    (source, source_ancestors): (&Profile, &AncestorsOf),
    matches: &Matches,
) -> f64 {
    let weight = matches.weights().0;
    let mass: f64 = weight.iter().copied().sum();
    if mass == 0.0 {
        return 1.0;
    }
    // Every more general word of the source's words, summarized: a word of the claim whose bit
    // is not set names none of them, and is said only by a firm match.
    let general_bits = OnceCell::new();
    // Likewise the source's opposition signatures: most words of the claim can oppose none of
    // its words, and are not tested against each.
    let source_opposition = Opposition::of(&source.terms);
    let mut said = 0.0;
    for (i, term) in claim.terms.iter().enumerate() {
        let firmly_matched = matches.row(i).iter().any(|&s| s >= FIRM_MATCH);
        let says_more_specifically = || {
            let ancestors = source_ancestors.of(source);
            let general_bits =
                *general_bits.get_or_init(|| ancestors.iter().fold(0, |bits, a| bits | a.bits));
            let may_be_more_general = general_bits & bit_of(term.token.lemma) != 0;
            let mut sources = source.terms.iter().zip(ancestors).enumerate();
            let says = |(j, (u, ancestors)): (usize, (&Term, &Ancestors))| {
                term_says_at(matches.strength(i, j), u, term, ancestors.list)
            };
            may_be_more_general && sources.any(says)
        };
        if firmly_matched || says_more_specifically() {
            said += weight[i];
        } else if source_opposition.may_oppose(term)
            && source
                .terms
                .iter()
                .any(|u| u.may_oppose(term) && u.token.opposes(&term.token))
        {
            return 0.0;
        }
    }
    said / mass
}
