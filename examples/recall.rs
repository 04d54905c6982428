//! Scores a crosscheck JSON report against a gold file, fast enough for documents of many
//! megabytes, and prints the recall of each planted type:
//!
//! ```text
//! crosscheck --format json LEFT RIGHT > report.json
//! cargo run --release --example recall -- planted.gold.json report.json
//! ```
//!
//! The totals are score.py's (same counters, same definitions; `score.py --report` gives the
//! same figures on a small file), but statements are located by the gold's byte spans (`start`,
//! `end`, as `examples/generate` writes them; checked against the quote) and matched by binary
//! search, where score.py searches every quote in the whole file and compares it with every
//! statement. A gold file without spans is located by its quotes.
//!
//! Per type: a planted pair counts as **found** when the report pairs its two statements with
//! the planted relation; a planted disagreement is **typed** when that pair also gives the
//! planted reason; a one-sided claim is found when the report lists it as one-sided. The last
//! line, `TOTAL planted_recall ...`, is for scripts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::Parser;
use serde_json::Value;

/// Score a crosscheck JSON report against a (planted) gold file, with per-type recall.
#[derive(Debug, Parser)]
struct Args {
    /// The gold file (its `left`/`right` paths are relative to it).
    gold: PathBuf,
    /// crosscheck's JSON report of the two files the gold names.
    report: PathBuf,
}

/// A report statement's id and byte span.
#[derive(Debug, Clone, Copy)]
struct Statement {
    id: i64,
    start: i64,
    end: i64,
}

/// The id of the statement that overlaps `span` most (the first of a tie), as score.py's
/// `covering`; `statements` are sorted by start and do not overlap each other.
fn covering(statements: &[Statement], span: (i64, i64)) -> Option<i64> {
    let first = statements.partition_point(|s| s.end <= span.0);
    let mut best = None;
    let mut best_overlap = 0;
    for s in statements[first..].iter().take_while(|s| s.start < span.1) {
        let overlap = s.end.min(span.1) - s.start.max(span.0);
        if overlap > best_overlap {
            best = Some(s.id);
            best_overlap = overlap;
        }
    }
    best
}

