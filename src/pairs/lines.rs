//! Reading pair-mode input a line at a time, within bounds: no line is held past
//! [`Limits::line_bytes`](super::Limits), and no batch past [`Limits::batch_bytes`](super::Limits).
//!
//! `BufRead::lines` reads a line whole before anything can look at it: a 300 MB line (a file
//! that is not JSON Lines at all) was read into memory before it was found not to be JSON. Here
//! a line is read up to the limit and refused there; the rest of it is skipped unread into
//! memory when the run goes on past bad lines, and not read at all when it stops.

use std::io::{self, BufRead, Read};

/// A line of input, by its 1-based number: its text, or why it cannot be a pair before it is
/// even parsed (too long, not UTF-8).
pub type NumberedLine = (usize, Result<String, String>);

/// An error reading the input, and the 1-based number of the line it stopped at.
pub type ReadError = (usize, io::Error);

/// The lines of an input, read within a length limit.
pub struct Lines<R> {
    input: R,
    /// The number of the last line read.
    number: usize,
    /// The longest line taken, in bytes, without its line end.
    line_bytes: usize,
    /// Whether a refused line ends the reading: when the run stops at the first bad line, the
    /// lines after it are never needed, and the rest of a long line is not worth reading.
    stop_at_refused: bool,
    /// Set once the input ended, failed or a refused line stopped it.
    done: bool,
    /// Reused for each line's bytes.
    buffer: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R, line_bytes: usize, stop_at_refused: bool) -> Lines<R> {
        Lines {
            input,
            number: 0,
            line_bytes,
            stop_at_refused,
            done: false,
            buffer: Vec::new(),
        }
    }

    /// The next batch of non-blank lines: at most `lines` of them, and no more once they hold
    /// `bytes` bytes; and the error that stopped the reading, if one did. An empty batch at the
    /// end of input.
    pub fn next_batch(
        &mut self,
        lines: usize,
        bytes: usize,
    ) -> (Vec<NumberedLine>, Option<ReadError>) {
        let mut batch = Vec::with_capacity(lines.min(4096));
        let mut held = 0;
        while batch.len() < lines && held < bytes {
            match self.next_line() {
                Ok(None) => break,
                Ok(Some((number, line))) => {
                    let blank = line.as_ref().is_ok_and(|text| text.trim().is_empty());
                    if !blank {
                        held += line.as_ref().map_or(0, String::len);
                        batch.push((number, line));
                    }
                }
                Err(error) => return (batch, Some(error)),
            }
        }
        (batch, None)
    }

    /// The next line, `None` at the end of input.
    fn next_line(&mut self) -> Result<Option<NumberedLine>, ReadError> {
        if self.done {
            return Ok(None);
        }
        self.number += 1;
        let number = self.number;
        self.buffer.clear();
        // Room for the line end ("\r\n") past the limit: a line read whole is measured without
        // it, and one that ends past the limit is too long.
        let limit = self.line_bytes as u64 + 2;
        let read = (&mut self.input)
            .take(limit)
            .read_until(b'\n', &mut self.buffer)
            .map_err(|error| (number, error))?;
        if read == 0 {
            self.done = true;
            return Ok(None);
        }
        let ended = self.buffer.last() == Some(&b'\n');
        if ended {
            self.buffer.pop();
            if self.buffer.last() == Some(&b'\r') {
                self.buffer.pop();
            }
        }
        if self.buffer.len() > self.line_bytes {
            let refusal = format!(
                "line is longer than the limit of {} bytes ({} MiB); pair mode reads one pair a \
                 line",
                self.line_bytes,
                self.line_bytes >> 20
            );
            if self.stop_at_refused {
                self.done = true;
            } else if !ended {
                self.skip_rest_of_line().map_err(|error| (number, error))?;
            }
            return Ok(Some((number, Err(refusal))));
        }
        if !ended {
            self.done = true;
        }
        let mut bytes = std::mem::take(&mut self.buffer);
        // A byte order mark starts some files written on Windows; article mode drops it too.
        if number == 1 && bytes.starts_with("\u{feff}".as_bytes()) {
            bytes.drain(..3);
        }
        Ok(Some((
            number,
            String::from_utf8(bytes).map_err(|error| {
                format!(
                    "is not valid UTF-8 (first bad byte at offset {} of the line)",
                    error.utf8_error().valid_up_to()
                )
            }),
        )))
    }

    /// Reads past the rest of the current line without keeping it.
    fn skip_rest_of_line(&mut self) -> io::Result<()> {
        loop {
            let available = match self.input.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                self.done = true;
                return Ok(());
            }
            match memchr::memchr(b'\n', available) {
                Some(end) => {
                    self.input.consume(end + 1);
                    return Ok(());
                }
                None => {
                    let length = available.len();
                    self.input.consume(length);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(input: &[u8], line_bytes: usize, stop: bool) -> Vec<NumberedLine> {
        let (batch, error) = Lines::new(input, line_bytes, stop).next_batch(100, usize::MAX);
        assert!(error.is_none());
        batch
    }

    #[test]
    fn lines_are_numbered_blank_ones_skipped_line_ends_removed() {
        let lines = batch(b"a\r\n\n  \nb\nc", 10, true);
        assert_eq!(
            lines,
            [
                (1, Ok("a".to_string())),
                (4, Ok("b".to_string())),
                (5, Ok("c".to_string()))
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_refused_and_skipped_or_ends_the_input() {
        let input = b"short\nmuch too long\nnext\n";
        let skipped = batch(input, 8, false);
        assert_eq!(skipped[0], (1, Ok("short".to_string())));
        assert_eq!(skipped[1].0, 2);
        assert!(skipped[1]
            .1
            .as_ref()
            .unwrap_err()
            .contains("longer than the limit of 8 bytes"));
        assert_eq!(skipped[2], (3, Ok("next".to_string())));
        // Stopping, nothing after the refused line is read.
        assert_eq!(batch(input, 8, true).len(), 2);
        // A line just over the limit, its end read with it: the next line is the next one.
        let skipped = batch(b"123456789\nnext\n", 8, false);
        assert_eq!(skipped[1], (2, Ok("next".to_string())));
        // The limit is on the text, not on its line end.
        assert_eq!(
            batch(b"12345678\r\n", 8, true),
            [(1, Ok("12345678".to_string()))]
        );
    }

    #[test]
    fn a_refused_line_reads_no_more_than_the_limit_when_stopping() {
        let long = vec![b'x'; 1 << 20];
        let mut input = io::BufReader::with_capacity(16, &long[..]);
        let (lines, _) = Lines::new(&mut input, 1000, true).next_batch(10, usize::MAX);
        assert_eq!(lines.len(), 1);
        let rest = input.fill_buf().unwrap().len() + input.get_ref().len();
        assert!(long.len() - rest <= 1002 + 16, "read {}", long.len() - rest);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_the_first_line_only() {
        let lines = batch("\u{feff}{}\n\u{feff}x\n".as_bytes(), 100, true);
        assert_eq!(lines[0].1.as_deref(), Ok("{}"));
        assert_eq!(lines[1].1.as_deref(), Ok("\u{feff}x"));
    }

    #[test]
    fn a_line_that_is_not_utf8_is_a_bad_line_not_the_end() {
        let lines = batch(b"ok\nbad \xff here\nafter\n", 100, true);
        assert_eq!(
            lines[1],
            (
                2,
                Err("is not valid UTF-8 (first bad byte at offset 4 of the line)".to_string())
            )
        );
        assert_eq!(lines[2], (3, Ok("after".to_string())));
    }

    #[test]
    fn a_batch_ends_at_its_byte_bound() {
        let mut lines = Lines::new(&b"aaaa\nbbbb\ncccc\n"[..], 100, true);
        let (first, _) = lines.next_batch(10, 6);
        assert_eq!(first.len(), 2);
        let (second, _) = lines.next_batch(10, 6);
        assert_eq!(second, [(3, Ok("cccc".to_string()))]);
        assert!(lines.next_batch(10, 6).0.is_empty());
    }
}
