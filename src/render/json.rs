//! The JSON report: a versioned contract for scripts (see docs/json.md).
//!
//! Wire types live here, apart from the internal [`Report`], so that refactoring the pipeline
//! cannot silently change what scripts read.

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::DiffChunk;
use crate::model::{Evidence, Reason, ReasonKind, Relation, Span};
use crate::report::{Finding, Report, SideReport, StatementReport, Summary};

#[derive(Serialize)]
struct WireReport<'a> {
    version: u32,
    left: WireSide<'a>,
    right: WireSide<'a>,
    pairs: Vec<WirePair<'a>>,
    left_only: &'a [usize],
    right_only: &'a [usize],
    summary: WireSummary,
    /// Only with `--only`: the findings `pairs`, `left_only` and `right_only` were cut down to
    /// (`disagree`, `agree`, `one-sided`); `statements` and `summary` stay whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    shown: Option<&'a [Finding]>,
}

#[derive(Serialize)]
struct WireSide<'a> {
    path: &'a str,
    statements: Vec<WireStatement<'a>>,
}

#[derive(Serialize)]
pub(super) struct WireStatement<'a> {
    id: usize,
    start: usize,
    end: usize,
    line: usize,
    /// The statement's name in the human formats (`L11.2`): see [`crate::model::Label`].
    label: String,
    text: &'a str,
    boilerplate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    boilerplate_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<WireEvidence<'a>>,
}

#[derive(Serialize)]
struct WirePair<'a> {
    left: usize,
    right: usize,
    relation: Relation,
    similarity: f64,
    /// The linking model's confidence that the two statements speak of the same claim.
    confidence: f64,
    /// For a disagreement: `conflict` (the sources' own voice) or `dispute` (a reported one).
    #[serde(skip_serializing_if = "Option::is_none")]
    disagreement: Option<crate::report::Disagreement>,
    /// Present, and true, only for a pair aligned through its neighbours.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    in_context: bool,
    reasons: Vec<WireReason<'a>>,
    diff: &'a [DiffChunk],
    /// Only with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<&'a crate::judge::Trace>,
}

#[derive(Serialize)]
pub(super) struct WireReason<'a> {
    #[serde(rename = "type")]
    kind: ReasonKind,
    explanation: String,
    left: Vec<WireEvidence<'a>>,
    right: Vec<WireEvidence<'a>>,
}

#[derive(Serialize)]
pub(super) struct WireEvidence<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> WireEvidence<'a> {
    fn new(text: &'a str, span: Span) -> WireEvidence<'a> {
        WireEvidence {
            text,
            start: span.start,
            end: span.end,
        }
    }

    fn from(evidence: &'a Evidence) -> WireEvidence<'a> {
        WireEvidence::new(&evidence.text, evidence.span)
    }
}

#[derive(Serialize)]
struct WireSummary {
    left_statements: usize,
    right_statements: usize,
    left_boilerplate: usize,
    right_boilerplate: usize,
    agree: usize,
    disagree: usize,
    left_only: usize,
    right_only: usize,
}

impl From<Summary> for WireSummary {
    fn from(s: Summary) -> WireSummary {
        WireSummary {
            left_statements: s.statements.left,
            right_statements: s.statements.right,
            left_boilerplate: s.boilerplate.left,
            right_boilerplate: s.boilerplate.right,
            agree: s.agree,
            disagree: s.disagree,
            left_only: s.only.left,
            right_only: s.only.right,
        }
    }
}

fn wire_side(side: &SideReport) -> WireSide<'_> {
    WireSide {
        path: &side.path,
        statements: side
            .statements
            .iter()
            .map(|s| WireStatement::new(s, s.label.to_string()))
            .collect(),
    }
}

impl<'a> WireStatement<'a> {
    /// A statement on the wire, named `label`.
    pub(super) fn new(s: &'a StatementReport, label: String) -> WireStatement<'a> {
        WireStatement {
            id: s.id,
            start: s.span.start,
            end: s.span.end,
            line: s.line,
            label,
            text: &s.text,
            boilerplate: s.boilerplate.is_some(),
            boilerplate_kind: s.boilerplate.map(|b| b.label()),
            speaker: s
                .speaker
                .as_ref()
                .map(|sp| WireEvidence::new(&sp.text, sp.span)),
        }
    }
}

impl<'a> WireReason<'a> {
    /// A reason on the wire, with its `explanation` as the report words it.
    pub(super) fn new(r: &'a Reason, explanation: String) -> WireReason<'a> {
        WireReason {
            kind: r.kind,
            explanation,
            left: r.evidence.left.iter().map(WireEvidence::from).collect(),
            right: r.evidence.right.iter().map(WireEvidence::from).collect(),
        }
    }
}

/// Writes the report as one pretty-printed JSON object followed by a newline.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let wire = WireReport {
        version: report.version,
        left: wire_side(&report.sides.left),
        right: wire_side(&report.sides.right),
        pairs: report
            .pairs
            .iter()
            .map(|p| WirePair {
                left: p.ids.left,
                right: p.ids.right,
                relation: p.relation,
                similarity: (p.similarity * 1000.0).round() / 1000.0,
                confidence: (p.confidence * 1000.0).round() / 1000.0,
                disagreement: p.disagreement(),
                in_context: p.in_context,
                reasons: p
                    .reasons
                    .iter()
                    .map(|r| WireReason::new(r, r.to_string()))
                    .collect(),
                diff: &p.diff,
                trace: p.trace.as_ref(),
            })
            .collect(),
        left_only: &report.only.left,
        right_only: &report.only.right,
        summary: report.summary.into(),
        shown: report.shown.as_deref(),
    };
    serde_json::to_writer_pretty(&mut *out, &wire).map_err(io::Error::from)?;
    writeln!(out)
}
