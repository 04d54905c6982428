//! Numbers as the judge compares them: a value, its unit and how exactly it is given, read from
//! digits, number words, money, percentages, clock times and the phrases around them ("about",
//! "more than").

use super::word::month_name;
use super::Word;
use crate::lexicon;

/// What a number measures; two numbers are only compared when their units agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// A plain count or amount.
    Count,
    /// Money, with its currency sign (`$`, `€`, `£`, `¥`).
    Money(char),
    Percent,
    /// A year such as 2014.
    Year,
    /// Minutes after midnight.
    Clock,
    /// A day of a month: `March 3` is `DayOf(3)` with value 3.
    DayOf(u8),
}

/// How exactly a number is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Exact,
    /// "about 200", "nearly $5 million".
    About,
    /// "more than 200", "at least 200".
    AtLeast,
    /// "fewer than 200", "up to 200".
    AtMost,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: Unit,
    pub precision: Precision,
}

impl Quantity {
    /// The range of values the number allows, widened by how round it is: "200" may stand for
    /// 213 when the other side says "about", "$4.8 million" is within "nearly $5 million".
    pub fn range(&self) -> (f64, f64) {
        let v = self.value;
        let slack = match self.precision {
            Precision::Exact => 0.0,
            _ => (v.abs() * 0.1).max(roundness(v) / 2.0),
        };
        match self.precision {
            Precision::Exact => (v, v),
            Precision::About => (v - slack, v + slack),
            Precision::AtLeast => (v, f64::INFINITY),
            Precision::AtMost => (f64::NEG_INFINITY, v),
        }
    }

    /// Whether the two numbers can describe the same quantity.
    pub fn compatible(&self, other: &Quantity) -> bool {
        let (a_lo, a_hi) = self.range();
        let (b_lo, b_hi) = other.range();
        let tolerance = 1e-9 * self.value.abs().max(other.value.abs()).max(1.0);
        (a_lo <= b_hi + tolerance && b_lo <= a_hi + tolerance)
            || self.rounded_from(other)
            || other.rounded_from(self)
    }

    /// Whether this number is `other` rounded to fewer digits, as one outlet rounds what another
    /// gives in full: "$114 million" / "$114.3 million", "6.3 billion" / "6.32 billion". The
    /// rounded number keeps two significant digits or more: "10 people" is not "12 people" said
    /// roughly, and "40 million" is not "39.5 million".
    fn rounded_from(&self, other: &Quantity) -> bool {
        let measured = matches!(self.unit, Unit::Count | Unit::Money(_) | Unit::Percent);
        if !measured
            || self.unit != other.unit
            || self.precision != Precision::Exact
            || other.precision != Precision::Exact
        {
            return false;
        }
        let step = roundness(self.value);
        let digits = (self.value.abs() / step).round();
        step > roundness(other.value) * (1.0 + 1e-9)
            && digits >= 10.0
            && (self.value - other.value).abs() <= step / 2.0 * (1.0 + 1e-9)
    }
}

/// Whether a decimal point stands right before `start` on its own, after a space, a sign or
/// the start of the text (".85 cent", "$.50"), not ending a word or a number ("U.S.85", "3.5").
fn after_a_lone_point(text: &str, start: usize) -> bool {
    let before = text[..start].strip_suffix('.');
    before.is_some_and(|before| {
        before
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '$' | '€' | '£' | '(' | '-'))
    })
}

/// The power of ten a round number is a multiple of: 200 -> 100, 4800 -> 100, 3.5 -> 0.1.
pub(super) fn roundness(value: f64) -> f64 {
    let mut step = 1.0;
    let v = value.abs();
    if v == 0.0 {
        return 1.0;
    }
    if v.fract() != 0.0 {
        // How far a multiple is from a whole number, not its fraction: 1.2 / 0.1 is
        // 11.999999999999998 in floating point, whose fraction is nearly 1.
        let off_whole = |x: f64| (x - x.round()).abs() > 1e-9 * x.abs().max(1.0);
        let mut step = 1.0;
        while off_whole(v / step) && step > 1e-6 {
            step /= 10.0;
        }
        return step;
    }
    while (v / (step * 10.0)).fract() == 0.0 && step < 1e12 {
        step *= 10.0;
    }
    step
}

