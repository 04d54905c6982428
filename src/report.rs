//! The result of a comparison: the one thing renderers see.

use crate::diff::DiffChunk;
use crate::model::{
    Boilerplate, Evidence, Label, Pair, Reason, ReasonKind, Relation, Side, Span, StatementId,
};

/// The version of the report layout, bumped when a field changes meaning or goes away.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone)]
pub struct Report {
    pub version: u32,
    pub sides: Pair<SideReport>,
    /// Aligned pairs sorted by left id, then right id.
    pub pairs: Vec<PairReport>,
    /// Claims (not boilerplate) of each side that no pair touches.
    pub only: Pair<Vec<StatementId>>,
    pub summary: Summary,
}

/// One input document as reported.
#[derive(Debug, Clone)]
pub struct SideReport {
    /// The path as given on the command line (`-` for stdin).
    pub path: String,
    pub statements: Vec<StatementReport>,
}

#[derive(Debug, Clone)]
pub struct StatementReport {
    pub id: StatementId,
    /// Byte span in the file as read from disk.
    pub span: Span,
    /// 1-based line number.
    pub line: usize,
    /// The statement's name in every format (`L11.2`), worked out once here so that they agree.
    pub label: Label,
    pub text: String,
    pub boilerplate: Option<Boilerplate>,
    /// Who the statement says is speaking ("police said"), with its span.
    pub speaker: Option<Evidence>,
}

#[derive(Debug, Clone)]
pub struct PairReport {
    pub ids: Pair<StatementId>,
    pub relation: Relation,
    pub similarity: f64,
    /// How sure the linking model is that the two statements speak of the same claim, 0..1.
    pub confidence: f64,
    /// Aligned because the statements before or after both are aligned, not on its own words
    /// ([`crate::align::AlignOptions::in_context`]).
    pub in_context: bool,
    /// Why the pair disagrees; empty for agreements.
    pub reasons: Vec<Reason>,
    /// Word diff from the left statement to the right one.
    pub diff: Vec<DiffChunk>,
    /// What the judge did with the pair, when asked (`--explain`).
    pub trace: Option<crate::judge::Trace>,
}

/// Counts for the report header and scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    /// Statements per side, boilerplate included.
    pub statements: Pair<usize>,
    pub boilerplate: Pair<usize>,
    pub agree: usize,
    pub disagree: usize,
    /// Claims found in only one source.
    pub only: Pair<usize>,
}

impl PairReport {
    /// Which kind of disagreement the pair is, for a disagreeing pair: a reported dispute when a
    /// reason says one source reports a denial of what the other reports, rests on a denying
    /// verb ("North Korea is denying it was behind the attack"), or finds that the two accounts
    /// come from different speakers; a conflict in the sources' own voice otherwise.
    pub fn disagreement(&self) -> Option<Disagreement> {
        if self.relation != Relation::Disagree {
            return None;
        }
        let denial_verb = |r: &Reason| {
            r.kind == ReasonKind::Negation
                && r.evidence.left.iter().chain(&r.evidence.right).any(|e| {
                    crate::lexicon::DENYING_VERBS.contains(&e.text.to_lowercase().as_str())
                })
        };
        let reported = self.reasons.iter().any(|r| {
            matches!(r.kind, ReasonKind::Dispute | ReasonKind::Attribution) || denial_verb(r)
        });
        Some(if reported {
            Disagreement::Dispute
        } else {
            Disagreement::Conflict
        })
    }
}

/// The two kinds of disagreement a reader weighs differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Disagreement {
    /// The sources say different things in their own voice: another date, count, place or
    /// person, one says it happened and the other that it did not.
    Conflict,
    /// The sources report a dispute: one party's claim against another's denial.
    Dispute,
}

impl Disagreement {
    pub fn label(self) -> &'static str {
        match self {
            Disagreement::Conflict => "conflict",
            Disagreement::Dispute => "reported dispute",
        }
    }
}

impl Report {
    pub fn side(&self, side: Side) -> &SideReport {
        self.sides.get(side)
    }

    pub fn statement(&self, side: Side, id: StatementId) -> &StatementReport {
        &self.sides.get(side).statements[id]
    }

    pub fn has_disagreements(&self) -> bool {
        self.summary.disagree > 0
    }

    /// Whether a disagreement's confidence reaches `min_confidence`: what the exit status says.
    pub fn has_disagreements_from(&self, min_confidence: f64) -> bool {
        self.pairs
            .iter()
            .any(|p| p.relation == Relation::Disagree && p.confidence >= min_confidence)
    }

    /// One side's statements left out as page furniture.
    pub fn boilerplate(&self, side: Side) -> Vec<&StatementReport> {
        self.side(side)
            .statements
            .iter()
            .filter(|s| s.boilerplate.is_some())
            .collect()
    }

    /// The pairs of one relation in reading order: disagreements by confidence, the surest
    /// first (ties in statement order); agreements in statement order.
    pub fn pairs_of(&self, relation: Relation) -> Vec<&PairReport> {
        let mut pairs: Vec<&PairReport> = self
            .pairs
            .iter()
            .filter(|p| p.relation == relation)
            .collect();
        if relation == Relation::Disagree {
            pairs.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        }
        pairs
    }

    /// The pairs as reports list them: the disagreements first, then the agreements, each
    /// section with its title; empty sections are left out.
    pub fn sections(&self) -> Vec<(Relation, &'static str, Vec<&PairReport>)> {
        [
            (Relation::Disagree, "Disagreements"),
            (Relation::Agree, "Agreements"),
        ]
        .into_iter()
        .map(|(relation, title)| (relation, title, self.pairs_of(relation)))
        .filter(|(_, _, pairs)| !pairs.is_empty())
        .collect()
    }
}
