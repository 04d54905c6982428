//! Splitting a document into statements, and marking the ones that are scraped page furniture.
//!
//! Sentence boundaries come from Unicode's sentence rules (UAX #29, via `unicode-segmentation`),
//! which already keep decimals (`3.5`), closing quotes after a period and lowercase continuations
//! together. News text needs more on top, done here:
//! - **Lines.** Scraped articles put one paragraph per line and headlines carry no final period,
//!   so a line break ends a statement — unless the next line starts in lowercase after a line with
//!   no closing punctuation, which is a hard-wrapped sentence going on.
//! - **Abbreviations.** `Mr. Smith`, `Dr. Lee`, `Jan. 5`, `John F. Kennedy`, `U.S. President`:
//!   UAX #29 breaks after any period followed by a capital; we join those back.
//! - **Bullets** start a statement of their own and are not part of its text.
//! - **Boilerplate** (captions, image file names, share prompts, "Read more", "Advertisement") is
//!   detected per line, since scrapers keep such furniture on lines of its own.

use std::hash::{Hash, Hasher};
use unicode_segmentation::UnicodeSegmentation;

use crate::load::Doc;
use crate::model::{Span, StatementId};

mod boilerplate;

pub use crate::model::Boilerplate;
pub use boilerplate::detect_boilerplate;

/// One sentence (or headline, or bullet) of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: StatementId,
    /// Where the statement's text is in the document, trimmed of surrounding space and bullets.
    pub span: Span,
    /// 1-based line of the statement's first byte.
    pub line: usize,
    /// Set when the statement is page furniture; such statements are kept out of judging.
    pub boilerplate: Option<Boilerplate>,
}

/// Splits `doc` into statements, in document order, with ids `0..n`.
pub fn segment(doc: &Doc) -> Vec<Statement> {
    let mut statements = Vec::new();
    // Lines are counted as the statements go, each newline once: counting from the start of the
    // block for every statement would be quadratic in a long paragraph.
    let mut line = doc.line_of(doc.body_start);
    let mut counted_to = doc.body_start;
    // Which statements are a paragraph of their own, as a photo's caption stands.
    let mut alone: Vec<bool> = Vec::new();
    for block in blocks(doc) {
        let furniture = detect_boilerplate(doc.slice(block));
        for span in sentences(&doc.text, block) {
            let whole_block = doc.slice(span) == doc.slice(block);
            alone.push(whole_block);
            line += count_line_breaks(doc, counted_to, span.start);
            counted_to = span.start;
            statements.push(Statement {
                id: statements.len(),
                span,
                line,
                // A block of one sentence was just looked at whole.
                boilerplate: furniture.or_else(|| {
                    (!whole_block)
                        .then(|| detect_boilerplate(doc.slice(span)))
                        .flatten()
                }),
            });
        }
    }
    mark_captions_before_the_dateline(doc, &mut statements);
    mark_captions_the_body_restates(doc, &mut statements, &alone);
    statements
}

/// Words a caption must have before its restatement in the body tells it: fewer, and a short
/// line could be the opening of any sentence ("The president said").
const RESTATED_CAPTION_WORDS: usize = 8;

/// Marks as captions the paragraphs of one sentence whose words are the opening words of a
/// longer sentence of the same story: news sites print a photo's caption as a line of its own,
/// and write it from the body ("For the first official state visit of his presidency, Mr. Trump
/// hosted a traditional arrival ceremony on the South Lawn." above "..., on the South Lawn,
/// complete with military bands, ..."). Told by form: the words of the two, case and
/// punctuation aside, never which words they are. The first statement (the headline) is left as
/// it is.
fn mark_captions_the_body_restates(doc: &Doc, statements: &mut [Statement], alone: &[bool]) {
    if statements.len() < 3 {
        return;
    }
    let words = |s: &Statement| {
        doc.slice(s.span)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    // Each statement's opening words, case aside, summed up in a number: most statements are
    // never compared word by word, and none is copied.
    let opening = |s: &Statement| -> Option<u64> {
        let mut hasher = rustc_hash::FxHasher::default();
        let mut count = 0;
        for word in words(s).take(RESTATED_CAPTION_WORDS) {
            word.chars()
                .flat_map(char::to_lowercase)
                .for_each(|c| c.hash(&mut hasher));
            0xffu8.hash(&mut hasher);
            count += 1;
        }
        (count == RESTATED_CAPTION_WORDS).then(|| hasher.finish())
    };
    let openings: Vec<Option<u64>> = statements.iter().map(opening).collect();
    let counts: Vec<usize> = statements.iter().map(|s| words(s).count()).collect();
    let mut by_opening: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, key) in openings.iter().enumerate() {
        if let Some(key) = key {
            by_opening.entry(*key).or_default().push(i);
        }
    }
    let same_word = |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    };
    // Whether `longer` opens with every word of `shorter` (it has more words).
    let opens_with = |longer: &Statement, shorter: &Statement| {
        let mut rest = words(longer);
        words(shorter).all(|w| rest.next().is_some_and(|l| same_word(l, w)))
    };
    // A text repeated many times (a page printed twice, a generated corpus) is looked into once.
    let mut answered: rustc_hash::FxHashMap<&str, bool> = rustc_hash::FxHashMap::default();
    for i in 1..statements.len() {
        let Some(key) = openings[i] else {
            continue;
        };
        if !alone[i] || statements[i].boilerplate.is_some() {
            continue;
        }
        let text = doc.slice(statements[i].span);
        let restated = match answered.get(text) {
            Some(&restated) => restated,
            None => {
                let restated = by_opening[&key]
                    .iter()
                    .any(|&j| counts[j] > counts[i] && opens_with(&statements[j], &statements[i]));
                answered.insert(text, restated);
                restated
            }
        };
        if restated {
            statements[i].boilerplate = Some(Boilerplate::Caption);
        }
    }
}

