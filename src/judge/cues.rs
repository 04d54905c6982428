//! Negation words that say something other than a denial, shared by the negation and
//! refutation checks.

use super::sentence::gap;
use super::Claim;
use crate::lexicon;
use crate::normalize::Token;

/// Whether a token names a claim someone may deny or dismiss: a report ("the reports", "claims
/// that ...") or a concern, an idea, a charge. "Reports" is also a reporting verb, a stop word
/// kept as it is written: its singular is read too.
pub(super) fn names_a_claim(token: &Token) -> bool {
    let (lemma, lower) = (token.lemma.as_str(), token.lower.as_str());
    [lemma, lower.strip_suffix('s').unwrap_or(lower)]
        .iter()
        .any(|w| lexicon::REPORT_NOUNS.contains(w) || lexicon::DISMISSED_NOUNS.contains(w))
}

/// Whether the negation cue at `i` describes rather than denies: "false" or "wrong" before a
/// noun says what kind of thing it is ("false-statements charges", "the wrong address"), and
/// "in doubt" says something is uncertain.
pub(super) fn describes_not_denies(claim: Claim, i: usize) -> bool {
    let tokens = claim.tokens;
    match tokens[i].lower.as_str() {
        "false" | "wrong" => tokens.get(i + 1).is_some_and(|next| {
            next.is_content() && gap(claim, i).chars().all(|c| c.is_whitespace() || c == '-')
        }),
        "doubt" => i > 0 && tokens[i - 1].lower == "in",
        _ => false,
    }
}

/// Whether the negation cue at `i` is said under a modal of obligation or possibility ("must
/// never", "should have never", "may not"): a rule or a doubt, not a denial of a fact. A word of
/// non-occurrence under any modal is a possibility too ("the meeting could be canceled").
pub(super) fn modal_negation(claim: Claim, i: usize) -> bool {
    let cue = claim.tokens[i].lower.as_str();
    let non_occurrence = claim.tokens[i].cues.non_occurrence();
    let modal = |word: &str| {
        lexicon::NON_FACTUAL_MODALS.contains(&word)
            || (non_occurrence && lexicon::MODALS.contains(&word))
    };
    // Auxiliaries between the modal and the cue: "should have never", "could be canceled".
    let auxiliary = |word: &str| matches!(word, "have" | "has" | "be" | "been" | "not");
    modal(cue)
        || claim.tokens[..i]
            .iter()
            .rev()
            .take(3)
            .take_while(|t| !t.is_content() || auxiliary(t.lower.as_str()))
            .any(|t| modal(t.lower.as_str()))
}

/// Whether the negation cue at `i` negates a doubt ("there is no doubt", "without a doubt",
/// "did not doubt"): two denials that affirm.
pub(super) fn doubt_follows(claim: Claim, i: usize) -> bool {
    let word = |j: usize| claim.tokens.get(j).map(|t| t.lower.as_str());
    let is_doubt = |j: usize| word(j).is_some_and(|w| w.starts_with("doubt"));
    // WordNet's phrase "no doubt" is one token.
    let own_text = &claim.text[claim.tokens[i].span.start..claim.tokens[i].span.end];
    own_text.to_lowercase().contains("doubt")
        || is_doubt(i + 1)
        || (matches!(word(i + 1), Some("a" | "any")) && is_doubt(i + 2))
}

/// Whether a word is a negation on its own, the whole of a reply ("No.", "Nope", "It isn't"):
/// not, no, never, nope and contractions in n't.
pub(super) fn is_bare_negation(lower: &str) -> bool {
    lexicon::BARE_NEGATIONS.contains(&lower) || lexicon::ends_negative_contraction(lower)
}
