//! Where the words of a statement are: exactly what `unicode-segmentation`'s
//! `unicode_word_indices` finds (the word rules of UAX #29, keeping the pieces that hold a letter
//! or a digit), found faster for the text most statements are made of.
//!
//! Tokenizing asks it of every statement, and the crate's general iterator cuts the text into
//! every piece — spaces and punctuation included — to filter most of them out again. Here a
//! single pass over the text reads each character's class and keeps only the words. It knows
//! the classes of ASCII, of the accented Latin letters and of a few punctuation marks common in
//! news text; a statement holding any other character is left to the crate. The tests compare
//! the two on random text drawn from every character the fast path knows.

use unicode_segmentation::UnicodeSegmentation;

/// How the word rules of UAX #29 see a character, for the characters the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `ALetter`: ASCII and accented Latin letters.
    Letter,
    /// `Numeric`: ASCII digits.
    Digit,
    /// `ExtendNumLet`: the underscore, which joins letters and digits without being one.
    Underscore,
    /// `MidLetter` (`:`): inside a word between two letters.
    MidLetter,
    /// `MidNumLet` (`.`, `'`, `‘`, `’`): inside a word between two letters or two digits.
    MidNumLet,
    /// `MidNum` (`,`, `;`): inside a number between two digits.
    MidNum,
    /// Any other character the fast path knows: it never belongs to a word.
    Other,
    /// A character the fast path does not know: the crate decides.
    Unknown,
}

impl Class {
    /// Whether a character of this class is part of a word wherever it stands.
    fn is_word_core(self) -> bool {
        matches!(self, Class::Letter | Class::Digit | Class::Underscore)
    }

    /// Whether a character of this class, standing between characters of the classes `before`
    /// and `after`, keeps them in one word ("e.g", "3.5", "1,000", "don't").
    fn joins(self, before: Class, after: Class) -> bool {
        let between_letters = before == Class::Letter && after == Class::Letter;
        let between_digits = before == Class::Digit && after == Class::Digit;
        match self {
            Class::MidLetter => between_letters,
            Class::MidNumLet => between_letters || between_digits,
            Class::MidNum => between_digits,
            _ => false,
        }
    }
}

