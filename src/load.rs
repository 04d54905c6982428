//! Reading an input into a [`Doc`]: bytes from disk or stdin, checked to be UTF-8 text.
//!
//! The text is kept exactly as read — no CRLF folding, no BOM stripping — so that every byte span
//! the later stages produce is an offset into the file on disk. A BOM is skipped by recording where
//! the body starts; carriage returns are simply whitespace to the segmenter.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The UTF-8 byte order mark.
const BOM: &str = "\u{feff}";

/// Inputs larger than this are refused rather than compared for hours. 256 MiB covers any book.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// One input document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// How the document is named in reports and errors: its path as given, or `-` for stdin.
    pub name: String,
    /// The whole file as read, BOM included.
    pub text: String,
    /// Where the text proper starts: 3 after a UTF-8 BOM, else 0.
    pub body_start: usize,
}

impl Doc {
    /// Checks `bytes` and wraps them as a document called `name`.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Doc> {
        let name = name.into();
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary { name, offset });
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                return Err(Error::InvalidUtf8 { name, offset });
            }
        };
        let body_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Ok(Doc {
            name,
            text,
            body_start,
        })
    }

    /// A document made from a string, for tests and library users.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Doc {
        let text = text.into();
        let body_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Doc {
            name: name.into(),
            text,
            body_start,
        }
    }

    /// Reads a file, or standard input when `path` is `-`.
    pub fn read(path: &Path) -> Result<Doc> {
        let name = path.display().to_string();
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    name: name.clone(),
                    source,
                })?;
            if bytes.len() as u64 > MAX_INPUT_BYTES {
                return Err(Error::TooLarge {
                    name,
                    size: bytes.len() as u64,
                    limit: MAX_INPUT_BYTES,
                });
            }
            return Doc::from_bytes(name, bytes);
        }
        let read_error = |source| Error::Read {
            name: name.clone(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(read_error)?;
        if meta.is_dir() {
            return Err(Error::IsDirectory { name });
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                name,
                size: meta.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        Doc::from_bytes(name, bytes)
    }

    /// The text of a byte span.
    pub fn slice(&self, span: crate::model::Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        1 + self.text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }
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
    fn line_numbers_count_newlines() {
        let doc = Doc::from_text("x", "a\r\nb\nc");
        assert_eq!(doc.line_of(0), 1);
        assert_eq!(doc.line_of(3), 2);
        assert_eq!(doc.line_of(5), 3);
    }
}
