//! Negation: one statement denies, in its scope, what the other asserts ("did not approve").

use super::cues::{describes_not_denies, doubt_follows, modal_negation, names_a_claim};
use super::sentence::{asserted, clause_around, factual, gap, index_of, is_name};
use super::words::says;
use super::{denial, Claim};
use crate::lexicon;
use crate::model::{Pair, Reason};
use crate::normalize::Token;
use crate::similarity::token_match;

/// Whether the cue at `i` is "dismissed" not said of a claim: "the director, who was dismissed
/// by the president" was fired, and "dismissed the reports" (or concerns, allegations) denies
/// them. A claim-like noun must follow within three words in the clause.
pub(super) fn dismisses_no_claim(claim: Claim, i: usize) -> bool {
    let tokens = claim.tokens;
    if !matches!(
        tokens[i].lower.as_str(),
        "dismissed" | "dismisses" | "dismiss"
    ) {
        return false;
    }
    let clause = clause_around(claim, i);
    !(i + 1..clause.end.min(i + 4)).any(|k| names_a_claim(&tokens[k]))
}

/// Whether the cue at `i` is a word of a name ("the March Without Borders"): capitalized inside
/// a statement that is not a Title Case headline, next to a name.
pub(super) fn cue_in_a_name(claim: Claim, i: usize) -> bool {
    let tokens = claim.tokens;
    let capitalized = |t: &Token| claim.text[t.span.start..].starts_with(char::is_uppercase);
    let title_case = 3 * tokens.iter().filter(|t| capitalized(t)).count() > 2 * tokens.len();
    // "NO COLLUSION" is shouted, not named.
    let shouted =
        !claim.text[tokens[i].span.start..tokens[i].span.end].contains(char::is_lowercase);
    i > 0
        && capitalized(&tokens[i])
        && !shouted
        && !title_case
        && (tokens[i - 1].proper || tokens.get(i + 1).is_some_and(|t| t.proper))
}

/// Whether the cue at `i` stands in an exclamation ("No borders!", chanted at a march): a slogan
/// or an outcry, not a statement of fact.
pub(super) fn exclaimed(claim: Claim, i: usize) -> bool {
    let tokens = claim.tokens;
    let end = (i..tokens.len())
        .map(|k| {
            if k + 1 < tokens.len() {
                gap(claim, k)
            } else {
                &claim.text[tokens[k].span.end..]
            }
        })
        .find(|after| after.contains(['.', '?', '!']));
    end.is_some_and(|after| {
        after
            .trim_start_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c))
            .starts_with('!')
    })
}

/// Whether the negation cue at `i` is itself called false: "Iran lied about never having a
/// weapons program" says it had one, "falsely denied" admits. A lie or a falsity word a few
/// words before the cue, in its clause, turns the negation around.
pub(super) fn falsified(claim: Claim, i: usize) -> bool {
    let tokens = claim.tokens;
    let clause = clause_around(claim, i);
    (clause.start.max(i.saturating_sub(4))..i).any(|k| {
        let lower = tokens[k].lower.as_str();
        let lie = matches!(lower, "lied" | "lie" | "lies" | "lying")
            && tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "about" | "that"));
        lie || matches!(lower, "falsely" | "wrongly")
    })
}

/// Content words a stopping word governs: the activity it stops comes among the next few.
pub(super) const STOPPED_WORDS: usize = 3;

/// Whether `other` says that what the non-occurrence word at `i` stops is stopped too: one of the
/// words it governs follows a word of stopping in `other` ("suspend nuclear tests" / "a
/// moratorium on missile tests"). A stopping word with another object ("voted to ban leaf
/// blowers" against "postponed a vote") says nothing of it.
pub(super) fn stops_the_same(claim: Claim, i: usize, other: Claim) -> bool {
    let governed = |c: Claim<'_>, at: usize| -> Vec<usize> {
        let clause = clause_around(c, at);
        (at + 1..clause.end)
            .filter(|&k| c.tokens[k].is_content())
            .take(STOPPED_WORDS)
            .collect()
    };
    let stopped = governed(claim, i);
    (0..other.tokens.len())
        .filter(|&k| {
            let o = &other.tokens[k];
            lexicon::CESSATION_WORDS.contains(&o.lemma.as_str()) || o.cues.non_occurrence()
        })
        .any(|k| {
            governed(other, k).iter().any(|&g| {
                stopped
                    .iter()
                    .any(|&s| says(&other.tokens[g], &claim.tokens[s]))
            })
        })
}

