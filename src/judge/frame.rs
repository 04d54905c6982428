//! Whether two statements speak of the same occasion: the frame around a conflicting word
//! (who or what it is said of, and when) must be shared before a difference counts.

use super::quantity::value_of;
use super::sentence::clause_around;
use super::words::says;
use super::Claim;
use crate::model::Pair;
use crate::normalize::Token;

/// How many content words on each side of a word, within its clause, show what it is said of
/// (see [`same_frame`]). A verb's subject and object, a noun's modifiers, lie within a few
/// content words; a whole long clause of a news story mentions its protagonists anywhere.
pub(super) const FRAME_REACH: usize = 5;

/// Whether two words, one a side, stand in the same frame: within [`FRAME_REACH`] content words
/// of each, in its clause, the two sides share a content word. Two statements of one story are
/// aligned on what they share, and a word of one may oppose, or differ from, a word of the
/// other that is about something else ("set Trump up for success" / "the Olympics would have
/// been a failure"): a conflict needs the two words to be said of the same thing, which the
/// words around them must show.
pub(super) fn same_frame(claims: Pair<Claim>, i: usize, j: usize) -> bool {
    fn words<'a>(claim: Claim<'a>, at: usize) -> Vec<&'a Token> {
        let clause = clause_around(claim, at);
        let content = |k: &usize| {
            let t = &claim.tokens[*k];
            t.is_content() && value_of(t).is_none()
        };
        let mut before: Vec<usize> = Vec::with_capacity(at.saturating_sub(clause.start));
        before.extend((clause.start..at).filter(content));
        let after = (at + 1..clause.end).filter(content).take(FRAME_REACH);
        before[before.len().saturating_sub(FRAME_REACH)..]
            .iter()
            .copied()
            .chain(after)
            .map(|k| &claim.tokens[k])
            .collect()
    }
    let (left, right) = (words(claims.left, i), words(claims.right, j));
    if left.is_empty() || right.is_empty() {
        // "Shares rose." / "Shares fell sharply.": nothing but the word itself to go on.
        return true;
    }
    left.iter()
        .any(|t| right.iter().any(|o| says(o, t) || says(t, o)))
}

/// Whether two dates, one a side, date the same event: the content words next to each in its
/// clause (names, values and the words of the date itself aside) share a meaning. "Trump
/// announced the tariffs on March 8" / "Trump on March 23 imposed a tariff", "Pompeo told
/// senators on Thursday" / "Trump acknowledged the meeting in a Wednesday tweet": two events.
pub(super) fn same_event(claims: Pair<Claim>, i: usize, j: usize) -> bool {
    fn neighbours<'a>(claim: Claim<'a>, at: usize) -> Vec<&'a Token> {
        let clause = clause_around(claim, at);
        let plain = |k: &usize| {
            let t = &claim.tokens[*k];
            t.is_content() && value_of(t).is_none() && !t.proper
        };
        let before = (clause.start..at).rev().filter(plain).take(EVENT_REACH);
        let after = (at + 1..clause.end).filter(plain).take(EVENT_REACH);
        before.chain(after).map(|k| &claim.tokens[k]).collect()
    }
    let (left, right) = (neighbours(claims.left, i), neighbours(claims.right, j));
    left.is_empty()
        || right.is_empty()
        || left
            .iter()
            .any(|t| right.iter().any(|o| says(o, t) || says(t, o)))
}

/// How many plain content words on each side of a date name its event (see [`same_event`]).
pub(super) const EVENT_REACH: usize = 2;

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use crate::model::ReasonKind;

    #[test]
    fn a_year_naming_which_thing_dates_nothing() {
        assert!(kinds(
            "Auditors examined spending on the 2016 campaign.",
            "Auditors examined spending on the 2020 campaign."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The treaty was signed in 2016.",
                "The treaty was signed in 2020."
            ),
            [ReasonKind::Date]
        );
    }

    #[test]
    fn opposites_said_of_different_things_are_not_conflicts() {
        assert!(kinds(
            "Analysts expect the merger to be a success, the chairman said.",
            "The chairman said the old factory was a failure."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "The chairman said the merger was a success.",
                "The chairman said the merger was a failure."
            ),
            [ReasonKind::Antonym]
        );
    }

    #[test]
    fn values_and_names_of_different_things_are_not_compared() {
        // Two dates of two events.
        assert!(kinds(
            "Steel exports fell sharply in March, the ministry said.",
            "The ministry said its trade office in Ottawa opened in July."
        )
        .is_empty());
        // A holiday and a place brought in by other prepositions fill no one role.
        assert!(kinds(
            "Report: Halvorsen secretly met with Okafor over Thanksgiving weekend",
            "Halvorsen met with Okafor in Belgravia last week."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Halvorsen met Okafor in Belgravia on Friday.",
                "Halvorsen met Okafor in Marchetti on Friday."
            ),
            [ReasonKind::Place]
        );
    }

    #[test]
    fn dates_of_two_events_are_not_compared() {
        assert!(kinds(
            "Netanyahu revealed new intelligence on Iran on Monday.",
            "Pompeo, who met with Netanyahu on Sunday, accused Iran of behaving worse."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Netanyahu revealed new intelligence on Iran on Monday.",
                "Netanyahu revealed new intelligence on Iran on Sunday."
            ),
            [ReasonKind::Date]
        );
    }
}