/// Reads a number starting at word `i`: the value, its unit and precision, and how many words it
/// used. `None` when the word is not a number.
pub(super) fn read_quantity(text: &str, words: &[Word], i: usize) -> Option<(Quantity, usize)> {
    let word = &words[i];
    let lower = word.lowercase();
    let mut used = 1;
    let mut vague = false;
    let mut value = if let Some(clock) = parse_clock(&lower) {
        clock
    } else if let Ok(v) = if lower.contains(',') {
        lower.replace(',', "").parse::<f64>()
    } else {
        lower.parse::<f64>()
    } {
        if !v.is_finite() {
            return None;
        }
        v
    } else if let Some(v) = lexicon::number_word(&lower) {
        // "no one" means nobody; "one" as a pronoun ("one of the ...") is still a count of one.
        if lower == "one" && i > 0 && words[i - 1].text.eq_ignore_ascii_case("no") {
            return None;
        }
        if in_reciprocal_compound(text, word.start, word.start + word.text.len()) {
            return None;
        }
        v
    } else if let Some(v) = lexicon::vague_number(&lower) {
        vague = true;
        v
    } else {
        return None;
    };
    let is_numeral = lower.bytes().next().is_some_and(|b| b.is_ascii_digit());
    let leading_point =
        is_numeral && !lower.contains([',', '.', ':']) && after_a_lone_point(text, word.start);
    if leading_point {
        // ".85 cent" is 0.85: the word splitter leaves the point out of the number.
        value /= 10f64.powi(i32::try_from(lower.len()).unwrap_or(i32::MAX));
    }
    let has_separator = leading_point || lower.contains(',') || lower.contains('.');

    // Number words compose: "two hundred", "twenty five", "3 million".
    let mut unit = Unit::Count;
    if lower.contains(':') {
        unit = Unit::Clock;
    }
    while let Some(next) = words.get(i + used) {
        let next_lower = next.lowercase();
        let previous = &words[i + used - 1];
        // "$53.7-million", as some papers write it, is "$53.7 million"; "fifty-seven" is
        // "fifty seven". A hyphen joins nothing else ("a 20-year lease").
        let hyphened = &text[previous.start + previous.text.len()..next.start] == "-";
        if !adjacent(text, previous, next) && !hyphened {
            break;
        }
        if let Some(scale) = lexicon::scale_word(&next_lower) {
            value *= scale;
            used += 1;
        } else if !is_numeral && (20.0..100.0).contains(&value) && value % 10.0 == 0.0 {
            match lexicon::number_word(&next_lower) {
                Some(v) if v < 10.0 => {
                    value += v;
                    used += 1;
                }
                _ => break,
            }
        } else {
            break;
        }
    }

    // What follows: a clock suffix or a percent sign/word.
    let after_end = words[i + used - 1].start + words[i + used - 1].text.len();
    let after = &text[after_end..];
    if let Some(next) = words.get(i + used) {
        let next_lower = next.lowercase();
        if adjacent(text, &words[i + used - 1], next) && unit == Unit::Count {
            if matches!(&*next_lower, "a.m" | "am" | "p.m" | "pm") && value < 24.0 {
                let pm = next_lower.starts_with('p');
                let hours = value.trunc() % 12.0 + if pm { 12.0 } else { 0.0 };
                value = hours * 60.0 + (value.fract() * 100.0).round();
                unit = Unit::Clock;
                used += 1;
            } else if matches!(&*next_lower, "percent" | "pct") {
                unit = Unit::Percent;
                used += 1;
            } else if next_lower == "per"
                && words.get(i + used + 1).is_some_and(|w| w.text == "cent")
            {
                unit = Unit::Percent;
                used += 2;
            }
        }
    }
    if unit == Unit::Count && after.starts_with('%') {
        unit = Unit::Percent;
    }
    if unit == Unit::Clock && value < 24.0 * 60.0 && lower.contains(':') {
        let (h, m) = lower.split_once(':').unwrap_or(("0", "0"));
        value = h.parse::<f64>().unwrap_or(0.0) * 60.0 + m.parse::<f64>().unwrap_or(0.0);
    }

    // What precedes: a currency sign, a month (day of month), or a precision word.
    let before = text[..word.start].trim_end();
    if unit == Unit::Count {
        if let Some(sign) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '€' | '£' | '¥'))
        {
            unit = Unit::Money(sign);
        } else if let Some(previous) = i.checked_sub(1).map(|p| &words[p]) {
            if let Some(month) = month_name(previous.text, &previous.lowercase()).or_else(|| {
                lexicon::month(&previous.lowercase())
                    .filter(|_| previous.text.chars().next().is_some_and(char::is_uppercase))
            }) {
                if is_numeral && (1.0..=31.0).contains(&value) && value.fract() == 0.0 {
                    unit = Unit::DayOf(month);
                }
            }
        }
        // The day written first, as in British and military usage: "13 July".
        if unit == Unit::Count && used == 1 && is_numeral && !has_separator {
            let month = words
                .get(i + 1)
                .filter(|next| adjacent(text, word, next))
                .and_then(|next| month_name(next.text, &next.lowercase()));
            if let Some(month) = month.filter(|_| (1.0..=31.0).contains(&value)) {
                unit = Unit::DayOf(month);
            }
        }
        if unit == Unit::Count {
            if let Some(next) = words.get(i + used) {
                if matches!(&*next.lowercase(), "dollars" | "dollar" | "usd") {
                    unit = Unit::Money('$');
                } else if matches!(&*next.lowercase(), "euros" | "euro") {
                    unit = Unit::Money('€');
                } else if matches!(&*next.lowercase(), "pounds" | "pound") {
                    unit = Unit::Money('£');
                }
            }
        }
    }
    if unit == Unit::Count
        && is_numeral
        && !has_separator
        && used == 1
        && (1800.0..=2100.0).contains(&value)
        && lower.len() == 4
    {
        unit = Unit::Year;
    }
    let precision = if vague {
        Precision::AtLeast
    } else {
        precision_before(&words[..i])
    };
    Some((
        Quantity {
            value,
            unit,
            precision,
        },
        used,
    ))
}

