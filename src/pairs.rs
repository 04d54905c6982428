//! Sentence-pair mode: judge many (left, right) text pairs read as JSON Lines, with exactly the
//! judging code of the article mode.
//!
//! Input: one JSON object a line with `id` (any JSON value), `left` and `right` (strings); other
//! fields are ignored, blank lines skipped. Output: one line a pair, in input order:
//! `{"id", "relation": "agree"|"disagree"|"unrelated", "similarity": 0..1, "reasons": [...]}`.
//! Lines are processed in batches, each batch in parallel, so memory stays bounded however long
//! the input is.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::Value;

use crate::model::Pair;
use crate::model::{ReasonKind, Relation};
use crate::normalize::Token;
use crate::{compare_with_tokens_using, Analysis, Config, Doc};

mod input;
mod lines;
pub mod same_claim;
mod whole;
use input::parse_line;
use lines::{Lines, NumberedLine, ReadError};
use whole::{whole_text_scores, WholeScores};

/// Pair mode's default threshold: the similarity from which two texts' statements align. Pair
/// mode keeps the hand rules ([`crate::align::Decision::Rules`]), measured at 0.25 on SICK train
/// and trial.
pub const PAIR_THRESHOLD: f64 = 0.25;

/// Pair mode's settings: the comparison's. What `agree` asks of two texts is the fitted
/// [`same_claim::MODEL`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairConfig {
    /// How the two texts are compared, as two tiny articles.
    pub compare: Config,
}

impl Default for PairConfig {
    fn default() -> PairConfig {
        PairConfig::from(Config {
            threshold: PAIR_THRESHOLD,
            ..Config::default()
        })
    }
}

impl From<Config> for PairConfig {
    fn from(compare: Config) -> PairConfig {
        PairConfig {
            // Two texts of a sentence or two have no candidates to rank a pair among: the
            // fitted model reads ranks and backgrounds that pair mode does not have.
            compare: Config {
                decision: crate::align::Decision::Rules,
                ..compare
            },
        }
    }
}

/// How much pair mode holds at once. The defaults bound a run's memory whatever its input:
/// lines as long as article mode's files, batches of a few megabytes, and the words of a few
/// batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Lines judged together: enough to keep every core busy, few enough to bound memory.
    pub batch_lines: usize,
    /// A batch ends once its lines hold this many bytes: a batch of long lines is shorter.
    pub batch_bytes: usize,
    /// The longest line taken, in bytes; a longer one is a bad line, refused after reading
    /// this much of it.
    pub line_bytes: usize,
    /// How many bytes of words (see [`crate::intern`]) are kept from batch to batch before
    /// they are forgotten, when forgetting is allowed ([`crate::intern::allow_forgetting`]).
    pub vocabulary_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            batch_lines: 4096,
            batch_bytes: 16 << 20,
            line_bytes: crate::load::MAX_INPUT_BYTES as usize,
            // A per-batch memo (forgetting after every batch) made SICK's pairs 1.31x slower
            // (median of 10, 99,270 pairs): each batch worked out its common words again.
            // Past 32 MiB, SICK's vocabulary is never forgotten, and a million lines of new
            // words peak at 143 MB (`scripts/pairs_memory.sh`).
            vocabulary_bytes: 32 << 20,
        }
    }
}

/// The verdict on one pair of texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Disagree,
    /// Not the same claim, and nothing in conflict.
    Unrelated,
}

