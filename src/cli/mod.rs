//! Command-line flags, and their resolution into the settings the library and renderers take.
//!
//! Raw flags ([`Args`]) are parsed by clap, which also takes the defaults people set once from
//! `CROSSCHECK_COLOR`, `CROSSCHECK_WIDTH` and `CROSSCHECK_FORMAT`; [`Args::check`] refuses flags
//! given where they do not apply; [`Args::resolve`] reads the rest of the environment (`NO_COLOR`,
//! `CLICOLOR_FORCE`, `CLICOLOR`, `TERM`, the pager variables, whether stdout is a terminal and its
//! size) once, so nothing below it does.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::load::Decoding;
use crate::output::pager::PagerSettings;
use crate::render::style::Style;
use crate::render::text::TextOptions;
pub use crate::render::Format;
use crate::report::Finding;

/// `--format`'s values: the report formats ([`Format`]) as the command line names them. The
/// library's `Format` knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A report for people in a terminal, colored when it is one.
    Text,
    /// The versioned JSON report for scripts (see docs/json.md).
    Json,
    /// A Markdown report to paste into an issue, a pull request or a note.
    Markdown,
    /// One self-contained HTML page: both articles in two columns, colored by fate.
    Html,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

/// `--only`'s values: the findings of [`Finding`] as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FindingArg {
    /// Pairs whose statements disagree.
    Disagree,
    /// Claims found in only one source.
    OneSided,
    /// Pairs whose statements agree.
    Agree,
}

impl From<FindingArg> for Finding {
    fn from(finding: FindingArg) -> Finding {
        match finding {
            FindingArg::Disagree => Finding::Disagree,
            FindingArg::OneSided => Finding::OneSided,
            FindingArg::Agree => Finding::Agree,
        }
    }
}

use crate::Config;

pub mod manual;
pub mod progress_bar;

/// The examples and exit status of `--help`; the manual page shows the examples too.
const EXAMPLES: &str = "\
Examples:
  crosscheck seeds/000_28f1410be158b030.txt seeds/003_0b289d2134709d16.txt
  crosscheck --side-by-side left.txt right.txt
  crosscheck --only disagree,one-sided left.txt right.txt
  crosscheck --summary left.txt right.txt
  crosscheck --format json left.txt right.txt > report.json
  crosscheck --format markdown left.txt right.txt > report.md
  crosscheck --format html --output report.html left.txt right.txt
  crosscheck --format html --output coverage.html a.txt b.txt c.txt d.txt e.txt
  crosscheck --pairs sentence-pairs.jsonl > judgments.jsonl
  pandoc -t plain story.html | crosscheck - saved-story.txt

Exit status: 0 if the sources do not disagree, 1 if they disagree somewhere, 2 on error.";

/// Compare two articles about the same story: which statements agree, which disagree (and why),
/// and which claims are found in only one source. Given three or more, compare them all: which
/// sources state each claim, which contradict it, which leave it out.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, after_help = EXAMPLES)]
pub struct Args {
    /// The first article (LEFT). `-` reads standard input.
    #[arg(required_unless_present_any = ["pairs", "completions", "man"])]
    pub left: Option<PathBuf>,

    /// The second article (RIGHT). `-` reads standard input.
    #[arg(required_unless_present_any = ["pairs", "completions", "man"])]
    pub right: Option<PathBuf>,

    /// More articles about the same story. With three or more, every article is compared with
    /// every other, and the report says claim by claim which sources state it, which contradict
    /// it and which leave it out; the sources are named A, B, C, ... in the order given. `-`
    /// (standard input) may stand for one of them.
    #[arg(value_name = "MORE")]
    pub more: Vec<PathBuf>,

    /// Sentence-pair mode: judge every pair of a JSON Lines file (`-` for stdin), one
    /// `{"id", "left", "right"}` object a line, and print one `{"id", "relation", "similarity",
    /// "reasons"}` line each, in order. Takes no LEFT and RIGHT.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["left", "right", "more"])]
    pub pairs: Option<PathBuf>,

    /// In pair mode, report lines that are not pairs on stderr and go on, instead of stopping.
    #[arg(long, requires = "pairs", conflicts_with_all = ["left", "right"])]
    pub skip_bad_lines: bool,

