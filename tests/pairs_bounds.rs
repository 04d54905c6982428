//! Pair mode's bounds, driven through the binary (issue 13, "Never lose a byte"): every line
//! within article mode's size limit, refused early when longer; a byte order mark and a
//! directory handled as article mode handles them; the exit status of a run whose reader
//! stops early.
//!
//! Memory on a million lines of new words is measured by `scripts/pairs_memory.sh`, not here:
//! a test must not depend on the machine's speed or load.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

/// One line of pair mode, which disagrees.
const DISAGREEING: &str =
    "{\"id\": 1, \"left\": \"The vote was on Tuesday.\", \"right\": \"The vote was on Wednesday.\"}\n";

/// Pair mode's longest line, as article mode's largest file.
const LIMIT: usize = 16 * 1024 * 1024;

fn pair_mode() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--pairs").env_remove("NO_COLOR");
    cmd
}

#[test]
fn a_directory_is_an_error_as_in_article_mode() {
    let dir = TempDir::new().unwrap();
    let output = pair_mode().arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: is a directory, not a text file",
            dir.path().display()
        )),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_byte_order_mark_before_the_first_line_is_accepted() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("pairs.jsonl");
    fs::write(&input, format!("\u{feff}{DISAGREEING}")).unwrap();
    let output = pair_mode().arg(&input).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("{\"id\":1,\"relation\":\"disagree\""),
        "{stdout}"
    );
}

/// A file of a pair, a line one byte over the limit, and a pair.
fn file_with_a_long_line(dir: &TempDir) -> std::path::PathBuf {
    let path = dir.path().join("long.jsonl");
    let mut file = fs::File::create(&path).unwrap();
    file.write_all(DISAGREEING.as_bytes()).unwrap();
    file.write_all(&vec![b'x'; LIMIT + 1]).unwrap();
    file.write_all(b"\n").unwrap();
    file.write_all(DISAGREEING.as_bytes()).unwrap();
    path
}

#[test]
fn a_line_over_the_limit_is_a_bad_line() {
    let dir = TempDir::new().unwrap();
    let path = file_with_a_long_line(&dir);
    let output = pair_mode().arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(":2: line is longer than the limit of 16777216 bytes (16 MiB)"),
        "{stderr}"
    );
    // The pair before it is judged and written.
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);

    let output = pair_mode()
        .arg(&path)
        .arg("--skip-bad-lines")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skipped ") && stderr.contains(":2: line is longer"),
        "{stderr}"
    );
}

/// Pair mode started on its standard input, every stream a pipe; the input's end for the test
/// to write.
fn reading_standard_input() -> (Child, ChildStdin) {
    let mut child = pair_mode()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    (child, stdin)
}

#[test]
fn a_huge_line_is_refused_within_the_limit_read() {
    // Standard input offers 64 MiB without a line end; the run must stop reading after the
    // limit (and what the pipe and the reader's buffer hold), not read on to the end.
    let (child, mut stdin) = reading_standard_input();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        let mut accepted = 0;
        for _ in 0..64 {
            match stdin.write_all(&chunk) {
                Ok(()) => accepted += chunk.len(),
                Err(_) => break,
            }
        }
        accepted
    });
    let output = child.wait_with_output().unwrap();
    let accepted = writer.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("-:1: line is longer than the limit"),
        "{stderr}"
    );
    assert!(
        accepted <= LIMIT + (2 << 20),
        "{accepted} bytes were taken from the pipe"
    );
}

#[test]
fn a_reader_that_stops_early_still_gets_exit_1_for_a_disagreement_it_read() {
    // Enough lines that the output outgrows the pipe: the run is still writing when the reader
    // goes away, and meets a broken pipe.
    let input = DISAGREEING.repeat(20_000);
    let (mut child, mut stdin) = reading_standard_input();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone (`| head -1`).
    assert!(first.contains("\"disagree\""), "{first}");
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
