//! Prints the candidate statement pairs of two articles with the features the linking model
//! reads, one JSON object per line: the input of `scripts/fit_linking.py`.
//!
//! ```text
//! cargo run --release --example link_features -- LEFT RIGHT
//! ```

use std::io::Write as _;

use crosscheck::{link_candidates, linking::FEATURES, Config, Doc};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [left, right] = args.as_slice() else {
        anyhow::bail!("usage: link_features LEFT RIGHT");
    };
    let left = Doc::read(left.as_ref())?;
    let right = Doc::read(right.as_ref())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}", serde_json::json!({ "features": FEATURES }))?;
    for (link, features) in link_candidates(&left, &right, &Config::default()) {
        let line = serde_json::json!({
            "left": link.left,
            "right": link.right,
            "x": features.0,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
