//! `-o/--output` and the standard streams, driven through the binary (issue 13, "Never lose a
//! byte"): whatever the output path is, the report reaches it, nothing else there changes, no
//! input is destroyed and no temporary file is left behind, not even by a signal.
//!
//! Devices are made with `mknod` in a temporary directory, which needs root; without it those
//! tests say why on stderr and pass. No test writes to the machine's own `/dev`.

#![cfg(unix)]

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

mod support;

/// A one-sentence disagreement that any version of the matcher must catch: exit status 1.
const TUESDAY: &str = "The council approved the budget on Tuesday.\n";
const WEDNESDAY: &str = "The council approved the budget on Wednesday.\n";

/// One line of pair mode, which disagrees.
const PAIR: &str =
    "{\"id\": 1, \"left\": \"The vote was on Tuesday.\", \"right\": \"The vote was on Wednesday.\"}\n";

/// What every text report of the two files says, whatever else it says.
const REPORT_MARK: &str = "Tuesday";

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The binary, run in `dir` (so a stray file would land there), without color variables and
/// with color off: as a default from the environment, which pair mode and the formats that are
/// never colored leave unused, where `--color` would be refused.
fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("CROSSCHECK_COLOR", "never");
    cmd
}

/// Two files that disagree, `left.txt` and `right.txt` in `dir`.
fn disagreeing_files(dir: &Path) -> (PathBuf, PathBuf) {
    let left = dir.join("left.txt");
    fs::write(&left, TUESDAY).unwrap();
    let right = dir.join("right.txt");
    fs::write(&right, WEDNESDAY).unwrap();
    (left, right)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temporary_files_in(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|name| name.starts_with(".crosscheck-"))
        .collect()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Makes a character device `dir/name` with the given numbers, or says why not.
fn make_device(dir: &Path, name: &str, major: u32, minor: u32) -> Option<PathBuf> {
    if !is_root() {
        eprintln!("skipped: making a device with mknod needs root");
        return None;
    }
    let path = dir.join(name);
    let status = std::process::Command::new("mknod")
        .arg(&path)
        .arg("c")
        .arg(major.to_string())
        .arg(minor.to_string())
        .status()
        .unwrap();
    if !status.success() {
        eprintln!("skipped: mknod {} failed ({status})", path.display());
        return None;
    }
    Some(path)
}

fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs the binary, expects exit 2 with nothing on stdout, and returns stderr.
fn trouble(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout: {:?}", output.stdout);
    stderr
}

/// Runs the binary through `sh` with `redirection` applied to it (`>&-` closes stdout: a
/// std::process::Command cannot start a child with a descriptor closed).
fn crosscheck_with(dir: &Path, redirection: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("exec \"$0\" \"$@\" {redirection}"))
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Where the report goes
// ---------------------------------------------------------------------------------------------

#[test]
fn output_dash_is_standard_output() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let output = crosscheck(dir.path())
        .args(["-o", "-"])
        .arg(&left)
        .arg(&right)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains(REPORT_MARK));
    assert_eq!(names_in(dir.path()), ["left.txt", "right.txt"]);
}

/// `-o /dev/stdout`, spelled through `/proc` so that no test names the machine's `/dev`.
#[cfg(target_os = "linux")]
#[test]
fn output_to_the_path_of_standard_output_writes_standard_output() {
    let dir = TempDir::new().unwrap();
    disagreeing_files(dir.path());
    let args = ["-o", "/proc/self/fd/1", "left.txt", "right.txt"];
    // Standard output a regular file: written through, not replaced by another file.
    let output = crosscheck_with(dir.path(), "> out.txt", &args);
    assert_eq!(output.status.code(), Some(1), "{:?}", output);
    let written = fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(written.contains(REPORT_MARK), "{written}");
    assert_eq!(names_in(dir.path()), ["left.txt", "out.txt", "right.txt"]);
    // A pipe: its reader gets the report.
    let output = crosscheck_with(dir.path(), "", &args);
    assert_eq!(output.status.code(), Some(1), "{:?}", output);
    assert!(String::from_utf8_lossy(&output.stdout).contains(REPORT_MARK));
}