/// How far into a story its dateline may come: the headline, a caption or two, a video title.
const DATELINE_WITHIN: usize = 5;

/// Marks as captions the statements between a story's headline (its first line) and its
/// dateline ("WASHINGTON — ..."): news sites print the photo's caption or a video's title
/// there, a line the story itself does not tell ("President Trump and Melania Trump, the first
/// lady, welcomed President Emmanuel Macron ..."). Told by where it stands, never by its words;
/// a story without a dateline near its top is left as it is.
fn mark_captions_before_the_dateline(doc: &Doc, statements: &mut [Statement]) {
    // A dateline on the first or second statement leaves no room for a caption (below): a text
    // of one or two statements (every text of pair mode, most often) has none to look for.
    if statements.len() < 3 {
        return;
    }
    let Some(first_line) = statements.first().map(|s| s.line) else {
        return;
    };
    let dateline = statements
        .iter()
        .take(DATELINE_WITHIN)
        .position(|s| boilerplate::opens_with_dateline(doc.slice(s.span)));
    // A dateline on the first or second statement leaves no room for a caption.
    let Some(dateline) = dateline.filter(|&d| d >= 2) else {
        return;
    };
    let dateline_line = statements[dateline].line;
    for statement in &mut statements[1..dateline] {
        if statement.line > first_line
            && statement.line < dateline_line
            && statement.boilerplate.is_none()
        {
            statement.boilerplate = Some(Boilerplate::Caption);
        }
    }
}

fn count_line_breaks(doc: &Doc, from: usize, to: usize) -> usize {
    memchr::memchr_iter(doc.line_break, &doc.text.as_bytes()[from..to]).count()
}

/// Characters that mark a list item when they start a line.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '‣', '●', '*', '-', '–', '—', '>'];

/// Cuts the document into paragraphs, headlines and bullets (see the module docs for the rules):
/// the span of each run of lines that forms one, given out as the line after it ends it (the
/// last at the end of the text), so that no vector holds them.
fn blocks(doc: &Doc) -> impl Iterator<Item = Span> + '_ {
    let text = &doc.text;
    let mut current: Option<Span> = None;
    let mut previous_line_open = false; // the previous line did not end a sentence
    let mut position = doc.body_start;
    std::iter::from_fn(move || {
        while position < text.len() {
            let line_start = position;
            let (line_end, next_line) = line_break_after(text, line_start, doc.line_break);
            position = next_line;
            let line = &text[line_start..line_end];
            let trimmed_start = line.len() - line.trim_start().len();
            let content = line.trim();
            // The block this line ends, if it ends one.
            let mut ended = None;
            if content.is_empty() {
                ended = current.take();
                previous_line_open = false;
            } else {
                let mut start = line_start + trimmed_start;
                let mut is_bullet = false;
                if let Some(rest) = strip_bullet(content) {
                    is_bullet = true;
                    start += content.len() - rest.len();
                }
                let end = start + text[start..line_end].trim_end().len();
                let continues = !is_bullet
                    && previous_line_open
                    && content.chars().next().is_some_and(|c| c.is_lowercase());
                match (&mut current, continues) {
                    (Some(span), true) => span.end = end,
                    _ => {
                        ended = current.take();
                        if start < end {
                            current = Some(Span::new(start, end));
                        }
                    }
                }
                previous_line_open = !content.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'']);
            }
            if ended.is_some() {
                return ended;
            }
        }
        current.take()
    })
}

