//! How strongly one word says another, as every check weighs it: the same meaning, or a more
//! specific word saying a more general one.

use crate::intern::SymList;

use crate::normalize::{Token, TokenKind};
use crate::similarity::{term_match, token_match, Term};

/// Match strength from which a word of one statement says a word of the other (the same
/// meaning, a near-miss spelling, a compatible number); antonyms and different numbers are less.
pub const FIRM_MATCH: f64 = 0.8;

/// [`says`] of two terms of profiles, with what was computed for them beforehand: `ancestors`
/// are those of `source`'s lemma ([`crate::thesaurus::ancestors`]), read once for all the words
/// it is tested against.
pub fn term_says(source: &Term, word: &Term, ancestors: SymList) -> bool {
    term_says_at(term_match(word, source), source, word, ancestors)
}

/// [`term_says`], the [`term_match`] of `word` with `source` being known.
pub fn term_says_at(strength: f64, source: &Term, word: &Term, ancestors: SymList) -> bool {
    strength >= FIRM_MATCH
        || (matches!(word.token.kind, TokenKind::Content)
            && matches!(source.token.kind, TokenKind::Content)
            && ancestors.contains(&word.token.lemma))
}

/// Whether `source` says what `word` says: the same meaning, a compatible number, or a more
/// specific word ("slice" says "cut", "poodle" says "dog").
pub fn says(source: &Token, word: &Token) -> bool {
    token_match(word, source) >= FIRM_MATCH
        || (matches!(word.kind, TokenKind::Content)
            && matches!(source.kind, TokenKind::Content)
            && crate::thesaurus::is_hypernym_of(word.lemma, source.lemma))
}
