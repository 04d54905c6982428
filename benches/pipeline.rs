//! Criterion benchmarks of the pipeline's stages: segmentation, similarity, alignment, and the
//! whole `compare`, on the seed articles and on generated documents (`examples/generate`).
//!
//! `cargo bench --bench pipeline` runs them all; `cargo bench --bench pipeline -- segment` one
//! group. The generated documents come from a fixed seed, so runs compare like with like.

#[allow(dead_code)] // the generator's command line uses the rest
#[path = "../examples/generate/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::align::align;
use crosscheck::attribution::attribution_span;
use crosscheck::normalize::tokenize;
use crosscheck::segment::segment;
use crosscheck::similarity::{similarity, Profile, Weights};
use crosscheck::{compare, Config, Doc, Pair};

const SEED: u64 = 42;

fn seeds() -> Pair<Doc> {
    let read = |name: &str| {
        let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        Doc::read(path.as_ref()).expect("the seed articles are in the repository")
    };
    Pair::new(
        read("000_28f1410be158b030.txt"),
        read("003_0b289d2134709d16.txt"),
    )
}

fn is_word(word: &str) -> bool {
    crosscheck::thesaurus::has_synsets(word) || crosscheck::thesaurus::frequency(word) > 0
}

fn generated(size: usize) -> (corpus::Generated, Pair<Doc>) {
    let g = corpus::generate(SEED, size, &is_word);
    let docs = Pair::new(
        Doc::from_text("left.txt", g.left.as_str()),
        Doc::from_text("right.txt", g.right.as_str()),
    );
    (g, docs)
}

/// What `compare` builds before aligning two articles: one profile per statement, with its
/// story words, `None` for boilerplate.
fn profiles(doc: &Doc) -> Vec<Option<Profile>> {
    segment(doc)
        .iter()
        .map(|s| {
            s.boilerplate.is_none().then(|| {
                let tokens = tokenize(doc.slice(s.span), s.span.start);
                let mut profile =
                    Profile::new(&doc.text, &tokens, attribution_span(&doc.text, &tokens));
                profile.add_story_words(&tokens);
                profile
            })
        })
        .collect()
}

fn weights(profiles: &Pair<Vec<Option<Profile>>>) -> Weights {
    Weights::from_profiles(profiles.left.iter().chain(&profiles.right).flatten())
}

fn bench_segment(c: &mut Criterion) {
    let seeds = seeds();
    let (_, large) = generated(1_000_000);
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(
        (seeds.left.text.len() + seeds.right.text.len()) as u64,
    ));
    group.bench_function("seeds", |b| {
        b.iter(|| (segment(black_box(&seeds.left)), segment(&seeds.right)))
    });
    group.throughput(Throughput::Bytes(large.left.text.len() as u64));
    group.sample_size(10);
    group.bench_function("generated 1MB", |b| {
        b.iter(|| segment(black_box(&large.left)))
    });
    group.finish();
}

fn bench_similarity(c: &mut Criterion) {
    let mut group = c.benchmark_group("similarity");
    // Every left statement of the seeds against every right one, as an index-free alignment
    // would score them.
    let seeds = seeds();
    let seed_profiles = Pair::new(profiles(&seeds.left), profiles(&seeds.right));
    let seed_weights = weights(&seed_profiles);
    let all: Vec<(&Profile, &Profile)> = seed_profiles
        .left
        .iter()
        .flatten()
        .flat_map(|l| seed_profiles.right.iter().flatten().map(move |r| (l, r)))
        .collect();
    group.throughput(Throughput::Elements(all.len() as u64));
    group.bench_function("seeds all pairs", |b| {
        b.iter(|| {
            all.iter()
                .map(|(l, r)| similarity(l, r, &seed_weights))
                .sum::<f64>()
        })
    });
    // The planted pairs of a generated 100 KB pair: statements that do say the same thing.
    let (g, docs) = generated(100_000);
    let doc_profiles = Pair::new(profiles(&docs.left), profiles(&docs.right));
    let doc_weights = weights(&doc_profiles);
    let planted: Vec<(&Profile, &Profile)> = g
        .pairs
        .iter()
        .filter_map(|p| {
            Some((
                doc_profiles.left[p.left].as_ref()?,
                doc_profiles.right[p.right].as_ref()?,
            ))
        })
        .collect();
    group.throughput(Throughput::Elements(planted.len() as u64));
    group.bench_function("planted pairs 100KB", |b| {
        b.iter(|| {
            planted
                .iter()
                .map(|(l, r)| similarity(l, r, &doc_weights))
                .sum::<f64>()
        })
    });
    group.finish();
}

fn bench_align(c: &mut Criterion) {
    let options = Config::default().align_options();
    let (_, docs) = generated(100_000);
    let doc_profiles = Pair::new(profiles(&docs.left), profiles(&docs.right));
    let doc_weights = weights(&doc_profiles);
    let mut group = c.benchmark_group("align");
    group.throughput(Throughput::Bytes(
        (docs.left.text.len() + docs.right.text.len()) as u64,
    ));
    group.sample_size(10);
    group.bench_function("generated 100KB", |b| {
        b.iter(|| {
            align(
                black_box(&doc_profiles.left),
                &doc_profiles.right,
                &doc_weights,
                options,
            )
        })
    });
    group.finish();
}

fn bench_compare(c: &mut Criterion) {
    let config = Config::default();
    let seeds = seeds();
    let mut group = c.benchmark_group("compare");
    group.bench_function("seeds", |b| {
        b.iter(|| compare(black_box(&seeds.left), &seeds.right, &config))
    });
    let (_, docs) = generated(100_000);
    group.throughput(Throughput::Bytes(
        (docs.left.text.len() + docs.right.text.len()) as u64,
    ));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("generated 100KB", |b| {
        b.iter(|| compare(black_box(&docs.left), &docs.right, &config))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_segment,
    bench_similarity,
    bench_align,
    bench_compare
);
criterion_main!(benches);
