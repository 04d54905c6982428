//! Refutation: one statement calls what the other says false ("a hoax", "dismissed the
//! reports"), over the whole statement rather than the scope of a negation.

use super::cues::{describes_not_denies, is_bare_negation, modal_negation, names_a_claim};
use super::sentence::{asserted, clause_around, gap, index_of};
use super::words::says;
use super::{denial, negates, Claim};
use crate::lexicon;
use crate::model::{Pair, Reason, Span};
use crate::normalize::Token;

/// Content words a statement denying the one before it may add of its own: who denies it ("a
/// Warner Bros. spokesman"), not a claim of its own.
pub(super) const DENIER_WORDS: usize = 3;

/// Whether `claim` refutes the statement just before it, `before`, rather than a claim of its
/// own: "Reports said the bridge would close. Officials denied it." / "... The story is a hoax."
/// Its refuting word has no object of its own but a pronoun or a report ("denied it", "denied
/// the reports"), and it adds at most a few words the statement before does not say. Such a
/// statement speaks of whatever the one before speaks of, so the alignment pairs it along (see
/// `crate::compare`); judged on its own words it would be one-sided, and the article that
/// reports a claim only to deny it would seem to agree with the one that asserts it.
pub fn denies_the_statement_before(claim: Claim, before: Claim) -> bool {
    let cues = about_the_other(claim, refutations(claim), before);
    if cues.is_empty() {
        return false;
    }
    let refers_back = cues.iter().all(|cue| {
        let Some(i) = index_of(claim, cue) else {
            return false;
        };
        !cue.cues.rejecting_verb()
            || object_of_rejection(claim, i).is_none_or(|object| object.is_empty())
    });
    if !refers_back {
        return false;
    }
    let cue_spans: Vec<Span> = cues.iter().map(|c| c.span).collect();
    let own_words = claim
        .tokens
        .iter()
        .filter(|t| {
            t.is_content()
                && !cue_spans.contains(&t.span)
                && !lexicon::REPORT_NOUNS.contains(&t.lemma.as_str())
                && !before.tokens.iter().any(|o| says(o, t))
        })
        .count();
    own_words <= DENIER_WORDS
}

/// The refutation check alone (see `refutation_conflict`), for two texts that are about the
/// same claim without aligning statement to statement (pair mode).
pub fn refutation(claims: Pair<Claim>) -> Option<Reason> {
    refutation_conflict(claims)
}

/// One statement calls what the other asserts false: a hoax, a fake, debunked, denied, retracted
/// ([`lexicon::REFUTATION_CUES`]). Unlike a negation, such a word refutes the whole statement it
/// stands in, wherever it stands ("the shark photo is a fake", "Debunked: ..."); the pair being
/// aligned says the two are about the same claim. Not a conflict when both sides refute or the
/// other side negates too.
pub(super) fn refutation_conflict(claims: Pair<Claim>) -> Option<Reason> {
    let (left, right) = (
        about_the_other(claims.left, refutations(claims.left), claims.right),
        about_the_other(claims.right, refutations(claims.right), claims.left),
    );
    if left.is_empty() == right.is_empty() {
        return None;
    }
    let other = if left.is_empty() {
        claims.left
    } else {
        claims.right
    };
    if negates(other) {
        return None;
    }
    Some(denial(claims, &left, &right))
}

/// Content words just before a bare negation that say what it denies (see [`about_the_other`]).
pub(super) const DENIED_BEFORE: usize = 3;

