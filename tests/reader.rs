//! What a reader of a long report can do with it, driven through the binary: show only some
//! findings (`--only`), only a summary (`--summary`), read it through a pager on a terminal, at the
//! terminal's width and in color only where color shows; set defaults once in the environment;
//! be told clearly when a flag does not apply; and install completions and the manual page.
//!
//! A terminal here is a pseudo-terminal the test opens, of the size the test chooses, so the
//! pager, the width and the color are those a person at a terminal would get.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const SEED_LEFT: &str = "seeds/000_28f1410be158b030.txt";
const SEED_RIGHT: &str = "seeds/003_0b289d2134709d16.txt";

const ESC: char = '\u{1b}';

/// Every variable that changes what the binary prints, as a person may have them set.
const ENVIRONMENT: &[&str] = &[
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "PAGER",
    "LESS",
    "CROSSCHECK_PAGER",
    "CROSSCHECK_FORMAT",
    "CROSSCHECK_COLOR",
    "CROSSCHECK_WIDTH",
];

/// The binary, run from the repository root, with none of [`ENVIRONMENT`] inherited.
fn crosscheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in ENVIRONMENT {
        cmd.env_remove(name);
    }
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("the report is UTF-8"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The report of the seeds with `flags`, which must work and disagree (the seeds do).
fn seeds(flags: &[&str]) -> String {
    let run = run(crosscheck().args(flags).args([SEED_LEFT, SEED_RIGHT]));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

fn seeds_json(flags: &[&str]) -> Value {
    let report = seeds(&[&["--format", "json"], flags].concat());
    serde_json::from_str(&report).unwrap()
}

/// Runs a command that must fail with exit status 2, print nothing on stdout and say every
/// string of `mentions` on stderr.
fn assert_refused(cmd: &mut Command, mentions: &[&str]) {
    let run = run(cmd);
    assert_eq!(
        run.code,
        Some(2),
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    for mention in mentions {
        assert!(
            run.stderr.contains(mention),
            "stderr does not mention {mention:?}: {}",
            run.stderr
        );
    }
}

/// Columns a line takes on a terminal: escape sequences take none.
fn columns(line: &str) -> usize {
    let mut count = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else if c != '\r' {
            count += 1;
        }
    }
    count
}

/// The text without its escape sequences, as a reader sees it.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn widest_line(report: &str) -> usize {
    report.lines().map(columns).max().unwrap_or(0)
}

/// Seven statements each side, each pair disagreeing on a number: more disagreements than a
/// summary shows.
fn seven_disagreements(dir: &TempDir) -> (PathBuf, PathBuf) {
    const CLAIMS: [&str; 7] = [
        "The city council hired {} new teachers for the schools.",
        "The fire brigade answered {} calls during the storm.",
        "The museum sold {} tickets for the new exhibition.",
        "The hospital treated {} patients after the accident.",
        "The harbour welcomed {} cruise ships this summer.",
        "The library lent {} books to students last year.",
        "The bakery baked {} loaves of bread for the festival.",
    ];
    let article = |first: usize| {
        CLAIMS
            .iter()
            .enumerate()
            .map(|(i, claim)| claim.replace("{}", &(first + i).to_string()))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let left = dir.path().join("left.txt");
    let right = dir.path().join("right.txt");
    fs::write(&left, article(10)).unwrap();
    fs::write(&right, article(50)).unwrap();
    (left, right)
}

// ---------------------------------------------------------------------------------------------
// --only
// ---------------------------------------------------------------------------------------------

#[test]
fn only_disagree_leaves_out_agreements_and_one_sided_claims_but_not_their_counts() {
    let full = seeds(&["--color", "never"]);
    assert!(full.contains("── Agreements (5)"), "{full}");
    assert!(full.contains("── Only in LEFT"), "{full}");

    let report = seeds(&["--only", "disagree", "--color", "never"]);
    assert!(report.contains("── Disagreements (2)"), "{report}");
    assert!(!report.contains("── Agreements"), "{report}");
    assert!(!report.contains("── Only in"), "{report}");
    assert!(!report.contains("✓ agree"), "{report}");
    // The header still counts the whole comparison, and says what is left out.
    assert!(report.contains("5 agreements"), "{report}");
    assert!(report.contains("11 only in LEFT"), "{report}");
    assert!(
        report.contains("showing only disagreements (--only)"),
        "{report}"
    );
    assert!(report.lines().count() < full.lines().count() / 2);
}

#[test]
fn only_one_sided_lists_the_claims_of_one_source_and_still_exits_1() {
    // `seeds` asserts exit status 1: the sources disagree, though no disagreement is shown.
    let report = seeds(&["--only", "one-sided", "--color", "never"]);
    assert!(report.contains("── Only in LEFT (11)"), "{report}");
    assert!(report.contains("── Only in RIGHT (10)"), "{report}");
    assert!(!report.contains("── Disagreements"), "{report}");
    assert!(!report.contains("── Agreements"), "{report}");
    // The first thing after the header is a one-sided claim, not 43 agreements.
    let first_section = report.lines().find(|line| line.starts_with("── "));
    assert_eq!(
        first_section.map(|line| line.starts_with("── Only in LEFT")),
        Some(true),
        "{report}"
    );
}

#[test]
fn only_takes_a_list_or_repeats_and_the_order_does_not_matter() {
    let listed = seeds(&["--only", "one-sided,disagree", "--color", "never"]);
    let repeated = seeds(&[
        "--only",
        "disagree",
        "--only",
        "one-sided",
        "--color",
        "never",
    ]);
    assert_eq!(listed, repeated);
    assert!(listed.contains("── Disagreements"), "{listed}");
    assert!(listed.contains("── Only in RIGHT"), "{listed}");
    assert!(!listed.contains("── Agreements"), "{listed}");
    let all = seeds(&["--only", "agree,disagree,one-sided", "--color", "never"]);
    assert_eq!(
        all.lines().count(),
        seeds(&["--color", "never"]).lines().count() + 1,
        "everything, and the note saying so"
    );
}

#[test]
fn only_filters_the_json_lists_and_says_so_keeping_statements_and_summary() {
    let whole = seeds_json(&[]);
    assert!(whole.get("shown").is_none(), "no `shown` without --only");
    let agreements = seeds_json(&["--only", "agree"]);
    assert_eq!(agreements["shown"], serde_json::json!(["agree"]));
    let pairs = agreements["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 5);
    assert!(pairs.iter().all(|p| p["relation"] == "agree"));
    assert_eq!(agreements["left_only"], serde_json::json!([]));
    assert_eq!(agreements["right_only"], serde_json::json!([]));
    assert_eq!(agreements["summary"], whole["summary"]);
    assert_eq!(agreements["left"], whole["left"]);
    assert_eq!(agreements["right"], whole["right"]);

    let one_sided = seeds_json(&["--only", "one-sided"]);
    assert_eq!(one_sided["pairs"], serde_json::json!([]));
    assert_eq!(one_sided["left_only"], whole["left_only"]);
    assert_eq!(one_sided["right_only"], whole["right_only"]);
}

#[test]
fn only_filters_the_markdown_report() {
    let report = seeds(&["--format", "markdown", "--only", "disagree"]);
    assert!(report.contains("## Disagreements (2)"), "{report}");
    assert!(!report.contains("## Agreements"), "{report}");
    assert!(!report.contains("## Only in"), "{report}");
    assert!(
        report.contains("_Showing only disagreements (--only)._"),
        "{report}"
    );
}

#[test]
fn only_is_not_for_the_html_page_nor_takes_unknown_findings() {
    assert_refused(
        crosscheck().args([
            "--only", "disagree", "--format", "html", SEED_LEFT, SEED_RIGHT,
        ]),
        &["--only", "--format html"],
    );
    assert_refused(
        crosscheck().args(["--only", "disagreements", SEED_LEFT, SEED_RIGHT]),
        &["disagreements", "one-sided"],
    );
}

// ---------------------------------------------------------------------------------------------
// --summary
// ---------------------------------------------------------------------------------------------

#[test]
fn summary_has_every_count_and_the_disagreements_only() {
    let full = seeds(&["--color", "never"]);
    let summary = seeds(&["--summary", "--color", "never"]);
    for count in [
        "19 statements",
        "17 statements",
        "3 left out as boilerplate",
        "1 left out as boilerplate",
        "2 disagreements ",
        "5 agreements",
        "11 only in LEFT",
        "10 only in RIGHT",
    ] {
        assert!(summary.contains(count), "{count:?} missing:\n{summary}");
    }
    assert!(summary.contains("── Disagreements (2)"), "{summary}");
    assert!(
        summary.contains("• negation"),
        "the reasons are shown:\n{summary}"
    );
    assert!(!summary.contains("✓ agree"), "{summary}");
    assert!(!summary.contains("── Only in"), "{summary}");
    assert!(summary.lines().count() * 4 < full.lines().count());
}

#[test]
fn summary_shows_the_five_surest_disagreements_of_more() {
    let dir = TempDir::new().unwrap();
    let (left, right) = seven_disagreements(&dir);
    let run = run(crosscheck()
        .args(["--summary", "--color", "never"])
        .arg(&left)
        .arg(&right));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let summary = run.stdout;
    assert!(summary.contains("7 disagreements"), "{summary}");
    assert!(
        summary.contains("── Top disagreements (5 of 7)"),
        "{summary}"
    );
    assert_eq!(summary.matches("✗ disagree").count(), 5, "{summary}");
    assert!(
        summary.contains("2 more disagreements in the full report"),
        "{summary}"
    );
    let confidences: Vec<f64> = summary
        .lines()
        .filter_map(|line| line.split("confidence ").nth(1))
        .map(|rest| rest[..4].parse().unwrap())
        .collect();
    assert!(
        confidences.windows(2).all(|w| w[0] >= w[1]),
        "{confidences:?}"
    );

    let markdown = run_markdown_summary(&left, &right);
    assert!(
        markdown.contains("## Top disagreements (5 of 7)"),
        "{markdown}"
    );
    assert_eq!(markdown.matches("### ✗").count(), 5, "{markdown}");
}

fn run_markdown_summary(left: &Path, right: &Path) -> String {
    let run = run(crosscheck()
        .args(["--summary", "--format", "markdown"])
        .arg(left)
        .arg(right));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.stdout
}

#[test]
fn summary_in_markdown_has_the_table_and_no_agreements() {
    let summary = seeds(&["--summary", "--format", "markdown"]);
    assert!(
        summary.contains("| claims found only here | 11 | 10 |"),
        "{summary}"
    );
    assert!(summary.contains("## Disagreements (2)"), "{summary}");
    assert!(!summary.contains("## Agreements"), "{summary}");
}

#[test]
fn summary_of_sources_that_do_not_disagree_says_so() {
    let run = run(crosscheck().args(["--summary", "--color", "never", SEED_LEFT, SEED_LEFT]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("The sources do not disagree."),
        "{}",
        run.stdout
    );
}

#[test]
fn summary_is_refused_with_json_and_html_saying_what_to_read_instead() {
    assert_refused(
        crosscheck().args(["--summary", "--format", "json", SEED_LEFT, SEED_RIGHT]),
        &["--summary", "--format json", "`summary` object"],
    );
    assert_refused(
        crosscheck().args(["--summary", "--format", "html", SEED_LEFT, SEED_RIGHT]),
        &["--summary", "--format html"],
    );
}

// ---------------------------------------------------------------------------------------------
// Flags where they do not apply
// ---------------------------------------------------------------------------------------------

#[test]
fn report_flags_are_refused_in_pair_mode_naming_the_flag() {
    let flags: [&[&str]; 11] = [
        &["--side-by-side"],
        &["--color", "never"],
        &["--width", "80"],
        &["--no-context"],
        &["--show-boilerplate"],
        &["--only", "disagree"],
        &["--summary"],
        &["--format", "json"],
        &["--explain"],
        &["--lossy"],
        &["--min-confidence", "0.9"],
    ];
    for flag in flags {
        assert_refused(
            crosscheck()
                .args(["--pairs", "fixtures/pairs-debunking.jsonl"])
                .args(flag),
            &[flag[0], "--pairs"],
        );
    }
}

#[test]
fn width_color_and_side_by_side_are_refused_with_json() {
    for flag in [
        &["--width", "80"][..],
        &["--color", "always"],
        &["--side-by-side"],
    ] {
        assert_refused(
            crosscheck()
                .args(["--format", "json"])
                .args(flag)
                .args([SEED_LEFT, SEED_RIGHT]),
            &[flag[0], "--format json"],
        );
    }
}

#[test]
fn a_threshold_out_of_range_says_the_range() {
    for value in ["-1", "2"] {
        assert_refused(
            crosscheck().args(["--threshold", value, SEED_LEFT, SEED_RIGHT]),
            &["--threshold", "must be between 0 and 1"],
        );
    }
    assert_refused(
        crosscheck().args(["--min-confidence", "-0.5", SEED_LEFT, SEED_RIGHT]),
        &["--min-confidence", "must be between 0 and 1"],
    );
    assert_refused(
        crosscheck().args(["--width", "-3", SEED_LEFT, SEED_RIGHT]),
        &["--width", "at least 20"],
    );
}

// ---------------------------------------------------------------------------------------------
// Defaults from the environment
// ---------------------------------------------------------------------------------------------

#[test]
fn crosscheck_format_sets_the_default_format_and_the_flag_wins() {
    let report = run(crosscheck()
        .env("CROSSCHECK_FORMAT", "json")
        .args([SEED_LEFT, SEED_RIGHT]));
    assert_eq!(report.code, Some(1), "{}", report.stderr);
    serde_json::from_str::<Value>(&report.stdout).expect("JSON by default");
    let text = run(crosscheck()
        .env("CROSSCHECK_FORMAT", "json")
        .args(["--format", "text", SEED_LEFT, SEED_RIGHT]));
    assert!(text.stdout.starts_with("crosscheck\n"), "{}", text.stdout);
}

#[test]
fn crosscheck_color_sets_the_default_and_the_flag_wins() {
    let colored = run(crosscheck()
        .env("CROSSCHECK_COLOR", "always")
        .args([SEED_LEFT, SEED_RIGHT]));
    assert!(colored.stdout.contains(ESC), "{}", colored.stdout);
    let plain = run(crosscheck()
        .env("CROSSCHECK_COLOR", "always")
        .args(["--color", "never", SEED_LEFT, SEED_RIGHT]));
    assert!(!plain.stdout.contains(ESC), "{}", plain.stdout);
}

#[test]
fn crosscheck_width_sets_the_default_and_the_flag_wins() {
    let narrow = run(crosscheck()
        .env("CROSSCHECK_WIDTH", "50")
        .args([SEED_LEFT, SEED_RIGHT]));
    assert_eq!(widest_line(&narrow.stdout), 50, "{}", narrow.stdout);
    let wider = run(crosscheck()
        .env("CROSSCHECK_WIDTH", "50")
        .args(["--width", "70", SEED_LEFT, SEED_RIGHT]));
    assert_eq!(widest_line(&wider.stdout), 70, "{}", wider.stdout);
}

#[test]
fn defaults_from_the_environment_are_not_refused_where_they_do_not_apply() {
    // Set once for the text report, they must not break JSON or pair mode.
    let report = run(crosscheck()
        .env("CROSSCHECK_COLOR", "always")
        .env("CROSSCHECK_WIDTH", "50")
        .args(["--format", "json", SEED_LEFT, SEED_RIGHT]));
    assert_eq!(report.code, Some(1), "{}", report.stderr);
    assert!(!report.stdout.contains(ESC));
    serde_json::from_str::<Value>(&report.stdout).unwrap();

    let pairs = run(crosscheck()
        .env("CROSSCHECK_FORMAT", "markdown")
        .env("CROSSCHECK_COLOR", "always")
        .env("CROSSCHECK_WIDTH", "50")
        .args(["--pairs", "fixtures/pairs-debunking.jsonl"]));
    assert!(matches!(pairs.code, Some(0 | 1)), "{}", pairs.stderr);
    for line in pairs.stdout.lines() {
        serde_json::from_str::<Value>(line).expect("a JSON line per pair");
    }
}

#[test]
fn a_format_from_the_environment_is_named_when_a_flag_does_not_fit_it() {
    assert_refused(
        crosscheck().env("CROSSCHECK_FORMAT", "json").args([
            "--side-by-side",
            SEED_LEFT,
            SEED_RIGHT,
        ]),
        &["--side-by-side", "CROSSCHECK_FORMAT"],
    );
}

#[test]
fn a_bad_value_in_the_environment_is_an_error() {
    assert_refused(
        crosscheck()
            .env("CROSSCHECK_FORMAT", "xml")
            .args([SEED_LEFT, SEED_RIGHT]),
        &["xml"],
    );
    assert_refused(
        crosscheck()
            .env("CROSSCHECK_WIDTH", "wide")
            .args([SEED_LEFT, SEED_RIGHT]),
        &["wide"],
    );
}

// ---------------------------------------------------------------------------------------------
// Color from the environment
// ---------------------------------------------------------------------------------------------

#[test]
fn clicolor_force_still_forces_color_over_term_dumb_and_clicolor_0() {
    // In a pipe: only CLICOLOR_FORCE colors, and neither TERM=dumb nor CLICOLOR=0 stops it.
    let forced = run(crosscheck()
        .env("CLICOLOR_FORCE", "1")
        .env("TERM", "dumb")
        .env("CLICOLOR", "0")
        .args([SEED_LEFT, SEED_RIGHT]));
    assert!(forced.stdout.contains(ESC));
}

// ---------------------------------------------------------------------------------------------
// Completions and the manual page
// ---------------------------------------------------------------------------------------------

#[test]
fn completions_for_every_shell_need_no_articles() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef crosscheck"),
        ("fish", "complete -c crosscheck"),
        ("elvish", "edit:completion:arg-completer[crosscheck]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = run(crosscheck().args(["--completions", shell]));
        assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(mark), "{shell}:\n{}", run.stdout);
        assert!(run.stdout.contains("format"), "{shell}:\n{}", run.stdout);
    }
    let bash = run(crosscheck().args(["--completions", "bash"])).stdout;
    for flag in ["--format", "--only", "--summary", "--no-pager"] {
        assert!(bash.contains(flag), "{flag}:\n{bash}");
    }
    assert_refused(crosscheck().args(["--completions", "tcsh"]), &["tcsh"]);
}

#[test]
fn the_man_page_is_roff_and_documents_flags_and_environment() {
    let run = run(crosscheck().arg("--man"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let page = run.stdout;
    assert!(page.contains(".TH crosscheck 1"), "{page}");
    for section in [
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH EXIT STATUS",
        ".SH ENVIRONMENT",
    ] {
        assert!(page.contains(section), "{section}:\n{page}");
    }
    for mention in [
        "\\-\\-summary",
        "\\-\\-only",
        "CROSSCHECK_PAGER",
        "NO_COLOR",
    ] {
        assert!(page.contains(mention), "{mention}:\n{page}");
    }
}

#[test]
fn completions_and_the_man_page_into_a_closed_pipe_are_not_an_error() {
    // `crosscheck --man | head -1`: the reader leaves early.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("--man")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

// ---------------------------------------------------------------------------------------------
// On a terminal: the pager, the width, the color
// ---------------------------------------------------------------------------------------------

#[test]
fn no_pager_is_started_when_stdout_is_not_a_terminal() {
    let dir = TempDir::new().unwrap();
    let marker = dir.path().join("paged");
    let pager = format!("touch '{}'", marker.display());
    let run = run(crosscheck()
        .env("PAGER", &pager)
        .env("CROSSCHECK_PAGER", &pager)
        .args([SEED_LEFT, SEED_RIGHT]));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.starts_with("crosscheck\n"));
    assert!(!marker.exists(), "a pager ran for a pipe");
}

#[cfg(unix)]
mod terminal {
    //! The binary with its standard output on a pseudo-terminal of a chosen size.

    use std::fs::{self, File};
    use std::io::Read;
    use std::os::fd::FromRawFd;
    use std::path::Path;
    use std::process::{Command, Stdio};

    use super::*;

    /// What the binary did on a terminal: its exit status, what reached the screen (the
    /// terminal's line ends made `\n` again) and its stderr.
    pub struct Screen {
        pub code: Option<i32>,
        pub shown: String,
        pub stderr: String,
    }

    /// Runs the binary with `args` and `env` in the repository, standard output on a terminal of
    /// `rows` by `columns`, no standard input.
    pub fn on_terminal(rows: u16, columns: u16, env: &[(&str, &str)], args: &[&str]) -> Screen {
        let (mut master, slave) = open_terminal(rows, columns);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(slave))
            .stderr(Stdio::piped());
        for name in ENVIRONMENT {
            cmd.env_remove(name);
        }
        // A pager that waits for keys must not be what the tests fall back to when they name
        // none: less.
        if !env.iter().any(|(name, _)| name.ends_with("PAGER")) {
            cmd.env("CROSSCHECK_PAGER", "cat > /dev/null");
        }
        cmd.envs(env.iter().copied());
        let child = cmd.spawn().unwrap();
        // Dropping `cmd` closes this process's copy of the terminal's end: reading the other end
        // ends once the binary and its pager are done with it.
        drop(cmd);
        let reader = std::thread::spawn(move || {
            let mut shown = Vec::new();
            let mut buf = [0; 4096];
            // Linux reports the closed terminal as an error (EIO), others as end of file.
            while let Ok(n @ 1..) = master.read(&mut buf) {
                shown.extend_from_slice(&buf[..n]);
            }
            shown
        });
        let output = child.wait_with_output().unwrap();
        let shown = reader.join().unwrap();
        Screen {
            code: output.status.code(),
            shown: String::from_utf8_lossy(&shown).replace("\r\n", "\n"),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn open_terminal(rows: u16, columns: u16) -> (File, File) {
        let size = libc::winsize {
            ws_row: rows,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors it opened into the two integers; the size is
        // read only.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors are open and owned by nothing else.
        unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) }
    }

    /// A pager command that copies the report into `file`.
    pub fn pager_into(file: &Path) -> String {
        format!("cat > '{}'", file.display())
    }

    pub fn read(file: &Path) -> String {
        fs::read_to_string(file).unwrap_or_default()
    }
}

#[cfg(unix)]
#[test]
fn a_report_longer_than_the_screen_goes_through_the_pager() {
    let dir = TempDir::new().unwrap();
    let paged = dir.path().join("paged.txt");
    let pager = terminal::pager_into(&paged);
    let screen = terminal::on_terminal(
        24,
        100,
        &[("CROSSCHECK_PAGER", &pager)],
        &[SEED_LEFT, SEED_RIGHT],
    );
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(screen.stderr.is_empty(), "{}", screen.stderr);
    assert!(
        screen.shown.is_empty(),
        "the pager had it all:\n{}",
        screen.shown
    );
    let report = terminal::read(&paged);
    assert!(plain(&report).starts_with("crosscheck\n"), "{report}");
    assert!(
        report.contains("── Only in RIGHT"),
        "the whole report:\n{report}"
    );
    // The terminal's report: colored, since the pager is on a terminal too.
    assert!(report.contains(ESC), "{report}");
}

#[cfg(unix)]
#[test]
fn pager_is_the_pager_without_crosscheck_pager_and_an_empty_one_means_none() {
    let dir = TempDir::new().unwrap();
    let paged = dir.path().join("paged.txt");
    let pager = terminal::pager_into(&paged);
    let screen = terminal::on_terminal(24, 100, &[("PAGER", &pager)], &[SEED_LEFT, SEED_RIGHT]);
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(plain(&terminal::read(&paged)).starts_with("crosscheck\n"));
    fs::remove_file(&paged).unwrap();

    for none in ["", "cat"] {
        let screen = terminal::on_terminal(
            24,
            100,
            &[("PAGER", &pager), ("CROSSCHECK_PAGER", none)],
            &[SEED_LEFT, SEED_RIGHT],
        );
        assert!(!paged.exists(), "CROSSCHECK_PAGER={none:?} still paged");
        assert!(
            screen.shown.contains("── Only in RIGHT"),
            "{}",
            screen.shown
        );
    }
}

#[cfg(unix)]
#[test]
fn no_pager_and_a_short_report_go_straight_to_the_terminal() {
    let dir = TempDir::new().unwrap();
    let paged = dir.path().join("paged.txt");
    let pager = terminal::pager_into(&paged);
    let env = [("CROSSCHECK_PAGER", pager.as_str())];

    let screen = terminal::on_terminal(24, 100, &env, &["--no-pager", SEED_LEFT, SEED_RIGHT]);
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(
        screen.shown.contains("── Only in RIGHT"),
        "{}",
        screen.shown
    );
    assert!(!paged.exists(), "--no-pager ran the pager");

    // The summary fits a screen of 60 rows: no pager for it.
    let screen = terminal::on_terminal(60, 100, &env, &["--summary", SEED_LEFT, SEED_RIGHT]);
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(
        screen.shown.contains("Disagreements (2)"),
        "{}",
        screen.shown
    );
    assert!(
        !paged.exists(),
        "a report shorter than the screen was paged"
    );

    // Nor is a report written to a file ever paged.
    let file = dir.path().join("report.txt");
    let screen = terminal::on_terminal(
        5,
        100,
        &env,
        &["--output", file.to_str().unwrap(), SEED_LEFT, SEED_RIGHT],
    );
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(!paged.exists(), "a report into a file was paged");
    assert!(terminal::read(&file).starts_with("crosscheck\n"));
}

#[cfg(unix)]
#[test]
fn a_pager_that_quits_early_is_not_an_error() {
    // A report much longer than a pipe holds, and a pager that reads one line of it.
    let dir = TempDir::new().unwrap();
    let left: String = (0..400)
        .map(|i| format!("Reporter {i} wrote that the council met on day {i} of the session.\n\n"))
        .collect();
    let left_path = dir.path().join("left.txt");
    fs::write(&left_path, &left).unwrap();
    let left_path = left_path.to_str().unwrap();
    let screen = terminal::on_terminal(
        24,
        100,
        &[("CROSSCHECK_PAGER", "head -n 1 > /dev/null")],
        &[left_path, left_path],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.stderr);
    assert!(screen.stderr.is_empty(), "{}", screen.stderr);
}

#[cfg(unix)]
#[test]
fn a_pager_that_cannot_start_is_a_warning_and_the_report_is_shown() {
    let screen = terminal::on_terminal(
        24,
        100,
        &[("CROSSCHECK_PAGER", "/nonexistent/pager -R")],
        &[SEED_LEFT, SEED_RIGHT],
    );
    assert_eq!(screen.code, Some(1), "{}", screen.stderr);
    assert!(
        screen.stderr.contains("/nonexistent/pager"),
        "{}",
        screen.stderr
    );
    assert!(
        plain(&screen.shown).starts_with("crosscheck\n"),
        "{}",
        screen.shown
    );
    assert!(
        screen.shown.contains("── Only in RIGHT"),
        "{}",
        screen.shown
    );
}

#[cfg(unix)]
#[test]
fn the_report_takes_a_wide_terminals_width_and_width_overrides_it() {
    let wide = terminal::on_terminal(200, 160, &[], &["--no-pager", SEED_LEFT, SEED_RIGHT]);
    assert_eq!(wide.code, Some(1), "{}", wide.stderr);
    assert_eq!(widest_line(&wide.shown), 160, "{}", wide.shown);
    let set = terminal::on_terminal(
        200,
        160,
        &[],
        &["--no-pager", "--width", "72", SEED_LEFT, SEED_RIGHT],
    );
    assert_eq!(widest_line(&set.shown), 72, "{}", set.shown);
    let narrow = terminal::on_terminal(200, 60, &[], &["--no-pager", SEED_LEFT, SEED_RIGHT]);
    assert_eq!(widest_line(&narrow.shown), 60, "{}", narrow.shown);
}

#[cfg(unix)]
#[test]
fn term_dumb_and_clicolor_0_turn_auto_color_off_on_a_terminal() {
    let args = ["--no-pager", SEED_LEFT, SEED_RIGHT];
    let colored = terminal::on_terminal(200, 100, &[], &args);
    assert!(colored.shown.contains(ESC), "a terminal is colored");
    for env in [("TERM", "dumb"), ("CLICOLOR", "0")] {
        let plain = terminal::on_terminal(200, 100, &[env], &args);
        assert!(!plain.shown.contains(ESC), "{env:?}:\n{}", plain.shown);
        let always = terminal::on_terminal(
            200,
            100,
            &[env],
            &["--color", "always", "--no-pager", SEED_LEFT, SEED_RIGHT],
        );
        assert!(
            always.shown.contains(ESC),
            "--color always wins over {env:?}"
        );
    }
    let clicolor_1 = terminal::on_terminal(200, 100, &[("CLICOLOR", "1")], &args);
    assert!(clicolor_1.shown.contains(ESC));
}
