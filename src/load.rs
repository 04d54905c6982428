//! Reading an input into a [`Doc`]: bytes from disk or stdin, checked to be UTF-8 text.
//!
//! The text is kept exactly as read — no CRLF folding, no BOM stripping — so that every byte span
//! the later stages produce is an offset into the file on disk. A BOM is skipped by recording where
//! the body starts; carriage returns are simply whitespace to the segmenter, except in a file of
//! old Mac line ends (CR alone, no LF anywhere), where each CR ends a line: see
//! [`Doc::line_break`].
//!
//! Bytes that are not UTF-8 are refused, unless the caller asks for [`Decoding::Lossy`]: then each
//! invalid sequence becomes one U+FFFD REPLACEMENT CHARACTER (3 bytes) in [`Doc::text`], and the
//! document remembers where, so that [`Doc::file_span`] turns a span of the text back into the
//! span of the same characters in the file.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Span;

/// The UTF-8 byte order mark.
const BOM: &str = "\u{feff}";

/// Inputs larger than this are refused with [`Error::TooLarge`] rather than compared for minutes
/// in gigabytes: comparing costs up to about 180 bytes of memory per input byte. Measured just
/// under the limit against a seed article (release build, 2 cores): 16 MB of one line of words
/// 7.6 s and 1.2 GB; of 800,000 short sentences 21 s and 2.9 GB; of 8 million one-letter lines
/// 7.2 s and 3.0 GB. 16 MiB is still 300 long articles, or five long novels.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// What to do with bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decoding {
    /// Refuse the input, naming the offset of the first bad byte. The default: a wrong encoding
    /// (Latin-1, UTF-16) is better converted than guessed at.
    #[default]
    Strict,
    /// Replace each invalid sequence by U+FFFD and go on (the `--lossy` flag). Spans still index
    /// the file: see [`Doc::file_span`].
    Lossy,
}

/// One U+FFFD that [`Decoding::Lossy`] put into the text in place of invalid bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Replacement {
    /// Where the U+FFFD starts in [`Doc::text`].
    text_start: usize,
    /// The invalid bytes it stands for, in the file.
    file: Span,
}

/// The bytes of U+FFFD in UTF-8.
const REPLACEMENT_LEN: usize = char::REPLACEMENT_CHARACTER.len_utf8();

/// One input document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// How the document is named in reports and errors: its path as given, or `-` for stdin.
    pub name: String,
    /// The whole file as read, BOM included; with [`Decoding::Lossy`], invalid bytes replaced.
    pub text: String,
    /// Where the text proper starts: 3 after a UTF-8 BOM, else 0.
    pub body_start: usize,
    /// The byte that ends a line: `\n`, or `\r` in a file that has carriage returns and no line
    /// feed at all (old Mac line ends), where otherwise every statement would be on line 1 and a
    /// headline would run into the sentence under it.
    pub line_break: u8,
    /// The replacements a lossy decoding made, in text order; empty for valid UTF-8.
    replacements: Vec<Replacement>,
}

