//! The whole comparison: the input is two documents, LEFT and RIGHT, split at the first NUL byte
//! (a byte no loadable document contains). Both are read lossily, so that any other bytes make
//! a document; the comparison must not panic, every statement must have exactly one fate, every
//! span of the report must slice its file's bytes to its text, and the renderers must write the
//! report.

#![no_main]

use crosscheck::load::Decoding;
use crosscheck::render::style::Style;
use crosscheck::render::text::TextOptions;
use crosscheck::{compare, every_statement_has_one_fate, Config, Doc, Side};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (left, right) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &data[..0]),
    };
    let (Ok(left_doc), Ok(right_doc)) = (
        Doc::decode("left", left.to_vec(), Decoding::Lossy),
        Doc::decode("right", right.to_vec(), Decoding::Lossy),
    ) else {
        return;
    };
    let report = compare(&left_doc, &right_doc, &Config::default());
    assert!(every_statement_has_one_fate(&report));
    // The report's spans index the files' bytes.
    for (side, bytes) in [(Side::Left, left), (Side::Right, right)] {
        for statement in &report.side(side).statements {
            let span = statement.span;
            assert_eq!(
                String::from_utf8_lossy(&bytes[span.start..span.end]),
                statement.text
            );
        }
    }
    for pair in &report.pairs {
        for reason in &pair.reasons {
            for (side, bytes) in [(Side::Left, left), (Side::Right, right)] {
                for evidence in reason.evidence.get(side) {
                    let span = evidence.span;
                    assert_eq!(
                        String::from_utf8_lossy(&bytes[span.start..span.end]),
                        evidence.text
                    );
                }
            }
        }
    }

    let mut json = Vec::new();
    crosscheck::render::json::write(&report, &mut json).unwrap();
    serde_json::from_slice::<serde_json::Value>(&json).unwrap();
    let options = TextOptions {
        style: Style { color: false },
        width: 80,
        show_boilerplate: true,
        side_by_side: false,
    };
    let mut text = Vec::new();
    crosscheck::render::text::write(&report, options, &mut text).unwrap();
    let mut columns = Vec::new();
    let side_by_side = TextOptions {
        side_by_side: true,
        ..options
    };
    crosscheck::render::side_by_side::write(&report, side_by_side, &mut columns).unwrap();
    let mut markdown = Vec::new();
    crosscheck::render::markdown::write(&report, true, &mut markdown).unwrap();
    let mut html = Vec::new();
    crosscheck::render::html::write(&report, &mut html).unwrap();
});
