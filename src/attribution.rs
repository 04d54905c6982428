//! Who a statement says is speaking: "…, police said", "according to the FBI", "Obama told CNN",
//! "North Korea denied …". Used to name both speakers when sources report conflicting claims.

use crate::intern::Sym;
use crate::model::Span;
use crate::normalize::{Token, TokenKind};

/// The speaker of a statement, as written, with its span in the document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// Comparison keys of the speaker's words, to tell whether two speakers are the same.
    #[serde(skip)]
    pub keys: Vec<Sym>,
}

/// Words that are no part of a speaker's name: pronouns and the words that join clauses.
const NOT_IN_A_NAME: &[&str] = &[
    "that", "it", "he", "she", "they", "we", "i", "you", "this", "and", "but", "which", "who",
    "not", "in", "on", "an", "also",
];

/// Conjunctions: they open the clause whose subject is the speaker ("While North Korea is
/// denying it"), so a name does not reach back past one.
const CONJUNCTIONS: &[&str] = &[
    "while", "when", "if", "because", "although", "though", "since", "after", "before", "whether",
    "or",
];

/// Prepositions: one right before a reporting word makes that word a noun or an adjective
/// ("the investigation into alleged collusion", "vented angrily about renewed claims"). Inside a
/// speaker's name they stay ("a lawyer for Trump said", "Analysts at Goldman Sachs said").
const PREPOSITIONS: &[&str] = &[
    "about", "into", "with", "for", "from", "at", "by", "to", "as", "over", "against", "of",
];

/// Determiners: one right before a reporting word makes it a noun or an adjective ("calling the
/// alleged collusion", "his claims").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
];

/// Auxiliaries that may stand between a speaker and the reporting verb: "Trump has denied",
/// "Police have said". Forms of "be" count only before a verb in "-ing" ([`BE_FORMS`]): "the
/// claim was denied by the company" is a passive, whose subject says nothing.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "did", "does", "do", "could", "can", "may", "might",
    "should", "must",
];

/// Forms of "be", an auxiliary of a reporting verb in "-ing" ("North Korea is denying it").
const BE_FORMS: &[&str] = &["is", "was", "were", "are", "been"];

/// Adverbs of a reporting verb that do not end in "-ly": "has long denied", "also said".
const ADVERBS: &[&str] = &[
    "long", "also", "again", "never", "always", "still", "already", "often", "once", "since",
    "later", "earlier", "soon", "then", "just", "now",
];

/// Whether a word may be part of a speaker's name: not a number, a reporting verb, a pronoun or
/// a joining word, an auxiliary or a conjunction.
fn is_speaker_word(token: &Token) -> bool {
    let word = token.lower.as_str();
    !matches!(token.kind, TokenKind::Number(_))
        && !token.cues.reporting_verb()
        && ![NOT_IN_A_NAME, CONJUNCTIONS, AUXILIARIES, BE_FORMS]
            .iter()
            .any(|list| list.contains(&word))
}

