//! The HTML report in a real browser. Headless Chromium opens the page the binary wrote, runs
//! its script under its own Content-Security-Policy, and the DOM it leaves behind must show the
//! counts of the JSON report; a page built from an article that tries to inject markup must hold
//! that markup as text only. A screenshot of the seeds' report is left in `target/tmp/`.
//!
//! Needs Chromium (`apt-get install chromium`; `.ci/run` installs it; `CROSSCHECK_CHROMIUM`
//! names another binary). Without it these tests print why and pass, so that `cargo test`
//! works on any laptop, except when `CROSSCHECK_BROWSER_TEST=1` (CI sets it): then a missing
//! browser is a failure, not a silent pass.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

const SEED_LEFT: &str = "seeds/000_28f1410be158b030.txt";
const SEED_RIGHT: &str = "seeds/003_0b289d2134709d16.txt";

/// How long one browser run may take before the test gives up on it.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

/// The browser to run, or `None` (after saying why) when the tests should skip.
fn browser() -> Option<PathBuf> {
    let found = match std::env::var_os("CROSSCHECK_CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)),
        None => [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .iter()
        .find_map(|name| on_path(name)),
    };
    let required = std::env::var_os("CROSSCHECK_BROWSER_TEST").is_some_and(|v| v == "1");
    match found {
        Some(path) => Some(path),
        None if required => panic!(
            "CROSSCHECK_BROWSER_TEST=1 but no Chromium was found: install it \
             (apt-get install chromium) or name it in CROSSCHECK_CHROMIUM"
        ),
        None => {
            // Straight to stderr: the test harness hides `eprintln!` of passing tests, and a
            // skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "skipping the browser test: no chromium on PATH (apt-get install chromium; \
                 CROSSCHECK_BROWSER_TEST=1 makes this a failure)"
            );
            None
        }
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// Runs the binary from the repository root; returns its stdout after checking it worked.
fn crosscheck(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "crosscheck failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Writes the HTML report of two files into `dir` and returns its path.
fn html_report(dir: &Path, left: &Path, right: &Path) -> PathBuf {
    let page = dir.join("report.html");
    crosscheck(&[
        "--format".as_ref(),
        "html".as_ref(),
        "--output".as_ref(),
        page.as_os_str(),
        left.as_os_str(),
        right.as_os_str(),
    ]);
    page
}

/// Runs headless Chromium on a local page with `flags` and returns what it printed on stdout.
/// A fresh profile each time, and every background service that could reach the network off.
fn headless(browser: &Path, page: &Path, flags: &[String]) -> String {
    headless_at(browser, page, "", flags)
}

/// [`headless`] on the page's address with `fragment` (`#cell-2-B`) after it.
fn headless_at(browser: &Path, page: &Path, fragment: &str, flags: &[String]) -> String {
    let scratch = TempDir::new().unwrap();
    let stdout_path = scratch.path().join("stdout");
    let stderr_path = scratch.path().join("stderr");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.path().join("profile").display()
        ))
        .args(flags)
        .arg(format!("file://{}{fragment}", page.display()))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout_path).unwrap())
        .stderr(fs::File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start {}: {err}", browser.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{} took over {BROWSER_TIMEOUT:?}", browser.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
    assert!(
        status.success(),
        "{} failed: {status}\n{stderr}",
        browser.display()
    );
    fs::read_to_string(&stdout_path).unwrap()
}

/// The DOM after the page's scripts ran, as Chromium serializes it.
fn dom_after_scripts(browser: &Path, page: &Path) -> String {
    let dom = headless(browser, page, &["--dump-dom".to_string()]);
    assert!(dom.contains("</html>"), "no DOM dumped:\n{dom}");
    dom
}

