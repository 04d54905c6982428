//! Reading and segmentation: any bytes either fail to load with an error or become statements
//! that are in order, disjoint, non-empty, bounded, on the right line (lines end at LF, or at
//! CR in a file without LF), and that slice the file's bytes back to their text — strictly
//! decoded or lossily.

#![no_main]

use crosscheck::load::Decoding;
use crosscheck::segment::{segment, MAX_STATEMENT_BYTES};
use crosscheck::Doc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for decoding in [Decoding::Strict, Decoding::Lossy] {
        let Ok(doc) = Doc::decode("fuzz", data.to_vec(), decoding) else {
            continue;
        };
        let mut previous_end = doc.body_start;
        let mut counted_to = doc.body_start;
        let mut line = doc.line_of(doc.body_start);
        for (index, statement) in segment(&doc).iter().enumerate() {
            let span = statement.span;
            assert_eq!(statement.id, index);
            assert!(previous_end <= span.start && span.start < span.end);
            assert!(span.len() <= MAX_STATEMENT_BYTES);
            let text = doc.slice(span);
            assert_eq!(text.trim(), text);
            line += doc.text.as_bytes()[counted_to..span.start]
                .iter()
                .filter(|&&b| b == doc.line_break)
                .count();
            counted_to = span.start;
            assert_eq!(statement.line, line);
            let file = doc.file_span(span);
            assert_eq!(String::from_utf8_lossy(&data[file.start..file.end]), text);
            previous_end = span.end;
        }
    }
});
