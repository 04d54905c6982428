//! Prints, for every claim of LEFT, its closest statements in RIGHT with their similarity and
//! the judgment: a tuning aid. `cargo run --example similarities -- LEFT RIGHT [N]`

use crosscheck::judge::{judge, Claim};
use crosscheck::normalize::tokenize;
use crosscheck::segment::segment;
use crosscheck::similarity::{similarity, Profile, Weights};
use crosscheck::{Doc, Pair};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [left, right, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: similarities LEFT RIGHT [N]");
    };
    let top: usize = rest.first().map_or(Ok(3), |n| n.parse())?;
    let tsv = rest.get(1).is_some_and(|f| f == "tsv");
    let docs = Pair::new(Doc::read(left.as_ref())?, Doc::read(right.as_ref())?);
    let analyse = |doc: &Doc| {
        segment(doc)
            .into_iter()
            .filter(|s| s.boilerplate.is_none())
            .map(|s| {
                let tokens = tokenize(doc.slice(s.span), s.span.start);
                let attribution = crosscheck::attribution::attribution_span(&doc.text, &tokens);
                (s, Profile::new(&doc.text, &tokens, attribution), tokens)
            })
            .collect::<Vec<_>>()
    };
    let (l, r) = (analyse(&docs.left), analyse(&docs.right));
    let weights = Weights::from_profiles(l.iter().chain(&r).map(|(_, p, _)| p));
    // Background resemblance of each statement to the whole other side, as alignment uses it.
    let background_left: Vec<f64> = l
        .iter()
        .map(|(_, lp, _)| {
            r.iter()
                .map(|(_, rp, _)| similarity(lp, rp, &weights))
                .sum::<f64>()
                / r.len().max(1) as f64
        })
        .collect();
    let background_right: Vec<f64> = r
        .iter()
        .map(|(_, rp, _)| {
            l.iter()
                .map(|(_, lp, _)| similarity(lp, rp, &weights))
                .sum::<f64>()
                / l.len().max(1) as f64
        })
        .collect();
    for (li, (ls, lp, lt)) in l.iter().enumerate() {
        if !tsv {
            println!("L{} {}", ls.id, docs.left.slice(ls.span));
        }
        let mut scored: Vec<_> = r
            .iter()
            .enumerate()
            .map(|(ri, (rs, rp, rt))| (similarity(lp, rp, &weights), rs, rt, ri, rp))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (score, rs, rt, ri, rp) in scored.into_iter().take(top) {
            let judgment = judge(Pair::new(
                Claim {
                    text: &docs.left.text,
                    tokens: lt,
                },
                Claim {
                    text: &docs.right.text,
                    tokens: rt,
                },
            ));
            let reasons: Vec<&str> = judgment.reasons.iter().map(|r| r.kind.label()).collect();
            let text = docs.right.slice(rs.span);
            if tsv {
                let anchors = crosscheck::similarity::anchors(lp, rp)
                    .min(crosscheck::similarity::anchors(rp, lp));
                let background = background_left[li].max(background_right[ri]);
                println!(
                    "{}\t{}\t{score:.3}\t{}\tbg={background:.2} anchors={anchors} terms={}",
                    ls.id,
                    rs.id,
                    reasons.join(","),
                    lp.terms.len().min(rp.terms.len())
                );
                continue;
            }
            println!(
                "   {score:.2} R{} {:?} {}",
                rs.id,
                reasons,
                &text[..text.len().min(90)]
            );
        }
    }
    Ok(())
}