    /// The report's format (default: text). Redirect it or use --output to keep it.
    #[arg(long, value_enum, env = "CROSSCHECK_FORMAT")]
    pub format: Option<FormatArg>,

    /// Show only these findings, comma-separated or repeated: `disagree`, `one-sided` (claims
    /// found in one source only), `agree`. The header still counts the whole comparison, and the
    /// exit status still says whether the sources disagree. The JSON report keeps every statement
    /// and its summary, cuts `pairs`, `left_only` and `right_only` down the same way and lists
    /// what it kept in `shown`. Not for the HTML report, which shows both articles whole.
    #[arg(long, value_enum, value_name = "FINDINGS", value_delimiter = ',')]
    pub only: Vec<FindingArg>,

    /// Print only the counts (statements, agreements, disagreements, claims found in one source
    /// only, boilerplate) and the top disagreements, the surest first, with their reasons. For
    /// the text and Markdown reports.
    #[arg(long, conflicts_with_all = ["only", "side_by_side", "explain", "show_boilerplate"])]
    pub summary: bool,

    /// Lay the text report out in two columns: each pair's statements side by side, wrapped to
    /// the width, with removed words marked in the left one and added words in the right one.
    #[arg(long)]
    pub side_by_side: bool,

    /// Let every character count in the word diff. By default words that differ only in quote
    /// style (‘the / 'the), dashes (— / -) or punctuation (nonsense, / nonsense) are shown as
    /// equal, so that the diff marks what the wording changes.
    #[arg(long)]
    pub exact_diff: bool,

    /// When to color the text report. `auto` colors only when stdout is a terminal, NO_COLOR is
    /// not set, CLICOLOR is not 0 and TERM is not `dumb`; CLICOLOR_FORCE=1 forces color (but not
    /// over NO_COLOR). `always` and `never` win over all of them.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "CROSSCHECK_COLOR")]
    pub color: ColorChoice,

    /// Minimal similarity (0 to 1) for two statements to be aligned [default: 0.1 for articles,
    /// whose pairs the linking model then chooses by confidence; 0.25 in pair mode]. Higher
    /// keeps only close paraphrases.
    #[arg(long, value_parser = parse_fraction, allow_negative_numbers = true)]
    pub threshold: Option<f64>,

    /// Confidence (0 to 1) from which a disagreement counts for the exit status. Every pair
    /// carries the linking model's confidence that its two statements speak of the same claim;
    /// a disagreement below this line is still reported, but the sources are not said to
    /// disagree because of it.
    #[arg(
        long,
        default_value_t = Config::default().min_confidence,
        value_parser = parse_fraction,
        allow_negative_numbers = true
    )]
    pub min_confidence: f64,

    /// Align statements on their own words only. By default a weakly similar pair is aligned
    /// too when the statements just before (or after) both are aligned and the two are each
    /// other's closest match: the same stretch of the story told in other words; and a statement
    /// denying the one before it ("Officials denied it.") is paired with that statement's
    /// partners; and a similar pair counts for more the nearer both statements stand to the
    /// start of their articles. With this flag the order of the statements plays no part, and a
    /// pair at the two openings is as sure as one further down (so less sure than by default).
    #[arg(long)]
    pub no_context: bool,

    /// Show, under each pair, what the judge did: every check of its table and what it found,
    /// the rules that combined the findings, and the negation words it set aside with the
    /// exemption that stopped each. For the text and JSON reports (a `trace` per pair).
    #[arg(long, conflicts_with = "side_by_side")]
    pub explain: bool,

    /// Also list boilerplate (photo captions, share prompts, "Read more") in the text and
    /// Markdown reports. It is never judged; the HTML report always shows it, grayed, and the
    /// JSON report always includes it, flagged.
    #[arg(long)]
    pub show_boilerplate: bool,

    /// Wrap the text report at this many columns, at least 20 (default: the terminal's width; 100
    /// when the report does not go to a terminal).
    #[arg(long, value_parser = parse_width, allow_negative_numbers = true, env = "CROSSCHECK_WIDTH")]
    pub width: Option<u16>,

    /// Never show the report through a pager. By default a report longer than the terminal is
    /// shown through CROSSCHECK_PAGER, else PAGER, else `less -FRX`; set either to an empty value
    /// or `cat` to never page. Only a report on a terminal is ever paged.
    #[arg(long)]
    pub no_pager: bool,

    /// Write the report to FILE instead of standard output (`-` is standard output). A regular
    /// file is replaced only once the whole report is written (through a temporary file in the
    /// same directory), keeping its permissions and owner, so a failure leaves no partial report
    /// behind; a file with hard links is rewritten in place, a symlink's target is written, and
    /// a device, FIFO or socket is written directly. An input cannot be the output. Auto color
    /// is off: a file is not a terminal.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Read bytes that are not UTF-8 as U+FFFD (replacement characters) instead of stopping;
    /// spans in the JSON report still index the file's bytes.
    #[arg(long)]
    pub lossy: bool,

    /// Print the completion script for SHELL on standard output and exit, e.g.
    /// `crosscheck --completions bash > ~/.local/share/bash-completion/completions/crosscheck`.
    #[arg(long, value_name = "SHELL", conflicts_with_all = ["left", "right", "more", "pairs", "man"])]
    pub completions: Option<clap_complete::Shell>,

    /// Print the manual page (roff) on standard output and exit, e.g.
    /// `crosscheck --man > ~/.local/share/man/man1/crosscheck.1`.
    #[arg(long, conflicts_with_all = ["left", "right", "more", "pairs"])]
    pub man: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_fraction(value: &str) -> Result<f64, String> {
    let number: f64 = value
        .parse()
        .map_err(|_| format!("'{value}' is not a number"))?;
    if (0.0..=1.0).contains(&number) {
        Ok(number)
    } else {
        Err(format!("must be between 0 and 1, not {number}"))
    }
}

