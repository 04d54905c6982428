//! Statement labels (`L11.2`: the second statement that starts on line 11 of the left file):
//! each names one statement, and the same one in every format (issue 17: a line number alone
//! named several statements, `L21` twice in one list, and the JSON said `"id": 5` where the text
//! said `L11`).

use std::collections::HashSet;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const SEED_LEFT: &str = "seeds/000_28f1410be158b030.txt";
const SEED_RIGHT: &str = "seeds/003_0b289d2134709d16.txt";

/// The report of two files in one format (exit status 0 or 1).
fn run(format: &str, extra: &[&str], left: &str, right: &str) -> String {
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(["--format", format])
        // Color and width shape the text report only; elsewhere they are refused.
        .args(if format == "text" {
            &["--color", "never", "--width", "100"][..]
        } else {
            &[]
        })
        .args(extra)
        .args([left, right])
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn json(left: &str, right: &str) -> Value {
    serde_json::from_str(&run("json", &[], left, right)).unwrap()
}

fn statements<'a>(report: &'a Value, side: &str) -> &'a [Value] {
    report[side]["statements"].as_array().unwrap()
}

fn label<'a>(report: &'a Value, side: &str, id: &Value) -> &'a str {
    let id = id.as_u64().unwrap() as usize;
    let statement = &statements(report, side)[id];
    assert_eq!(statement["id"].as_u64(), Some(id as u64), "ids are indexes");
    statement["label"]
        .as_str()
        .expect("every statement has a label")
}

/// Every label of a JSON report, checked unique per side and of the form `L<line>.<place>`.
fn assert_labels_unique(report: &Value) {
    for (side, letter) in [("left", 'L'), ("right", 'R')] {
        let mut seen = HashSet::new();
        for statement in statements(report, side) {
            let label = statement["label"].as_str().unwrap();
            let line = statement["line"].as_u64().unwrap();
            let (line_part, place) = label[1..].split_once('.').expect("L<line>.<place>");
            assert!(label.starts_with(letter), "{label}");
            assert_eq!(line_part, line.to_string(), "{label} is on line {line}");
            assert!(place.parse::<usize>().unwrap() >= 1, "{label}");
            assert!(
                seen.insert(label.to_string()),
                "{label} names two statements"
            );
        }
    }
}

#[test]
fn no_label_is_repeated_in_the_seeds_report() {
    let report = json(SEED_LEFT, SEED_RIGHT);
    assert_labels_unique(&report);
    // The complaint of the issue: `L21` twice in "Only in LEFT".
    for (format, list) in [("text", "Only in LEFT"), ("markdown", "## Only in LEFT")] {
        let shown = report_text(format, SEED_LEFT, SEED_RIGHT);
        let only = &shown[shown.find(list).expect(list)..];
        let only = &only[..only.find("Only in RIGHT").unwrap_or(only.len())];
        let labels: Vec<&str> = only
            .split_whitespace()
            .map(|word| word.trim_matches('*'))
            .filter(|word| is_label(word, 'L'))
            .collect();
        let unique: HashSet<&&str> = labels.iter().collect();
        assert_eq!(unique.len(), labels.len(), "{format}: {labels:?}");
        assert_eq!(
            labels.len() as u64,
            report["summary"]["left_only"].as_u64().unwrap()
        );
    }
}

fn report_text(format: &str, left: &str, right: &str) -> String {
    run(format, &[], left, right)
}

fn is_label(word: &str, letter: char) -> bool {
    word.strip_prefix(letter)
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(line, place)| {
            !line.is_empty()
                && !place.is_empty()
                && line.bytes().all(|b| b.is_ascii_digit())
                && place.bytes().all(|b| b.is_ascii_digit())
        })
}

