//! Many sources at once: which sources state each claim, which contradict it, which leave it
//! out.
//!
//! ```text
//! pairwise  Doc x N -> Links        (every pair of sources through the two-source pipeline)
//! group     Links -> claims         (average linkage, a strict majority: no chaining)
//! coverage  claims + disagree Links -> SourcesReport (cells, conflicts, rows in order)
//! ```
//!
//! Every pair of sources is compared exactly as `crosscheck A B` compares them (each document is
//! analysed once and its analysis shared by its pairs), so what the report says of two sources,
//! its [`Link`]s between them, is what the two-source report says: grouping only adds structure.
//! The claims group the statements that agree across sources; a disagreement between two
//! statements becomes a [`Conflict`] between the claims they belong to, with the sources that
//! state each claim on its side.

use rayon::prelude::*;

use crate::model::{Pair, Relation, StatementId};
use crate::report::{PairReport, StatementReport};
use crate::{Analysis, Config, Doc};

pub mod group;

/// The version of the many-source report layout (see docs/json.md), bumped when a field changes
/// meaning or goes away.
pub const SOURCES_REPORT_VERSION: u32 = 1;

/// A source's place among the inputs, from 0.
pub type SourceId = usize;

/// A claim's place in [`SourcesReport::claims`], from 0.
pub type ClaimId = usize;

/// One statement of one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Member {
    pub source: SourceId,
    pub id: StatementId,
}

/// One input document as reported.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// The path as given on the command line (`-` for stdin).
    pub path: String,
    /// The source's name in every format: `A`, `B`, ... `Z`, `AA`, ...
    pub name: String,
    /// The statements as the two-source report has them; their labels are this source's
    /// ([`SourcesReport::label`]).
    pub statements: Vec<StatementReport>,
}

/// One statement pair of two sources, as the two-source comparison of those sources reports it:
/// `pair.ids.left` is a statement of `sources.left`, `pair.ids.right` of `sources.right`.
#[derive(Debug, Clone)]
pub struct Link {
    /// The two sources, the lower first: the order `crosscheck LOWER HIGHER` compares them in.
    pub sources: Pair<SourceId>,
    pub pair: PairReport,
}

impl Link {
    /// The two statements linked.
    pub fn members(&self) -> Pair<Member> {
        Pair::new(
            Member {
                source: self.sources.left,
                id: self.pair.ids.left,
            },
            Member {
                source: self.sources.right,
                id: self.pair.ids.right,
            },
        )
    }
}

/// What one source does with one claim: a cell of the coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// One of its statements is in the claim.
    States,
    /// One of its statements disagrees with a statement of the claim.
    Contradicts,
    /// Both: the source states the claim and, elsewhere, something that disagrees with it (a
    /// claim and a denial it reports).
    StatesAndContradicts,
    /// Neither.
    LeavesOut,
}

impl Cell {
    pub fn states(self) -> bool {
        matches!(self, Cell::States | Cell::StatesAndContradicts)
    }

    pub fn contradicts(self) -> bool {
        matches!(self, Cell::Contradicts | Cell::StatesAndContradicts)
    }

    /// What a reader sees: "states", "contradicts", "states and contradicts", "leaves out".
    pub fn label(self) -> &'static str {
        match self {
            Cell::States => "states",
            Cell::Contradicts => "contradicts",
            Cell::StatesAndContradicts => "states and contradicts",
            Cell::LeavesOut => "leaves out",
        }
    }
}

/// Statements of several sources that state the same claim (see [`group`]).
#[derive(Debug, Clone)]
pub struct Claim {
    /// In source order, then statement order.
    pub members: Vec<Member>,
    /// One cell per source.
    pub cells: Vec<Cell>,
}

impl Claim {
    /// The sources whose statements are in the claim.
    pub fn stated_by(&self) -> Vec<SourceId> {
        (0..self.cells.len())
            .filter(|&s| self.cells[s].states())
            .collect()
    }