/// The refutation cues of `claim` that refute what `other` says. A refuting word ("a hoax")
/// calls its whole statement false. A bare negation ("Probably not.", "It's not.", "is not
/// true") denies what was just said before it: "Will the bridge close in May? Probably not."
/// refutes "the bridge will close in May", but "The announcement sounds like a victory for the
/// U.S. It's not." refutes only the victory, not the announcement another statement reports. So
/// the other statement must say most of the last few content words before such a cue (when
/// there are any: "No, the bridge will stay open" denies what follows).
pub(super) fn about_the_other<'a>(
    claim: Claim<'a>,
    cues: Vec<&'a Token>,
    other: Claim,
) -> Vec<&'a Token> {
    cues.into_iter()
        .filter(|cue| {
            let lower = cue.lower.as_str();
            if cue.cues.rejecting_verb() {
                let at = index_of(claim, cue);
                return at.is_none_or(|i| rejects_what_the_other_says(claim, i, other));
            }
            if !is_bare_negation(lower) {
                return true;
            }
            // "It should never have been made": a rule, not a verdict on the claim.
            let at = index_of(claim, cue);
            if at.is_some_and(|i| modal_negation(claim, i)) {
                return false;
            }
            let before: Vec<&Token> = claim
                .tokens
                .iter()
                .take_while(|t| t.span.start < cue.span.start)
                .filter(|t| {
                    t.is_content() && !lexicon::CERTAINTY_ADVERBS.contains(&t.lower.as_str())
                })
                .collect();
            let denied = &before[before.len().saturating_sub(DENIED_BEFORE)..];
            let said = denied
                .iter()
                .filter(|w| other.tokens.iter().any(|o| says(o, w)))
                .count();
            denied.is_empty() || 2 * said >= denied.len()
        })
        .collect()
}

/// How many content words of a denied or rejected object the other statement is checked for
/// (see [`rejects_what_the_other_says`]).
pub(super) const REJECTED_WORDS: usize = 5;

/// Whether the denying or rejecting verb at `i` ("denied", "dismissed") rejects what `other`
/// says. Unlike "a hoax", such a verb refutes its object, not its whole statement: "Denying any
/// financial motivation, Perez said the lawsuit ..." refutes nothing about the lawsuit, and "Iran
/// has denied seeking nuclear weapons" nothing about "Netanyahu disparages the nuclear deal". So
/// the other side must say at least half of the object's first few content words; a report
/// ("denied the report", "dismissed claims that ...") stands for the claim and is skipped. With no
/// object in its clause ("which Trump denies", "Police denied."), the verb rejects what was said
/// just before it, as a bare negation does (see [`about_the_other`]).
pub(super) fn rejects_what_the_other_says(claim: Claim, i: usize, other: Claim) -> bool {
    let said = |words: &[&Token]| {
        let said = words
            .iter()
            .filter(|w| other.tokens.iter().any(|o| says(o, w)))
            .count();
        words.is_empty() || 2 * said >= words.len()
    };
    match object_of_rejection(claim, i) {
        // "denies he will play Batman" rejects nothing "he will play Steve Jobs" says: a name
        // in the object that the other side does not name makes it another claim.
        Some(object) => {
            said(&object)
                && !object
                    .iter()
                    .any(|w| w.proper && !other.tokens.iter().any(|o| says(o, w)))
        }
        None => {
            let before: Vec<&Token> = claim.tokens[..clause_around(claim, i).start]
                .iter()
                .filter(|t| t.is_content())
                .collect();
            said(&before[before.len().saturating_sub(DENIED_BEFORE)..])
        }
    }
}

/// What the denying or rejecting verb at `i` rejects, as its first few content words (see
/// [`rejects_what_the_other_says`]): `None` when its clause names nothing after it ("which
/// Trump denies", "denied it"), empty for a bare report ("denied the report": the claim stands
/// for itself), and the words of the claim a report is of ("dismissed reports that the bridge
/// would close").
pub(super) fn object_of_rejection<'a>(claim: Claim<'a>, i: usize) -> Option<Vec<&'a Token>> {
    let tokens = claim.tokens;
    let clause = clause_around(claim, i);
    let reports = |k: usize| names_a_claim(&tokens[k]);
    // A report stands for the claim it reports, not for a word of it: "denies Jobs role
    // rumours" rejects what "Bale will play Jobs" says.
    let content_from = |from: usize| -> Vec<&'a Token> {
        (from..clause.end)
            .filter(|&k| tokens[k].is_content() && !reports(k))
            .map(|k| &tokens[k])
            .take(REJECTED_WORDS)
            .collect()
    };
    // "denied it on Friday": the pronoun is the object, what follows is detail.
    // ("Denied that ..." opens the claim denied.)
    if i + 1 < clause.end && matches!(tokens[i + 1].lower.as_str(), "it" | "this" | "them" | "so") {
        return None;
    }
    let first = (i + 1..clause.end).find(|&k| tokens[k].is_content() || reports(k))?;
    if reports(first) {
        // "denied the report" stands for the claim; "dismissed reports that the bridge would
        // close" says which one.
        let content = (first + 1..clause.end)
            .find(|&k| matches!(tokens[k].lower.as_str(), "that" | "of" | "about"));
        return Some(content.map_or_else(Vec::new, |k| content_from(k + 1)));
    }
    Some(content_from(first))
}