/// Below this many columns a statement and its line tag no longer fit side by side.
const MIN_WIDTH: u16 = 20;

fn parse_width(value: &str) -> Result<u16, String> {
    let columns: i64 = value
        .parse()
        .map_err(|_| format!("'{value}' is not a number of columns"))?;
    match u16::try_from(columns) {
        Ok(columns) if columns >= MIN_WIDTH => Ok(columns),
        _ => Err(format!(
            "must be at least {MIN_WIDTH} columns, not {columns}"
        )),
    }
}

/// What the run does.
#[derive(Debug, Clone)]
pub enum Job {
    /// Compare two articles.
    Articles {
        left: PathBuf,
        right: PathBuf,
        decoding: Decoding,
    },
    /// Compare three or more articles, every one with every other.
    Sources {
        paths: Vec<PathBuf>,
        decoding: Decoding,
    },
    /// Judge the sentence pairs of a JSON Lines file.
    Pairs {
        input: PathBuf,
        skip_bad_lines: bool,
    },
    /// Print the completion script of a shell.
    Completions(clap_complete::Shell),
    /// Print the manual page.
    Man,
}

/// Everything the run needs, with the environment already consulted.
#[derive(Debug, Clone)]
pub struct Settings {
    pub job: Job,
    pub format: Format,
    pub config: Config,
    pub text: TextOptions,
    /// The findings the report lists (`--only`, see [`crate::Report::keep_only`]); empty for
    /// all of them.
    pub only: Vec<Finding>,
    /// Where the report goes (see `output::Destination`): the `--output` path, or standard
    /// output when `None` (no `--output`, or `-`).
    pub output: Option<PathBuf>,
    /// The pager a report longer than the screen goes through: only for an article report on a
    /// terminal, without `--no-pager`, when the pager variables name one.
    pub pager: Option<PagerSettings>,
    /// Whether a progress bar may be drawn on stderr (stderr is a terminal, the report is not
    /// JSON). It is drawn only for inputs long enough to take a while.
    pub progress: bool,
}

/// Width of a text report that does not go to a terminal (a pipe, a file): wide enough for a
/// statement, narrow enough to read. On a terminal the report takes the terminal's width.
const PIPE_WIDTH: usize = 100;

/// Rows assumed of a terminal that does not say how many it has.
const SCREEN_ROWS: usize = 24;

/// The pager when neither CROSSCHECK_PAGER nor PAGER names one, as git's: quit at once when the
/// report fits the screen (`-F`), pass colors through (`-R`), leave the report on the screen
/// after quitting (`-X`).
const DEFAULT_PAGER: &str = "less -FRX";

