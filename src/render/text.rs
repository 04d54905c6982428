//! The human report: disagreements first with their reasons and evidence, then agreements, then
//! what only one source says. Every statement is quoted with its label (`L12.2` is the second
//! statement that starts on line 12 of the left file) and pairs show a word diff. Lines are wrapped to the configured width.

use std::io::{self, Write};

use crate::diff::DiffOp;
use crate::judge::Trace;
use crate::model::{Reason, Relation, Side};
use crate::render::style::{printable, Style};
use crate::render::{plural, side_name, LABEL_LEGEND};
use crate::report::{PairReport, Report, StatementReport};

/// How the text report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    pub style: Style,
    /// Maximal line width in columns.
    pub width: usize,
    /// List boilerplate (captions, share prompts) in a section of its own.
    pub show_boilerplate: bool,
    /// Lay each pair out in two columns (see [`side_by_side`](super::side_by_side)) instead of
    /// one statement under the other.
    pub side_by_side: bool,
    /// Only the counts and the top disagreements (see [`summary`](super::summary)); for the
    /// Markdown report too.
    pub summary: bool,
}

/// How the report's paragraphs are wrapped: first fit, each line filled before the next, as a
/// terminal or `fold` breaks lines. textwrap's default, the optimal fit that evens out the
/// lines' lengths, was a quarter of the instructions of comparing the seeds (5.2M of 21.1M,
/// callgrind) for a ragged edge a reader of a report does not miss.
fn wrapping(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// The text report under construction; the side-by-side layout shares its header, rules and
/// reasons.
pub(super) struct Writer<'a> {
    pub(super) out: &'a mut dyn Write,
    pub(super) options: TextOptions,
}

