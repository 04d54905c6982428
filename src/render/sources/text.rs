//! The human report of three or more sources: the counts, the coverage matrix (a row per claim,
//! a column per source, each claim shown by its first statement), then the conflicts with their
//! reasons and evidence, every claim with its statements, and what only one source says.

use std::io::{self, Write};

use super::{claim_name, evidence_note, explanation, link_note, mark, names};
use crate::render::plural;
use crate::render::style::{printable, Style};
use crate::render::text::{TextOptions, Writer};
use crate::sources::{Cell, Member, SourcesReport};

/// Indentation of continued statement lines: under the text, past the `AA123.4` label.
const INDENT: &str = "          ";

/// A statement, its label first, wrapped under itself.
fn statement(w: &mut Writer, report: &SourcesReport, member: Member) -> io::Result<()> {
    let tag = format!("{} ", report.label(member));
    w.wrapped(
        &format!("  {tag:<8}"),
        INDENT,
        &printable(&report.statement(member).text),
    )
}

/// `text` cut to `width` columns, an ellipsis marking the cut.
fn truncated(text: &str, width: usize) -> String {
    if textwrap::core::display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = textwrap::core::display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn header(w: &mut Writer, report: &SourcesReport) -> io::Result<()> {
    let style = w.options.style;
    let s = &report.summary;
    writeln!(
        w.out,
        "{}",
        style.heading(&format!(
            "crosscheck: {}",
            plural(report.sources.len(), "source", "sources")
        ))
    )?;
    for (source, r) in report.sources.iter().enumerate() {
        let line = format!(
            "{:<3} {}: {}, {} left out as boilerplate",
            r.name,
            printable(&r.path),
            plural(s.statements[source], "statement", "statements"),
            s.boilerplate[source]
        );
        w.wrapped("  ", INDENT, &line)?;
    }
    let counts = format!(
        "{} · {} in every source · {} · {}",
        plural(
            s.claims,
            "claim in two sources or more",
            "claims in two sources or more"
        ),
        s.in_every_source,
        style.disagree(&format!("{} contested", s.contested)),
        style.disagree(&plural(s.conflicts, "conflict", "conflicts")),
    );
    w.wrapped("  ", "  ", &counts)?;
    let only: Vec<String> = report
        .sources
        .iter()
        .zip(&s.only)
        .map(|(r, n)| format!("{} {n}", r.name))
        .collect();
    w.wrapped(
        "  ",
        "  ",
        &style.only(&format!("only in one source: {}", only.join(", "))),
    )?;
    w.wrapped("  ", "  ", &style.dim(super::LABEL_LEGEND))
}

fn matrix(w: &mut Writer, report: &SourcesReport) -> io::Result<()> {
    let style = w.options.style;
    let rows = report.rows();
    w.rule(
        &format!("Coverage ({})", plural(rows.len(), "claim", "claims")),
        Style::heading,
    )?;
    if rows.is_empty() {
        return w.wrapped("  ", "  ", "No claim is in two sources or more.");
    }
    w.wrapped("  ", "  ", &style.dim(super::MARK_LEGEND))?;
    let column = report
        .sources
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(1);
    let number = format!("{}", rows.len()).len().max(5);
    let names: Vec<String> = report
        .sources
        .iter()
        .map(|s| format!("{:>column$}", s.name))
        .collect();
    writeln!(w.out, "  {:>number$}  {}", "claim", names.join(" "))?;
    let used = 2 + number + 2 + report.sources.len() * (column + 1) + 1;
    let room = w.options.width.saturating_sub(used).max(20);
    for (c, claim) in rows.iter().enumerate() {
        let cells: Vec<String> = claim
            .cells
            .iter()
            .map(|&cell| {
                let shown = format!("{:>column$}", mark(cell));
                match cell {
                    Cell::States => style.agree(&shown),
                    Cell::Contradicts | Cell::StatesAndContradicts => style.disagree(&shown),
                    Cell::LeavesOut => style.dim(&shown),
                }
            })
            .collect();
        let first = report.statement(claim.members[0]);
        writeln!(
            w.out,
            "  {:>number$}  {}  {}",
            c + 1,
            cells.join(" "),
            truncated(&printable(&first.text), room)
        )?;
    }
    Ok(())
}

fn conflicts(w: &mut Writer, report: &SourcesReport) -> io::Result<()> {
    let style = w.options.style;
    if report.conflicts.is_empty() {
        return Ok(());
    }
    w.rule(
        &format!("Conflicts ({})", report.conflicts.len()),
        Style::disagree,
    )?;
    for conflict in &report.conflicts {
        writeln!(w.out)?;
        let heading = format!(
            "{}  {} ↔ {}  {} against {}",
            style.disagree("✗"),
            claim_name(conflict.claims.left),
            claim_name(conflict.claims.right),
            names(report, &conflict.sides.left),
            names(report, &conflict.sides.right),
        );
        w.wrapped("", "  ", &heading)?;
        for &index in &conflict.links {
            let link = &report.links[index];
            let members = link.members();
            let line = format!(
                "{} ↔ {}  {}",
                report.label(members.left),
                report.label(members.right),
                style.dim(&link_note(link))
            );
            w.wrapped("  ", "    ", &line)?;
            statement(w, report, members.left)?;
            statement(w, report, members.right)?;
            for reason in &link.pair.reasons {
                let line = format!(
                    "{}: {} {}",
                    reason.kind.label(),
                    printable(&explanation(report, link, reason)),
                    evidence_note(report, link, reason, |e| style.evidence(&printable(e)))
                );
                w.wrapped("  • ", "    ", &line)?;
            }
        }
    }
    Ok(())
}

fn claims(w: &mut Writer, report: &SourcesReport) -> io::Result<()> {
    let style = w.options.style;
    let rows = report.rows();
    if rows.is_empty() {
        return Ok(());
    }
    w.rule(&format!("Claims ({})", rows.len()), Style::agree)?;
    for (c, claim) in rows.iter().enumerate() {
        writeln!(w.out)?;
        let mut heading = format!(
            "{}  stated by {}",
            style.heading(&claim_name(c)),
            names(report, &claim.stated_by())
        );
        if claim.is_contested() {
            heading.push_str(&style.disagree(&format!(
                "; contradicted by {}",
                names(report, &claim.contradicted_by())
            )));
        }
        w.wrapped("", "  ", &heading)?;
        for &member in &claim.members {
            statement(w, report, member)?;
        }
    }
    Ok(())
}

/// Writes the text report.
pub fn write(report: &SourcesReport, options: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer { out, options };
    header(&mut w, report)?;
    matrix(&mut w, report)?;
    conflicts(&mut w, report)?;
    claims(&mut w, report)?;
    for (source, ids) in report.only.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        let name = &report.sources[source].name;
        w.rule(&format!("Only in {name} ({})", ids.len()), Style::only)?;
        for &id in ids {
            statement(&mut w, report, Member { source, id })?;
        }
    }
    if options.show_boilerplate {
        for (source, r) in report.sources.iter().enumerate() {
            let furniture: Vec<_> = r
                .statements
                .iter()
                .filter(|s| s.boilerplate.is_some())
                .collect();
            if furniture.is_empty() {
                continue;
            }
            w.rule(
                &format!("Boilerplate in {} ({})", r.name, furniture.len()),
                Style::dim,
            )?;
            for st in furniture {
                let kind = st.boilerplate.map(|b| b.label()).unwrap_or_default();
                let tag = format!("{} ", report.label(Member { source, id: st.id }));
                let line = format!(
                    "{} {}",
                    printable(&st.text),
                    options.style.dim(&format!("({kind})"))
                );
                w.wrapped(&format!("  {tag:<8}"), INDENT, &line)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_the_room_left() {
        assert_eq!(truncated("short", 20), "short");
        assert_eq!(truncated("a much longer statement", 10), "a much lo…");
        assert_eq!(
            textwrap::core::display_width(&truncated("ééééééééééééé", 5)),
            5
        );
    }
}
