//! # crosscheck
//!
//! Compares two articles about the same story and says which statements **agree**, which
//! **disagree** (and why), and which claims are found in **only one source**.
//!
//! The work is a pipeline of small stages, each a module that takes the previous stage's types:
//!
//! ```text
//! load      bytes -> Doc                   (UTF-8 check, BOM; spans stay file offsets)
//! segment   Doc -> Statement spans         (sentences, headlines, bullets; boilerplate marked)
//! normalize Statement -> Tokens            (stems, aliases, synonyms, numbers, dates)
//! similarity Tokens -> Profile, score      (weighted soft overlap)
//! align     scores -> Links                (many-to-many, any order)
//! judge     Link -> Judgment               (agree / disagree with typed reasons and evidence)
//! diff      Link -> word diff
//! report    everything -> Report           (the only thing renderers see)
//! ```
//!
//! ```
//! use crosscheck::{compare, Config, Doc, Relation};
//!
//! let left = Doc::from_text("a.txt", "The council approved the budget on Tuesday.");
//! let right = Doc::from_text("b.txt", "On Wednesday, the council approved the budget.");
//! let report = compare(&left, &right, &Config::default());
//! assert_eq!(report.pairs.len(), 1);
//! assert_eq!(report.pairs[0].relation, Relation::Disagree);
//! ```

pub mod align;
pub mod attribution;
pub mod cli;
pub mod diff;
pub mod error;
pub mod intern;
pub mod judge;
pub mod lexicon;
pub mod linking;
pub mod load;
pub mod logistic;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pairs;
pub mod progress;
pub mod render;
pub mod report;
pub mod segment;
pub mod similarity;
pub mod sources;
pub mod stdio;
pub mod thesaurus;

pub use error::{Error, Result};
pub use load::Doc;
pub use model::{Evidence, Pair, Reason, ReasonKind, Relation, Side, Span, StatementId};
pub use report::{
    Finding, PairReport, Report, SideReport, StatementReport, Summary, REPORT_VERSION,
};

use align::{align_keeping_sole_matches, AlignOptions, SolePair};
use judge::{judge_with_speakers, Claim};
use normalize::Token;
use rayon::prelude::*;
use segment::Statement;
use similarity::{Profile, Weights};

/// How to compare. Built once by the caller (the CLI resolves flags into it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// Minimal similarity (0..1) for two statements to be a candidate pair. Default 0.10: the
    /// linking model ([`linking`]) decides which candidates are linked; no required pair of the
    /// real-news gold scores below it. The hand rules (pair mode) use 0.25
    /// ([`pairs::PAIR_THRESHOLD`]).
    pub threshold: f64,
    /// The confidence from which a disagreement counts: [`Report::has_disagreements_from`] and the
    /// exit status. Default 0.5: the linking model then finds it more likely than not that the
    /// two statements speak of the same claim.
    pub min_confidence: f64,
    /// An aligned pair must reach this fraction of the best similarity of one of its statements.
    /// Default 0.75: keeps a second, nearly as good partner (many-to-many) and drops weak
    /// look-alikes.
    pub near_best: f64,
    /// Distinct terms each statement of a pair must firmly share with the other, at most half
    /// of the shorter statement's terms. Default 3: one or two shared words are a topic ("North
    /// Korea", "Sony hack"), three begin a shared claim. Raising it from 1 to 3 lifted pair
    /// precision on the fixtures from 0.58 to 0.68 at a cost of 0.05 recall.
    pub anchors: usize,
    /// How far above the background a pair's similarity must be: the mean similarity of each of
    /// its statements to the other statements of the other side. Default 0.22, measured on the
    /// own fixtures (overall 0.720 at 0.20, 0.733 at 0.22, 0.715 at 0.24, 0.702 at 0.26); without
    /// this rule pair precision was 0.68 instead of 0.86.
    pub above_background: f64,
    /// The background margin for a pair whose statements are each other's best match. Default
    /// 0.10, measured on the own fixtures (overall 0.732 at 0.22, the general margin; 0.743 at
    /// 0.15; 0.758 at 0.10 and at 0.05): paraphrases in a topical story resemble the background a lot.
    pub mutual_above_background: f64,
    /// How alignment decides which scored pairs to link: the fitted model of [`linking`] for
    /// articles (the default), the hand rules for pair mode's single sentences.
    pub decision: align::Decision,
    /// How alignment finds the statement pairs worth scoring: an inverted index over both
    /// sides, with its cut-offs at every size (see [`align::Candidates`]).
    pub candidates: align::Candidates,
    /// Whether each pair carries its word-level diff. Pair mode prints none and skips them.
    pub word_diffs: bool,
    /// How the word diff tells words apart. Default [`diff::WordMatch::Loose`]: words that
    /// differ only in quote style, dashes or punctuation are the same (`--exact-diff` makes
    /// every character count).
    pub word_match: diff::WordMatch,
    /// Whether a weak pair between aligned neighbours is aligned too (see
    /// [`align::AlignOptions::in_context`]), and a statement denying the one before it is paired
    /// with that statement's partners (see [`judge::denies_the_statement_before`]), and a similar
    /// pair near the two leads counts for more (`similarity_near_the_lead` in
    /// [`linking::FEATURES`]). Default on; off, the alignment does not depend on the order of
    /// the statements at all.
    pub in_context: bool,
    /// Keep a trace of what the judge did with each pair ([`judge::explain`]): `--explain`.
    pub explain: bool,
}