/// A flag that shapes the article report, and the report formats it applies to.
struct ReportFlag {
    /// The flag's id in [`Args`] (its field's name).
    id: &'static str,
    formats: &'static [Format],
    /// What a reader of another format has instead, said after the refusal; may be empty.
    instead: &'static str,
}

const EVERY_FORMAT: &[Format] = &[Format::Text, Format::Json, Format::Markdown, Format::Html];

/// The flags of the article report and where each applies. Pair mode takes none of them: it
/// writes a JSON line per pair, not a report. A flag given on the command line where it does not
/// apply is an error that names it. A default from the environment (`CROSSCHECK_FORMAT`,
/// `CROSSCHECK_COLOR`, `CROSSCHECK_WIDTH`) is left unused there instead: set once, it must not
/// break the other mode or format.
const REPORT_FLAGS: &[ReportFlag] = &[
    ReportFlag {
        id: "format",
        formats: EVERY_FORMAT,
        instead: "",
    },
    ReportFlag {
        id: "side_by_side",
        formats: &[Format::Text],
        instead: "",
    },
    ReportFlag {
        id: "color",
        formats: &[Format::Text],
        instead: "the other reports are never colored",
    },
    ReportFlag {
        id: "width",
        formats: &[Format::Text],
        instead: "the other reports are not wrapped",
    },
    ReportFlag {
        id: "summary",
        formats: &[Format::Text, Format::Markdown],
        instead:
            "the JSON report always has a `summary` object, the HTML page opens with the counts",
    },
    ReportFlag {
        id: "only",
        formats: &[Format::Text, Format::Json, Format::Markdown],
        instead: "the HTML page shows both articles whole, each statement colored by its fate",
    },
    ReportFlag {
        id: "explain",
        formats: &[Format::Text, Format::Json],
        instead: "",
    },
    ReportFlag {
        id: "show_boilerplate",
        formats: EVERY_FORMAT,
        instead: "",
    },
    ReportFlag {
        id: "no_context",
        formats: EVERY_FORMAT,
        instead: "",
    },
    ReportFlag {
        id: "lossy",
        formats: EVERY_FORMAT,
        instead: "",
    },
    // Every format shows the word diff (JSON as its chunks).
    ReportFlag {
        id: "exact_diff",
        formats: EVERY_FORMAT,
        instead: "",
    },
    // Pair mode's exit status counts every disagreement: it has no linking confidence.
    ReportFlag {
        id: "min_confidence",
        formats: EVERY_FORMAT,
        instead: "",
    },
];

/// The flags of the two-source report that the report of three or more sources does not take,
/// and what it has instead.
const TWO_SOURCE_FLAGS: &[(&str, &str)] = &[
    (
        "side_by_side",
        "the report of many sources lays claims out in its coverage matrix",
    ),
    (
        "summary",
        "the report of many sources opens with its counts and its matrix",
    ),
    (
        "only",
        "the report of many sources lists every claim once, in its matrix",
    ),
    (
        "explain",
        "compare two of the sources to see what the judge did with their pairs",
    ),
    (
        "exact_diff",
        "the report of many sources shows no word diffs",
    ),
];

/// "the text report", "the text and Markdown reports", "the text, JSON and Markdown reports".
fn reports_named(formats: &[Format]) -> String {
    let names: Vec<&str> = formats
        .iter()
        .map(|format| match format {
            Format::Text => "text",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        })
        .collect();
    match names.as_slice() {
        [one] => format!("the {one} report"),
        [first @ .., last] => format!("the {} and {last} reports", first.join(", ")),
        [] => "no report".to_string(),
    }
}

impl Args {
    /// Parses the command line, exiting with a usage error (status 2) when it is wrong.
    pub fn parse_checked() -> Args {
        Args::try_parse_checked(std::env::args_os()).unwrap_or_else(|err| err.exit())
    }

