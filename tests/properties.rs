//! Invariants of the comparison over generated documents (proptest): nothing lost, nothing
//! counted twice, symmetric, deterministic, order-free, and every span exact.
//!
//! Documents are built from a small news vocabulary — names, titles and abbreviations (`Dr.`,
//! `U.S.`, `Jan. 5`, `a.m.`), numbers and money, negations, attributions, headlines without a
//! final period, bullets, page furniture, CJK, Arabic and emoji — on lines joined by LF or CRLF,
//! with blank lines and sometimes a BOM. Case counts are modest so that a debug `cargo test`
//! stays fast; `PROPTEST_CASES=1000 cargo test --release --test properties` digs deeper.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::{select, Index};

use crosscheck::load::Decoding;
use crosscheck::segment::{segment, MAX_STATEMENT_BYTES};
use crosscheck::{compare, Config, Doc, Relation, Report, Side, Span};

const SUBJECTS: &[&str] = &[
    "The council",
    "Mayor Jane Smith",
    "Police",
    "Dr. Lee",
    "The U.S. Army",
    "Acme Inc.",
    "Officials in Dayton",
    "North Korea",
    "Zoë Müller",
    "The FBI",
    "John F. Kennedy High School",
    "Nobody",
];
const VERBS: &[&str] = &[
    "approved",
    "did not approve",
    "rejected",
    "never denied",
    "announced",
    "denied",
    "confirmed",
    "postponed",
    "raised",
    "cut",
];
const OBJECTS: &[&str] = &[
    "the budget",
    "the plan",
    "a new school",
    "the $2.3 million contract",
    "the 40% tax increase",
    "twelve new jobs",
    "the merger with Globex Corp.",
    "fees for 1,200 residents",
    "the cyber-attack",
];
const WHEN: &[&str] = &[
    "",
    " on Tuesday",
    " on Wednesday",
    " on Jan. 5",
    " at 9 a.m.",
    " last year",
    " in 2014",
    " in March",
];
const WHERE: &[&str] = &[
    "",
    " in Dayton",
    " in Columbus",
    " in the U.S.",
    " near Paris",
];
const HOW_MANY: &[&str] = &[
    "",
    " with 12 votes",
    " with 15 votes",
    " by about 200 people",
    " for more than 50 years",
];
const ATTRIBUTION: &[&str] = &[
    "",
    ", police said",
    ", according to the FBI",
    ", Fox News reported",
    ", Smith told reporters",
];
const ENDINGS: &[&str] = &[".", ".", ".", "!", "?", "", "...", ".\""];
const DECORATIONS: &[&str] = &["", "", "", " 🎉", " café", " 😡"];
/// Lines that are not built from the vocabulary: other scripts, page furniture, odd bytes.
const ODD_LINES: &[&str] = &[
    "东京电力公司周二表示，福岛核电站没有发生泄漏。首相将于周三访问该地区。",
    "قال المتحدث إن الحكومة وافقت على الميزانية يوم الثلاثاء.",
    "שר האוצר אמר כי התקציב אושר.",
    "👨‍👩‍👧‍👦🏳️‍🌈",
    "Like us on Facebook",
    "Advertisement",
    "download (29).jpg",
    "Read more: Council approves budget",
    "© 2024 Daily Planet. All rights reserved.",
    "\u{1b}[31mThe vote was close.\u{1b}[0m",
    "The mayor\u{7} said no\u{202e}thing.",
    "-5 degrees was the low on Tuesday.",
    "He paused... then left.",
];

prop_compose! {
    /// One sentence of the vocabulary.
    fn sentence()(
        subject in select(SUBJECTS),
        verb in select(VERBS),
        object in select(OBJECTS),
        when in select(WHEN),
        place in select(WHERE),
        how_many in select(HOW_MANY),
        attribution in select(ATTRIBUTION),
        decoration in select(DECORATIONS),
        ending in select(ENDINGS),
    ) -> String {
        format!("{subject} {verb} {object}{when}{place}{how_many}{decoration}{attribution}{ending}")
    }
}