impl Config {
    /// The settings alignment takes.
    pub fn align_options(&self) -> AlignOptions {
        AlignOptions {
            threshold: self.threshold,
            near_best: self.near_best,
            anchors: self.anchors,
            above_background: self.above_background,
            mutual_above_background: self.mutual_above_background,
            decision: self.decision,
            in_context: self.in_context,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            threshold: 0.10,
            min_confidence: 0.5,
            near_best: 0.75,
            anchors: 3,
            above_background: 0.22,
            mutual_above_background: 0.10,
            decision: align::Decision::Fitted,
            candidates: align::Candidates::Indexed,
            word_diffs: true,
            word_match: diff::WordMatch::Loose,
            in_context: true,
            explain: false,
        }
    }
}

/// A document cut into statements and analysed: the state shared by all later stages.
struct Analysed<'a> {
    doc: &'a Doc,
    statements: Vec<Statement>,
    tokens: Vec<Vec<Token>>,
    /// `None` for boilerplate, which takes no part in alignment.
    profiles: Vec<Option<Profile>>,
    /// Whether each statement's profile weighs an attribution ("police said") less.
    attributed: Vec<bool>,
    /// Who each statement says is speaking ([`attribution::speaker`]), boilerplate included:
    /// found once with the attribution's span, read by judging and the report.
    speakers: Vec<Option<attribution::Speaker>>,
    /// The profile of the document's claims taken whole, kept from `profiles` when the document
    /// is a single claim (see [`compare_with_tokens_using`]).
    whole_profile: Option<Profile>,
}

/// Whether work over this many items (statements, links) is worth handing out to other threads.
/// One item is done where it is: pair mode compares texts of a sentence each, a batch of pairs
/// at once on every core, and handing a sentence's work to another thread cost more than the
/// work itself.
fn worth_sharing(items: usize) -> bool {
    items > 1
}

/// Two texts this short together (a sentence or a few a side, as pair mode's) are analysed one
/// after the other rather than on two threads, for the same reason (see [`worth_sharing`]).
const ANALYSED_IN_TURN_BYTES: usize = 4096;

