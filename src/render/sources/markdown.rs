//! The Markdown report of three or more sources: a table of the sources, the coverage matrix as
//! a table (a row per claim, a column per source), the conflicts with their reasons, the claims
//! with their statements, and what only one source says. Article text goes through the
//! two-source report's [`escape`], so it cannot add markup where the report is pasted.

use std::io::{self, Write};

use super::{claim_name, evidence_note, explanation, link_note, mark, names};
use crate::render::markdown::escape;
use crate::render::plural;
use crate::sources::{Member, SourcesReport};

/// `**B12.1** text of the statement`, on one line.
fn statement(report: &SourcesReport, member: Member) -> String {
    format!(
        "**{}** {}",
        report.label(member),
        escape(&report.statement(member).text)
    )
}

/// Writes the Markdown report; `show_boilerplate` adds the page furniture of each source.
pub fn write(
    report: &SourcesReport,
    show_boilerplate: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &report.summary;
    let title = if s.conflicts > 0 {
        format!(
            "{} disagree ({})",
            plural(report.sources.len(), "source", "sources"),
            plural(s.conflicts, "conflict", "conflicts")
        )
    } else {
        format!(
            "{} do not disagree",
            plural(report.sources.len(), "source", "sources")
        )
    };
    writeln!(out, "# crosscheck: {title}")?;
    writeln!(out)?;
    writeln!(
        out,
        "| source | file | statements | left out as boilerplate | claims found only here |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- |")?;
    for (source, r) in report.sources.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.name,
            escape(&r.path),
            s.statements[source],
            s.boilerplate[source],
            s.only[source]
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "**{}** in two sources or more, {} in every source, **{} contested**. {}.",
        plural(s.claims, "claim", "claims"),
        s.in_every_source,
        s.contested,
        super::LABEL_LEGEND
    )?;

    writeln!(out)?;
    writeln!(out, "## Coverage ({})", plural(s.claims, "claim", "claims"))?;
    writeln!(out)?;
    if report.rows().is_empty() {
        writeln!(out, "No claim is in two sources or more.")?;
    } else {
        writeln!(out, "{}", super::MARK_LEGEND)?;
        writeln!(out)?;
        let names_row: Vec<&str> = report.sources.iter().map(|r| r.name.as_str()).collect();
        writeln!(
            out,
            "| claim | {} | first statement |",
            names_row.join(" | ")
        )?;
        writeln!(
            out,
            "| ---: | {} | --- |",
            vec![":-:"; report.sources.len()].join(" | ")
        )?;
        for (c, claim) in report.rows().iter().enumerate() {
            let cells: Vec<&str> = claim.cells.iter().map(|&cell| mark(cell)).collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                c + 1,
                cells.join(" | "),
                statement(report, claim.members[0])
            )?;
        }
    }

    if !report.conflicts.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Conflicts ({})", report.conflicts.len())?;
        for conflict in &report.conflicts {
            writeln!(out)?;
            writeln!(
                out,
                "### ✗ {} ↔ {}: {} against {}",
                capitalized(&claim_name(conflict.claims.left)),
                claim_name(conflict.claims.right),
                names(report, &conflict.sides.left),
                names(report, &conflict.sides.right)
            )?;
            for &index in &conflict.links {
                let link = &report.links[index];
                let members = link.members();
                writeln!(out)?;
                writeln!(
                    out,
                    "**{} ↔ {}** _{}_",
                    report.label(members.left),
                    report.label(members.right),
                    link_note(link)
                )?;
                writeln!(out)?;
                writeln!(out, "- {}", statement(report, members.left))?;
                writeln!(out, "- {}", statement(report, members.right))?;
                for reason in &link.pair.reasons {
                    writeln!(
                        out,
                        "- _{}_: {} {}",
                        reason.kind.label(),
                        escape(&explanation(report, link, reason)),
                        evidence_note(report, link, reason, |e| format!("«{}»", escape(e)))
                    )?;
                }
            }
        }
    }

    if !report.rows().is_empty() {
        writeln!(out)?;
        writeln!(out, "## Claims ({})", s.claims)?;
        for (c, claim) in report.rows().iter().enumerate() {
            writeln!(out)?;
            let mut heading = format!(
                "### {}: stated by {}",
                capitalized(&claim_name(c)),
                names(report, &claim.stated_by())
            );
            if claim.is_contested() {
                heading.push_str(&format!(
                    ", contradicted by {}",
                    names(report, &claim.contradicted_by())
                ));
            }
            writeln!(out, "{heading}")?;
            writeln!(out)?;
            for &member in &claim.members {
                writeln!(out, "- {}", statement(report, member))?;
            }
        }
    }

    for (source, ids) in report.only.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(
            out,
            "## Only in {} ({})",
            report.sources[source].name,
            ids.len()
        )?;
        writeln!(out)?;
        for &id in ids {
            writeln!(out, "- {}", statement(report, Member { source, id }))?;
        }
    }

    if show_boilerplate {
        for (source, r) in report.sources.iter().enumerate() {
            let furniture: Vec<_> = r
                .statements
                .iter()
                .filter(|st| st.boilerplate.is_some())
                .collect();
            if furniture.is_empty() {
                continue;
            }
            writeln!(out)?;
            writeln!(out, "## Boilerplate in {} ({})", r.name, furniture.len())?;
            writeln!(out)?;
            for st in furniture {
                let kind = st.boilerplate.map(|b| b.label()).unwrap_or_default();
                let member = Member { source, id: st.id };
                writeln!(out, "- {} _({kind})_", statement(report, member))?;
            }
        }
    }
    Ok(())
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