/// A reason in pair mode: its type, explanation and the evidence words.
#[derive(Debug, Clone, Serialize)]
pub struct PairReason {
    #[serde(rename = "type")]
    pub kind: ReasonKind,
    pub explanation: String,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// The judgment of one pair of texts.
#[derive(Debug, Clone, Serialize)]
pub struct PairJudgment {
    pub relation: Verdict,
    /// How much the two texts say the same thing, compared whole (0 when nothing is shared).
    pub similarity: f64,
    pub reasons: Vec<PairReason>,
}

/// Judges two texts as two tiny articles: disagree when any aligned statements disagree (or the
/// left text, read whole, refutes the right one); otherwise agree when the fitted
/// [`same_claim`] model says the two state the same claim, with more or less detail on either
/// side; unrelated otherwise.
pub fn judge_texts(left: &str, right: &str, config: &PairConfig) -> PairJudgment {
    // The documents need no names: a judgment line does not print them.
    let docs = (Doc::from_text("", left), Doc::from_text("", right));
    judge_docs(&docs, Pair::new(None, None), config)
}

/// [`judge_texts`] of two documents, a side's analysis copied from `analyses` when given (the
/// analysis of a document of the same text).
fn judge_docs(
    docs: &(Doc, Doc),
    analyses: Pair<Option<&Analysis>>,
    pair_config: &PairConfig,
) -> PairJudgment {
    let weighed = weigh_docs(docs, analyses, pair_config);
    let relation = if weighed.conflict {
        Verdict::Disagree
    } else if same_claim::MODEL.same_claim(&weighed.features()) {
        Verdict::Agree
    } else {
        Verdict::Unrelated
    };
    PairJudgment {
        relation,
        similarity: weighed.similarity,
        reasons: weighed.reasons,
    }
}

/// What judging two texts finds before the fitted decision: whether a check finds them in
/// conflict (and why), their relatedness, and what the decision reads, made into its features
/// only when asked ([`Weighed::features`]): a pair in conflict disagrees whatever the decision
/// says, and nearly a third of the generated pairs are in conflict.
struct Weighed {
    conflict: bool,
    reasons: Vec<PairReason>,
    similarity: f64,
    /// The tokens of each text's claims.
    tokens: Pair<Vec<Token>>,
    scores: WholeScores,
    /// Whether some statement of one text aligned with one of the other.
    aligned: bool,
    one_side_negates: bool,
}

impl Weighed {
    /// The [`same_claim`] features of the pair.
    fn features(&self) -> same_claim::Features {
        same_claim::Evidence {
            tokens: Pair::new(&self.tokens.left[..], &self.tokens.right[..]),
            scores: &self.scores,
            aligned: self.aligned,
            one_side_negates: self.one_side_negates,
        }
        .features()
    }
}

/// Whether a check finds two texts in conflict, and the [`same_claim`] features of the pair:
/// what `scripts/fit_pairs.py` fits the decision on.
pub fn conflict_and_features(
    left: &str,
    right: &str,
    config: &PairConfig,
) -> (bool, same_claim::Features) {
    let docs = (Doc::from_text("", left), Doc::from_text("", right));
    let weighed = weigh_docs(&docs, Pair::new(None, None), config);
    (weighed.conflict, weighed.features())
}

fn weigh_docs(
    docs: &(Doc, Doc),
    analyses: Pair<Option<&Analysis>>,
    pair_config: &PairConfig,
) -> Weighed {
    // A judgment line carries no word diff: computing them was a tenth of the time.
    let config = Config {
        word_diffs: false,
        ..pair_config.compare
    };
    let (report, mut claims, sole) =
        compare_with_tokens_using(Pair::new(&docs.0, &docs.1), analyses, &config);
    let scores = whole_text_scores(docs, &mut claims, sole);
    let tokens = claims.map(|c| c.tokens);
    let one_side_negates = !same_polarity(docs, &tokens);
    let similarity = scores.relatedness(one_side_negates);
    // Two texts about the same claim need not align statement to statement, and the statement
    // that calls the claim false may not be the one that aligned ("That shark on the highway? A
    // hoax."): read whole, a text that refutes the claim disagrees with one that asserts it, when
    // the whole texts clear the alignment threshold. Only a refutation is judged so: the other
    // checks, tried on the unaligned SICK train pairs, found more false conflicts than true ones
    // (disagree F1 0.826 -> 0.819 at the same threshold).
    let aligned_disagree = report
        .pairs
        .iter()
        .any(|p| p.relation == Relation::Disagree);
    // Two one-statement texts that aligned were judged whole already.
    let judged_whole = report.pairs.len() == 1
        && report.sides.left.statements.len() == 1
        && report.sides.right.statements.len() == 1;
    let refutation = if !aligned_disagree && !judged_whole && scores.similarity >= config.threshold
    {
        crate::judge::refutation(Pair::new(
            crate::judge::Claim {
                text: &docs.0.text,
                tokens: &tokens.left,
            },
            crate::judge::Claim {
                text: &docs.1.text,
                tokens: &tokens.right,
            },
        ))
    } else {
        None
    };
    let reasons: Vec<PairReason> = report
        .pairs
        .iter()
        .flat_map(|p| &p.reasons)
        .chain(&refutation)
        .map(|r| PairReason {
            kind: r.kind,
            explanation: r.to_string(),
            left: r.evidence.left.iter().map(|e| e.text.clone()).collect(),
            right: r.evidence.right.iter().map(|e| e.text.clone()).collect(),
        })
        .collect();
    Weighed {
        conflict: refutation.is_some() || aligned_disagree,
        reasons,
        similarity: (similarity * 1000.0).round() / 1000.0,
        tokens,
        scores,
        aligned: !report.pairs.is_empty(),
        one_side_negates,
    }
}

/// Whether both texts negate or neither does: "a man is not playing" neither says nor is said by
/// "a man is playing", however many words they share.
fn same_polarity(docs: &(Doc, Doc), tokens: &Pair<Vec<Token>>) -> bool {
    let claim = |doc: &Doc, tokens: &[Token]| {
        crate::judge::negates(crate::judge::Claim {
            text: &doc.text,
            tokens,
        })
    };
    claim(&docs.0, &tokens.left) == claim(&docs.1, &tokens.right)
}

/// Judges a batch of numbered input lines, in order. A text that several pairs of the batch
/// share is analysed once: a claim checked against many headlines, a body against many claims,
/// a sentence of several SICK pairs.
fn judge_batch(batch: &[NumberedLine], config: &PairConfig) -> Vec<(usize, LineOutcome)> {
    let parsed: Vec<Result<ParsedPair, String>> = batch
        .par_iter()
        .map(|(_, line)| {
            line.as_deref()
                .map_err(Clone::clone)
                .and_then(parse_line)
                .map(ParsedPair::new)
        })
        .collect();
    // The texts that several pairs tell, each made a document of its own; a text both sides of
    // one pair tell counts once (the comparison analyses it once already). Texts are counted by
    // the hash worked out with the parsing, on all cores; two different texts of the same hash
    // (rare) are not counted together, the second is simply analysed in each pair.
    let repeated: Vec<(u64, &str)> = {
        let mut told: FxHashMap<u64, (usize, &str)> =
            FxHashMap::with_capacity_and_hasher(2 * parsed.len(), Default::default());
        for pair in parsed.iter().flatten() {
            let (left, right) = (&*pair.texts.0, &*pair.texts.1);
            let sides = [(pair.keys.0, left), (pair.keys.1, right)];
            let sides = if left == right {
                &sides[..1]
            } else {
                &sides[..]
            };
            for &(key, text) in sides {
                let (count, first) = told.entry(key).or_insert((0, text));
                if *first == text {
                    *count += 1;
                }
            }
        }
        told.into_iter()
            .filter(|&(_, (count, _))| count >= 2)
            .map(|(key, (_, text))| (key, text))
            .collect()
    };
    let docs: Vec<(u64, Doc)> = repeated
        .into_par_iter()
        .map(|(key, text)| (key, Doc::from_text("", text)))
        .collect();
    let analyses: Vec<(u64, Analysis)> = docs
        .par_iter()
        .map(|(key, doc)| (*key, Analysis::new(doc)))
        .collect();
    let analysis_of: FxHashMap<u64, &Analysis> = analyses
        .iter()
        .map(|(key, analysis)| (*key, analysis))
        .collect();
    let given = |key: u64, doc: &Doc| {
        analysis_of
            .get(&key)
            .copied()
            .filter(|analysis| analysis.doc().text == doc.text)
    };
    // Each pair's documents are made, judged and dropped on the thread that judges it.
    let judged = batch
        .par_iter()
        .zip(parsed)
        .map(|((number, _), parsed)| {
            let result = parsed.map(|pair| {
                // The documents need no names: a judgment line does not print them.
                let docs = (
                    Doc::from_text("", pair.texts.0),
                    Doc::from_text("", pair.texts.1),
                );
                let analyses = Pair::new(given(pair.keys.0, &docs.0), given(pair.keys.1, &docs.1));
                output_line(&pair.id, &judge_docs(&docs, analyses, config))
            });
            (*number, result)
        })
        .collect();
    // Dropped on all cores too, not by this thread alone while the others wait.
    analyses.into_par_iter().for_each(drop);
    judged
}

/// A line of input read as a pair: its id, its two texts and the texts' hashes.
struct ParsedPair<'a> {
    id: Value,
    texts: (Cow<'a, str>, Cow<'a, str>),
    keys: (u64, u64),
}