/// Negation cues of a claim whose scope (the content words after the cue, up to the clause end)
/// mentions something the other claim also talks about. A negated predicate must be one the
/// other claim states as a fact ([`factual`]); any word of the topic will do for
/// [`Scope::AnyWord`].
pub(super) fn scoped_negations<'a>(claim: Claim<'a>, other: Claim, scope: Scope) -> Vec<&'a Token> {
    scoped_negations_noting(claim, other, scope, &mut |_, _| {})
}

/// A negation word of an asserted clause, as the exemptions see it.
pub(super) struct Cue<'a> {
    claim: Claim<'a>,
    other: Claim<'a>,
    /// The word's index in `claim`.
    i: usize,
    scope: Scope,
    /// Whether the word says something did not take place ("postponed", "without").
    non_occurrence: bool,
    /// [`factual`] of `claim`.
    own_factual: &'a [bool],
}

/// A reason a negation word denies nothing, by name: a trace says which one stopped a word.
pub(super) struct Exemption {
    pub(super) name: &'static str,
    applies: fn(&Cue) -> bool,
}

/// The exemptions, tried in this order on every negation word of an asserted clause; the first
/// that applies drops the word.
pub(super) const EXEMPTIONS: &[Exemption] = &[
    // "not only" adds rather than denies.
    Exemption {
        name: "\"not only\" adds",
        applies: |c| {
            c.claim.tokens[c.i].lower == "not"
                && c.claim
                    .tokens
                    .get(c.i + 1)
                    .is_some_and(|t| t.lower == "only")
        },
    },
    // "no doubt" affirms.
    Exemption {
        name: "doubt denied affirms",
        applies: |c| doubt_follows(c.claim, c.i),
    },
    Exemption {
        name: "dismissed a person, not a claim",
        applies: |c| dismisses_no_claim(c.claim, c.i),
    },
    Exemption {
        name: "describes, does not deny",
        applies: |c| describes_not_denies(c.claim, c.i),
    },
    Exemption {
        name: "an exclamation",
        applies: |c| exclaimed(c.claim, c.i),
    },
    Exemption {
        name: "part of a name",
        applies: |c| cue_in_a_name(c.claim, c.i),
    },
    // "the No. 1 Chevrolet": "No." abbreviates "number".
    Exemption {
        name: "\"No.\" before a number",
        applies: |c| abbreviates_number(c.claim, c.i),
    },
    // "the vow to suspend nuclear tests": a cancellation aimed at, not one that took place.
    Exemption {
        name: "not stated as a fact",
        applies: |c| (c.non_occurrence || c.scope == Scope::Predicate) && !c.own_factual[c.i],
    },
    // Both sides saying it was postponed agree on that; so do two that say the same activity
    // stops in other words ("will suspend its tests" / "will stop nuclear tests").
    Exemption {
        name: "both sides say it does not take place",
        applies: |c| {
            c.non_occurrence
                && (c
                    .other
                    .tokens
                    .iter()
                    .any(|o| o.shares_meaning(&c.claim.tokens[c.i]))
                    || stops_the_same(c.claim, c.i, c.other))
        },
    },
    // "Iran must never have nuclear weapons" is a rule, not a denial of a fact; it is still
    // negative about the topic, so it keeps the other side's negation from standing alone.
    Exemption {
        name: "a rule or a falsehood, not a denial",
        applies: |c| {
            c.scope == Scope::Predicate && (modal_negation(c.claim, c.i) || falsified(c.claim, c.i))
        },
    },
];

/// Why a negation word that no exemption stopped still denies nothing of the other statement.
pub(super) const NOT_IN_SCOPE: &str = "nothing in its scope is said by the other side";
pub(super) const SAYS_MORE: &str = "denies more than the other side says";