/// Whether a word of `text` is written with a capital: a name, or the first word of a sentence,
/// which may be one ("Kelly said"; `Token::proper` leaves the first word out).
fn capitalised(text: &str, token: &Token) -> bool {
    text.get(token.span.start..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
}

/// A lowercase word in "-ed" or "-ing": a verb's form, not a name or a speaker's title.
fn is_verb_form(text: &str, token: &Token) -> bool {
    let word = token.lower.as_str();
    !capitalised(text, token) && word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"))
}

/// Whether the words right before a reporting word at `verb` (`last` the word before it) show
/// that it reports nobody's words there: a determiner or a preposition makes it a noun or an
/// adjective, and so does a verb form that follows neither a determiner nor a name ("about
/// renewed claims"; but "The ruling said", "Officials involved said").
fn cannot_end_a_speaker(text: &str, tokens: &[Token], last: usize) -> bool {
    let word = tokens[last].lower.as_str();
    if DETERMINERS.contains(&word) || PREPOSITIONS.contains(&word) {
        return true;
    }
    let after_a_determiner_or_name = last
        .checked_sub(1)
        .map(|before| &tokens[before])
        .is_some_and(|t| DETERMINERS.contains(&t.lower.as_str()) || capitalised(text, t));
    is_verb_form(text, &tokens[last]) && !after_a_determiner_or_name
}

/// Words that say when, between a speaker and the verb: "on Tuesday", "late Thursday",
/// "last week", "yesterday".
const WHEN_WORDS: &[&str] = &[
    "on",
    "late",
    "early",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "week",
    "month",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Where a speaker before the reporting verb at `verb` ends: before the words that say when,
/// if a day, a month or "yesterday" / "today" / "tonight" is among them; else right before the
/// verb.
fn before_when<'t>(tokens: &[Token], verb: usize, gap: &dyn Fn(usize, usize) -> &'t str) -> usize {
    let mut start = verb;
    let mut names_a_time = false;
    while start > 0 && verb - start < 3 && !gap(start - 1, start).contains([',', ';', '.', ':']) {
        let token = &tokens[start - 1];
        let day_or_month = matches!(token.kind, TokenKind::Weekday(_) | TokenKind::Month(_))
            || matches!(token.lower.as_str(), "yesterday" | "today" | "tonight");
        if !(day_or_month || WHEN_WORDS.contains(&token.lower.as_str())) {
            break;
        }
        names_a_time |= day_or_month;
        start -= 1;
    }
    if names_a_time {
        start
    } else {
        verb
    }
}

/// Where a speaker before the reporting verb at `verb` ends once the adverbs and auxiliaries
/// in between are stepped over: "Trump has repeatedly denied" is said by "Trump", and "who
/// has long denied" by nobody named there, not by "repeatedly" or "long". A word in "-ly" is an
/// adverb there unless it is a name ("Kelly") or WordNet knows it as a noun or a verb (the
/// only words it gives more general words): "the family said", "an ally said".
fn before_adverbs<'t>(
    (text, tokens): (&str, &[Token]),
    from: usize,
    verb: &Token,
    gap: &dyn Fn(usize, usize) -> &'t str,
) -> usize {
    let mut start = from;
    while start > 0 && from - start < 4 && !gap(start - 1, start).contains([',', ';', '.', ':']) {
        let token = &tokens[start - 1];
        let word = token.lower.as_str();
        let adverb = ADVERBS.contains(&word)
            || !capitalised(text, token)
                && word.len() > 3
                && word.ends_with("ly")
                && !crate::thesaurus::has_hypernyms(word);
        let auxiliary =
            AUXILIARIES.contains(&word) || BE_FORMS.contains(&word) && verb.lower.ends_with("ing");
        if !(adverb || auxiliary) {
            break;
        }
        start -= 1;
    }
    start
}

/// How many words before a reporting verb a speaker's name may take ("the city auditor said"),
/// and how many a run of capitalised words and "of" may take: a title with a name.
const SPEAKER_WORDS: usize = 4;
const TITLED_SPEAKER_WORDS: usize = 7;

/// Finds the speaker of a statement, if it names one.
pub fn speaker(text: &str, tokens: &[Token]) -> Option<Speaker> {
    find(text, tokens).map(|(speaker, _)| speaker)
}

/// The span of a statement's attribution: the speaker with its reporting verb or "according to".
pub fn attribution_span(text: &str, tokens: &[Token]) -> Option<Span> {
    find(text, tokens).map(|(_, span)| span)
}

