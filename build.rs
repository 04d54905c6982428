//! Builds at compile time the lookup tables a run would otherwise build before reading a line.
//!
//! Comparing two short articles takes a few milliseconds, process start included; building these
//! tables at start-up took about a fifth of that:
//!
//! - `thesaurus_lines.bin`: where each line of `data/thesaurus.tsv` starts (little-endian `u32`
//!   offsets, the data's end last), so `thesaurus.rs` reads a line of the embedded text without
//!   first scanning it for line ends; `thesaurus_index.rs` and the `thesaurus_*_{disps,slots}.bin`
//!   it includes: a perfect hash of each kind of record's keys to their lines (`perfect_hash`),
//!   and WordNet's antonym pairs as a sorted table read both ways.
//! - `lexicon_tables.rs`: the hand lists of `src/lexicon/lists.rs` (synonym groups, phrases,
//!   antonyms) Snowball-stemmed with the same stemmer and rules `lexicon::stem` applies at run
//!   time, as sorted tables.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use rust_stemmers::{Algorithm, Stemmer};

#[allow(dead_code)]
mod lists {
    include!("src/lexicon/lists.rs");
}

mod key_hash {
    include!("src/thesaurus/key_hash.rs");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/thesaurus.tsv");
    println!("cargo:rerun-if-changed=src/lexicon/lists.rs");
    println!("cargo:rerun-if-changed=src/thesaurus/key_hash.rs");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    thesaurus_index(out);
    lexicon_tables(out);
}

/// The order in which `scripts/build_thesaurus.py` writes the kinds of records, after the
/// comment lines (`#`).
const KIND_ORDER: &[u8] = b"#bsdhafp";

fn thesaurus_index(out: &Path) {
    let data = fs::read_to_string("data/thesaurus.tsv").expect("data/thesaurus.tsv is readable");
    let mut starts: Vec<u32> = Vec::new();
    let mut position = 0;
    while position < data.len() {
        starts.push(u32::try_from(position).expect("the thesaurus is under 4 GiB"));
        position = data[position..]
            .find('\n')
            .map_or(data.len() + 1, |i| position + i + 1);
    }
    let lines = starts.len();
    // The sentinel: one past the last line's end, as if every line ended with a newline.
    starts.push(u32::try_from(position).expect("the thesaurus is under 4 GiB"));

    let kind_of = |line: usize| data.as_bytes()[starts[line] as usize];
    let mut code = String::new();
    let mut previous_rank = 0;
    for line in 0..lines {
        let rank = KIND_ORDER
            .iter()
            .position(|&k| k == kind_of(line))
            .unwrap_or_else(|| panic!("thesaurus line {}: unknown kind", line + 1));
        assert!(
            rank >= previous_rank,
            "thesaurus line {}: kinds out of order",
            line + 1
        );
        previous_rank = rank;
    }
    // Antonyms (`a`) are read into their own table below.
    for &kind in KIND_ORDER[1..].iter().filter(|&&k| k != b'a') {
        let first = (0..lines).find(|&l| kind_of(l) == kind).unwrap_or(lines);
        let end = (first..lines)
            .find(|&l| kind_of(l) != kind)
            .unwrap_or(lines);
        // A perfect hash of the section's keys: a lookup hashes the key once and reads one
        // line, where a binary search read a dozen lines scattered over the data.
        let key_of = |line: usize| {
            let record = &data[starts[line] as usize + 2..starts[line + 1] as usize - 1];
            record.split('\t').next().unwrap_or(record)
        };
        let keys: Vec<&str> = (first..end).map(key_of).collect();
        let hash = perfect_hash(&keys);
        let name = (kind as char).to_ascii_uppercase();
        let disps: Vec<u8> = hash
            .disps
            .iter()
            .flat_map(|&(d1, d2)| [d1.to_le_bytes(), d2.to_le_bytes()])
            .flatten()
            .collect();
        let slots: Vec<u8> = hash
            .map
            .iter()
            .flat_map(|&i| {
                u32::try_from(first + i)
                    .expect("under 4G lines")
                    .to_le_bytes()
            })
            .collect();
        fs::write(out.join(format!("thesaurus_{name}_disps.bin")), disps).unwrap();
        fs::write(out.join(format!("thesaurus_{name}_slots.bin")), slots).unwrap();
        writeln!(
            code,
            "/// The records of kind `{k}`: lines `{first}..{end}` of the data, {n} keys.\n\
             const SECTION_{name}: Section = Section {{\n\
             \x20   seed: {seed},\n\
             \x20   disps: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/thesaurus_{name}_disps.bin\")),\n\
             \x20   slots: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/thesaurus_{name}_slots.bin\")),\n\
             }};",
            k = kind as char,
            n = keys.len(),
            seed = hash.seed,
        )
        .unwrap();
    }

    // Antonym pairs are listed once each; the table reads them both ways, in file order.
    let mut antonyms: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for line in data.lines().filter(|l| l.starts_with("a\t")) {
        let mut fields = line.split('\t').skip(1);
        if let (Some(a), Some(b)) = (fields.next(), fields.next()) {
            antonyms.entry(a).or_default().push(b);
            antonyms.entry(b).or_default().push(a);
        }
    }
    code.push_str(
        "/// WordNet's direct antonyms, both ways, sorted by lemma.\n\
         static ANTONYMS: &[(&str, &[&str])] = &[\n",
    );
    for (lemma, opposites) in &antonyms {
        writeln!(code, "    ({lemma:?}, &{opposites:?}),").unwrap();
    }
    code.push_str("];\n");
    fs::write(out.join("thesaurus_index.rs"), code).unwrap();

    let bytes: Vec<u8> = starts.iter().flat_map(|s| s.to_le_bytes()).collect();
    fs::write(out.join("thesaurus_lines.bin"), bytes).unwrap();
}

