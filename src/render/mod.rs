//! Turning a [`Report`] into text a person or a program reads. Each format is one module
//! writing to an injected writer; only [`style`] knows about colors.
//!
//! Article text is untrusted input: every renderer passes it through an escape of its own
//! format ([`style::printable`] for terminals, [`markdown`]'s and [`html`]'s escapes), so an
//! article cannot move the cursor, add markup or run a script where its report is read.

use std::io::{self, Write};

use crate::model::Side;
use crate::report::Report;

pub mod html;
pub mod json;
pub mod markdown;
pub mod side_by_side;
pub mod sources;
pub mod style;
pub mod summary;
pub mod text;

/// The report formats (`--format` names them: `cli::FormatArg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A report for people in a terminal, colored when it is one.
    Text,
    /// The versioned JSON report for scripts (see docs/json.md).
    Json,
    /// A Markdown report to paste into an issue, a pull request or a note.
    Markdown,
    /// One self-contained HTML page: both articles in two columns, colored by fate.
    Html,
}

/// Writes `report` in `format`; `text` lays out the text report and says whether boilerplate is
/// listed (in the text and Markdown reports; HTML always shows it, JSON always includes it) and
/// whether the text or Markdown report is only a [`summary`].
pub fn write(
    report: &Report,
    format: Format,
    text: text::TextOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text if text.summary => summary::write_text(report, text, out),
        Format::Text if text.side_by_side => side_by_side::write(report, text, out),
        Format::Text => text::write(report, text, out),
        Format::Json => json::write(report, out),
        Format::Markdown if text.summary => summary::write_markdown(report, out),
        Format::Markdown => markdown::write(report, text.show_boilerplate, out),
        Format::Html => html::write(report, out),
    }
}

/// What a statement's label means (see [`crate::model::Label`]), for the legend of every human
/// format.
const LABEL_LEGEND: &str =
    "L12.2 / R12.2 = the 2nd statement that starts on line 12 of the left / right file";

/// What the report leaves out, when `--only` chose ([`Report::keep_only`]): "showing only
/// disagreements and agreements". The counts above it are the whole comparison's.
fn shown_note(report: &Report) -> Option<String> {
    let shown = report.shown.as_ref()?;
    let labels: Vec<&str> = shown.iter().map(|finding| finding.label()).collect();
    let listed = match labels.as_slice() {
        [] => "nothing".to_string(),
        [one] => one.to_string(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    };
    Some(format!("showing only {listed} (--only)"))
}

/// A pair's similarity as every human format shows it. A pair aligned through its neighbours
/// says so: its own words alone would not have paired it.
fn similarity_note(pair: &crate::report::PairReport) -> String {
    let kind = pair
        .disagreement()
        .map(|kind| format!("{}, ", kind.label()))
        .unwrap_or_default();
    let note = format!(
        "{kind}confidence {:.2}, similarity {:.2}",
        pair.confidence, pair.similarity
    );
    if pair.in_context {
        format!("{note}, aligned by context")
    } else {
        note
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "LEFT",
        Side::Right => "RIGHT",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The evidence of a reason as every format shows it after the explanation: `(left: WORDS;
/// right: WORDS)`, each word shown by `show` (see [`evidence_list`]).
pub(crate) fn evidence_note(
    reason: &crate::model::Reason,
    show: impl Fn(&str) -> String,
) -> String {
    format!(
        "(left: {}; right: {})",
        evidence_list(reason, Side::Left, &show),
        evidence_list(reason, Side::Right, &show)
    )
}

/// A pair's word diff as every format shows it: the chunks in order, separated by spaces, each
/// shown by `show` with its operation (the format marks removed and added words its own way).
pub(crate) fn diff_line(
    diff: &[crate::diff::DiffChunk],
    show: impl Fn(crate::diff::DiffOp, &str) -> String,
) -> String {
    diff.iter()
        .map(|chunk| show(chunk.op, &chunk.text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The evidence words of one side of a reason, each shown by `show`, comma-separated; a dash
/// when that side has none (the negation only one side makes).
pub(crate) fn evidence_list(
    reason: &crate::model::Reason,
    side: Side,
    show: impl Fn(&str) -> String,
) -> String {
    evidence_words(reason.evidence.get(side), show)
}

/// Evidence words, each shown by `show`, comma-separated; a dash when there are none.
pub(crate) fn evidence_words(
    evidence: &[crate::model::Evidence],
    show: impl Fn(&str) -> String,
) -> String {
    if evidence.is_empty() {
        "—".to_string()
    } else {
        evidence
            .iter()
            .map(|e| show(&e.text))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