fn statements_of(report: &Value, side: &str) -> anyhow::Result<Vec<Statement>> {
    let list = report[side]["statements"]
        .as_array()
        .with_context(|| format!("the report has no {side} statements"))?;
    let mut statements = list
        .iter()
        .map(|s| {
            let int = |key: &str| {
                s[key]
                    .as_i64()
                    .with_context(|| format!("a {side} statement has no integer {key}"))
            };
            Ok(Statement {
                id: int("id")?,
                start: int("start")?,
                end: int("end")?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    statements.sort_by_key(|s| s.start);
    if statements.windows(2).any(|w| w[0].end > w[1].start) {
        bail!("{side} statements overlap each other");
    }
    Ok(statements)
}

/// The byte span of a gold statement: its `start`/`end` when given (checked against the quote),
/// otherwise where its quote occurs, which must be once.
fn locate(entry: &Value, data: &[u8], key: &str) -> anyhow::Result<(i64, i64)> {
    let quote = entry["quote"]
        .as_str()
        .with_context(|| format!("{key} has no quote"))?
        .as_bytes();
    if let (Some(start), Some(end)) = (entry["start"].as_u64(), entry["end"].as_u64()) {
        let (start, end) = (start as usize, end as usize);
        if data.get(start..end) != Some(quote) {
            bail!("{key}: bytes {start}..{end} are not its quote");
        }
        return Ok((start as i64, end as i64));
    }
    let mut found = data
        .windows(quote.len().max(1))
        .enumerate()
        .filter(|(_, w)| *w == quote)
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(start), None) => Ok((start as i64, (start + quote.len()) as i64)),
        (None, _) => bail!("{key}: quote not found"),
        (Some(_), Some(_)) => bail!("{key}: quote is not unique"),
    }
}

/// score.py's counters.
#[derive(Debug, Default)]
struct Counts {
    req_pairs: u64,
    req_found: u64,
    req_rel_ok: u64,
    pred_pairs: u64,
    pred_ok: u64,
    req_dis: u64,
    req_dis_found: u64,
    pred_dis: u64,
    pred_dis_ok: u64,
    gold_one: u64,
    gold_one_found: u64,
    pred_one: u64,
    pred_one_ok: u64,
    gold_ignore: u64,
    gold_ignore_ok: u64,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// crosscheck's reason types: a planted disagreement of one of these is "typed" when the pair
/// gives that reason.
const REASON_TYPES: &[&str] = &[
    "negation",
    "antonym",
    "number",
    "date",
    "place",
    "entity",
    "attribution",
];

/// Per planted type: how many, how many found, and for disagreements how many typed.
#[derive(Debug, Default)]
struct TypeCounts {
    planted: u64,
    found: u64,
    typed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let read_json = |path: &Path| -> anyhow::Result<Value> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    };
    let gold = read_json(&args.gold)?;
    let report = read_json(&args.report)?;
    let base = std::path::absolute(&args.gold)?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for key in ["left", "right", "pairs", "left_only", "right_only"] {
        if report.get(key).is_none() {
            bail!("the report has no '{key}'");
        }
    }

    let sides = ["left", "right"];
    let mut data = Vec::new();
    let mut statements = Vec::new();
    for side in sides {
        let file = gold[side]
            .as_str()
            .with_context(|| format!("the gold names no {side} file"))?;
        let path = base.join(file);
        data.push(fs::read(&path).with_context(|| format!("reading {}", path.display()))?);
        statements.push(statements_of(&report, side)?);
    }
    let side_index = |side: &str| sides.iter().position(|s| *s == side);

    // Gold statement key -> (side, status, covering report id).
    let mut cover: HashMap<&str, (usize, &str, Option<i64>)> = HashMap::new();
    let entries = gold["statements"]
        .as_object()
        .context("the gold has no statements")?;
    for (key, entry) in entries {
        let side = entry["side"]
            .as_str()
            .and_then(side_index)
            .with_context(|| format!("{key}: side is not left or right"))?;
        let span = locate(entry, &data[side], key)?;
        let status = entry["status"].as_str().unwrap_or("claim");
        cover.insert(key, (side, status, covering(&statements[side], span)));
    }

    struct GoldPair<'a> {
        ids: (Option<i64>, Option<i64>),
        keys: (&'a str, &'a str),
        relation: &'a str,
        required: bool,
        kind: &'a str,
    }
    let mut gold_pairs = Vec::new();
    for p in gold["pairs"].as_array().context("the gold has no pairs")? {
        let field = |name: &str| {
            p[name]
                .as_str()
                .with_context(|| format!("a gold pair has no {name}: {p}"))
        };
        let keys = (field("left")?, field("right")?);
        let id = |key: &str| {
            cover
                .get(key)
                .map(|c| c.2)
                .with_context(|| format!("a gold pair names unknown statement {key}"))
        };
        let relation = field("relation")?;
        gold_pairs.push(GoldPair {
            ids: (id(keys.0)?, id(keys.1)?),
            keys,
            relation,
            required: p.get("required").is_none_or(|r| r.as_bool() != Some(false)),
            kind: p["type"].as_str().unwrap_or(relation),
        });
    }

    // The report's pairs: relation and reason types by (left id, right id).
    let mut predicted: HashMap<(i64, i64), (&str, HashSet<&str>)> = HashMap::new();
    for p in report["pairs"].as_array().context("pairs is not a list")? {
        let ids = (
            p["left"].as_i64().context("a pair has no left id")?,
            p["right"].as_i64().context("a pair has no right id")?,
        );
        let relation = p["relation"].as_str().context("a pair has no relation")?;
        if !matches!(relation, "agree" | "disagree") {
            bail!("unknown relation {relation}");
        }
        let reasons = p["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["type"].as_str())
            .collect();
        predicted.insert(ids, (relation, reasons));
    }
    let free: HashSet<(usize, Option<i64>)> = cover
        .values()
        .filter(|c| c.1 == "free")
        .map(|c| (c.0, c.2))
        .collect();

    let mut c = Counts::default();
    let mut types: BTreeMap<String, TypeCounts> = BTreeMap::new();
    let mut gold_by_ids: HashMap<(Option<i64>, Option<i64>), Vec<&str>> = HashMap::new();
    for p in &gold_pairs {
        gold_by_ids.entry(p.ids).or_default().push(p.relation);
    }
    let mut paired_keys = HashSet::new();
    for p in gold_pairs.iter().filter(|p| p.required) {
        paired_keys.extend([p.keys.0, p.keys.1]);
        c.req_pairs += 1;
        let disagree = p.relation == "disagree";
        c.req_dis += u64::from(disagree);
        let entry = types.entry(p.kind.to_string()).or_default();
        entry.planted += 1;
        let found = match p.ids {
            (Some(l), Some(r)) => predicted.get(&(l, r)),
            _ => None,
        };
        if let Some((relation, reasons)) = found {
            c.req_found += 1;
            if *relation == p.relation {
                c.req_rel_ok += 1;
                c.req_dis_found += u64::from(disagree);
                entry.found += 1;
                entry.typed += u64::from(disagree && reasons.contains(p.kind));
            }
        }
    }
    for (&(l, r), (relation, _)) in &predicted {
        if free.contains(&(0, Some(l))) || free.contains(&(1, Some(r))) {
            continue;
        }
        c.pred_pairs += 1;
        let golds = gold_by_ids.get(&(Some(l), Some(r)));
        c.pred_ok += u64::from(golds.is_some());
        if *relation == "disagree" {
            c.pred_dis += 1;
            c.pred_dis_ok += u64::from(golds.is_some_and(|g| g.contains(&"disagree")));
        }
    }

    let only: Vec<HashSet<i64>> = sides
        .iter()
        .map(|side| {
            report[format!("{side}_only")]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_i64)
                .collect()
        })
        .collect();
    let paired_ids: Vec<HashSet<i64>> = vec![
        predicted.keys().map(|k| k.0).collect(),
        predicted.keys().map(|k| k.1).collect(),
    ];
    let mut gold_one: Vec<HashSet<Option<i64>>> = vec![HashSet::new(), HashSet::new()];
    for (key, &(side, status, id)) in &cover {
        match status {
            "ignore" => {
                c.gold_ignore += 1;
                c.gold_ignore_ok +=
                    u64::from(id.is_none_or(|id| {
                        !only[side].contains(&id) && !paired_ids[side].contains(&id)
                    }));
            }
            "free" => {}
            _ if paired_keys.contains(key) => {}
            _ => {
                c.gold_one += 1;
                gold_one[side].insert(id);
                let found = id.is_some_and(|id| only[side].contains(&id));
                c.gold_one_found += u64::from(found);
                let entry = types.entry(format!("{}_only", sides[side])).or_default();
                entry.planted += 1;
                entry.found += u64::from(found);
            }
        }
    }
    for side in 0..2 {
        for &id in &only[side] {
            if free.contains(&(side, Some(id))) {
                continue;
            }
            c.pred_one += 1;
            c.pred_one_ok += u64::from(gold_one[side].contains(&Some(id)));
        }
    }

    println!(
        "{:<12} {:>8} {:>8} {:>8} {:>8}",
        "type", "planted", "found", "recall", "typed"
    );
    for (kind, t) in &types {
        let typed = if REASON_TYPES.contains(&kind.as_str()) {
            format!("{:.3}", ratio(t.typed, t.planted))
        } else {
            String::new()
        };
        println!(
            "{kind:<12} {:>8} {:>8} {:>8.3} {typed:>8}",
            t.planted,
            t.found,
            ratio(t.found, t.planted)
        );
    }
    let planted: u64 = types.values().map(|t| t.planted).sum();
    let found: u64 = types.values().map(|t| t.found).sum();
    let pair_precision = ratio(c.pred_ok, c.pred_pairs);
    let pair_recall = ratio(c.req_found, c.req_pairs);
    let disagree_precision = ratio(c.pred_dis_ok, c.pred_dis);
    let disagree_recall = ratio(c.req_dis_found, c.req_dis);
    let one_precision = ratio(c.pred_one_ok, c.pred_one);
    let one_recall = ratio(c.gold_one_found, c.gold_one);
    let (pair_f1, disagree_f1, one_f1) = (
        f1(pair_precision, pair_recall),
        f1(disagree_precision, disagree_recall),
        f1(one_precision, one_recall),
    );
    let totals = [
        ("planted_recall", ratio(found, planted)),
        ("pair_precision", pair_precision),
        ("pair_recall", pair_recall),
        ("pair_f1", pair_f1),
        ("relation_accuracy", ratio(c.req_rel_ok, c.req_found)),
        ("disagree_precision", disagree_precision),
        ("disagree_recall", disagree_recall),
        ("disagree_f1", disagree_f1),
        ("one_sided_precision", one_precision),
        ("one_sided_recall", one_recall),
        ("one_sided_f1", one_f1),
        ("boilerplate_recall", ratio(c.gold_ignore_ok, c.gold_ignore)),
        ("overall", (pair_f1 + disagree_f1 + one_f1) / 3.0),
    ];
    let line: Vec<String> = totals
        .iter()
        .map(|(name, value)| format!("{name} {value:.3}"))
        .collect();
    println!("TOTAL {}", line.join("  "));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covering_takes_the_largest_overlap_and_the_first_of_a_tie() {
        let st = |id, start, end| Statement { id, start, end };
        let list = [st(7, 0, 10), st(3, 10, 20), st(5, 20, 30)];
        assert_eq!(covering(&list, (5, 15)), Some(7));
        assert_eq!(covering(&list, (12, 30)), Some(5));
        assert_eq!(covering(&list, (30, 40)), None);
        assert_eq!(covering(&list, (0, 10)), Some(7));
    }
}
