//! The parts of a sentence the checks ask about: the clause around a word, the asserted and
//! factual parts of a statement, names.

use super::Claim;
use crate::lexicon;

use crate::normalize::{Token, TokenKind};

/// Text between two consecutive tokens of a claim.
pub(super) fn gap<'a>(claim: Claim<'a>, before: usize) -> &'a str {
    let tokens = claim.tokens;
    &claim.text[tokens[before].span.end..tokens[before + 1].span.start]
}

/// Indices of tokens in asserted clauses, i.e. not inside "if ...", "unless ..." up to the next
/// comma or semicolon.
pub(super) fn asserted(claim: Claim) -> Vec<bool> {
    let mut in_side_clause = false;
    let mut result = Vec::with_capacity(claim.tokens.len());
    for (i, token) in claim.tokens.iter().enumerate() {
        if i > 0 && gap(claim, i - 1).contains([',', ';', '—', ':']) {
            in_side_clause = false;
        }
        if lexicon::SIDE_CLAUSE_OPENERS.contains(&token.lower.as_str()) {
            in_side_clause = true;
        }
        result.push(!in_side_clause);
    }
    result
}

/// Which tokens of a claim state a fact: not in a side clause ("if ..."), and not after a modal
/// or the "to" of a verb of intention in their clause ("Mueller hopes to question the
/// president", "North Korea can resume testing"): those are aims and possibilities, which a
/// negation of the fact does not contradict.
pub(super) fn factual(claim: Claim) -> Vec<bool> {
    let mut result = asserted(claim);
    let tokens = claim.tokens;
    let mut irrealis = false;
    for i in 0..tokens.len() {
        if i > 0 && gap(claim, i - 1).contains([',', ';', '—', ':', '.', '?', '!']) {
            irrealis = false;
        }
        let lower = tokens[i].lower.as_str();
        // "hopes to ...", and "is hoping that ..." too.
        let intention_to = matches!(lower, "to" | "that")
            && i > 0
            && lexicon::INTENTION_VERBS.contains(&tokens[i - 1].lemma.as_str());
        if intention_to || lexicon::MODALS.contains(&lower) {
            irrealis = true;
        }
        if irrealis {
            result[i] = false;
        }
    }
    result
}

/// The most words a clause reaches on each side of a word. A clause of the news runs to 30 or
/// so words; text without punctuation (a list, a paragraph with no full stop) would otherwise
/// make every question about a word's clause cost the whole statement, and the checks that ask
/// it of each word cost its square.
const CLAUSE_REACH: usize = 48;

/// The clause token `i` stands in: from the punctuation before it to the punctuation after it
/// (a comma, semicolon, dash, colon or sentence end), at most [`CLAUSE_REACH`] words each way.
pub(super) fn clause_around(claim: Claim, i: usize) -> std::ops::Range<usize> {
    let breaks = |k: usize| gap(claim, k).contains([',', ';', '—', ':', '.', '?', '!']);
    let mut start = i;
    while start > 0 && i - start < CLAUSE_REACH && !breaks(start - 1) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < claim.tokens.len() && end - i <= CLAUSE_REACH && !breaks(end - 1) {
        end += 1;
    }
    start..end
}

/// Where a token of `claim` stands in it: tokens are told apart by their spans.
pub(super) fn index_of(claim: Claim, token: &Token) -> Option<usize> {
    claim.tokens.iter().position(|t| t.span == token.span)
}

/// Whether a token is a name: capitalized inside the statement, and a word no dictionary knows
/// (capitalized common words, "Chairman", "World", are titles and headline case).
pub(super) fn is_name(token: &Token) -> bool {
    token.proper
        && matches!(token.kind, TokenKind::Content)
        && !crate::thesaurus::has_synsets(&token.lower)
        && crate::thesaurus::frequency(&token.lemma) == 0
}