/// The speaker, and the span of the whole attribution: both [`speaker`] and
/// [`attribution_span`] at the cost of one.
pub fn find(text: &str, tokens: &[Token]) -> Option<(Speaker, Span)> {
    let with = |speaker: Option<Speaker>, first: usize, last: usize| {
        speaker.map(|s| {
            let span = Span::new(
                tokens[first].span.start.min(s.span.start),
                tokens[last].span.end.max(s.span.end),
            );
            (s, span)
        })
    };
    let gap = |a: usize, b: usize| &text[tokens[a].span.end..tokens[b].span.start];
    let make = |from: usize, to: usize| -> Option<Speaker> {
        // Trim leading articles, and a preposition whose head noun the word limit cut off
        // ("a spokesperson from the Chinese Ministry said" is said by "Chinese Ministry").
        let mut from = from;
        while from < to && {
            let word = tokens[from].lower.as_str();
            matches!(word, "the" | "a" | "an") || PREPOSITIONS.contains(&word)
        } {
            from += 1;
        }
        if from >= to {
            return None;
        }
        let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
        Some(Speaker {
            text: text[span.start..span.end].to_string(),
            span,
            keys: tokens[from..to]
                .iter()
                .filter(|t| t.is_content())
                .map(|t| t.key)
                .collect(),
        })
    };

    // "according to X ..." up to punctuation.
    for i in 0..tokens.len().saturating_sub(2) {
        if tokens[i].lower == "according" && tokens[i + 1].lower == "to" {
            let start = i + 2;
            let mut end = start;
            while end < tokens.len() && end - start < 10 {
                if end > start && gap(end - 1, end).contains([',', ';', '.', ':']) {
                    break;
                }
                end += 1;
            }
            return with(make(start, end), i, end - 1);
        }
    }

    for (i, token) in tokens.iter().enumerate() {
        if !token.cues.reporting_verb() {
            continue;
        }
        // "X said": up to four speaker words right before the verb, no punctuation between (a
        // dateline's dash neither: "GLENFORD — The city auditor said"), after stepping over
        // when ("Whitfield on Tuesday denied", "Trump late Thursday tweeted").
        // Time and adverbs, in either order and more than once: "Police on Friday also said",
        // "Trump on Tuesday again denied".
        let mut speaker_end = i;
        loop {
            let from = before_when(tokens, speaker_end, &gap);
            let stepped = before_adverbs((text, tokens), from, token, &gap);
            if stepped == speaker_end {
                break;
            }
            speaker_end = stepped;
        }
        let mut start = speaker_end;
        let named_before = speaker_end > 0 && !cannot_end_a_speaker(text, tokens, speaker_end - 1);
        // Up to four words, more for a title and a name in capitals ("Secretary of State Mike
        // Pompeo said").
        let in_reach = |start: usize| {
            let taken = speaker_end - start;
            taken < SPEAKER_WORDS
                || taken < TITLED_SPEAKER_WORDS
                    && capitalised(text, &tokens[start - 1])
                    && tokens[start..speaker_end]
                        .iter()
                        .all(|t| capitalised(text, t) || t.lower.as_str() == "of")
        };
        while named_before
            && start > 0
            && in_reach(start)
            && is_speaker_word(&tokens[start - 1])
            && !gap(start - 1, start).contains([',', ';', '"', '“', '”', '.', ':', '—', '–'])
        {
            start -= 1;
        }
        if start < speaker_end
            && (tokens[start..speaker_end]
                .iter()
                .any(|t| t.proper || t.is_content()))
        {
            return with(make(start, speaker_end), start, i);
        }
        // ", said X": the words after the verb, which a verb's form does not open ("denied
        // colluding with the Russians").
        let gerund = tokens.get(i + 1).is_some_and(|t| is_verb_form(text, t))
            && !tokens.get(i + 2).is_some_and(|t| capitalised(text, t));
        if gerund {
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len()
            && end - i <= 4
            && is_speaker_word(&tokens[end])
            && !gap(end - 1, end).contains([',', ';', '"', '“', '”', '.', ':'])
        {
            end += 1;
        }
        // The name must close the clause ("..., said Trump." / "said Trump, adding"): one
        // that runs on is the subject of what was said ("said the U.S. was not among them"),
        // or the time ("said late Thursday that ...").
        // A full stop inside a statement ends an abbreviation ("the U.S. was"), not a clause.
        let closes_clause = end == tokens.len()
            || gap(end - 1, end).contains([',', ';', '"', '“', '”', ':', '—', '–', '(']);
        if end > i + 1 && closes_clause && tokens[i + 1..end].iter().any(|t| t.proper) {
            return with(make(i + 1, end), i, end - 1);
        }
    }
    None
}

impl Speaker {
    /// Whether two speakers share no word: a different person or body.
    pub fn differs_from(&self, other: &Speaker) -> bool {
        !self.keys.iter().any(|k| other.keys.contains(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokenize;

    fn who(text: &str) -> Option<String> {
        speaker(text, &tokenize(text, 0)).map(|s| s.text)
    }

    #[test]
    fn finds_common_attribution_forms() {
        assert_eq!(
            who("The fire was an accident, police said.").as_deref(),
            Some("police")
        );
        assert_eq!(
            who("According to the FBI, North Korea did it.").as_deref(),
            Some("FBI")
        );
        assert_eq!(
            who("North Korea denied any role.").as_deref(),
            Some("North Korea")
        );
        assert_eq!(
            who("\"We will respond,\" said John Smith, a spokesman.").as_deref(),
            Some("John Smith")
        );
        assert_eq!(
            who("Fox News reported the story.").as_deref(),
            Some("Fox News")
        );
    }

    #[test]
    fn the_speaker_is_not_when_nor_a_dateline() {
        assert_eq!(
            who("Mayor Dana Whitfield on Tuesday denied steering the contract.").as_deref(),
            Some("Mayor Dana Whitfield")
        );
        assert_eq!(
            who("President Trump late Thursday said that the memos clear him.").as_deref(),
            Some("President Trump")
        );
        assert_eq!(
            who("GLENFORD — The city auditor said Tuesday that the mayor steered it.").as_deref(),
            Some("city auditor")
        );
    }

    #[test]
    fn the_speaker_is_not_an_adverb_of_the_verb() {
        assert_eq!(
            who("Trump has repeatedly denied his campaign colluded with Russia.").as_deref(),
            Some("Trump")
        );
        assert_eq!(
            who("The president, who has long denied allegations of collusion, attacked it.")
                .as_deref(),
            None
        );
        assert_eq!(
            who("Moscow has also flatly denied meddling in the election.").as_deref(),
            Some("Moscow")
        );
        // A name in "-ly" is a name.
        assert_eq!(
            who("John Kelly denied the report.").as_deref(),
            Some("John Kelly")
        );
        assert_eq!(
            who("The crash was an attack, the family said.").as_deref(),
            Some("family")
        );
        assert_eq!(
            who("A close ally reportedly denied it.").as_deref(),
            Some("close ally")
        );
        assert_eq!(
            who("While North Korea is denying it was behind the attack, it lauded the hackers.")
                .as_deref(),
            Some("North Korea")
        );
    }

    /// Names, titles and forms of news attribution, with the speaker each names (the cases a
    /// review of the adverb and preposition rules found).
    #[test]
    fn speakers_of_news_attributions() {
        let cases: [(&str, Option<&str>); 24] = [
            ("Kelly said the wall would be built.", Some("Kelly")),
            ("Italy said it would not sign.", Some("Italy")),
            ("Connolly denied the report.", Some("Connolly")),
            (
                "\"We will appeal,\" said a lawyer for Trump.",
                Some("lawyer for Trump"),
            ),
            (
                "Lawyers for the family said the police lied.",
                Some("Lawyers for the family"),
            ),
            (
                "Analysts at Goldman Sachs said growth would slow.",
                Some("Analysts at Goldman Sachs"),
            ),
            ("The claim was denied by the company.", None),
            ("The plan was announced by the mayor on Monday.", None),
            (
                "Police on Friday also said the road was closed.",
                Some("Police"),
            ),
            ("Trump on Tuesday again denied the report.", Some("Trump")),
            ("The ruling said the law was void.", Some("ruling")),
            ("The accused said he was at home.", Some("accused")),
            (
                "Officials involved said the talks went well.",
                Some("Officials involved"),
            ),
            (
                "\"It is over,\" said leading Democrat Nancy Pelosi.",
                Some("leading Democrat Nancy Pelosi"),
            ),
            ("Police have said the driver fled.", Some("Police")),
            (
                "The company has previously denied any wrongdoing.",
                Some("company"),
            ),
            (
                "The Kremlin has repeatedly denied meddling.",
                Some("Kremlin"),
            ),
            (
                "North Korea is denying it was behind the attack.",
                Some("North Korea"),
            ),
            ("Sanders, who has long said so, spoke on Monday.", None),
            ("Officials said the bridge would close.", Some("Officials")),
            (
                "Secretary of State Mike Pompeo said the talks went well.",
                Some("Secretary of State Mike Pompeo"),
            ),
            (
                "House Judiciary Committee Chairman Bob Goodlatte said it.",
                Some("House Judiciary Committee Chairman Bob Goodlatte"),
            ),
            (
                "According to the Associated Press, the bridge closed.",
                Some("Associated Press"),
            ),
            (
                "The bridge closed, said Trump's lawyer.",
                Some("Trump's lawyer"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(who(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn a_reporting_word_used_as_a_noun_or_an_adjective_names_no_speaker() {
        let cases = [
            "The president has vented angrily about renewed claims by the former director.",
            "He tried to hold up the FBI's investigation into alleged collusion.",
            "Perez spoke in a statement, calling the alleged collusion an act of treachery.",
            "Trump has strongly – and repeatedly – denied colluding with the Russians.",
        ];
        for text in cases {
            assert_eq!(who(text), None, "{text}");
        }
    }

    #[test]
    fn no_speaker_when_none_is_named() {
        assert_eq!(who("The attack was massive."), None);
    }

    #[test]
    fn a_name_after_the_verb_speaks_only_if_it_closes_the_clause() {
        assert_eq!(
            who("The president would not disclose the sites but said the U.S. was not among them."),
            None
        );
        assert_eq!(
            who("Rep. Cummings, the senior Democrat, said late Thursday that the memos show it."),
            None
        );
        assert_eq!(
            who("The memos show it, said Elijah Cummings.").as_deref(),
            Some("Elijah Cummings")
        );
    }
}
