//! Turning a [`SourcesReport`] (three or more sources) into text a person or a program reads:
//! one module per format, as for two sources. Every human format opens with the counts, then
//! the coverage matrix (a row per claim, a column per source), then the details: the conflicts
//! with their reasons, the claims with their statements, and what only one source says.

use std::io::{self, Write};

use crate::model::{Pair, Reason};
use crate::render::text::TextOptions;
use crate::render::Format;
use crate::sources::{Cell, Link, SourceId, SourcesReport};

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

/// Writes `report` in `format`; `text` lays out the text report (its width and colors) and says
/// whether boilerplate is listed (text and Markdown).
pub fn write(
    report: &SourcesReport,
    format: Format,
    text: TextOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, text, out),
        Format::Json => json::write(report, out),
        Format::Markdown => markdown::write(report, text.show_boilerplate, out),
        Format::Html => html::write(report, out),
    }
}

/// What a statement's label means, for the legend of every human format.
const LABEL_LEGEND: &str = "B12.2 = the 2nd statement that starts on line 12 of source B";

/// A cell's mark in the text and Markdown matrices.
fn mark(cell: Cell) -> &'static str {
    match cell {
        Cell::States => "●",
        Cell::Contradicts => "✗",
        Cell::StatesAndContradicts => "±",
        Cell::LeavesOut => "·",
    }
}

/// The legend of the marks.
const MARK_LEGEND: &str =
    "● states it  ✗ contradicts it  ± states it and contradicts it  · leaves it out";

/// "A, B and C".
fn names(report: &SourcesReport, sources: &[SourceId]) -> String {
    let names: Vec<&str> = sources
        .iter()
        .map(|&s| report.sources[s].name.as_str())
        .collect();
    match names.as_slice() {
        [] => "no source".to_string(),
        [one] => one.to_string(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// A reason of a link explained with the two sources' names: "only A negates it".
fn explanation(report: &SourcesReport, link: &Link, reason: &Reason) -> String {
    let names = link.sources.map(|s| report.sources[s].name.as_str());
    reason.explain(names)
}

/// The evidence of a reason: `(A: WORDS; C: WORDS)`, each word shown by `show`.
fn evidence_note(
    report: &SourcesReport,
    link: &Link,
    reason: &Reason,
    show: impl Fn(&str) -> String,
) -> String {
    let names: Pair<&str> = link.sources.map(|s| report.sources[s].name.as_str());
    let words = |evidence: &[crate::model::Evidence]| super::evidence_words(evidence, &show);
    format!(
        "({}: {}; {}: {})",
        names.left,
        words(&reason.evidence.left),
        names.right,
        words(&reason.evidence.right)
    )
}

/// A link's kind of disagreement, confidence and similarity, as every human format shows them.
fn link_note(link: &Link) -> String {
    crate::render::similarity_note(&link.pair)
}

/// "claim 3": the number a reader sees, from 1.
fn claim_name(claim: usize) -> String {
    format!("claim {}", claim + 1)
}