/// The refutation cues of a claim that call what it reports false: a refuting word, a rejecting
/// verb whose object is a report ("dismissed the reports"), or a negated truth word ("the video is
/// not real"); in an asserted clause, not negated themselves ("not a hoax", "no doubt"), not in a
/// question ("Is the video fake?"), and not an adjective saying what kind of thing a noun is
/// ("fake passports", "no real progress"; but "a false report").
pub(super) fn refutations<'a>(claim: Claim<'a>) -> Vec<&'a Token> {
    let tokens = claim.tokens;
    if !tokens.iter().any(|t| t.cues.may_refute()) {
        return Vec::new();
    }
    let breaks = |i: usize| gap(claim, i).contains([',', ';', '—', ':', '.', '?', '!']);
    // The words after `i` in its clause, at most `n`.
    let next_in_clause = |i: usize, n: usize| {
        (i + 1..tokens.len().min(i + 1 + n)).take_while(move |&j| !breaks(j - 1))
    };
    let lemma_in = |j: usize, list: &[&str]| list.contains(&tokens[j].lemma.as_str());
    // An adjective before a noun: "fake passports", "real progress"; "a false report" refutes.
    let names_a_kind = |i: usize| {
        tokens.get(i + 1).is_some_and(|next| {
            next.is_content()
                && gap(claim, i).chars().all(char::is_whitespace)
                && !lexicon::REPORT_NOUNS.contains(&next.lemma.as_str())
        })
    };
    // "A fraud" calls something false; "tax fraud charges", "charged with fraud" name a crime.
    let names_a_crime = |i: usize| {
        tokens[i].lower == "fraud"
            && (names_a_kind(i)
                || !(i.saturating_sub(2)..i)
                    .any(|j| matches!(tokens[j].lower.as_str(), "a" | "an")))
    };
    let refuting_word = |i: usize| {
        let lower = tokens[i].lower.as_str();
        // A word naming a kind of thing ("fake passports", "fraud charges") refutes nothing.
        // Asked of the cues only: the questions read the clause around the word.
        lexicon::REFUTATION_CUES.contains(&lower)
            && !((lexicon::REFUTING_ADJECTIVES.contains(&lower) && names_a_kind(i))
                || names_a_crime(i)
                || describes_not_denies(claim, i))
    };
    let rejects_a_report = |i: usize| {
        lemma_in(i, lexicon::REJECTING_VERBS)
            && next_in_clause(i, 3).any(|j| lemma_in(j, lexicon::REPORT_NOUNS))
    };
    let denies_truth = |i: usize| {
        tokens[i].cues.negation()
            && next_in_clause(i, 2).any(|j| {
                (lemma_in(j, lexicon::TRUTH_WORDS) && !names_a_kind(j))
                    || lemma_in(j, lexicon::EVIDENCE_WORDS)
            })
    };
    // "He made it up": the claim was invented.
    let made_up = |i: usize| {
        lexicon::MAKE_FORMS.contains(&tokens[i].lower.as_str())
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "it" | "that" | "this" | "everything"))
            && tokens.get(i + 2).is_some_and(|t| t.lower == "up")
    };
    // "Probably not.", "No, ...", "It didn't.": a negation alone in its clause (but for function
    // words and an adverb of certainty) denies the claim the text makes before or after it;
    // "who voted no" is a vote, and "No. 1" a rank.
    let elliptical = |i: usize| {
        if !is_bare_negation(&tokens[i].lower) || super::negation::abbreviates_number(claim, i) {
            return false;
        }
        let start = clause_around(claim, i).start;
        let alone = |j: usize| {
            j == i
                || !tokens[j].is_content()
                || lexicon::CERTAINTY_ADVERBS.contains(&tokens[j].lower.as_str())
        };
        (start..i).all(alone) && next_in_clause(i, usize::MAX - i - 1).all(alone)
    };
    let candidates: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            refuting_word(i)
                || rejects_a_report(i)
                || denies_truth(i)
                || elliptical(i)
                || made_up(i)
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let asserted = asserted(claim);
    let negated = |i: usize| {
        (i.saturating_sub(3)..i)
            .rev()
            .take_while(|&j| !breaks(j))
            .any(|j| tokens[j].cues.negation())
    };
    let in_question = |i: usize| {
        let mut j = i;
        while j + 1 < tokens.len() && !gap(claim, j).contains(['.', '?', '!']) {
            j += 1;
        }
        let after = if j + 1 < tokens.len() {
            gap(claim, j)
        } else {
            &claim.text[tokens[j].span.end..]
        };
        after.trim_start().starts_with('?')
            || after.trim_start().starts_with(['"', '\'', '”', '’', ')']) && after.contains('?')
    };
    // "may be fake", "was allegedly doctored": a doubt, not a verdict.
    let hedged = |i: usize| {
        (0..i)
            .rev()
            .take_while(|&j| !breaks(j))
            .any(|j| lexicon::MODAL_HEDGES.contains(&tokens[j].lower.as_str()))
    };
    candidates
        .into_iter()
        .filter(|&i| {
            asserted[i] && (denies_truth(i) || !negated(i)) && !in_question(i) && !hedged(i)
        })
        .map(|i| &tokens[i])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{judge_texts, kinds};
    use super::super::Claim;
    use super::refutations;
    use crate::model::{ReasonKind, Relation};
    use crate::normalize::tokenize;

    /// The refutation check starts from these lists; `lexicon::may_refute`, asked first of every
    /// word, must let each through, or the check would never see it.
    #[test]
    fn the_prefilter_lets_through_every_word_a_refutation_starts_on() {
        let as_written = crate::lexicon::REFUTATION_CUES
            .iter()
            .chain(crate::lexicon::NEGATION_CUES)
            .chain(crate::lexicon::BARE_NEGATIONS)
            .chain(crate::lexicon::MAKE_FORMS)
            .chain(&["isn't", "didn’t"]);
        for word in as_written {
            assert!(crate::lexicon::may_refute(word, ""), "{word}");
        }
        for verb in crate::lexicon::REJECTING_VERBS {
            assert!(crate::lexicon::may_refute("", verb), "{verb}");
        }
    }

    #[test]
    fn calling_the_claim_false_refutes_it_wherever_the_word_stands() {
        for (refuting, asserting) in [
            (
                "The photo of a shark swimming on a flooded highway is a hoax.",
                "A shark was photographed swimming on a flooded highway.",
            ),
            (
                "Debunked: the mayor resigned over the parking scandal.",
                "The mayor resigned over the parking scandal.",
            ),
            (
                "The council retracted its report that the bridge would close in May.",
                "The bridge will close in May, the council reported.",
            ),
            (
                "A false report says the singer died in a car crash.",
                "The singer died in a car crash.",
            ),
            (
                "The label dismissed reports that the singer died in a car crash.",
                "The singer died in a car crash.",
            ),
            (
                "The video of the singer's car crash is not real.",
                "A video shows the singer's car crash.",
            ),
        ] {
            let judged = judge_texts(refuting, asserting);
            assert_eq!(judged.relation, Relation::Disagree, "{refuting}");
            assert_eq!(judged.reasons[0].kind, ReasonKind::Negation);
            assert!(!judged.reasons[0].evidence.left.is_empty(), "{refuting}");
            // Either order gives the same verdict, evidence mirrored.
            let mirrored = judge_texts(asserting, refuting);
            assert_eq!(mirrored.relation, Relation::Disagree, "{refuting}");
        }
    }

    #[test]
    fn a_denial_refutes_only_what_it_denies() {
        // The object denied is not what the other side says.
        assert!(kinds(
            "Denying any financial motivation, Perez said the lawsuit had been taking shape for months.",
            "Democrats sue Russia and the Trump campaign over the 2016 election."
        )
        .is_empty());
        assert!(kinds(
            "Iran has denied ever seeking nuclear weapons.",
            "Netanyahu disparages the Iran nuclear agreement."
        )
        .is_empty());
        assert!(kinds(
            "Mueller may have found evidence of collusion with Russia, which Trump denies.",
            "Mueller's Russia investigation: what to know."
        )
        .is_empty());
        // It is: the object, a report of it, or what was said just before.
        assert_eq!(
            kinds(
                "Apple denied that it will buy Tesla.",
                "Apple will buy Tesla."
            ),
            [ReasonKind::Negation]
        );
        assert_eq!(
            kinds(
                "Bale denies Jobs role rumours",
                "Christian Bale will play Steve Jobs in the biopic."
            ),
            [ReasonKind::Negation]
        );
        assert_eq!(
            kinds(
                "The studio denied the report on Friday.",
                "Christian Bale will play Steve Jobs, the report said."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_doubt_refutes_only_what_it_doubts() {
        assert!(kinds(
            "I strongly doubt he understands the most basic parts of the agreement.",
            "Trump agreed that Iran was a problem."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Experts doubt that the photo shows a real shark.",
                "The photo shows a shark on the highway."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn fraud_as_a_crime_refutes_nothing() {
        assert!(kinds(
            "Mueller moved to drop the 22 bank and tax fraud charges against Gates.",
            "Mueller dropped charges against Gates."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The photo of the shark on the highway is a fraud.",
                "A shark swam on the highway, a photo shows."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_refuting_word_that_is_negated_asked_or_names_a_kind_refutes_nothing() {
        for (left, right) in [
            // Negated: "not a hoax" affirms.
            (
                "The shark photo on the flooded highway is not a hoax.",
                "A shark was photographed on the flooded highway.",
            ),
            (
                "There is no doubt the mayor resigned over the parking scandal.",
                "The mayor resigned over the parking scandal.",
            ),
            // Asked, not told.
            (
                "Is the shark photo on the flooded highway fake?",
                "A shark was photographed on the flooded highway.",
            ),
            // A kind of thing, not a verdict on the claim.
            (
                "The smugglers carried fake passports across the border at night.",
                "The smugglers carried passports across the border at night.",
            ),
            // A rejecting verb whose object is not a report.
            (
                "The council rejected the budget for the new stadium.",
                "The council discussed the budget for the new stadium.",
            ),
            // Both sides refute it.
            (
                "The shark photo on the flooded highway is a hoax.",
                "The shark photo on the flooded highway is fake.",
            ),
        ] {
            assert_eq!(
                judge_texts(left, right).relation,
                Relation::Agree,
                "{left} / {right}"
            );
        }
    }

    #[test]
    fn refuting_cues_are_found_in_their_roles() {
        let cues = |text: &str| -> Vec<String> {
            let tokens = tokenize(text, 0);
            refutations(Claim {
                text,
                tokens: &tokens,
            })
            .iter()
            .map(|t| t.lower.as_str().to_string())
            .collect()
        };
        assert_eq!(cues("The story is a hoax."), ["hoax"]);
        assert_eq!(
            cues("Police shot down rumors of a second attacker."),
            ["shot"]
        );
        assert_eq!(cues("That is not true."), ["not"]);
        assert_eq!(cues("Will the bridge close in May? Probably not."), ["not"]);
        assert_eq!(cues("No, the bridge will stay open."), ["no"]);
        assert!(cues("The bridge will not close in May.").is_empty());
        assert!(cues("The photo may be fake.").is_empty());
        assert!(cues("The video was allegedly doctored.").is_empty());
        assert!(cues("Maybe not.").is_empty());
        assert_eq!(cues("It may rain, but the photo is fake."), ["fake"]);
        assert!(cues("Benning, who voted no, said the county owes more.").is_empty());
        assert!(cues("The talks made no real progress.").is_empty());
        assert!(cues("The photo is not fake.").is_empty());
        assert!(cues("Police shot a second attacker.").is_empty());
        assert!(cues("If the story is a hoax, the paper will apologize.").is_empty());
    }

    #[test]
    fn a_bare_negation_denies_what_was_just_said() {
        // "It's not" denies the win, not the deal the other statement reports.
        assert!(kinds(
            "The deal sounds like a big win for the city. It's not.",
            "The city signed the deal with the developer."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Will the bridge close in May? Probably not.",
                "The bridge will close in May."
            ),
            [ReasonKind::Negation]
        );
        // "No." opening a statement before a number is a rank, however it stands alone.
        assert!(kinds(
            "No. 1 Chevrolet will race next week.",
            "A Chevrolet will race next week."
        )
        .is_empty());
    }

    #[test]
    fn a_bare_negation_under_a_rule_is_no_verdict() {
        assert!(kinds(
            "\"It should never have been made,\" the mayor said of the deal.",
            "The mayor said the council made a deal with the developer."
        )
        .is_empty());
    }
}
