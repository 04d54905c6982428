//! Checks, on real article pairs, the two promises candidate generation makes: its cut-offs lose
//! nothing on two articles (the report equals the one with every key-sharing pair scored), and
//! swapping LEFT and RIGHT mirrors the report. The test suite checks both on the fixtures; this
//! runs them on a folder of events, each a folder of articles about one story (such as the
//! news-events benchmark), comparing every two articles of an event.
//!
//! ```text
//! cargo run --release --example same_candidates -- PATH/news-events
//! ```
//!
//! Exits 1 when a pair of articles breaks either promise, naming it.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use crosscheck::align::Candidates;
use crosscheck::{compare, render, Config, Doc, Report};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root] = args.as_slice() else {
        anyhow::bail!("usage: same_candidates FOLDER_OF_EVENTS");
    };
    let mut events: Vec<PathBuf> = read_sorted(Path::new(root))?
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    events.sort();
    anyhow::ensure!(!events.is_empty(), "no event folders in {root}");
    let (mut compared, mut failures) = (0, Vec::new());
    for event in &events {
        let articles: Vec<PathBuf> = read_sorted(event)?
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        for (i, left) in articles.iter().enumerate() {
            for right in &articles[i + 1..] {
                let name = format!("{} / {}", left.display(), right.display());
                let (left, right) = (Doc::read(left)?, Doc::read(right)?);
                let config = |candidates| Config {
                    candidates,
                    ..Config::default()
                };
                let indexed = compare(&left, &right, &config(Candidates::Indexed));
                let exhaustive = compare(&left, &right, &config(Candidates::Exhaustive));
                if json(&indexed)? != json(&exhaustive)? {
                    failures.push(format!("{name}: the cut-offs change the report"));
                }
                let swapped = compare(&right, &left, &config(Candidates::Indexed));
                if !mirrors(&indexed, &swapped) {
                    failures.push(format!("{name}: swapping the inputs does not mirror it"));
                }
                compared += 1;
            }
        }
    }
    println!(
        "{compared} article pairs of {} events: {} differ",
        events.len(),
        failures.len()
    );
    for failure in &failures {
        println!("  {failure}");
    }
    if !failures.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}

fn read_sorted(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.sort();
    Ok(paths)
}

fn json(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    render::json::write(report, &mut bytes)?;
    Ok(bytes)
}

/// Whether `swapped` (RIGHT against LEFT) holds the pairs of `report`, each turned around, with
/// the same relation and confidence (to nine decimals), and the one-sided claims of each side.
fn mirrors(report: &Report, swapped: &Report) -> bool {
    let pairs = |r: &Report, turn: bool| {
        let mut pairs: Vec<_> = r
            .pairs
            .iter()
            .map(|p| {
                let (l, r) = if turn {
                    (p.ids.right, p.ids.left)
                } else {
                    (p.ids.left, p.ids.right)
                };
                // Sums taken in another order may differ in their last bits.
                (l, r, p.relation, (p.confidence * 1e9).round() as i64)
            })
            .collect();
        pairs.sort_unstable_by_key(|&(l, r, ..)| (l, r));
        pairs
    };
    pairs(report, false) == pairs(swapped, true)
        && report.only.left == swapped.only.right
        && report.only.right == swapped.only.left
}