/// The attributes of every start tag `<name ...>` of a serialized DOM, in order. Serialized
/// attributes are always double-quoted, with `"` inside a value escaped as `&quot;`.
fn start_tags<'a>(dom: &'a str, name: &str) -> Vec<Vec<(&'a str, &'a str)>> {
    let open = format!("<{name}");
    let mut tags = Vec::new();
    let mut rest = dom;
    while let Some(at) = rest.find(&open) {
        rest = &rest[at + open.len()..];
        if !rest.starts_with([' ', '>']) {
            continue;
        }
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let end = rest.find(['=', ' ', '>']).expect("an unterminated tag");
            let (attribute, after) = rest.split_at(end);
            match after.strip_prefix("=\"") {
                Some(value) => {
                    let close = value.find('"').expect("an unterminated attribute value");
                    attributes.push((attribute, &value[..close]));
                    rest = &value[close + 1..];
                }
                None => {
                    attributes.push((attribute, ""));
                    rest = after;
                }
            }
        }
        tags.push(attributes);
    }
    tags
}

fn attribute<'a>(tag: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    tag.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The number shown in the count `<li data-count="NAME"><strong>N</strong>`.
fn shown_count(dom: &str, name: &str) -> usize {
    let marker = format!("data-count=\"{name}\"><strong>");
    let at = dom
        .find(&marker)
        .unwrap_or_else(|| panic!("no count {name}"))
        + marker.len();
    let digits: String = dom[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap()
}

fn uint(value: &Value) -> usize {
    value.as_u64().expect("a count") as usize
}

#[test]
fn the_seeds_report_shows_the_json_counts_in_the_browser() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new().unwrap();
    // Relative paths, run from the repository root: the page (and screenshot) names the seeds
    // as a user would.
    let (left, right) = (Path::new(SEED_LEFT), Path::new(SEED_RIGHT));
    let page = html_report(dir.path(), left, right);
    let json: Value = serde_json::from_slice(&crosscheck(&[
        "--format".as_ref(),
        "json".as_ref(),
        left.as_os_str(),
        right.as_os_str(),
    ]))
    .unwrap();
    let summary = &json["summary"];

    let dom = dom_after_scripts(&browser, &page);
    let html = start_tags(&dom, "html");
    assert!(
        attribute(&html[0], "class").is_some_and(|c| c.split(' ').any(|c| c == "js")),
        "the page's script did not run (blocked by its own CSP?): {:?}",
        html[0]
    );

    // The counts on top.
    for (shown, key) in [
        ("disagree", "disagree"),
        ("agree", "agree"),
        ("left-only", "left_only"),
        ("right-only", "right_only"),
    ] {
        assert_eq!(shown_count(&dom, shown), uint(&summary[key]), "{shown}");
    }

    // The pairs listed, and the statements colored in the two columns.
    let pairs = start_tags(&dom, "article");
    let pairs_of = |class: &str| {
        pairs
            .iter()
            .filter(|tag| attribute(tag, "class") == Some(class))
            .count()
    };
    assert_eq!(pairs_of("pair disagree"), uint(&summary["disagree"]));
    assert_eq!(pairs_of("pair agree"), uint(&summary["agree"]));
    let statements: Vec<_> = start_tags(&dom, "span")
        .into_iter()
        .filter(|tag| attribute(tag, "data-side").is_some())
        .collect();
    let colored = |side: &str, fate: &str| {
        statements
            .iter()
            .filter(|t| attribute(t, "data-side") == Some(side))
            .filter(|t| attribute(t, "data-fate") == Some(fate))
            .count()
    };
    assert_eq!(colored("left", "only"), uint(&summary["left_only"]));
    assert_eq!(colored("right", "only"), uint(&summary["right_only"]));
    assert_eq!(
        colored("left", "boilerplate"),
        uint(&summary["left_boilerplate"])
    );
    assert_eq!(
        colored("right", "boilerplate"),
        uint(&summary["right_boilerplate"])
    );
    assert_eq!(
        statements.len(),
        uint(&summary["left_statements"]) + uint(&summary["right_statements"]),
        "both articles in full"
    );

    // Every partner a statement or a pair names is on the page.
    let ids: Vec<&str> = statements
        .iter()
        .filter_map(|t| attribute(t, "id"))
        .collect();
    for tag in statements.iter().chain(&pairs) {
        for partner in attribute(tag, "data-partners")
            .unwrap_or_default()
            .split(' ')
        {
            assert!(
                partner.is_empty() || ids.contains(&partner),
                "{partner} is not on the page"
            );
        }
    }

    // Each statement of the columns opens with its label, the JSON report's.
    for (side, letter) in [("left", 'l'), ("right", 'r')] {
        for statement in json[side]["statements"].as_array().unwrap() {
            let id = format!("{letter}-{}", statement["id"]);
            let label = statement["label"].as_str().unwrap();
            let at = dom.find(&format!("id=\"{id}\"")).expect("the statement");
            let after = &dom[at..];
            let opening = &after[..after.find("</span>").unwrap()];
            assert!(
                opening.ends_with(&format!("<span class=\"label\">{label}")),
                "{id} does not open with {label}: {opening}"
            );
        }
    }

    // The view controls: the filter by verdict, showing all at first, and the agreements toggle.
    let inputs = start_tags(&dom, "input");
    let radios: Vec<(&str, bool)> = inputs
        .iter()
        .filter(|tag| attribute(tag, "type") == Some("radio"))
        .map(|tag| {
            (
                attribute(tag, "value").unwrap(),
                attribute(tag, "checked").is_some(),
            )
        })
        .collect();
    assert_eq!(
        radios,
        [
            ("all", true),
            ("disagree", false),
            ("only", false),
            ("agree", false)
        ]
    );
    assert!(inputs
        .iter()
        .any(|tag| attribute(tag, "id") == Some("highlight-agree")));

    // The screenshot for the README (docs/seeds-report.png is a copy of it).
    let screenshot = dir.path().join("seeds-report.png");
    headless(
        &browser,
        &page,
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1400,1800".to_string(),
        ],
    );
    let png = fs::read(&screenshot).expect("no screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        png.len() > 50_000,
        "a near-empty screenshot: {} bytes",
        png.len()
    );
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("seeds-report.png");
    fs::write(&kept, &png).unwrap();
    eprintln!("screenshot: {}", kept.display());
}

