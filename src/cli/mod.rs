//! Command-line flags, and their resolution into the settings the library and renderers take.
//!
//! Raw flags ([`Args`]) are parsed by clap; [`Args::resolve`] reads the environment (`NO_COLOR`,
//! `CLICOLOR_FORCE`, whether stdout is a terminal, its width) once, so nothing below it does.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};

use crate::load::Decoding;
use crate::render::style::Style;
use crate::render::text::TextOptions;
pub use crate::render::Format;

/// `--format`'s values: the report formats ([`Format`]) as the command line names them. The
/// library's `Format` knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A report for people in a terminal, colored when it is one.
    Text,
    /// The versioned JSON report for scripts (see the README).
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
use crate::Config;

pub mod progress_bar;

const EXAMPLES: &str = "\
Examples:
  crosscheck seeds/000_28f1410be158b030.txt seeds/003_0b289d2134709d16.txt
  crosscheck --side-by-side left.txt right.txt
  crosscheck --format json left.txt right.txt > report.json
  crosscheck --format markdown left.txt right.txt > report.md
  crosscheck --format html --output report.html left.txt right.txt
  crosscheck --pairs sentence-pairs.jsonl > judgments.jsonl
  curl -s https://example.org/story | crosscheck - saved-story.txt

Exit status: 0 if the sources do not disagree, 1 if they disagree somewhere, 2 on error.";

/// Compare two articles about the same story: which statements agree, which disagree (and why),
/// and which claims are found in only one source.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, after_help = EXAMPLES)]
pub struct Args {
    /// The first article (LEFT). `-` reads standard input.
    #[arg(required_unless_present = "pairs")]
    pub left: Option<PathBuf>,

    /// The second article (RIGHT). `-` reads standard input.
    #[arg(required_unless_present = "pairs")]
    pub right: Option<PathBuf>,

    /// Sentence-pair mode: judge every pair of a JSON Lines file (`-` for stdin), one
    /// `{"id", "left", "right"}` object a line, and print one `{"id", "relation", "similarity",
    /// "reasons"}` line each, in order. Takes no LEFT and RIGHT.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["left", "right", "format"])]
    pub pairs: Option<PathBuf>,

    /// In pair mode, report lines that are not pairs on stderr and go on, instead of stopping.
    #[arg(long, requires = "pairs", conflicts_with_all = ["left", "right"])]
    pub skip_bad_lines: bool,

    /// The report's format (default: text). Redirect it or use --output to keep it.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Lay the text report out in two columns: each pair's statements side by side, wrapped to
    /// the width, with removed words marked in the left one and added words in the right one.
    #[arg(long)]
    pub side_by_side: bool,

    /// Let every character count in the word diff. By default words that differ only in quote
    /// style (‘the / 'the), dashes (— / -) or punctuation (nonsense, / nonsense) are shown as
    /// equal, so that the diff marks what the wording changes.
    #[arg(long, conflicts_with = "pairs")]
    pub exact_diff: bool,

    /// When to color the text report. `auto` colors only when stdout is a terminal and NO_COLOR
    /// is not set (CLICOLOR_FORCE=1 forces color).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Minimal similarity (0 to 1) for two statements to be aligned [default: 0.1 for articles,
    /// whose pairs the linking model then chooses by confidence; 0.25 in pair mode]. Higher
    /// keeps only close paraphrases.
    #[arg(long, value_parser = parse_fraction)]
    pub threshold: Option<f64>,

    /// Confidence (0 to 1) from which a disagreement counts for the exit status. Every pair
    /// carries the linking model's confidence that its two statements speak of the same claim;
    /// a disagreement below this line is still reported, but the sources are not said to
    /// disagree because of it.
    #[arg(long, default_value_t = Config::default().min_confidence, value_parser = parse_fraction)]
    pub min_confidence: f64,

    /// Align statements on their own words only. By default a weakly similar pair is aligned
    /// too when the statements just before (or after) both are aligned and the two are each
    /// other's closest match: the same stretch of the story told in other words; and a statement
    /// denying the one before it ("Officials denied it.") is paired with that statement's
    /// partners. With this flag the order of the statements plays no part.
    #[arg(long)]
    pub no_context: bool,

    /// Show, under each pair, what the judge did: every check of its table and what it found,
    /// the rules that combined the findings, and the negation words it set aside with the
    /// exemption that stopped each. For the text and JSON reports (a `trace` per pair).
    #[arg(long, conflicts_with_all = ["pairs", "side_by_side"])]
    pub explain: bool,