/// [`scoped_negations`], telling `note` each negation word it drops and why: an exemption's
/// name, [`NOT_IN_SCOPE`] or [`SAYS_MORE`].
pub(super) fn scoped_negations_noting<'a>(
    claim: Claim<'a>,
    other: Claim,
    scope: Scope,
    note: &mut dyn FnMut(&'a Token, &'static str),
) -> Vec<&'a Token> {
    // Whether the token at `i` may deny what follows; most statements hold no such word, and are
    // spared reading the clauses of both statements below.
    let may_be_cue = |i: usize, token: &Token| {
        token.cues.negation()
            || token.cues.non_occurrence()
            || token.lower == "free" && claim.tokens.get(i + 1).is_some_and(|t| t.lower == "of")
    };
    if !claim
        .tokens
        .iter()
        .enumerate()
        .any(|(i, t)| may_be_cue(i, t))
    {
        return Vec::new();
    }
    let asserted = asserted(claim);
    let other_factual = factual(other);
    let other_content: Vec<&Token> = other
        .tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| t.is_content() && (scope == Scope::AnyWord || other_factual[k]))
        .map(|(_, t)| t)
        .collect();
    // "the vow to suspend nuclear tests": a cancellation aimed at, not one that took place.
    let own_factual = factual(claim);
    let mut cues = Vec::new();
    static EPISTEMIC: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let epistemic = EPISTEMIC.get_or_init(|| {
        lexicon::EPISTEMIC_VERBS
            .iter()
            .map(|v| lexicon::stem(v))
            .collect()
    });
    for (i, token) in claim.tokens.iter().enumerate() {
        let non_occurrence = token.cues.non_occurrence();
        // "Free of charge" says "no charge": "free of" denies what follows like "without".
        let privative =
            token.lower == "free" && claim.tokens.get(i + 1).is_some_and(|t| t.lower == "of");
        if !asserted[i] || !(token.cues.negation() || non_occurrence || privative) {
            continue;
        }
        let cue = Cue {
            claim,
            other,
            i,
            scope,
            non_occurrence,
            own_factual: &own_factual,
        };
        if let Some(exemption) = EXEMPTIONS.iter().find(|e| (e.applies)(&cue)) {
            note(token, exemption.name);
            continue;
        }
        // "has not been questioned" denies an event; "the questions" on the other side names a
        // thing, which it does not deny.
        let negates_a_verb = super::dispute::negates_a_predicate(&token.lower);
        let mut scope_hits = false;
        let mut content_seen = 0;
        // "no one": the "one" belongs to the cue.
        let first =
            if token.lower == "no" && claim.tokens.get(i + 1).is_some_and(|t| t.lower == "one") {
                i + 2
            } else {
                i + 1
            };
        for j in first..claim.tokens.len() {
            if gap(claim, j - 1).contains([',', ';', '—', '.', '?', '!']) {
                break;
            }
            let scoped = &claim.tokens[j];
            if !scoped.is_content() {
                continue;
            }
            content_seen += 1;
            // "have not determined the cause": not knowing denies nothing, unless the other
            // side claims that very knowledge ("investigators determined the cause").
            if content_seen == 1
                && epistemic.iter().any(|v| scoped.all_keys().any(|k| k == v))
                && !other_content.iter().any(|o| o.shares_meaning(scoped))
            {
                break;
            }
            // Any-word scope asks whether the negation is about the topic at all: a more
            // general word on the other side is the topic too ("no cost" / "free of charge").
            // What was postponed must be what the other side says took place, not a word of
            // its prepositional phrase ("exempted Canada from the tariffs").
            if other_content.iter().any(|o| {
                (token_match(scoped, o) >= 0.7
                    || says(o, scoped)
                    || (scope == Scope::AnyWord && says(scoped, o)))
                    && !(non_occurrence
                        && scope == Scope::Predicate
                        && in_prepositional_phrase(other, o))
                    && !(scope == Scope::Predicate
                        && negates_a_verb
                        && !after_determiner(claim, scoped)
                        && after_determiner(other, o))
            }) {
                scope_hits = true;
                break;
            }
            if scope == Scope::Predicate {
                break;
            }
            if content_seen >= 8 {
                break;
            }
        }
        // "The man is not slicing the bread for the soup" does not deny "the man is slicing
        // bread": the negated clause says more than the other statement, and denies only that.
        if !scope_hits {
            note(token, NOT_IN_SCOPE);
        } else if scope == Scope::AnyWord || denied_said_by(claim, i, other) >= NEGATED_WORDS_SAID {
            cues.push(token);
        } else {
            note(token, SAYS_MORE);
        }
    }
    cues
}