#[test]
fn output_to_a_character_device_writes_into_it() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let Some(null) = make_device(dir.path(), "null", 1, 3) else {
        return;
    };
    crosscheck(dir.path())
        .arg("-o")
        .arg(&null)
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1)
        .stdout("");
    assert!(fs::metadata(&null).unwrap().file_type().is_char_device());
    assert!(temporary_files_in(dir.path()).is_empty());
}

#[test]
fn output_to_a_full_device_is_an_error_and_the_device_stays() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let Some(full) = make_device(dir.path(), "full", 1, 7) else {
        return;
    };
    let stderr = trouble(
        crosscheck(dir.path())
            .arg("-o")
            .arg(&full)
            .arg(&left)
            .arg(&right),
    );
    assert!(stderr.contains("full: cannot write the report"), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(fs::metadata(&full).unwrap().file_type().is_char_device());
    assert!(temporary_files_in(dir.path()).is_empty());
}

#[test]
fn a_failed_write_in_pair_mode_names_the_output() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("pairs.jsonl"), PAIR).unwrap();
    let Some(full) = make_device(dir.path(), "full", 1, 7) else {
        return;
    };
    let stderr = trouble(
        crosscheck(dir.path())
            .args(["--pairs", "pairs.jsonl", "-o"])
            .arg(&full),
    );
    assert!(stderr.contains("full: cannot write the report"), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(fs::metadata(&full).unwrap().file_type().is_char_device());
}

#[test]
fn output_to_a_fifo_reaches_its_reader() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let fifo = dir.path().join("report.fifo");
    make_fifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut received = String::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut received)
                .unwrap();
            received
        })
    };
    crosscheck(dir.path())
        .arg("-o")
        .arg(&fifo)
        .arg(&left)
        .arg(&right)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout("");
    let received = reader.join().unwrap();
    assert!(received.contains(REPORT_MARK), "{received}");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(temporary_files_in(dir.path()).is_empty());
}

#[test]
fn output_to_a_socket_reaches_its_listener() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let socket = dir.path().join("report.sock");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let reader = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut received = String::new();
        stream.read_to_string(&mut received).unwrap();
        received
    });
    crosscheck(dir.path())
        .arg("-o")
        .arg(&socket)
        .arg(&left)
        .arg(&right)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1);
    assert!(reader.join().unwrap().contains(REPORT_MARK));
    assert!(fs::metadata(&socket).unwrap().file_type().is_socket());
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let target = dir.path().join("reports").join("latest.txt");
    fs::create_dir(target.parent().unwrap()).unwrap();
    fs::write(&target, "an older report").unwrap();
    let link = dir.path().join("report.txt");
    std::os::unix::fs::symlink("reports/latest.txt", &link).unwrap();
    crosscheck(dir.path())
        .arg("-o")
        .arg(&link)
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("reports/latest.txt")
    );
    assert!(fs::read_to_string(&target).unwrap().contains(REPORT_MARK));
    assert!(temporary_files_in(target.parent().unwrap()).is_empty());
}

#[test]
fn output_over_a_hard_linked_file_writes_every_name() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let report = dir.path().join("report.txt");
    fs::write(
        &report,
        "an older report, longer than the new one will be? no matter",
    )
    .unwrap();
    let other_name = dir.path().join("also-report.txt");
    fs::hard_link(&report, &other_name).unwrap();
    let inode = fs::metadata(&report).unwrap().ino();
    crosscheck(dir.path())
        .arg("-o")
        .arg(&report)
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1);
    assert_eq!(fs::metadata(&report).unwrap().ino(), inode);
    assert_eq!(fs::metadata(&report).unwrap().nlink(), 2);
    let written = fs::read_to_string(&other_name).unwrap();
    assert!(written.contains(REPORT_MARK), "{written}");
    assert!(!written.contains("older report"), "{written}");
    assert!(temporary_files_in(dir.path()).is_empty());
}

