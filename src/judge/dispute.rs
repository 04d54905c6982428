//! Dispute: one source reports somebody denying what the other reports as claimed.
//!
//! Same-event news rarely contradicts itself in its own voice; it reports a dispute. "Trump has
//! strongly denied colluding with the Russians" and "the DNC says top officials in Trump's
//! campaign conspired with the Russian government" cannot both be true as the sources present
//! them, yet they share few words and neither negates the other's predicate, so the negation
//! check finds nothing. This check reads a reported denial — a denying verb ("denied",
//! "disputed"), or a negation inside reported speech ("said his campaign did not collude",
//! "NO COLLUSION") — and asks whether the other side asserts the denied act: the first content
//! words after the denial, names and numbers aside, matched firmly (the same word, its family,
//! a synonym: "collusion" / "colluded", "asking" / "asked").

use super::refutation::rejecting_verb;
use super::sentence::{clause_around, gap};
use super::words::says;
use super::{reason, token_evidence, Claim};
use crate::lexicon;
use crate::model::{Pair, Reason, ReasonKind};
use crate::normalize::{Token, TokenKind};

/// How many content words after a denial are read as the denied act: "denied [his campaign
/// colluded]", "disputed [some parts, including asking]".
const ACT_WORDS: usize = 3;

/// Whether a word negates a predicate in reported speech: "said his campaign did not collude",
/// "never", "didn't".
fn negates_a_predicate(lower: &str) -> bool {
    matches!(lower, "not" | "never") || lower.ends_with("n't") || lower.ends_with("n’t")
}

/// Words after a denial that say how, not what: "denied strongly", "no longer".
const NOT_THE_ACT: &[&str] = &[
    "longer", "matter", "doubt", "way", "one", "evidence", "proof",
];

/// The dispute between the two sides, when one reports a denial of an act the other asserts.
pub(super) fn dispute_conflicts(claims: Pair<Claim>) -> Vec<Reason> {
    match (
        denied_act_asserted(claims.left, claims.right),
        denied_act_asserted(claims.right, claims.left),
    ) {
        // Each side denies what the other asserts: two accounts, one dispute; reported once.
        (Some((cue, act, said)), _) => vec![reason(
            ReasonKind::Dispute,
            Pair::new(
                vec![
                    token_evidence(claims.left, cue),
                    token_evidence(claims.left, act),
                ],
                vec![token_evidence(claims.right, said)],
            ),
        )],
        (None, Some((cue, act, said))) => vec![reason(
            ReasonKind::Dispute,
            Pair::new(
                vec![token_evidence(claims.left, said)],
                vec![
                    token_evidence(claims.right, cue),
                    token_evidence(claims.right, act),
                ],
            ),
        )],
        (None, None) => Vec::new(),
    }
}

/// The denial cue of `denier`, the act it denies, and the word of `other` that asserts that act.
/// Not when `other` denies the same act too: both then report the denial ("Trump denied
/// colluding" / "Trump has strongly denied colluding"), even if one also says the claim.
fn denied_act_asserted<'a, 'b>(
    denier: Claim<'a>,
    other: Claim<'b>,
) -> Option<(&'a Token, &'a Token, &'b Token)> {
    denials(denier).into_iter().find_map(|(cue, act)| {
        let said = asserted_in(other, act)?;
        let denied_too = denials(other)
            .iter()
            .any(|(_, other_act)| says(other_act, act) || says(act, other_act));
        (!denied_too).then_some((cue, act, said))
    })
}

/// Each denial of `claim` with each act it denies, in text order.
fn denials<'a>(claim: Claim<'a>) -> Vec<(&'a Token, &'a Token)> {
    let tokens = claim.tokens;
    let reported = tokens
        .iter()
        .any(|t| lexicon::is_reporting_verb(&t.lower) || rejecting_verb(t));
    let mut found = Vec::new();
    for (i, cue) in tokens.iter().enumerate() {
        let written = &claim.text[cue.span.start..cue.span.end];
        let denial = lexicon::DENYING_VERBS.contains(&cue.lower.as_str())
            || written == "NO"
            || (reported && negates_a_predicate(&cue.lower));
        if denial {
            found.extend(denied_act(claim, i).into_iter().map(|act| (cue, act)));
        }
    }
    found
}