/// Where the line starting at `position` ends, and where the next one starts. A line break is
/// the document's line-end byte (`line_break`: a newline, or a carriage return in a file of old
/// Mac line ends), or a newline escape written out (`\n` between spaces), which scrapers leave in text
/// taken from JSON ("he wrote in an email. \n  The lawsuit ...").
fn line_break_after(text: &str, position: usize, line_break: u8) -> (usize, usize) {
    let rest = &text[position..];
    let bytes = rest.as_bytes();
    let newline = memchr::memchr(line_break, bytes).unwrap_or(rest.len());
    // Found from its backslash, a byte few lines hold: a substring search would build its
    // searcher anew for every line.
    let escaped = memchr::memchr_iter(b'\\', &bytes[..newline])
        .filter(|&backslash| {
            backslash > 0
                && bytes[backslash - 1] == b' '
                && backslash + 1 < newline
                && bytes[backslash + 1] == b'n'
        })
        .map(|backslash| backslash - 1)
        .find(|&i| {
            let after = i + 3;
            rest[after..].is_empty() || rest[after..].starts_with(char::is_whitespace)
        });
    match escaped {
        Some(i) => (position + i, position + i + 3),
        None => (position + newline, position + newline + 1),
    }
}

/// The rest of a line after a leading bullet marker and its space, if the line starts with one.
fn strip_bullet(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = &line[first.len_utf8()..];
    // "-5 degrees" or "--" are not bullets; a bullet is followed by a space.
    if rest.starts_with(char::is_whitespace) {
        Some(rest.trim_start())
    } else {
        None
    }
}

/// Sentence spans inside one block, in order, trimmed.
fn sentences(text: &str, block: Span) -> impl Iterator<Item = Span> {
    // Line breaks inside a block are wrapped lines: segment as if they were spaces. Replacing
    // one ASCII byte by another keeps every offset valid.
    let block_text = &text[block.start..block.end];
    let flattened: std::borrow::Cow<str> =
        if memchr::memchr2(b'\n', b'\r', block_text.as_bytes()).is_some() {
            block_text.replace(['\n', '\r'], " ").into()
        } else {
            block_text.into()
        };
    let one_sentence = is_one_sentence(&flattened);
    if one_sentence {
        // Most blocks (and every text of a pair) are one sentence: no vector to collect it in.
        let sentence = trim(text, block);
        if sentence.len() <= MAX_STATEMENT_BYTES {
            let sentence = Some(sentence).filter(|s| !s.is_empty());
            return sentence.into_iter().chain(Vec::new());
        }
    }
    let mut pieces: Vec<Span> = Vec::new();
    let mut whole = std::iter::once((0, flattened.as_ref()));
    let mut bounds = flattened.split_sentence_bound_indices();
    let bounds: &mut dyn Iterator<Item = (usize, &str)> = if one_sentence {
        &mut whole
    } else {
        &mut bounds
    };
    for (offset, piece) in bounds {
        let start = block.start + offset;
        let span = trim(text, Span::new(start, start + piece.len()));
        if span.is_empty() {
            continue;
        }
        match pieces.last_mut() {
            Some(previous)
                if should_join(
                    &text[previous.start..previous.end],
                    &text[span.start..span.end],
                ) =>
            {
                previous.end = span.end;
            }
            _ => pieces.push(span),
        }
    }
    // Pieces are trimmed already: one within the limit is its own only part.
    if pieces
        .iter()
        .all(|piece| piece.len() <= MAX_STATEMENT_BYTES)
    {
        return None.into_iter().chain(pieces);
    }
    let parts: Vec<Span> = pieces
        .into_iter()
        .flat_map(|piece| split_overlong(text, piece))
        .collect();
    None.into_iter().chain(parts)
}