impl<'a> Analysed<'a> {
    fn new(doc: &'a Doc, progress: &dyn progress::Progress) -> Analysed<'a> {
        let statements = segment::segment(doc);
        let tokenize = |s: &Statement| {
            progress.advance(s.span.len() as u64);
            normalize::tokenize(doc.slice(s.span), s.span.start)
        };
        let tokens: Vec<Vec<Token>> = if worth_sharing(statements.len()) {
            statements.par_iter().map(tokenize).collect()
        } else {
            statements.iter().map(tokenize).collect()
        };
        // The bytes between statements count as read too.
        let in_statements: usize = statements.iter().map(|s| s.span.len()).sum();
        progress.advance(doc.text.len().saturating_sub(in_statements) as u64);
        let analyse = |(s, t): (&Statement, &Vec<Token>)| {
            let (speaker, span) = attribution::find(&doc.text, t).unzip();
            let profile = match s.boilerplate {
                Some(_) => None,
                None => Some(Profile::new(&doc.text, t, span)),
            };
            (profile, speaker)
        };
        let analysed: Vec<(Option<Profile>, Option<attribution::Speaker>)> =
            if worth_sharing(statements.len()) {
                statements.par_iter().zip(&tokens).map(analyse).collect()
            } else {
                statements.iter().zip(&tokens).map(analyse).collect()
            };
        let attributed = statements
            .iter()
            .zip(&analysed)
            .map(|(s, (_, speaker))| s.boilerplate.is_none() && speaker.is_some())
            .collect();
        // Sized at once, not grown by `unzip`: every text of pair mode is analysed here.
        let mut profiles = Vec::with_capacity(analysed.len());
        let mut speakers = Vec::with_capacity(analysed.len());
        for (profile, speaker) in analysed {
            profiles.push(profile);
            speakers.push(speaker);
        }
        Analysed {
            doc,
            statements,
            tokens,
            profiles,
            attributed,
            speakers,
            whole_profile: None,
        }
    }

    /// The analysis of `doc`, a document of the same text (and body start) as the one analysed:
    /// a copy, not worked out again. Both texts of a pair are often the same (a claim quoted
    /// whole).
    fn copied_for<'b>(&self, doc: &'b Doc) -> Analysed<'b> {
        debug_assert!(doc.text == self.doc.text && doc.body_start == self.doc.body_start);
        Analysed {
            doc,
            statements: self.statements.clone(),
            tokens: self.tokens.clone(),
            profiles: self.profiles.clone(),
            attributed: self.attributed.clone(),
            speakers: self.speakers.clone(),
            whole_profile: self.whole_profile.clone(),
        }
    }

    /// The profile of the only statement, when it is a claim: with its attribution weighed like
    /// the rest, it is also the profile of the document's claims taken whole.
    fn take_sole_claim_profile(&mut self) -> Option<Profile> {
        match (self.profiles.as_mut_slice(), self.attributed.as_slice()) {
            ([profile @ Some(_)], [false]) => profile.take(),
            ([profile @ Some(_)], [true]) => profile.take().map(Profile::without_attribution),
            _ => None,
        }
    }

    fn claim(&self, id: StatementId) -> Claim<'_> {
        Claim {
            text: &self.doc.text,
            tokens: &self.tokens[id],
        }
    }
}

/// Compares two documents. The report's spans are byte offsets into the files as read: they
/// differ from offsets into [`Doc::text`] only where `--lossy` decoding replaced invalid bytes.
pub fn compare(left: &Doc, right: &Doc, config: &Config) -> Report {
    let report = compare_analysed(
        Pair::new(left, right),
        Pair::new(None, None),
        config,
        &progress::Silent,
    )
    .0;
    with_file_offsets(report, Pair::new(left, right))
}

/// [`compare`], telling `progress` how far it has got: for long documents, which take seconds.
pub fn compare_with_progress(
    left: &Doc,
    right: &Doc,
    config: &Config,
    progress: &dyn progress::Progress,
) -> Report {
    let report = compare_analysed(
        Pair::new(left, right),
        Pair::new(None, None),
        config,
        progress,
    )
    .0;
    progress.finish();
    with_file_offsets(report, Pair::new(left, right))
}

/// [`compare`] of two documents analysed already: the many-source comparison ([`sources`])
/// analyses each document once and compares it with every other.
pub(crate) fn compare_analyses(analyses: Pair<&Analysis>, config: &Config) -> Report {
    let docs = Pair::new(analyses.left.doc(), analyses.right.doc());
    let report = compare_analysed(docs, analyses.map(Some), config, &progress::Silent).0;
    with_file_offsets(report, docs)
}

