//! Judging an aligned pair: do the two statements agree, or does one contradict the other?
//!
//! A pair disagrees when at least one typed check finds a conflict, and each conflict comes with
//! the words on both sides that show it. The checks look only for conflicts *about the shared
//! content*: a number or date one side gives and the other leaves out is a difference in detail,
//! not a contradiction, and a negation in a condition ("if the U.S. does not apologize") or about
//! words the other statement does not mention is not a denial of it.

use crate::attribution::{speaker, Speaker};
use crate::lexicon;
use crate::model::{Evidence, Pair, Reason, ReasonKind, Relation, Span};
use crate::normalize::Token;

mod antonym;
mod attribution;
mod cues;
mod dispute;
mod entity;
mod frame;
mod negation;
mod quantity;
mod refutation;
mod sentence;
mod trace;
mod words;

use antonym::antonym_conflict;
use attribution::attribution_conflict;
pub use dispute::{denies_in_words, disputes_in_words};
use entity::entity_conflicts;
pub use negation::negates;
use negation::negation_conflict;
use quantity::quantity_conflicts;
use refutation::refutation_conflict;
pub use refutation::{denies_the_statement_before, refutation};

pub use trace::{explain, CheckTrace, DroppedCue, Trace};
pub use words::{says, term_says, term_says_at, FIRM_MATCH};

/// A statement as the judge sees it.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    /// The whole document text (spans index into it).
    pub text: &'a str,
    pub tokens: &'a [Token],
}

/// The verdict on one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgment {
    pub relation: Relation,
    pub reasons: Vec<Reason>,
    /// Who each side says is speaking, when it says.
    pub speakers: Pair<Option<Speaker>>,
}

/// Judges a pair of aligned statements. The verdict does not depend on which statement is on
/// the left: exchanging the two gives the same relation and the same reasons with their evidence
/// exchanged.
pub fn judge(claims: Pair<Claim>) -> Judgment {
    let speakers = Pair::new(
        speaker(claims.left.text, claims.left.tokens),
        speaker(claims.right.text, claims.right.tokens),
    );
    let (relation, reasons) = judge_with_speakers(claims, speakers.as_ref().map(Option::as_ref));
    Judgment {
        relation,
        reasons,
        speakers,
    }
}

/// [`judge`], for a caller that found each statement's speaker ([`speaker`]) already: the
/// relation and the reasons.
pub fn judge_with_speakers(
    claims: Pair<Claim>,
    speakers: Pair<Option<&Speaker>>,
) -> (Relation, Vec<Reason>) {
    let mut reasons = if asks_yes_or_no(claims.left) || asks_yes_or_no(claims.right) {
        // "Is the video real?" asserts nothing, so it contradicts nothing.
        Vec::new()
    } else if in_canonical_order(claims) {
        combine(claims, None)
    } else {
        combine(claims.swapped(), None)
            .into_iter()
            .map(mirrored)
            .collect()
    };

    // 4. Attribution, on the sides as given: only a pair that disagrees already says whose
    //    word it is.
    if !reasons.is_empty() {
        reasons.extend(attribution_conflict(speakers));
    }
    let relation = if reasons.is_empty() {
        Relation::Agree
    } else {
        Relation::Disagree
    };
    (relation, reasons)
}

/// Whether a statement is a yes-or-no question ("Is the video real?", "Did Apple buy Beats?"):
/// it opens with an auxiliary verb and ends with a question mark. It asserts neither answer. A
/// wh-question is not one: "Why did the council reject the plan?" takes the rejection for granted.
fn asks_yes_or_no(claim: Claim) -> bool {
    let (Some(first), Some(last)) = (claim.tokens.first(), claim.tokens.last()) else {
        return false;
    };
    // The question mark first: most statements end otherwise, and the list is scanned.
    claim.text[last.span.end..]
        .trim_start_matches(['"', '\'', '”', '’', ')'])
        .starts_with('?')
        && lexicon::AUXILIARY_VERBS.contains(&first.lower.as_str())
}

/// One check of the judge: a kind of conflict it looks for, by name, so that a person can list
/// the checks and a trace can say which one fired.
#[derive(Debug, Clone, Copy)]
pub struct Check {
    /// Its name, as messages and traces print it.
    pub name: &'static str,
    /// The kinds of reason it gives.
    pub kinds: &'static [ReasonKind],
    /// What it finds in a pair, reading it from left to right: [`judge`] runs it on the pair in
    /// canonical order.
    pub run: fn(Pair<Claim>) -> Vec<Reason>,
}

/// One side denies, in its scope, what the other asserts ("did not approve" / "approved").
pub const NEGATION: Check = Check {
    name: "negation",
    kinds: &[ReasonKind::Negation],
    run: |claims| negation_conflict(claims).into_iter().collect(),
};

