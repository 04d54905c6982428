//! Page furniture: captions, credits, image file names, share prompts and navigation that a
//! scraped article carries but that states no claim.

use crate::model::Boilerplate;

/// Classifies a line or sentence as page furniture, if it is.
pub fn detect_boilerplate(text: &str) -> Option<Boilerplate> {
    let lower = text.to_lowercase();
    let words = || {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
    };
    let ascii = lower.is_ascii();
    let word_count = if ascii {
        ascii_word_count(&lower)
    } else {
        words().count()
    };

    if word_count <= 12 && has_image_file_name(&lower) {
        return Some(Boilerplate::ImageFile);
    }
    // A wire agency named in the dateline credits the story, not a photo: "WASHINGTON (Reuters)
    // - The Democratic Party sued ..." is the story's first sentence. Its credit is looked for
    // after the dateline (asked only of the few statements that hold a credit at all).
    let credited = || match after_agency_dateline(text) {
        Some(story) => is_caption_credit(&story.to_lowercase()),
        None => true,
    };
    if is_caption_credit(&lower) && credited()
        || is_video_blurb(&lower)
        || names_who_stands_where(text)
    {
        return Some(Boilerplate::Caption);
    }
    // Beyond ten words (more than any listed phrase has, more than a short line's prefix or a
    // prompt may have), only a link label ("Read more: ...") or a copyright sign is left to
    // find: most statements end here.
    if word_count > 10 && !holds_label_mark(&lower, ascii) {
        return text
            .trim_start()
            .starts_with('©')
            .then_some(Boilerplate::Copyright);
    }
    // The words single-spaced, up to the first PHRASE_HEAD_BYTES bytes at least: that is all
    // the lists below can tell apart (every statement is asked, so no need to join all words).
    let mut phrase = String::with_capacity(PHRASE_HEAD_BYTES + 16);
    for word in words() {
        if phrase.len() >= PHRASE_HEAD_BYTES {
            break;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(word);
    }
    if let Some((_, kind)) = EXACT.iter().find(|(p, _)| *p == phrase) {
        return Some(*kind);
    }
    // Prefixes count only on short lines, or with the colon of a link label ("Read more: ..."),
    // so that a real sentence opening with "Watch" or "Related" is kept.
    let trimmed = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Whether the label is followed by the mark that ends a link label ("Read more: ...").
    let marked = |label: &str| {
        trimmed
            .get(label.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '|', '»', '>']))
    };
    for (prefix, kind) in PREFIXES {
        if phrase.starts_with(prefix) && (word_count <= 8 || marked(prefix)) {
            return Some(*kind);
        }
    }
    // Labels that open a link only with their mark: "More: ...", not "More than 50 died."
    if LINK_LABELS
        .iter()
        .any(|label| phrase.starts_with(label) && marked(label))
    {
        return Some(Boilerplate::Navigation);
    }
    if text.trim_start().starts_with('©') {
        return Some(Boilerplate::Copyright);
    }
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "instagram",
        "whatsapp",
        "linkedin",
        "pinterest",
        "youtube",
        "newsletter",
        "rss",
    ];
    const ACTIONS: &[&str] = &[
        "like",
        "follow",
        "share",
        "join",
        "subscribe",
        "sign",
        "tweet",
        "email",
    ];
    if word_count <= 10
        && words().any(|w| NETWORKS.contains(&w))
        && words().any(|w| ACTIONS.contains(&w))
    {
        return Some(if words().any(|w| w == "newsletter") {
            Boilerplate::Subscription
        } else {
            Boilerplate::Social
        });
    }
    None
}

/// Where a person stands in a photo, as captions say it: "Michael T. Flynn, right, the former
/// national security adviser, with Mr. Trump in January 2017." — a name, then its place in the
/// picture between commas. Prose does not put "right" or "left" alone between commas after a
/// name.
pub(super) fn names_who_stands_where(text: &str) -> bool {
    const PLACES: &[&str] = &[
        "left",
        "right",
        "center",
        "centre",
        "second left",
        "second right",
        "second from left",
        "second from right",
        "far left",
        "far right",
        "top",
        "bottom",
        "foreground",
        "background",
    ];
    let mut parts = text.split(',');
    let (Some(name), Some(place)) = (parts.next(), parts.next()) else {
        return false;
    };
    // Names may hold a few lowercase particles: "Benjamin Netanyahu of Israel".
    const PARTICLES: &[&str] = &["of", "the", "de", "van", "von", "al", "bin", "da", "du"];
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Read in place, without collecting the words: every statement with a comma is asked, and
    // most fail at their first lowercase word.
    let is_name = name.split_whitespace().next().is_some_and(capitalized)
        && name
            .split_whitespace()
            .all(|w| capitalized(w) || PARTICLES.contains(&w))
        && name.split_whitespace().nth(7).is_none();
    is_name && PLACES.contains(&place.trim().to_lowercase().as_str())
}