/// One line: a paragraph of one to three sentences, a bullet, a blank line or an odd line.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(sentence(), 1..=3).prop_map(|s| s.join(" ")),
        1 => sentence().prop_map(|s| format!("• {s}")),
        1 => Just(String::new()),
        1 => select(ODD_LINES).prop_map(str::to_string),
    ]
}

/// A document: lines, LF or CRLF, maybe a BOM, maybe a final newline.
#[derive(Debug, Clone)]
struct Document {
    bom: bool,
    crlf: bool,
    final_newline: bool,
    lines: Vec<String>,
}

impl Document {
    fn text(&self) -> String {
        let newline = if self.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        text.push_str(&self.lines.join(newline));
        if self.final_newline {
            text.push_str(newline);
        }
        text
    }

    fn doc(&self, name: &str) -> Doc {
        Doc::from_text(name, self.text())
    }
}

fn document() -> impl Strategy<Value = Document> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(line(), 0..12),
    )
        .prop_map(|(bom, crlf, final_newline, lines)| Document {
            bom: bom && lines.len() % 3 == 0,
            crlf,
            final_newline,
            lines,
        })
}

/// Two documents about the same story: the right one takes some lines of the left one (as
/// they are, or with one word changed) and adds lines of its own.
fn document_pair() -> impl Strategy<Value = (Document, Document)> {
    (
        document(),
        document(),
        prop::collection::vec((any::<Index>(), any::<Index>(), select(WHEN)), 0..6),
    )
        .prop_map(|(left, mut right, shared)| {
            let candidates: Vec<&String> = left.lines.iter().filter(|l| !l.is_empty()).collect();
            if !candidates.is_empty() {
                for (line, position, when) in shared {
                    let mut taken = line.get(&candidates).to_string();
                    for day in [" on Tuesday", " on Wednesday", " in 2014"] {
                        if taken.contains(day) {
                            taken = taken.replacen(day, when, 1);
                            break;
                        }
                    }
                    let at = position.index(right.lines.len() + 1);
                    right.lines.insert(at, taken);
                }
            }
            (left, right)
        })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

fn json(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    crosscheck::render::json::write(report, &mut out).unwrap();
    out
}

/// A pair as it reads, independent of statement ids: both texts, the relation, and each
/// reason's kind, explanation and evidence words.
type PairByText = (String, String, Relation, Vec<String>);

/// A pair's relation and reasons, as in [`PairByText`].
type Judged = (Relation, Vec<String>);

fn pairs_by_text(report: &Report) -> BTreeMap<PairByText, usize> {
    let mut pairs = BTreeMap::new();
    for pair in &report.pairs {
        let text = |side: Side| report.statement(side, *pair.ids.get(side)).text.clone();
        let reasons = pair
            .reasons
            .iter()
            .map(|r| {
                let words = |side: Side| {
                    r.evidence
                        .get(side)
                        .iter()
                        .map(|e| e.text.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                };
                format!(
                    "{:?}: {} [{}] [{}]",
                    r.kind,
                    r,
                    words(Side::Left),
                    words(Side::Right)
                )
            })
            .collect();
        *pairs
            .entry((text(Side::Left), text(Side::Right), pair.relation, reasons))
            .or_default() += 1;
    }
    pairs
}

/// How much of a pair's reasons to compare.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Detail {
    /// Which statements pair: neither relation nor reasons.
    Pairs,
    /// The relation, and the kind of each reason.
    Kinds,
    /// The kind and the evidence words of both sides.
    Evidence,
}

/// The pairs of a report keyed by (left id, right id) — or (right id, left id) when `swap` —
/// with their relation and as much of their reasons as `detail` asks. Explanations name "the
/// left side", so they are never compared.
fn pairs_seen_from(
    report: &Report,
    swap: bool,
    detail: Detail,
) -> BTreeMap<(usize, usize), (Option<Relation>, Vec<String>)> {
    let (near, far) = if swap {
        (Side::Right, Side::Left)
    } else {
        (Side::Left, Side::Right)
    };
    report
        .pairs
        .iter()
        .map(|pair| {
            let mut reasons: Vec<String> = pair
                .reasons
                .iter()
                .filter(|_| detail != Detail::Pairs)
                .map(|r| {
                    let words = |side: Side| {
                        r.evidence
                            .get(side)
                            .iter()
                            .map(|e| e.text.as_str())
                            .collect::<Vec<_>>()
                            .join("|")
                    };
                    if detail == Detail::Evidence {
                        format!("{:?} [{}] [{}]", r.kind, words(near), words(far))
                    } else {
                        format!("{:?}", r.kind)
                    }
                })
                .collect();
            // Reasons as a set: their order is not part of the judgment.
            reasons.sort();
            let relation = (detail != Detail::Pairs).then_some(pair.relation);
            (
                (*pair.ids.get(near), *pair.ids.get(far)),
                (relation, reasons),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Every statement is exactly one of: boilerplate, in some pair, one-sided.
    #[test]
    fn every_statement_has_exactly_one_fate((left, right) in document_pair()) {
        let report = compare(&left.doc("a"), &right.doc("b"), &Config::default());
        for side in [Side::Left, Side::Right] {
            let statements = &report.side(side).statements;
            for (index, statement) in statements.iter().enumerate() {
                prop_assert_eq!(statement.id, index);
                let paired = report.pairs.iter().any(|p| *p.ids.get(side) == index);
                let one_sided = report.only.get(side).iter().filter(|&&id| id == index).count();
                let boilerplate = statement.boilerplate.is_some();
                prop_assert_eq!(
                    usize::from(paired) + one_sided + usize::from(boilerplate),
                    1,
                    "{:?} statement {} ({:?}): paired {}, one-sided {} times, boilerplate {}",
                    side, index, statement.text, paired, one_sided, boilerplate
                );
            }
            prop_assert!(report.only.get(side).windows(2).all(|w| w[0] < w[1]));
        }
        prop_assert!(crosscheck::every_statement_has_one_fate(&report));
        let summary = report.summary;
        prop_assert_eq!(summary.agree + summary.disagree, report.pairs.len());
        prop_assert_eq!(summary.only.left, report.only.left.len());
        prop_assert_eq!(summary.only.right, report.only.right.len());
    }

    /// Comparing B with A aligns the pairs of comparing A with B, sides exchanged, with the
    /// same similarities, and leaves the same statements one-sided.
    #[test]
    fn comparing_the_other_way_round_aligns_the_same_pairs((left, right) in document_pair()) {
        let (forward, backward) = both_ways(&left, &right);
        prop_assert_eq!(
            pairs_seen_from(&forward, false, Detail::Pairs),
            pairs_seen_from(&backward, true, Detail::Pairs)
        );
        for pair in &forward.pairs {
            let mirror = backward
                .pairs
                .iter()
                .find(|p| p.ids.left == pair.ids.right && p.ids.right == pair.ids.left)
                .unwrap();
            prop_assert!((pair.similarity - mirror.similarity).abs() < 1e-9);
        }
        prop_assert_eq!(&forward.only.left, &backward.only.right);
        prop_assert_eq!(&forward.only.right, &backward.only.left);
    }

    /// The judgments mirror too: the same relation and kinds of reason for each pair.
    #[test]
    fn comparing_the_other_way_round_mirrors_the_judgments((left, right) in document_pair()) {
        let (forward, backward) = both_ways(&left, &right);
        prop_assert_eq!(
            pairs_seen_from(&forward, false, Detail::Kinds),
            pairs_seen_from(&backward, true, Detail::Kinds)
        );
    }

    /// The evidence of each reason mirrors too: the same words on each statement's side.
    #[test]
    fn comparing_the_other_way_round_mirrors_the_evidence((left, right) in document_pair()) {
        let (forward, backward) = both_ways(&left, &right);
        prop_assert_eq!(
            pairs_seen_from(&forward, false, Detail::Evidence),
            pairs_seen_from(&backward, true, Detail::Evidence)
        );
    }

    /// A document compared with itself agrees everywhere: each claim pairs with its own copy
    /// and with nothing else, even where the document contradicts itself or repeats a line.
    #[test]
    fn a_document_agrees_with_itself(document in document()) {
        let doc = document.doc("a");
        let report = compare(&doc, &doc, &Config::default());
        prop_assert_identical_agree(&report)?;
    }

    /// The same input gives byte-identical JSON, run after run.
    #[test]
    fn the_same_input_gives_byte_identical_json((left, right) in document_pair()) {
        let (a, b) = (left.doc("a"), right.doc("b"));
        let first = json(&compare(&a, &b, &Config::default()));
        let second = json(&compare(&a, &b, &Config::default()));
        prop_assert!(first == second);
    }

    /// Statement, speaker and evidence spans slice the document back to their texts, and lie
    /// inside their statement.
    #[test]
    fn every_span_slices_back_to_its_text((left, right) in document_pair()) {
        let docs = [left.doc("a"), right.doc("b")];
        let report = compare(&docs[0], &docs[1], &Config::default());
        let slice = |doc: &Doc, span: Span| doc.text.get(span.start..span.end).map(str::to_string);
        for (side, doc) in [(Side::Left, &docs[0]), (Side::Right, &docs[1])] {
            for statement in &report.side(side).statements {
                prop_assert_eq!(slice(doc, statement.span), Some(statement.text.clone()));
                prop_assert_eq!(doc.line_of(statement.span.start), statement.line);
                if let Some(speaker) = &statement.speaker {
                    prop_assert_eq!(slice(doc, speaker.span), Some(speaker.text.clone()));
                    prop_assert!(statement.span.start <= speaker.span.start);
                    prop_assert!(speaker.span.end <= statement.span.end);
                }
            }
        }
        for pair in &report.pairs {
            for reason in &pair.reasons {
                for (side, doc) in [(Side::Left, &docs[0]), (Side::Right, &docs[1])] {
                    let statement = report.statement(side, *pair.ids.get(side)).span;
                    for evidence in reason.evidence.get(side) {
                        prop_assert_eq!(slice(doc, evidence.span), Some(evidence.text.clone()));
                        prop_assert!(statement.start <= evidence.span.start);
                        prop_assert!(evidence.span.end <= statement.end);
                    }
                }
            }
        }
    }

    /// Reordering the lines of both documents changes no pair's relation or reasons; with the
    /// rules that read the order (pairs between aligned neighbours, the credit of a pair near
    /// the openings) off, it changes no pair at all.
    #[test]
    fn shuffling_lines_changes_no_judgment(
        (left, right) in document_pair(),
        seeds in (any::<u64>(), any::<u64>()),
    ) {
        let shuffle = |document: &Document, seed: u64| {
            let mut shuffled = document.clone();
            // Blank lines stay where they are: they end paragraphs, and a headline followed by
            // a lowercase line would otherwise read as one wrapped sentence.
            let mut content: Vec<String> =
                shuffled.lines.iter().filter(|l| !l.is_empty()).cloned().collect();
            let mut state = seed | 1;
            for i in (1..content.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                content.swap(i, (state % (i as u64 + 1)) as usize);
            }
            shuffled.lines = content.into_iter().flat_map(|l| [l, String::new()]).collect();
            shuffled
        };
        let in_order = |document: &Document| {
            let mut spaced = document.clone();
            spaced.lines = document
                .lines
                .iter()
                .filter(|l| !l.is_empty())
                .flat_map(|l| [l.clone(), String::new()])
                .collect();
            spaced
        };
        let both = |config: &Config| {
            (
                compare(&in_order(&left).doc("a"), &in_order(&right).doc("b"), config),
                compare(
                    &shuffle(&left, seeds.0).doc("a"),
                    &shuffle(&right, seeds.1).doc("b"),
                    config,
                ),
            )
        };
        let orderless = Config {
            in_context: false,
            ..Config::default()
        };
        let (original, shuffled) = both(&orderless);
        prop_assert_eq!(pairs_by_text(&original), pairs_by_text(&shuffled));
        // In context, a pair may come or go with its neighbours, but a pair found both ways is
        // judged the same.
        let (original, shuffled) = both(&Config::default());
        let judgments = |report: &Report| {
            let mut by_statements: BTreeMap<(String, String), Vec<Judged>> = BTreeMap::new();
            for ((left, right, relation, reasons), _) in pairs_by_text(report) {
                by_statements
                    .entry((left, right))
                    .or_default()
                    .push((relation, reasons));
            }
            by_statements
        };
        let (original, shuffled) = (judgments(&original), judgments(&shuffled));
        for (statements, judged) in &original {
            if let Some(again) = shuffled.get(statements) {
                prop_assert_eq!(judged, again);
            }
        }
    }

    /// Segmentation loses no word: every letter and digit of the body is inside a statement;
    /// statements are in order, disjoint, non-empty, trimmed and at most MAX_STATEMENT_BYTES.
    #[test]
    fn segmentation_loses_no_word(document in document()) {
        let doc = document.doc("a");
        let statements = segment(&doc);
        let mut covered = vec![false; doc.text.len()];
        let mut previous_end = doc.body_start;
        for statement in &statements {
            let span = statement.span;
            prop_assert!(previous_end <= span.start && span.start < span.end);
            prop_assert!(span.len() <= MAX_STATEMENT_BYTES);
            let text = doc.slice(span);
            prop_assert_eq!(text.trim(), text);
            covered[span.start..span.end].iter_mut().for_each(|c| *c = true);
            previous_end = span.end;
        }
        for (at, c) in doc.text.char_indices() {
            prop_assert!(
                !c.is_alphanumeric() || covered[at],
                "{:?} at byte {} is in no statement: {:?}", c, at, doc.text
            );
        }
    }

    /// With lossy decoding any bytes read (NUL aside), and every statement's span indexes the
    /// original bytes: decoding them again gives the statement's text.
    #[test]
    fn lossy_spans_index_the_original_bytes(
        document in document(),
        noise in prop::collection::vec((any::<Index>(), 0x80u8..=0xff), 0..8),
    ) {
        let mut bytes = document.text().into_bytes();
        for (at, byte) in noise {
            let at = at.index(bytes.len() + 1);
            bytes.insert(at, byte);
        }
        let doc = Doc::decode("a", bytes.clone(), Decoding::Lossy).unwrap();
        prop_assert_eq!(&doc.text, &String::from_utf8_lossy(&bytes));
        for statement in segment(&doc) {
            let file = doc.file_span(statement.span);
            prop_assert_eq!(
                String::from_utf8_lossy(&bytes[file.start..file.end]),
                doc.slice(statement.span)
            );
        }
    }
}

/// What a document compared with a copy of itself must report: every claim paired with its own
/// copy, in agreement, and with nothing else; nothing one-sided.
fn prop_assert_identical_agree(report: &Report) -> Result<(), TestCaseError> {
    for pair in &report.pairs {
        prop_assert_eq!(pair.ids.left, pair.ids.right, "{:?}", pair.ids);
        prop_assert_eq!(pair.relation, Relation::Agree, "{:?}", pair);
        prop_assert!(pair.reasons.is_empty());
    }
    prop_assert!(report.only.left.is_empty(), "{:?}", report.only.left);
    prop_assert!(report.only.right.is_empty(), "{:?}", report.only.right);
    Ok(())
}

/// Nouns for run-on lines of more distinct words than a statement is compared by
/// (`similarity::SKETCH_TERMS`, 64) and than a long statement's candidate cut begins at
/// (`align::LONG_STATEMENT_TERMS`, 32).
const MANY_NOUNS: &[&str] = &[
    "airport",
    "archive",
    "avenue",
    "bakery",
    "ballot",
    "barracks",
    "bridge",
    "bulletin",
    "canal",
    "cannery",
    "carpet",
    "cathedral",
    "cellar",
    "census",
    "chapel",
    "charter",
    "clinic",
    "colonel",
    "compass",
    "convoy",
    "courthouse",
    "culvert",
    "dairy",
    "depot",
    "diesel",
    "dockyard",
    "dormitory",
    "embassy",
    "estuary",
    "factory",
    "ferry",
    "foundry",
    "garrison",
    "granary",
    "greenhouse",
    "harbor",
    "hatchery",
    "highway",
    "hospital",
    "kiln",
    "laboratory",
    "lantern",
    "ledger",
    "lighthouse",
    "locomotive",
    "mansion",
    "marina",
    "meadow",
    "mill",
    "monastery",
    "museum",
    "observatory",
    "orchard",
    "pavilion",
    "pier",
    "pipeline",
    "plaza",
    "quarry",
    "railway",
    "refinery",
    "reservoir",
    "sawmill",
    "schooner",
    "seminary",
    "shipyard",
    "silo",
    "stadium",
    "tannery",
    "terminal",
    "theater",
    "tollbooth",
    "tram",
    "tunnel",
    "turbine",
    "vineyard",
    "warehouse",
    "watermill",
    "wharf",
    "windmill",
    "workshop",
];

/// A long document: 110 to 140 lines of the vocabulary, a few of them written twice, and a few
/// run-on lines without a stop: lists of objects, and lists of 66 to 80 distinct nouns. Its
/// common words are in more statements than the index's posting limit, its statements have more
/// candidates than the per-statement cut, and its run-on lines more words than a statement's
/// sketch, than a long statement's candidate cut begins at, and than a clause's reach: every
/// internal limit of alignment and judging is crossed.
fn long_document() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec(prop::collection::vec(sentence(), 1..=2), 110..140),
        prop::collection::vec((any::<Index>(), any::<Index>()), 3..8),
        prop::collection::vec(prop::collection::vec(select(OBJECTS), 20..30), 2..4),
        prop::collection::vec(prop::sample::subsequence(MANY_NOUNS, 66..=80), 2..4),
    )
        .prop_map(|(paragraphs, repeats, run_ons, noun_lists)| {
            // "county" in every line: a key in more statements than the index posts.
            let mut lines: Vec<String> = paragraphs
                .into_iter()
                .map(|s| format!("In the county, {}", s.join(" ")))
                .collect();
            for (from, to) in repeats {
                let copy = from.get(&lines).clone();
                let at = to.index(lines.len() + 1);
                lines.insert(at, copy);
            }
            for objects in run_ons {
                lines.push(format!(
                    "Officials reviewed {} and more",
                    objects.join(" and ")
                ));
            }
            for nouns in noun_lists {
                lines.push(format!(
                    "Inspectors visited the {}",
                    nouns.join(" and the ")
                ));
            }
            Document {
                bom: false,
                crlf: false,
                final_newline: true,
                lines,
            }
        })
}

proptest! {
    // Long documents are slow in a debug build: one case each (each crosses every limit);
    // `PROPTEST_CASES=20 cargo test --release --test properties long` digs deeper.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1),
        ..ProptestConfig::default()
    })]

    /// Past every internal limit, comparing B with A still mirrors comparing A with B.
    #[test]
    fn long_documents_mirror(left in long_document(), right in long_document()) {
        let (forward, backward) = both_ways(&left, &right);
        prop_assert_eq!(
            pairs_seen_from(&forward, false, Detail::Kinds),
            pairs_seen_from(&backward, true, Detail::Kinds)
        );
        prop_assert_eq!(&forward.only.left, &backward.only.right);
        prop_assert_eq!(&forward.only.right, &backward.only.left);
    }

    /// Past every internal limit, a document still agrees with itself everywhere, its repeated
    /// lines included.
    #[test]
    fn a_long_document_agrees_with_itself(document in long_document()) {
        let doc = document.doc("a");
        prop_assert_identical_agree(&compare(&doc, &doc, &Config::default()))?;
    }
}

/// The comparison of two documents, and of the same two the other way round.
fn both_ways(left: &Document, right: &Document) -> (Report, Report) {
    let (a, b) = (left.doc("a"), right.doc("b"));
    (
        compare(&a, &b, &Config::default()),
        compare(&b, &a, &Config::default()),
    )
}