impl<'a> ParsedPair<'a> {
    fn new((id, left, right): input::PairLine<'a>) -> ParsedPair<'a> {
        let key = |text: &str| {
            let mut hasher = rustc_hash::FxHasher::default();
            text.hash(&mut hasher);
            hasher.finish()
        };
        let keys = (key(&left), key(&right));
        ParsedPair {
            id,
            texts: (left, right),
            keys,
        }
    }
}

/// A judged line, serialized (its output line, newline included, and whether it disagrees), or
/// why the line is not a pair.
type LineOutcome = Result<io::Result<(Vec<u8>, bool)>, String>;

/// The output line of a judged pair, newline included. Serializing is done with the judging,
/// on all cores: the main thread only writes the bytes, in order.
fn output_line(id: &Value, judgment: &PairJudgment) -> io::Result<(Vec<u8>, bool)> {
    let mut line = Vec::with_capacity(256);
    serde_json::to_writer(&mut line, &OutputLine { id, judgment }).map_err(io::Error::from)?;
    line.push(b'\n');
    Ok((line, judgment.relation == Verdict::Disagree))
}

#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a Value,
    #[serde(flatten)]
    judgment: &'a PairJudgment,
}

/// A line of input that is not a pair.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct BadLine {
    pub source_name: String,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// What to do with a line that is not a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBadLine {
    /// Stop with an error naming the line.
    Fail,
    /// Report it on the error stream and go on.
    Skip,
}

