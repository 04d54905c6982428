//! Antonym: one statement says the opposite word of the other ("rose" / "fell") of the same
//! thing.

use super::frame::same_frame;
use super::sentence::gap;
use super::words::says;
use super::{reason, token_evidence, Claim};
use crate::lexicon;
use crate::model::{Pair, Reason, ReasonKind};
use crate::normalize::{Token, TokenKind};

pub(super) fn antonym_conflict(claims: Pair<Claim>) -> Option<Reason> {
    let mentions =
        |claim: Claim, token: &Token| claim.tokens.iter().any(|t| t.shares_meaning(token));
    // Words that can carry an opposite: content words outside names. "North" Korea and "South"
    // Korea, "West" Palm Beach are parts of names, not opposite claims. A word with no known
    // antonym opposes nothing ([`Token::opposes`]), and is left out before reading its text.
    let candidates = |claim: Claim<'_>| -> Vec<usize> {
        (0..claim.tokens.len())
            .filter(|&i| {
                let token = &claim.tokens[i];
                token.can_oppose && token.is_content() && !in_a_name(claim, i)
            })
            .collect()
    };
    let (left_words, right_words) = (candidates(claims.left), candidates(claims.right));
    for &i in &left_words {
        let a = &claims.left.tokens[i];
        for &j in &right_words {
            let b = &claims.right.tokens[j];
            // Cheapest test first: most word pairs are not opposites at all.
            let which_thing = || {
                describes_an_indefinite(claims.left, i) && describes_an_indefinite(claims.right, j)
            };
            if a.opposes(b)
                && !lexicon::are_referential_opposites(&a.lemma, &b.lemma)
                && !which_thing()
                && !mentions(claims.right, a)
                && !mentions(claims.left, b)
                && same_frame(Pair::new(claims.left, claims.right), i, j)
                && says_the_rest(claims, i, j)
            {
                return Some(reason(
                    ReasonKind::Antonym,
                    Pair::new(
                        vec![token_evidence(claims.left, a)],
                        vec![token_evidence(claims.right, b)],
                    ),
                ));
            }
        }
    }
    None
}

/// The share of the shorter statement's other content words that the other statement must say
/// for two opposite words to contradict (see [`says_the_rest`]).
pub(super) const OPPOSITE_REST_SAID: f64 = 0.25;

/// Whether, but for the opposite words at `i` (left) and `j` (right), the shorter statement says
/// little the other does not: "Shares rose" / "Shares fell sharply" are one claim told two ways;
/// "Stock prices fell when the tariffs were announced" / "the tariffs have increased frictions
/// with trading partners" are two claims about a story, and an opposite between them is no
/// contradiction.
pub(super) fn says_the_rest(claims: Pair<Claim>, i: usize, j: usize) -> bool {
    let rest = |claim: Claim<'_>, skip: usize| -> Vec<usize> {
        (0..claim.tokens.len())
            .filter(|&k| k != skip && claim.tokens[k].is_content())
            .collect()
    };
    let (left, right) = (rest(claims.left, i), rest(claims.right, j));
    let (shorter, own, other) = if left.len() <= right.len() {
        (left, claims.left, claims.right)
    } else {
        (right, claims.right, claims.left)
    };
    if shorter.is_empty() {
        return true;
    }
    let said = shorter
        .iter()
        .filter(|&&k| {
            let t = &own.tokens[k];
            other.tokens.iter().any(|o| says(o, t) || says(t, o))
        })
        .count();
    said as f64 >= OPPOSITE_REST_SAID * shorter.len() as f64
}

