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
    // Each word's opposition signatures, read once: two words whose signatures share no bit are
    // not opposites, told without a lookup (long statements have hundreds of words a side).
    let signatures = |claim: Claim<'_>, words: &[usize]| -> Vec<(u64, u64)> {
        words
            .iter()
            .map(|&i| claim.tokens[i].opposition_signatures())
            .collect()
    };
    let right_signatures = signatures(claims.right, &right_words);
    let mut rest_said = None;
    for &i in &left_words {
        let a = &claims.left.tokens[i];
        let (a_own, a_opposite) = a.opposition_signatures();
        for (&j, &(b_own, b_opposite)) in right_words.iter().zip(&right_signatures) {
            if a_opposite & b_own == 0 && b_opposite & a_own == 0 {
                continue;
            }
            let b = &claims.right.tokens[j];
            // Cheapest test first: most word pairs are not opposites at all.
            let which_thing = || {
                (describes_an_indefinite(claims.left, i)
                    && describes_an_indefinite(claims.right, j))
                    || describe_different_things(claims, i, j)
            };
            let mut says_the_rest = |i, j| {
                rest_said
                    .get_or_insert_with(|| RestSaid::of(claims))
                    .holds(i, j)
            };
            if a.opposes(b)
                && !lexicon::are_referential_opposites(&a.lemma, &b.lemma)
                && !which_thing()
                && !mentions(claims.right, a)
                && !mentions(claims.left, b)
                && same_frame(Pair::new(claims.left, claims.right), i, j)
                && says_the_rest(i, j)
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
/// for two opposite words to contradict (see [`RestSaid::holds`]).
pub(super) const OPPOSITE_REST_SAID: f64 = 0.25;

/// What [`RestSaid::holds`] reads for a pair of statements, kept while its pairs of opposite
/// words are asked: each side's content words, and which of them the other side says, worked
/// out word by word only as far as an answer needs (a long statement has hundreds of words, and
/// each is compared with every word of the other).
struct RestSaid<'c> {
    claims: Pair<Claim<'c>>,
    left: SideSaid,
    right: SideSaid,
}

/// One side's content words (token indices) and, for those asked so far, whether the other side
/// says them.
struct SideSaid {
    content: Vec<usize>,
    said: Vec<Option<bool>>,
}

impl SideSaid {
    fn of(own: Claim<'_>) -> SideSaid {
        let content: Vec<usize> = (0..own.tokens.len())
            .filter(|&k| own.tokens[k].is_content())
            .collect();
        SideSaid {
            said: vec![None; content.len()],
            content,
        }
    }

    /// The number of content words but the one at `skip`.
    fn rest_len(&self, skip: usize) -> usize {
        self.content.len() - usize::from(self.content.binary_search(&skip).is_ok())
    }

    /// Whether the other side says at least `needed` of the content words but the one at
    /// `skip`: stops as soon as it does, or can no longer.
    fn says_at_least(
        &mut self,
        own: Claim<'_>,
        other: Claim<'_>,
        skip: usize,
        needed: usize,
    ) -> bool {
        let mut said = 0;
        let mut left_to_ask = self.rest_len(skip);
        for (n, &k) in self.content.iter().enumerate() {
            if said >= needed {
                return true;
            }
            if said + left_to_ask < needed {
                return false;
            }
            if k == skip {
                continue;
            }
            left_to_ask -= 1;
            let t = &own.tokens[k];
            let is_said = *self.said[n]
                .get_or_insert_with(|| other.tokens.iter().any(|o| says(o, t) || says(t, o)));
            said += usize::from(is_said);
        }
        said >= needed
    }
}

impl<'c> RestSaid<'c> {
    fn of(claims: Pair<Claim<'c>>) -> RestSaid<'c> {
        RestSaid {
            claims,
            left: SideSaid::of(claims.left),
            right: SideSaid::of(claims.right),
        }
    }

    /// Whether, but for the opposite words at `i` (left) and `j` (right), the shorter statement
    /// says little the other does not: "Shares rose" / "Shares fell sharply" are one claim told
    /// two ways; "Stock prices fell when the tariffs were announced" / "the tariffs have
    /// increased frictions with trading partners" are two claims about a story, and an opposite
    /// between them is no contradiction.
    fn holds(&mut self, i: usize, j: usize) -> bool {
        let (left_len, right_len) = (self.left.rest_len(i), self.right.rest_len(j));
        let shorter = left_len.min(right_len);
        if shorter == 0 {
            return true;
        }
        // The least count that reaches the share: said >= share * shorter.
        let needed = (OPPOSITE_REST_SAID * shorter as f64).ceil() as usize;
        let Pair { left, right } = self.claims;
        if left_len <= right_len {
            self.left.says_at_least(left, right, i, needed)
        } else {
            self.right.says_at_least(right, left, j, needed)
        }
    }
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

/// The word an opposite describes when it stands right before it: "close [relationship]",
/// "late [Thursday]". Not a number: "rose [12%]" says how much, not of what.
fn described_word<'c>(claim: Claim<'c>, i: usize) -> Option<&'c Token> {
    claim.tokens.get(i + 1).filter(|next| {
        !matches!(next.kind, TokenKind::Number(_))
            && next.is_content()
            && gap(claim, i).chars().all(char::is_whitespace)
    })
}

/// Whether two opposite words each describe a word, and not the same one: "their close
/// relationship" / "an opening ceremony", "his early encounters" / "late Thursday" describe two
/// things, not one thing two ways. "Rising prices" / "prices fell" still oppose.
fn describe_different_things(claims: Pair<Claim>, i: usize, j: usize) -> bool {
    match (
        described_word(claims.left, i),
        described_word(claims.right, j),
    ) {
        (Some(a), Some(b)) => !(says(a, b) || says(b, a)),
        _ => false,
    }
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
    fn opposites_describing_two_different_things_are_not_conflicts() {
        for (left, right) in [
            (
                "Mr. Trump rolled out the red carpet for Mr. Macron and praised their close relationship.",
                "Macron said in remarks at an opening ceremony that they will act together.",
            ),
            (
                "The former FBI director detailed his early encounters with President Trump.",
                "President Trump late Thursday tweeted about the former FBI director.",
            ),
        ] {
            assert!(
                !kinds(left, right).contains(&ReasonKind::Antonym),
                "{left} / {right}"
            );
        }
        assert!(kinds(
            "The company reported rising prices in March.",
            "The company reported falling prices in March."
        )
        .contains(&ReasonKind::Antonym));
    }

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