/// Counts of a pair-mode run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairStats {
    /// Pairs judged and written.
    pub judged: usize,
    pub skipped: usize,
    /// Of the pairs written, those that disagree.
    pub disagree: usize,
}

/// Why a pair-mode run stopped.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    #[error(transparent)]
    BadLine(#[from] BadLine),
    /// The input could not be read.
    #[error("{source_name}:{line}: cannot read")]
    Read {
        source_name: String,
        /// 1-based line number.
        line: usize,
        source: io::Error,
    },
    /// The judgments could not be written: the caller knows the output's name.
    #[error("cannot write the judgments")]
    Write(#[source] io::Error),
    /// A skipped line could not be reported.
    #[error("cannot write to the error stream")]
    Report(#[source] io::Error),
}

impl PairsError {
    /// Whether the run stopped at something wrong with its input (a bad line, a failed read):
    /// what was judged before it is good, and worth keeping.
    pub fn is_about_input(&self) -> bool {
        matches!(self, PairsError::BadLine(_) | PairsError::Read { .. })
    }
}

/// A run that stopped early, with what it had written by then. It reads as its error.
#[derive(Debug)]
pub struct Stopped {
    /// The pairs written before the run stopped: a run whose reader went away (`| head`) still
    /// disagrees when a pair it wrote does.
    pub stats: PairStats,
    pub error: PairsError,
}

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for Stopped {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// Reads pairs from `input`, writes one judgment a line to `out`, in input order. Bad lines
/// stop the run or are reported to `errors` and skipped, as `on_bad_line` says.
pub fn run(
    input: impl BufRead,
    source_name: &str,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    config: &PairConfig,
    on_bad_line: OnBadLine,
) -> Result<PairStats, Stopped> {
    run_within(
        input,
        source_name,
        out,
        errors,
        config,
        on_bad_line,
        Limits::default(),
    )
}

/// [`run`] within the given limits.
pub fn run_within(
    input: impl BufRead,
    source_name: &str,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    config: &PairConfig,
    on_bad_line: OnBadLine,
    limits: Limits,
) -> Result<PairStats, Stopped> {
    let mut stats = PairStats::default();
    let stopping = on_bad_line == OnBadLine::Fail;
    let mut lines = Lines::new(input, limits.line_bytes, stopping);
    // A line that cannot be read ends the input: the lines before it are judged and written,
    // then the error is returned.
    let mut read_error: Option<ReadError> = None;
    let mut read = |read_error: &mut Option<ReadError>| {
        let (batch, error) = lines.next_batch(limits.batch_lines, limits.batch_bytes);
        *read_error = error;
        batch
    };
    let mut batch = read(&mut read_error);
    let mut judged: Vec<(usize, LineOutcome)> = Vec::new();
    let mut write = |judged: Vec<(usize, LineOutcome)>, stats: &mut PairStats| {
        write_judged(judged, stats, out, errors, source_name, on_bad_line)
    };
    let stop = |stats: PairStats, error: PairsError| Stopped { stats, error };
    // While the cores judge a batch, this thread writes the judgments of the batch before and
    // reads the next one: done in turn, reading and writing left the cores idle.
    while !batch.is_empty() {
        let (now_judged, written, next) = std::thread::scope(|scope| {
            let judging = scope.spawn(|| judge_batch(&batch, config));
            let written = write(std::mem::take(&mut judged), &mut stats);
            // A bad line that stops the run, or a read error, stops the reading too.
            let next = match written {
                Ok(()) if read_error.is_none() => read(&mut read_error),
                _ => Vec::new(),
            };
            (judging.join(), written, next)
        });
        if let Err(error) = written {
            return Err(stop(stats, error));
        }
        judged = now_judged.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        batch = next;
        // No word is in use between two batches: the judgments are bytes, the lines text.
        crate::intern::forget_words_over(limits.vocabulary_bytes);
    }
    if let Err(error) = write(judged, &mut stats) {
        return Err(stop(stats, error));
    }
    match read_error {
        Some((line, source)) => Err(stop(
            stats,
            PairsError::Read {
                source_name: source_name.to_string(),
                line,
                source,
            },
        )),
        None => Ok(stats),
    }
}

/// Writes judged lines in order, counting them in `stats`; a bad line stops the run or is
/// reported to `errors`, as `on_bad_line` says.
fn write_judged(
    judged: Vec<(usize, LineOutcome)>,
    stats: &mut PairStats,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    source_name: &str,
    on_bad_line: OnBadLine,
) -> Result<(), PairsError> {
    for (number, result) in judged {
        match result {
            Ok(judged) => {
                let (line, disagrees) = judged.map_err(PairsError::Write)?;
                out.write_all(&line).map_err(PairsError::Write)?;
                stats.judged += 1;
                stats.disagree += usize::from(disagrees);
            }
            Err(message) => {
                let bad = BadLine {
                    source_name: source_name.to_string(),
                    line: number,
                    message,
                };
                match on_bad_line {
                    OnBadLine::Fail => return Err(bad.into()),
                    OnBadLine::Skip => {
                        stats.skipped += 1;
                        writeln!(errors, "crosscheck: skipped {bad}")
                            .map_err(PairsError::Report)?;
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(left: &str, right: &str) -> Verdict {
        judge_texts(left, right, &PairConfig::default()).relation
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            verdict(
                "A man is playing a guitar.",
                "A man is not playing a guitar."
            ),
            Verdict::Disagree
        );
        assert_eq!(
            verdict("A man is playing a guitar.", "A man is playing the guitar."),
            Verdict::Agree
        );
        assert_eq!(
            verdict(
                "A man is playing a guitar.",
                "Rain fell on the city all day."
            ),
            Verdict::Unrelated
        );
    }

    #[test]
    fn a_specific_word_says_the_general_one_and_both_state_the_same_claim() {
        let (slicing, cutting) = ("A man is slicing an onion.", "A man is cutting an onion.");
        let right_said = |left, right| {
            let (_, features) = conflict_and_features(left, right, &PairConfig::default());
            features.0[1]
        };
        assert_eq!(same_claim::FEATURES[1], "right_said_by_left");
        assert_eq!(right_said(slicing, cutting), 1.0);
        assert!(right_said(cutting, slicing) < 1.0);
        // One side is more specific: the same claim, in more detail.
        assert_eq!(verdict(slicing, cutting), Verdict::Agree);
        assert_eq!(verdict(cutting, slicing), Verdict::Agree);
    }

    #[test]
    fn an_opposite_word_is_not_said() {
        assert_eq!(
            verdict("A woman is boiling noodles.", "A man is boiling noodles."),
            Verdict::Unrelated
        );
    }

    #[test]
    fn a_negated_text_is_not_said_by_an_affirmative_one() {
        assert_eq!(
            verdict(
                "A woman is playing the flute.",
                "A man is not playing the flute."
            ),
            Verdict::Unrelated
        );
    }

    fn similarity(left: &str, right: &str) -> f64 {
        judge_texts(left, right, &PairConfig::default()).similarity
    }

    #[test]
    fn similarity_grades_relatedness() {
        let same = similarity("A man is playing a guitar.", "A man is playing a guitar.");
        let detail = similarity(
            "A man is playing a guitar.",
            "A man is playing an old guitar on a stage.",
        );
        let topic = similarity("A man is playing a guitar.", "A woman is singing a song.");
        let apart = similarity(
            "A man is playing a guitar.",
            "Rain fell on the city all day.",
        );
        assert!(same > detail, "{same} {detail}");
        assert!(detail > topic, "{detail} {topic}");
        assert!(topic > apart, "{topic} {apart}");
        assert!((0.0..=1.0).contains(&apart) && same <= 1.0);
    }

    #[test]
    fn a_negated_or_opposite_text_is_still_related_but_less() {
        let same = similarity("A man is playing a guitar.", "A man is playing a guitar.");
        let negated = similarity(
            "A man is playing a guitar.",
            "A man is not playing a guitar.",
        );
        let opposite = similarity("A man is playing a guitar.", "A woman is playing a guitar.");
        let apart = similarity("A man is playing a guitar.", "A cat is sleeping on a sofa.");
        for related in [negated, opposite] {
            assert!(
                related < same && related > apart,
                "{same} {related} {apart}"
            );
            assert!(related > 0.5, "{related}");
        }
    }

    #[test]
    fn a_text_calling_the_claim_a_hoax_disagrees_read_whole() {
        let claim = "A shark swam down a flooded highway in Houston.";
        // The question aligns with the claim; the answer refutes it.
        let judged = judge_texts(
            "That shark on the highway? A hoax.",
            claim,
            &PairConfig::default(),
        );
        assert_eq!(judged.relation, Verdict::Disagree);
        assert_eq!(judged.reasons[0].kind, ReasonKind::Negation);
        assert_eq!(judged.reasons[0].left, ["hoax"]);
        assert_eq!(
            verdict("That shark on the highway? Real.", claim),
            Verdict::Unrelated
        );
        // About something else, a hoax refutes nothing here.
        assert_eq!(
            verdict("The bomb threat at the airport was a hoax.", claim),
            Verdict::Unrelated
        );
    }

    #[test]
    fn output_keeps_input_order_and_ids() {
        let input = "{\"id\": 7, \"left\": \"The vote was on Tuesday.\", \"right\": \"The vote was on Wednesday.\"}\n\n\
                     {\"id\": \"b\", \"left\": \"A cat sleeps.\", \"right\": \"A cat sleeps.\", \"label\": \"x\"}\n";
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let stats = run(
            input.as_bytes(),
            "in",
            &mut out,
            &mut errors,
            &PairConfig::default(),
            OnBadLine::Fail,
        )
        .unwrap();
        assert_eq!(
            stats,
            PairStats {
                judged: 2,
                skipped: 0,
                disagree: 1
            }
        );
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["id"], 7);
        assert_eq!(lines[0]["relation"], "disagree");
        assert_eq!(lines[0]["reasons"][0]["type"], "date");
        assert_eq!(lines[1]["id"], "b");
        assert_eq!(lines[1]["relation"], "agree");
    }

    /// Pair lines: `count` pairs of the same two texts apart from a number, every other pair
    /// sharing its left text with the pair before (so that batches hold repeated texts).
    fn numbered_pairs(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| {
                let left = format!("The bridge reopened after {} days.", i / 2 + 2);
                let right = format!("The bridge reopened after {} days.", i % 3 + 2);
                format!("{{\"id\": {i}, \"left\": \"{left}\", \"right\": \"{right}\"}}")
            })
            .collect()
    }

    fn run_small_batches(
        input: impl BufRead,
        on_bad_line: OnBadLine,
    ) -> (Result<PairStats, Stopped>, String, String) {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let result = run_within(
            input,
            "in",
            &mut out,
            &mut errors,
            &PairConfig::default(),
            on_bad_line,
            Limits {
                batch_lines: 2,
                ..Limits::default()
            },
        );
        let text = |bytes| String::from_utf8(bytes).unwrap();
        (result, text(out), text(errors))
    }

    #[test]
    fn batches_judge_each_line_as_alone() {
        let lines = numbered_pairs(7);
        let (result, out, _) = run_small_batches(lines.join("\n").as_bytes(), OnBadLine::Fail);
        assert_eq!(result.unwrap().judged, 7);
        let expected: String = lines
            .iter()
            .map(|line| {
                let (id, left, right) = parse_line(line).unwrap();
                let (bytes, _) =
                    output_line(&id, &judge_texts(&left, &right, &PairConfig::default())).unwrap();
                String::from_utf8(bytes).unwrap()
            })
            .collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn a_bad_line_in_a_later_batch_stops_after_the_lines_before_it() {
        let mut lines = numbered_pairs(7);
        lines[4] = "not json".to_string();
        let (result, out, _) = run_small_batches(lines.join("\n").as_bytes(), OnBadLine::Fail);
        assert_eq!(
            result.unwrap_err().to_string(),
            "in:5: not JSON: expected ident at line 1 column 2"
        );
        assert_eq!(out.lines().count(), 4);

        let (result, out, errors) = run_small_batches(lines.join("\n").as_bytes(), OnBadLine::Skip);
        let stats = result.unwrap();
        assert_eq!((stats.judged, stats.skipped), (6, 1));
        assert_eq!(out.lines().count(), 6);
        assert!(errors.contains("in:5: not JSON"), "{errors}");
    }

    #[test]
    fn a_read_error_comes_after_the_lines_read_before_it() {
        /// Fails every read.
        struct Broken;
        impl io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk gone"))
            }
        }
        let text = numbered_pairs(5).join("\n") + "\n";
        let input = io::BufReader::new(io::Read::chain(text.as_bytes(), Broken));
        let (result, out, _) = run_small_batches(input, OnBadLine::Fail);
        let error = result.unwrap_err();
        assert_eq!(error.to_string(), "in:6: cannot read");
        assert_eq!(
            std::error::Error::source(&error).unwrap().to_string(),
            "disk gone"
        );
        assert_eq!(out.lines().count(), 5);
    }

    #[test]
    fn bad_lines_name_their_line_number() {
        let input = "{\"id\": 1, \"left\": \"a\", \"right\": \"b\"}\n{\"id\": 2, \"left\": 5, \"right\": \"b\"}\nnot json\n";
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let err = run(
            input.as_bytes(),
            "pairs.jsonl",
            &mut out,
            &mut errors,
            &PairConfig::default(),
            OnBadLine::Fail,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "pairs.jsonl:2: \"left\" is not a string");

        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let stats = run(
            input.as_bytes(),
            "pairs.jsonl",
            &mut out,
            &mut errors,
            &PairConfig::default(),
            OnBadLine::Skip,
        )
        .unwrap();
        assert_eq!(stats.judged, 1);
        assert_eq!(stats.skipped, 2);
        let errors = String::from_utf8(errors).unwrap();
        assert!(errors.contains("pairs.jsonl:2:"), "{errors}");
        assert!(errors.contains("pairs.jsonl:3: not JSON"), "{errors}");
    }
}
