//! Sentence-pair mode: judge many (left, right) text pairs read as JSON Lines, with exactly the
//! judging code of the article mode.
//!
//! Input: one JSON object a line with `id` (any JSON value), `left` and `right` (strings); other
//! fields are ignored, blank lines skipped. Output: one line a pair, in input order:
//! `{"id", "relation": "agree"|"disagree"|"unrelated", "similarity": 0..1, "reasons": [...]}`.
//! Lines are processed in batches, each batch in parallel, so memory stays bounded however long
//! the input is.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::classify::{term_says, term_says_at};
use crate::intern::SymList;
use crate::model::Pair;
use crate::model::{ReasonKind, Relation};
use crate::normalize::Token;
use crate::similarity::{similarity_of, Matches, Profile, Term, Weights};
use crate::{compare_with_tokens, Claims, Config, Doc};

mod input;
use input::parse_line;

/// The share of the reported similarity that is how much each text says of the other.
const SAID_SHARE: f64 = 0.5;

/// Lines judged together: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 4096;

/// The verdict on one pair of texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Disagree,
    /// No statement of one text aligns with a statement of the other.
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

/// Judges two texts as two tiny articles: disagree when any aligned statements disagree;
/// agree when some align, none disagrees and the left text says (nearly) all the right one says
/// — the right text is the claim, the left its source; unrelated otherwise.
pub fn judge_texts(left: &str, right: &str, config: &Config) -> PairJudgment {
    let docs = (Doc::from_text("left", left), Doc::from_text("right", right));
    // A judgment line carries no word diff: computing them was a tenth of the time.
    let config = Config {
        word_diffs: false,
        ..*config
    };
    let (report, mut claims) = compare_with_tokens(&docs.0, &docs.1, &config);
    let (whole_similarity, claim_coverage, back_coverage) = whole_text_scores(&docs, &mut claims);
    let tokens = claims.map(|c| c.tokens);
    // The similarity of the whole texts, not of their best aligned statements: it also grades
    // pairs that do not align (SICK train: Pearson with relatedness 0.636 against 0.614).
    // Half of it is how much each text says of the other, where a specific word says the general
    // one (SICK train / trial Pearson: 0.632 / 0.649 with the similarity alone, 0.651 / 0.674 at
    // a share of 0.3, 0.655 / 0.680 at 0.5, 0.650 / 0.677 at 0.7).
    let said_both_ways = 0.5 * (claim_coverage + back_coverage);
    let similarity = (1.0 - SAID_SHARE) * whole_similarity + SAID_SHARE * said_both_ways;
    let reasons: Vec<PairReason> = report
        .pairs
        .iter()
        .flat_map(|p| &p.reasons)
        .map(|r| PairReason {
            kind: r.kind,
            explanation: r.explanation.clone(),
            left: r.evidence.left.iter().map(|e| e.text.clone()).collect(),
            right: r.evidence.right.iter().map(|e| e.text.clone()).collect(),
        })
        .collect();
    let relation = if report.pairs.is_empty() {
        Verdict::Unrelated
    } else if report
        .pairs
        .iter()
        .any(|p| p.relation == Relation::Disagree)
    {
        Verdict::Disagree
    } else if claim_coverage >= config.entailment_coverage && same_polarity(&docs, &tokens) {
        Verdict::Agree
    } else {
        Verdict::Unrelated
    };
    PairJudgment {
        relation,
        similarity: (similarity * 1000.0).round() / 1000.0,
        reasons,
    }
}

