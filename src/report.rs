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
    /// Counts of the whole comparison, whatever [`Report::keep_only`] left out.
    pub summary: Summary,
    /// The findings the report lists when [`Report::keep_only`] chose some; `None` for all.
    pub shown: Option<Vec<Finding>>,
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

/// What a report lists about the claims of two sources: `--only` chooses among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// Pairs whose statements disagree.
    Disagree,
    /// Pairs whose statements agree.
    Agree,
    /// Claims found in only one source.
    OneSided,
}

impl Finding {
    /// The name a reader sees, as in the report's sections.
    pub fn label(self) -> &'static str {
        match self {
            Finding::Disagree => "disagreements",
            Finding::Agree => "agreements",
            Finding::OneSided => "claims found in one source only",
        }
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

    /// Leaves out of the report every finding but `findings`: the pairs of the other relations
    /// and, without [`Finding::OneSided`], the lists of one-sided claims. The statements and the
    /// [`Summary`] stay whole, so a renderer still counts the whole comparison; [`Report::shown`]
    /// says what was kept. One step for every format, done in place: a long report is not
    /// copied. Ask [`Report::has_disagreements_from`] before, for the whole comparison.
    pub fn keep_only(&mut self, findings: &[Finding]) {
        let mut shown = findings.to_vec();
        shown.sort();
        shown.dedup();
        let keeps = |relation: Relation| {
            shown.contains(&match relation {
                Relation::Disagree => Finding::Disagree,
                Relation::Agree => Finding::Agree,
            })
        };
        self.pairs.retain(|pair| keeps(pair.relation));
        if !shown.contains(&Finding::OneSided) {
            self.only = Pair::new(Vec::new(), Vec::new());
        }
        self.shown = Some(shown);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Config, Doc};

    /// A report with a disagreement, an agreement and a claim of each side found only there.
    fn report() -> Report {
        let left = Doc::from_text(
            "a.txt",
            "The council approved the budget on Tuesday.\n\n\
             The mayor thanked the residents of the city for their patience.\n\n\
             Astronomers discovered a comet near Jupiter last month.\n",
        );
        let right = Doc::from_text(
            "b.txt",
            "The council approved the budget on Wednesday.\n\n\
             The mayor thanked the residents of the city for their patience.\n\n\
             The harbour will close for repairs in the spring.\n",
        );
        // In context, the two one-sided claims would pair as the same stretch of the story.
        let config = Config {
            in_context: false,
            ..Config::default()
        };
        let report = compare(&left, &right, &config);
        assert!(report.summary.agree > 0 && report.summary.disagree > 0);
        assert!(report.summary.only.left > 0 && report.summary.only.right > 0);
        report
    }

    #[test]
    fn keep_only_leaves_out_the_other_findings_and_keeps_the_counts() {
        let mut disagreements = report();
        let summary = disagreements.summary;
        disagreements.keep_only(&[Finding::Disagree]);
        assert!(disagreements
            .pairs
            .iter()
            .all(|p| p.relation == Relation::Disagree));
        assert_eq!(disagreements.pairs.len(), summary.disagree);
        assert!(disagreements.only.left.is_empty() && disagreements.only.right.is_empty());
        assert_eq!(disagreements.summary, summary);
        assert_eq!(disagreements.shown, Some(vec![Finding::Disagree]));

        let mut one_sided = report();
        one_sided.keep_only(&[Finding::OneSided, Finding::Agree, Finding::OneSided]);
        assert!(one_sided
            .pairs
            .iter()
            .all(|p| p.relation == Relation::Agree));
        assert_eq!(one_sided.only.left.len(), summary.only.left);
        assert_eq!(
            one_sided.shown,
            Some(vec![Finding::Agree, Finding::OneSided])
        );
    }

    #[test]
    fn a_report_shows_everything_until_told_otherwise() {
        let whole = report();
        assert_eq!(whole.shown, None);
        let mut kept = report();
        kept.keep_only(&[Finding::Disagree, Finding::Agree, Finding::OneSided]);
        assert_eq!(kept.pairs.len(), whole.pairs.len());
        assert_eq!(kept.only, whole.only);
    }
}
