//! The `crosscheck` binary, driven from the outside: flags, exit codes, errors, input forms and the
//! invariants of both reports.
//!
//! These tests assert behaviour (what is printed where, which exit code, which invariants hold),
//! not the wording of a whole report (the snapshot tests do that) and not the quality of the
//! judgements beyond a few unambiguous cases: the matching is tuned elsewhere.
//!
//! Inputs come from `seeds/`, `fixtures/` or temporary files, never from outside the repository.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

#[cfg(unix)]
mod support;

const SEED_LEFT: &str = "seeds/000_28f1410be158b030.txt";
const SEED_RIGHT: &str = "seeds/003_0b289d2134709d16.txt";

/// A one-sentence disagreement that any version of the matcher must catch (a different weekday).
const TUESDAY: &str = "The council approved the budget on Tuesday.\n";
const WEDNESDAY: &str = "The council approved the budget on Wednesday.\n";

const ESC: u8 = 0x1b;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The binary, run from the repository root, with no color or width variables inherited from
/// whoever runs the tests.
fn crosscheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    cmd
}

/// A file of the repository, for reading it the way the binary does.
fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read_repo_file(relative: &str) -> Vec<u8> {
    fs::read(repo_path(relative)).unwrap_or_else(|err| panic!("reading {relative}: {err}"))
}

/// Writes `bytes` to `dir/name` and returns the path.
fn write_file(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Runs a comparison that must work (exit 0 or 1, nothing on stderr) and returns its stdout.
fn report_bytes(cmd: &mut Command) -> Vec<u8> {
    let output = cmd.output().unwrap();
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "expected exit 0 or 1, got {code:?}; stderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "unexpected stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn report_text(cmd: &mut Command) -> String {
    String::from_utf8(report_bytes(cmd)).expect("the text report is UTF-8")
}

fn report_json(cmd: &mut Command) -> Value {
    let stdout = report_bytes(cmd);
    serde_json::from_slice(&stdout).unwrap_or_else(|err| {
        panic!(
            "stdout is not JSON ({err}):\n{}",
            String::from_utf8_lossy(&stdout)
        )
    })
}

/// The text report on the seeds with extra flags.
fn seeds_text(flags: &[&str]) -> String {
    report_text(crosscheck().args(flags).args([SEED_LEFT, SEED_RIGHT]))
}

/// The JSON report on two repository files.
fn json_of(left: &str, right: &str) -> Value {
    report_json(crosscheck().args(["--format", "json", left, right]))
}

/// The seeds and every fixture pair, as (left, right) repository paths.
fn input_pairs() -> Vec<(String, String)> {
    let mut pairs = vec![(SEED_LEFT.to_string(), SEED_RIGHT.to_string())];
    let mut fixtures: Vec<String> = fs::read_dir(repo_path("fixtures"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix("-left.txt").map(str::to_string))
        .collect();
    fixtures.sort();
    for name in fixtures {
        let right = format!("fixtures/{name}-right.txt");
        if repo_path(&right).exists() {
            pairs.push((format!("fixtures/{name}-left.txt"), right));
        }
    }
    pairs
}

/// The statements of one side of a JSON report.
fn statements<'a>(report: &'a Value, side: &str) -> &'a Vec<Value> {
    report[side]["statements"]
        .as_array()
        .unwrap_or_else(|| panic!("{side}.statements is not an array"))
}

fn uint(value: &Value, what: &str) -> usize {
    let n = value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} is not a non-negative integer: {value}"));
    usize::try_from(n).unwrap()
}

fn id_list(report: &Value, key: &str) -> Vec<usize> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"))
        .iter()
        .map(|id| uint(id, key))
        .collect()
}

/// Every statement of `side` is exactly the bytes `[start, end)` of `input`, and `line` is the
/// line `start` is on.
fn assert_spans_slice_input(report: &Value, side: &str, input: &[u8]) {
    for statement in statements(report, side) {
        let start = uint(&statement["start"], "start");
        let end = uint(&statement["end"], "end");
        let text = statement["text"].as_str().expect("text is a string");
        assert!(
            start <= end && end <= input.len(),
            "{side} span {start}..{end} is outside the input ({} bytes)",
            input.len()
        );
        assert_eq!(
            &input[start..end],
            text.as_bytes(),
            "{side} statement {} is not the input's bytes {start}..{end}",
            statement["id"]
        );
        let line = 1 + input[..start].iter().filter(|&&b| b == b'\n').count();
        assert_eq!(
            uint(&statement["line"], "line"),
            line,
            "{side} statement {} has the wrong line number",
            statement["id"]
        );
    }
}

/// Every non-boilerplate statement is in some pair or in `*_only` (exactly one of them, once);
/// boilerplate is in neither.
fn assert_every_statement_has_one_fate(report: &Value, side: &str) {
    let statements = statements(report, side);
    let mut ids: Vec<usize> = statements.iter().map(|s| uint(&s["id"], "id")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), statements.len(), "{side} statement ids repeat");

    let paired: Vec<usize> = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| uint(&pair[side], "pair side"))
        .collect();
    let only = id_list(report, &format!("{side}_only"));
    for id in paired.iter().chain(&only) {
        assert!(
            ids.binary_search(id).is_ok(),
            "{side} id {id} names no statement"
        );
    }
    for statement in statements {
        let id = uint(&statement["id"], "id");
        let in_a_pair = paired.contains(&id);
        let times_one_sided = only.iter().filter(|&&o| o == id).count();
        if statement["boilerplate"].as_bool().unwrap() {
            assert!(
                !in_a_pair && times_one_sided == 0,
                "{side} boilerplate statement {id} is judged: {}",
                statement["text"]
            );
        } else {
            assert_eq!(
                usize::from(in_a_pair) + times_one_sided,
                1,
                "{side} statement {id} must be paired or one-sided, exactly once: {}",
                statement["text"]
            );
        }
    }
}

/// Columns a line takes on a terminal: ANSI escape sequences take none; the reports use no
/// double-width characters of their own and the seeds have none.
fn columns(line: &str) -> usize {
    let mut count = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            count += 1;
        }
    }
    count
}

fn assert_no_line_wider_than(report: &str, width: usize) {
    for (number, line) in report.lines().enumerate() {
        assert!(
            columns(line) <= width,
            "line {} is {} columns wide, over {width}:\n{line}",
            number + 1,
            columns(line)
        );
    }
}

/// Whether the text mentions the count `n` followed by `word` ("3 agreements"), not as the tail of
/// a longer number.
fn mentions_count(text: &str, n: usize, word: &str) -> bool {
    let needle = format!("{n} {word}");
    text.match_indices(&needle).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// The section headings of a text report (without color) in the order they appear. Headings are
/// the lines that start flush left, apart from the title and the pair lines.
fn section_order(report: &str) -> Vec<&'static str> {
    const SECTIONS: [&str; 4] = [
        "Disagreements",
        "Agreements",
        "Only in LEFT",
        "Only in RIGHT",
    ];
    report
        .lines()
        .skip(1)
        .filter(|line| !line.starts_with(char::is_whitespace))
        .filter_map(|line| SECTIONS.into_iter().find(|title| line.contains(title)))
        .collect()
}

fn assert_sections_in_order(report: &str) -> Vec<&'static str> {
    let order = [
        "Disagreements",
        "Agreements",
        "Only in LEFT",
        "Only in RIGHT",
    ];
    let found = section_order(report);
    let ranks: Vec<usize> = found
        .iter()
        .map(|title| order.iter().position(|o| o == title).unwrap())
        .collect();
    assert!(
        ranks.windows(2).all(|w| w[0] < w[1]),
        "sections out of order or repeated: {found:?}\n{report}"
    );
    found
}

