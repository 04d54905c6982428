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

use super::sentence::{clause_around, gap, index_of};
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
pub(super) fn negates_a_predicate(lower: &str) -> bool {
    matches!(lower, "not" | "never") || crate::lexicon::ends_negative_contraction(lower)
}

/// Words after a denial that say how or how much, not what: "denied strongly", "no longer",
/// "disputed some parts".
const NOT_THE_ACT: &[&str] = &[
    "longer", "matter", "doubt", "way", "one", "evidence", "proof", "part", "parts", "aspect",
    "aspects",
];

/// Whether a word says the manner of a denial rather than what is denied: an adverb made of a
/// known adjective ("denied personally speaking", "strongly"). Read off the form, as the
/// statement's words carry no part of speech: "-ly" after a stem of four letters or more that
/// the dictionary knows ("personal", "strong"), which "family", "rally" and "reply" are not.
fn says_the_manner(lower: &str) -> bool {
    lower
        .strip_suffix("ly")
        .is_some_and(|stem| stem.len() >= 4 && crate::thesaurus::is_known(stem))
}

/// Nouns that a word before them names the subject of rather than asserts: "a bogus collusion
/// *claim*", "a conspiracy *theory*". The report nouns, and theories.
fn names_a_report(token: &Token) -> bool {
    // The token's lemma may be its written form ("allegations"): a plural "-s" is read off.
    let singular = token.lower.strip_suffix('s').unwrap_or(&token.lower);
    [token.lemma.as_str(), singular]
        .iter()
        .any(|word| lexicon::REPORT_NOUNS.contains(word) || matches!(*word, "theory" | "theories"))
}

/// Words that hedge the word after them, which then is not asserted: "possible collusion".
const HEDGES: &[&str] = &["possible", "potential", "likely", "so-called"];

/// The dispute between the two sides, when one reports a denial of an act the other asserts.
pub(super) fn dispute_conflicts(claims: Pair<Claim>) -> Vec<Reason> {
    match (
        denied_act_asserted(claims.left, claims.right, Cue::Any),
        denied_act_asserted(claims.right, claims.left, Cue::Any),
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

/// Whether one side denies in so many words an act the other asserts: a denying verb
/// ("denied colluding", "disputed ... asking") or a "NO" in capitals ("NO COLLUSION"). A
/// negation in reported speech ("said they would not meet") is a dispute when the two are
/// linked, but too often a detail of a claim rather than its denial to link two statements on
/// its own ([`crate::align::Denials::disputes`]).
///
/// Linking asks one thing more than judging: that the side asserting the act names, before the
/// word that asserts it, someone the denying side names ("*North Korea* denied it was behind
/// the attack" / "the FBI concluded that *the North Korean government* is responsible"), so that
/// the act is asserted of the party that denies it. "The attack is being blamed on the studio"
/// asserts it of someone else.
pub fn disputes_in_words(claims: Pair<Claim>) -> bool {
    let disputes = |denier: Claim, other: Claim| {
        denies_in_words(denier)
            && denied_act_asserted(denier, other, Cue::InWords)
                .is_some_and(|(_, _, said)| names_before(denier, other, said))
    };
    disputes(claims.left, claims.right) || disputes(claims.right, claims.left)
}

/// Verbs that say little until their object is said: "disputed asking [Comey to shut down an
/// investigation]" is not disputed by "Comey describes Trump asking him to discuss Flynn"; nor
/// is "never wrote that he felt [obstructed]" by "the times he felt [complimented]".
const LIGHT_VERBS: &[&str] = &[
    "ask", "tell", "say", "make", "do", "get", "have", "take", "give", "want", "try", "feel",
    "seem", "become", "appear", "look",
];

/// Whether, when the denied act is a light verb ([`LIGHT_VERBS`]), `other` also says one of the
/// next three common words (not names) of `denier` after it, in its clause, after `said` (the
/// word that asserts the act) in that word's clause: what was asked.
fn what_is_asked_said(denier: Claim, act: &Token, other: Claim, said: &Token) -> bool {
    if !LIGHT_VERBS.contains(&act.lemma.as_str()) {
        return true;
    }
    let (Some(at), Some(said_at)) = (index_of(denier, act), index_of(other, said)) else {
        return true;
    };
    // The clause runs to the next comma, colon or dash: a full stop inside a statement is an
    // abbreviation's ("asking Mr. Comey to ...").
    let clause_end = |claim: Claim, from: usize| {
        (from + 1..claim.tokens.len())
            .find(|&k| gap(claim, k - 1).contains([',', ';', ':', '—', '?', '!']))
            .unwrap_or(claim.tokens.len())
    };
    let asked = &other.tokens[said_at + 1..clause_end(other, said_at)];
    denier.tokens[at + 1..clause_end(denier, at)]
        .iter()
        .filter(|t| t.is_content() && !t.proper)
        .take(3)
        .any(|object| asked.iter().any(|o| says(o, object)))
}

/// Whether `other` names, before its word `said`, a name of `denier`.
fn names_before(denier: Claim, other: Claim, said: &Token) -> bool {
    let Some(at) = index_of(other, said) else {
        return false;
    };
    let names: Vec<&Token> = names_in(denier).map(|(_, t)| t).collect();
    names_in(other)
        .take_while(|&(i, _)| i < at)
        .any(|(_, name)| names.iter().any(|own| says(name, own) || says(own, name)))
}

/// The names of a statement with their places: its proper nouns, and a capitalized content
/// word that opens it ("Trump has denied ..."), which tokenizing cannot tell from a common word.
fn names_in<'a>(claim: Claim<'a>) -> impl Iterator<Item = (usize, &'a Token)> {
    claim.tokens.iter().enumerate().filter(move |&(i, t)| {
        let opening_name = i == 0
            && t.is_content()
            && claim.text[t.span.start..t.span.end].starts_with(char::is_uppercase);
        t.proper || opening_name
    })
}

/// Whether a statement has a word that denies in so many words: the cheap test before
/// [`disputes_in_words`].
pub fn denies_in_words(claim: Claim) -> bool {
    claim.tokens.iter().any(|t| in_words(claim, t))
}

/// Which denials count: any ([`denials`]), or only those in so many words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Any,
    InWords,
}