/// Whether UAX #29 finds no sentence boundary inside `text`, told without running it: the
/// Unicode algorithm costs some 250 instructions a character, the better part of judging a
/// short sentence pair. True only for ASCII text (no line breaks; Latin letters with
/// diacritics allowed) where every full stop before the closing run is followed at once by a
/// digit ("3.7", rule SB6), a lowercase letter ("e.g", SB8; also after spaces: "a.m. on") or,
/// after a letter, an uppercase one ("U.S", SB7), and no `!` or `?` stands before that run; the closing run (terminators, closing quotes and brackets, spaces) may not put a quote or
/// bracket after a space that follows a terminator (SB11 breaks there). When it says false, the
/// full algorithm decides.
fn is_one_sentence(text: &str) -> bool {
    let bytes = text.as_bytes();
    let closing = |b: u8| {
        matches!(
            b,
            b'.' | b'!' | b'?' | b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}'
        ) || is_sentence_space(b)
    };
    if !text.is_ascii() && !text.chars().all(|c| c.is_ascii() || is_latin_letter(c)) {
        return false;
    }
    let tail = bytes
        .iter()
        .rposition(|&b| !closing(b))
        .map_or(0, |i| i + 1);
    // The body holds no other terminator and no line break, and each of its full stops keeps
    // the sentence going: byte searches, since every statement is asked.
    let body = &bytes[..tail];
    let body_is_one = memchr::memchr3(b'!', b'?', b'\n', body).is_none()
        && memchr::memchr(b'\r', body).is_none()
        && memchr::memchr_iter(b'.', body).all(|i| {
            // A full stop in the body is followed by a byte of the body: the body ends with a
            // byte that is not a terminator.
            let next = bytes[i + 1];
            let after_spaces = bytes[i + 1..].iter().find(|&&b| b != b' ');
            next.is_ascii_digit()
                || next.is_ascii_lowercase()
                || (next.is_ascii_uppercase() && i > 0 && bytes[i - 1].is_ascii_alphabetic())
                // "10 a.m. on Thursday": spaces, then a lowercase letter (SB8).
                || after_spaces.is_some_and(u8::is_ascii_lowercase)
        });
    let mut after_terminator = false;
    let mut after_space = false;
    let tail_is_one = bytes[tail..].iter().all(|&b| match b {
        b'.' | b'!' | b'?' => {
            after_terminator = true;
            after_space = false;
            true
        }
        _ if is_sentence_space(b) => {
            after_space = after_terminator;
            true
        }
        _ => !after_space,
    });
    body_is_one && tail_is_one
}

/// Whether `c` is a Latin letter with a diacritic (Latin-1 Supplement and Latin Extended-A and
/// B letters: "ć", "É", "ß"), which UAX #29 counts as letters (`Upper`, `Lower`, `OLetter`),
/// never as terminators, closers, spaces or separators.
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}') && c != '\u{d7}' && c != '\u{f7}'
}

/// The ASCII bytes UAX #29 counts as sentence spaces (`Sp`).
fn is_sentence_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x0b | 0x0c)
}

/// Statements longer than this are cut at white space into parts of at most this size. No
/// sentence of an article is this long; a file with one endless line (a scraped page without
/// punctuation, a log) would otherwise become one statement of millions of words, whose
/// comparison costs memory and time without limit.
pub const MAX_STATEMENT_BYTES: usize = 4096;

/// `span` cut into parts of at most [`MAX_STATEMENT_BYTES`], at the last white space before
/// each limit (mid-word only when a single word is longer than the limit).
fn split_overlong(text: &str, span: Span) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_STATEMENT_BYTES {
        let mut limit = start + MAX_STATEMENT_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map(|i| start + i)
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        let part = trim(text, Span::new(start, cut));
        if !part.is_empty() {
            parts.push(part);
        }
        start = cut;
    }
    let last = trim(text, Span::new(start, span.end));
    if !last.is_empty() {
        parts.push(last);
    }
    parts
}

/// The span without surrounding white space and control characters (a stray BEL is not text).
fn trim(text: &str, span: Span) -> Span {
    let blank = |c: char| c.is_whitespace() || c.is_control();
    let piece = &text[span.start..span.end];
    let start = span.start + (piece.len() - piece.trim_start_matches(blank).len());
    let end = span.start + piece.trim_end_matches(blank).len();
    Span::new(start, end.max(start))
}

/// Abbreviations that are (almost) never the last word of a sentence: a title before a name, a
/// month before a day, `No.` before a number.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "cpl", "pvt", "st", "mt", "ft", "rev", "hon", "pres", "supt", "det",
    "insp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "fig", "vol", "ch", "sec", "art",
    "para", "dept", "univ", "assn", "ave", "blvd", "rd",
];

/// Abbreviations that often sit inside a sentence but may also end one (`... in the U.S.`).
const MAYBE_FINAL: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "inc", "corp", "ltd", "co", "llc", "plc", "jr",
    "sr", "a.m", "p.m", "etc", "al", "bros",
];

/// Capitalized words that typically open a new sentence; after a `MAYBE_FINAL` abbreviation they
/// mean the sentence really ended there.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "no",
    "not",
    "yet",
    "also",
    "however",
    "meanwhile",
    "still",
    "since",
    "although",
    "though",
    "one",
    "some",
    "many",
    "most",
    "all",
    "what",
    "who",
    "how",
    "why",
    "where",
    "officials",
];

