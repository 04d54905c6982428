//! The README's examples are what the binary prints.
//!
//! Every fenced block of README.md whose first line is `$ crosscheck ARGS` is run: the binary
//! with ARGS (split at spaces; no quotes or redirections), from the repository root, and its
//! standard output must be the block's next lines. A later `$ echo $?` line is followed by the
//! exit status. A line that is only `...` stands for any number of lines (an excerpt).
//!
//! After an intended change of the output, refresh the blocks:
//!
//! ```sh
//! CROSSCHECK_UPDATE_README=1 cargo test --test readme
//! git diff README.md
//! ```
//!
//! That rewrites whole blocks; an excerpt (a block with `...`) must be edited by hand, from the
//! output the failure shows.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

const UPDATE: &str = "CROSSCHECK_UPDATE_README";
const ELLIPSIS: &str = "...";

/// One `$ crosscheck` example: where it is in the README and what it says.
#[derive(Debug)]
struct Example {
    /// 0-based index of the `$ crosscheck` line in the README.
    command_line: usize,
    args: Vec<String>,
    /// The lines the block says the binary prints (indices `command_line + 1 ..`).
    output: Vec<String>,
    /// The exit status after `$ echo $?`, if the block shows one.
    status: Option<i32>,
}

impl Example {
    fn command(&self) -> String {
        format!("crosscheck {}", self.args.join(" "))
    }

    fn is_excerpt(&self) -> bool {
        self.output.iter().any(|line| line == ELLIPSIS)
    }
}

fn readme_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// The `$ crosscheck` examples of the README, in order.
fn examples(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut found = Vec::new();
    let mut in_block = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("```") {
            in_block = !in_block;
            if in_block {
                if let Some(rest) = lines
                    .get(i + 1)
                    .and_then(|first| first.strip_prefix("$ crosscheck "))
                {
                    let (example, end) = example_at(&lines, i + 1, rest);
                    found.push(example);
                    i = end; // the closing fence
                    continue;
                }
            }
        }
        i += 1;
    }
    found
}

/// Reads the block whose `$ crosscheck` line is `lines[start]`; returns it and the index of the
/// block's closing fence.
fn example_at(lines: &[&str], start: usize, args: &str) -> (Example, usize) {
    assert!(
        !args.contains(['\'', '"', '|', '<', '>', '$', '*']),
        "README.md line {}: the example's command must be plain arguments, not shell: {args}",
        start + 1
    );
    let mut example = Example {
        command_line: start,
        args: args.split_whitespace().map(str::to_string).collect(),
        output: Vec::new(),
        status: None,
    };
    let mut i = start + 1;
    while i < lines.len() && !lines[i].starts_with("```") {
        if lines[i] == "$ echo $?" {
            let status = lines.get(i + 1).and_then(|line| line.parse().ok());
            assert!(
                status.is_some(),
                "README.md line {}: `$ echo $?` must be followed by a number",
                i + 1
            );
            example.status = status;
            i += 2;
            continue;
        }
        assert!(
            example.status.is_none(),
            "README.md line {}: nothing may follow the exit status in an example",
            i + 1
        );
        example.output.push(lines[i].to_string());
        i += 1;
    }
    assert!(i < lines.len(), "README.md: a block is never closed");
    (example, i)
}

/// Runs an example the way a user would, from the repository root, without color or width
/// variables.
fn run(example: &Example) -> (Vec<String>, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(&example.args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let status = output.status.code().unwrap();
    assert!(
        matches!(status, 0 | 1),
        "README.md's `{}` failed ({status}): {}",
        example.command(),
        String::from_utf8_lossy(&output.stderr)
    );
    (stdout.lines().map(str::to_string).collect(), status)
}

/// Whether `actual` matches `pattern`, where a `...` line of the pattern stands for any run of
/// lines.
fn matches(pattern: &[String], actual: &[String]) -> bool {
    match pattern.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == ELLIPSIS => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, after)| line == first && matches(rest, after)),
    }
}

/// The index of the first line where `expected` and `actual` differ, if they do.
fn first_difference(expected: &[String], actual: &[String]) -> Option<usize> {
    (0..expected.len().max(actual.len())).find(|&i| expected.get(i) != actual.get(i))
}

#[test]
fn readme_examples_are_what_the_binary_prints() {
    let path = readme_path();
    let readme = fs::read_to_string(&path).unwrap();
    let examples = examples(&readme);
    assert!(
        !examples.is_empty(),
        "README.md has no `$ crosscheck` example"
    );
    let update = std::env::var_os(UPDATE).is_some_and(|value| value != "0");
    let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
    let mut stale = Vec::new();
    // From the last example up, so that a rewritten block does not move the ones still to do.
    for example in examples.iter().rev() {
        let (output, status) = run(example);
        let status_ok = example.status.is_none_or(|expected| expected == status);
        if matches(&example.output, &output) && status_ok {
            continue;
        }
        if update && !example.is_excerpt() {
            let mut block = output.clone();
            if example.status.is_some() {
                block.push("$ echo $?".to_string());
                block.push(status.to_string());
            }
            let start = example.command_line + 1;
            let end = start + example.output.len() + 2 * usize::from(example.status.is_some());
            lines.splice(start..end, block);
            continue;
        }
        let mut problems = Vec::new();
        if !example.is_excerpt() {
            if let Some(at) = first_difference(&example.output, &output) {
                let show = |lines: &[String]| {
                    lines
                        .get(at)
                        .map_or("(nothing)".to_string(), |line| format!("{line:?}"))
                };
                problems.push(format!(
                    "first difference at README.md line {}:\n  README: {}\n  binary: {}",
                    example.command_line + 2 + at,
                    show(&example.output),
                    show(&output),
                ));
            }
        } else if !matches(&example.output, &output) {
            problems.push("the excerpt's lines are not in the output, in this order".to_string());
        }
        if !status_ok {
            problems.push(format!(
                "the README says exit status {}, the binary exits {status}",
                example.status.unwrap_or_default()
            ));
        }
        let how = if example.is_excerpt() {
            "It is an excerpt (`...` lines): edit it by hand from the output above."
        } else {
            "If the change is intended, refresh it: CROSSCHECK_UPDATE_README=1 cargo test \
             --test readme, then review git diff README.md."
        };
        stale.push(format!(
            "README.md line {}: the example `$ {}` is out of date.\n{}\n\
             The binary prints:\n{}\n\n{how}",
            example.command_line + 1,
            example.command(),
            problems.join("\n"),
            output.join("\n"),
        ));
    }
    if update {
        let mut text = lines.join("\n");
        text.push('\n');
        if text != readme {
            fs::write(&path, text).unwrap();
            eprintln!("README.md: examples refreshed; review git diff README.md");
        }
    }
    stale.reverse();
    assert!(stale.is_empty(), "{}", stale.join("\n\n---\n\n"));
}

#[test]
fn an_ellipsis_stands_for_any_run_of_lines() {
    let lines = |text: &str| -> Vec<String> { text.lines().map(str::to_string).collect() };
    let actual = lines("a\nb\nc\nd");
    assert!(matches(&lines("a\nb\nc\nd"), &actual));
    assert!(matches(&lines("a\n...\nd"), &actual));
    assert!(matches(&lines("...\nb\nc\n..."), &actual));
    assert!(matches(&lines("...\nd"), &actual));
    assert!(matches(&lines("a\nb\nc\nd\n..."), &actual));
    assert!(!matches(&lines("a\nc\n..."), &actual));
    assert!(!matches(&lines("a\nb\nc"), &actual));
    assert!(!matches(&lines("...\nc"), &actual));
}