/// Turns the report's spans, which index each document's text, into offsets into the files:
/// they differ only where `--lossy` replaced invalid bytes.
fn with_file_offsets(mut report: Report, docs: Pair<&Doc>) -> Report {
    for (side, doc) in [
        (&mut report.sides.left, docs.left),
        (&mut report.sides.right, docs.right),
    ] {
        for statement in &mut side.statements {
            statement.span = doc.file_span(statement.span);
            if let Some(speaker) = &mut statement.speaker {
                speaker.span = doc.file_span(speaker.span);
            }
        }
    }
    for reason in report.pairs.iter_mut().flat_map(|p| &mut p.reasons) {
        for (evidence, doc) in [
            (&mut reason.evidence.left, docs.left),
            (&mut reason.evidence.right, docs.right),
        ] {
            for word in evidence {
                word.span = doc.file_span(word.span);
            }
        }
    }
    report
}

/// The claims of one side of a comparison taken whole: for callers that score documents whole
/// (pair mode).
pub struct Claims {
    /// The tokens of the side's claims (boilerplate left out), in document order.
    pub tokens: Vec<Token>,
    /// `Profile::new(text, &tokens, None)`, when the comparison had made it already: the side
    /// is one claim (most texts of a sentence pair are).
    pub profile: Option<Profile>,
}

/// What the alignment worked out for two documents of one claim each, for a caller that
/// compares them whole (pair mode): the documents taken whole are then those claims.
pub struct SoleClaims {
    /// The weights of the two claims' words.
    pub weights: Weights,
    /// The matches of the left claim's words with the right claim's, weighed by the claims'
    /// profiles (their attributions weigh less).
    pub matches: similarity::Matches,
    /// The similarity of the two claims, from `matches`.
    pub similarity: f64,
    /// Whether either claim has an attribution, which the alignment weighed less: the documents
    /// taken whole weigh it fully, so `matches` must be reweighed and `similarity` worked out
    /// anew. Without one, they hold for the documents whole as they are.
    pub attribution_weighed: bool,
}

/// A document analysed for comparison, kept to be compared with several others: pair mode
/// analyses once a text that several pairs of its batch share (a claim checked against many
/// headlines, a sentence of several SICK pairs).
pub struct Analysis<'a>(Analysed<'a>);

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Doc) -> Analysis<'a> {
        Analysis(Analysed::new(doc, &progress::Silent))
    }

    /// The document analysed.
    pub fn doc(&self) -> &'a Doc {
        self.0.doc
    }
}

/// [`compare`] for callers that go on to score the texts whole (pair mode): it also hands back
/// each side's claims taken whole, and what the alignment worked out for them when each side is
/// one claim. A side's analysis is taken from `analyses` when given (the analysis of a document
/// of the same text and body start), copied rather than worked out again. Spans index
/// [`Doc::text`].
pub fn compare_with_tokens_using(
    docs: Pair<&Doc>,
    analyses: Pair<Option<&Analysis>>,
    config: &Config,
) -> (Report, Pair<Claims>, Option<SoleClaims>) {
    let (report, sides, sole) = compare_analysed(docs, analyses, config, &progress::Silent);
    let claims = |analysed: Analysed| -> Claims {
        let mut kept = analysed
            .statements
            .iter()
            .zip(analysed.tokens)
            .filter(|(s, _)| s.boilerplate.is_none())
            .map(|(_, tokens)| tokens);
        // The first claim's tokens are taken as they are, not copied: most texts of a sentence
        // pair are one claim.
        let mut tokens = kept.next().unwrap_or_default();
        for more in kept {
            tokens.extend(more);
        }
        Claims {
            tokens,
            profile: analysed.whole_profile,
        }
    };
    let (left, right) = (claims(sides.left), claims(sides.right));
    // The sole claims' analysis stands for the documents whole when both were kept whole.
    let sole = sole.filter(|_| left.profile.is_some() && right.profile.is_some());
    (report, Pair::new(left, right), sole)
}