/// The class of each ASCII byte, indexed by any byte (those of other characters are `Unknown`)
/// so that reading it needs no bounds check.
const ASCII_CLASSES: [Class; 256] = {
    let mut table = [Class::Unknown; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The class of a character that is not ASCII.
fn class_of_non_ascii(c: char) -> Class {
    match c {
        // Latin-1 Supplement and Latin Extended-A and B letters ("é", "ß", "ć"), without the
        // multiplication and division signs among them.
        '\u{c0}'..='\u{24f}' if c != '\u{d7}' && c != '\u{f7}' => Class::Letter,
        '‘' | '’' => Class::MidNumLet,
        '“' | '”' | '–' | '—' | '€' | '£' | '\u{a0}' => Class::Other,
        _ => Class::Unknown,
    }
}

/// The class of the character starting at byte `at` of `text`, and its length in bytes.
fn class_at(text: &str, at: usize) -> (Class, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (ASCII_CLASSES[usize::from(byte)], 1);
    }
    match text[at..].chars().next() {
        Some(c) => (class_of_non_ascii(c), c.len_utf8()),
        None => (Class::Unknown, 1),
    }
}

/// Calls `found` with the start and text of each word of `text`, in order, as
/// `text.unicode_word_indices()` yields them.
pub(super) fn for_each_word<'a>(text: &'a str, mut found: impl FnMut(usize, &'a str)) {
    // A run of underscores alone is no word; a run holding anything else holds a letter or a
    // digit. Only a run starting with an underscore needs a look.
    let mut found_run = |start: usize, end: usize, first: Class| {
        let run = &text[start..end];
        if first != Class::Underscore || run.bytes().any(|b| b != b'_') {
            found(start, run);
        }
    };
    if text.is_ascii() {
        find_ascii_runs(text.as_bytes(), &mut found_run);
    } else if text
        .chars()
        .all(|c| c.is_ascii() || class_of_non_ascii(c) != Class::Unknown)
    {
        find_runs(text.len(), |at| class_at(text, at), &mut found_run);
    } else {
        for (start, word) in text.unicode_word_indices() {
            found(start, word);
        }
    }
}

/// [`find_runs`] of ASCII text, where each byte is a character and the last character of a run
/// is the byte before its end: the run's bytes are read in a tight loop.
fn find_ascii_runs(bytes: &[u8], mut found: impl FnMut(usize, usize, Class)) {
    let class = |byte: u8| ASCII_CLASSES[usize::from(byte)];
    let mut at = 0;
    while let Some(skipped) = bytes[at..].iter().position(|&b| class(b).is_word_core()) {
        let start = at + skipped;
        at = start + 1;
        loop {
            at += bytes[at..]
                .iter()
                .position(|&b| !class(b).is_word_core())
                .unwrap_or(bytes.len() - at);
            match (bytes.get(at), bytes.get(at + 1)) {
                (Some(&mark), Some(&after))
                    if class(mark).joins(class(bytes[at - 1]), class(after)) =>
                {
                    at += 2;
                }
                _ => break,
            }
        }
        found(start, at, class(bytes[start]));
    }
}

/// Finds the runs of a text of `len` bytes that may be words: `class_at` tells the class and
/// length of the character at a byte offset, and `found` is called with the start, end and first
/// character's class of each run. A run goes on through letters, digits and underscores, and
/// through a joining mark with the same kind of character on both sides ([`Class::joins`]).
#[inline(always)]
fn find_runs(
    len: usize,
    class_at: impl Fn(usize) -> (Class, usize),
    mut found: impl FnMut(usize, usize, Class),
) {
    let mut at = 0;
    while at < len {
        let (first, width) = class_at(at);
        let start = at;
        at += width;
        if !first.is_word_core() {
            continue;
        }
        let mut last = first;
        while at < len {
            let (class, width) = class_at(at);
            if class.is_word_core() {
                last = class;
                at += width;
                continue;
            }
            if at + width < len {
                let (after, after_width) = class_at(at + width);
                if class.joins(last, after) {
                    last = after;
                    at += width + after_width;
                    continue;
                }
            }
            break;
        }
        found(start, at, first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast(text: &str) -> Vec<(usize, &str)> {
        let mut words = Vec::new();
        for_each_word(text, |start, word| words.push((start, word)));
        words
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    /// Every character the fast path knows a class of, in one string.
    fn known_characters() -> String {
        (0..=0x24f_u32)
            .chain("‘’“”–—€£".chars().map(u32::from))
            .filter_map(char::from_u32)
            .filter(|&c| c.is_ascii() || class_of_non_ascii(c) != Class::Unknown)
            .collect()
    }

    #[test]
    fn every_known_character_is_classed_as_the_crate_classes_it() {
        // Each character alone, between letters, between digits, after a letter and a digit:
        // the contexts its class decides.
        for c in known_characters().chars() {
            for text in [
                format!("{c}"),
                format!("a{c}b"),
                format!("1{c}2"),
                format!("a{c}"),
                format!("{c}9"),
                format!("ab{c}{c}cd"),
            ] {
                assert_eq!(fast(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn news_text_is_cut_as_the_crate_cuts_it() {
        for text in [
            "The U.S. economy grew 3.5% in 2014, to $1,000,000 at 11:30 a.m.",
            "Duvale’s mayor — “not again” — said it won't cost €2.3 million.",
            "snake_case __ _x x_ 1_000 e.g. http://example.com ...",
            "Željko Ćorić met Søren in Kraków.",
            "a\r\nb\n\nc\u{b}d\u{c}e\te",
            "Unknown: 東京 and naïve\u{300} text goes to the crate.",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// ASCII text, read by its own loop, rich in the characters whose class decides a
        /// word's end.
        #[test]
        fn ascii_words_agree_with_the_crate(text in "[aZ1_:.,;' \t\r\n\"-]{0,24}") {
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        /// On text rich in the characters whose class decides a word's end, the fast path finds
        /// what the crate finds.
        #[test]
        fn words_agree_with_the_crate(
            text in "[aZé1_:.,;'’‘ \t\r\n\"“—€\u{a0}ß×ƻǀ-]{0,24}"
        ) {
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        /// Any of the known characters, in any order.
        #[test]
        fn words_of_any_known_characters_agree_with_the_crate(
            picks in proptest::collection::vec(0..known_characters().chars().count(), 0..24)
        ) {
            let known: Vec<char> = known_characters().chars().collect();
            let text: String = picks.iter().map(|&i| known[i]).collect();
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        /// Text the fast path does not know is the crate's, so any text agrees.
        #[test]
        fn words_of_any_text_agree_with_the_crate(text in "\\PC{0,24}") {
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }
    }
}