    pub fn contradicted_by(&self) -> Vec<SourceId> {
        (0..self.cells.len())
            .filter(|&s| self.cells[s].contradicts())
            .collect()
    }

    pub fn is_contested(&self) -> bool {
        self.cells.iter().any(|c| c.contradicts())
    }
}

/// Two claims that statements of different sources disagree about.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// The two claims, the one listed first in the report first.
    pub claims: Pair<ClaimId>,
    /// The sources that state each claim: the two sides of the conflict.
    pub sides: Pair<Vec<SourceId>>,
    /// The disagreeing statement pairs (indices into [`SourcesReport::links`]), the surest first.
    pub links: Vec<usize>,
}

/// Counts for the header and scripts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourcesSummary {
    /// Statements per source, boilerplate included.
    pub statements: Vec<usize>,
    pub boilerplate: Vec<usize>,
    /// Claims in the matrix: carried by two or more sources, or contested.
    pub claims: usize,
    /// Claims every source states.
    pub in_every_source: usize,
    /// Claims some source contradicts.
    pub contested: usize,
    pub conflicts: usize,
    /// Statement pairs of the pairwise comparisons, by relation.
    pub agree: usize,
    pub disagree: usize,
    /// Claims only one source carries and none contradicts, per source.
    pub only: Vec<usize>,
}

/// The result of comparing many sources: the one thing the many-source renderers see.
#[derive(Debug, Clone)]
pub struct SourcesReport {
    pub version: u32,
    pub sources: Vec<SourceReport>,
    /// Every statement pair of every two sources, by source pair and then as the two-source
    /// report orders them.
    pub links: Vec<Link>,
    /// Every claim: first the matrix's rows (the first [`SourcesSummary::claims`]), contested
    /// claims first, then by how many sources state them; then the claims of one source only,
    /// by source and statement.
    pub claims: Vec<Claim>,
    /// Contested claims first, then by the surest disagreement.
    pub conflicts: Vec<Conflict>,
    /// Per source, its statements that are claims of their own, uncontested: in document order.
    pub only: Vec<Vec<StatementId>>,
    pub summary: SourcesSummary,
}

impl SourcesReport {
    pub fn statement(&self, member: Member) -> &StatementReport {
        &self.sources[member.source].statements[member.id]
    }

    /// A statement's name in every format: its source's name, its line and its place on the
    /// line (`B12.2`: the second statement that starts on line 12 of source B).
    pub fn label(&self, member: Member) -> String {
        let label = self.statement(member).label;
        format!(
            "{}{}.{}",
            self.sources[member.source].name, label.line, label.place
        )
    }

    /// The matrix's rows: claims two or more sources carry, or contested.
    pub fn rows(&self) -> &[Claim] {
        &self.claims[..self.summary.claims]
    }

    /// The claim each statement belongs to, by member.
    pub fn claim_of(&self) -> std::collections::HashMap<Member, ClaimId> {
        self.claims
            .iter()
            .enumerate()
            .flat_map(|(c, claim)| claim.members.iter().map(move |&m| (m, c)))
            .collect()
    }

    /// Whether two sources disagree with a confidence of at least `min_confidence`: what the
    /// exit status says, as in two-source mode.
    pub fn has_disagreements_from(&self, min_confidence: f64) -> bool {
        self.links
            .iter()
            .any(|l| l.pair.relation == Relation::Disagree && l.pair.confidence >= min_confidence)
    }

    /// The links between two sources, as the two-source report `crosscheck A B` pairs them.
    pub fn links_between(&self, sources: Pair<SourceId>) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.sources == sources)
    }
}

