//! The word diff through the binary: quote style, dashes and punctuation are no change by
//! default, and `--exact-diff` marks them (issue 17: `[-‘the-] {+that 'the+}` and
//! `[-nonsense,-] {+nonsense+}` turned a paraphrase into a wall of changes).

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const LEFT: &str =
    "The minister called the report ‘utter nonsense,’ and said the audit — begun in \
                    2019 — found no fraud.\n";
const RIGHT: &str =
    "The minister called the report 'utter nonsense' and said the audit - begun in \
                     2019 - found no fraud.\n";

/// The report of the two statements above in `format`, with `flags`.
fn report(format: &str, flags: &[&str]) -> String {
    let dir = TempDir::new().unwrap();
    let (left, right) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&left, LEFT).unwrap();
    std::fs::write(&right, RIGHT).unwrap();
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["--format", format])
        // Color and width shape the text report only; elsewhere they are refused.
        .args(if format == "text" {
            &["--color", "never", "--width", "100"][..]
        } else {
            &[]
        })
        .args(flags)
        .arg(&left)
        .arg(&right)
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn only_pair(json: &str) -> Value {
    let report: Value = serde_json::from_str(json).unwrap();
    let pairs = report["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{report}");
    pairs[0].clone()
}

/// The pair's word diff as the text report shows it (the last thing of the report), unwrapped.
fn diff_line(text: &str) -> String {
    let at = text
        .find("\n  diff ")
        .unwrap_or_else(|| panic!("no diff line:\n{text}"));
    text[at..].split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn quote_style_dashes_and_punctuation_are_no_change_by_default() {
    let pair = only_pair(&report("json", &[]));
    assert_eq!(pair["relation"], "agree");
    let diff = pair["diff"].as_array().unwrap();
    assert_eq!(diff.len(), 1, "one equal run: {diff:?}");
    assert_eq!(diff[0]["op"], "equal");
    // Each side can still be quoted as written.
    assert_eq!(diff[0]["text"], LEFT.trim_end());
    assert_eq!(diff[0]["right_text"], RIGHT.trim_end());

    let text = report("text", &[]);
    let line = diff_line(&text);
    assert!(!line.contains("[-") && !line.contains("{+"), "{text}");

    // Side by side, the right column quotes the right statement, not the left one's quotes.
    let side_by_side = report("text", &["--side-by-side"]);
    let right_column: String = side_by_side
        .lines()
        .filter_map(|line| line.split_once(" │ ").map(|(_, right)| right))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(right_column.contains("'utter nonsense'"), "{side_by_side}");
    assert!(!right_column.contains('‘'), "{side_by_side}");
}

#[test]
fn exact_diff_marks_quote_style_dashes_and_punctuation() {
    let pair = only_pair(&report("json", &["--exact-diff"]));
    let diff = pair["diff"].as_array().unwrap();
    assert!(diff.iter().any(|chunk| chunk["op"] == "delete"), "{diff:?}");
    assert!(diff.iter().all(|chunk| chunk["right_text"].is_null()));

    let text = report("text", &["--exact-diff"]);
    let line = diff_line(&text);
    assert!(line.contains("[-‘utter nonsense,’-]"), "{text}");
    assert!(line.contains("{+'utter nonsense'+}"), "{text}");
    assert!(line.contains("[-—-]") && line.contains("{+-+}"), "{text}");
}

#[test]
fn exact_diff_is_a_flag_of_article_mode() {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["--exact-diff", "--pairs", "pairs.jsonl"])
        .assert()
        .code(2);
}