/// Stdout bytes that a terminal would interpret: C0 controls other than newline, DEL, C1
/// controls, and bidirectional overrides.
fn raw_controls(stdout: &str) -> Vec<char> {
    stdout
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

/// Runs a command that must fail with exit status 2, an empty stdout and a stderr mentioning
/// every string in `mentions`.
fn assert_trouble(cmd: &mut Command, mentions: &[&str]) {
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout must stay empty on error, got:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    for mention in mentions {
        assert!(
            stderr.contains(mention),
            "stderr does not mention {mention:?}: {stderr}"
        );
    }
}

/// Two files that disagree on one sentence, each with a sentence of its own.
fn disagreeing_files(dir: &Path) -> (PathBuf, PathBuf) {
    let left = dir.join("left.txt");
    fs::write(
        &left,
        format!("{TUESDAY}\nThe mayor praised the fire brigade for its quick response.\n"),
    )
    .unwrap();
    let right = dir.join("right.txt");
    fs::write(
        &right,
        format!("{WEDNESDAY}\nAstronomers discovered a comet near Jupiter last month.\n"),
    )
    .unwrap();
    (left, right)
}

// ---------------------------------------------------------------------------------------------
// The text report
// ---------------------------------------------------------------------------------------------

#[test]
fn text_header_names_both_files_and_the_counts() {
    let report = seeds_text(&["--color", "never"]);
    let json = json_of(SEED_LEFT, SEED_RIGHT);
    let summary = &json["summary"];
    let header: String = report
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");

    assert!(header.contains(SEED_LEFT), "header: {header}");
    assert!(header.contains(SEED_RIGHT), "header: {header}");
    let counts = [
        (summary["left_statements"].clone(), "statement"),
        (summary["right_statements"].clone(), "statement"),
        (summary["disagree"].clone(), "disagreement"),
        (summary["agree"].clone(), "agreement"),
        (summary["left_only"].clone(), "only in LEFT"),
        (summary["right_only"].clone(), "only in RIGHT"),
    ];
    for (count, word) in counts {
        let n = uint(&count, word);
        assert!(
            mentions_count(&header, n, word),
            "header does not say \"{n} {word}\":\n{header}"
        );
    }
}

#[test]
fn text_sections_come_in_order() {
    let seeds = seeds_text(&["--color", "never"]);
    assert!(
        !assert_sections_in_order(&seeds).is_empty(),
        "the seeds report has no sections:\n{seeds}"
    );

    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let report = report_text(
        crosscheck()
            .args(["--color", "never"])
            .arg(&left)
            .arg(&right),
    );
    let found = assert_sections_in_order(&report);
    assert_eq!(found.first(), Some(&"Disagreements"), "{report}");
}

#[test]
fn text_fits_width_100() {
    let report = seeds_text(&["--width", "100", "--color", "never"]);
    assert_no_line_wider_than(&report, 100);
    let colored = seeds_text(&["--width", "100", "--color", "always"]);
    assert_no_line_wider_than(&colored, 100);
}

#[test]
fn text_fits_100_columns_by_default_in_a_pipe() {
    let report = seeds_text(&[]);
    assert_no_line_wider_than(&report, 100);
}

#[test]
fn text_fits_a_narrow_width() {
    let report = seeds_text(&["--width", "40", "--color", "never"]);
    assert_no_line_wider_than(&report, 40);
}

#[test]
fn line_tags_stay_apart_from_the_statement_in_long_files() {
    let dir = TempDir::new().unwrap();
    // Line 10001 and 100001: tags `L10001` and `L100001` are six and seven characters long.
    for blank_lines in [10_000, 100_000] {
        let left = write_file(
            &dir,
            "long.txt",
            format!("{}{TUESDAY}", "\n".repeat(blank_lines)),
        );
        let right = write_file(&dir, "right.txt", WEDNESDAY);
        let report = report_text(
            crosscheck()
                .args(["--color", "never"])
                .arg(&left)
                .arg(&right),
        );
        let sentence = TUESDAY.trim_end();
        let line = report
            .lines()
            .find(|line| line.ends_with(sentence))
            .unwrap_or_else(|| panic!("the statement is not quoted:\n{report}"));
        let before = &line[..line.len() - sentence.len()];
        assert!(
            before.ends_with(' '),
            "the line tag runs into the statement: {line:?}"
        );
    }
}

#[test]
fn color_never_has_no_escape_byte() {
    let output = report_bytes(crosscheck().env("CLICOLOR_FORCE", "1").args([
        "--color",
        "never",
        "--show-boilerplate",
        SEED_LEFT,
        SEED_RIGHT,
    ]));
    assert!(!output.contains(&ESC));
}

#[test]
fn color_always_has_ansi_codes() {
    let output = seeds_text(&["--color", "always"]);
    assert!(output.contains("\u{1b}["), "{output}");
}

#[test]
fn no_color_env_turns_off_auto_color() {
    let output = report_bytes(
        crosscheck()
            .env("NO_COLOR", "1")
            .args([SEED_LEFT, SEED_RIGHT]),
    );
    assert!(!output.contains(&ESC));
    // NO_COLOR wins over CLICOLOR_FORCE.
    let output = report_bytes(
        crosscheck()
            .env("NO_COLOR", "1")
            .env("CLICOLOR_FORCE", "1")
            .args([SEED_LEFT, SEED_RIGHT]),
    );
    assert!(!output.contains(&ESC));
}

#[test]
fn clicolor_force_forces_auto_color() {
    let output = report_text(
        crosscheck()
            .env("CLICOLOR_FORCE", "1")
            .args([SEED_LEFT, SEED_RIGHT]),
    );
    assert!(output.contains("\u{1b}["), "{output}");
    let output = report_bytes(
        crosscheck()
            .env("CLICOLOR_FORCE", "0")
            .args([SEED_LEFT, SEED_RIGHT]),
    );
    assert!(
        !output.contains(&ESC),
        "CLICOLOR_FORCE=0 must not force color"
    );
}

#[test]
fn show_boilerplate_lists_like_us_on_facebook() {
    let report = seeds_text(&["--show-boilerplate", "--color", "never"]);
    assert!(report.contains("Like Us on Facebook"), "{report}");
}

#[test]
fn boilerplate_is_hidden_from_the_text_report_by_default() {
    let report = seeds_text(&["--color", "never"]);
    assert!(!report.contains("Like Us on Facebook"), "{report}");
}

// ---------------------------------------------------------------------------------------------
// The JSON report
// ---------------------------------------------------------------------------------------------

#[test]
fn json_has_the_contract_fields() {
    let report = json_of(SEED_LEFT, SEED_RIGHT);
    assert!(report["version"].is_u64(), "version: {}", report["version"]);
    assert_eq!(report["left"]["path"], SEED_LEFT);
    assert_eq!(report["right"]["path"], SEED_RIGHT);
    for side in ["left", "right"] {
        assert!(!statements(&report, side).is_empty());
        for statement in statements(&report, side) {
            for key in ["id", "start", "end", "line"] {
                uint(&statement[key], key);
            }
            assert!(statement["text"].is_string(), "{statement}");
            assert!(statement["boilerplate"].is_boolean(), "{statement}");
        }
    }
    let pairs = report["pairs"].as_array().expect("pairs is an array");
    assert!(!pairs.is_empty(), "the seeds share at least one claim");
    for pair in pairs {
        uint(&pair["left"], "pair.left");
        uint(&pair["right"], "pair.right");
        assert!(
            pair["relation"] == "agree" || pair["relation"] == "disagree",
            "relation: {}",
            pair["relation"]
        );
        let similarity = pair["similarity"].as_f64().expect("similarity is a number");
        assert!((0.0..=1.0).contains(&similarity), "similarity {similarity}");
        assert!(pair["reasons"].is_array(), "{pair}");
        assert!(pair["diff"].is_array(), "{pair}");
    }
    id_list(&report, "left_only");
    id_list(&report, "right_only");
    assert!(report["summary"].is_object());
}

#[test]
fn json_statement_text_is_the_input_bytes_from_start_to_end() {
    for (left, right) in input_pairs() {
        let report = json_of(&left, &right);
        assert_spans_slice_input(&report, "left", &read_repo_file(&left));
        assert_spans_slice_input(&report, "right", &read_repo_file(&right));
    }
}

#[test]
fn json_every_statement_has_exactly_one_fate() {
    for (left, right) in input_pairs() {
        let report = json_of(&left, &right);
        assert_every_statement_has_one_fate(&report, "left");
        assert_every_statement_has_one_fate(&report, "right");
    }
}

#[test]
fn json_summary_counts_match_the_lists() {
    for (left, right) in input_pairs() {
        let report = json_of(&left, &right);
        let summary = &report["summary"];
        let count = |key: &str| uint(&summary[key], key);
        let pairs = report["pairs"].as_array().unwrap();
        let relation = |r: &str| pairs.iter().filter(|p| p["relation"] == r).count();
        let boilerplate = |side: &str| {
            statements(&report, side)
                .iter()
                .filter(|s| s["boilerplate"] == true)
                .count()
        };
        let context = format!("{left} vs {right}: {summary}");
        assert_eq!(count("agree"), relation("agree"), "{context}");
        assert_eq!(count("disagree"), relation("disagree"), "{context}");
        assert_eq!(
            count("left_only"),
            id_list(&report, "left_only").len(),
            "{context}"
        );
        assert_eq!(
            count("right_only"),
            id_list(&report, "right_only").len(),
            "{context}"
        );
        assert_eq!(
            count("left_statements"),
            statements(&report, "left").len(),
            "{context}"
        );
        assert_eq!(
            count("right_statements"),
            statements(&report, "right").len(),
            "{context}"
        );
        assert_eq!(count("left_boilerplate"), boilerplate("left"), "{context}");
        assert_eq!(
            count("right_boilerplate"),
            boilerplate("right"),
            "{context}"
        );
    }
}

#[test]
fn json_is_byte_identical_across_runs() {
    let run = || report_bytes(crosscheck().args(["--format", "json", SEED_LEFT, SEED_RIGHT]));
    let first = run();
    let second = run();
    assert!(first == second, "two runs on the same input differ");
}

#[test]
fn json_is_never_colored() {
    let output = report_bytes(
        crosscheck()
            .env("CLICOLOR_FORCE", "1")
            .args(["--format", "json", SEED_LEFT, SEED_RIGHT]),
    );
    assert!(!output.contains(&ESC));
    serde_json::from_slice::<Value>(&output).expect("still JSON");
    // Asking for color there is a mistake, said as one.
    assert_trouble(
        crosscheck().args([
            "--format", "json", "--color", "always", SEED_LEFT, SEED_RIGHT,
        ]),
        &["--color", "--format json"],
    );
}

// ---------------------------------------------------------------------------------------------
// The side-by-side layout, the Markdown and the HTML reports
// ---------------------------------------------------------------------------------------------

/// An article that tries to inject markup wherever its text is shown, and its file name too.
const INJECTION: &str = "The council approved the budget on Tuesday <script>alert(1)</script>.\n\n\
    The mayor said \"><img src=x onerror=alert(1)> was [a link](https://example.org) | *bold* \
    `code` @editor #12 &amp; ~~gone~~.\n";
const INJECTION_NAME: &str = "\"><img src=x onerror=alert(1)>.txt";

#[test]
fn side_by_side_fits_the_width() {
    for width in ["100", "60", "20"] {
        let report = seeds_text(&["--side-by-side", "--color", "never", "--width", width]);
        assert_no_line_wider_than(&report, width.parse().unwrap());
        assert!(report.contains(" │ "), "{report}");
    }
}

#[test]
fn side_by_side_marks_removed_words_left_and_added_words_right() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let report = report_text(
        crosscheck()
            .args(["--side-by-side", "--color", "never", "--width", "80"])
            .arg(&left)
            .arg(&right),
    );
    let row = report
        .lines()
        .find(|line| line.contains("[-Tuesday.-]"))
        .unwrap_or_else(|| panic!("no removed word:\n{report}"));
    let (left_column, right_column) = row.split_once(" │ ").unwrap();
    assert!(
        left_column.contains("[-Tuesday.-]") && !left_column.contains("{+"),
        "{row}"
    );
    assert!(
        right_column.contains("{+Wednesday.+}") && !right_column.contains("[-"),
        "{row}"
    );
}