/// The share of the words a negation denies that the other statement must say for the negation
/// to deny it (see [`denied_said_by`]). SICK train / trial disagree F1: 0.798 / 0.792 without
/// the rule, 0.826 / 0.797 at 0.67, 0.829 / 0.806 at 1; the own fixtures are unchanged.
pub(super) const NEGATED_WORDS_SAID: f64 = 1.0;

/// The share of the words a negation denies that `other` says too. A quantifier ("there is no
/// man playing a guitar", "nobody is typing") denies that anything fits the whole description
/// after it, to the clause end; a negated verb ("is not slicing the bread for the soup") denies
/// the verb with its object, up to the first preposition (what follows is detail: "did not
/// concede on Tuesday night" denies "conceded"). 1 when the denied words are all said; 0 when a
/// word before the cue names a different referent than its counterpart in `other` ("a man is not
/// playing" / "a woman is playing").
pub(super) fn denied_said_by(claim: Claim, cue: usize, other: Claim) -> f64 {
    let std::ops::Range { start, end } = clause_around(claim, cue);
    let clashes = claim.tokens[start..cue].iter().any(|t| {
        t.is_content()
            && !other.tokens.iter().any(|o| says(o, t))
            && other.tokens.iter().any(|o| t.opposes(o))
    });
    if clashes || about_someone_else(claim, cue, other) {
        return 0.0;
    }
    let cue_word = claim.tokens[cue].lower.as_str();
    let quantifier = lexicon::QUANTIFIER_NEGATIONS.contains(&cue_word);
    let mut from = cue + 1;
    // "no one": the "one" belongs to the cue.
    if cue_word == "no" && claim.tokens.get(from).is_some_and(|t| t.lower == "one") {
        from += 1;
    }
    let mut denied = Vec::new();
    for token in &claim.tokens[from.min(end)..end] {
        if !quantifier && lexicon::PREPOSITIONS.contains(&token.lower.as_str()) {
            break;
        }
        if token.is_content() {
            denied.push(token);
        }
    }
    if denied.is_empty() {
        return 1.0;
    }
    // An opposite counts as said: "did not rise" is about what "fell" says, and the two flips
    // cancel (see `combine`).
    let said = denied
        .iter()
        .filter(|w| other.tokens.iter().any(|o| says(o, w) || o.opposes(w)))
        .count();
    said as f64 / denied.len() as f64
}

/// Whether the negation at `cue` is said of someone the other statement does not name, while
/// the other names someone else: "Manafort has maintained his innocence, pleading not guilty"
/// does not deny "Flynn pleaded guilty". The names before the cue, outside the attribution
/// ("according to Reuters"), are whom the negation is said of.
pub(super) fn about_someone_else(claim: Claim, cue: usize, other: Claim) -> bool {
    let attribution = crate::attribution::attribution_span(claim.text, claim.tokens);
    let named = |c: Claim, t: &Token| c.tokens.iter().any(|o| o.key == t.key);
    let own: Vec<&Token> = claim.tokens[..cue]
        .iter()
        .filter(|t| {
            is_name(t)
                && !attribution.is_some_and(|a| a.start <= t.span.start && t.span.end <= a.end)
        })
        .collect();
    if own.is_empty() || own.iter().any(|t| named(other, t)) {
        return false;
    }
    other.tokens.iter().any(|t| is_name(t) && !named(claim, t))
}

/// Whether a statement negates what it asserts: a negation cue in an asserted clause ("not
/// only" adds rather than denies).
pub fn negates(claim: Claim) -> bool {
    // Most statements hold no cue: their clauses need not be read.
    if !claim.tokens.iter().any(|t| t.cues.negation()) {
        return false;
    }
    let asserted = asserted(claim);
    claim.tokens.iter().enumerate().any(|(i, t)| {
        asserted[i]
            && t.cues.negation()
            && !(t.lower == "not" && claim.tokens.get(i + 1).is_some_and(|n| n.lower == "only"))
            && !doubt_follows(claim, i)
    })
}