    /// Also list boilerplate (photo captions, share prompts, "Read more") in the text and
    /// Markdown reports. It is never judged; the HTML report always shows it, grayed, and the
    /// JSON report always includes it, flagged.
    #[arg(long)]
    pub show_boilerplate: bool,

    /// Wrap the text report at this many columns (default: the terminal width, at most 100).
    #[arg(long, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

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
    #[arg(long, conflicts_with = "pairs")]
    pub lossy: bool,
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
        Err(format!("{number} is outside 0..1"))
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
    /// Judge the sentence pairs of a JSON Lines file.
    Pairs {
        input: PathBuf,
        skip_bad_lines: bool,
    },
}

/// Everything the run needs, with the environment already consulted.
#[derive(Debug, Clone)]
pub struct Settings {
    pub job: Job,
    pub format: Format,
    pub config: Config,
    pub text: TextOptions,
    /// Where the report goes (see `output::Destination`): the `--output` path, or standard
    /// output when `None` (no `--output`, or `-`).
    pub output: Option<PathBuf>,
    /// Whether a progress bar may be drawn on stderr (stderr is a terminal, the report is not
    /// JSON). It is drawn only for inputs long enough to take a while.
    pub progress: bool,
}

/// Column limit of the text report: wide enough for a statement, narrow enough to read.
const MAX_WIDTH: usize = 100;

impl Args {
    /// Parses the command line, exiting with a usage error (status 2) when it is wrong.
    pub fn parse_checked() -> Args {
        Args::parse().check().unwrap_or_else(|err| err.exit())
    }

    /// Refuses combinations of flags that clap's attributes cannot express.
    pub fn check(self) -> Result<Args, clap::Error> {
        if let Some(format) = self
            .format
            .filter(|&f| self.side_by_side && Format::from(f) != Format::Text)
        {
            let name = format.to_possible_value().map(|v| v.get_name().to_string());
            return Err(Args::command().error(
                ErrorKind::ArgumentConflict,
                format!(
                    "--side-by-side lays out the text report; it does not apply to --format {}",
                    name.unwrap_or_default()
                ),
            ));
        }
        if let Some(format) = self
            .format
            .filter(|&f| self.explain && !matches!(Format::from(f), Format::Text | Format::Json))
        {
            let name = format.to_possible_value().map(|v| v.get_name().to_string());
            return Err(Args::command().error(
                ErrorKind::ArgumentConflict,
                format!(
                    "--explain adds a trace to the text and JSON reports; it does not apply to \
                     --format {}",
                    name.unwrap_or_default()
                ),
            ));
        }
        Ok(self)
    }

    /// Resolves flags against the environment.
    pub fn resolve(self) -> Settings {
        let output = self.output.filter(|path| path.as_os_str() != "-");
        // Only a report on standard output can reach a terminal.
        let stdout_is_terminal = output.is_none() && std::io::stdout().is_terminal();
        let env_set =
            |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !env_set("NO_COLOR") && (env_set("CLICOLOR_FORCE") || stdout_is_terminal)
            }
        };
        let terminal_width = terminal_size::terminal_size()
            .filter(|_| stdout_is_terminal)
            .map(|(w, _)| usize::from(w.0));
        let width = self
            .width
            .map(usize::from)
            .or(terminal_width)
            .unwrap_or(MAX_WIDTH)
            .min(MAX_WIDTH.max(self.width.map_or(0, usize::from)));
        let format = self.format.map_or(Format::Text, Format::from);
        let progress = std::io::stderr().is_terminal() && format != Format::Json;
        let pair_mode = self.pairs.is_some();
        let job = match self.pairs {
            Some(input) => Job::Pairs {
                input,
                skip_bad_lines: self.skip_bad_lines,
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
            },
            output,
            progress,
        }
    }
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
            Args::try_parse_from(["crosscheck", "--pairs", "p.jsonl", "--format", "json"]).is_err()
        );
        assert!(Args::try_parse_from(["crosscheck", "--skip-bad-lines", "a", "b"]).is_err());
        assert!(Args::try_parse_from(["crosscheck", "a"]).is_err());
    }

    #[test]
    fn side_by_side_is_a_layout_of_the_text_report() {
        let parse = |args: &[&str]| Args::try_parse_from(args).and_then(Args::check);
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
        assert!(Args::try_parse_from(["crosscheck", "--lossy", "--pairs", "p.jsonl"]).is_err());
    }
}