#[test]
fn output_keeps_the_mode_of_the_file_it_replaces() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let report = dir.path().join("report.txt");
    fs::write(&report, "an older report").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    crosscheck(dir.path())
        .arg("-o")
        .arg(&report)
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1);
    assert_eq!(fs::metadata(&report).unwrap().mode() & 0o7777, 0o640);
    assert!(fs::read_to_string(&report).unwrap().contains(REPORT_MARK));
}

#[test]
fn output_keeps_the_owner_of_the_file_it_replaces() {
    if !is_root() {
        eprintln!("skipped: giving a file to another user needs root");
        return;
    }
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let report = dir.path().join("report.txt");
    fs::write(&report, "an older report").unwrap();
    std::os::unix::fs::chown(&report, Some(65534), Some(65534)).unwrap();
    crosscheck(dir.path())
        .arg("-o")
        .arg(&report)
        .arg(&left)
        .arg(&right)
        .assert()
        .code(1);
    let meta = fs::metadata(&report).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert!(fs::read_to_string(&report).unwrap().contains(REPORT_MARK));
}

// ---------------------------------------------------------------------------------------------
// What is refused
// ---------------------------------------------------------------------------------------------

#[test]
fn output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let link = dir.path().join("link-to-right.txt");
    std::os::unix::fs::symlink("right.txt", &link).unwrap();
    for (output, input) in [
        (&left, "left.txt"),
        (&right, "right.txt"),
        (&link, "right.txt"),
    ] {
        let stderr = trouble(
            crosscheck(dir.path())
                .arg("-o")
                .arg(output)
                .arg(&left)
                .arg(&right),
        );
        assert!(stderr.contains("is the input"), "{stderr}");
        assert!(stderr.contains(input), "{stderr}");
    }
    // Standard input redirected from the output file.
    let mut cmd = std::process::Command::new(BIN);
    cmd.current_dir(dir.path())
        .arg("-o")
        .arg(&left)
        .arg("-")
        .arg(&right)
        .stdin(fs::File::open(&left).unwrap());
    // assert_cmd would give the run a stdin of its own.
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is the input -"), "{stderr}");
    assert_eq!(fs::read_to_string(&left).unwrap(), TUESDAY);
    assert_eq!(fs::read_to_string(&right).unwrap(), WEDNESDAY);
    assert_eq!(
        names_in(dir.path()),
        ["left.txt", "link-to-right.txt", "right.txt"]
    );
}

#[test]
fn output_that_is_the_pair_input_is_refused_and_the_input_kept() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("pairs.jsonl");
    fs::write(&input, PAIR).unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink("pairs.jsonl", &link).unwrap();
    for output in [&input, &link] {
        let stderr = trouble(
            crosscheck(dir.path())
                .arg("--pairs")
                .arg(&input)
                .arg("-o")
                .arg(output),
        );
        assert!(stderr.contains("is the input"), "{stderr}");
    }
    assert_eq!(fs::read_to_string(&input).unwrap(), PAIR);
    assert_eq!(names_in(dir.path()), ["link.jsonl", "pairs.jsonl"]);
}

