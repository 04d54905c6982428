//! Writes two long news documents with planted agreements, disagreements of each type and
//! one-sided claims, and their gold file, for measuring crosscheck at scale:
//!
//! ```text
//! cargo run --release --example generate -- --size 1MB --seed 42 --out target/bench-data/1MB
//! ```
//!
//! writes `OUT/left.txt`, `OUT/right.txt` and `OUT/planted.gold.json` (the evaluation's gold
//! format; `examples/recall.rs` or score.py score a report against it). `--pairs N` also writes
//! `OUT/pairs.jsonl`, N sentence pairs for `crosscheck --pairs`. The same seed and size give the
//! same bytes. See `corpus.rs` for what is planted.

mod corpus;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Parser;
use corpus::Kind;

/// Generate a document pair with planted items (and/or sentence pairs) from a seed.
#[derive(Debug, Parser)]
struct Args {
    /// Size of each document: bytes, or a number with KB, MB (powers of 1000) or KiB, MiB.
    #[arg(long, value_parser = parse_size)]
    size: Option<usize>,
    /// Seed of the generator.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Folder to write into (created when missing).
    #[arg(long)]
    out: PathBuf,
    /// Also write OUT/pairs.jsonl with this many sentence pairs for `crosscheck --pairs`.
    #[arg(long)]
    pairs: Option<usize>,
}

fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 100KB or 10MB"))?;
    let scale = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "unknown size unit {other:?}: use KB, MB, KiB or MiB"
            ))
        }
    };
    Ok((number * scale) as usize)
}

/// Whether a lowercase word is an English word (WordNet knows it): invented names must not be.
fn is_word(word: &str) -> bool {
    crosscheck::thesaurus::has_synsets(word) || crosscheck::thesaurus::frequency(word) > 0
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.size.is_none() && args.pairs.is_none() {
        bail!("give --size, --pairs or both");
    }
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    if let Some(size) = args.size {
        let generated = corpus::generate(args.seed, size, &is_word);
        let write = |name: &str, text: &str| {
            let path = args.out.join(name);
            fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
        };
        write("left.txt", &generated.left)?;
        write("right.txt", &generated.right)?;
        write(
            "planted.gold.json",
            &generated.gold_json("left.txt", "right.txt"),
        )?;
        let count = |kind: Kind| match kind {
            Kind::LeftOnly | Kind::RightOnly => generated
                .left_kinds
                .iter()
                .chain(&generated.right_kinds)
                .filter(|k| **k == kind)
                .count(),
            _ => generated.pairs.iter().filter(|p| p.kind == kind).count(),
        };
        let listed: Vec<String> = Kind::ALL
            .iter()
            .map(|&kind| format!("{} {}", kind.label(), count(kind)))
            .collect();
        eprintln!(
            "{}: left {} bytes, {} sentences; right {} bytes, {} sentences; planted: {}",
            args.out.display(),
            generated.left.len(),
            generated.left_sentences.len(),
            generated.right.len(),
            generated.right_sentences.len(),
            listed.join(", ")
        );
    }
    if let Some(count) = args.pairs {
        let path = args.out.join("pairs.jsonl");
        let file =
            fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?;
        let mut out = BufWriter::new(file);
        for (id, pair) in corpus::text_pairs(args.seed, count, &is_word)
            .iter()
            .enumerate()
        {
            let line = serde_json::json!({
                "id": id,
                "left": pair.left,
                "right": pair.right,
                "label": pair.label,
                "type": pair.kind.label(),
            });
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        eprintln!("{}: {count} sentence pairs", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::segment::segment;
    use crosscheck::Doc;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("100KB"), Ok(100_000));
        assert_eq!(parse_size("1MB"), Ok(1_000_000));
        assert_eq!(parse_size("2.5 MiB"), Ok(2_621_440));
        assert_eq!(parse_size("512"), Ok(512));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("3 parsecs").is_err());
    }

    #[test]
    fn same_seed_same_documents_other_seed_others() {
        let a = corpus::generate(7, 20_000, &is_word);
        assert_eq!(a, corpus::generate(7, 20_000, &is_word));
        assert_ne!(a.left, corpus::generate(8, 20_000, &is_word).left);
    }

    #[test]
    fn documents_have_the_size_asked_for_and_pairs_grow_with_it() {
        let small = corpus::generate(3, 20_000, &is_word);
        let large = corpus::generate(3, 80_000, &is_word);
        for (g, size) in [(&small, 20_000.0), (&large, 80_000.0)] {
            for text in [&g.left, &g.right] {
                let ratio = text.len() as f64 / size;
                assert!(
                    (0.9..1.1).contains(&ratio),
                    "{} bytes for {size}",
                    text.len()
                );
            }
        }
        let growth = large.pairs.len() as f64 / small.pairs.len() as f64;
        assert!((3.4..4.6).contains(&growth), "pairs grew {growth}x for 4x");
    }

    #[test]
    fn every_kind_is_planted() {
        let g = corpus::generate(11, 60_000, &is_word);
        for kind in Kind::ALL {
            let planted = g.pairs.iter().any(|p| p.kind == kind)
                || g.left_kinds.contains(&kind)
                || g.right_kinds.contains(&kind);
            assert!(planted, "no {} planted", kind.label());
        }
    }

    /// Each planted sentence is one statement to crosscheck's segmenter, and its quote occurs
    /// once in its file, as the gold format demands.
    #[test]
    fn planted_sentences_are_whole_unique_statements() {
        let g = corpus::generate(5, 30_000, &is_word);
        for (text, sentences) in [(&g.left, &g.left_sentences), (&g.right, &g.right_sentences)] {
            let statements = segment(&Doc::from_text("generated", text.as_str()));
            let spans: Vec<(usize, usize)> = statements
                .iter()
                .map(|s| (s.span.start, s.span.end))
                .collect();
            let planted: Vec<(usize, usize)> = sentences.iter().map(|s| (s.start, s.end)).collect();
            assert_eq!(spans, planted);
            assert!(statements.iter().all(|s| s.boilerplate.is_none()));
            for s in sentences {
                let quote = &text[s.start..s.end];
                assert_eq!(text.matches(quote).count(), 1, "{quote:?} is not unique");
            }
        }
    }

    #[test]
    fn gold_spans_slice_back_to_their_quotes() {
        let g = corpus::generate(9, 10_000, &is_word);
        let gold: serde_json::Value =
            serde_json::from_str(&g.gold_json("left.txt", "right.txt")).unwrap();
        let statements = gold["statements"].as_object().unwrap();
        assert_eq!(
            statements.len(),
            g.left_sentences.len() + g.right_sentences.len()
        );
        for entry in statements.values() {
            let text = if entry["side"] == "left" {
                &g.left
            } else {
                &g.right
            };
            let (start, end) = (
                entry["start"].as_u64().unwrap() as usize,
                entry["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], entry["quote"].as_str().unwrap());
        }
        let pairs = gold["pairs"].as_array().unwrap();
        assert_eq!(pairs.len(), g.pairs.len());
        for pair in pairs {
            for side in ["left", "right"] {
                assert!(statements.contains_key(pair[side].as_str().unwrap()));
            }
        }
    }

    #[test]
    fn text_pairs_are_counted_and_labelled() {
        let pairs = corpus::text_pairs(1, 500, &is_word);
        assert_eq!(pairs.len(), 500);
        for label in ["agree", "disagree", "unrelated"] {
            assert!(pairs.iter().any(|p| p.label == label), "no {label} pair");
        }
    }
}