/// One side says the opposite word of the other about the same thing ("rose" / "fell").
pub const ANTONYM: Check = Check {
    name: "antonym",
    kinds: &[ReasonKind::Antonym],
    run: |claims| antonym_conflict(claims).into_iter().collect(),
};

/// One side calls what the other says false ("a hoax", "dismissed the reports"); its reason is
/// a negation's.
pub const REFUTATION: Check = Check {
    name: "refutation",
    kinds: &[ReasonKind::Negation],
    run: |claims| refutation_conflict(claims).into_iter().collect(),
};

/// One side reports a denial ("denied colluding", "said ... did not collude", "NO COLLUSION")
/// of an act the other reports as claimed ("conspired", "colluded").
pub const DISPUTE: Check = Check {
    name: "dispute",
    kinds: &[ReasonKind::Dispute],
    run: dispute::dispute_conflicts,
};

/// Whether one side denies what the other says: the negation, refutation or dispute check finds
/// a reason. The linking model reads it of every candidate pair (a claim and its denial share
/// few words); only statements with a word that may deny are asked ([`may_deny`]).
pub fn denies_the_other(claims: Pair<Claim>) -> bool {
    [REFUTATION, DISPUTE]
        .iter()
        .any(|check| !(check.run)(claims).is_empty())
}

/// Whether a statement has a word that may deny: a negation, a refuting word or a rejecting
/// verb. A pair of which neither statement has one denies nothing ([`denies_the_other`]).
pub fn may_deny(claim: Claim) -> bool {
    claim
        .tokens
        .iter()
        .any(|t| t.cues.negation() || t.cues.may_refute() || t.cues.rejecting_verb())
}

/// Different numbers, amounts, dates or times for the same thing.
pub const QUANTITY: Check = Check {
    name: "quantity",
    kinds: &[ReasonKind::Number, ReasonKind::Date],
    run: quantity_conflicts,
};

/// A different place or person in the same slot.
pub const ENTITY: Check = Check {
    name: "entity",
    kinds: &[ReasonKind::Place, ReasonKind::Entity],
    run: entity_conflicts,
};

/// Every check of a pair's statements, in the order their reasons are listed. Attribution
/// (`attribution_conflict`) reads the speakers instead, after these.
pub const CHECKS: [Check; 6] = [NEGATION, ANTONYM, REFUTATION, DISPUTE, QUANTITY, ENTITY];

/// The reasons of a pair read from left to right: how the checks' findings combine, rule by
/// rule.
///
/// 1. Negation and antonym cancel: "prices did not rise" against "prices fell" is two flips,
///    no conflict. Either one alone is a reason.
/// 2. Refutation is asked only when neither negation nor antonym found anything: one side may
///    still call the claim false without negating it. Dispute is asked only when refutation
///    found nothing either: a reported denial of an act the other side reports.
/// 3. Quantity and entity reasons are added whatever else was found, in that order.
///
/// Three checks are not symmetric on their own — the word diff that finds a name's slot breaks
/// ties between equally long alignments by position, numbers are paired greedily from the left,
/// and the first pair of opposites found wins — so [`judge`] combines them on the pair in
/// canonical order.
///
/// `notes`, when given, keeps what each check found and which rule applied (`--explain`).
fn combine(claims: Pair<Claim>, mut notes: Option<&mut trace::Notes>) -> Vec<Reason> {
    let mut run = |check: &Check| {
        let found = (check.run)(claims);
        if let Some(notes) = notes.as_deref_mut() {
            notes.found.push((check.name, found.clone()));
        }
        found
    };
    let negation = run(&NEGATION);
    let antonym = run(&ANTONYM);
    let mut refutation_fired = false;
    let (mut reasons, rule) = match (negation.is_empty(), antonym.is_empty()) {
        (false, false) => (Vec::new(), Some("negation and antonym cancel")),
        (false, true) => (negation, Some("negation alone: a reason")),
        (true, false) => (antonym, Some("antonym alone: a reason")),
        (true, true) => {
            let refutation = run(&REFUTATION);
            if refutation.is_empty() {
                (run(&DISPUTE), None)
            } else {
                refutation_fired = true;
                (refutation, None)
            }
        }
    };
    reasons.extend(run(&QUANTITY));
    reasons.extend(run(&ENTITY));
    if let Some(notes) = notes {
        if let Some(rule) = rule {
            notes.rules.push(rule);
            notes
                .rules
                .push("refutation not asked: negation or antonym fired");
            notes
                .rules
                .push("dispute not asked: negation or antonym fired");
        } else if refutation_fired {
            notes.rules.push("dispute not asked: refutation fired");
        }
    }
    reasons
}