/// How much of a negation's scope the other statement must mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Any content word of the scope: enough to say a statement is negated about the topic.
    AnyWord,
    /// The negated predicate itself, the first content word after the cue: needed to say one
    /// statement denies what the other asserts ("Trump was not being investigated" does not deny
    /// "the investigation into Flynn").
    Predicate,
}

pub(super) fn negation_conflict(claims: Pair<Claim>) -> Option<Reason> {
    let left = scoped_negations(claims.left, claims.right, Scope::Predicate);
    let right = scoped_negations(claims.right, claims.left, Scope::Predicate);
    if left.is_empty() == right.is_empty() {
        return None;
    }
    // Both sides negating the topic agree, however loosely the other negation is scoped, and
    // whether it says "not" or "declined to" ("had no comment" / "declined to comment").
    let loose = |claim: Claim, other: Claim| {
        !scoped_negations(claim, other, Scope::AnyWord).is_empty() || negates_before_to(claim)
    };
    if (left.is_empty() && loose(claims.left, claims.right))
        || (right.is_empty() && loose(claims.right, claims.left))
    {
        return None;
    }
    Some(denial(claims, &left, &right))
}

/// Whether the word at `i` is "No." written before a number ("No. 1", "No. 10 Downing Street").
pub(super) fn abbreviates_number(claim: Claim, i: usize) -> bool {
    let token = &claim.tokens[i];
    &claim.text[token.span.start..token.span.end] == "No"
        && lexicon::opens_with_rank(&claim.text[token.span.start..])
}

/// Whether `claim` negates a verb with a word of [`lexicon::NEGATING_BEFORE_TO`] and its "to"
/// ("declined to comment", "failed to address").
fn negates_before_to(claim: Claim) -> bool {
    claim
        .tokens
        .windows(2)
        .any(|w| w[1].lower == "to" && lexicon::NEGATING_BEFORE_TO.contains(&w[0].lemma.as_str()))
}

/// Whether `word` of `claim` comes right after a determiner ("the questions", "his reply"):
/// a noun, not a verb.
pub(super) fn after_determiner(claim: Claim, word: &Token) -> bool {
    let Some(at) = index_of(claim, word) else {
        return false;
    };
    at > 0
        && matches!(
            claim.tokens[at - 1].lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "these" | "those" | "this"
        )
}