impl Doc {
    /// Checks `bytes` and wraps them as a document called `name`; invalid UTF-8 is an error.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Doc> {
        Doc::decode(name, bytes, Decoding::Strict)
    }

    /// Checks `bytes` and wraps them as a document called `name`, decoding as asked. A NUL byte
    /// is an error either way: such a file is binary, not text in another encoding.
    pub fn decode(name: impl Into<String>, bytes: Vec<u8>, decoding: Decoding) -> Result<Doc> {
        let name = name.into();
        if let Some(endianness) = utf16_endianness(&bytes) {
            return Err(Error::Utf16 { name, endianness });
        }
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(Error::Binary { name, offset });
        }
        let (text, replacements) = match String::from_utf8(bytes) {
            Ok(text) => (text, Vec::new()),
            Err(err) if decoding == Decoding::Lossy => replace_invalid(err.as_bytes()),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                return Err(Error::InvalidUtf8 { name, offset });
            }
        };
        let body_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Ok(Doc {
            name,
            line_break: line_break_of(&text),
            text,
            body_start,
            replacements,
        })
    }

    /// A document made from a string, for tests and library users.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Doc {
        let text = text.into();
        let body_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Doc {
            name: name.into(),
            line_break: line_break_of(&text),
            text,
            body_start,
            replacements: Vec::new(),
        }
    }

    /// Reads a file, or standard input when `path` is `-`; invalid UTF-8 is an error.
    pub fn read(path: &Path) -> Result<Doc> {
        Doc::read_as(path, Decoding::Strict)
    }

    /// Reads a file, or standard input when `path` is `-`, decoding as asked.
    ///
    /// A regular file over [`MAX_INPUT_BYTES`] is refused before it is read; standard input, pipes
    /// (`<(curl ...)`) and other special files are read up to the limit and refused past it.
    /// A named pipe is read like `cat` reads it: until its writer closes it. `-` when the process
    /// was started with standard input closed is [`Error::StdinClosed`], not an empty document.
    pub fn read_as(path: &Path, decoding: Decoding) -> Result<Doc> {
        let name = path.display().to_string();
        let read_error = |source| Error::Read {
            name: name.clone(),
            source,
        };
        let bytes = if path.as_os_str() == "-" {
            // A closed stdin reads as empty (the runtime put /dev/null there): an empty article
            // would be compared without a word of warning.
            if crate::stdio::stdin_is_closed() {
                return Err(Error::StdinClosed);
            }
            read_limited(std::io::stdin().lock(), 0).map_err(read_error)?
        } else {
            let meta = std::fs::metadata(path).map_err(read_error)?;
            if meta.is_dir() {
                return Err(Error::IsDirectory { name });
            }
            if meta.len() > MAX_INPUT_BYTES {
                return Err(too_large(name, meta.len()));
            }
            let file = File::open(path).map_err(read_error)?;
            read_limited(file, meta.len()).map_err(read_error)?
        };
        // A pipe, or a file that grew after its size was checked.
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(too_large(name, bytes.len() as u64));
        }
        Doc::decode(name, bytes, decoding)
    }

    /// The text of a byte span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        1 + memchr::memchr_iter(self.line_break, &self.text.as_bytes()[..offset]).count()
    }

    /// How many invalid sequences a lossy decoding replaced (0 for valid UTF-8).
    pub fn replaced(&self) -> usize {
        self.replacements.len()
    }

    /// Where the first replaced sequence was in the file, if any.
    pub fn first_replaced_offset(&self) -> Option<usize> {
        self.replacements.first().map(|r| r.file.start)
    }

    /// The span of the file's bytes that a span of [`Doc::text`] was decoded from: the span
    /// itself unless a lossy decoding replaced bytes before or inside it. `file[span.start..
    /// span.end]`, decoded lossily, is `doc.slice(span)` again.
    pub fn file_span(&self, span: Span) -> Span {
        Span::new(self.file_offset(span.start), self.file_offset(span.end))
    }

    /// The file offset of a text offset (a character boundary of [`Doc::text`]).
    fn file_offset(&self, offset: usize) -> usize {
        // The last replacement that starts before `offset`; after it, text and file bytes run in
        // step up to the next one.
        let before = self.replacements.partition_point(|r| r.text_start < offset);
        match before.checked_sub(1).map(|i| self.replacements[i]) {
            None => offset,
            Some(r) => r.file.end + offset.saturating_sub(r.text_start + REPLACEMENT_LEN),
        }
    }
}

/// "little-endian" or "big-endian" when `bytes` look like UTF-16 text: they start with its byte
/// order mark (FF FE or FE FF), or, without one, their first bytes are text whose every other byte
/// is NUL (ASCII characters in UTF-16). A UTF-16 file would otherwise be called binary for its
/// first NUL byte, which tells the user nothing about how to read it.
fn utf16_endianness(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("little-endian"),
        [0xFE, 0xFF, ..] => return Some("big-endian"),
        _ => {}
    }
    // Enough code units to tell, few enough to stay within an article's first line.
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b == 0);
    let text_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b != 0);
    if nul_at(1) && text_at(0) {
        Some("little-endian")
    } else if nul_at(0) && text_at(1) {
        Some("big-endian")
    } else {
        None
    }
}

/// The line end of `text` (see [`Doc::line_break`]).
fn line_break_of(text: &str) -> u8 {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\n', bytes).is_none() && memchr::memchr(b'\r', bytes).is_some() {
        b'\r'
    } else {
        b'\n'
    }
}

/// Reads everything up to one byte past [`MAX_INPUT_BYTES`], which is enough to refuse more.
fn read_limited(reader: impl Read, size_hint: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_INPUT_BYTES) as usize);
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_large(name: String, size: u64) -> Error {
    Error::TooLarge {
        name,
        size,
        limit: MAX_INPUT_BYTES,
    }
}

