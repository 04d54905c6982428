//! Three or more sources at once, scored against the gold of `fixtures/sources/*.gold.json`
//! (the format is described in docs/development.md), through the binary's JSON report.
//!
//! Each gold file names its sources (A, B, C, ... in order), quotes every statement, groups the
//! statements into the claims they state, and names the conflicts between claims and the chains
//! that must not join (A agrees with B, B with C, A not with C). Scored:
//!
//! - claim pairs: two statements of different sources in one claim, gold against report
//!   (precision, recall, F1);
//! - conflicts: each gold conflict must be a conflict of the report between the claims holding
//!   its statements, and each conflict of the report must be a gold one;
//! - one-source claims: the gold claims of one statement, in no conflict, against the report's
//!   `only` lists;
//! - chains: the links of the chain must be in the report (else the trap tests nothing) and its
//!   ends must be in different claims.
//!
//! `cargo test --test sources -- --nocapture` prints the figures of each file.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Claim-pair F1 of every file: the fixtures are written to be clear; they are all reached.
const MIN_CLAIM_PAIR_F1: f64 = 0.95;
/// One-source F1 of every file.
const MIN_ONLY_F1: f64 = 0.9;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn gold_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo("fixtures/sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
}

/// The binary's report and exit status for `paths`.
fn crosscheck(args: &[&str], paths: &[PathBuf]) -> (Value, i32) {
    let output = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    let code = output.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&output.stderr));
    (serde_json::from_slice(&output.stdout).unwrap(), code)
}

/// A statement of the report: (source, id).
type Statement = (usize, usize);

struct Scored {
    claim_pairs: (usize, usize, usize),
    conflicts: (usize, usize, usize),
    only: (usize, usize, usize),
    chains_kept_apart: usize,
}

fn f1((found, predicted, gold): (usize, usize, usize)) -> f64 {
    if predicted + gold == 0 {
        return 1.0;
    }
    2.0 * found as f64 / (predicted + gold) as f64
}