/// Whether `cue` denies in so many words: a denying verb, or "NO" written in capitals.
fn in_words(claim: Claim, cue: &Token) -> bool {
    cue.cues.denying_verb() || &claim.text[cue.span.start..cue.span.end] == "NO"
}

/// The denial cue of `denier`, the act it denies, and the word of `other` that asserts that act
/// (with what the act asks, for a light verb: [`what_is_asked_said`]).
/// Not when `other` denies the same act too: both then report the denial ("Trump denied
/// colluding" / "Trump has strongly denied colluding"), even if one also says the claim.
fn denied_act_asserted<'a, 'b>(
    denier: Claim<'a>,
    other: Claim<'b>,
    cues: Cue,
) -> Option<(&'a Token, &'a Token, &'b Token)> {
    denials(denier)
        .into_iter()
        .filter(|(cue, _)| cues == Cue::Any || in_words(denier, cue))
        .find_map(|(cue, act)| {
            let said = asserted_in(other, act)?;
            let denied_too = denials(other)
                .iter()
                .any(|(_, other_act)| says(other_act, act) || says(act, other_act));
            (!denied_too && what_is_asked_said(denier, act, other, said))
                .then_some((cue, act, said))
        })
}

/// Each denial of `claim` with each act it denies, in text order.
fn denials<'a>(claim: Claim<'a>) -> Vec<(&'a Token, &'a Token)> {
    let tokens = claim.tokens;
    let reported = tokens
        .iter()
        .any(|t| t.cues.reporting_verb() || t.cues.rejecting_verb());
    let mut found = Vec::new();
    for (i, cue) in tokens.iter().enumerate() {
        let denial = in_words(claim, cue) || (reported && negates_a_predicate(&cue.lower));
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
    // A possessive's noun with nothing said of it is what is denied after all: "denied his
    // involvement".
    let mut subject: Option<&Token> = None;
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
        if token.cues.negation() {
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
            && !names_a_report(token)
            && !lexicon::CERTAINTY_ADVERBS.contains(&token.lower.as_str())
            && !NOT_THE_ACT.contains(&token.lower.as_str())
            && !says_the_manner(&token.lower)
            && !token.cues.reporting_verb();
        if counts && act.len() < wanted {
            // The subject of a denied clause is who or what, not the act: "denied [his
            // campaign] colluded", "denied that [the lawsuit] had a political purpose". What
            // the clause says of it is.
            if act.is_empty() && subject.is_none() && opens_a_subject(claim, i, k) {
                subject = Some(token);
            } else {
                act.push(token);
            }
        }
        k += 1;
    }
    if act.is_empty() {
        act.extend(subject);
    }
    act
}

/// Words before a noun that make it the subject of a denied clause: "denied [his campaign]
/// colluded".
const SUBJECT_OPENERS: &[&str] = &["his", "her", "its", "their", "our"];

/// Whether the content word at `k`, the first after the denial at `cue`, is the subject of a
/// denied clause: after a possessive ("denied his campaign colluded"), or opening a "that"
/// clause ("denied that the lawsuit had ...", "denied that lawsuits ...").
fn opens_a_subject(claim: Claim, cue: usize, k: usize) -> bool {
    let tokens = claim.tokens;
    let before = tokens[k - 1].lower.as_str();
    let after_that = tokens[cue + 1..k]
        .first()
        .is_some_and(|first| first.lower == "that")
        && tokens[cue + 2..k]
            .iter()
            .all(|t| matches!(t.lower.as_str(), "the" | "a" | "an" | "this"));
    SUBJECT_OPENERS.contains(&before) || after_that
}

/// The token of `other` that asserts `act`: says it, and is not itself denied or negated in its
/// clause before it.
fn asserted_in<'b>(other: Claim<'b>, act: &Token) -> Option<&'b Token> {
    let tokens = other.tokens;
    let at = tokens.iter().position(|o| says(o, act))?;
    let clause_start = clause_around(other, at).start;
    // "may fail to deploy" does not assert the deploying either, nor does "a bogus collusion
    // claim" or "possible collusion".
    let denied_there = tokens[clause_start..at].iter().any(|t| {
        t.cues.negation()
            || t.cues.rejecting_verb()
            || t.cues.non_occurrence()
            || lexicon::REFUTING_ADJECTIVES.contains(&t.lower.as_str())
    });
    let hedged = at > clause_start && HEDGES.contains(&tokens[at - 1].lower.as_str());
    // "a collusion claim", "a conspiracy theory", "allegations of collusion": named, not
    // asserted.
    let named = tokens
        .get(at + 1)
        .is_some_and(|next| gap(other, at).trim().is_empty() && names_a_report(next))
        || (at >= 2 && tokens[at - 1].lower == "of" && names_a_report(&tokens[at - 2]));
    // "called the Democrats obstructionist": a word for who does a thing does not say it was
    // done.
    let agent_noun = |t: &Token| t.lower.ends_with("ist") || t.lower.ends_with("ists");
    let names_the_doer = agent_noun(&tokens[at]) && !agent_noun(act);
    // "whether he felt obstructed": a question asserts neither answer.
    let asked = tokens[clause_start..at]
        .iter()
        .any(|t| t.lower == "whether");
    // "no obstruction, collusion": the negation runs over the list.
    let listed_after_negation =
        at >= 2 && gap(other, at - 1).trim() == "," && tokens[at - 2].cues.negation();
    let asserted =
        !(denied_there || hedged || named || asked || names_the_doer || listed_after_negation);
    asserted.then_some(&tokens[at])
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use super::super::Claim;
    use crate::model::{Pair, ReasonKind};
    use crate::normalize::tokenize;

    /// Two texts and their tokens, to be judged.
    struct Texts<'a> {
        texts: Pair<&'a str>,
        tokens: Pair<Vec<crate::normalize::Token>>,
    }

    impl Texts<'_> {
        fn as_claims(&self) -> Pair<Claim<'_>> {
            Pair::new(
                Claim {
                    text: self.texts.left,
                    tokens: &self.tokens.left,
                },
                Claim {
                    text: self.texts.right,
                    tokens: &self.tokens.right,
                },
            )
        }
    }

    fn claims_of<'a>(left: &'a str, right: &'a str) -> Texts<'a> {
        Texts {
            texts: Pair::new(left, right),
            tokens: Pair::new(tokenize(left, 0), tokenize(right, 0)),
        }
    }

    /// Whether this check alone finds a dispute, either way round: other checks may fire first
    /// on the whole judgment (a denial is also a negation).
    fn disputes(left: &str, right: &str) -> bool {
        !super::dispute_conflicts(claims_of(left, right).as_claims()).is_empty()
    }

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
    fn the_act_denied_is_what_the_clause_says_not_its_subject_or_manner() {
        let denial = "Trump has repeatedly denied his campaign colluded with Russia.";
        assert!(disputes(
            denial,
            "The DNC is alleging that top Trump campaign officials conspired with the Russian government."
        ));
        for (left, right) in [
            (
                denial,
                "The Trump campaign said it would raise money from the suit.",
            ),
            (
                "He denied personally speaking to Kim via the White House press office.",
                "Abe also has personal worries over land sales.",
            ),
            (
                "Mr. Perez firmly denied that the lawsuit had a political purpose.",
                "Stone said the lawsuit was filed in Manhattan.",
            ),
            (
                "Mr. Trump has disputed some parts, including asking Mr. Comey to stay.",
                "In particular, Comey describes a dinner with Mr. Trump.",
            ),
        ] {
            assert!(!disputes(left, right), "{left} / {right}");
        }
        // "Denied allegations of collusion": the collusion is denied, not the allegations.
        assert!(disputes(
            "The president, who has long denied allegations of collusion, attacked the inquiry.",
            "The DNC said that top officials in Trump's campaign conspired with the Russian government."
        ));
        assert!(!disputes(
            "The president, who has long denied allegations of collusion, attacked the inquiry.",
            "Most of the accusations appeared to be based on news reports, the DNC alleged."
        ));
        // With nothing said of it, the possessive's noun is the act after all.
        assert!(disputes(
            "The senator denied his involvement.",
            "Prosecutors detailed the senator's involvement in the scheme."
        ));
    }

    #[test]
    fn a_dispute_links_when_the_act_is_asserted_of_the_party_that_denies_it() {
        let denial = "While North Korea is denying it was behind the cyber-attack, it lauded the hackers' efforts.";
        assert!(super::super::disputes_in_words(claims_of(
            denial,
            "The FBI now has enough information to conclude that the North Korean government is responsible for these actions."
        )
        .as_claims()));
        assert!(!super::super::disputes_in_words(claims_of(
            denial,
            "The attack is being blamed on the studio making the film about the assassination of the North Korea leader."
        )
        .as_claims()));
        // A light verb is disputed with what it asks.
        let disputed = "Mr. Trump has disputed some parts, including asking Mr. Comey to shut down an investigation into Mr. Flynn.";
        assert!(super::super::disputes_in_words(
            claims_of(
                disputed,
                "Comey also recounted the moment Trump allegedly asked him to drop any investigation into Flynn."
            )
            .as_claims()
        ));
        assert!(!super::super::disputes_in_words(
            claims_of(
                disputed,
                "Comey describes Trump asking him to discuss national security adviser Michael Flynn in private."
            )
            .as_claims()
        ));
        // What is asked must be asked of the word that asserts the act: "felt complimented"
        // does not assert "felt obstructed", though the statement asks about that later.
        assert!(!disputes(
            "Comey \"never wrote that he felt obstructed or threatened,\" the chairmen said.",
            "Comey described the times he felt complimented, but never once mentioned \
             whether he felt obstructed in his investigation."
        ));
        // A reported negation disputes when judged, but does not link on its own.
        assert!(!super::super::disputes_in_words(claims_of(
            "Trump has repeatedly said his campaign did not collude with the Russian government.",
            "The lawsuit says the Trump campaign colluded with the Russian government."
        )
        .as_claims()));
    }

    #[test]
    fn a_word_named_hedged_or_negated_in_a_list_is_not_asserted() {
        let denial = "Trump has strongly denied colluding with the Russians.";
        for other in [
            "This is a sham lawsuit about a bogus Russian collusion claim, Parscale said.",
            "Stone said the lawsuit was based on a left-wing collusion theory.",
            "The lawsuit seems likely to keep the spotlight on possible collusion with Russia.",
            "Trump tweets that the memos clearly show no obstruction, collusion with the Russians.",
            "The memos show Trump wanted allegations of collusion with the Russians investigated.",
            "He never mentioned the fact of all, which was whether Trump was colluding with the Russians.",
            "Trump called the Democrats collusionists in a tweet about the Russians.",
        ] {
            assert!(!disputes(denial, other), "{other}");
            assert!(!disputes(other, denial), "{other}");
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