/// A perfect hash of a table's keys (see `src/thesaurus/key_hash.rs`): the seed of the hash,
/// the displacements of each bucket, and the key each slot holds.
struct PerfectHash {
    seed: u64,
    disps: Vec<(u32, u32)>,
    map: Vec<usize>,
}

/// Keys per bucket, on average: the `phf` crates' choice.
const BUCKET_KEYS: usize = 3;

/// Builds a perfect hash of `keys` the way `phf_generator` does ("hash, displace and
/// compress"), with the thesaurus's own hash: seeds are tried in a fixed order until every
/// bucket, largest first, finds displacements that put its keys in free slots.
fn perfect_hash(keys: &[&str]) -> PerfectHash {
    let slots = keys.len();
    let buckets = slots.div_ceil(BUCKET_KEYS).max(1);
    // A fixed sequence of seeds (a linear congruential generator's): the same tables each build.
    let mut seed: u64 = 1_234_567_890;
    'seeds: loop {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let hashes: Vec<key_hash::KeyHashes> =
            keys.iter().map(|k| key_hash::key_hashes(k, seed)).collect();
        let mut bucket_keys: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, h) in hashes.iter().enumerate() {
            bucket_keys[h.g as usize % buckets].push(i);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(bucket_keys[b].len()));
        let mut disps = vec![(0u32, 0u32); buckets];
        let mut map = vec![usize::MAX; slots];
        // The slots a try of displacements took, marked with the try's number.
        let mut tried = vec![0u64; slots];
        let mut try_number = 0u64;
        for bucket in order {
            let placed = (0..slots as u32)
                .flat_map(|d1| (0..slots as u32).map(move |d2| (d1, d2)))
                .find(|&disp| {
                    try_number += 1;
                    bucket_keys[bucket].iter().all(|&key| {
                        let slot = key_hash::slot(&hashes[key], disp, slots as u32) as usize;
                        let free = map[slot] == usize::MAX && tried[slot] != try_number;
                        tried[slot] = try_number;
                        free
                    })
                });
            let Some(disp) = placed else {
                continue 'seeds;
            };
            disps[bucket] = disp;
            for &key in &bucket_keys[bucket] {
                map[key_hash::slot(&hashes[key], disp, slots as u32) as usize] = key;
            }
        }
        return PerfectHash { seed, disps, map };
    }
}

fn lexicon_tables(out: &Path) {
    let stemmer = Stemmer::create(Algorithm::English);
    let irregular: HashMap<&str, &str> = lists::IRREGULAR_FORMS.iter().copied().collect();
    // As `lexicon::stem`.
    let stem = |word: &str| -> String {
        let base = irregular.get(word).copied().unwrap_or(word);
        stemmer.stem(base).into_owned()
    };

    let mut synonym_of_stem: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for group in lists::SYNONYMS {
        let head = stem(group[0]);
        for word in group.iter().filter(|w| !w.contains(' ')) {
            // A word may sit in several groups ("drop": cancel, fall); the first is its key.
            let senses = synonym_of_stem.entry(stem(word)).or_default();
            if !senses.contains(&head) {
                senses.push(head.clone());
            }
        }
    }
    let canonical = |word: &str| {
        let s = stem(word);
        synonym_of_stem
            .get(&s)
            .map_or(s, |senses| senses[0].clone())
    };
    let mut antonyms: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (a, b) in lists::ANTONYMS {
        let (a, b) = (canonical(a), canonical(b));
        if a != b {
            antonyms.entry(a.clone()).or_default().push(b.clone());
            antonyms.entry(b).or_default().push(a);
        }
    }
    let mut phrases: Vec<(Vec<String>, String)> = lists::PHRASES
        .iter()
        .map(|(phrase, key)| (phrase.split(' ').map(stem).collect(), canonical(key)))
        .collect();
    for group in lists::SYNONYMS {
        for word in group.iter().filter(|w| w.contains(' ')) {
            phrases.push((word.split(' ').map(stem).collect(), canonical(group[0])));
        }
    }
    // Longest first (a stable sort), so "cyber attacks" wins over a shorter overlapping phrase.
    phrases.sort_by_key(|(stems, _)| std::cmp::Reverse(stems.len()));

    let mut code = String::new();
    code.push_str(
        "/// The synonym groups a stem belongs to, by group key, in list order; sorted by stem.\n\
         static SYNONYM_OF_STEM: &[(&str, &[&str])] = &[\n",
    );
    for (stem, groups) in &synonym_of_stem {
        writeln!(code, "    ({stem:?}, &{groups:?}),").unwrap();
    }
    code.push_str(
        "];\n\n/// For each key, the keys of its opposites; sorted by key.\n\
         static ANTONYMS_OF_KEY: &[(&str, &[&str])] = &[\n",
    );
    for (key, opposites) in &antonyms {
        writeln!(code, "    ({key:?}, &{opposites:?}),").unwrap();
    }
    code.push_str(
        "];\n\n/// Stems of each phrase's words, and the phrase's key; longest first.\n\
         static PHRASE_STEMS: &[(&[&str], &str)] = &[\n",
    );
    for (stems, key) in &phrases {
        writeln!(code, "    (&{stems:?}, {key:?}),").unwrap();
    }
    code.push_str("];\n");
    fs::write(out.join("lexicon_tables.rs"), code).unwrap();
}