/// The line that opens a news story's body with where it was written: "WASHINGTON — ",
/// "SEOUL, South Korea — ", "PALM BEACH, Fla. (AP) — ". The place is in capitals.
pub(super) fn opens_with_dateline(text: &str) -> bool {
    let Some(at) = text
        .find(['—', '–'])
        .or_else(|| text.find(" - ").map(|at| at + 1))
    else {
        return false;
    };
    let place = text[..at].trim_end();
    // The agency in parentheses is not part of the place: "(Reuters)", "(AP)".
    let place = match place.find('(') {
        Some(open) if place.ends_with(')') => place[..open].trim_end(),
        _ => place,
    };
    let city = place.split(',').next().unwrap_or("");
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    (3..=40).contains(&place.len())
        && letters >= 3
        && city.chars().all(|c| !c.is_lowercase())
        && place.split_whitespace().count() <= 6
}

/// The text after a news agency's dateline that opens `text`, if one does: "WASHINGTON
/// (Reuters) - ", "SEOUL, South Korea (Reuters)-", "Paris (AFP) — ", "(Reuters) - " with no
/// place, "WASHINGTON (Reuters) " with its dash lost in scraping. The place is a few words that
/// each open with a capital or a digit ("WASHINGTON, April 30"), and the agency is one of
/// [`AGENCIES`]; the story goes on with a capital or a quotation mark.
pub(super) fn after_agency_dateline(text: &str) -> Option<&str> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let agency = text[open + 1..close].trim().to_ascii_lowercase();
    let place = text[..open].trim_end();
    let place_words = || place.split_whitespace().map(|w| w.trim_matches(','));
    let dateline_place = place.is_empty()
        || place.len() <= 40
            && place_words().count() <= 6
            && place_words().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
    let story = text[close + 1..].trim_start();
    let story = story
        .strip_prefix(['-', '—', '–', ':'])
        .unwrap_or(story)
        .trim_start();
    let opens_a_sentence = story
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\''));
    (dateline_place && opens_a_sentence && AGENCIES.contains(&agency.as_str())).then_some(story)
}

/// Whether `text` holds a mark that ends a link label (`:`, `|`, `»`, `>`): byte searches, since
/// every statement is asked, and only for the ASCII marks when the text is `ascii`.
pub(super) fn holds_label_mark(text: &str, ascii: bool) -> bool {
    memchr::memchr3(b':', b'|', b'>', text.as_bytes()).is_some() || !ascii && text.contains('»')
}

/// The number of words `detect_boilerplate` splits ASCII text into: runs of letters, digits and
/// apostrophes. A byte loop, since every statement is counted.
pub(super) fn ascii_word_count(text: &str) -> usize {
    /// 1 for the bytes of a word (ASCII letters, digits, apostrophe), 0 for others: a table
    /// read per byte costs less than the comparisons.
    const WORD_BYTE: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            if byte.is_ascii_alphanumeric() || byte == b'\'' {
                table[b] = 1;
            }
            b += 1;
        }
        table
    };
    let mut count = 0;
    let mut in_word = 0u8;
    for &b in text.as_bytes() {
        let word_byte = WORD_BYTE[usize::from(b)];
        count += usize::from(word_byte & !in_word & 1);
        in_word = word_byte;
    }
    count
}

/// How much of a statement's single-spaced words [`detect_boilerplate`] joins: more than the
/// longest of [`EXACT`] (so a longer statement equals none) and of [`PREFIXES`].
pub(super) const PHRASE_HEAD_BYTES: usize = 40;