/// The report statement that overlaps the `occurrence`-th place of `quote` in `file` most.
fn locate(report: &Value, source: usize, file: &[u8], quote: &str, name: &str) -> Statement {
    let places: Vec<usize> = file
        .windows(quote.len())
        .enumerate()
        .filter(|(_, w)| *w == quote.as_bytes())
        .map(|(at, _)| at)
        .collect();
    assert_eq!(places.len(), 1, "{name}: {quote:?} must occur exactly once");
    let (start, end) = (places[0], places[0] + quote.len());
    let statements = report["sources"][source]["statements"].as_array().unwrap();
    let best = statements
        .iter()
        .max_by_key(|s| {
            let (s_start, s_end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            s_end.min(end).saturating_sub(s_start.max(start))
        })
        .unwrap();
    (source, best["id"].as_u64().unwrap() as usize)
}

fn score(gold_path: &Path) -> Scored {
    let gold: Value = serde_json::from_str(&fs::read_to_string(gold_path).unwrap()).unwrap();
    let dir = gold_path.parent().unwrap();
    let paths: Vec<PathBuf> = gold["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| dir.join(p.as_str().unwrap()))
        .collect();
    let (report, exit) = crosscheck(&["--format", "json"], &paths);
    let files: Vec<Vec<u8>> = paths.iter().map(|p| fs::read(p).unwrap()).collect();

    // Gold statements, located in the report.
    let mut at: HashMap<&str, Statement> = HashMap::new();
    let mut free: HashSet<Statement> = HashSet::new();
    for (name, entry) in gold["statements"].as_object().unwrap() {
        let letter = entry["source"].as_str().unwrap();
        let source = (letter.as_bytes()[0] - b'A') as usize;
        let found = locate(
            &report,
            source,
            &files[source],
            entry["quote"].as_str().unwrap(),
            name,
        );
        if entry["status"] == "free" {
            free.insert(found);
        } else {
            at.insert(name.as_str(), found);
        }
    }

    // Gold claims and the report's.
    let mut gold_claim: HashMap<Statement, usize> = HashMap::new();
    let mut gold_claim_named: HashMap<&str, usize> = HashMap::new();
    let mut gold_only: HashSet<Statement> = HashSet::new();
    for (c, claim) in gold["claims"].as_array().unwrap().iter().enumerate() {
        gold_claim_named.insert(claim["name"].as_str().unwrap(), c);
        let members = claim["members"].as_array().unwrap();
        for m in members {
            let statement = at[m.as_str().unwrap()];
            assert!(
                gold_claim.insert(statement, c).is_none(),
                "{m} is in two gold claims"
            );
        }
        if members.len() == 1 {
            gold_only.insert(at[members[0].as_str().unwrap()]);
        }
    }
    // A claim of one source that another contradicts is contested: a row of the matrix, not
    // one source's own.
    for conflict in gold["conflicts"].as_array().unwrap() {
        for name in conflict["claims"].as_array().unwrap() {
            let c = gold_claim_named[name.as_str().unwrap()];
            gold_only.retain(|s| gold_claim[s] != c);
        }
    }
    assert_eq!(
        gold_claim.len(),
        at.len(),
        "every statement that is not free is in a gold claim"
    );
    let mut claim_of: HashMap<Statement, usize> = HashMap::new();
    for claim in report["claims"].as_array().unwrap() {
        for m in claim["members"].as_array().unwrap() {
            let statement = (
                m["source"].as_u64().unwrap() as usize,
                m["id"].as_u64().unwrap() as usize,
            );
            claim_of.insert(statement, claim["id"].as_u64().unwrap() as usize);
        }
    }

    // Claim pairs, between statements of different sources that are scored.
    let scored: Vec<Statement> = {
        let mut s: Vec<Statement> = gold_claim.keys().copied().collect();
        s.sort_unstable();
        s
    };
    let (mut found, mut predicted, mut wanted) = (0, 0, 0);
    for (i, a) in scored.iter().enumerate() {
        for b in &scored[i + 1..] {
            if a.0 == b.0 {
                continue;
            }
            let in_gold = gold_claim[a] == gold_claim[b];
            let in_report = claim_of.contains_key(a) && claim_of.get(a) == claim_of.get(b);
            wanted += usize::from(in_gold);
            predicted += usize::from(in_report);
            found += usize::from(in_gold && in_report);
        }
    }
    let claim_pairs = (found, predicted, wanted);

    // Conflicts, as pairs of gold claims.
    let gold_conflicts: HashSet<(usize, usize)> = gold["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let names = c["claims"].as_array().unwrap();
            let x = gold_claim_named[names[0].as_str().unwrap()];
            let y = gold_claim_named[names[1].as_str().unwrap()];
            (x.min(y), x.max(y))
        })
        .collect();
    // A report claim stands for the gold claim most of its scored statements belong to.
    let mut votes: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for (statement, &g) in &gold_claim {
        if let Some(&c) = claim_of.get(statement) {
            *votes.entry(c).or_default().entry(g).or_default() += 1;
        }
    }
    let gold_of = |c: usize| -> Option<usize> {
        votes
            .get(&c)?
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
            .map(|(g, _)| *g)
    };
    let report_conflicts: HashSet<(usize, usize)> = report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| {
            let claims = c["claims"].as_array().unwrap();
            let x = gold_of(claims[0].as_u64().unwrap() as usize)?;
            let y = gold_of(claims[1].as_u64().unwrap() as usize)?;
            Some((x.min(y), x.max(y)))
        })
        .collect();
    let conflicts = (
        report_conflicts.intersection(&gold_conflicts).count(),
        report_conflicts.len(),
        gold_conflicts.len(),
    );
    assert_eq!(
        exit,
        i32::from(!gold_conflicts.is_empty()),
        "the exit status says whether two sources disagree"
    );

    // One-source claims.
    let reported_only: HashSet<Statement> = report["only"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .flat_map(|(source, ids)| {
            ids.as_array()
                .unwrap()
                .iter()
                .map(move |id| (source, id.as_u64().unwrap() as usize))
        })
        .filter(|s| !free.contains(s))
        .collect();
    let only = (
        reported_only.intersection(&gold_only).count(),
        reported_only.len(),
        gold_only.len(),
    );

    // Chains: the trap must be set (the links are there) and must not close.
    let linked = |a: Statement, b: Statement| {
        report["links"].as_array().unwrap().iter().any(|l| {
            let sources = (
                l["sources"][0].as_u64().unwrap() as usize,
                l["sources"][1].as_u64().unwrap() as usize,
            );
            let ids = (
                l["left"].as_u64().unwrap() as usize,
                l["right"].as_u64().unwrap() as usize,
            );
            let pair = [(sources.0, ids.0), (sources.1, ids.1)];
            l["relation"] == "agree" && (pair == [a, b] || pair == [b, a])
        })
    };
    let mut chains_kept_apart = 0;
    for chain in gold["chains"].as_array().unwrap() {
        let members: Vec<Statement> = chain["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| at[m.as_str().unwrap()])
            .collect();
        for step in members.windows(2) {
            assert!(linked(step[0], step[1]), "{gold_path:?}: the chain's link {step:?} is not in the report: the trap is not set");
        }
        let (first, last) = (members[0], members[members.len() - 1]);
        assert!(
            !linked(first, last),
            "{gold_path:?}: the chain's ends are linked: no trap"
        );
        assert_ne!(
            claim_of.get(&first),
            claim_of.get(&last),
            "{gold_path:?}: the chain {members:?} closed into one claim"
        );
        chains_kept_apart += 1;
    }
    Scored {
        claim_pairs,
        conflicts,
        only,
        chains_kept_apart,
    }
}

#[test]
fn every_many_source_fixture_meets_its_gold() {
    let files = gold_files();
    assert!(!files.is_empty(), "no fixtures/sources/*.gold.json");
    let mut chains = 0;
    let mut conflicts = 0;
    for file in &files {
        let s = score(file);
        println!(
            "{}: claim pairs {:?} F1 {:.3} · conflicts {:?} F1 {:.3} · only {:?} F1 {:.3} · chains kept apart {}",
            file.file_name().unwrap().to_string_lossy(),
            s.claim_pairs,
            f1(s.claim_pairs),
            s.conflicts,
            f1(s.conflicts),
            s.only,
            f1(s.only),
            s.chains_kept_apart
        );
        assert!(
            f1(s.claim_pairs) >= MIN_CLAIM_PAIR_F1,
            "{file:?}: claim pairs {:?}",
            s.claim_pairs
        );
        assert!(
            f1(s.only) >= MIN_ONLY_F1,
            "{file:?}: one-source claims {:?}",
            s.only
        );
        assert_eq!(
            s.conflicts.0, s.conflicts.2,
            "{file:?}: a gold conflict is missing"
        );
        assert_eq!(
            s.conflicts.0, s.conflicts.1,
            "{file:?}: a conflict that is not in the gold"
        );
        chains += s.chains_kept_apart;
        conflicts += s.conflicts.2;
    }
    assert!(chains > 0, "the fixtures must hold a chaining trap");
    assert!(
        conflicts > 0,
        "the fixtures must hold a claim two sources contradict"
    );
}

/// What the many-source report says of two sources is what `crosscheck A B` says of them.
#[test]
fn the_links_of_two_sources_are_their_two_source_pairs() {
    for file in gold_files() {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let dir = file.parent().unwrap();
        let paths: Vec<PathBuf> = gold["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| dir.join(p.as_str().unwrap()))
            .collect();
        let (many, _) = crosscheck(&["--format", "json"], &paths);
        for a in 0..paths.len() {
            for b in a + 1..paths.len() {
                let (two, _) =
                    crosscheck(&["--format", "json"], &[paths[a].clone(), paths[b].clone()]);
                let expected: Vec<(u64, u64, &str, &Value)> = two["pairs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| {
                        (
                            p["left"].as_u64().unwrap(),
                            p["right"].as_u64().unwrap(),
                            p["relation"].as_str().unwrap(),
                            &p["confidence"],
                        )
                    })
                    .collect();
                let found: Vec<(u64, u64, &str, &Value)> = many["links"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|l| l["sources"] == serde_json::json!([a, b]))
                    .map(|l| {
                        (
                            l["left"].as_u64().unwrap(),
                            l["right"].as_u64().unwrap(),
                            l["relation"].as_str().unwrap(),
                            &l["confidence"],
                        )
                    })
                    .collect();
                assert_eq!(found, expected, "{file:?}: sources {a} and {b}");
                assert_eq!(
                    many["sources"][a]["statements"].as_array().unwrap().len(),
                    two["left"]["statements"].as_array().unwrap().len()
                );
            }
        }
    }
}