/// The comparison, the analysed documents it was made from, and what the alignment worked out
/// when each document is one claim.
fn compare_analysed<'a>(
    docs: Pair<&'a Doc>,
    analyses: Pair<Option<&Analysis>>,
    config: &Config,
    progress: &dyn progress::Progress,
) -> (Report, Pair<Analysed<'a>>, Option<SoleClaims>) {
    let (left, right) = (docs.left, docs.right);
    progress.stage("reading", (left.text.len() + right.text.len()) as u64);
    let same_text = |a: &Doc, b: &Doc| a.text == b.text && a.body_start == b.body_start;
    let analyse = |doc: &'a Doc, given: Option<&Analysis>| match given {
        Some(analysis) => {
            progress.advance(doc.text.len() as u64);
            analysis.0.copied_for(doc)
        }
        None => Analysed::new(doc, progress),
    };
    let (left_analysed, right_analysed) = match (analyses.left, analyses.right) {
        (Some(_), _) | (_, Some(_)) => {
            (analyse(left, analyses.left), analyse(right, analyses.right))
        }
        (None, None) if same_text(left, right) => {
            let analysed = Analysed::new(left, progress);
            progress.advance(right.text.len() as u64);
            let copy = analysed.copied_for(right);
            (analysed, copy)
        }
        (None, None) if left.text.len() + right.text.len() <= ANALYSED_IN_TURN_BYTES => (
            Analysed::new(left, progress),
            Analysed::new(right, progress),
        ),
        (None, None) => rayon::join(
            || Analysed::new(left, progress),
            || Analysed::new(right, progress),
        ),
    };
    let mut sides = Pair::new(left_analysed, right_analysed);
    let weights = weights_of(&mut sides, config.align_options().decision);
    let (links, sole_pair) = align_keeping_sole_matches(
        &sides.left.profiles,
        &sides.right.profiles,
        &weights,
        config.align_options(),
        config.candidates,
        align::Denials {
            denies: &denials_between(&sides),
            disputes: &disputes_between(&sides),
        },
        progress,
    );
    let links = if config.in_context {
        with_denials_of_aligned(links, &sides, &weights)
    } else {
        links
    };
    // Scoring is done: free the profiles before the report is built, so long documents do not
    // hold both at once (the weights are kept only for two documents of one claim each).
    let attribution_weighed =
        sides.left.attributed.contains(&true) || sides.right.attributed.contains(&true);
    let sole = sole_pair.map(
        |SolePair {
             matches,
             similarity,
         }| SoleClaims {
            weights,
            matches,
            similarity,
            attribution_weighed,
        },
    );
    for side in [&mut sides.left, &mut sides.right] {
        side.whole_profile = side.take_sole_claim_profile();
        side.profiles = Vec::new();
    }

    progress.stage("judging", links.len() as u64);
    let judge_link = |link: &align::Link| {
        progress.advance(1);
        let claims = Pair::new(sides.left.claim(link.left), sides.right.claim(link.right));
        let speakers = Pair::new(
            sides.left.speakers[link.left].as_ref(),
            sides.right.speakers[link.right].as_ref(),
        );
        let (relation, reasons) = judge_with_speakers(claims, speakers);
        let texts = Pair::new(
            left.slice(sides.left.statements[link.left].span),
            right.slice(sides.right.statements[link.right].span),
        );
        PairReport {
            ids: Pair::new(link.left, link.right),
            relation,
            similarity: link.similarity,
            confidence: link.confidence,
            in_context: link.in_context,
            reasons,
            trace: config.explain.then(|| judge::explain(claims, speakers)),
            diff: if config.word_diffs {
                diff::word_diff(texts.left, texts.right, config.word_match)
            } else {
                Vec::new()
            },
        }
    };
    let pairs: Vec<PairReport> = if worth_sharing(links.len()) {
        links.par_iter().map(judge_link).collect()
    } else {
        links.iter().map(judge_link).collect()
    };

    let mut paired = sides.as_ref().map(|s| vec![false; s.statements.len()]);
    for pair in &pairs {
        paired.left[pair.ids.left] = true;
        paired.right[pair.ids.right] = true;
    }
    let only = Pair::new(
        one_sided(&sides.left.statements, &paired.left),
        one_sided(&sides.right.statements, &paired.right),
    );

    let side_report = |side: Side, analysed: &mut Analysed| {
        let labels = model::Label::for_lines(side, analysed.statements.iter().map(|s| s.line));
        let doc = analysed.doc;
        let statement_report =
            |((s, speaker), label): ((&Statement, &mut Option<attribution::Speaker>), _)| {
                StatementReport {
                    id: s.id,
                    span: s.span,
                    line: s.line,
                    label,
                    text: doc.slice(s.span).to_string(),
                    boilerplate: s.boilerplate,
                    // The report names the speaker; the keys that tell two speakers apart are
                    // the judge's.
                    speaker: speaker.take().map(|s| Evidence {
                        text: s.text,
                        span: s.span,
                    }),
                }
            };
        let statements = if worth_sharing(analysed.statements.len()) {
            analysed
                .statements
                .par_iter()
                .zip(analysed.speakers.par_iter_mut())
                .zip(labels)
                .map(statement_report)
                .collect()
        } else {
            analysed
                .statements
                .iter()
                .zip(analysed.speakers.iter_mut())
                .zip(labels)
                .map(statement_report)
                .collect()
        };
        SideReport {
            path: doc.name.clone(),
            statements,
        }
    };
    let sides_report = Pair::new(
        side_report(Side::Left, &mut sides.left),
        side_report(Side::Right, &mut sides.right),
    );
    let count_boilerplate = |s: &SideReport| {
        s.statements
            .iter()
            .filter(|s| s.boilerplate.is_some())
            .count()
    };
    let summary = Summary {
        statements: sides_report.as_ref().map(|s| s.statements.len()),
        boilerplate: sides_report.as_ref().map(count_boilerplate),
        agree: pairs
            .iter()
            .filter(|p| p.relation == Relation::Agree)
            .count(),
        disagree: pairs
            .iter()
            .filter(|p| p.relation == Relation::Disagree)
            .count(),
        only: only.as_ref().map(Vec::len),
    };
    let report = Report {
        version: REPORT_VERSION,
        sides: sides_report,
        pairs,
        only,
        summary,
        shown: None,
    };
    debug_assert!(every_statement_has_one_fate(&report));
    (report, sides, sole)
}