#[test]
fn markup_in_an_article_and_its_file_name_renders_as_text_in_the_browser() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new().unwrap();
    let left = dir.path().join("\"><img src=x onerror=alert(1)>.txt");
    fs::write(
        &left,
        "The council approved the budget on Tuesday <script>alert(1)</script>.\n\n\
         The mayor said \"><img src=x onerror=alert(1)> was a fine answer.\n",
    )
    .unwrap();
    let right = dir.path().join("right.txt");
    fs::write(&right, "The council approved the budget on Wednesday.\n").unwrap();
    let page = html_report(dir.path(), &left, &right);

    let dom = dom_after_scripts(&browser, &page);
    assert!(
        start_tags(&dom, "img").is_empty(),
        "an injected image:\n{dom}"
    );
    assert_eq!(
        start_tags(&dom, "script").len(),
        1,
        "an injected script:\n{dom}"
    );
    for text in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&gt;&lt;img src=x onerror=alert(1)&gt;",
    ] {
        assert!(dom.contains(text), "{text} is not shown as text:\n{dom}");
    }
    // The page's own script still ran next to the hostile text.
    assert!(
        start_tags(&dom, "html")[0].contains(&("class", "js")),
        "{dom}"
    );
}

/// The three sources of the many-source fixture.
const SOURCES: [&str; 3] = [
    "fixtures/sources/library/a.txt",
    "fixtures/sources/library/b.txt",
    "fixtures/sources/library/c.txt",
];

