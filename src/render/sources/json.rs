//! The JSON report of three or more sources: an extension of the two-source contract (see
//! docs/json.md). Statements are written as in the two-source report; the claims, conflicts and
//! per-source lists are added, and `links` holds every statement pair of every two sources as
//! their two-source report pairs them.

use std::io::{self, Write};

use serde::Serialize;

use super::super::json::{WireReason, WireStatement};
use crate::model::Relation;
use crate::report::Disagreement;
use crate::sources::{Cell, Member, SourcesReport};

#[derive(Serialize)]
struct WireReport<'a> {
    version: u32,
    sources: Vec<WireSource<'a>>,
    claims: Vec<WireClaim>,
    conflicts: Vec<WireConflict<'a>>,
    links: Vec<WireLink<'a>>,
    only: &'a [Vec<usize>],
    summary: WireSummary<'a>,
}

#[derive(Serialize)]
struct WireSource<'a> {
    name: &'a str,
    path: &'a str,
    statements: Vec<WireStatement<'a>>,
}

#[derive(Serialize)]
struct WireMember {
    source: usize,
    id: usize,
    label: String,
}

#[derive(Serialize)]
struct WireClaim {
    id: usize,
    members: Vec<WireMember>,
    /// One per source: `states`, `contradicts`, `states_and_contradicts`, `leaves_out`.
    cells: Vec<Cell>,
    /// Whether the claim is a row of the matrix (two or more sources state it, or one
    /// contradicts it); the others are in `only`.
    in_matrix: bool,
}

#[derive(Serialize)]
struct WireConflict<'a> {
    claims: [usize; 2],
    /// The sources that state each claim.
    sides: [&'a [usize]; 2],
    disagreements: Vec<WireDisagreement<'a>>,
}

#[derive(Serialize)]
struct WireDisagreement<'a> {
    /// Index into `links`.
    link: usize,
    left: WireMember,
    right: WireMember,
    confidence: f64,
    disagreement: Option<Disagreement>,
    reasons: Vec<WireReason<'a>>,
}

#[derive(Serialize)]
struct WireLink<'a> {
    sources: [usize; 2],
    left: usize,
    right: usize,
    relation: Relation,
    similarity: f64,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    disagreement: Option<Disagreement>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    in_context: bool,
    reasons: Vec<WireReason<'a>>,
}

#[derive(Serialize)]
struct WireSummary<'a> {
    sources: usize,
    statements: &'a [usize],
    boilerplate: &'a [usize],
    claims: usize,
    in_every_source: usize,
    contested: usize,
    conflicts: usize,
    agree: usize,
    disagree: usize,
    only: &'a [usize],
}

fn rounded(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Writes the report as one pretty-printed JSON object followed by a newline.
pub fn write(report: &SourcesReport, out: &mut dyn Write) -> io::Result<()> {
    let member = |m: Member| WireMember {
        source: m.source,
        id: m.id,
        label: report.label(m),
    };
    let reasons = |index: usize| -> Vec<WireReason> {
        let link = &report.links[index];
        link.pair
            .reasons
            .iter()
            .map(|r| WireReason::new(r, super::explanation(report, link, r)))
            .collect()
    };
    let rows = report.summary.claims;
    let wire = WireReport {
        version: report.version,
        sources: report
            .sources
            .iter()
            .enumerate()
            .map(|(source, s)| WireSource {
                name: &s.name,
                path: &s.path,
                statements: s
                    .statements
                    .iter()
                    .map(|st| WireStatement::new(st, report.label(Member { source, id: st.id })))
                    .collect(),
            })
            .collect(),
        claims: report
            .claims
            .iter()
            .enumerate()
            .map(|(id, claim)| WireClaim {
                id,
                members: claim.members.iter().map(|&m| member(m)).collect(),
                cells: claim.cells.clone(),
                in_matrix: id < rows,
            })
            .collect(),
        conflicts: report
            .conflicts
            .iter()
            .map(|c| WireConflict {
                claims: [c.claims.left, c.claims.right],
                sides: [&c.sides.left, &c.sides.right],
                disagreements: c
                    .links
                    .iter()
                    .map(|&index| {
                        let link = &report.links[index];
                        let members = link.members();
                        WireDisagreement {
                            link: index,
                            left: member(members.left),
                            right: member(members.right),
                            confidence: rounded(link.pair.confidence),
                            disagreement: link.pair.disagreement(),
                            reasons: reasons(index),
                        }
                    })
                    .collect(),
            })
            .collect(),
        links: report
            .links
            .iter()
            .enumerate()
            .map(|(index, l)| WireLink {
                sources: [l.sources.left, l.sources.right],
                left: l.pair.ids.left,
                right: l.pair.ids.right,
                relation: l.pair.relation,
                similarity: rounded(l.pair.similarity),
                confidence: rounded(l.pair.confidence),
                disagreement: l.pair.disagreement(),
                in_context: l.pair.in_context,
                reasons: reasons(index),
            })
            .collect(),
        only: &report.only,
        summary: WireSummary {
            sources: report.sources.len(),
            statements: &report.summary.statements,
            boilerplate: &report.summary.boilerplate,
            claims: report.summary.claims,
            in_every_source: report.summary.in_every_source,
            contested: report.summary.contested,
            conflicts: report.summary.conflicts,
            agree: report.summary.agree,
            disagree: report.summary.disagree,
            only: &report.summary.only,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &wire).map_err(io::Error::from)?;
    writeln!(out)
}