/// Every candidate statement pair of two documents with the features the linking model reads
/// ([`linking::FEATURES`]): what `scripts/fit_linking.py` fits the model on. Boilerplate takes
/// no part, as in [`compare`].
pub fn link_candidates(
    left: &Doc,
    right: &Doc,
    config: &Config,
) -> Vec<(align::Link, linking::Features)> {
    let silent = &progress::Silent;
    let mut sides = Pair::new(Analysed::new(left, silent), Analysed::new(right, silent));
    let weights = weights_of(&mut sides, config.align_options().decision);
    let (denies, disputes) = (denials_between(&sides), disputes_between(&sides));
    align::candidate_features(
        &sides.left.profiles,
        &sides.right.profiles,
        &weights,
        config.align_options(),
        align::Denials {
            denies: &denies,
            disputes: &disputes,
        },
    )
}

/// The informativeness of each key over both sides' statements, boilerplate aside. When the
/// fitted linking model decides and there are more than two statements, each profile's story
/// words are filled in first ([`Profile::add_story_words`]): the hand rules read no story
/// cosine, and two statements alone have no story to weigh them against.
fn weights_of(sides: &mut Pair<Analysed>, decision: align::Decision) -> Weights {
    let statements = [&sides.left, &sides.right]
        .iter()
        .map(|side| side.profiles.iter().flatten().count())
        .sum::<usize>();
    if decision == align::Decision::Fitted && statements > 2 {
        for side in [&mut sides.left, &mut sides.right] {
            let add = |(profile, tokens): (&mut Option<Profile>, &Vec<Token>)| {
                if let Some(profile) = profile {
                    profile.add_story_words(tokens);
                }
            };
            if worth_sharing(side.profiles.len()) {
                side.profiles.par_iter_mut().zip(&side.tokens).for_each(add);
            } else {
                side.profiles.iter_mut().zip(&side.tokens).for_each(add);
            }
        }
    }
    Weights::from_profiles(
        sides
            .left
            .profiles
            .iter()
            .chain(&sides.right.profiles)
            .flatten(),
    )
}