#[test]
fn side_by_side_colors_never_bleed_across_the_gutter() {
    let report = seeds_text(&["--side-by-side", "--color", "always", "--width", "80"]);
    assert!(report.as_bytes().contains(&ESC));
    for line in report.lines().filter(|line| line.contains(" │ ")) {
        let (left_column, _) = line.split_once(" │ ").unwrap();
        if let Some(last) = left_column.rfind('\u{1b}') {
            assert!(
                left_column[last..].starts_with("\u{1b}[0m"),
                "a style is still open at the gutter: {line:?}"
            );
        }
    }
}

#[test]
fn side_by_side_is_only_for_the_text_report() {
    assert_trouble(
        crosscheck().args(["--side-by-side", "--format", "json", SEED_LEFT, SEED_RIGHT]),
        &["--side-by-side", "--format json"],
    );
}

#[test]
fn markdown_has_a_summary_table_reasons_diffs_and_one_sided_claims() {
    let report = seeds_text(&["--format", "markdown"]);
    assert!(
        report.starts_with("# crosscheck: the sources disagree"),
        "{report}"
    );
    assert!(report.contains("| statements | 19 | 17 |"), "{report}");
    // The counts are the JSON report's: the model that links pairs is refitted now and then.
    let json = json_of(SEED_LEFT, SEED_RIGHT);
    let count = |key: &str| json[key].as_array().expect(key).len();
    let relation = |r: &str| {
        json["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["relation"] == r)
            .count()
    };
    assert!(relation("disagree") > 0, "the seeds disagree");
    for heading in [
        format!("## Disagreements ({})", relation("disagree")),
        format!("## Agreements ({})", relation("agree")),
        format!("## Only in LEFT ({})", count("left_only")),
        format!("## Only in RIGHT ({})", count("right_only")),
    ] {
        assert!(report.contains(&heading), "no {heading:?}:\n{report}");
    }
    assert!(report.contains("- **negation**: "), "{report}");
    assert!(report.contains("Diff: ") && report.contains("~~") && report.contains("**"));
    assert!(!report.as_bytes().contains(&ESC));
}

#[test]
fn markdown_article_text_cannot_inject_markup() {
    let dir = TempDir::new().unwrap();
    let left = write_file(&dir, INJECTION_NAME, INJECTION);
    let right = write_file(&dir, "right.txt", WEDNESDAY);
    let report = report_text(
        crosscheck()
            .args(["--format", "markdown"])
            .arg(&left)
            .arg(&right),
    );
    for escaped in [
        "\\<script\\>alert(1)\\</script\\>",
        "\\<img src=x onerror=alert(1)\\>",
        "\\[a link\\](https\\://example.org) \\| \\*bold\\* \\`code\\` \\@editor \\#12 \\&amp;",
    ] {
        assert!(report.contains(escaped), "no {escaped:?} in:\n{report}");
    }
    for (at, _) in report.match_indices(['<', '>', '[', '|', '`']) {
        let escaped = report[..at].ends_with('\\');
        let ours = report[at..].starts_with("| ") || report[at..].starts_with("|\n");
        assert!(
            escaped || ours,
            "unescaped markup at {at}: {:.40}",
            &report[at..]
        );
    }
}

#[test]
fn html_is_one_self_contained_page() {
    let page = seeds_text(&["--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none';"));
    assert_eq!(page.matches("<script").count(), 1);
    assert_eq!(page.matches("<style").count(), 1);
    assert!(!page.contains(" src=") && !page.contains("<link") && !page.contains("@import"));
    for link in page.split(" href=\"").skip(1) {
        assert!(
            link.starts_with('#'),
            "a link that leaves the page: {link:.80}"
        );
    }
    // The counts are the JSON report's: the model that links pairs is refitted now and then.
    let json = json_of(SEED_LEFT, SEED_RIGHT);
    let count = |key: &str| json[key].as_array().expect(key).len();
    let relation = |r: &str| {
        json["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["relation"] == r)
            .count()
    };
    assert!(relation("disagree") > 0, "the seeds disagree");
    assert!(
        page.contains(&format!(
            "data-count=\"disagree\"><strong>{}</strong>",
            relation("disagree")
        )),
        "{page}"
    );
    assert_eq!(
        page.matches("<article class=\"pair disagree\"").count(),
        relation("disagree")
    );
    assert_eq!(
        page.matches("<article class=\"pair agree\"").count(),
        relation("agree")
    );
    assert_eq!(
        page.matches("data-side=\"left\" data-fate=\"only\"")
            .count(),
        count("left_only")
    );
    assert_eq!(
        page.matches("data-side=\"right\" data-fate=\"only\"")
            .count(),
        count("right_only")
    );
    // Every statement of both articles is on the page: 19 + 17.
    assert_eq!(
        page.matches("<span class=\"st ").count() - 4,
        36,
        "4 in the legend"
    );
}

#[test]
fn html_article_text_and_file_names_cannot_inject_markup() {
    let dir = TempDir::new().unwrap();
    let left = write_file(&dir, INJECTION_NAME, INJECTION);
    let right = write_file(&dir, "right.txt", WEDNESDAY);
    let page = report_text(
        crosscheck()
            .args(["--format", "html"])
            .arg(&left)
            .arg(&right),
    );
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    assert!(!page.contains("\"><img"), "{page}");
}

// ---------------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_code_is_1_when_the_sources_disagree() {
    let dir = TempDir::new().unwrap();
    let left = write_file(&dir, "left.txt", TUESDAY);
    let right = write_file(&dir, "right.txt", WEDNESDAY);
    crosscheck().arg(&left).arg(&right).assert().code(1);
    crosscheck()
        .args(["--format", "json"])
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1);
}

