//! How much two statements say the same thing, from 0 (nothing shared) to 1 (the same content).
//!
//! The score is a soft, weighted Dice coefficient over content tokens. Each token weighs its
//! informativeness in the two documents being compared (inverse document frequency over their
//! statements), so "Korea" in a story about Korea counts for little and "sanctions" for a lot. A
//! token's match in the other statement is the best of: the same key (1), a near-miss spelling by
//! Jaro-Winkler (typos, "cyber-attack" / "cyberattack"), an antonym (the pair is about the same
//! thing even if it contradicts), or a value in the same slot (two different numbers, two
//! weekdays): contradicting statements must still align so that they can be judged.

use std::collections::HashMap;

use crate::normalize::{Token, TokenKind};

/// Match strength of an antonym: enough to align "rose" with "fell", less than agreement.
const ANTONYM_MATCH: f64 = 0.7;
/// Match strength of two different values of one kind (12 / 15, Tuesday / Wednesday).
const SLOT_MATCH: f64 = 0.6;
/// Jaro-Winkler similarity from which two words count as the same word misspelt.
const NEAR_MISS_MIN: f64 = 0.93;
/// Match strength of a near miss.
const NEAR_MISS_MATCH: f64 = 0.8;

/// The content of one statement, ready for scoring.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Content tokens with distinct keys, in text order.
    pub terms: Vec<Token>,
}

impl Profile {
    pub fn new(tokens: &[Token]) -> Profile {
        let mut terms: Vec<Token> = Vec::new();
        for token in tokens.iter().filter(|t| t.is_content()) {
            if !terms.iter().any(|t| t.key == token.key) {
                terms.push(token.clone());
            }
        }
        Profile { terms }
    }
}

/// Informativeness of each key within the two compared documents.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    idf: HashMap<String, f64>,
    default: f64,
}

impl Weights {
    /// Inverse document frequency over all given profiles (both documents' statements).
    pub fn from_profiles<'a>(profiles: impl IntoIterator<Item = &'a Profile>) -> Weights {
        let mut frequency: HashMap<String, usize> = HashMap::new();
        let mut count = 0usize;
        for profile in profiles {
            count += 1;
            for term in &profile.terms {
                *frequency.entry(term.key.clone()).or_default() += 1;
            }
        }
        let n = count as f64;
        let idf = frequency
            .into_iter()
            .map(|(key, df)| (key, (1.0 + n / df as f64).ln()))
            .collect();
        Weights {
            idf,
            default: (1.0 + n.max(1.0)).ln(),
        }
    }

    pub fn of(&self, token: &Token) -> f64 {
        let base = self.idf.get(&token.key).copied().unwrap_or(self.default);
        // Numbers and dates are facts a reader checks, but one shared "3" says little on its own.
        match token.kind {
            TokenKind::Number(_) | TokenKind::Weekday(_) | TokenKind::Month(_) => base * 0.6,
            _ => base,
        }
    }
}

/// How well token `a` is matched by token `b`, in `0..=1`.
pub fn token_match(a: &Token, b: &Token) -> f64 {
    if a.key == b.key {
        return 1.0;
    }
    match (&a.kind, &b.kind) {
        (TokenKind::Number(x), TokenKind::Number(y)) if x.unit == y.unit => return SLOT_MATCH,
        (TokenKind::Weekday(_), TokenKind::Weekday(_)) | (TokenKind::Month(_), TokenKind::Month(_)) => {
            return SLOT_MATCH
        }
        (TokenKind::Content, TokenKind::Content) => {}
        _ => return 0.0,
    }
    if crate::lexicon::are_antonyms(&a.key, &b.key) {
        return ANTONYM_MATCH;
    }
    if a.lower.len() >= 5 && b.lower.len() >= 5 {
        let jw = strsim::jaro_winkler(&a.lower, &b.lower);
        if jw >= NEAR_MISS_MIN {
            return NEAR_MISS_MATCH;
        }
    }
    0.0
}

/// The similarity of two statements (see the module docs).
pub fn similarity(a: &Profile, b: &Profile, weights: &Weights) -> f64 {
    let total: f64 = a.terms.iter().chain(&b.terms).map(|t| weights.of(t)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let covered = |from: &Profile, to: &Profile| -> f64 {
        from.terms
            .iter()
            .map(|t| {
                let best = to
                    .terms
                    .iter()
                    .map(|u| token_match(t, u))
                    .fold(0.0, f64::max);
                weights.of(t) * best
            })
            .sum::<f64>()
    };
    ((covered(a, b) + covered(b, a)) / total).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    fn profile(text: &str) -> Profile {
        Profile::new(&tokenize(text, 0))
    }

    fn sim(a: &str, b: &str) -> f64 {
        let (a, b) = (profile(a), profile(b));
        let weights = Weights::from_profiles([&a, &b]);
        similarity(&a, &b, &weights)
    }

    #[test]
    fn identical_statements_score_one() {
        assert!((sim("The council approved the budget.", "The council approved the budget.") - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unrelated_statements_score_zero() {
        assert_eq!(sim("The council approved the budget.", "Rain is expected on Friday."), 0.0);
    }

    #[test]
    fn paraphrase_scores_above_different_topic() {
        let paraphrase = sim("Sony cancelled the release of the movie.", "Sony dropped the film's release.");
        let other = sim("Sony cancelled the release of the movie.", "Sony shares rose in Tokyo trading.");
        assert!(paraphrase > 0.8, "{paraphrase}");
        assert!(other < paraphrase);
    }

    #[test]
    fn contradictions_still_align() {
        assert!(sim("Shares rose 5 percent on Tuesday.", "Shares fell 3 percent on Wednesday.") > 0.5);
    }

    #[test]
    fn similarity_is_symmetric() {
        let (a, b) = ("Police arrested two men in Dayton.", "Two men were detained by police, officials said.");
        assert!((sim(a, b) - sim(b, a)).abs() < 1e-12);
    }
}
