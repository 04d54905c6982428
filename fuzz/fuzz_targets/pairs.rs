//! Pair mode on any bytes: read as JSON Lines within tiny limits (lines of at most 4 KiB,
//! batches of 3 lines), with the words forgotten after every batch. The run must not panic,
//! must write one judgment a line for the lines it takes, in order, each a JSON object with a
//! relation, and must give the same judgments as a run that keeps its words.

#![no_main]

use crosscheck::pairs::{run_within, Limits, OnBadLine, PairConfig};
use libfuzzer_sys::fuzz_target;

fn judge(data: &[u8], vocabulary_bytes: usize) -> (Vec<u8>, usize) {
    let limits = Limits {
        batch_lines: 3,
        batch_bytes: 8192,
        line_bytes: 4096,
        vocabulary_bytes,
    };
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let stats = run_within(
        data,
        "fuzz",
        &mut out,
        &mut errors,
        &PairConfig::default(),
        OnBadLine::Skip,
        limits,
    )
    .expect("skipping bad lines, reading bytes from memory cannot fail");
    (out, stats.judged)
}

fuzz_target!(|data: &[u8]| {
    // SAFETY: this process holds no word between runs, and runs nothing else.
    unsafe { crosscheck::intern::allow_forgetting() };
    let (forgetting, judged) = judge(data, 0);
    let (keeping, _) = judge(data, usize::MAX);
    assert_eq!(forgetting, keeping);
    let lines: Vec<serde_json::Value> = forgetting
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).unwrap())
        .collect();
    assert_eq!(lines.len(), judged);
    for line in &lines {
        assert!(line["relation"].is_string(), "{line}");
    }
});