impl Writer<'_> {
    /// Writes `text` wrapped to the width, first line after `first`, later lines after `rest`.
    pub(super) fn wrapped(&mut self, first: &str, rest: &str, text: &str) -> io::Result<()> {
        let options = wrapping(self.options.width.max(20))
            .initial_indent(first)
            .subsequent_indent(rest);
        for line in textwrap::wrap(text, options) {
            writeln!(self.out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// The rule opening a section of pairs, colored by their relation.
    pub(super) fn section_rule(
        &mut self,
        relation: Relation,
        title: &str,
        count: usize,
    ) -> io::Result<()> {
        let paint = match relation {
            Relation::Disagree => Style::disagree,
            Relation::Agree => Style::agree,
        };
        self.rule(&format!("{title} ({count})"), paint)
    }

    pub(super) fn rule(
        &mut self,
        title: &str,
        paint: impl Fn(&Style, &str) -> String,
    ) -> io::Result<()> {
        let width = self.options.width.max(20);
        let head = format!("── {title} ");
        writeln!(self.out)?;
        let head_width = textwrap::core::display_width(&head);
        if head_width > width {
            // Narrower than the title: the title alone, wrapped.
            let options = wrapping(width).subsequent_indent("   ");
            for line in textwrap::wrap(head.trim_end(), options) {
                writeln!(self.out, "{}", paint(&self.options.style, &line))?;
            }
            return Ok(());
        }
        let line = format!("{head}{}", "─".repeat(width - head_width));
        writeln!(self.out, "{}", paint(&self.options.style, &line))
    }

    pub(super) fn statement(&mut self, statement: &StatementReport) -> io::Result<()> {
        let tag = format!("{} ", statement.label);
        self.wrapped(&format!("  {tag:<7}"), INDENT, &printable(&statement.text))
    }

    /// The first line of a pair: its relation, labels and similarity, after a blank line.
    pub(super) fn pair_heading(&mut self, report: &Report, pair: &PairReport) -> io::Result<()> {
        let style = self.options.style;
        let marker = match pair.relation {
            Relation::Disagree => style.disagree("✗ disagree"),
            Relation::Agree => style.agree("✓ agree"),
        };
        writeln!(self.out)?;
        let heading = format!(
            "{marker}  {} ↔ {}  {}",
            report.statement(Side::Left, pair.ids.left).label,
            report.statement(Side::Right, pair.ids.right).label,
            style.dim(&super::similarity_note(pair))
        );
        self.wrapped("", "  ", &heading)
    }

    /// One bullet per reason: its kind, explanation and the evidence words of both sides.
    pub(super) fn reasons(&mut self, reasons: &[Reason]) -> io::Result<()> {
        let style = self.options.style;
        for reason in reasons {
            let line = format!(
                "{}: {} {}",
                reason.kind.label(),
                printable(&reason.to_string()),
                super::evidence_note(reason, |e| style.evidence(&printable(e)))
            );
            self.wrapped("  • ", "    ", &line)?;
        }
        Ok(())
    }

    fn pair(&mut self, report: &Report, pair: &PairReport) -> io::Result<()> {
        let style = self.options.style;
        self.pair_heading(report, pair)?;
        self.statement(report.statement(Side::Left, pair.ids.left))?;
        self.statement(report.statement(Side::Right, pair.ids.right))?;
        self.reasons(&pair.reasons)?;
        let diff = super::diff_line(&pair.diff, |op, text| {
            let text = printable(text);
            match op {
                DiffOp::Equal => text,
                DiffOp::Delete => style.removed(&text),
                DiffOp::Insert => style.added(&text),
            }
        });
        self.wrapped("  diff   ", INDENT, &diff)?;
        match &pair.trace {
            Some(trace) => self.trace(trace),
            None => Ok(()),
        }
    }

    /// `--explain`: the checks in table order with what each found, the combining rules that
    /// applied, and the negation words set aside.
    fn trace(&mut self, trace: &Trace) -> io::Result<()> {
        let style = self.options.style;
        if let Some(why) = trace.skipped {
            return self.wrapped(
                "  trace  ",
                INDENT,
                &style.dim(&format!("no check ran: {why}")),
            );
        }
        let checks = trace
            .checks
            .iter()
            .map(|check| match (check.ran, check.found.is_empty()) {
                (false, _) => format!("{} not asked", check.name),
                (true, true) => format!("{} nothing", check.name),
                (true, false) => format!(
                    "{} found {}",
                    check.name,
                    printable(&check.found.join("; "))
                ),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        let order = if trace.order == "exchanged" {
            " (read exchanged, shown as given)"
        } else {
            ""
        };
        self.wrapped(
            "  trace  ",
            INDENT,
            &style.dim(&format!("checks{order}: {checks}")),
        )?;
        if !trace.rules.is_empty() {
            self.wrapped(
                INDENT,
                INDENT,
                &style.dim(&format!("rules: {}", trace.rules.join("; "))),
            )?;
        }
        for dropped in &trace.dropped_negations {
            let line = format!(
                "set aside: {} \"{}\" ({})",
                side_name(dropped.side),
                printable(&dropped.word),
                dropped.because
            );
            self.wrapped(INDENT, INDENT, &style.dim(&line))?;
        }
        Ok(())
    }
}

/// Indentation of continued statement lines: under the text, past the `L123.4` label.
const INDENT: &str = "         ";

impl Writer<'_> {
    /// The title, both files with their counts, the totals and the legend of labels.
    pub(super) fn header(&mut self, report: &Report) -> io::Result<()> {
        let style = self.options.style;
        let s = &report.summary;
        writeln!(self.out, "{}", style.heading("crosscheck"))?;
        for side in [Side::Left, Side::Right] {
            let line = format!(
                "{:<5} {}: {}, {} left out as boilerplate",
                side_name(side),
                printable(&report.side(side).path),
                plural(*s.statements.get(side), "statement", "statements"),
                s.boilerplate.get(side)
            );
            self.wrapped("  ", INDENT, &line)?;
        }
        let counts = format!(
            "{} · {} · {} · {}",
            style.disagree(&plural(s.disagree, "disagreement", "disagreements")),
            style.agree(&plural(s.agree, "agreement", "agreements")),
            style.only(&format!("{} only in LEFT", s.only.left)),
            style.only(&format!("{} only in RIGHT", s.only.right)),
        );
        self.wrapped("  ", "  ", &counts)?;
        if let Some(note) = super::shown_note(report) {
            self.wrapped("  ", "  ", &style.heading(&note))?;
        }
        let legend = style.dim(LABEL_LEGEND);
        self.wrapped("  ", "  ", &legend)
    }
}

/// Writes the text report.
pub fn write(report: &Report, options: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer { out, options };
    let style = options.style;
    w.header(report)?;

    for (relation, title, pairs) in report.sections() {
        w.section_rule(relation, title, pairs.len())?;
        for pair in pairs {
            w.pair(report, pair)?;
        }
    }

    for side in [Side::Left, Side::Right] {
        let ids = report.only.get(side);
        if ids.is_empty() {
            continue;
        }
        let name = side_name(side);
        w.rule(&format!("Only in {name} ({})", ids.len()), Style::only)?;
        for &id in ids {
            w.statement(report.statement(side, id))?;
        }
    }

    if options.show_boilerplate {
        for side in [Side::Left, Side::Right] {
            let furniture = report.boilerplate(side);
            if furniture.is_empty() {
                continue;
            }
            let name = side_name(side);
            w.rule(
                &format!("Boilerplate in {name} ({})", furniture.len()),
                Style::dim,
            )?;
            for statement in furniture {
                let kind = statement.boilerplate.map(|b| b.label()).unwrap_or_default();
                let tag = format!("{} ", statement.label);
                let line = format!(
                    "{} {}",
                    printable(&statement.text),
                    style.dim(&format!("({kind})"))
                );
                w.wrapped(&format!("  {tag:<7}"), INDENT, &line)?;
            }
        }
    }
    Ok(())
}