/// Whether the sentence break UAX #29 put between `previous` and `next` is a false one.
fn should_join(previous: &str, next: &str) -> bool {
    let Some(last_word) = previous.split_whitespace().next_back() else {
        return false;
    };
    let next_first = next.chars().next();
    // "... the release was delayed ... until" - lowercase after the break continues the sentence.
    if next_first.is_some_and(|c| c.is_lowercase()) && !previous.ends_with(['!', '?']) {
        return true;
    }
    let Some(stem) = last_word
        .trim_start_matches(['(', '"', '“', '\'', '‘'])
        .strip_suffix('.')
    else {
        return false;
    };
    let lower = stem.to_lowercase();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return true;
    }
    if MAYBE_FINAL.contains(&lower.as_str()) {
        let next_word: String = next
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let starts_digit = next_first.is_some_and(|c| c.is_ascii_digit());
        // "the Dale Earnhardt Inc. No. 1 Chevrolet": "No." before a number is a rank, not the
        // "No" that opens a sentence (the number may be the next piece: "No." never ends one).
        let rank = crate::lexicon::opens_with_rank(next) || next.trim_end() == "No.";
        return starts_digit || rank || !SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    // Initials: "John F. Kennedy", "J.K. Rowling".
    let letters: Vec<char> = stem.chars().filter(|c| *c != '.').collect();
    (1..=3).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && stem.chars().filter(|c| *c == '.').count() + 1 == letters.len()
}

#[cfg(test)]
mod tests {
    use super::boilerplate::{
        ascii_word_count, CREDITS, CREDIT_BYTES, CREDIT_WORDS, EXACT, PHRASE_HEAD_BYTES, PREFIXES,
    };
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let doc = Doc::from_text("t", text);
        segment(&doc)
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    proptest::proptest! {
        /// The shortcut never says "one sentence" where UAX #29 finds a boundary inside.
        #[test]
        fn one_sentence_shortcut_agrees_with_uax29(text in "[aZ .!?\"'()\\[\\]{}3,;:\t\u{b}éĆƻ×«\u{300}-]{0,24}") {
            if is_one_sentence(&text) {
                proptest::prop_assert!(text.split_sentence_bound_indices().count() <= 1, "{:?}", text);
            }
        }
    }

    #[test]
    fn every_credit_holds_a_byte_or_word_of_the_prefilter() {
        for credit in CREDITS {
            assert!(
                credit.bytes().any(|b| CREDIT_BYTES.contains(&b))
                    || CREDIT_WORDS.iter().any(|w| credit.contains(w)),
                "{credit}"
            );
        }
    }

    #[test]
    fn ascii_words_are_counted_as_split() {
        for text in ["", "a", " a b ", "don't stop", "x--y'z 12", "''", "a.b,c"] {
            let split = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .count();
            assert_eq!(ascii_word_count(text), split, "{text:?}");
        }
    }

    #[test]
    fn long_statements_are_furniture_only_as_labels_or_copyright() {
        let long = "words of a real sentence that runs on well past ten words in all";
        assert_eq!(detect_boilerplate(long), None);
        assert_eq!(
            detect_boilerplate(&format!("© 2014 {long}")),
            Some(Boilerplate::Copyright)
        );
        assert_eq!(
            detect_boilerplate(&format!("Read more: {long}")),
            Some(Boilerplate::Navigation)
        );
    }

    #[test]
    fn the_phrase_head_covers_every_listed_phrase() {
        assert!(EXACT.iter().all(|(p, _)| p.len() < PHRASE_HEAD_BYTES));
        assert!(PREFIXES.iter().all(|(p, _)| p.len() <= PHRASE_HEAD_BYTES));
    }

    #[test]
    fn one_sentence_shortcut_cases() {
        for text in [
            "The deal was worth $3.7 million.",
            "He earned 3.5 points in the U.S.",
            "He said \"no.\"",
            "Is it? ",
            "Diego Hoić met them at 10 a.m. on Thursday.",
        ] {
            assert!(is_one_sentence(text), "{text:?}");
            assert_eq!(text.split_sentence_bound_indices().count(), 1, "{text:?}");
        }
        for text in ["It fell. Then it rose.", "Stop! Now.", "He left. \"Why?\""] {
            assert!(!is_one_sentence(text), "{text:?}");
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Dr. Lee on Jan. 5 at 9 a.m. in the U.S. capital. They talked."),
            [
                "Mr. Smith met Dr. Lee on Jan. 5 at 9 a.m. in the U.S. capital.",
                "They talked."
            ]
        );
    }

    #[test]
    fn us_before_a_title_joins_but_before_the_ends() {
        assert_eq!(
            split("U.S. President Barack Obama spoke. He blamed the U.S. The talks failed."),
            [
                "U.S. President Barack Obama spoke.",
                "He blamed the U.S.",
                "The talks failed."
            ]
        );
    }

