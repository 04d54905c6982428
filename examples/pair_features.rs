//! Prints, for each sentence pair read as JSON Lines on stdin (`{"id", "left", "right"}`, other
//! fields ignored), whether a check finds the two texts in conflict and the features pair mode's
//! same-claim model reads, one JSON object per line: the input of `scripts/fit_pairs.py`.
//!
//! ```text
//! cargo run --release --example pair_features < pairs.jsonl
//! ```

use std::io::{BufRead as _, Write as _};

use crosscheck::pairs::{conflict_and_features, same_claim::FEATURES, PairConfig};
use rayon::prelude::*;

fn main() -> anyhow::Result<()> {
    let lines: Vec<String> = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;
    let config = PairConfig::default();
    let judged: Vec<anyhow::Result<serde_json::Value>> = lines
        .par_iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let pair: serde_json::Value = serde_json::from_str(line)?;
            let text = |side: &str| -> anyhow::Result<&str> {
                pair[side]
                    .as_str()
                    .ok_or_else(|| anyhow::anyhow!("\"{side}\" is not a string: {line}"))
            };
            let (conflict, features) =
                conflict_and_features(text("left")?, text("right")?, &config);
            Ok(serde_json::json!({ "id": pair["id"], "conflict": conflict, "x": features.0 }))
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}", serde_json::json!({ "features": FEATURES }))?;
    for line in judged {
        writeln!(out, "{}", line?)?;
    }
    Ok(())
}
