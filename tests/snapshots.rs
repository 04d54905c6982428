//! Snapshot tests of the reports a person reads, on the seed articles and on the three sources
//! of the many-source fixture (`fixtures/sources/library/`).
//!
//! A change in judging or layout shows here as a reviewable diff of the report. After an
//! intended change, review and accept the new snapshots with `INSTA_UPDATE=always cargo test
//! --test snapshots` (or `cargo insta review` where cargo-insta is installed).

use assert_cmd::Command;

const LEFT: &str = "seeds/000_28f1410be158b030.txt";
const RIGHT: &str = "seeds/003_0b289d2134709d16.txt";

fn crosscheck(args: &[&str]) -> String {
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c < 2), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn seeds_text_report() {
    insta::assert_snapshot!(crosscheck(&[
        "--color", "never", "--width", "100", LEFT, RIGHT
    ]));
}

#[test]
fn seeds_text_report_with_boilerplate_narrow() {
    insta::assert_snapshot!(crosscheck(&[
        "--color",
        "never",
        "--width",
        "60",
        "--show-boilerplate",
        LEFT,
        RIGHT
    ]));
}

#[test]
fn seeds_json_report() {
    insta::assert_snapshot!(crosscheck(&["--format", "json", LEFT, RIGHT]));
}

#[test]
fn seeds_side_by_side_report() {
    insta::assert_snapshot!(crosscheck(&[
        "--side-by-side",
        "--color",
        "never",
        "--width",
        "100",
        LEFT,
        RIGHT
    ]));
}

#[test]
fn seeds_markdown_report() {
    insta::assert_snapshot!(crosscheck(&["--format", "markdown", LEFT, RIGHT]));
}

#[test]
fn seeds_html_report() {
    insta::assert_snapshot!(crosscheck(&["--format", "html", LEFT, RIGHT]));
}

/// The three sources of the many-source fixture: a claim all state, a contested vote, a chain.
const SOURCES: [&str; 3] = [
    "fixtures/sources/library/a.txt",
    "fixtures/sources/library/b.txt",
    "fixtures/sources/library/c.txt",
];

#[test]
fn three_sources_text_report() {
    insta::assert_snapshot!(crosscheck(
        &[&["--color", "never", "--width", "100"][..], &SOURCES].concat()
    ));
}

#[test]
fn three_sources_json_report() {
    insta::assert_snapshot!(crosscheck(&[&["--format", "json"][..], &SOURCES].concat()));
}

#[test]
fn three_sources_markdown_report() {
    insta::assert_snapshot!(crosscheck(
        &[&["--format", "markdown"][..], &SOURCES].concat()
    ));
}

#[test]
fn three_sources_html_report() {
    insta::assert_snapshot!(crosscheck(&[&["--format", "html"][..], &SOURCES].concat()));
}