/// Whether the number word at `start..end` is half of "one-on-one", "one-to-one",
/// "two-by-two": a way of meeting or going, not a count ("a one-on-one meeting" says nothing
/// against "three meetings").
fn in_reciprocal_compound(text: &str, start: usize, end: usize) -> bool {
    const LINKS: [&str; 3] = ["on", "to", "by"];
    let in_compound = |c: char| c.is_alphabetic() || c == '-';
    // The hyphenated compound around the word, and the word's place in its parts.
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_compound(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .find(|c| !in_compound(c))
        .map_or(text.len(), |i| end + i);
    let parts: Vec<&str> = text[from..to].split('-').collect();
    let at = text[from..start].matches('-').count();
    let number = |k: Option<usize>| {
        k.and_then(|k| parts.get(k))
            .is_some_and(|w| lexicon::number_word(&w.to_lowercase()).is_some())
    };
    let link = |k: Option<usize>| {
        k.and_then(|k| parts.get(k))
            .is_some_and(|w| LINKS.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    (link(at.checked_add(1)) && number(at.checked_add(2)))
        || (link(at.checked_sub(1)) && number(at.checked_sub(2)))
}

pub(super) fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    text[a.start + a.text.len()..b.start].trim().is_empty()
}

pub(super) fn parse_clock(lower: &str) -> Option<f64> {
    let (h, m) = lower.split_once(':')?;
    let h: f64 = h.parse().ok()?;
    let m: f64 = m.parse().ok()?;
    (h < 24.0 && m < 60.0).then_some(h * 60.0 + m)
}

/// Whether `lower` is the last word of a phrase on the lexicon's lists of precision words.
pub(super) fn ends_precision_phrase(lower: &str) -> bool {
    [
        lexicon::LOWER_BOUNDS,
        lexicon::UPPER_BOUNDS,
        lexicon::APPROXIMATORS,
    ]
    .iter()
    .flat_map(|list| list.iter())
    .any(|listed| {
        listed
            .strip_suffix(lower)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    })
}

/// Reads "about", "more than", "up to"... just before a number.
pub(super) fn precision_before(words: &[Word]) -> Precision {
    // A listed phrase ends with the word before the number, lowercase: its analysis tells
    // whether any does, unless that analysis is of the word without a possessive.
    match words.last() {
        None => return Precision::Exact,
        Some(last) if !last.written.possessive && !last.written.facts.may_end_precision_phrase => {
            return Precision::Exact
        }
        Some(_) => {}
    }
    // The last word, and the last two joined by a space ("" when there are fewer), lowercase;
    // a listed phrase is compared with the two words piece by piece rather than built.
    let one = words.last().map_or("".into(), Word::lowercase);
    let two = match words {
        [.., a, b] => Some((a.lowercase(), b.lowercase())),
        _ => None,
    };
    let is_two = |listed: &str| match &two {
        Some((a, b)) => {
            listed.len() == a.len() + 1 + b.len()
                && listed.starts_with(a.as_ref())
                && listed[a.len()..].starts_with(' ')
                && listed.ends_with(b.as_ref())
        }
        None => listed.is_empty(),
    };
    let hit = |list: &[&str]| list.iter().any(|&listed| listed == one || is_two(listed));
    if hit(lexicon::LOWER_BOUNDS) {
        Precision::AtLeast
    } else if hit(lexicon::UPPER_BOUNDS) {
        Precision::AtMost
    } else if hit(lexicon::APPROXIMATORS) {
        Precision::About
    } else {
        Precision::Exact
    }
}