#[test]
fn exit_code_is_0_for_identical_files() {
    let dir = TempDir::new().unwrap();
    let copy = write_file(&dir, "copy.txt", read_repo_file(SEED_LEFT));
    crosscheck()
        .arg(SEED_LEFT)
        .arg(&copy)
        .assert()
        .code(0)
        .stderr("");
    let left = write_file(&dir, "left.txt", TUESDAY);
    crosscheck().arg(&left).arg(&left).assert().code(0);
}

#[test]
fn exit_code_is_0_for_unrelated_files() {
    let dir = TempDir::new().unwrap();
    let left = write_file(&dir, "left.txt", TUESDAY);
    let right = write_file(
        &dir,
        "right.txt",
        "Astronomers discovered a comet near Jupiter last month.\n",
    );
    crosscheck()
        .arg(&left)
        .arg(&right)
        .assert()
        .code(0)
        .stderr("");
}

// ---------------------------------------------------------------------------------------------
// Errors: exit 2, a message naming the input on stderr, nothing on stdout
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-article.txt");
    let missing_name = missing.to_str().unwrap();
    assert_trouble(crosscheck().arg(SEED_LEFT).arg(&missing), &[missing_name]);
    assert_trouble(crosscheck().arg(&missing).arg(SEED_RIGHT), &[missing_name]);
}

#[test]
fn directory_is_an_error() {
    let dir = TempDir::new().unwrap();
    let name = dir.path().to_str().unwrap();
    assert_trouble(crosscheck().arg(SEED_LEFT).arg(dir.path()), &[name]);
}

#[test]
fn binary_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let binary = write_file(&dir, "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_trouble(crosscheck().arg(SEED_LEFT).arg(&binary), &["picture.png"]);
}

#[test]
fn invalid_utf8_is_an_error_naming_the_offset() {
    let dir = TempDir::new().unwrap();
    let mut bytes = "a".repeat(1234).into_bytes();
    bytes.extend_from_slice(b"caf\xe9 au lait.\n");
    let latin1 = write_file(&dir, "latin1.txt", bytes);
    assert_trouble(
        crosscheck().arg(&latin1).arg(SEED_RIGHT),
        &["latin1.txt", "UTF-8", "1237"],
    );
}

#[test]
fn stdin_for_both_sides_is_an_error() {
    assert_trouble(crosscheck().args(["-", "-"]).write_stdin(TUESDAY), &["'-'"]);
}

#[test]
fn bad_threshold_is_an_error() {
    assert_trouble(
        crosscheck().args(["--threshold", "1.5", SEED_LEFT, SEED_RIGHT]),
        &["--threshold", "1.5"],
    );
    assert_trouble(
        crosscheck().args(["--threshold", "high", SEED_LEFT, SEED_RIGHT]),
        &["--threshold", "high"],
    );
}

#[test]
fn unknown_flag_is_an_error() {
    assert_trouble(
        crosscheck().args(["--frobnicate", SEED_LEFT, SEED_RIGHT]),
        &["--frobnicate"],
    );
}

// ---------------------------------------------------------------------------------------------
// Standard input
// ---------------------------------------------------------------------------------------------

#[test]
fn stdin_as_left_is_read_and_named_dash() {
    let piped = read_repo_file(SEED_LEFT);
    let report = report_json(
        crosscheck()
            .args(["--format", "json", "-", SEED_RIGHT])
            .write_stdin(piped.clone()),
    );
    assert_eq!(report["left"]["path"], "-");
    assert_eq!(report["right"]["path"], SEED_RIGHT);
    assert!(!statements(&report, "left").is_empty());
    assert_spans_slice_input(&report, "left", &piped);
    assert_eq!(
        report["left"]["statements"],
        json_of(SEED_LEFT, SEED_RIGHT)["left"]["statements"],
        "stdin and the file on disk are read alike"
    );
}

#[test]
fn stdin_as_right_is_read_and_named_dash() {
    let piped = read_repo_file(SEED_RIGHT);
    let report = report_json(
        crosscheck()
            .args(["--format", "json", SEED_LEFT, "-"])
            .write_stdin(piped.clone()),
    );
    assert_eq!(report["left"]["path"], SEED_LEFT);
    assert_eq!(report["right"]["path"], "-");
    assert!(!statements(&report, "right").is_empty());
    assert_spans_slice_input(&report, "right", &piped);

    let text = report_text(
        crosscheck()
            .args(["--color", "never", SEED_LEFT, "-"])
            .write_stdin(piped),
    );
    assert!(text
        .lines()
        .take(4)
        .any(|line| line.contains(" - ") || line.contains(" -:")));
}

// ---------------------------------------------------------------------------------------------
// Input forms
// ---------------------------------------------------------------------------------------------

#[test]
fn bom_file_spans_slice_back_to_the_file() {
    let dir = TempDir::new().unwrap();
    let bytes = format!("\u{feff}{TUESDAY}\nThe mayor said the vote was close, seven to four.\n");
    let bom = write_file(&dir, "bom.txt", &bytes);
    let report = report_json(
        crosscheck()
            .args(["--format", "json"])
            .arg(&bom)
            .arg(SEED_RIGHT),
    );
    let found = statements(&report, "left");
    assert!(!found.is_empty());
    assert_spans_slice_input(&report, "left", bytes.as_bytes());
    for statement in found {
        assert!(uint(&statement["start"], "start") >= 3, "{statement}");
        assert!(!statement["text"].as_str().unwrap().contains('\u{feff}'));
    }
}

#[test]
fn crlf_file_spans_slice_back_to_the_file() {
    let dir = TempDir::new().unwrap();
    let bytes = "The council approved the budget on Tuesday.\r\n\r\nThe mayor said the vote \
                 was close,\r\nseven to four.\r\n\r\nResidents will see lower fees next year.\r\n";
    let crlf = write_file(&dir, "crlf.txt", bytes);
    let report = report_json(
        crosscheck()
            .args(["--format", "json", SEED_LEFT])
            .arg(&crlf),
    );
    let found = statements(&report, "right");
    assert!(found.len() >= 3, "{found:?}");
    assert_spans_slice_input(&report, "right", bytes.as_bytes());
    for statement in found {
        let text = statement["text"].as_str().unwrap();
        assert!(!text.ends_with('\r') && !text.starts_with('\n'), "{text:?}");
    }
}

/// A document with no statements: every claim of the other side is one-sided, and there is no
/// disagreement.
fn assert_no_statements(empty_side: &str, bytes: &[u8]) {
    let dir = TempDir::new().unwrap();
    let empty = write_file(&dir, "empty.txt", bytes);
    let mut cmd = crosscheck();
    cmd.args(["--format", "json"]);
    let other_side = if empty_side == "left" {
        cmd.arg(&empty).arg(SEED_RIGHT);
        "right"
    } else {
        cmd.arg(SEED_LEFT).arg(&empty);
        "left"
    };
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(statements(&report, empty_side).len(), 0);
    assert_eq!(report["pairs"].as_array().unwrap().len(), 0);
    assert!(id_list(&report, &format!("{empty_side}_only")).is_empty());
    let claims: Vec<usize> = statements(&report, other_side)
        .iter()
        .filter(|s| s["boilerplate"] == false)
        .map(|s| uint(&s["id"], "id"))
        .collect();
    assert!(!claims.is_empty());
    let mut one_sided = id_list(&report, &format!("{other_side}_only"));
    one_sided.sort_unstable();
    assert_eq!(one_sided, claims);

    let mut text = crosscheck();
    text.args(["--color", "never"]);
    if empty_side == "left" {
        text.arg(&empty).arg(SEED_RIGHT);
    } else {
        text.arg(SEED_LEFT).arg(&empty);
    }
    text.assert().code(0).stderr("");
}

#[test]
fn empty_file_has_no_statements() {
    assert_no_statements("left", b"");
    assert_no_statements("right", b"");
}

#[test]
fn whitespace_only_file_has_no_statements() {
    assert_no_statements("left", b"  \n\t\r\n\n   \r\n");
    assert_no_statements("right", b"\xef\xbb\xbf\n \n");
}