    /// Parses `args` (the program's name first) and [`check`](Args::check)s them.
    pub fn try_parse_checked<I, T>(args: I) -> Result<Args, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Args::command().try_get_matches_from(args)?;
        Args::from_arg_matches(&matches)
            .map_err(|err| err.format(&mut Args::command()))?
            .check(&matches)
    }

    /// Refuses the flags of the article report where they do not apply (see `REPORT_FLAGS`):
    /// in pair mode, with a format they do not shape, and (`TWO_SOURCE_FLAGS`) with three
    /// sources or more. `matches` tells a flag given on the command line from a default taken
    /// from the environment, which is not refused.
    pub fn check(self, matches: &ArgMatches) -> Result<Args, clap::Error> {
        if self.completions.is_some() || self.man {
            return Ok(self);
        }
        let mut command = Args::command();
        let flag_name = |id: &str| {
            command
                .get_arguments()
                .find(|arg| arg.get_id() == id)
                .and_then(|arg| arg.get_long())
                .map(|long| format!("--{long}"))
                .unwrap_or_default()
        };
        let given = REPORT_FLAGS
            .iter()
            .filter(|flag| matches.value_source(flag.id) == Some(ValueSource::CommandLine));
        let mut refusal = None;
        let two_source_flag = TWO_SOURCE_FLAGS
            .iter()
            .find(|(id, _)| matches.value_source(id) == Some(ValueSource::CommandLine));
        if let (false, Some((id, instead))) = (self.more.is_empty(), two_source_flag) {
            refusal = Some(format!(
                "{} applies to two sources, not to three or more: {instead}",
                flag_name(id)
            ));
        } else if self.pairs.is_some() {
            if let Some(flag) = given.clone().next() {
                refusal = Some(format!(
                    "{} does not apply to --pairs: pair mode writes a JSON line per pair, not a \
                     report",
                    flag_name(flag.id)
                ));
            }
        } else {
            let format = self.format.map_or(Format::Text, Format::from);
            if let Some(flag) = given.clone().find(|flag| !flag.formats.contains(&format)) {
                let name = self
                    .format
                    .and_then(|f| f.to_possible_value())
                    .map(|v| v.get_name().to_string())
                    .unwrap_or_default();
                let origin = match matches.value_source("format") {
                    Some(ValueSource::EnvVariable) => " (from CROSSCHECK_FORMAT)",
                    _ => "",
                };
                let instead = if flag.instead.is_empty() {
                    String::new()
                } else {
                    format!(": {}", flag.instead)
                };
                refusal = Some(format!(
                    "{} applies to {}, not to --format {name}{origin}{instead}",
                    flag_name(flag.id),
                    reports_named(flag.formats)
                ));
            }
        }
        match refusal {
            Some(message) => Err(command.error(ErrorKind::ArgumentConflict, message)),
            None => Ok(self),
        }
    }

    /// Resolves flags against the environment.
    pub fn resolve(self) -> Settings {
        let output = self.output.filter(|path| path.as_os_str() != "-");
        // Only a report on standard output can reach a terminal.
        let stdout_is_terminal = output.is_none() && std::io::stdout().is_terminal();
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto_color(stdout_is_terminal),
        };
        // A terminal that gives no size (a serial line, a pseudo-terminal never sized) says 0.
        let terminal_size = terminal_size::terminal_size()
            .filter(|(width, height)| stdout_is_terminal && width.0 > 0 && height.0 > 0)
            .map(|(width, height)| (usize::from(width.0), usize::from(height.0)));
        let width = self
            .width
            .map(usize::from)
            .or(terminal_size.map(|(width, _)| width))
            .unwrap_or(PIPE_WIDTH);
        let format = self.format.map_or(Format::Text, Format::from);
        let progress = std::io::stderr().is_terminal() && format != Format::Json;
        let pair_mode = self.pairs.is_some();
        let pager = pager_command()
            .filter(|_| stdout_is_terminal && !self.no_pager && !pair_mode)
            .map(|command| PagerSettings {
                command,
                screen_rows: terminal_size.map_or(SCREEN_ROWS, |(_, rows)| rows),
                less_defaults: std::env::var_os("LESS").is_none(),
            });
        let job = if let Some(shell) = self.completions {
            Job::Completions(shell)
        } else if self.man {
            Job::Man
        } else {
            match self.pairs {
                Some(input) => Job::Pairs {
                    input,
                    skip_bad_lines: self.skip_bad_lines,
                },
                None if !self.more.is_empty() => Job::Sources {
                    paths: [self.left, self.right]
                        .into_iter()
                        .flatten()
                        .chain(self.more)
                        .collect(),
                    decoding: if self.lossy {
                        Decoding::Lossy
                    } else {
                        Decoding::Strict
                    },
                },
                // clap requires both paths when --pairs is absent.
                None => Job::Articles {
                    left: self.left.unwrap_or_default(),
                    right: self.right.unwrap_or_default(),
                    decoding: if self.lossy {
                        Decoding::Lossy
                    } else {
                        Decoding::Strict
                    },
                },
            }
        };
        Settings {
            job,
            format,
            config: Config {
                threshold: self.threshold.unwrap_or(if pair_mode {
                    crate::pairs::PAIR_THRESHOLD
                } else {
                    Config::default().threshold
                }),
                min_confidence: self.min_confidence,
                in_context: !self.no_context,
                explain: self.explain,
                word_match: if self.exact_diff {
                    crate::diff::WordMatch::Exact
                } else {
                    crate::diff::WordMatch::Loose
                },
                ..Config::default()
            },
            text: TextOptions {
                style: Style { color },
                width,
                show_boilerplate: self.show_boilerplate,
                side_by_side: self.side_by_side,
                summary: self.summary,
            },
            only: self.only.into_iter().map(Finding::from).collect(),
            output,
            pager,
            progress,
        }
    }
}