/// Whether of a left statement (by id) and a right one, one denies what the other says
/// ([`align::Denies`], [`judge::denies_the_other`]): asked of the statements with a word that
/// may deny only.
fn denials_between<'s>(
    sides: &'s Pair<Analysed<'_>>,
) -> Box<dyn Fn(StatementId, StatementId) -> bool + Sync + 's> {
    pair_test(sides, judge::may_deny, judge::denies_the_other)
}

/// Whether of a left statement (by id) and a right one, one denies in so many words an act the
/// other asserts ([`align::Denials::disputes`], [`judge::disputes_in_words`]): asked of the
/// statements with a denying word only.
fn disputes_between<'s>(
    sides: &'s Pair<Analysed<'_>>,
) -> Box<dyn Fn(StatementId, StatementId) -> bool + Sync + 's> {
    pair_test(sides, judge::denies_in_words, judge::disputes_in_words)
}

/// `check` of a left statement (by id) and a right one, asked only when one of the two passes
/// the cheap test `either`, worked out once per statement on the first question: alignment
/// asks only where the fitted model could decide, and pair mode's hand rules seldom do.
fn pair_test<'s>(
    sides: &'s Pair<Analysed<'_>>,
    either: fn(judge::Claim) -> bool,
    check: fn(Pair<judge::Claim>) -> bool,
) -> Box<dyn Fn(StatementId, StatementId) -> bool + Sync + 's> {
    let passes = move |side: &Analysed| -> Vec<bool> {
        (0..side.tokens.len())
            .map(|id| either(side.claim(id)))
            .collect()
    };
    let worked_out: std::sync::OnceLock<Pair<Vec<bool>>> = std::sync::OnceLock::new();
    Box::new(move |left, right| {
        let passes =
            worked_out.get_or_init(|| Pair::new(passes(&sides.left), passes(&sides.right)));
        (passes.left[left] || passes.right[right])
            && check(Pair::new(sides.left.claim(left), sides.right.claim(right)))
    })
}

/// `links` with a link for each statement that denies the statement before it ("Reports said
/// the bridge would close. Officials denied it.", see [`judge::denies_the_statement_before`])
/// to what that statement is linked to: it speaks of the same claim, in words too few to align
/// on. Such links are marked as aligned by context; they take the pair's own similarity.
fn with_denials_of_aligned(
    mut links: Vec<align::Link>,
    sides: &Pair<Analysed>,
    weights: &Weights,
) -> Vec<align::Link> {
    let denies_previous = |side: &Analysed, id: StatementId| {
        id > 0
            && id < side.statements.len()
            && side.profiles[id].is_some()
            && side.profiles[id - 1].is_some()
            && judge::denies_the_statement_before(side.claim(id), side.claim(id - 1))
    };
    let mut denials: Vec<(StatementId, StatementId)> = links
        .iter()
        .flat_map(|l| {
            let left = denies_previous(&sides.left, l.left + 1).then_some((l.left + 1, l.right));
            let right = denies_previous(&sides.right, l.right + 1).then_some((l.left, l.right + 1));
            left.into_iter().chain(right)
        })
        .collect();
    if denials.is_empty() {
        return links;
    }
    // The pairs linked already, gathered only when some statement denies the one before it:
    // most comparisons (every sentence pair) have none.
    let linked: rustc_hash::FxHashSet<(StatementId, StatementId)> =
        links.iter().map(|l| (l.left, l.right)).collect();
    denials.retain(|ids| !linked.contains(ids));
    if denials.is_empty() {
        return links;
    }
    // As alignment does, two statements that each have a copy on the other side are not linked
    // to each other's copies: in identical inputs each denial is already paired with its copy.
    let wordings = |side: &Analysed| -> std::collections::HashSet<u64> {
        side.profiles
            .iter()
            .flatten()
            .map(|p| p.wording())
            .collect()
    };
    let wordings = Pair::new(wordings(&sides.left), wordings(&sides.right));
    let has_copy_across =
        |side: &Analysed, across: &std::collections::HashSet<u64>, id: StatementId| {
            side.profiles[id]
                .as_ref()
                .is_some_and(|p| across.contains(&p.wording()))
        };
    denials.retain(|&(left, right)| {
        !(has_copy_across(&sides.left, &wordings.right, left)
            && has_copy_across(&sides.right, &wordings.left, right))
    });
    denials.sort_unstable();
    denials.dedup();
    links.extend(denials.into_iter().filter_map(|(left, right)| {
        let profiles = (
            sides.left.profiles[left].as_ref()?,
            sides.right.profiles[right].as_ref()?,
        );
        Some(align::Link {
            left,
            right,
            similarity: similarity::similarity(profiles.0, profiles.1, weights),
            confidence: 0.0,
            in_context: true,
        })
    }));
    links.sort_unstable_by_key(|link| (link.left, link.right));
    links
}