#[test]
fn control_characters_in_articles_never_reach_stdout_raw() {
    let dir = TempDir::new().unwrap();
    let left = write_file(
        &dir,
        "left.txt",
        "\u{1b}[31mThe council approved the budget on Tuesday.\u{1b}[0m\n\n\
         The mayor\u{7} praised the fire\u{8} brigade\u{7f} for its quick response.\n\n\
         Like Us on Facebook\u{1b}]0;pwned\u{7}\n",
    );
    let right = write_file(
        &dir,
        "right.txt",
        "The council approved the budget on \u{1b}[1mWednesday\u{1b}[0m.\n\n\
         Astronomers\u{9b}2J discovered a comet \u{202e}near Jupiter\u{202c} last month.\n",
    );
    let layouts: [&[&str]; 6] = [
        &["--color", "never"],
        &["--color", "auto"],
        &["--side-by-side", "--color", "never"],
        &["--side-by-side", "--color", "auto"],
        &["--format", "markdown"],
        &["--format", "html"],
    ];
    for flags in layouts {
        let report = report_text(
            crosscheck()
                .args(flags)
                .arg("--show-boilerplate")
                .arg(&left)
                .arg(&right),
        );
        assert!(
            !report.as_bytes().contains(&ESC),
            "{flags:?}: an ESC byte reached stdout:\n{report}"
        );
        assert_eq!(
            raw_controls(&report),
            Vec::<char>::new(),
            "{flags:?}: raw control characters reached stdout:\n{report}"
        );
        // Shown as an escape (`\x1b[1m`; Markdown escapes the bracket too).
        assert!(report.contains("\\x1b"), "{flags:?}: not shown:\n{report}");
    }
    // The JSON report keeps each statement's text exactly as in the file, control characters
    // included: JSON escapes the C0 ones (ESC as \u001b), so no ESC byte is printed either.
    let output = crosscheck()
        .args(["--format", "json"])
        .arg(&left)
        .arg(&right)
        .output()
        .unwrap();
    assert!(!output.stdout.contains(&ESC));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_spans_slice_input(&report, "left", &fs::read(&left).unwrap());
    assert_spans_slice_input(&report, "right", &fs::read(&right).unwrap());
    assert!(statements(&report, "left")
        .iter()
        .any(|s| s["text"].as_str().unwrap().contains('\u{7}')));
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_never_reach_stdout_raw() {
    let dir = TempDir::new().unwrap();
    let left = write_file(&dir, "evil\u{1b}[2J\u{7}.txt", TUESDAY);
    let report = report_text(
        crosscheck()
            .args(["--color", "never"])
            .arg(&left)
            .arg(SEED_RIGHT),
    );
    assert!(!report.as_bytes().contains(&ESC), "{report}");
    assert_eq!(raw_controls(&report), Vec::<char>::new(), "{report}");
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_never_reach_stderr_raw() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("gone\u{1b}]0;pwned\u{7}.txt");
    let output = crosscheck().arg(&missing).arg(SEED_RIGHT).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("gone\\x1b]0;pwned\\x07.txt"), "{stderr}");
    assert_eq!(raw_controls(&stderr), Vec::<char>::new(), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// Help and version
// ---------------------------------------------------------------------------------------------

#[test]
fn help_mentions_the_exit_status_and_an_example() {
    let output = crosscheck().arg("--help").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap().to_lowercase();
    assert!(help.contains("exit status"), "{help}");
    assert!(help.contains("example"), "{help}");
    assert!(help.contains("crosscheck "), "{help}");
}

#[test]
fn version_prints_the_version() {
    crosscheck()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------------------------
// Sentence-pair mode
// ---------------------------------------------------------------------------------------------

const PAIRS: &str = "{\"id\": \"a\", \"left\": \"The vote was on Tuesday.\", \"right\": \"The vote was on Wednesday.\"}\n\
{\"id\": 2, \"left\": \"A man is playing a guitar.\", \"right\": \"A man is playing the guitar.\", \"label\": \"x\"}\n\
{\"id\": 3, \"left\": \"A man is playing a guitar.\", \"right\": \"Rain fell on the city all day.\"}\n";

#[test]
fn pair_mode_reads_stdin_and_writes_a_judgment_per_line_in_order() {
    let output = crosscheck()
        .args(["--pairs", "-"])
        .write_stdin(PAIRS)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "a disagreement gives exit 1");
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(Value, Value)> = lines
        .iter()
        .map(|l| (l["id"].clone(), l["relation"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (Value::from("a"), Value::from("disagree")),
            (Value::from(2), Value::from("agree")),
            (Value::from(3), Value::from("unrelated")),
        ]
    );
    assert_eq!(lines[0]["reasons"][0]["type"], "date");
    assert!(lines[1]["similarity"].as_f64().unwrap() > 0.5);
}

#[test]
fn pair_mode_bad_line_is_an_error_naming_the_line() {
    let dir = TempDir::new().unwrap();
    let input = write_file(
        &dir,
        "pairs.jsonl",
        format!("{PAIRS}{{\"id\": 4, \"left\": \"only left\"}}\n"),
    );
    let output = crosscheck().arg("--pairs").arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("pairs.jsonl:4: no \"right\" field"),
        "{stderr}"
    );
}

#[test]
fn pair_mode_judges_the_lines_before_one_that_is_not_utf8_and_names_that_line() {
    let mut input = PAIRS.as_bytes().to_vec();
    input.extend(b"{\"id\": 4, \"left\": \"caf\xe9\", \"right\": \"cafe\"}\n");
    let output = crosscheck()
        .args(["--pairs", "-"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 3);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("-:4: is not valid UTF-8 (first bad byte at offset 22 of the line)"),
        "{stderr}"
    );
    // It is a bad line like any other: skipped on request, and the lines after it judged.
    input.extend(PAIRS.as_bytes());
    let output = crosscheck()
        .args(["--pairs", "-", "--skip-bad-lines"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 6);
}

#[test]
fn pair_mode_can_skip_bad_lines_and_report_them() {
    let output = crosscheck()
        .args(["--pairs", "-", "--skip-bad-lines"])
        .write_stdin(format!("not json\n{PAIRS}"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 3);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("skipped -:1: not JSON"), "{stderr}");
}

#[test]
fn pair_mode_takes_no_articles() {
    crosscheck()
        .args(["--pairs", "-", SEED_LEFT, SEED_RIGHT])
        .assert()
        .code(2);
    crosscheck()
        .args(["--skip-bad-lines", SEED_LEFT, SEED_RIGHT])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// --output: the report in a file, written atomically
// ---------------------------------------------------------------------------------------------

/// The names in a directory, sorted: to see that no temporary file was left behind.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_writes_the_report_to_the_file_and_nothing_to_stdout() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("report.json");
    fs::write(&target, "an older report").unwrap();
    let output = crosscheck()
        .args(["--format", "json", "--output"])
        .arg(&target)
        .args([SEED_LEFT, SEED_RIGHT])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the seeds disagree");
    assert!(
        output.stdout.is_empty() && output.stderr.is_empty(),
        "{output:?}"
    );
    let on_stdout = report_bytes(crosscheck().args(["--format", "json", SEED_LEFT, SEED_RIGHT]));
    assert_eq!(fs::read(&target).unwrap(), on_stdout);
    assert_eq!(names_in(dir.path()), ["report.json"]);
}

#[test]
fn output_of_the_text_report_is_not_colored_by_default() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("report.txt");
    crosscheck()
        .arg("-o")
        .arg(&target)
        .args([SEED_LEFT, SEED_RIGHT])
        .assert()
        .code(1)
        .stdout("");
    assert!(!fs::read(&target).unwrap().contains(&ESC));
}

#[test]
fn output_exit_code_is_0_when_the_sources_agree() {
    let dir = TempDir::new().unwrap();
    let same = write_file(&dir, "same.txt", TUESDAY);
    let target = dir.path().join("report.json");
    crosscheck()
        .args(["--format", "json", "--output"])
        .arg(&target)
        .arg(&same)
        .arg(&same)
        .assert()
        .code(0)
        .stdout("");
    assert!(fs::read_to_string(&target).unwrap().contains("Tuesday"));
}

#[test]
fn output_into_a_missing_directory_is_an_error_and_creates_nothing() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("missing").join("report.html");
    assert_trouble(
        crosscheck()
            .arg("--output")
            .arg(&target)
            .args([SEED_LEFT, SEED_RIGHT]),
        &["report.html", "cannot write"],
    );
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn output_onto_a_directory_is_an_error_and_leaves_nothing() {
    let dir = TempDir::new().unwrap();
    assert_trouble(
        crosscheck()
            .arg("--output")
            .arg(dir.path())
            .args([SEED_LEFT, SEED_RIGHT]),
        &["cannot write", "is a directory"],
    );
    assert!(names_in(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn output_into_an_unwritable_directory_is_an_error_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = support::Sandbox::new();
    let (left, right) = disagreeing_files(sandbox.path());
    let locked = sandbox.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    // A read-only directory does not stop root: then the binary runs as `nobody`.
    let privileged = fs::write(locked.join("probe"), "").is_ok();
    let _ = fs::remove_file(locked.join("probe"));
    assert_trouble(
        sandbox
            .crosscheck(privileged)
            .arg("--output")
            .arg(locked.join("report.html"))
            .arg(&left)
            .arg(&right),
        &["report.html", "cannot write", "Permission denied"],
    );
    assert!(names_in(&locked).is_empty());
}

#[test]
fn output_in_pair_mode_keeps_the_pairs_judged_before_a_bad_line() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("judgments.jsonl");
    crosscheck()
        .args(["--pairs", "-", "--output"])
        .arg(&target)
        .write_stdin(PAIRS)
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(fs::read_to_string(&target).unwrap().lines().count(), 3);

    let bad = dir.path().join("bad.jsonl");
    assert_trouble(
        crosscheck()
            .args(["--pairs", "-", "--output"])
            .arg(&bad)
            .write_stdin(format!("{PAIRS}not a pair\n")),
        &["-:4"],
    );
    // Judged before the bad line, they are kept; the run still fails.
    assert_eq!(fs::read_to_string(&bad).unwrap().lines().count(), 3);
    assert_eq!(names_in(dir.path()), ["bad.jsonl", "judgments.jsonl"]);
}

// ---------------------------------------------------------------------------------------------
// Bad input (issue 4): every row of the table in docs/bad-input.md is a test here or above
// ---------------------------------------------------------------------------------------------

/// Every statement of both sides slices back to its input, and has exactly one fate.
fn assert_report_invariants(report: &Value, left: &[u8], right: &[u8]) {
    assert_spans_slice_input(report, "left", left);
    assert_spans_slice_input(report, "right", right);
    assert_every_statement_has_one_fate(report, "left");
    assert_every_statement_has_one_fate(report, "right");
}

/// The relations of a report's pairs, as (left id, right id, relation).
fn pair_relations(report: &Value) -> Vec<(usize, usize, String)> {
    report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                uint(&p["left"], "left"),
                uint(&p["right"], "right"),
                p["relation"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn same_path_twice_compares_the_file_with_itself() {
    let report = json_of(SEED_LEFT, SEED_LEFT);
    let bytes = read_repo_file(SEED_LEFT);
    assert_report_invariants(&report, &bytes, &bytes);
    // The same statements, named by their side's letter (`L3.1`, `R3.1`).
    let without_letter = |side: &str| {
        let mut statements = report[side]["statements"].clone();
        for statement in statements.as_array_mut().unwrap() {
            let label = statement["label"].as_str().unwrap()[1..].to_string();
            statement["label"] = label.into();
        }
        statements
    };
    assert_eq!(without_letter("left"), without_letter("right"));
    for (left, right, relation) in pair_relations(&report) {
        assert_eq!(relation, "agree", "{left} ↔ {right}");
    }
    crosscheck()
        .args([SEED_LEFT, SEED_LEFT])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn identical_files_pair_every_claim_with_its_copy() {
    let dir = TempDir::new().unwrap();
    let bytes = read_repo_file(SEED_LEFT);
    let copy = write_file(&dir, "copy.txt", &bytes);
    let report = report_json(
        crosscheck()
            .args(["--format", "json", SEED_LEFT])
            .arg(&copy),
    );
    assert_report_invariants(&report, &bytes, &bytes);
    let relations = pair_relations(&report);
    for statement in statements(&report, "left") {
        let id = uint(&statement["id"], "id");
        if statement["boilerplate"] == false {
            assert!(
                relations.contains(&(id, id, "agree".to_string())),
                "claim {id} does not agree with its copy: {}",
                statement["text"]
            );
        }
    }
    assert!(relations.iter().all(|(_, _, r)| r == "agree"));
    assert!(id_list(&report, "left_only").is_empty());
    assert!(id_list(&report, "right_only").is_empty());
}

#[test]
fn identical_files_agree_everywhere_even_where_they_contradict_themselves() {
    // Seed 003 reports both North Korea's denial and the FBI's accusation. Against itself, each
    // statement pairs with its own copy and with nothing else: the two inputs do not part ways
    // anywhere, and the report says so (exit status 0).
    let report = json_of(SEED_RIGHT, SEED_RIGHT);
    let relations = pair_relations(&report);
    assert!(!relations.is_empty());
    for (left, right, relation) in &relations {
        assert_eq!(
            left, right,
            "{left} is paired with another statement's copy"
        );
        assert_eq!(relation, "agree");
    }
    crosscheck().args([SEED_RIGHT, SEED_RIGHT]).assert().code(0);
}

#[test]
fn both_files_empty_give_an_empty_report() {
    let dir = TempDir::new().unwrap();
    let empty = write_file(&dir, "empty.txt", "");
    let blank = write_file(&dir, "blank.txt", "\u{feff}\r\n \t\n");
    let report = report_json(
        crosscheck()
            .args(["--format", "json"])
            .arg(&empty)
            .arg(&blank),
    );
    assert!(statements(&report, "left").is_empty());
    assert!(statements(&report, "right").is_empty());
    assert!(report["pairs"].as_array().unwrap().is_empty());
    let text = report_text(
        crosscheck()
            .args(["--color", "never"])
            .arg(&empty)
            .arg(&blank),
    );
    assert!(text.contains("0 statements"), "{text}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = support::Sandbox::new();
    let locked = sandbox.path().join("locked.txt");
    fs::write(&locked, TUESDAY).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // chmod 000 does not stop root: then the binary runs as `nobody`, which it does stop.
    let privileged = fs::File::open(&locked).is_ok();
    assert_trouble(
        sandbox
            .crosscheck(privileged)
            .arg(&locked)
            .arg("-")
            .write_stdin(WEDNESDAY),
        &["locked.txt", "cannot read", "Permission denied"],
    );
}

#[cfg(unix)]
#[test]
fn socket_is_an_error() {
    // A Unix socket cannot be opened as a file, by anyone: an unreadable input even for root.
    let dir = TempDir::new().unwrap();
    let socket = dir.path().join("news.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    assert_trouble(
        crosscheck().arg(&socket).arg(SEED_RIGHT),
        &["news.sock", "cannot read"],
    );
}

#[test]
fn path_through_a_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let file = write_file(&dir, "article.txt", TUESDAY);
    let inside = file.join("more.txt");
    assert_trouble(
        crosscheck().arg(SEED_LEFT).arg(&inside),
        &["article.txt/more.txt", "cannot read"],
    );
}

#[cfg(unix)]
#[test]
fn named_pipe_is_read_like_a_file() {
    // What `crosscheck <(curl -s URL) saved.txt` hands the binary.
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("story.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let right = write_file(&dir, "right.txt", WEDNESDAY);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["--format", "json"])
        .arg(&fifo)
        .arg(&right)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let path = fifo.clone();
    // Opening a pipe for writing waits for its reader.
    let writer = std::thread::spawn(move || fs::write(path, TUESDAY));
    let output = child.wait_with_output().unwrap();
    if !writer.is_finished() {
        // The binary never opened the pipe: release the writer before failing.
        let _ = fs::File::open(&fifo);
    }
    writer.join().unwrap().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "Tuesday against Wednesday; stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_spans_slice_input(&report, "left", TUESDAY.as_bytes());
    assert_eq!(pair_relations(&report), [(0, 0, "disagree".to_string())]);
}

#[test]
fn invalid_utf8_with_lossy_is_read_with_spans_into_the_file() {
    let dir = TempDir::new().unwrap();
    // Latin-1 "é" (one byte), a cut-off 3-byte sequence and two stray bytes, all before
    // evidence words, so that every later offset depends on the mapping back to the file.
    let bytes = b"The caf\xe9 council approved the \xe2\x82 budget on Tuesday.\n\n\
                  The mayor \xff\xfe said the vote was close, police said.\n"
        .to_vec();
    let left = write_file(&dir, "latin1.txt", &bytes);
    let right = write_file(&dir, "right.txt", WEDNESDAY);
    assert_trouble(
        crosscheck().arg(&left).arg(&right),
        &["latin1.txt", "offset 7", "--lossy"],
    );

    let output = crosscheck()
        .args(["--lossy", "--format", "json"])
        .arg(&left)
        .arg(&right)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "Tuesday vs Wednesday");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: ") && stderr.contains("latin1.txt") && stderr.contains("U+FFFD"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let lossy_slice = |value: &Value| {
        let (start, end) = (uint(&value["start"], "start"), uint(&value["end"], "end"));
        String::from_utf8_lossy(&bytes[start..end]).into_owned()
    };
    let found = statements(&report, "left");
    assert_eq!(found.len(), 2, "{report}");
    for statement in found {
        assert_eq!(lossy_slice(statement), statement["text"].as_str().unwrap());
        assert!(statement["text"].as_str().unwrap().contains('\u{fffd}'));
        if !statement["speaker"].is_null() {
            let speaker = &statement["speaker"];
            assert_eq!(lossy_slice(speaker), speaker["text"].as_str().unwrap());
        }
    }
    let evidence = &report["pairs"][0]["reasons"][0]["left"][0];
    assert_eq!(evidence["text"], "Tuesday", "{report}");
    assert_eq!(lossy_slice(evidence), "Tuesday");
    assert_every_statement_has_one_fate(&report, "left");

    // Binary files stay errors: --lossy is about encodings.
    let binary = write_file(&dir, "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_trouble(
        crosscheck().arg("--lossy").arg(&binary).arg(&right),
        &["picture.png", "binary"],
    );
}

#[test]
fn lossy_is_not_for_pair_mode() {
    assert_trouble(
        crosscheck()
            .args(["--lossy", "--pairs", "-"])
            .write_stdin(PAIRS),
        &["--lossy"],
    );
}

#[test]
fn input_over_the_size_limit_is_refused_before_reading() {
    let limit = crosscheck::load::MAX_INPUT_BYTES as usize;
    let dir = TempDir::new().unwrap();
    // One 100 MB line without punctuation: its first words are written, the rest is a hole in
    // a sparse file (NUL bytes when read), so the test costs no 100 MB of disk. Were the file
    // read, the NUL bytes would make it a binary-file error: the size error shows that it was
    // refused on its size alone.
    let big = write_file(&dir, "endless.txt", "word ".repeat(1000));
    fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(100_000_000)
        .unwrap();
    assert_trouble(
        crosscheck().arg(&big).arg(SEED_RIGHT),
        &[
            "endless.txt",
            "100000000 bytes",
            "over the limit of 16777216 bytes (16 MiB)",
        ],
    );
    // A stream has no size to check first: it is read up to the limit, then refused.
    let mut stream = "word ".repeat(limit / 5 + 1).into_bytes();
    stream.truncate(limit + 1);
    assert_trouble(
        crosscheck().args([SEED_LEFT, "-"]).write_stdin(stream),
        &["-: is over the limit of 16777216 bytes"],
    );
}

#[test]
fn endless_line_under_the_limit_is_cut_into_bounded_statements() {
    let max = crosscheck::segment::MAX_STATEMENT_BYTES;
    let dir = TempDir::new().unwrap();
    let words = [
        "council", "budget", "Tuesday", "mayor", "vote", "police", "fire",
    ];
    let line: Vec<&str> = (0..40_000)
        .map(|i| words[i * 7 % 11 % words.len()])
        .collect();
    let line = line.join(" ");
    let left = write_file(&dir, "endless.txt", &line);
    let report = report_json(
        crosscheck()
            .args(["--format", "json"])
            .arg(&left)
            .arg(SEED_RIGHT),
    );
    assert_report_invariants(&report, line.as_bytes(), &read_repo_file(SEED_RIGHT));
    let found = statements(&report, "left");
    assert!(
        found.len() >= line.len() / max,
        "{} statements",
        found.len()
    );
    let texts: Vec<&str> = found.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert!(texts.iter().all(|t| t.len() <= max));
    assert_eq!(
        texts.join(" "),
        line,
        "the statements cover the line, word for word"
    );
}

#[test]
fn cjk_rtl_and_emoji_text_is_compared_with_exact_spans() {
    let dir = TempDir::new().unwrap();
    let left_text = "东京电力公司周二表示，福岛核电站没有发生泄漏。首相将于周三访问该地区。\n\n\
                     قال المتحدث إن الحكومة وافقت على الميزانية.\n\
                     שר האוצר אמר כי התקציב אושר.\n\n\
                     The council 👍 approved the budget on Tuesday 🎉.\n\
                     👨‍👩‍👧‍👦🏳️‍🌈\n";
    let right_text = "东京电力公司周二表示，福岛核电站没有发生泄漏。\n\n\
                      قال المتحدث إن الحكومة وافقت على الميزانية.\n\n\
                      The council approved the budget on Wednesday 😡.\n";
    let left = write_file(&dir, "mixed-left.txt", left_text);
    let right = write_file(&dir, "mixed-right.txt", right_text);
    let report = report_json(
        crosscheck()
            .args(["--format", "json"])
            .arg(&left)
            .arg(&right),
    );
    assert_report_invariants(&report, left_text.as_bytes(), right_text.as_bytes());
    let texts: Vec<&str> = statements(&report, "left")
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "东京电力公司周二表示，福岛核电站没有发生泄漏。",
            "首相将于周三访问该地区。",
            "قال المتحدث إن الحكومة وافقت على الميزانية.",
            "שר האוצר אמר כי התקציב אושר.",
            "The council 👍 approved the budget on Tuesday 🎉.",
            "👨‍👩‍👧‍👦🏳️‍🌈",
        ]
    );
    let relations = pair_relations(&report);
    assert!(relations.contains(&(0, 0, "agree".into())), "{relations:?}");
    assert!(relations.contains(&(2, 1, "agree".into())), "{relations:?}");
    assert!(
        relations.contains(&(4, 2, "disagree".into())),
        "{relations:?}"
    );

    let text = report_text(
        crosscheck()
            .args(["--color", "never", "--width", "60"])
            .arg(&left)
            .arg(&right),
    );
    assert!(text.contains("首相将于周三访问该地区。"), "{text}");
    assert_eq!(raw_controls(&text), Vec::<char>::new());
}

/// A long comparison draws a progress bar only on a terminal: through a pipe, stderr stays
/// silent and stdout holds the report alone.
#[test]
fn long_inputs_draw_no_progress_bar_into_a_pipe() {
    let dir = TempDir::new().unwrap();
    let long = "The river rose after the storm.\n".repeat(40_000);
    assert!(long.len() as u64 > crosscheck::cli::progress_bar::MIN_BYTES);
    let left = write_file(&dir, "long.txt", &long);
    let right = write_file(&dir, "short.txt", "The river fell after the storm.\n");
    crosscheck()
        .arg("--color=never")
        .arg(&left)
        .arg(&right)
        .assert()
        .code(predicate::in_iter([0, 1]))
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains("aligning").not());
}

/// `--no-context` aligns on the statements' own words: the fixture's hospital pair ("taken to
/// Pinecrest Regional Medical Center" / "flown to a hospital in Pinecrest") is aligned only
/// because the statements after both are.
#[test]
fn no_context_aligns_on_own_words_only() {
    let pairs = |flags: &[&str]| -> Vec<(u64, u64)> {
        let report = report_json(crosscheck().args(flags).args([
            "--format",
            "json",
            "fixtures/paraphrase-reordered-left.txt",
            "fixtures/paraphrase-reordered-right.txt",
        ]));
        report["pairs"]
            .as_array()
            .expect("pairs")
            .iter()
            .map(|p| (p["left"].as_u64().unwrap(), p["right"].as_u64().unwrap()))
            .collect()
    };
    let in_context = pairs(&[]);
    let own_words = pairs(&["--no-context"]);
    assert!(in_context.contains(&(5, 5)), "{in_context:?}");
    assert!(!own_words.contains(&(5, 5)), "{own_words:?}");
    assert!(own_words.iter().all(|pair| in_context.contains(pair)));
}

/// A pair aligned through its neighbours says so in JSON and in the text report; the others
/// carry no such field.
#[test]
fn a_pair_aligned_by_context_says_so() {
    let (left, right) = (
        "fixtures/paraphrase-reordered-left.txt",
        "fixtures/paraphrase-reordered-right.txt",
    );
    let report = json_of(left, right);
    let mut flagged = Vec::new();
    for pair in report["pairs"].as_array().expect("pairs") {
        let ids = (
            pair["left"].as_u64().unwrap(),
            pair["right"].as_u64().unwrap(),
        );
        if let Some(marked) = pair.get("in_context") {
            assert_eq!(marked, true, "{pair}");
            flagged.push(ids);
        }
    }
    // "Dense fog near the top of the mountain" shares too few words with "heavy fog rolled in
    // near the summit" to be linked on its own.
    assert!(flagged.contains(&(5, 5)), "{flagged:?}");
    let text = report_text(crosscheck().args(["--color", "never", left, right]));
    assert_eq!(
        text.matches("aligned by context").count(),
        flagged.len(),
        "{text}"
    );
}

/// Debunking headlines written for this project (no benchmark item): each refutes its claim,
/// in the words such headlines use ("Fake:", "No, ... did not", "story untrue", "a hoax",
/// "retracts report", "dismisses reports", "there is no evidence", "made it up"); the controls
/// hedge, ask, deny the refutation, confirm, or deny something else, and disagree with nothing.
#[test]
fn pair_mode_finds_debunking_headlines_and_not_their_look_alikes() {
    let fixture = "fixtures/pairs-debunking.jsonl";
    let expected: Vec<(String, bool)> = std::fs::read_to_string(fixture)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            let disagrees = match line["expect"].as_str() {
                Some("disagree") => true,
                Some("not disagree") => false,
                other => panic!("unknown expectation {other:?}"),
            };
            (line["id"].as_str().unwrap().to_string(), disagrees)
        })
        .collect();
    assert!(expected.iter().filter(|(_, d)| *d).count() >= 20);
    assert!(expected.iter().filter(|(_, d)| !*d).count() >= 6);
    let output = crosscheck().args(["--pairs", fixture]).output().unwrap();
    let judged: Vec<(String, bool)> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            (
                line["id"].as_str().unwrap().to_string(),
                line["relation"] == "disagree",
            )
        })
        .collect();
    let wrong: Vec<&String> = expected
        .iter()
        .zip(&judged)
        .filter(|(e, j)| e != j)
        .map(|(e, _)| &e.0)
        .collect();
    assert_eq!(judged.len(), expected.len());
    assert!(wrong.is_empty(), "judged wrongly: {wrong:?}");
}