/// Decodes `bytes` with each invalid sequence replaced by U+FFFD (as
/// [`String::from_utf8_lossy`] does), and records every replacement.
fn replace_invalid(bytes: &[u8]) -> (String, Vec<Replacement>) {
    let mut text = String::with_capacity(bytes.len());
    let mut replacements = Vec::new();
    let mut file_offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        file_offset += chunk.valid().len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            replacements.push(Replacement {
                text_start: text.len(),
                file: Span::new(file_offset, file_offset + invalid),
            });
            text.push(char::REPLACEMENT_CHARACTER);
            file_offset += invalid;
        }
    }
    (text, replacements)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_but_offsets_stay_file_offsets() {
        let doc = Doc::from_bytes("a.txt", b"\xef\xbb\xbfHello.".to_vec()).unwrap();
        assert_eq!(doc.body_start, 3);
        assert_eq!(&doc.text[doc.body_start..], "Hello.");
    }

    #[test]
    fn nul_byte_is_a_binary_file() {
        let err = Doc::from_bytes("img.png", b"PNG\0\x01".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "img.png: looks like a binary file (NUL byte at offset 3); crosscheck compares text files"
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Doc::from_bytes("latin1.txt", b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }));
        assert!(err
            .to_string()
            .starts_with("latin1.txt: is not valid UTF-8"));
    }

    #[test]
    fn lossy_decoding_replaces_each_bad_sequence_once() {
        let bytes = b"caf\xe9 au lait \xe2\x82 and \xff\xfe.".to_vec();
        let doc = Doc::decode("x", bytes.clone(), Decoding::Lossy).unwrap();
        assert_eq!(doc.text, String::from_utf8_lossy(&bytes));
        assert_eq!(doc.replaced(), 4);
        assert_eq!(doc.first_replaced_offset(), Some(3));
    }

    #[test]
    fn lossy_spans_map_back_to_file_bytes() {
        let bytes = b"caf\xe9 au lait \xe2\x82 and \xff\xfe.".to_vec();
        let doc = Doc::decode("x", bytes.clone(), Decoding::Lossy).unwrap();
        let whole = doc.file_span(Span::new(0, doc.text.len()));
        assert_eq!(whole, Span::new(0, bytes.len()));
        let au = doc.text.find("au").unwrap();
        assert_eq!(doc.file_span(Span::new(au, au + 2)), Span::new(5, 7));
        // Every span between character boundaries slices bytes that decode to its text.
        let boundaries: Vec<usize> = (0..=doc.text.len())
            .filter(|&i| doc.text.is_char_boundary(i))
            .collect();
        for &start in &boundaries {
            for &end in boundaries.iter().filter(|&&end| end >= start) {
                let file = doc.file_span(Span::new(start, end));
                assert_eq!(
                    String::from_utf8_lossy(&bytes[file.start..file.end]),
                    &doc.text[start..end],
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn strict_decoding_has_file_spans_equal_to_text_spans() {
        let doc = Doc::from_bytes("x", "Zoë said no.".as_bytes().to_vec()).unwrap();
        assert_eq!(doc.replaced(), 0);
        assert_eq!(doc.file_span(Span::new(2, 6)), Span::new(2, 6));
    }

    #[test]
    fn utf16_is_named_with_its_byte_order() {
        let utf16 = |text: &str, bom: &[u8], little: bool| {
            let mut bytes = bom.to_vec();
            for unit in text.encode_utf16() {
                let pair = if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend(pair);
            }
            bytes
        };
        let text = "The bridge closes on Monday.";
        for (bytes, endianness) in [
            (utf16(text, &[0xFF, 0xFE], true), "little-endian"),
            (utf16(text, &[0xFE, 0xFF], false), "big-endian"),
            (utf16(text, &[], true), "little-endian"),
            (utf16(text, &[], false), "big-endian"),
        ] {
            for decoding in [Decoding::Strict, Decoding::Lossy] {
                let err = Doc::decode("a.txt", bytes.clone(), decoding).unwrap_err();
                assert!(
                    matches!(err, Error::Utf16 { endianness: e, .. } if e == endianness),
                    "{err}"
                );
                assert!(err.to_string().contains("iconv -f UTF-16"), "{err}");
            }
        }
        // A binary file whose NUL bytes do not alternate is still binary.
        let err =
            Doc::from_bytes("x", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }), "{err}");
    }

    #[test]
    fn lossy_decoding_still_refuses_binary_files() {
        let err = Doc::decode("x", b"a\xff\0b".to_vec(), Decoding::Lossy).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 2, .. }));
    }

    #[test]
    fn too_large_names_the_size_or_says_over_for_a_stream() {
        let file = too_large("big.txt".into(), 100_000_000).to_string();
        assert_eq!(
            file,
            "big.txt: is 100000000 bytes, over the limit of 16777216 bytes (16 MiB); \
             compare the part of it that matters"
        );
        let stream = too_large("-".into(), MAX_INPUT_BYTES + 1).to_string();
        assert!(
            stream.starts_with("-: is over the limit of 16777216 bytes"),
            "{stream}"
        );
    }

    #[test]
    fn line_numbers_count_newlines() {
        let doc = Doc::from_text("x", "a\r\nb\nc");
        assert_eq!(doc.line_of(0), 1);
        assert_eq!(doc.line_of(3), 2);
        assert_eq!(doc.line_of(5), 3);
    }
}
