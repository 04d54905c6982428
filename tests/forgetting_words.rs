//! Pair mode forgets the words it has read between batches (see `crosscheck::intern`): the
//! judgments must not change when it does. Forgetting is allowed for the whole process, so
//! this file holds one test and runs as a process of its own.

use crosscheck::intern;
use crosscheck::pairs::{self, Limits, OnBadLine, PairConfig};

/// Pairs of many kinds, so that every per-word memo is filled: numbers, dates, names,
/// negations, opposites, speakers, words WordNet knows and words it does not.
fn input() -> String {
    let texts = [
        ("The vote was on Tuesday.", "The vote was on Wednesday."),
        (
            "A man is playing a guitar.",
            "A man is not playing a guitar.",
        ),
        ("A woman is slicing an onion.", "A man is cutting an onion."),
        (
            "The bridge reopened after 12 days.",
            "The bridge reopened after 14 days.",
        ),
        (
            "Police said the fire started at 3 a.m. in Denver.",
            "The fire began at 3 a.m. in Boulder, officials said.",
        ),
        (
            "Zyxqor glimmed the plovet.",
            "Zyxqor glimmed the plovet quickly.",
        ),
        ("The shop is open.", "The shop is closed."),
    ];
    (0..600)
        .map(|i| {
            let (left, right) = texts[i % texts.len()];
            // A word of its own for every line, so the vocabulary keeps growing.
            format!(
                "{{\"id\": {i}, \"left\": \"{left} Word{i}x.\", \"right\": \"{right} Word{i}x.\"}}\n"
            )
        })
        .collect()
}

fn judge(limits: Limits) -> String {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let stats = pairs::run_within(
        input().as_bytes(),
        "in",
        &mut out,
        &mut errors,
        &PairConfig::default(),
        OnBadLine::Fail,
        limits,
    )
    .unwrap();
    assert_eq!(stats.judged, 600);
    String::from_utf8(out).unwrap()
}

#[test]
fn forgetting_the_words_between_batches_changes_no_judgment() {
    let small_batches = Limits {
        batch_lines: 50,
        vocabulary_bytes: 0,
        ..Limits::default()
    };
    // Not allowed yet: the words stay.
    let kept = judge(small_batches);
    assert_eq!(intern::generation(), 0);

    // SAFETY: this process holds no word between the runs, and nothing else runs in it.
    unsafe { intern::allow_forgetting() };
    let forgotten = judge(small_batches);
    // Forgotten after each of the twelve batches.
    assert_eq!(intern::generation(), 12);
    assert_eq!(forgotten, kept);

    // Under the bound, nothing is forgotten.
    let roomy = judge(Limits {
        batch_lines: 50,
        ..Limits::default()
    });
    assert_eq!(intern::generation(), 12);
    assert_eq!(roomy, kept);
}