/// Whether a pair is in canonical order: the statement whose text (first word to last) sorts
/// first is on the left; equal texts are ordered by their tokens. The order depends only on the
/// two statements, never on their sides, and two statements equal under it are judged alike in
/// either order.
fn in_canonical_order(claims: Pair<Claim>) -> bool {
    fn extent(claim: Claim) -> Span {
        match (claim.tokens.first(), claim.tokens.last()) {
            (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
            _ => Span::new(0, 0),
        }
    }
    fn text<'a>(claim: Claim<'a>) -> &'a str {
        let span = extent(claim);
        &claim.text[span.start..span.end]
    }
    // Compared as they come, not collected: the texts of a pair are often the same (a claim
    // quoted whole), and then every word is compared.
    fn words<'a>(
        claim: Claim<'a>,
    ) -> impl Iterator<Item = (usize, usize, &'a str, &'a str, bool)> + 'a {
        let start = extent(claim).start;
        claim.tokens.iter().map(move |t| {
            (
                t.span.start - start,
                t.span.end - start,
                t.key.as_str(),
                t.lemma.as_str(),
                t.proper,
            )
        })
    }
    text(claims.left)
        .cmp(text(claims.right))
        .then_with(|| words(claims.left).cmp(words(claims.right)))
        .is_le()
}

/// A reason found with the sides exchanged, told from the original sides.
fn mirrored(found: Reason) -> Reason {
    reason(found.kind, found.evidence.swapped())
}

/// A reason of `kind` with its evidence; its explanation is its `Display`.
fn reason(kind: ReasonKind, evidence: Pair<Vec<Evidence>>) -> Reason {
    Reason::new(kind, evidence)
}

fn evidence_of(span: Span, text: &str) -> Evidence {
    Evidence {
        text: text.to_string(),
        span,
    }
}

fn token_evidence(claim: Claim, token: &Token) -> Evidence {
    evidence_of(token.span, &claim.text[token.span.start..token.span.end])
}