#[test]
fn a_file_written_as_one_paragraph_has_a_label_per_statement() {
    let dir = TempDir::new().unwrap();
    let left = dir.path().join("one-paragraph.txt");
    std::fs::write(
        &left,
        "The council approved the budget on Tuesday. The mayor praised the vote. \
         Critics said the plan cuts library hours. A second vote is due in May.\n",
    )
    .unwrap();
    let right = dir.path().join("right.txt");
    std::fs::write(&right, "The council approved the budget on Wednesday.\n").unwrap();
    let (left, right) = (left.to_str().unwrap(), right.to_str().unwrap());

    let report = json(left, right);
    assert_labels_unique(&report);
    let labels: Vec<&str> = statements(&report, "left")
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["L1.1", "L1.2", "L1.3", "L1.4"]);

    // Each statement is quoted under its own label, not four times as `L1`.
    let text = report_text("text", left, right);
    for label in labels {
        assert!(
            text.lines()
                .any(|line| line.trim_start().starts_with(&format!("{label} "))),
            "{label}:\n{text}"
        );
    }
}

/// The words a format shows a statement's text as start with its first word (the formats wrap
/// and escape the rest).
fn first_word(statement: &Value) -> &str {
    statement["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
}

#[test]
fn a_statement_has_the_same_label_in_every_format() {
    let report = json(SEED_LEFT, SEED_RIGHT);
    let text = report_text("text", SEED_LEFT, SEED_RIGHT);
    let side_by_side = run("text", &["--side-by-side"], SEED_LEFT, SEED_RIGHT);
    let markdown = report_text("markdown", SEED_LEFT, SEED_RIGHT);
    let html = report_text("html", SEED_LEFT, SEED_RIGHT);

    let pairs = report["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for pair in pairs {
        let (left, right) = (
            label(&report, "left", &pair["left"]),
            label(&report, "right", &pair["right"]),
        );
        let heading = format!("{left} ↔ {right}");
        assert!(text.contains(&heading), "text: {heading}");
        assert!(side_by_side.contains(&heading), "side by side: {heading}");
        assert!(markdown.contains(&heading), "markdown: {heading}");
        let (left_id, right_id) = (
            pair["left"].as_u64().unwrap(),
            pair["right"].as_u64().unwrap(),
        );
        let linked =
            format!("<a href=\"#l-{left_id}\">{left}</a> ↔ <a href=\"#r-{right_id}\">{right}</a>");
        assert!(html.contains(&linked), "html: {linked}");
    }

    // Every statement in the HTML columns, and each one-sided claim in the text and Markdown
    // reports, opens with its label.
    for (side, letter) in [("left", 'l'), ("right", 'r')] {
        for statement in statements(&report, side) {
            let id = statement["id"].as_u64().unwrap();
            let label = statement["label"].as_str().unwrap();
            let at = html
                .find(&format!("id=\"{letter}-{id}\""))
                .unwrap_or_else(|| panic!("{label} is not in the columns"));
            let opening = &html[at..html[at..].find("</span>").unwrap() + at];
            assert!(
                opening.ends_with(&format!("<span class=\"label\">{label}")),
                "{label}: {opening}"
            );
        }
        let only_key = format!("{side}_only");
        for id in report[only_key.as_str()].as_array().unwrap() {
            let label = label(&report, side, id);
            let statement = &statements(&report, side)[id.as_u64().unwrap() as usize];
            let word = first_word(statement);
            assert!(
                text.contains(&format!("  {label} "))
                    && text.lines().any(|line| {
                        line.trim_start()
                            .strip_prefix(label)
                            .is_some_and(|rest| rest.trim_start().starts_with(word))
                    }),
                "text: {label} {word}"
            );
            assert!(
                markdown.contains(&format!("- **{label}** {word}")),
                "markdown: {label} {word}"
            );
        }
    }
}

#[test]
fn every_human_format_says_what_a_label_means() {
    let legend =
        "L12.2 / R12.2 = the 2nd statement that starts on line 12 of the left / right file";
    for format in ["text", "markdown", "html"] {
        let shown = report_text(format, SEED_LEFT, SEED_RIGHT);
        let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(legend), "{format}: no legend");
    }
}