#[test]
fn output_errors_name_the_users_path_not_the_temporary_file() {
    let dir = TempDir::new().unwrap();
    let (left, right) = disagreeing_files(dir.path());
    let stderr = trouble(
        crosscheck(dir.path())
            .args(["-o", "missing/report.txt"])
            .arg(&left)
            .arg(&right),
    );
    assert!(
        stderr.contains("missing/report.txt: cannot write the report"),
        "{stderr}"
    );
    assert!(!stderr.contains(".crosscheck-"), "{stderr}");

    // A directory the user cannot write: root can, so then the binary runs as `nobody`, from a
    // directory it can reach.
    let sandbox = support::Sandbox::new();
    let (left, right) = disagreeing_files(sandbox.path());
    let locked = sandbox.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let stderr = trouble(
        sandbox
            .crosscheck(is_root())
            .args(["--color", "never", "-o", "locked/report.txt"])
            .arg(&left)
            .arg(&right),
    );
    assert!(stderr.contains("locked/report.txt"), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert!(!stderr.contains(".crosscheck-"), "{stderr}");
    assert!(names_in(&locked).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Closed standard streams
// ---------------------------------------------------------------------------------------------

#[test]
fn closed_stdout_is_an_error() {
    let dir = TempDir::new().unwrap();
    disagreeing_files(dir.path());
    let output = crosscheck_with(dir.path(), ">&-", &["left.txt", "right.txt"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("crosscheck: cannot write to standard output"),
        "{stderr}"
    );

    // The report goes to a file: stdout is not needed, and it is no error.
    let output = crosscheck_with(
        dir.path(),
        ">&-",
        &["-o", "report.txt", "left.txt", "right.txt"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(fs::read_to_string(dir.path().join("report.txt"))
        .unwrap()
        .contains(REPORT_MARK));
}

#[test]
fn closed_stdout_is_an_error_in_pair_mode() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("pairs.jsonl"), PAIR).unwrap();
    let output = crosscheck_with(dir.path(), ">&-", &["--pairs", "pairs.jsonl"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}

#[test]
fn closed_stdin_read_as_dash_is_an_error() {
    let dir = TempDir::new().unwrap();
    disagreeing_files(dir.path());
    for args in [
        &["-", "right.txt"][..],
        &["left.txt", "-"],
        &["--pairs", "-"],
    ] {
        let output = crosscheck_with(dir.path(), "<&-", args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains("standard input is closed"), "{stderr}");
    }
    // No `-`: stdin is not needed.
    let output = crosscheck_with(dir.path(), "<&-", &["left.txt", "right.txt"]);
    assert_eq!(output.status.code(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

/// Starts pair mode reading stdin, which the caller keeps open so that the run waits with its
/// temporary output file in `dir`, and waits until that file is there.
fn start_pair_mode_waiting_on_stdin(dir: &Path, output: &Path) -> Child {
    let mut cmd = std::process::Command::new(BIN);
    cmd.current_dir(dir)
        .args(["--pairs", "-", "-o"])
        .arg(output)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // A shell's background job starts with SIGINT ignored, and the binary keeps an ignored
    // signal ignored: give it the default dispositions a terminal's user would.
    // SAFETY: signal() is async-signal-safe, as code between fork and exec must be.
    unsafe {
        cmd.pre_exec(|| {
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(signal, libc::SIG_DFL);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(PAIR.as_bytes())
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while temporary_files_in(dir).is_empty() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("no temporary file appeared in {}", dir.display());
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run ended early: {status}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let dir = TempDir::new().unwrap();
        let output = dir.path().join("judgments.jsonl");
        fs::write(&output, "older judgments\n").unwrap();
        let mut child = start_pair_mode_waiting_on_stdin(dir.path(), &output);
        // SAFETY: kill has no memory effects; the pid is our own child, not yet waited for.
        let sent = unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        assert_eq!(sent, 0);
        let status = child.wait().unwrap();
        drop(child.stdin.take());
        assert_eq!(status.signal(), Some(signal), "signal {signal}: {status}");
        assert!(
            temporary_files_in(dir.path()).is_empty(),
            "signal {signal} left {:?}",
            names_in(dir.path())
        );
        assert_eq!(fs::read_to_string(&output).unwrap(), "older judgments\n");
    }
}

#[test]
fn a_run_that_finishes_after_waiting_commits_its_output() {
    // The counterpart of the signal test: the same run, its input closed instead, writes the
    // file and leaves no temporary file.
    let dir = TempDir::new().unwrap();
    let output = dir.path().join("judgments.jsonl");
    let mut child = start_pair_mode_waiting_on_stdin(dir.path(), &output);
    drop(child.stdin.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(fs::read_to_string(&output).unwrap().lines().count(), 1);
    assert!(temporary_files_in(dir.path()).is_empty());
}
