//! Numbers, days and months as words: number words, vague amounts, scale words, weekdays,
//! months, and the phrases that make a number approximate or a bound.

/// Spelled-out numbers and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("half", 0.5),
];

/// Plural number words that say "at least this many" ("dozens of residents" is compatible with
/// "more than 40 residents").
pub const VAGUE_NUMBERS: &[(&str, f64)] = &[
    ("several", 2.0),
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("billions", 2e9),
];

/// Words that multiply the number before them.
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Words before a number that make it approximate ("about 200") or a bound ("more than 200").
pub const APPROXIMATORS: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "estimated",
    "circa",
    "close to",
    "an estimated",
    "or so",
];

pub const LOWER_BOUNDS: &[&str] = &[
    "more than",
    "over",
    "at least",
    "upwards of",
    "above",
    "exceeding",
    "just over",
];

pub const UPPER_BOUNDS: &[&str] = &[
    "less than",
    "fewer than",
    "under",
    "at most",
    "up to",
    "below",
    "just under",
    "no more than",
];

pub fn number_word(lower: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, v)| *v)
}

pub fn vague_number(lower: &str) -> Option<f64> {
    VAGUE_NUMBERS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, v)| *v)
}

pub fn scale_word(lower: &str) -> Option<f64> {
    SCALE_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, v)| *v)
}

pub fn weekday(lower: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| *d == lower).map(|i| i as u8)
}

pub fn month(lower: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}