/// Whether both texts negate or neither does: "a man is not playing" neither says nor is said by
/// "a man is playing", however many words they share.
fn same_polarity(docs: &(Doc, Doc), tokens: &Pair<Vec<Token>>) -> bool {
    let claim = |doc: &Doc, tokens: &[Token]| {
        crate::classify::negates(crate::classify::Claim {
            text: &doc.text,
            tokens,
        })
    };
    claim(&docs.0, &tokens.left) == claim(&docs.1, &tokens.right)
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

/// The two texts compared whole: how similar they are, how much of the right text's content the
/// left text says too, and how much of the left text's the right says.
fn whole_text_scores(docs: &(Doc, Doc), claims: &mut Pair<Claims>) -> (f64, f64, f64) {
    // The comparison made these profiles already when a text is one claim without attribution.
    let whole = |doc: &Doc, claims: &mut Claims| {
        claims
            .profile
            .take()
            .unwrap_or_else(|| Profile::new(&doc.text, &claims.tokens, None))
    };
    let source = whole(&docs.0, &mut claims.left);
    let claim = whole(&docs.1, &mut claims.right);
    let weights = Weights::from_profiles([&source, &claim]);
    // The word-to-word matches of source and claim serve the similarity and, read in the same
    // order, how much of the source the claim says.
    let matches = (!source.terms.is_empty() && !claim.terms.is_empty())
        .then(|| Matches::new(&source, &claim, &weights));
    (
        matches
            .as_ref()
            .map_or(0.0, |m| similarity_of(&source, &claim, m)),
        said_share(&claim, &source, &weights, None),
        said_share(&source, &claim, &weights, matches.as_ref()),
    )
}

/// How much of `claim`'s content `source` says: the weighted share of `claim`'s words that a word
/// of `source` says ([`says`]: the same meaning, a compatible number, or a more specific word).
/// 0 when a word of `claim` that `source` does not say is the opposite of one of `source`'s ("a
/// man is cooking" does not say "a woman is cooking").
/// `matches`, when given, are those of `claim` with `source` ([`Matches::new`] in that order).
fn said_share(
    claim: &Profile,
    source: &Profile,
    weights: &Weights,
    matches: Option<&Matches>,
) -> f64 {
    let mass: f64 = claim.terms.iter().map(|t| weights.of(t)).sum();
    if mass == 0.0 {
        return 1.0;
    }
    // Each source word is tested against every claim word: its ancestors are read once.
    let ancestors: Vec<SymList> = source
        .terms
        .iter()
        .map(|u| crate::thesaurus::ancestors(u.token.lemma))
        .collect();
    let mut said = 0.0;
    for (i, term) in claim.terms.iter().enumerate() {
        let mut sources = source.terms.iter().zip(&ancestors).enumerate();
        let says = |(j, (u, &ancestors)): (usize, (&Term, &SymList))| match matches {
            Some(m) => term_says_at(m.strength(i, j), u, term, ancestors),
            None => term_says(u, term, ancestors),
        };
        if sources.any(says) {
            said += weights.of(term);
        } else if source
            .terms
            .iter()
            .any(|u| u.may_oppose(term) && u.token.opposes(&term.token))
        {
            return 0.0;
        }
    }
    said / mass
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
    pub judged: usize,
    pub skipped: usize,
    pub disagree: usize,
}

/// Why a pair-mode run stopped.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    #[error(transparent)]
    BadLine(#[from] BadLine),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Reads pairs from `input`, writes one judgment a line to `out`, in input order. Bad lines
/// stop the run or are reported to `errors` and skipped, as `on_bad_line` says.
pub fn run(
    input: impl BufRead,
    source_name: &str,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    config: &Config,
    on_bad_line: OnBadLine,
) -> Result<PairStats, PairsError> {
    let mut stats = PairStats::default();
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
    let mut lines = input.lines().enumerate();
    loop {
        batch.clear();
        for (index, line) in lines.by_ref() {
            let line = line?;
            if !line.trim().is_empty() {
                batch.push((index + 1, line));
            }
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            return Ok(stats);
        }
        let judged: Vec<(usize, LineOutcome)> = batch
            .par_iter()
            .map(|(number, line)| {
                let result = parse_line(line)
                    .map(|(id, left, right)| output_line(&id, &judge_texts(&left, &right, config)));
                (*number, result)
            })
            .collect();
        for (number, result) in judged {
            match result {
                Ok(judged) => {
                    let (line, disagrees) = judged?;
                    stats.judged += 1;
                    stats.disagree += usize::from(disagrees);
                    out.write_all(&line)?;
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
                            writeln!(errors, "crosscheck: skipped {bad}")?;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(left: &str, right: &str) -> Verdict {
        judge_texts(left, right, &Config::default()).relation
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
    fn a_specific_word_says_the_general_one_not_the_reverse() {
        assert_eq!(
            verdict("A man is slicing an onion.", "A man is cutting an onion."),
            Verdict::Agree
        );
        assert_eq!(
            verdict("A man is cutting an onion.", "A man is slicing an onion."),
            Verdict::Unrelated
        );
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
            &Config::default(),
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

    #[test]
    fn bad_lines_name_their_line_number() {
        let input = "{\"id\": 1, \"left\": \"a\", \"right\": \"b\"}\n{\"id\": 2, \"left\": 5, \"right\": \"b\"}\nnot json\n";
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let err = run(
            input.as_bytes(),
            "pairs.jsonl",
            &mut out,
            &mut errors,
            &Config::default(),
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
            &Config::default(),
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
