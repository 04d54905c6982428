//! Text that shows itself other than it is: addresses a Markdown renderer would turn into links,
//! invisible direction marks and line separators, old Mac line ends, and UTF-16 files. Each test
//! drives the binary as a user would, on files made in a temporary directory.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The binary, run in `dir`, with no color or width variables inherited from whoever runs it.
fn crosscheck_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    cmd
}

/// Runs a comparison that must work (exit 0 or 1, nothing on stderr) and returns its stdout.
fn report(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}, stderr: {stderr}",
        output.status.code()
    );
    assert!(stderr.is_empty(), "stderr: {stderr}");
    String::from_utf8(output.stdout).expect("the report is UTF-8")
}

/// HTML as GitHub renders the Markdown: GitHub Flavored Markdown with its extensions, the
/// autolinking of bare `http://…`, `www.…` and e-mail addresses included.
fn render_as_github(markdown: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    comrak::markdown_to_html(markdown, &options)
}

#[test]
fn addresses_in_articles_and_file_names_make_no_link_in_markdown() {
    let dir = TempDir::new().unwrap();
    let left = "www.left-news.example.txt";
    let right = "tips@right-news.example.txt";
    fs::write(
        dir.path().join(left),
        "The council approved the budget on Tuesday.\n\n\
         Read the full plan at http://evil.example/plan/1 before the vote.\n\n\
         More: https://evil.example/more\n",
    )
    .unwrap();
    fs::write(
        dir.path().join(right),
        "The council approved the budget on Wednesday.\n\n\
         Residents can write to budget@council.example or visit WWW.council.example for details.\n\n\
         Follow the mayor on ftp://files.example/mayor and xmpp:mayor@chat.example today.\n",
    )
    .unwrap();
    let markdown = report(crosscheck_in(dir.path()).args([
        "--format",
        "markdown",
        "--show-boilerplate",
        left,
        right,
    ]));
    // The addresses are in the report, as the words they are...
    for address in [
        "evil.example/plan",
        "council.example",
        "files.example/mayor",
    ] {
        assert!(markdown.contains(address), "{address} missing:\n{markdown}");
    }
    let html = render_as_github(&markdown);
    // ...and GitHub shows them as text, not links.
    assert!(!html.contains("<a "), "a link in:\n{html}");
    for shown in [
        "http://evil.example/plan/1",
        "https://evil.example/more",
        "budget@council.example",
        "WWW.council.example",
        "ftp://files.example/mayor",
        "xmpp:mayor@chat.example",
        left,
        right,
    ] {
        assert!(html.contains(shown), "{shown} not shown as text:\n{html}");
    }
}

/// The characters that change how text shows without showing themselves: direction marks
/// (LRM, RLM, ALM) and the line and paragraph separators, besides the direction overrides.
const INVISIBLE: [char; 6] = [
    '\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}', '\u{202e}',
];

#[test]
fn invisible_direction_marks_and_separators_are_escaped_in_every_human_format() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("left.txt"),
        "The council approved the\u{200e} budget on Tuesday.\n\n\
         The mayor\u{200f} praised the fire brigade\u{061c} for its quick response.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("right.txt"),
        "The council approved the budget\u{2028} on Wednesday.\n\n\
         Astronomers discovered a comet\u{2029} \u{202e}near Jupiter last month.\n",
    )
    .unwrap();
    let layouts: [&[&str]; 6] = [
        &["--color", "never"],
        &["--color", "always"],
        &["--side-by-side", "--color", "never"],
        &["--side-by-side", "--color", "always"],
        &["--format", "markdown"],
        &["--format", "html"],
    ];
    for flags in layouts {
        let shown = report(
            crosscheck_in(dir.path())
                .args(flags)
                .args(["left.txt", "right.txt"]),
        );
        let raw: Vec<char> = shown.chars().filter(|c| INVISIBLE.contains(c)).collect();
        assert!(
            raw.is_empty(),
            "{flags:?}: {raw:?} reached stdout raw:\n{shown}"
        );
        // The marks are shown where they stand; the separators are white space, which a word
        // diff drops between words, so they need not show in every layout.
        for escape in ["u{200e}", "u{200f}", "u{61c}"] {
            assert!(
                shown.contains(escape),
                "{flags:?}: {escape} not shown:\n{shown}"
            );
        }
    }
    // JSON keeps the text exact, for the consuming script.
    let json: Value = serde_json::from_str(&report(crosscheck_in(dir.path()).args([
        "--format",
        "json",
        "left.txt",
        "right.txt",
    ])))
    .unwrap();
    assert!(json.to_string().contains('\u{200e}'));
}

#[test]
fn carriage_returns_alone_end_lines() {
    let dir = TempDir::new().unwrap();
    let text = "Bridge to close for repairs\r\
                The Harbor Bridge will close on Monday.\r\r\
                It will reopen in May, officials said.\r";
    fs::write(dir.path().join("mac.txt"), text).unwrap();
    fs::write(
        dir.path().join("unix.txt"),
        text.replace('\r', "\n").replace("Monday", "Tuesday"),
    )
    .unwrap();
    let json: Value = serde_json::from_str(&report(
        crosscheck_in(dir.path()).args(["--format", "json", "mac.txt", "unix.txt"]),
    ))
    .unwrap();
    for side in ["left", "right"] {
        let statements = json[side]["statements"].as_array().unwrap();
        let lines: Vec<(&str, u64)> = statements
            .iter()
            .map(|s| (s["text"].as_str().unwrap(), s["line"].as_u64().unwrap()))
            .collect();
        assert_eq!(lines.len(), 3, "{side}: {lines:?}");
        // The headline is a statement of its own, on line 1; the rest follow line by line.
        assert_eq!(lines[0], ("Bridge to close for repairs", 1), "{side}");
        assert_eq!(lines[1].1, 2, "{side}");
        assert_eq!(lines[2].1, 4, "{side}");
    }
    // Spans still index the file's bytes.
    let statement = &json["left"]["statements"][1];
    let (start, end) = (
        statement["start"].as_u64().unwrap(),
        statement["end"].as_u64().unwrap(),
    );
    assert_eq!(
        &text[start as usize..end as usize],
        "The Harbor Bridge will close on Monday."
    );
}

#[test]
fn utf16_files_are_named_with_a_way_to_convert_them() {
    let dir = TempDir::new().unwrap();
    let text = "The council approved the budget on Tuesday.\n";
    let mut little = vec![0xFF, 0xFE];
    little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut big = vec![0xFE, 0xFF];
    big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let unmarked: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(dir.path().join("plain.txt"), text).unwrap();
    for (name, bytes, order) in [
        ("little.txt", little, "little-endian"),
        ("big.txt", big, "big-endian"),
        ("unmarked.txt", unmarked, "little-endian"),
    ] {
        fs::write(dir.path().join(name), bytes).unwrap();
        for lossy in [false, true] {
            let mut cmd = crosscheck_in(dir.path());
            if lossy {
                cmd.arg("--lossy");
            }
            let output = cmd.args([name, "plain.txt"]).output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
            assert!(output.stdout.is_empty(), "{name}");
            assert!(
                stderr.contains(&format!("{name}: looks like UTF-16 ({order})"))
                    && stderr.contains("iconv -f UTF-16 -t UTF-8"),
                "{name}: {stderr}"
            );
            assert!(!stderr.contains("binary"), "{name}: {stderr}");
        }
    }
}