/// Whether `--color auto` colors: not when NO_COLOR is set; always when CLICOLOR_FORCE is (not
/// 0); else on a terminal, unless CLICOLOR=0 or TERM=dumb (a terminal that shows escapes as
/// they are) decline color.
fn auto_color(stdout_is_terminal: bool) -> bool {
    let var = |name: &str| std::env::var_os(name);
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty() && v != "0");
    let declined =
        var("CLICOLOR").is_some_and(|v| v == "0") || var("TERM").is_some_and(|v| v == "dumb");
    !set("NO_COLOR") && (set("CLICOLOR_FORCE") || (stdout_is_terminal && !declined))
}

/// The pager as git picks one: CROSSCHECK_PAGER, else PAGER, else [`DEFAULT_PAGER`]; none when
/// the one picked is empty or `cat`.
fn pager_command() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok();
    pager_from(var("CROSSCHECK_PAGER"), var("PAGER"), var("TERM"))
}

/// [`pager_command`] from the variables' values. On a dumb terminal (Emacs' shell, some CI
/// terminals) the default pager would stop at "terminal is not fully functional, press
/// RETURN": there a pager is used only when one is named.
fn pager_from(
    crosscheck_pager: Option<String>,
    pager: Option<String>,
    term: Option<String>,
) -> Option<String> {
    let picked = match crosscheck_pager.or(pager) {
        Some(named) => named,
        None if term.as_deref() == Some("dumb") => return None,
        None => DEFAULT_PAGER.to_string(),
    };
    let picked = picked.trim();
    (!picked.is_empty() && picked != "cat").then(|| picked.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn flags_are_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn the_pager_is_named_or_the_default_but_not_on_a_dumb_terminal() {
        let some = |s: &str| Some(s.to_string());
        let default = Some(DEFAULT_PAGER.to_string());
        assert_eq!(pager_from(None, None, some("xterm")), default);
        assert_eq!(pager_from(None, None, None), default);
        assert_eq!(pager_from(None, None, some("dumb")), None);
        assert_eq!(pager_from(None, some("more"), some("dumb")), some("more"));
        assert_eq!(pager_from(some("most"), some("more"), None), some("most"));
        assert_eq!(pager_from(some(" cat "), some("more"), None), None);
        assert_eq!(pager_from(None, some(""), None), None);
    }

    #[test]
    fn threshold_must_be_a_fraction() {
        assert!(Args::try_parse_from(["crosscheck", "--threshold", "1.5", "a", "b"]).is_err());
        assert!(Args::try_parse_from(["crosscheck", "--threshold", "x", "a", "b"]).is_err());
        let args = Args::try_parse_from(["crosscheck", "--threshold", "0.5", "a", "b"]).unwrap();
        assert_eq!(args.threshold, Some(0.5));
    }

    #[test]
    fn pair_mode_takes_no_articles() {
        assert!(Args::try_parse_from(["crosscheck", "--pairs", "p.jsonl"]).is_ok());
        assert!(Args::try_parse_from(["crosscheck", "--pairs", "p.jsonl", "a", "b"]).is_err());
        assert!(
            Args::try_parse_checked(["crosscheck", "--pairs", "p.jsonl", "--format", "json"])
                .is_err()
        );
        assert!(Args::try_parse_from(["crosscheck", "--skip-bad-lines", "a", "b"]).is_err());
        assert!(Args::try_parse_from(["crosscheck", "a"]).is_err());
    }

    #[test]
    fn side_by_side_is_a_layout_of_the_text_report() {
        let parse = |args: &[&str]| Args::try_parse_checked(args);
        let args = parse(&["crosscheck", "--side-by-side", "a", "b"]).unwrap();
        assert!(args.resolve().text.side_by_side);
        assert!(parse(&["crosscheck", "--side-by-side", "--format", "text", "a", "b"]).is_ok());
        let err = parse(&["crosscheck", "--side-by-side", "--format", "html", "a", "b"]);
        assert!(err.unwrap_err().to_string().contains("--format html"));
    }

    #[test]
    fn lossy_is_a_flag_of_article_mode() {
        let args = Args::try_parse_from(["crosscheck", "--lossy", "a", "b"]).unwrap();
        assert!(matches!(
            args.resolve().job,
            Job::Articles {
                decoding: Decoding::Lossy,
                ..
            }
        ));
        let args = Args::try_parse_from(["crosscheck", "a", "b"]).unwrap();
        assert!(matches!(
            args.resolve().job,
            Job::Articles {
                decoding: Decoding::Strict,
                ..
            }
        ));
        assert!(Args::try_parse_checked(["crosscheck", "--lossy", "--pairs", "p.jsonl"]).is_err());
    }

    #[test]
    fn every_report_flag_names_a_flag() {
        // A misspelt id would never be found on the command line, and never refused.
        let command = Args::command();
        for flag in REPORT_FLAGS {
            let arg = command.get_arguments().find(|arg| arg.get_id() == flag.id);
            assert!(
                arg.and_then(|arg| arg.get_long()).is_some(),
                "{} is no flag of Args",
                flag.id
            );
        }
    }

    #[test]
    fn no_report_flag_is_taken_in_pair_mode() {
        let given: [&[&str]; 12] = [
            &["--format", "json"],
            &["--side-by-side"],
            &["--color", "never"],
            &["--width", "80"],
            &["--summary"],
            &["--only", "disagree"],
            &["--explain"],
            &["--show-boilerplate"],
            &["--no-context"],
            &["--lossy"],
            &["--exact-diff"],
            &["--min-confidence", "0.9"],
        ];
        assert_eq!(given.len(), REPORT_FLAGS.len());
        for flags in given {
            let args = [&["crosscheck", "--pairs", "p.jsonl"], flags].concat();
            let err = Args::try_parse_checked(args).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::ArgumentConflict, "{flags:?}");
            let message = err.to_string();
            assert!(message.contains(flags[0]), "{message}");
            assert!(message.contains("--pairs"), "{message}");
        }
        assert!(
            Args::try_parse_checked(["crosscheck", "--pairs", "p.jsonl", "--no-pager"]).is_ok()
        );
    }

    #[test]
    fn a_flag_is_refused_with_a_format_it_does_not_shape() {
        let refused = |flags: &[&str]| {
            let args = [&["crosscheck"], flags, &["a", "b"]].concat();
            Args::try_parse_checked(args)
                .map(drop)
                .map_err(|e| e.to_string())
        };
        for format in ["json", "markdown", "html"] {
            for flag in [
                &["--color", "always"][..],
                &["--width", "80"],
                &["--side-by-side"],
            ] {
                let err = refused(&[flag, &["--format", format]].concat()).unwrap_err();
                assert!(err.contains(flag[0]), "{err}");
                assert!(err.contains(&format!("--format {format}")), "{err}");
            }
        }
        assert!(refused(&["--summary", "--format", "json"]).is_err());
        assert!(refused(&["--summary", "--format", "html"]).is_err());
        assert!(refused(&["--summary", "--format", "markdown"]).is_ok());
        assert!(refused(&["--only", "agree", "--format", "html"]).is_err());
        assert!(refused(&["--only", "agree", "--format", "json"]).is_ok());
        assert!(refused(&["--only", "agree", "--format", "markdown"]).is_ok());
        assert!(refused(&["--show-boilerplate", "--format", "html"]).is_ok());
        assert!(refused(&["--color", "never", "--width", "80", "--side-by-side"]).is_ok());
    }

    #[test]
    fn fractions_out_of_range_say_the_range() {
        for value in ["-1", "1.5", "-0.2"] {
            for flag in ["--threshold", "--min-confidence"] {
                let err = Args::try_parse_checked(["crosscheck", flag, value, "a", "b"])
                    .unwrap_err()
                    .to_string();
                assert!(err.contains("must be between 0 and 1"), "{err}");
                assert!(err.contains(flag), "{err}");
            }
        }
    }

    #[test]
    fn width_is_at_least_twenty_columns() {
        for value in ["19", "-5", "0", "99999999"] {
            let err = Args::try_parse_checked(["crosscheck", "--width", value, "a", "b"])
                .unwrap_err()
                .to_string();
            assert!(err.contains("--width"), "{err}");
        }
        let args = Args::try_parse_checked(["crosscheck", "--width", "20", "a", "b"]).unwrap();
        assert_eq!(args.width, Some(20));
    }

    #[test]
    fn only_takes_a_list_or_repeats() {
        let only = |args: &[&str]| {
            let args = [&["crosscheck"], args, &["a", "b"]].concat();
            Args::try_parse_checked(args).map(|args| args.resolve().only)
        };
        assert_eq!(only(&[]).unwrap(), []);
        assert_eq!(
            only(&["--only", "disagree,one-sided"]).unwrap(),
            [Finding::Disagree, Finding::OneSided]
        );
        assert_eq!(
            only(&["--only", "agree", "--only", "disagree"]).unwrap(),
            [Finding::Agree, Finding::Disagree]
        );
        assert!(only(&["--only", "agreements"]).is_err());
    }

    #[test]
    fn summary_is_not_for_a_filtered_or_laid_out_report() {
        for other in [
            &["--only", "agree"][..],
            &["--side-by-side"],
            &["--explain"],
        ] {
            let args = [&["crosscheck", "--summary"], other, &["a", "b"]].concat();
            assert!(Args::try_parse_checked(args).is_err(), "{other:?}");
        }
    }

    #[test]
    fn three_articles_or_more_are_compared_all_together() {
        let args = Args::try_parse_checked(["crosscheck", "a", "-", "c", "d"]).unwrap();
        match args.resolve().job {
            Job::Sources { paths, .. } => {
                assert_eq!(paths, ["a", "-", "c", "d"].map(PathBuf::from).to_vec())
            }
            job => panic!("{job:?}"),
        }
        let args = Args::try_parse_checked(["crosscheck", "a", "b"]).unwrap();
        assert!(matches!(args.resolve().job, Job::Articles { .. }));
        assert!(Args::try_parse_checked(["crosscheck", "--pairs", "p", "a", "b", "c"]).is_err());
    }

    #[test]
    fn two_source_flags_are_refused_with_three_sources() {
        for flags in [
            &["--side-by-side"][..],
            &["--summary"],
            &["--only", "agree"],
            &["--explain"],
            &["--exact-diff"],
        ] {
            let args = [&["crosscheck"], flags, &["a", "b", "c"]].concat();
            let err = Args::try_parse_checked(args).unwrap_err().to_string();
            assert!(err.contains(flags[0]), "{err}");
            assert!(err.contains("three or more"), "{err}");
            let args = [&["crosscheck"], flags, &["a", "b"]].concat();
            assert!(Args::try_parse_checked(args).is_ok(), "{flags:?}");
        }
        for format in ["json", "markdown", "html", "text"] {
            let args = [
                "crosscheck",
                "--format",
                format,
                "--no-context",
                "a",
                "b",
                "c",
            ];
            assert!(Args::try_parse_checked(args).is_ok(), "{format}");
        }
    }

    #[test]
    fn completions_and_the_man_page_need_no_articles() {
        let args = Args::try_parse_checked(["crosscheck", "--completions", "bash"]).unwrap();
        assert!(matches!(
            args.resolve().job,
            Job::Completions(clap_complete::Shell::Bash)
        ));
        let args = Args::try_parse_checked(["crosscheck", "--man"]).unwrap();
        assert!(matches!(args.resolve().job, Job::Man));
        assert!(Args::try_parse_checked(["crosscheck", "--man", "a", "b"]).is_err());
        assert!(Args::try_parse_checked(["crosscheck", "--completions", "tcsh"]).is_err());
    }
}
