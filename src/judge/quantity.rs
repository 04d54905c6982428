//! Quantity: different numbers, amounts of money, dates and times for the same thing.

use super::frame::{same_event, same_frame};
use super::sentence::gap;
use super::{reason, token_evidence, Claim};
use crate::model::{Evidence, Pair, Reason, ReasonKind};
use crate::normalize::{Precision, Quantity, Token, TokenKind, Unit};

/// The class of a value: numbers are compared only within one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ValueClass {
    Count,
    /// A number set off by commas after a name: an age.
    Age,
    Money(char),
    Percent,
    Year,
    Clock,
    DayOfMonth,
    Weekday,
    Month,
}

impl ValueClass {
    fn reason_kind(self) -> ReasonKind {
        match self {
            ValueClass::Count | ValueClass::Age | ValueClass::Money(_) | ValueClass::Percent => {
                ReasonKind::Number
            }
            _ => ReasonKind::Date,
        }
    }
}

/// A token's value as a comparable quantity: days of a month become `month * 100 + day`.
pub(super) fn value_of(token: &Token) -> Option<(ValueClass, Quantity)> {
    let exact = |value: f64, unit| Quantity {
        value,
        unit,
        precision: Precision::Exact,
    };
    match &token.kind {
        TokenKind::Number(q) => {
            let class = match q.unit {
                Unit::Count => ValueClass::Count,
                Unit::Money(c) => ValueClass::Money(c),
                Unit::Percent => ValueClass::Percent,
                Unit::Year => ValueClass::Year,
                Unit::Clock => ValueClass::Clock,
                Unit::DayOf(month) => {
                    return Some((
                        ValueClass::DayOfMonth,
                        exact(f64::from(month) * 100.0 + q.value, Unit::Count),
                    ))
                }
            };
            Some((class, *q))
        }
        TokenKind::Weekday(d) => Some((ValueClass::Weekday, exact(f64::from(*d), Unit::Count))),
        TokenKind::Month(m) => Some((ValueClass::Month, exact(f64::from(*m), Unit::Count))),
        _ => None,
    }
}

/// Numbers, dates and times that both sides give for one class of value and that cannot both be
/// true. A value one side gives and the other does not is detail, not conflict.
pub(super) fn quantity_conflicts(claims: Pair<Claim>) -> Vec<Reason> {
    let values = |claim: Claim<'_>| -> Vec<(usize, ValueClass, Quantity)> {
        claim
            .tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                value_of(t)
                    .filter(|(c, _)| {
                        let names_a_thing = *c == ValueClass::Year && names_which(claim, i);
                        !(names_a_thing || closes_years_naming(claim, i))
                    })
                    .map(|(c, q)| {
                        let class = if c == ValueClass::Count && is_apposition(claim, i) {
                            ValueClass::Age
                        } else {
                            c
                        };
                        (i, class, q)
                    })
            })
            .collect()
    };
    let left = values(claims.left);
    let right = values(claims.right);
    let unmatched = |mine: &[(usize, ValueClass, Quantity)],
                     theirs: &[(usize, ValueClass, Quantity)]| {
        mine.iter()
            .filter(|(_, class, q)| {
                !theirs
                    .iter()
                    .any(|(_, c, other)| c == class && q.compatible(other))
            })
            .copied()
            .collect::<Vec<_>>()
    };
    let left_open = unmatched(&left, &right);
    let right_open = unmatched(&right, &left);

    let mut found: Vec<(ReasonKind, Pair<Vec<Evidence>>)> = Vec::new();
    for (rank, &(li, class, _)) in left_open.iter().enumerate() {
        // The right value of the same class that counts the same thing ("120 jobs" / "150
        // employees"); failing that, the one in the same position among the unmatched values.
        // Values whose counted nouns differ ("58 years" / "1,300 votes") are not compared.
        let same_class: Vec<usize> = right_open
            .iter()
            .filter(|(_, c, _)| *c == class)
            .map(|(ri, _, _)| *ri)
            .collect();
        let left_head = counted_noun(claims.left, li);
        let by_noun = same_class.iter().copied().find(|&ri| {
            let right_head = counted_noun(claims.right, ri);
            left_head
                .zip(right_head)
                .is_some_and(|(l, r)| l.shares_meaning(r))
        });
        let left_rank = left_open[..rank]
            .iter()
            .filter(|(_, c, _)| *c == class)
            .count();
        let by_position = same_class.get(left_rank).copied().filter(|&ri| {
            let right_head = counted_noun(claims.right, ri);
            match (left_head, right_head) {
                (Some(l), Some(r)) => l.shares_meaning(r),
                _ => true,
            }
        });
        let Some(ri) = by_noun.or(by_position) else {
            continue;
        };
        // "In July, North Korea tested its first ICBM" / "talks were held in March": two dates
        // of two events. A value conflicts only with the value the other side gives for the
        // same thing, which the words around the two must show.
        let calendar = matches!(
            class,
            ValueClass::Weekday | ValueClass::DayOfMonth | ValueClass::Month | ValueClass::Year
        );
        if !same_frame(Pair::new(claims.left, claims.right), li, ri)
            || (calendar && !same_event(Pair::new(claims.left, claims.right), li, ri))
        {
            continue;
        }
        let l = token_evidence(claims.left, &claims.left.tokens[li]);
        let r = token_evidence(claims.right, &claims.right.tokens[ri]);
        let kind = class.reason_kind();
        match found.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, evidence)) => {
                evidence.left.push(l);
                evidence.right.push(r);
            }
            None => found.push((kind, Pair::new(vec![l], vec![r]))),
        }
    }
    found
        .into_iter()
        .map(|(kind, evidence)| reason(kind, evidence))
        .collect()
}