/// A source's name: `A` to `Z`, then `AA`, `AB`, ... as spreadsheet columns.
pub fn source_name(source: SourceId) -> String {
    let mut name = Vec::new();
    let mut n = source + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        name.push(b'A' + digit as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// What the comparison of two sources leaves: its pairs, and the statements of the sources whose
/// statements it keeps.
struct Compared {
    sources: Pair<SourceId>,
    pairs: Vec<PairReport>,
    kept: Vec<(SourceId, Vec<StatementReport>)>,
}

/// Compares every two of `docs` with the two-source pipeline and groups their statements into
/// claims. Word diffs and traces are left out (`config.word_diffs` and `config.explain` are not
/// read): the many-source report shows neither. With fewer than two documents nothing is
/// compared and every claim is its source's own.
pub fn compare_sources(docs: &[Doc], config: &Config) -> SourcesReport {
    let config = Config {
        word_diffs: false,
        explain: false,
        ..*config
    };
    let analyses: Vec<Analysis> = docs.par_iter().map(Analysis::new).collect();
    let source_pairs: Vec<Pair<SourceId>> = (0..docs.len())
        .flat_map(|a| (a + 1..docs.len()).map(move |b| Pair::new(a, b)))
        .collect();
    // Each comparison keeps its pairs; the statements of a source are kept from one comparison
    // only (source 0 from its comparison with source 1, every other source from its comparison
    // with source 0), so memory grows with the links, not with the comparisons.
    let compared: Vec<Compared> = source_pairs
        .par_iter()
        .map(|&sources| {
            let analysed = Pair::new(&analyses[sources.left], &analyses[sources.right]);
            let report = crate::compare_analyses(analysed, &config);
            let mut kept = Vec::new();
            let [left, right] = [report.sides.left, report.sides.right];
            if sources.left == 0 && sources.right == 1 {
                kept.push((0, left.statements));
            }
            if sources.left == 0 {
                kept.push((sources.right, right.statements));
            }
            Compared {
                sources,
                pairs: report.pairs,
                kept,
            }
        })
        .collect();
    drop(analyses);

    let mut statements: Vec<Vec<StatementReport>> = vec![Vec::new(); docs.len()];
    let mut links = Vec::new();
    for Compared {
        sources,
        pairs,
        kept,
    } in compared
    {
        for (source, kept) in kept {
            statements[source] = kept;
        }
        links.extend(pairs.into_iter().map(|pair| Link { sources, pair }));
    }
    if docs.len() == 1 {
        // Compared with nothing: its statements come from a comparison with itself.
        let analysis = Analysis::new(&docs[0]);
        let report = crate::compare_analyses(Pair::new(&analysis, &analysis), &config);
        statements[0] = report.sides.left.statements;
    }
    let sources: Vec<SourceReport> = docs
        .iter()
        .zip(statements)
        .enumerate()
        .map(|(source, (doc, statements))| SourceReport {
            path: doc.name.clone(),
            name: source_name(source),
            statements,
        })
        .collect();
    coverage(sources, links)
}

/// Groups the statements along the agreeing links, and builds the report: each claim's cells,
/// the conflicts between claims, the rows in order, the claims of one source.
fn coverage(sources: Vec<SourceReport>, links: Vec<Link>) -> SourcesReport {
    let claimable: Vec<Member> = sources
        .iter()
        .enumerate()
        .flat_map(|(source, s)| {
            s.statements
                .iter()
                .filter(|st| st.boilerplate.is_none())
                .map(move |st| Member { source, id: st.id })
        })
        .collect();
    let agreements: Vec<group::Agreement> = links
        .iter()
        .filter(|l| l.pair.relation == Relation::Agree)
        .map(|l| {
            let m = l.members();
            group::Agreement {
                members: (m.left, m.right),
                confidence: l.pair.confidence,
            }
        })
        .collect();
    let apart: Vec<(Member, Member)> = links
        .iter()
        .filter(|l| l.pair.relation == Relation::Disagree)
        .map(|l| {
            let m = l.members();
            (m.left, m.right)
        })
        .collect();
    let grouped = group::group(&claimable, &agreements, &apart);
    let claim_of: std::collections::HashMap<Member, usize> = grouped
        .iter()
        .enumerate()
        .flat_map(|(c, members)| members.iter().map(move |&m| (m, c)))
        .collect();

    let n = sources.len();
    let mut cells: Vec<Vec<Cell>> = grouped
        .iter()
        .map(|members| {
            let mut row = vec![Cell::LeavesOut; n];
            for m in members {
                row[m.source] = Cell::States;
            }
            row
        })
        .collect();
    let contradict = |cell: &mut Cell| {
        *cell = match *cell {
            Cell::States | Cell::StatesAndContradicts => Cell::StatesAndContradicts,
            Cell::Contradicts | Cell::LeavesOut => Cell::Contradicts,
        }
    };
    // Disagreeing links, by the two claims they set against each other.
    let mut between: std::collections::BTreeMap<(usize, usize), Vec<usize>> = Default::default();
    for (index, link) in links.iter().enumerate() {
        if link.pair.relation != Relation::Disagree {
            continue;
        }
        let m = link.members();
        let (Some(&x), Some(&y)) = (claim_of.get(&m.left), claim_of.get(&m.right)) else {
            continue;
        };
        contradict(&mut cells[x][m.right.source]);
        contradict(&mut cells[y][m.left.source]);
        between.entry((x.min(y), x.max(y))).or_default().push(index);
    }

    let claims: Vec<Claim> = grouped
        .into_iter()
        .zip(cells)
        .map(|(members, cells)| Claim { members, cells })
        .collect();
    let in_matrix = |c: &Claim| c.stated_by().len() >= 2 || c.is_contested();
    // Contested first, then by how many sources state the claim, then in source order.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&c| {
        let claim = &claims[c];
        (
            !in_matrix(claim),
            !claim.is_contested(),
            std::cmp::Reverse(claim.stated_by().len()),
            claim.members[0],
        )
    });
    let mut new_id = vec![0; claims.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let rows = claims.iter().filter(|c| in_matrix(c)).count();
    let mut only: Vec<Vec<StatementId>> = vec![Vec::new(); n];
    for claim in claims.iter().filter(|c| !in_matrix(c)) {
        for m in &claim.members {
            only[m.source].push(m.id);
        }
    }
    for ids in &mut only {
        ids.sort_unstable();
    }
    let mut claims_in_order: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    let claims: Vec<Claim> = order
        .iter()
        .map(|&old| claims_in_order[old].take().expect("each claim once"))
        .collect();

    let confidence = |index: &usize| links[*index].pair.confidence;
    let mut conflicts: Vec<Conflict> = between
        .into_iter()
        .map(|((x, y), mut indices)| {
            indices.sort_by(|a, b| confidence(b).total_cmp(&confidence(a)).then(a.cmp(b)));
            let (x, y) = (new_id[x].min(new_id[y]), new_id[x].max(new_id[y]));
            Conflict {
                claims: Pair::new(x, y),
                sides: Pair::new(claims[x].stated_by(), claims[y].stated_by()),
                links: indices,
            }
        })
        .collect();
    conflicts.sort_by(|a, b| {
        confidence(&b.links[0])
            .total_cmp(&confidence(&a.links[0]))
            .then((a.claims.left, a.claims.right).cmp(&(b.claims.left, b.claims.right)))
    });

    let count = |relation: Relation| links.iter().filter(|l| l.pair.relation == relation).count();
    let summary = SourcesSummary {
        statements: sources.iter().map(|s| s.statements.len()).collect(),
        boilerplate: sources
            .iter()
            .map(|s| {
                s.statements
                    .iter()
                    .filter(|st| st.boilerplate.is_some())
                    .count()
            })
            .collect(),
        claims: rows,
        in_every_source: claims[..rows]
            .iter()
            .filter(|c| c.stated_by().len() == n)
            .count(),
        contested: claims[..rows].iter().filter(|c| c.is_contested()).count(),
        conflicts: conflicts.len(),
        agree: count(Relation::Agree),
        disagree: count(Relation::Disagree),
        only: only.iter().map(Vec::len).collect(),
    };
    let report = SourcesReport {
        version: SOURCES_REPORT_VERSION,
        sources,
        links,
        claims,
        conflicts,
        only,
        summary,
    };
    debug_assert!(every_statement_has_one_fate(&report));
    report
}

/// Every statement is exactly one of: boilerplate, or a member of one claim.
pub fn every_statement_has_one_fate(report: &SourcesReport) -> bool {
    let mut fates: Vec<Vec<u8>> = report
        .sources
        .iter()
        .map(|s| {
            s.statements
                .iter()
                .map(|st| u8::from(st.boilerplate.is_some()))
                .collect()
        })
        .collect();
    for m in report.claims.iter().flat_map(|c| &c.members) {
        fates[m.source][m.id] += 1;
    }
    fates.iter().flatten().all(|&f| f == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_named_like_spreadsheet_columns() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(source_name)
            .collect();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    fn three() -> SourcesReport {
        let docs = [
            Doc::from_text(
                "a.txt",
                "The council approved the budget on Tuesday.\n\n\
                 The mayor thanked the residents of the city for their patience.\n",
            ),
            Doc::from_text(
                "b.txt",
                "The council approved the budget on Wednesday.\n\n\
                 The mayor thanked the residents of the city for their patience.\n\n\
                 Astronomers discovered a comet near Jupiter last month.\n",
            ),
            Doc::from_text(
                "c.txt",
                "The mayor thanked the residents of the city for their patience.\n",
            ),
        ];
        compare_sources(&docs, &Config::default())
    }

    #[test]
    fn a_claim_every_source_states_and_a_contested_one() {
        let report = three();
        assert!(every_statement_has_one_fate(&report));
        let rows = report.rows();
        assert_eq!(rows.len(), 3, "{rows:#?}");
        // Contested claims first: the budget on Tuesday against the budget on Wednesday.
        assert!(rows[0].is_contested() && rows[1].is_contested());
        assert_eq!(report.conflicts.len(), 1);
        let conflict = &report.conflicts[0];
        assert_eq!(conflict.sides, Pair::new(vec![0], vec![1]));
        assert_eq!(
            rows[conflict.claims.left].cells,
            [Cell::States, Cell::Contradicts, Cell::LeavesOut]
        );
        assert_eq!(rows[2].cells, [Cell::States; 3]);
        assert_eq!(report.summary.in_every_source, 1);
        assert_eq!(report.only, [vec![], vec![2], vec![]]);
        assert!(report.has_disagreements_from(0.0));
    }

    #[test]
    fn the_links_of_two_sources_are_their_two_source_pairs() {
        let report = three();
        let docs: Vec<Doc> = report
            .sources
            .iter()
            .map(|s| {
                let text: String = s
                    .statements
                    .iter()
                    .map(|st| format!("{}\n\n", st.text))
                    .collect();
                Doc::from_text(s.path.clone(), text)
            })
            .collect();
        let again = compare_sources(&docs, &Config::default());
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            let two = crate::compare(&docs[a], &docs[b], &Config::default());
            let expected: Vec<_> = two.pairs.iter().map(|p| (p.ids, p.relation)).collect();
            let found: Vec<_> = again
                .links_between(Pair::new(a, b))
                .map(|l| (l.pair.ids, l.pair.relation))
                .collect();
            assert_eq!(found, expected, "{a} {b}");
        }
    }

    #[test]
    fn fewer_than_two_sources_compare_nothing() {
        let one = compare_sources(
            &[Doc::from_text("a.txt", "The council met. It voted.\n")],
            &Config::default(),
        );
        assert!(one.links.is_empty() && one.conflicts.is_empty());
        assert_eq!(one.only, [vec![0, 1]]);
        let none = compare_sources(&[], &Config::default());
        assert!(none.sources.is_empty() && none.claims.is_empty());
    }
}