#[test]
fn pair_mode_agrees_on_one_claim_told_in_more_or_less_detail() {
    // Written for this project: news-style pairs of one claim with a detail, a time or a
    // speaker more on either side (agree), with another number, day or a negation (disagree),
    // and another claim of the same story or another story (unrelated).
    let fixture = "fixtures/pairs-same-claim.jsonl";
    let expected: Vec<(String, String)> = std::fs::read_to_string(fixture)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            let id = line["id"].as_str().unwrap().to_string();
            (id, line["expect"].as_str().unwrap().to_string())
        })
        .collect();
    for relation in ["agree", "disagree", "unrelated"] {
        assert!(expected.iter().filter(|(_, r)| r == relation).count() >= 3);
    }
    let output = crosscheck().args(["--pairs", fixture]).output().unwrap();
    let judged: Vec<(String, String)> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            let id = line["id"].as_str().unwrap().to_string();
            (id, line["relation"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(judged.len(), expected.len());
    let wrong: Vec<String> = expected
        .iter()
        .zip(&judged)
        .filter(|(e, j)| e != j)
        .map(|((id, want), (_, got))| format!("{id}: {got}, not {want}"))
        .collect();
    assert!(wrong.is_empty(), "judged wrongly: {wrong:?}");
}

// ---------------------------------------------------------------------------------------------
// --explain: what the judge did with each pair
// ---------------------------------------------------------------------------------------------

#[test]
fn explain_adds_a_trace_of_every_check_to_each_json_pair_and_changes_nothing_else() {
    let plain = json_of(SEED_LEFT, SEED_RIGHT);
    let explained =
        report_json(crosscheck().args(["--format", "json", "--explain", SEED_LEFT, SEED_RIGHT]));
    let pairs = explained["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for pair in pairs {
        let checks: Vec<&str> = pair["trace"]["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            checks,
            [
                "negation",
                "antonym",
                "refutation",
                "dispute",
                "quantity",
                "entity"
            ]
        );
        // A disagreement's reasons are what its checks found.
        for reason in pair["reasons"].as_array().unwrap() {
            let explanation = reason["explanation"].as_str().unwrap();
            let found = pair["trace"]["checks"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|c| c["found"].as_array().unwrap())
                .any(|f| f == explanation);
            assert!(
                found || reason["type"] == "attribution",
                "{explanation} is not in {}",
                pair["trace"]
            );
        }
    }
    // Without the trace, the report is the plain one.
    let mut stripped = explained.clone();
    for pair in stripped["pairs"].as_array_mut().unwrap() {
        pair.as_object_mut().unwrap().remove("trace");
    }
    assert_eq!(stripped, plain);
    assert!(plain["pairs"][0].get("trace").is_none());
}

#[test]
fn explain_names_the_exemption_that_set_a_negation_aside() {
    let dir = TempDir::new().unwrap();
    let left = write_file(
        &dir,
        "l.txt",
        "The new bridge is not only cheap but also strong.\n",
    );
    let right = write_file(&dir, "r.txt", "The new bridge is cheap and strong.\n");
    let text = report_text(
        crosscheck()
            .args(["--explain", "--color", "never"])
            .arg(&left)
            .arg(&right),
    );
    assert!(
        text.contains("set aside: LEFT \"not\" (\"not only\" adds)"),
        "{text}"
    );
    assert!(text.contains("trace  checks"), "{text}");
}

#[test]
fn explain_is_for_the_text_and_json_reports() {
    for format in ["markdown", "html"] {
        let output = crosscheck()
            .args(["--explain", "--format", format, SEED_LEFT, SEED_RIGHT])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--explain"), "{stderr}");
    }
    let output = crosscheck()
        .args(["--explain", "--pairs", "fixtures/pairs-debunking.jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// Three or more sources
// ---------------------------------------------------------------------------------------------

const LIBRARY: [&str; 3] = [
    "fixtures/sources/library/a.txt",
    "fixtures/sources/library/b.txt",
    "fixtures/sources/library/c.txt",
];

#[test]
fn three_sources_exit_1_when_two_of_them_disagree_and_0_when_none_do() {
    crosscheck().args(LIBRARY).assert().code(1);
    let dir = TempDir::new().unwrap();
    let same = "The council approved the budget on Tuesday.\n\nThe mayor thanked the residents.\n";
    let paths: Vec<PathBuf> = ["a.txt", "b.txt", "c.txt"]
        .iter()
        .map(|name| write_file(&dir, name, same))
        .collect();
    crosscheck()
        .args(&paths)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("crosscheck: 3 sources"));
    // A disagreement below --min-confidence does not count, as with two sources.
    crosscheck()
        .args(["--min-confidence", "1"])
        .args(LIBRARY)
        .assert()
        .code(0);
}

#[test]
fn one_of_many_sources_may_be_standard_input_but_not_two() {
    let stdin = read_repo_file(LIBRARY[1]);
    let output = crosscheck()
        .args(["--format", "json", LIBRARY[0], "-", LIBRARY[2]])
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let piped: Value = serde_json::from_slice(&output.stdout).unwrap();
    let read = report_json(crosscheck().args(["--format", "json"]).args(LIBRARY));
    assert_eq!(piped["sources"][1]["path"], "-");
    assert_eq!(piped["claims"], read["claims"]);
    assert_eq!(piped["links"], read["links"]);
    assert_trouble(
        crosscheck()
            .args([LIBRARY[0], "-", "-"])
            .write_stdin("text"),
        &["'-'", "2 times"],
    );
}

#[test]
fn a_bad_source_among_many_is_named() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.txt");
    assert_trouble(
        crosscheck().args([LIBRARY[0], LIBRARY[1]]).arg(&missing),
        &["missing.txt"],
    );
    let binary = write_file(&dir, "binary.txt", b"a\0b");
    assert_trouble(
        crosscheck().args([LIBRARY[0]]).arg(&binary).arg(LIBRARY[2]),
        &["binary.txt", "NUL"],
    );
    // An output that is one of the inputs is refused before any work.
    let input = write_file(&dir, "input.txt", "The council met.\n");
    assert_trouble(
        crosscheck()
            .args(["--output"])
            .arg(&input)
            .args([LIBRARY[0], LIBRARY[1]])
            .arg(&input),
        &["input.txt"],
    );
    assert_eq!(fs::read(&input).unwrap(), b"The council met.\n");
}

#[test]
fn two_source_flags_are_refused_with_three_sources() {
    for flag in ["--side-by-side", "--summary", "--explain", "--exact-diff"] {
        let output = crosscheck().arg(flag).args(LIBRARY).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(flag) && stderr.contains("three or more"),
            "{stderr}"
        );
    }
}

#[test]
fn every_format_of_three_sources_writes_its_report() {
    for (format, opening) in [
        ("text", "crosscheck: 3 sources"),
        ("markdown", "# crosscheck: 3 sources disagree"),
        ("html", "<!DOCTYPE html>"),
        ("json", "{"),
    ] {
        crosscheck()
            .args(["--format", format])
            .args(LIBRARY)
            .assert()
            .code(1)
            .stdout(predicate::str::starts_with(opening));
    }
}