/// The noun a number counts: the word right after it ("120 jobs"), or after "of" and a
/// determiner ("15% of its staff"). Words further on are about something else ("8.5% in
/// after-hours trading" counts nothing).
pub(super) fn counted_noun<'a>(claim: Claim<'a>, index: usize) -> Option<&'a Token> {
    let tokens = claim.tokens;
    let mut after_of = false;
    for (j, token) in tokens.iter().enumerate().skip(index + 1).take(3) {
        if gap(claim, j - 1).contains([',', ';', '.', '(', ')', ':']) {
            return None;
        }
        if matches!(token.kind, TokenKind::Content) {
            // "an 18-year-old brother": an age counts years of whoever follows.
            if matches!(token.lemma.as_str(), "year" | "month" | "week" | "day")
                && tokens.get(j + 1).is_some_and(|t| t.lower == "old")
            {
                return tokens.get(j + 2).filter(|t| t.is_content());
            }
            return Some(token);
        }
        let determiner = matches!(
            token.lower.as_str(),
            "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "a"
                | "an"
                | "all"
                | "our"
                | "these"
                | "those"
        );
        // "four more years", "two other men": the count still counts the noun after.
        let comparative = matches!(
            token.lower.as_str(),
            "more" | "fewer" | "less" | "other" | "additional" | "extra"
        );
        if token.lower == "of" {
            after_of = true;
        } else if !(comparative || after_of && determiner) {
            return None;
        }
    }
    None
}

/// Whether the year at `index` says which thing a noun is ("the 2016 campaign", "the 1953
/// armistice") rather than when something happened ("in 2016"): it stands right before a noun.
/// Two articles name different campaigns and wars by their years; such a year dates nothing the
/// other statement tells.
///
/// So does a range of years before a noun ("the 1950-53 Korean War"), both its years.
pub(super) fn names_which(claim: Claim, index: usize) -> bool {
    let before_noun = |at: usize| {
        claim.tokens.get(at + 1).is_some_and(|next| {
            matches!(next.kind, TokenKind::Content)
                && gap(claim, at)
                    .chars()
                    .all(|c| c.is_whitespace() || c == '-')
        })
    };
    let number = |at: usize| {
        claim
            .tokens
            .get(at)
            .is_some_and(|t| matches!(t.kind, TokenKind::Number(_)))
    };
    // The first year of a range.
    let opens_range = number(index + 1) && dash_after(claim, index) && before_noun(index + 1);
    before_noun(index) || opens_range
}

/// Whether the number at `index` closes a range of years that [`names_which`] thing a noun is
/// ("53" of "the 1950-53 Korean War"): it is no count.
fn closes_years_naming(claim: Claim, index: usize) -> bool {
    index > 0
        && dash_after(claim, index - 1)
        && value_of(&claim.tokens[index - 1]).is_some_and(|(c, _)| c == ValueClass::Year)
        && names_which(claim, index - 1)
}

/// Whether a dash alone joins the token at `index` to the next one, as in a range ("1950-53").
fn dash_after(claim: Claim, index: usize) -> bool {
    matches!(gap(claim, index), "-" | "–")
}

