//! Word-level differences inside an aligned pair, so a reader sees at a glance what changed.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// Whether a piece of text is shared, only on the left (removed) or only on the right (added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// A run of words with one [`DiffOp`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffChunk {
    pub op: DiffOp,
    pub text: String,
}

/// The word diff from `left` to `right`. Words are compared without the spaces between them
/// (a diff over words *and* spaces matches spaces everywhere and interleaves unrelated words);
/// consecutive words of one kind form one chunk, a replaced run reads as all its removed words,
/// then all its added words; chunks keep the single spaces that separate words.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffChunk> {
    let left_words: Vec<&str> = left.split_whitespace().collect();
    let right_words: Vec<&str> = right.split_whitespace().collect();
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(&left_words, &right_words);
    let mut chunks: Vec<DiffChunk> = Vec::new();
    for op in diff.ops() {
        // Deletions of a replaced run come before its insertions.
        let mut changes: Vec<_> = diff.iter_changes(op).collect();
        changes.sort_by_key(|c| match c.tag() {
            ChangeTag::Delete => 0,
            ChangeTag::Equal => 1,
            ChangeTag::Insert => 2,
        });
        for change in changes {
            let op = match change.tag() {
                ChangeTag::Equal => DiffOp::Equal,
                ChangeTag::Delete => DiffOp::Delete,
                ChangeTag::Insert => DiffOp::Insert,
            };
            let word = change.value();
            match chunks.last_mut() {
                Some(last) if last.op == op => {
                    last.text.push(' ');
                    last.text.push_str(word);
                }
                _ => chunks.push(DiffChunk {
                    op,
                    text: word.to_string(),
                }),
            }
        }
    }
    chunks
}

/// The diff as plain text with `[-removed-]` and `{+added+}` markers, as `wdiff` writes it.
pub fn to_marked_text(chunks: &[DiffChunk]) -> String {
    chunks
        .iter()
        .map(|chunk| match chunk.op {
            DiffOp::Equal => chunk.text.clone(),
            DiffOp::Delete => format!("[-{}-]", chunk.text),
            DiffOp::Insert => format!("{{+{}+}}", chunk.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_replaced_words() {
        let chunks = word_diff("Shares rose 5 percent.", "Shares fell 5 percent.");
        assert_eq!(
            to_marked_text(&chunks),
            "Shares [-rose-] {+fell+} 5 percent."
        );
    }

    #[test]
    fn unrelated_runs_do_not_interleave() {
        let chunks = word_diff(
            "North Korea is threatening to fight back.",
            "New York Times reported that North Korea threatened retaliation.",
        );
        assert_eq!(
            to_marked_text(&chunks),
            "{+New York Times reported that+} North Korea [-is threatening to fight back.-] \
             {+threatened retaliation.+}"
        );
    }

    #[test]
    fn both_sides_can_be_rebuilt_word_by_word() {
        let (l, r) = ("The U.S.  said\nno.", "America said yes, twice.");
        let chunks = word_diff(l, r);
        let side = |skip: DiffOp| {
            chunks
                .iter()
                .filter(|c| c.op != skip)
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(side(DiffOp::Insert), "The U.S. said no.");
        assert_eq!(side(DiffOp::Delete), r);
    }
}