/// Whether token `i` describes which thing an indefinite noun phrase is about: it follows "a",
/// "some", "several" or a number (with other words between) and a noun follows it, as in "a big
/// dog", "several young people". "A big dog" and "a small dog" are two dogs, not one dog
/// described two ways.
pub(super) fn describes_an_indefinite(claim: Claim, i: usize) -> bool {
    let noun_follows = claim
        .tokens
        .get(i + 1)
        .is_some_and(|next| next.is_content() && gap(claim, i).chars().all(char::is_whitespace));
    if !noun_follows {
        return false;
    }
    let mut j = i;
    while j > 0 && gap(claim, j - 1).chars().all(char::is_whitespace) {
        j -= 1;
        let before = &claim.tokens[j];
        if matches!(before.kind, TokenKind::Number(_))
            || lexicon::INDEFINITE_DETERMINERS.contains(&before.lower.as_str())
        {
            return true;
        }
        if !before.is_content() {
            return false;
        }
    }
    false
}

/// Whether token `i` is part of a name: a capitalized word inside the sentence, an all-capitals
/// word, or a capitalized first word followed by a name ("North Korea ...").
pub(super) fn in_a_name(claim: Claim, i: usize) -> bool {
    let token = &claim.tokens[i];
    let text = &claim.text[token.span.start..token.span.end];
    let capitalized = text.chars().next().is_some_and(char::is_uppercase);
    token.proper
        || (text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase))
        || (capitalized
            && claim
                .tokens
                .get(i + 1)
                .is_some_and(|next| next.proper && gap(claim, i).chars().all(char::is_whitespace)))
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use crate::model::ReasonKind;

    #[test]
    fn opposites_telling_which_thing_are_not_conflicts() {
        assert!(kinds(
            "A big dog is chasing a ball.",
            "A small dog is chasing a ball."
        )
        .is_empty());
        assert_eq!(
            kinds("The dog is big.", "The dog is small."),
            [ReasonKind::Antonym]
        );
    }

    #[test]
    fn opposites_in_two_claims_that_share_little_are_no_conflict() {
        assert!(kinds(
            "The tariffs, which have increased frictions with trading partners worldwide, aim to \
             help two metals industries.",
            "The president justified the tariffs by pointing to the decades-long slide of \
             manufacturing."
        )
        .is_empty());
        // Told in other words, one claim still conflicts.
        assert_eq!(
            kinds(
                "The amount of trash buried at Bellmont rose 12% last year, county figures show.",
                "Tonnage at the landfill fell last year, after two counties began trucking their \
                 waste elsewhere."
            )[0],
            ReasonKind::Antonym
        );
    }

    #[test]
    fn antonym_conflicts() {
        assert_eq!(
            kinds(
                "The board approved the merger.",
                "The board rejected the merger."
            ),
            [ReasonKind::Antonym]
        );
        assert_eq!(
            kinds("Shares rose sharply.", "Shares fell sharply."),
            [ReasonKind::Antonym]
        );
        assert!(kinds("Prices did not rise.", "Prices fell.").is_empty());
    }

    #[test]
    fn parts_of_names_and_titles_are_not_conflicts() {
        assert!(kinds(
            "North Korea will suspend its missile tests, the leader said.",
            "South Korea will suspend its missile tests, the leader said."
        )
        .is_empty());
        assert!(kinds(
            "The inquiry was led by Representative Devin Nunes of the committee.",
            "The inquiry was led by Chairman Devin Nunes of the committee."
        )
        .is_empty());
    }

    #[test]
    fn opposites_telling_which_one_are_not_conflicts() {
        assert!(kinds(
            "The minister praised her first visit to the port.",
            "The minister praised her last visit to the port."
        )
        .is_empty());
        assert!(kinds(
            "The company reported higher imports of steel.",
            "The company reported higher exports of steel."
        )
        .is_empty());
        assert!(kinds(
            "Trump ended the call by praising Comey.",
            "Comey began taking notes on each call with Trump."
        )
        .is_empty());
    }

    #[test]
    fn opposites_naming_different_people_are_not_conflicts() {
        assert!(kinds("A man is cooking pasta.", "A woman is cooking pasta.").is_empty());
        assert!(kinds("Two girls are playing.", "Two boys are playing.").is_empty());
    }
}