/// Whether a number stands between commas after a name, as ages do ("Hartwell, 58, is ...").
pub(super) fn is_apposition(claim: Claim, index: usize) -> bool {
    let tokens = claim.tokens;
    index > 0
        && index + 1 < tokens.len()
        && gap(claim, index - 1).trim() == ","
        && gap(claim, index).trim_start().starts_with(',')
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use crate::model::ReasonKind;

    #[test]
    fn number_conflicts_and_rounding() {
        assert_eq!(
            kinds("12 people were killed.", "15 people were killed."),
            [ReasonKind::Number]
        );
        assert_eq!(
            kinds(
                "The deal is worth $3.2 million.",
                "The deal is worth $2.3 million."
            ),
            [ReasonKind::Number]
        );
        assert!(kinds("About 200 people attended.", "213 people attended.").is_empty());
        // One outlet rounds what the other gives in full; a number of one digit is not a
        // rounding of another.
        assert!(kinds(
            "The company earned $114 million in the quarter.",
            "The company earned $114.3 million in the quarter."
        )
        .is_empty());
        assert!(kinds("Sales rose 17 percent.", "Sales rose 17.3 percent.").is_empty());
        // A number written from its decimal point is below one.
        assert!(kinds(
            "Heating oil settled .85 cent lower.",
            "Heating oil ended down 0.85 cent."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Heating oil settled .85 cent lower.",
                "Heating oil ended down 85 cents."
            ),
            [ReasonKind::Number]
        );
        // 1.2 is a multiple of 0.1, however floating point divides it.
        assert!(kinds(
            "The index slipped 1.23 percent.",
            "The index slipped 1.2 percent."
        )
        .is_empty());
        assert!(kinds(
            "The company must pay the $53.7-million or post a bond.",
            "The company must pay the $53.7 million or post a bond."
        )
        .is_empty());
        // A hyphenated number word is one number: "Fifty-seven" is not "Fifty".
        assert!(kinds(
            "Fifty-seven senators have signed the letter.",
            "Of those who signed the letter, 57 are senators."
        )
        .is_empty());
        assert!(kinds(
            "Ninety-five percent of the cargo goes by ship.",
            "Ships carry 95 percent of the cargo."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Twenty-one people were hurt.",
                "Twenty-four people were hurt."
            ),
            [ReasonKind::Number]
        );
        assert_eq!(
            kinds("10 people were killed.", "12 people were killed."),
            [ReasonKind::Number]
        );
        assert_eq!(
            kinds("Sales rose 17 percent.", "Sales rose 17.6 percent."),
            [ReasonKind::Number]
        );
        assert!(kinds("Twelve people were killed.", "12 people died.").is_empty());
    }

    #[test]
    fn numbers_counting_different_things_are_not_compared() {
        assert!(kinds(
            "Hartwell, 58, won the race.",
            "Hartwell won the race by 1,300 votes."
        )
        .is_empty());
        assert!(kinds(
            "The plant employs 300 people.",
            "The plant employs people on 2 shifts."
        )
        .is_empty());
        assert!(kinds(
            "The voters gave Hartwell four more years.",
            "Hartwell won by 1,300 votes."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Revenue was $48.3 million, down from $52.1 million.",
                "Revenue came in at $43.8 million."
            ),
            [ReasonKind::Number]
        );
    }

    #[test]
    fn ages_and_shares_of_different_things_are_not_compared() {
        assert!(kinds(
            "Claros joined the march with his 18-year-old brother.",
            "Another march participant, 23-year-old Monica Torres, joined the march."
        )
        .is_empty());
        assert!(kinds(
            "The steel tariff covered just 30 percent of all imports.",
            "Countries without exemptions face a 25 percent tariff on steel imports."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "Claros joined the march with his 18-year-old brother.",
                "Claros joined the march with his 16-year-old brother."
            ),
            [ReasonKind::Number]
        );
    }

    #[test]
    fn vague_amounts_are_lower_bounds() {
        assert!(kinds(
            "Dozens of residents spoke.",
            "More than 40 residents spoke."
        )
        .is_empty());
        assert!(kinds(
            "It knows of three crashes.",
            "It is aware of several crashes."
        )
        .is_empty());
    }

    #[test]
    fn detail_is_not_conflict() {
        assert!(kinds(
            "The plant closed on Tuesday with 300 workers laid off.",
            "The plant closed."
        )
        .is_empty());
    }

    #[test]
    fn a_range_of_years_before_a_noun_names_the_thing() {
        assert!(kinds(
            "North Korea seeks a treaty to formally end the 1950-53 Korean War.",
            "North Korea seeks a treaty to formally end the war halted in 1953."
        )
        .is_empty());
    }

    #[test]
    fn date_conflicts() {
        assert_eq!(
            kinds(
                "The vote was held on Tuesday.",
                "The vote was held on Wednesday."
            ),
            [ReasonKind::Date]
        );
        assert_eq!(
            kinds("It opened on March 3.", "It opened on March 13."),
            [ReasonKind::Date]
        );
        assert_eq!(
            kinds("The blast came at 9 a.m.", "The blast came at 11 a.m."),
            [ReasonKind::Date]
        );
    }

    #[test]
    fn a_day_written_before_its_month_is_a_date() {
        assert_eq!(
            kinds("He will visit on 13 July.", "He will visit on July 20."),
            [ReasonKind::Date]
        );
        assert!(kinds("He will visit on 13 July.", "He will visit on July 13.").is_empty());
        // Not a count of 13 beside "thousands".
        assert!(kinds(
            "Thousands will protest during the visit on 13 July.",
            "Thousands will protest during the visit."
        )
        .is_empty());
    }

    #[test]
    fn a_dozen_multiplies() {
        assert!(kinds(
            "He was given almost four dozen questions.",
            "He was given dozens of questions."
        )
        .is_empty());
        assert_eq!(
            kinds(
                "He was given four dozen questions.",
                "He was given 12 questions."
            ),
            [ReasonKind::Number]
        );
    }
}