/// Whole statements that are page furniture.
pub(super) const EXACT: &[(&str, Boilerplate)] = &[
    ("advertisement", Boilerplate::Advertisement),
    ("advertising", Boilerplate::Advertisement),
    ("sponsored", Boilerplate::Advertisement),
    ("sponsored content", Boilerplate::Advertisement),
    (
        "story continues below advertisement",
        Boilerplate::Advertisement,
    ),
    ("comments", Boilerplate::Navigation),
    ("show comments", Boilerplate::Navigation),
    ("hide comments", Boilerplate::Navigation),
    ("view comments", Boilerplate::Navigation),
    ("load comments", Boilerplate::Navigation),
    ("read more", Boilerplate::Navigation),
    ("continue reading", Boilerplate::Navigation),
    ("continue reading below", Boilerplate::Navigation),
    ("click here", Boilerplate::Navigation),
    ("related", Boilerplate::Navigation),
    ("related articles", Boilerplate::Navigation),
    ("related stories", Boilerplate::Navigation),
    ("recommended", Boilerplate::Navigation),
    ("back to top", Boilerplate::Navigation),
    ("scroll down for video", Boilerplate::Navigation),
    ("print", Boilerplate::Navigation),
    ("email", Boilerplate::Social),
    ("share", Boilerplate::Social),
    ("tweet", Boilerplate::Social),
    ("share this", Boilerplate::Social),
    ("subscribe", Boilerplate::Subscription),
    ("all rights reserved", Boilerplate::Copyright),
];

/// Openings of page furniture, when the line is short or a link label.
pub(super) const PREFIXES: &[(&str, Boilerplate)] = &[
    ("read more", Boilerplate::Navigation),
    ("read also", Boilerplate::Navigation),
    ("see also", Boilerplate::Navigation),
    ("related", Boilerplate::Navigation),
    ("click here", Boilerplate::Navigation),
    ("continue reading", Boilerplate::Navigation),
    ("watch", Boilerplate::Navigation),
    ("advertisement", Boilerplate::Advertisement),
    ("copyright", Boilerplate::Copyright),
    ("sign up for", Boilerplate::Subscription),
    ("subscribe to", Boilerplate::Subscription),
    ("like us on", Boilerplate::Social),
    ("follow us on", Boilerplate::Social),
    ("follow us", Boilerplate::Social),
    ("share this", Boilerplate::Social),
    ("share on", Boilerplate::Social),
    ("join us on", Boilerplate::Social),
];

/// A video's blurb or title as news sites print it in the page: a summary, then who reports
/// it (`...; chief White House correspondent John Roberts reports from West Palm Beach.`,
/// `...; Fox News legal analyst Gregg Jarrett reacts on 'Hannity.'`), or a title that ends
/// with the agency's name (`North Korea's Kim suspends nuclear, missile test AP.`). Told by
/// form, never by the story's words.
pub(super) fn is_video_blurb(lower: &str) -> bool {
    let text = lower.trim_end();
    if let Some(at) = last_semicolon_and_space(text) {
        let who = &text[at + 2..];
        let words: Vec<&str> = who.split_whitespace().collect();
        let role = words
            .iter()
            .any(|w| VIDEO_ROLES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
        let plain = who
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let reports = VIDEO_VERBS.iter().any(|verb| plain.contains(verb));
        if words.len() <= 20 && role && reports {
            return true;
        }
    }
    // A title credited to an agency: short, and the agency follows a word, not "said" or "to".
    let Some(body) = text.strip_suffix('.') else {
        return false;
    };
    let mut words = body.split_whitespace().rev();
    match (words.next(), words.next()) {
        (Some(agency), Some(before)) => {
            AGENCIES.contains(&agency)
                && !before.ends_with([',', ':', ';'])
                && !AGENCY_LEADS.contains(&before)
                && body.split_whitespace().count() <= 14
        }
        _ => false,
    }
}

/// Where `text.rfind("; ")` finds it: the last `;` followed by a space, found by a byte search
/// from the end (every statement is asked, and a substring searcher costs more to set up than
/// the few semicolons it finds).
fn last_semicolon_and_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memrchr_iter(b';', bytes).find(|&at| bytes.get(at + 1) == Some(&b' '))
}

