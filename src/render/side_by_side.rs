//! The side-by-side layout of the text report (`--side-by-side`): each pair's two statements in
//! two columns, the left one with the words only it has marked as removed, the right one with
//! the words only it has marked as added, so the word diff is read where the words stand. The
//! header, section rules and reasons are the text report's; claims found in one source only sit
//! in their own column.
//!
//! Columns are wrapped here rather than by `textwrap::wrap`, which wraps a string: a style that
//! spans a line break would bleed through the padding into the other column. Each word is a
//! fragment styled on its own (or, without color, a run carries its `[-` `-]` markers), and
//! `textwrap`'s first-fit algorithm places the fragments.

use std::io::{self, Write};

use textwrap::core::{display_width, Fragment, Word};

use crate::diff::DiffOp;
use crate::model::Side;
use crate::render::side_name;
use crate::render::style::{printable, Style};
use crate::render::text::{TextOptions, Writer};
use crate::report::{Report, StatementReport};

/// Writes the text report with pairs side by side.
pub fn write(report: &Report, options: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let columns = Columns::new(options);
    let mut w = Writer { out, options };
    w.header(report)?;

    for (relation, title, pairs) in report.sections() {
        w.section_rule(relation, title, pairs.len())?;
        for pair in pairs {
            w.pair_heading(report, pair)?;
            let cells = [Side::Left, Side::Right].map(|side| {
                let statement = report.statement(side, *pair.ids.get(side));
                let mut cell = columns.tag(statement);
                for chunk in &pair.diff {
                    match (chunk.op, side) {
                        // Each column quotes its own statement: an equal run may be written
                        // with other quotes or punctuation on the right.
                        (DiffOp::Equal, _) => cell.extend(columns.words(chunk.text_of(side), None)),
                        (DiffOp::Delete, Side::Left) => {
                            cell.extend(columns.words(&chunk.text, Some(Style::removed)))
                        }
                        (DiffOp::Insert, Side::Right) => {
                            cell.extend(columns.words(&chunk.text, Some(Style::added)))
                        }
                        _ => {}
                    }
                }
                cell
            });
            columns.write_rows(w.out, &cells[0], &cells[1])?;
            w.reasons(&pair.reasons)?;
        }
    }

    for side in [Side::Left, Side::Right] {
        let ids = report.only.get(side);
        if ids.is_empty() {
            continue;
        }
        let title = format!("Only in {} ({})", side_name(side), ids.len());
        w.rule(&title, Style::only)?;
        for &id in ids {
            writeln!(w.out)?;
            let statement = report.statement(side, id);
            let mut cell = columns.tag(statement);
            cell.extend(columns.words(&statement.text, None));
            columns.write_alone(w.out, side, &cell)?;
        }
    }

    if options.show_boilerplate {
        for side in [Side::Left, Side::Right] {
            let furniture = report.boilerplate(side);
            if furniture.is_empty() {
                continue;
            }
            let title = format!("Boilerplate in {} ({})", side_name(side), furniture.len());
            w.rule(&title, Style::dim)?;
            for statement in furniture {
                writeln!(w.out)?;
                let mut cell = columns.tag(statement);
                cell.extend(columns.words(&statement.text, None));
                let kind = statement.boilerplate.map(|b| b.label()).unwrap_or_default();
                cell.extend(columns.words(&format!("({kind})"), Some(Style::dim)));
                columns.write_alone(w.out, side, &cell)?;
            }
        }
    }
    Ok(())
}

/// A word placed in a column: what is written (styled) and how many columns it takes.
#[derive(Debug)]
struct Piece {
    shown: String,
    width: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        1.0
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Indentation before the left column, and what separates the two.
const MARGIN: &str = "  ";
const GUTTER: &str = " │ ";

/// The geometry and style of the two columns.
struct Columns {
    style: Style,
    /// Width of each column, in terminal columns.
    width: usize,
}

impl Columns {
    fn new(options: TextOptions) -> Columns {
        let total = options.width.max(20);
        Columns {
            style: options.style,
            width: (total - MARGIN.len() - display_width(GUTTER)) / 2,
        }
    }

    /// The label (`L12.2`) that opens a statement's cell.
    fn tag(&self, statement: &StatementReport) -> Vec<Piece> {
        self.words(&statement.label.to_string(), Some(Style::dim))
    }

    /// The words of `text`, made printable, painted with `paint` and cut where a word is wider
    /// than a column.
    fn words(&self, text: &str, paint: Option<fn(&Style, &str) -> String>) -> Vec<Piece> {
        let text = printable(text);
        let words: Vec<String> = match paint {
            // Without color the markers open and close the run (`[-two words-]`), not each word.
            Some(paint) if !self.style.color => paint(&self.style, &text)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            _ => text.split_whitespace().map(str::to_string).collect(),
        };
        let mut pieces = Vec::new();
        for word in &words {
            for part in Word::from(word).break_apart(self.width) {
                let shown = match paint {
                    Some(paint) if self.style.color => paint(&self.style, part.word),
                    _ => part.word.to_string(),
                };
                pieces.push(Piece {
                    width: display_width(part.word),
                    shown,
                });
            }
        }
        pieces
    }

    /// The lines of one column.
    fn lines<'a>(&self, cell: &'a [Piece]) -> Vec<&'a [Piece]> {
        textwrap::wrap_algorithms::wrap_first_fit(cell, &[self.width as f64])
    }

    fn write_rows(&self, out: &mut dyn Write, left: &[Piece], right: &[Piece]) -> io::Result<()> {
        let (left, right) = (self.lines(left), self.lines(right));
        for row in 0..left.len().max(right.len()) {
            let (shown, width) = joined(left.get(row).copied().unwrap_or_default());
            let padding = " ".repeat(self.width.saturating_sub(width));
            let (right_shown, _) = joined(right.get(row).copied().unwrap_or_default());
            let row = format!("{MARGIN}{shown}{padding}{GUTTER}{right_shown}");
            writeln!(out, "{}", row.trim_end())?;
        }
        Ok(())
    }

    /// A statement with no partner, in its side's column.
    fn write_alone(&self, out: &mut dyn Write, side: Side, cell: &[Piece]) -> io::Result<()> {
        match side {
            Side::Left => self.write_rows(out, cell, &[]),
            Side::Right => self.write_rows(out, &[], cell),
        }
    }
}

/// The pieces of one line with single spaces, and its width.
fn joined(pieces: &[Piece]) -> (String, usize) {
    let shown = pieces
        .iter()
        .map(|p| p.shown.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let width = pieces.iter().map(|p| p.width).sum::<usize>() + pieces.len().saturating_sub(1);
    (shown, width)
}