/// A negation reason whose evidence is the denying words of each side.
fn denial(claims: Pair<Claim>, left: &[&Token], right: &[&Token]) -> Reason {
    let evidence = |claim: Claim, cues: &[&Token]| {
        cues.iter()
            .map(|t| token_evidence(claim, t))
            .collect::<Vec<_>>()
    };
    reason(
        ReasonKind::Negation,
        Pair::new(evidence(claims.left, left), evidence(claims.right, right)),
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    use crate::normalize::tokenize;

    #[test]
    fn the_checks_have_one_name_each_and_give_every_kind_of_reason_but_attribution() {
        let names: std::collections::BTreeSet<&str> = CHECKS.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CHECKS.len());
        for kind in [
            ReasonKind::Negation,
            ReasonKind::Antonym,
            ReasonKind::Number,
            ReasonKind::Date,
            ReasonKind::Place,
            ReasonKind::Entity,
        ] {
            assert!(
                CHECKS.iter().any(|c| c.kinds.contains(&kind)),
                "no check gives {kind:?}"
            );
        }
        assert!(!CHECKS
            .iter()
            .any(|c| c.kinds.contains(&ReasonKind::Attribution)));
    }

    #[test]
    fn a_check_gives_only_its_own_kinds() {
        let pairs = [
            ("The vote was on Tuesday.", "The vote was on Wednesday."),
            ("Prices rose by 12%.", "Prices fell by 15%."),
            (
                "The council approved the plan.",
                "The council did not approve the plan.",
            ),
            (
                "The fire started in Dayton on Sunday.",
                "The fire started in Columbus on Sunday.",
            ),
            (
                "A shark swam on the highway.",
                "The shark on the highway is a hoax.",
            ),
            (
                "Trump has strongly denied colluding with the Russians.",
                "The lawsuit says the campaign conspired with the Russian government.",
            ),
        ];
        let mut fired = std::collections::BTreeSet::new();
        for (left, right) in pairs {
            let (lt, rt) = (tokenize(left, 0), tokenize(right, 0));
            let claims = Pair::new(
                Claim {
                    text: left,
                    tokens: &lt,
                },
                Claim {
                    text: right,
                    tokens: &rt,
                },
            );
            // As the judge runs them.
            let claims = if in_canonical_order(claims) {
                claims
            } else {
                claims.swapped()
            };
            for check in CHECKS {
                for found in (check.run)(claims) {
                    assert!(
                        check.kinds.contains(&found.kind),
                        "{} gave {:?}",
                        check.name,
                        found.kind
                    );
                    fired.insert(check.name);
                }
            }
        }
        // Every check was tried on a pair it fires on.
        assert_eq!(fired.len(), CHECKS.len(), "{fired:?}");
    }

    pub(super) fn judge_texts(left: &str, right: &str) -> Judgment {
        let (lt, rt) = (tokenize(left, 0), tokenize(right, 0));
        judge(Pair::new(
            Claim {
                text: left,
                tokens: &lt,
            },
            Claim {
                text: right,
                tokens: &rt,
            },
        ))
    }

    pub(super) fn kinds(left: &str, right: &str) -> Vec<ReasonKind> {
        judge_texts(left, right)
            .reasons
            .iter()
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn a_yes_or_no_question_contradicts_nothing() {
        let claim = "The video shows a bus falling into the sinkhole.";
        for question in [
            "Does the video show a bus falling into the sinkhole?",
            "Is the video of a bus falling into the sinkhole fake?",
            "Did the video not show a bus falling into the sinkhole?",
        ] {
            assert_eq!(
                judge_texts(question, claim).relation,
                Relation::Agree,
                "{question}"
            );
        }
        // A wh-question takes its content for granted.
        assert_eq!(
            judge_texts(
                "Why did the council reject the merger?",
                "The council approved the merger."
            )
            .relation,
            Relation::Disagree
        );
    }

    /// Judges both ways round and checks that the verdicts mirror: the same relation, and the
    /// same reasons with their evidence (and so their explanations) exchanged.
    pub(super) fn judge_both_ways(left: &str, right: &str) -> Judgment {
        let forward = judge_texts(left, right);
        let backward = judge_texts(right, left);
        assert_eq!(forward.relation, backward.relation);
        let mirrored_back: Vec<Reason> = backward.reasons.into_iter().map(mirrored).collect();
        assert_eq!(forward.reasons, mirrored_back);
        forward
    }

    /// Found by the property test `comparing_the_other_way_round_mirrors_the_judgments`: the
    /// Myers word diff aligned "in" with a different "in" depending on which statement came
    /// first, so "Dayton" / "U.S" filled one slot one way round and none the other way.
    #[test]
    fn regression_place_slot_depends_on_which_side_is_left() {
        let judgment = judge_both_ways(
            "The council announced the $2.3 million contract in Dayton for more than 50 years \
             Acme Inc. announced the $2.3 million contract.",
            "Acme Inc. approved the $2.3 million contract in the U.S. for more than 50 years.",
        );
        assert_eq!(judgment.relation, Relation::Agree);
    }

    /// Found by the property test `comparing_the_other_way_round_mirrors_the_evidence`: numbers
    /// were paired greedily from the left, so one way round "twelve" (new jobs) and "12" (votes)
    /// were both held against "15" (votes), the other way round only "12" was.
    #[test]
    fn regression_number_evidence_depends_on_which_side_is_left() {
        let left = "Officials in Dayton approved twelve new jobs with 12 votes.";
        let judgment = judge_both_ways(
            left,
            "Officials in Dayton approved the budget with 15 votes.",
        );
        assert_eq!(judgment.reasons.len(), 1);
        let evidence = judgment.reasons[0]
            .evidence
            .as_ref()
            .map(|e| e.iter().map(|e| e.text.as_str()).collect::<Vec<_>>());
        assert_eq!(evidence, Pair::new(vec!["12"], vec!["15"]));
        assert_eq!(
            judgment.reasons[0].to_string(),
            "different number: \"12\" vs \"15\""
        );
    }

    #[test]
    fn every_kind_of_reason_mirrors() {
        judge_both_ways(
            "The board approved the merger.",
            "The board rejected the merger.",
        );
        judge_both_ways(
            "The mayor did not sign the bill.",
            "The mayor signed the bill.",
        );
        judge_both_ways(
            "The vote was held on Tuesday.",
            "The vote was held on Wednesday.",
        );
        judge_both_ways(
            "The fire started in Dayton on Sunday.",
            "The fire started in Columbus on Sunday.",
        );
        judge_both_ways(
            "The prize went to Maria Lopez this year.",
            "The prize went to Ann Chen this year.",
        );
        let judgment = judge_both_ways(
            "The crash was an accident, police said.",
            "The crash was an attack, the family said.",
        );
        assert_eq!(
            judgment.reasons[1].to_string(),
            "conflicting accounts from different sources: police vs family"
        );
    }

    #[test]
    fn evidence_spans_slice_back_to_the_words() {
        let left = "Shares rose 5 percent.";
        let judgment = judge_texts(left, "Shares fell 5 percent.");
        let evidence = &judgment.reasons[0].evidence.left[0];
        assert_eq!(&left[evidence.span.start..evidence.span.end], "rose");
    }
}