/// Who reports a video: the role before the name in a blurb.
const VIDEO_ROLES: &[&str] = &[
    "correspondent",
    "analyst",
    "reporter",
    "anchor",
    "host",
    "contributor",
];

/// What the reporter of a video does, at the end of its blurb.
const VIDEO_VERBS: &[&str] = &[
    "reports from",
    "reports on",
    "react on",
    "reacts on",
    "weigh in",
    "weighs in",
];

/// News agencies that end a video title.
const AGENCIES: &[&str] = &["ap", "reuters", "afp"];

/// Words after which an agency's name is part of the sentence ("told the AP").
const AGENCY_LEADS: &[&str] = &[
    "the",
    "to",
    "said",
    "told",
    "by",
    "from",
    "according",
    "via",
    "with",
    "for",
];

/// Link labels of news sites that count only before a label mark (`More: A minute-by-minute
/// guide to ...`, `The Bubble: ...`): without it they open ordinary sentences.
pub(super) const LINK_LABELS: &[&str] = &["more", "the bubble", "also read", "recommended"];

pub(super) const IMAGE_EXTENSIONS: &[&str] = &[
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".tif", ".tiff", ".heic",
];

pub(super) fn has_image_file_name(lower: &str) -> bool {
    // Each extension starts with a full stop, and most statements hold none followed by one:
    // looked for at each full stop before reading the words.
    let bytes = lower.as_bytes();
    let at_extension = |dot: usize| {
        IMAGE_EXTENSIONS
            .iter()
            .any(|ext| bytes[dot..].starts_with(ext.as_bytes()))
    };
    if !memchr::memchr_iter(b'.', bytes).any(at_extension) {
        return false;
    }
    lower.split_whitespace().any(|word| {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        IMAGE_EXTENSIONS
            .iter()
            .any(|ext| word.ends_with(ext) && word.len() > ext.len())
    })
}

/// The phrases of photo and image credits.
pub(super) const CREDITS: &[&str] = &[
    "(photo",
    "photo:",
    "photo :",
    "photo credit",
    "(image",
    "image:",
    "image :",
    "image credit",
    "(credit",
    "credit:",
    "(picture",
    "picture:",
    "(pic",
    "ap photo",
    "getty images",
    "(getty",
    "(reuters)",
    "(afp",
    "/reuters",
    "/ap)",
    "/getty",
    "(file photo",
    "file photo",
    "(screenshot",
    "screenshot:",
    "(video",
    "shutterstock",
    "(courtesy",
    "courtesy of",
    // Reporting credits: "Mark Landler contributed reporting from Washington."
    "contributed reporting",
    "contributed to this report",
];

/// Every phrase of [`CREDITS`] holds one of these bytes or words (a test checks it): a
/// statement that holds none is no credit, told without running the automaton.
pub(super) const CREDIT_BYTES: [u8; 3] = [b'(', b':', b'/'];

pub(super) const CREDIT_WORDS: &[&str] = &[
    "photo",
    "image",
    "getty",
    "shutterstock",
    "courtesy",
    "contributed",
];

/// A photo or image credit: `(Photo : Reuters)`, `(AP Photo/Evan Vucci)`, `Photo: Getty Images`.
pub(super) fn is_caption_credit(lower: &str) -> bool {
    // The words are looked for all at once, by a SIMD search where the processor has one
    // (`None` where not).
    static WORD_FINDER: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::OnceLock::new();
    let holds_credit_word =
        || match WORD_FINDER.get_or_init(|| aho_corasick::packed::Searcher::new(CREDIT_WORDS)) {
            Some(finder) => finder.find(lower).is_some(),
            None => CREDIT_WORDS.iter().any(|word| lower.contains(word)),
        };
    let [a, b, c] = CREDIT_BYTES;
    let may_hold_credit =
        memchr::memchr3(a, b, c, lower.as_bytes()).is_some() || holds_credit_word();
    if !may_hold_credit {
        return false;
    }

    // One pass over the text for all the credit phrases, not one search each: every statement
    // of every document goes through here.
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    // A non-contiguous NFA: building the default (a DFA for so few phrases) cost a fifth of a
    // millisecond at start-up, more than the searches it speeds up in a run.
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(CREDITS)
            .expect("the credit phrases are a valid automaton")
    });
    finder.is_match(lower) && lower.split_whitespace().count() <= 40
}
