//! `--summary`: what a reader who has a minute needs. The text or Markdown report's header (every
//! count: statements, agreements, disagreements, claims found in one source only, boilerplate),
//! then only the surest disagreements, each with its two statements and reasons.

use std::io::{self, Write};

use crate::model::{Relation, Side};
use crate::render::style::Style;
use crate::render::text::{TextOptions, Writer};
use crate::report::{PairReport, Report};

/// How many disagreements a summary shows: a screenful with their reasons.
pub const TOP_DISAGREEMENTS: usize = 5;

/// The disagreements a summary shows, the surest first, and how many there are in all.
fn top_disagreements(report: &Report) -> (Vec<&PairReport>, usize) {
    let mut disagreements = report.pairs_of(Relation::Disagree);
    let all = disagreements.len();
    disagreements.truncate(TOP_DISAGREEMENTS);
    (disagreements, all)
}

/// "Disagreements (3)" when all are shown, "Top disagreements (5 of 12)" when not.
fn title(shown: usize, all: usize) -> String {
    if shown == all {
        format!("Disagreements ({all})")
    } else {
        format!("Top disagreements ({shown} of {all})")
    }
}

/// What the full report has beyond the summary, when it has more disagreements.
fn more_note(shown: usize, all: usize) -> Option<String> {
    (all > shown).then(|| {
        let more = all - shown;
        let noun = if more == 1 {
            "disagreement"
        } else {
            "disagreements"
        };
        format!("{more} more {noun} in the full report (crosscheck --only disagree)")
    })
}

/// Writes the summary as text.
pub fn write_text(report: &Report, options: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer { out, options };
    w.header(report)?;
    let (top, all) = top_disagreements(report);
    if top.is_empty() {
        writeln!(w.out)?;
        return w.wrapped("", "", &options.style.agree("The sources do not disagree."));
    }
    w.rule(&title(top.len(), all), Style::disagree)?;
    for pair in top.iter().copied() {
        w.pair_heading(report, pair)?;
        w.statement(report.statement(Side::Left, pair.ids.left))?;
        w.statement(report.statement(Side::Right, pair.ids.right))?;
        w.reasons(&pair.reasons)?;
    }
    if let Some(note) = more_note(top.len(), all) {
        writeln!(w.out)?;
        w.wrapped("", "", &options.style.dim(&note))?;
    }
    Ok(())
}

/// Writes the summary as Markdown.
pub fn write_markdown(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::markdown::header(report, out)?;
    let (top, all) = top_disagreements(report);
    if top.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## {}", title(top.len(), all))?;
    for pair in top.iter().copied() {
        super::markdown::write_pair(report, pair, out)?;
    }
    if let Some(note) = more_note(top.len(), all) {
        writeln!(out)?;
        writeln!(out, "_{note}._")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_says_when_disagreements_are_left_out() {
        assert_eq!(title(3, 3), "Disagreements (3)");
        assert_eq!(title(5, 12), "Top disagreements (5 of 12)");
        assert_eq!(more_note(3, 3), None);
        assert_eq!(
            more_note(5, 6).as_deref(),
            Some("1 more disagreement in the full report (crosscheck --only disagree)")
        );
    }
}
