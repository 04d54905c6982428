//! Word-level differences inside an aligned pair, so a reader sees at a glance what changed.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

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

/// The word diff from `left` to `right`; consecutive changes of one kind form one chunk, and
/// whitespace between two changed words stays inside the change.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffChunk> {
    let diff = TextDiff::from_words(left, right);
    let mut chunks: Vec<DiffChunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        let text = change.value();
        match chunks.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => chunks.push(DiffChunk {
                op,
                text: text.to_string(),
            }),
        }
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_replaced_words() {
        let chunks = word_diff("Shares rose 5 percent.", "Shares fell 5 percent.");
        let ops: Vec<(DiffOp, &str)> = chunks.iter().map(|c| (c.op, c.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (DiffOp::Equal, "Shares "),
                (DiffOp::Delete, "rose"),
                (DiffOp::Insert, "fell"),
                (DiffOp::Equal, " 5 percent."),
            ]
        );
    }

    #[test]
    fn both_sides_can_be_rebuilt() {
        let (l, r) = ("The U.S. said no.", "America said yes, twice.");
        let chunks = word_diff(l, r);
        let left: String = chunks
            .iter()
            .filter(|c| c.op != DiffOp::Insert)
            .map(|c| c.text.as_str())
            .collect();
        let right: String = chunks
            .iter()
            .filter(|c| c.op != DiffOp::Delete)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!((left.as_str(), right.as_str()), (l, r));
    }
}