fn one_sided(statements: &[Statement], paired: &[bool]) -> Vec<StatementId> {
    statements
        .iter()
        .filter(|s| s.boilerplate.is_none() && !paired[s.id])
        .map(|s| s.id)
        .collect()
}

/// Every statement is exactly one of: boilerplate, paired, or one-sided.
pub fn every_statement_has_one_fate(report: &Report) -> bool {
    [Side::Left, Side::Right].into_iter().all(|side| {
        let statements = &report.side(side).statements;
        let mut fates = vec![0u8; statements.len()];
        for s in statements.iter().filter(|s| s.boilerplate.is_some()) {
            fates[s.id] += 1;
        }
        let mut paired = vec![false; statements.len()];
        for pair in &report.pairs {
            paired[*pair.ids.get(side)] = true;
        }
        for (id, is_paired) in paired.into_iter().enumerate() {
            fates[id] += u8::from(is_paired);
        }
        for &id in report.only.get(side) {
            fates[id] += 1;
        }
        fates.iter().all(|&f| f == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs_of(
        left: &str,
        right: &str,
        config: &Config,
    ) -> Vec<(StatementId, StatementId, Relation, bool)> {
        let report = compare(
            &Doc::from_text("left", left),
            &Doc::from_text("right", right),
            config,
        );
        report
            .pairs
            .iter()
            .map(|p| (p.ids.left, p.ids.right, p.relation, p.in_context))
            .collect()
    }

    /// An article that reports a claim only to deny it disagrees with the one that asserts it:
    /// the denial, too short to align on its own words, is paired along with the claim.
    #[test]
    fn a_denial_of_the_statement_before_is_paired_with_its_partners() {
        let right = "The bridge will close in May.\n";
        let config = Config::default();
        assert_eq!(
            pairs_of(
                "The bridge will close in May, the newspaper reported. Officials denied it on Friday.\n",
                right,
                &config
            ),
            [(0, 0, Relation::Agree, false), (1, 0, Relation::Disagree, true)]
        );
        assert_eq!(
            pairs_of(
                "Reports said the bridge will close in May. The story is a hoax, officials say.\n",
                right,
                &config
            ),
            [
                (0, 0, Relation::Agree, false),
                (1, 0, Relation::Disagree, true)
            ]
        );
        // A confirmation, a question, a denial of something else: nothing to pair along.
        for left in [
            "The bridge will close in May, the newspaper reported. Officials confirmed it.\n",
            "The bridge will close in May, the newspaper reported. Is that true?\n",
            "The bridge will close in May, the newspaper reported. The mayor denied that the \
             toll would rise next year.\n",
        ] {
            assert_eq!(
                pairs_of(left, right, &config),
                [(0, 0, Relation::Agree, false)],
                "{left}"
            );
        }
        // Like every rule that reads the order of statements, off with the context rule.
        let no_context = Config {
            in_context: false,
            ..Config::default()
        };
        assert_eq!(
            pairs_of(
                "The bridge will close in May, the newspaper reported. Officials denied it.\n",
                right,
                &no_context
            ),
            [(0, 0, Relation::Agree, false)]
        );
    }
}