#[test]
fn the_matrix_of_three_sources_shows_a_cells_sentence_in_the_browser() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("sources.html");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--format".as_ref(),
        "html".as_ref(),
        "--output".as_ref(),
        page.as_os_str(),
    ];
    args.extend(SOURCES.iter().map(std::ffi::OsStr::new));
    crosscheck(&args);
    let mut json_args: Vec<&std::ffi::OsStr> = vec!["--format".as_ref(), "json".as_ref()];
    json_args.extend(SOURCES.iter().map(std::ffi::OsStr::new));
    let json: Value = serde_json::from_slice(&crosscheck(&json_args)).unwrap();

    // The matrix: a row per claim of the JSON report's matrix, a cell per source saying what
    // the JSON report says.
    let dom = dom_after_scripts(&browser, &page);
    assert_eq!(
        shown_count(&dom, "claims"),
        uint(&json["summary"]["claims"])
    );
    assert_eq!(
        shown_count(&dom, "conflicts"),
        uint(&json["summary"]["conflicts"])
    );
    let cells: Vec<&str> = start_tags(&dom, "td")
        .iter()
        .filter_map(|tag| attribute(tag, "data-cell"))
        .collect();
    let expected: Vec<String> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["in_matrix"] == true)
        .flat_map(|c| c["cells"].as_array().unwrap().clone())
        .map(|cell| cell.as_str().unwrap().replace('_', " "))
        .collect();
    assert_eq!(cells, expected);
    // Without a cell chosen, no detail is shown.
    assert!(!dom.contains("class=\"detail shown\""));

    // A cell chosen (the address a click on it sets): its detail is shown, with the source's
    // sentence, and the sentence is marked in its article, whose tab is open. The contested
    // claim's cell of the source that contradicts it, and a cell of a source that states it.
    let claims = json["claims"].as_array().unwrap();
    let contested = claims
        .iter()
        .position(|c| {
            c["cells"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == "contradicts")
        })
        .expect("a contested claim");
    let cells = claims[contested]["cells"].as_array().unwrap();
    for wanted in ["contradicts", "states"] {
        let source = cells.iter().position(|x| x == wanted).unwrap();
        let name = json["sources"][source]["name"].as_str().unwrap();
        let cell = format!("cell-{}-{name}", contested + 1);
        // The address a click on the cell leaves in the address bar.
        let target = page.clone();
        let dom = headless_at(
            &browser,
            &target,
            &format!("#{cell}"),
            &["--dump-dom".to_string()],
        );
        let at = dom
            .find(&format!("id=\"{cell}\""))
            .unwrap_or_else(|| panic!("no detail {cell}"));
        let opening = &dom[dom[..at].rfind('<').unwrap()..at];
        assert!(
            opening.contains("class=\"detail shown\""),
            "{cell} is not shown: {opening}"
        );
        let detail = &dom[at..at
            + dom[at..]
                .find("</div>\n<div class=\"detail")
                .unwrap_or(2000)];
        // The source's own statement in the detail, as the JSON report has it.
        let own = json["sources"][source]["statements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|st| detail.contains(&format!(">{}</a>", st["label"].as_str().unwrap())))
            .unwrap_or_else(|| panic!("{cell} quotes no statement of {name}: {detail}"));
        assert!(detail.contains(own["text"].as_str().unwrap()), "{detail}");
        let statement_id = format!("s-{name}-{}", own["id"]);
        let marked = start_tags(&dom, "span")
            .into_iter()
            .find(|tag| attribute(tag, "id") == Some(statement_id.as_str()))
            .unwrap();
        assert!(
            attribute(&marked, "class").is_some_and(|c| c.split(' ').any(|c| c == "picked")),
            "{statement_id} is not marked: {marked:?}"
        );
        let tab = start_tags(&dom, "input")
            .into_iter()
            .find(|tag| attribute(tag, "id") == Some(format!("tab-{name}").as_str()))
            .unwrap();
        assert!(
            attribute(&tab, "checked").is_some(),
            "the tab of {name} is not open"
        );
    }
}