    #[test]
    fn company_and_number_abbreviations() {
        assert_eq!(
            split(
                "Acme Inc. said profits rose. It is the No. 1 maker in the U.S. The shares fell."
            ),
            [
                "Acme Inc. said profits rose.",
                "It is the No. 1 maker in the U.S.",
                "The shares fell."
            ]
        );
        assert_eq!(
            split("Green will drive the Dale Earnhardt Inc. No. 1 Chevrolet next week."),
            ["Green will drive the Dale Earnhardt Inc. No. 1 Chevrolet next week."]
        );
    }

    #[test]
    fn decimals_and_money_stay_whole() {
        assert_eq!(
            split("Growth was 3.5 percent. The deal is worth $2.3 million."),
            ["Growth was 3.5 percent.", "The deal is worth $2.3 million."]
        );
    }

    #[test]
    fn initials_join() {
        assert_eq!(
            split("John F. Kennedy and J.K. Rowling never met. Nobody asked."),
            [
                "John F. Kennedy and J.K. Rowling never met.",
                "Nobody asked."
            ]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues() {
        assert_eq!(
            split("He paused... then left. She stayed."),
            ["He paused... then left.", "She stayed."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("\"We will respond.\" Obama said it twice. \"That's not who we are.\""),
            [
                "\"We will respond.\"",
                "Obama said it twice.",
                "\"That's not who we are.\""
            ]
        );
    }

    #[test]
    fn headlines_and_lines_without_final_punctuation_are_statements() {
        assert_eq!(
            split("North Korea Denies Hack\n\nThe FBI disagrees.\nShow comments"),
            [
                "North Korea Denies Hack",
                "The FBI disagrees.",
                "Show comments"
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_into_one_sentence() {
        assert_eq!(
            split("The council voted on the\nbudget late on Tuesday.\nIt passed."),
            [
                "The council voted on the\nbudget late on Tuesday.",
                "It passed."
            ]
        );
    }

    proptest::proptest! {
        /// Finding an escaped newline from its backslash finds what a substring search finds.
        #[test]
        fn escaped_newlines_are_found_as_a_substring_search_finds_them(
            text in "[ \\\\n\n\ta]{0,16}"
        ) {
            let newline = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
            let escaped = memchr::memmem::find_iter(&text.as_bytes()[..newline], b" \\n")
                .find(|&i| text[i + 3..].is_empty() || text[i + 3..].starts_with(char::is_whitespace));
            let expected = match escaped {
                Some(i) => (i, i + 3),
                None => (newline, newline + 1),
            };
            proptest::prop_assert_eq!(line_break_after(&text, 0, b'\n'), expected, "{:?}", text);
        }
    }

    #[test]
    fn carriage_returns_end_lines_in_a_file_without_line_feeds() {
        let doc = Doc::from_text(
            "t",
            "Bridge to close\rThe bridge closes on Monday.\r\rIt reopens in May.\r",
        );
        let statements = segment(&doc);
        let lines: Vec<(&str, usize)> = statements
            .iter()
            .map(|s| (doc.slice(s.span), s.line))
            .collect();
        assert_eq!(
            lines,
            [
                ("Bridge to close", 1),
                ("The bridge closes on Monday.", 2),
                ("It reopens in May.", 4)
            ]
        );
        // Where line feeds are the line ends, a carriage return stays white space.
        let doc = Doc::from_text("t", "One\rtwo.\nThree.\n");
        let texts: Vec<&str> = segment(&doc).iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(texts, ["One\rtwo.", "Three."]);
    }

    #[test]
    fn a_newline_escape_left_by_a_scraper_breaks_the_line() {
        assert_eq!(
            split("\"No proof,\" he wrote in an email \\n  The lawsuit goes on."),
            ["\"No proof,\" he wrote in an email", "The lawsuit goes on."]
        );
        // Not inside a word or a path.
        assert_eq!(
            split("Files sit in C:\\new on the server."),
            ["Files sit in C:\\new on the server."]
        );
    }

    #[test]
    fn bullets_are_statements_without_the_marker() {
        assert_eq!(
            split("Key points:\n• Taxes rise\n- Spending falls\n* Debt grows"),
            ["Key points:", "Taxes rise", "Spending falls", "Debt grows"]
        );
    }

    #[test]
    fn crlf_and_bom_keep_file_offsets() {
        let doc = Doc::from_text("t", "\u{feff}One.\r\nTwo.\r\n");
        let statements = segment(&doc);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].span, Span::new(3, 7));
        assert_eq!(doc.slice(statements[1].span), "Two.");
        assert_eq!(statements[1].line, 2);
    }

    #[test]
    fn line_numbers_follow_the_file() {
        let doc = Doc::from_text("t", "Head\n\nFirst. Second.\n\n\nThird.");
        let lines: Vec<usize> = segment(&doc).iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 3, 3, 6]);
    }

    #[test]
    fn boilerplate_kinds() {
        let cases = [
            ("download (29).jpg", Some(Boilerplate::ImageFile)),
            ("download (29).jpg (Photo : Reuters)", Some(Boilerplate::ImageFile)),
            ("A firefighter at the scene. (Photo: AP)", Some(Boilerplate::Caption)),
            ("Like Us on Facebook", Some(Boilerplate::Social)),
            ("Follow us on Twitter", Some(Boilerplate::Social)),
            ("Show comments", Some(Boilerplate::Navigation)),
            ("Read more: Fire destroys warehouse in Dayton", Some(Boilerplate::Navigation)),
            ("Advertisement", Some(Boilerplate::Advertisement)),
            ("Sign up for our newsletter", Some(Boilerplate::Subscription)),
            ("Share this article", Some(Boilerplate::Social)),
            ("© 2024 Daily Planet. All rights reserved.", Some(Boilerplate::Copyright)),
            ("The company said it would share the data with Facebook and regulators next year.", None),
            ("Watch officials said the vote would be close, and the mayor agreed with them on Tuesday.", None),
            // News sites' link labels count with their mark only.
            ("More: A minute-by-minute guide to the exclusive interview with the former director.", Some(Boilerplate::Navigation)),
            ("The Bubble: Conservatives and liberals agree the book did not do him any favors.", Some(Boilerplate::Navigation)),
            ("More than 50 people were hurt when the roof of the station fell in on Monday.", None),
            ("More people voted this year.", None),
            // Reporting credits.
            ("Mark Landler contributed reporting from Washington, Motoko Rich from Tokyo.", Some(Boilerplate::Caption)),
            ("Anna Lee contributed to this report.", Some(Boilerplate::Caption)),
            ("She contributed $5 million to the campaign, the report said.", None),
            // An agency's dateline credits the story, not a photo.
            ("WASHINGTON (Reuters) - The Democratic Party sued the Russian government on Friday.", None),
            ("WASHINGTON (Reuters)-The Democratic Party sued the Russian government on Friday.", None),
            ("PARIS, France (AFP) — The minister resigned on Monday after a week of protests.", None),
            ("Paris (AFP) - The minister resigned on Monday after a week of protests.", None),
            ("(Reuters) - Tesla Inc said on Monday it would cut prices in China again.", None),
            ("WASHINGTON (Reuters) The Democratic Party sued the Russian government on Friday.", None),
            ("WASHINGTON, April 30 (Reuters): President Trump postponed the tariffs on Monday.", None),
            ("Protesters gather in Paris (Reuters) - the march went on for hours.", Some(Boilerplate::Caption)),
            ("WASHINGTON (Reuters) - Protesters outside the court. (Photo: Reuters)", Some(Boilerplate::Caption)),
            ("Protesters gather outside the court in Washington (Reuters)", Some(Boilerplate::Caption)),
            // Video blurbs and titles.
            ("The Post reports the director met the leader over Easter; chief White House correspondent John Roberts reports from West Palm Beach, Florida.", Some(Boilerplate::Caption)),
            ("The memos are released to Congress; Fox News legal analyst Gregg Jarrett reacts on 'Hannity.'", Some(Boilerplate::Caption)),
            ("North Korea's Kim suspends nuclear, missile test AP.", Some(Boilerplate::Caption)),
            ("The minister confirmed the figures in an interview with the AP.", None),
            ("The strike was confirmed; our correspondent said the talks would go on.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(detect_boilerplate(text), expected, "{text}");
        }
    }

    #[test]
    fn a_caption_line_is_boilerplate_in_all_its_sentences() {
        let doc = Doc::from_text(
            "t",
            "Rescuers search the rubble. (Photo: AP)\nThe quake killed 12.",
        );
        let statements = segment(&doc);
        let flags: Vec<bool> = statements.iter().map(|s| s.boilerplate.is_some()).collect();
        assert_eq!(flags, [true, true, false]);
    }

    #[test]
    fn an_endless_line_is_cut_into_bounded_statements_that_cover_it() {
        let text = "word ".repeat(3000) + "end";
        let doc = Doc::from_text("t", text.clone());
        let statements = segment(&doc);
        assert!(statements.len() > 1);
        assert!(statements
            .iter()
            .all(|s| s.span.len() <= MAX_STATEMENT_BYTES));
        let rebuilt: Vec<&str> = statements.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(rebuilt.join(" "), text);
        let one_long_word = "x".repeat(10_000);
        let doc = Doc::from_text("t", one_long_word);
        assert!(segment(&doc)
            .iter()
            .all(|s| s.span.len() <= MAX_STATEMENT_BYTES));
    }

    #[test]
    fn line_numbers_inside_a_wrapped_paragraph() {
        let doc = Doc::from_text("t", "One. Two runs\non here. Three.\nFour.\n\n\nFive. Six.");
        let lines: Vec<usize> = segment(&doc).iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 1, 2, 3, 6, 6]);
    }

    #[test]
    fn many_sentences_on_one_line_each_get_their_line() {
        // Counting lines from the block's start for each statement took minutes here.
        let text = "The vote was close. ".repeat(25_000);
        let statements = segment(&Doc::from_text("t", text));
        assert_eq!(statements.len(), 25_000);
        assert!(statements.iter().all(|s| s.line == 1));
    }

    #[test]
    fn empty_and_whitespace_documents_have_no_statements() {
        assert!(split("").is_empty());
        assert!(split(" \n\r\n\t \n").is_empty());
    }

    fn furniture(text: &str) -> Vec<bool> {
        segment(&Doc::from_text("t", text))
            .iter()
            .map(|s| s.boilerplate.is_some())
            .collect()
    }

    #[test]
    fn lines_between_the_headline_and_the_dateline_are_captions() {
        let story = "Trump signals openness to a new deal\n\
            President Trump and the first lady welcomed President Macron to the White House on Tuesday.\n\
            WASHINGTON — President Trump signaled on Tuesday that he was open to a new arrangement.\n\
            He made no commitment.\n";
        assert_eq!(furniture(story), [false, true, false, false]);
        let city_and_country = "Headline here\nA photo of the summit.\n\
            SEOUL, South Korea — North Korea's leader said his country no longer needed tests.\n";
        assert_eq!(furniture(city_and_country), [false, true, false]);
    }

    #[test]
    fn a_story_without_a_dateline_near_its_top_keeps_its_lines() {
        let story = "Headline here\nThe council met on Monday.\nIt approved the budget.\n\
            Later, in WASHINGTON — far down — nothing changes.\n";
        assert_eq!(furniture(story), [false, false, false, false]);
        // A dateline on the first lines leaves nothing to mark, and does not panic.
        assert_eq!(furniture("WASHINGTON — The vote was close.\n"), [false]);
        assert_eq!(
            furniture("Headline\nWASHINGTON — The vote was close.\n"),
            [false, false]
        );
        // A lowercase or long opening is no dateline.
        assert_eq!(
            furniture("Headline\nThe summit ended.\nthe end — of it.\n"),
            [false, false, false]
        );
    }

    #[test]
    fn a_line_the_body_restates_at_greater_length_is_a_caption() {
        let story = "Macron visits Washington\n\
            Mr. Trump hosted a traditional arrival ceremony on the South Lawn for Mr. Macron.\n\
            The two leaders discussed Iran.\n\
            Mr. Trump hosted a traditional arrival ceremony on the South Lawn for Mr. Macron, \
            complete with military bands.\n";
        assert_eq!(furniture(story), [false, true, false, false]);
        // The same sentence twice is a copy, not a caption; a short line opens any sentence; a
        // sentence inside a paragraph is no caption; the headline is left as it is.
        let copies = "Headline\nThe council approved the budget by a vote of five to two.\n\
            The council approved the budget by a vote of five to two.\n";
        assert_eq!(furniture(copies), [false, false, false]);
        let short = "Headline\nThe president said.\nThe president said the talks went well.\n";
        assert_eq!(furniture(short), [false, false, false]);
        let inside = "Headline\nThe council approved the budget by a vote of five to two. It met \
            late.\nThe council approved the budget by a vote of five to two on Monday.\n";
        assert_eq!(furniture(inside), [false, false, false, false]);
        let headline = "The council approved the budget by a vote of five to two\n\
            The council approved the budget by a vote of five to two on Monday.\nIt met late.\n";
        assert_eq!(furniture(headline), [false, false, false]);
    }

    #[test]
    fn a_name_with_its_place_in_the_photo_is_a_caption() {
        for caption in [
            "Michael T. Flynn, right, the former national security adviser, with Mr. Trump in January 2017.",
            "Prime Minister Benjamin Netanyahu of Israel, left, and Secretary of State Mike Pompeo on Sunday.",
        ] {
            assert_eq!(
                detect_boilerplate(caption),
                Some(Boilerplate::Caption),
                "{caption}"
            );
        }
        for prose in [
            "Mr. Flynn, right or wrong, kept his post.",
            "He turned, right, and left the room.",
            "The party moved right, critics said.",
        ] {
            assert_eq!(detect_boilerplate(prose), None, "{prose}");
        }
    }
}