/// Whether `word` of `claim` stands in a prepositional phrase: before it, past the words of its
/// phrase and the "and" / "or" of a list, comes a preposition ("from steel and aluminum
/// tariffs", "a tariff on steel").
pub(super) fn in_prepositional_phrase(claim: Claim, word: &Token) -> bool {
    let Some(at) = index_of(claim, word) else {
        return false;
    };
    claim.tokens[..at]
        .iter()
        .rev()
        .find(|t| !t.is_content() && !matches!(t.lower.as_str(), "and" | "or" | "the" | "a" | "an"))
        .is_some_and(|t| lexicon::PREPOSITIONS.contains(&t.lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use crate::model::ReasonKind;

    #[test]
    fn negation_conflicts() {
        assert_eq!(
            kinds(
                "North Korea denied it was behind the attack.",
                "North Korea was behind the attack, the FBI said."
            ),
            [ReasonKind::Negation, ReasonKind::Attribution]
        );
        assert_eq!(
            kinds(
                "The mayor did not sign the bill.",
                "The mayor signed the bill."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn negation_must_deny_the_predicate_the_other_asserts() {
        assert!(kinds(
            "The mayor did not attend the budget meeting on Monday.",
            "The mayor presented the budget at the meeting on Monday."
        )
        .is_empty());
    }

    #[test]
    fn negative_verbs_before_to_and_unmarked_contractions_agree_with_not() {
        assert!(kinds(
            "Jordan Green, the lawyer, said he had no comment on the case.",
            "Jordan Green, the lawyer, declined to comment on the case."
        )
        .is_empty());
        assert!(kinds(
            "Peterson added, \"I don't know anybody who is fighting to keep it out.\"",
            "Peterson added, I dont know anybody who is fighting to keep it out."
        )
        .is_empty());
        assert!(kinds(
            "Green will drive the No. 1 Chevrolet at the Winston Open next week.",
            "Green will drive the car at the Winston Open next week."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The council approved the budget.",
                "The council did not approve the budget."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn both_negated_agree() {
        assert!(kinds(
            "North Korea denies it was behind the hack.",
            "North Korea says it is not behind the hack."
        )
        .is_empty());
    }

    #[test]
    fn free_of_charge_is_no_cost() {
        assert!(kinds(
            "Dealers will replace the sensor free of charge.",
            "Dealers will fix the problem at no cost to owners."
        )
        .is_empty());
        assert!(kinds(
            "Dealers will replace the sensor free of charge beginning Nov. 14, and owners will be notified by mail.",
            "Dealers will fix the problem at no cost to owners."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Dealers will charge owners for the repair.",
                "Dealers will make the repair free of charge."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn negation_in_a_condition_is_not_a_denial() {
        assert!(kinds(
            "North Korea threatened to retaliate if the U.S. does not apologize.",
            "North Korea threatened retaliation against the United States."
        )
        .is_empty());
    }

    #[test]
    fn negation_about_something_else_is_not_a_conflict() {
        assert!(kinds(
            "The council approved the budget, and no one spoke against the park.",
            "The council approved the budget on Monday."
        )
        .is_empty());
    }

    #[test]
    fn a_negation_denies_only_what_the_other_side_says() {
        // A quantifier denies the whole description after it.
        assert!(kinds(
            "There is no man playing a guitar.",
            "A man is playing a piano."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "There is no man playing a guitar.",
                "A man is playing a guitar."
            ),
            [ReasonKind::Negation]
        );
        // A negated verb denies the verb and its object, not the circumstances after them.
        assert!(kinds(
            "The cook is not slicing the bread.",
            "The cook is slicing a tomato."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The cook did not slice the bread on Monday.",
                "The cook sliced the bread."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn no_one_denies_someone() {
        assert_eq!(
            kinds("There is no one typing.", "Someone is typing."),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_negation_said_of_someone_the_other_side_does_not_name_denies_nothing() {
        assert!(kinds(
            "Mr. Manafort has pleaded not guilty on charges of money laundering.",
            "Alex van der Zwaan, an attorney, pleaded guilty to lying to investigators."
        )
        .is_empty());
        // The same person, or a source in the attribution, does not change who it is said of.
        assert_eq!(
            kinds(
                "Mr. Manafort has pleaded not guilty on charges of money laundering.",
                "Manafort pleaded guilty to charges of money laundering."
            ),
            [ReasonKind::Negation]
        );
        assert_eq!(
            kinds(
                "According to Reuters, the bridge will not close.",
                "The bridge will close, Mayor Smith said."
            )[0],
            ReasonKind::Negation
        );
    }

    #[test]
    fn slogans_kinds_and_doubts_deny_nothing() {
        assert!(kinds(
            "At the border, a group of about 100 people chanted, \"No borders!\"",
            "About 100 people marched along the beach to the border."
        )
        .is_empty());
        assert!(kinds(
            "Gates pleaded guilty to conspiracy and false-statements charges.",
            "Four people have pleaded guilty to lying to investigators."
        )
        .is_empty());
        assert!(kinds(
            "The stakes are higher for Abe, whose political survival is in doubt.",
            "The stakes are high for Abe's political future."
        )
        .is_empty());
        // Said as a fact, the same words deny.
        assert_eq!(
            kinds(
                "There are no borders at the park.",
                "There are borders at the park."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn names_and_aims_deny_nothing_but_shouting_does() {
        assert!(kinds(
            "Many of them walked to San Diego as part of the March Without Borders.",
            "Supporters walked to the border from San Diego."
        )
        .is_empty());
        assert!(kinds(
            "The North will shut down a test site to prove the vow to suspend nuclear tests.",
            "Kim's decision to shut down the test site was welcomed."
        )
        .is_empty());
        assert!(kinds(
            "In January, Trump nixed a visit to London to open the embassy.",
            "In January, Trump cancelled a visit to London to open the embassy."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Trump wrote that the memos show there was NO COLLUSION.",
                "Trump wrote that the memos show there was collusion."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_negated_verb_does_not_deny_the_noun() {
        assert!(kinds(
            "The president has not been questioned by Mueller yet.",
            "The questions show Mueller is homing in on the president."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The president has not been questioned by Mueller yet.",
                "Mueller questioned the president on Monday."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_more_specific_word_is_denied_by_the_general_one() {
        assert_eq!(
            kinds("There is no dog in the yard.", "A poodle is in the yard."),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_negation_about_a_different_person_is_no_denial() {
        assert!(kinds(
            "A man is not playing a flute.",
            "A woman is playing a flute."
        )
        .is_empty());
    }

    #[test]
    fn not_knowing_is_not_denying() {
        assert!(kinds(
            "The cause of the fire is under investigation.",
            "Investigators have not determined what caused the fire."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Investigators determined the cause of the fire.",
                "Investigators have not determined the cause of the fire."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn a_negation_denies_only_facts_not_aims_or_possibilities() {
        assert!(kinds(
            "The ambassador has not been questioned by the committee.",
            "The committee hopes to question the ambassador next week."
        )
        .is_empty());
        assert!(kinds(
            "The storm did not damage the bridge.",
            "The storm could damage the bridge."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The ambassador has not been questioned by the committee.",
                "The committee questioned the ambassador last week."
            ),
            [ReasonKind::Negation]
        );
        // A negation hoped for, or said as a possibility, denies no fact either.
        assert!(kinds(
            "The administration is hoping that it won't have to let the migrants in.",
            "The administration has let many migrants in."
        )
        .is_empty());
        assert!(kinds(
            "He would not predict whether Trump would grant the request.",
            "Kudlow expected Trump to grant the request."
        )
        .is_empty());
    }

    #[test]
    fn a_rule_is_no_denial() {
        assert!(kinds(
            "Ships must never enter the harbor at night.",
            "Ships entered the harbor at night."
        )
        .is_empty());
    }

    #[test]
    fn a_possible_or_regretted_event_is_no_denial() {
        assert!(kinds(
            "The talks could be postponed until the summer.",
            "The talks will take place in the summer."
        )
        .is_empty());
        assert!(kinds(
            "The bridge should have never been built over the river.",
            "The bridge was built over the river in 1990."
        )
        .is_empty());
    }

    #[test]
    fn dismissed_denies_only_a_claim() {
        // Dismissed from a post, not dismissing a claim.
        assert!(kinds(
            "The director, who was dismissed by the president last year, is touring with a book.",
            "The director is touring with a book about the president."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The mayor dismissed reports that the bridge would close.",
                "The bridge will close, officials said."
            )[0],
            ReasonKind::Negation
        );
    }

    #[test]
    fn a_negation_called_a_lie_affirms() {
        assert!(kinds(
            "The firm lied about never having tested the drug on children.",
            "The firm tested the drug on children."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The firm never tested the drug on children.",
                "The firm tested the drug on children."
            ),
            [ReasonKind::Negation]
        );
    }

    #[test]
    fn stopping_in_other_words_agrees() {
        assert!(kinds(
            "The factory will suspend production of diesel engines.",
            "The factory will stop production of diesel engines."
        )
        .is_empty());
    }

    #[test]
    fn postponing_denies_the_event() {
        assert_eq!(
            kinds(
                "The council postponed a vote on the leaf blower ban.",
                "The council voted for the leaf blower ban."
            ),
            [ReasonKind::Negation]
        );
        assert!(kinds(
            "The vote was postponed until May.",
            "The council delayed the vote."
        )
        .is_empty());
        // Exempting countries from the tariffs says nothing of whether they took effect.
        assert!(kinds(
            "The White House delays tariffs on Canada and Mexico for 30 days.",
            "At the time, Trump excluded Mexico and Canada from the tariffs."
        )
        .is_empty());
    }
}