/// What the denial at `i` denies, in its clause: the first content word after it ("denied
/// colluding", "NO COLLUSION", "did not collude"); the next one too when the first is the subject
/// of a denied clause ("denied his campaign colluded"), and the first word of a list the clause
/// goes on to ("disputed some parts, including asking ..."). Names, numbers, reports ("denied
/// the allegations of collusion": the collusion is denied) and the manner of the denial are not
/// the act.
fn denied_act<'a>(claim: Claim<'a>, i: usize) -> Vec<&'a Token> {
    let tokens = claim.tokens;
    let mut act: Vec<&Token> = Vec::new();
    let mut wanted = 1;
    let mut k = i + 1;
    while k < tokens.len() && act.len() < ACT_WORDS {
        let gap = gap(claim, k - 1);
        let token = &tokens[k];
        if gap.contains(',') && token.lower == "including" {
            wanted = act.len() + 1;
            k += 1;
            continue;
        }
        if gap.contains([',', ';', ':', '.', '?', '!', '—']) {
            break;
        }
        if lexicon::is_negation_cue(&token.lower) {
            // "denied it was not ...": a double denial is another matter; "denied X and Moscow
            // denied Y": the next denial is read on its own.
            if act.is_empty() {
                return Vec::new();
            }
            break;
        }
        // A word in capitals is shouted, not a name: "NO COLLUSION".
        let written = &claim.text[token.span.start..token.span.end];
        let shouted = written.chars().all(|c| !c.is_lowercase());
        let counts = token.is_content()
            && matches!(token.kind, TokenKind::Content)
            && (!token.proper || shouted)
            && !lexicon::REPORT_NOUNS.contains(&token.lemma.as_str())
            && !lexicon::CERTAINTY_ADVERBS.contains(&token.lower.as_str())
            && !NOT_THE_ACT.contains(&token.lower.as_str())
            && !lexicon::is_reporting_verb(&token.lower);
        if counts && act.len() < wanted {
            if act.is_empty() && SUBJECT_OPENERS.contains(&tokens[k - 1].lower.as_str()) {
                wanted += 1;
            }
            act.push(token);
        }
        k += 1;
    }
    act
}

/// Words before a noun that make it the subject of a denied clause: "denied [his campaign]
/// colluded".
const SUBJECT_OPENERS: &[&str] = &["his", "her", "its", "their", "our"];

/// The token of `other` that asserts `act`: says it, and is not itself denied or negated in its
/// clause before it.
fn asserted_in<'b>(other: Claim<'b>, act: &Token) -> Option<&'b Token> {
    let tokens = other.tokens;
    let at = tokens.iter().position(|o| says(o, act))?;
    let clause_start = clause_around(other, at).start;
    // "may fail to deploy" does not assert the deploying either.
    let denied_there = tokens[clause_start..at].iter().any(|t| {
        lexicon::is_negation_cue(&t.lower) || rejecting_verb(t) || t.cues.non_occurrence()
    });
    (!denied_there).then_some(&tokens[at])
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use crate::model::ReasonKind;

    #[test]
    fn a_denial_disputes_the_claim_it_denies() {
        for (left, right) in [
            (
                "Mr. Trump has disputed some parts, including asking Mr. Comey to shut down an investigation into Mr. Flynn.",
                "Comey also recounted the moment Trump allegedly asked him to drop any investigation into Flynn.",
            ),
            (
                "Trump wrote that the memos show clearly that there was NO COLLUSION.",
                "Many Democrats claim that Trump tried to hold up the FBI's investigation into alleged collusion.",
            ),
            (
                "Trump has repeatedly said his campaign did not collude with the Russian government.",
                "The lawsuit says the campaign colluded with the Russian government.",
            ),
        ] {
            assert!(
                kinds(left, right).contains(&ReasonKind::Dispute)
                    || kinds(left, right).contains(&ReasonKind::Negation),
                "{left} / {right}: {:?}",
                kinds(left, right)
            );
        }
    }

    #[test]
    fn two_denials_or_a_denial_of_another_act_are_no_dispute() {
        for (left, right) in [
            (
                "Trump has repeatedly denied colluding with Russia.",
                "Trump has strongly denied colluding with the Russians.",
            ),
            (
                "Iran has denied seeking nuclear weapons, the minister said.",
                "The minister said Iran will keep its nuclear program.",
            ),
        ] {
            assert!(
                !kinds(left, right).contains(&ReasonKind::Dispute),
                "{left} / {right}: {:?}",
                kinds(left, right)
            );
        }
    }
}
