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

/// Words that cannot be part of a speaker's name.
fn is_speaker_word(token: &Token) -> bool {
    !matches!(token.kind, TokenKind::Number(_))
        && !token.cues.reporting_verb()
        && !matches!(
            token.lower.as_str(),
            "that"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "this"
                | "and"
                | "but"
                | "which"
                | "who"
                | "also"
                | "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "not"
                | "in"
                | "on"
                | "an"
                // Prepositions end a speaker's name where they begin what the sentence is about:
                // "vented angrily about renewed claims by ...", "the investigation into alleged".
                | "about"
                | "into"
                | "with"
                | "for"
                | "from"
                | "at"
                | "by"
                | "to"
                | "as"
                | "over"
                | "against"
                // Conjunctions open the clause the speaker's name begins: "While North Korea is
                // denying it".
                | "while"
                | "when"
                | "if"
                | "because"
                | "although"
                | "though"
                | "since"
                | "after"
                | "before"
                | "whether"
                | "or"
        )
}

/// Whether the word right before a reporting verb shows the verb is not reporting anybody's
/// words there: an article or a possessive makes it an adjective or a noun ("calling the
/// alleged collusion", "his claims"), and a verb form in "-ed" or "-ing" is not a name
/// ("renewed claims", "colluding with").
fn cannot_end_a_speaker(token: &Token) -> bool {
    matches!(
        token.lower.as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "this"
    ) || is_verb_form(token)
}

/// A lowercase word in "-ed" or "-ing": a verb's form, not a name or a speaker's title.
fn is_verb_form(token: &Token) -> bool {
    let word = token.lower.as_str();
    !token.proper && word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"))
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

/// Auxiliary verbs that may stand between a speaker and the reporting verb: "Trump has denied".
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "been", "will", "would", "did", "does", "do",
    "could", "can", "may", "might", "should", "must",
];

/// Adverbs of a reporting verb that do not end in "-ly": "has long denied", "also said".
const ADVERBS: &[&str] = &[
    "long", "also", "again", "never", "always", "still", "already", "often", "once", "since",
    "later", "earlier", "soon", "then", "just", "now",
];

/// Where a speaker before the reporting verb at `verb` ends once the adverbs and auxiliaries
/// in between are stepped over: "Trump has repeatedly denied" is said by "Trump", and "who
/// has long denied" by nobody named there, not by "repeatedly" or "long". A word in "-ly" is an
/// adverb there unless it is a name ("Kelly") or WordNet knows it as a noun or a verb (the
/// only words it gives more general words): "the family said", "an ally said".
fn before_adverbs<'t>(
    tokens: &[Token],
    verb: usize,
    gap: &dyn Fn(usize, usize) -> &'t str,
) -> usize {
    let mut start = verb;
    while start > 0 && verb - start < 4 && !gap(start - 1, start).contains([',', ';', '.', ':']) {
        let token = &tokens[start - 1];
        let word = token.lower.as_str();
        let adverb = ADVERBS.contains(&word)
            || !token.proper
                && word.len() > 3
                && word.ends_with("ly")
                && !crate::thesaurus::has_hypernyms(word);
        if !(adverb || AUXILIARIES.contains(&word)) {
            break;
        }
        start -= 1;
    }
    start
}

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
        // Trim leading articles.
        let mut from = from;
        while from < to && matches!(tokens[from].lower.as_str(), "the" | "a" | "an") {
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
        let speaker_end = before_adverbs(tokens, before_when(tokens, i, &gap), &gap);
        let mut start = speaker_end;
        let named_before = speaker_end > 0 && !cannot_end_a_speaker(&tokens[speaker_end - 1]);
        while named_before
            && start > 0
            && speaker_end - start < 4
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
        if tokens.get(i + 1).is_some_and(is_verb_form) {
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
