//! The small data types every stage shares.
//!
//! Statements are never copied out of their document: they carry byte [`Span`]s into the file as it
//! was read from disk, so a report can always point back at the exact bytes a judgment is about.

use serde::Serialize;

/// Which of the two compared documents something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The letter that opens a statement's [`Label`]: `L` or `R`.
    pub fn letter(self) -> char {
        match self {
            Side::Left => 'L',
            Side::Right => 'R',
        }
    }
}

/// A byte range `[start, end)` into a document's original bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One value per side. Keeps left/right twins in one place instead of parallel variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pair<T> {
    pub left: T,
    pub right: T,
}

impl<T> Pair<T> {
    pub fn new(left: T, right: T) -> Pair<T> {
        Pair { left, right }
    }

    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        Pair::new(f(self.left), f(self.right))
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.left, &self.right)
    }

    /// The same two values, sides exchanged.
    pub fn swapped(self) -> Pair<T> {
        Pair::new(self.right, self.left)
    }
}

/// The index of a statement within its document's statement list.
pub type StatementId = usize;

/// How every report names a statement to a reader: the side's letter, the line the statement
/// starts on and its place among the statements that start on that line, `L11.2` for the
/// second statement starting on line 11 of the left file.
///
/// A line number alone is not a name: scraped articles put a whole paragraph on one line, so
/// most statements share their line with another, and a file written as one paragraph would
/// call every statement `L1`. The place is always written, `L4.1` included, so that a label has
/// one form whatever its neighbours, and keeps it when a sentence is added after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    pub side: Side,
    /// 1-based line of the statement's first byte.
    pub line: usize,
    /// 1-based place among the statements that start on `line`, in reading order.
    pub place: usize,
}

impl Label {
    /// The labels of one side's statements, given the line each starts on in document order.
    pub fn for_lines(side: Side, lines: impl IntoIterator<Item = usize>) -> Vec<Label> {
        let lines = lines.into_iter();
        let mut labels: Vec<Label> = Vec::with_capacity(lines.size_hint().0);
        for line in lines {
            let place = match labels.last() {
                Some(last) if last.line == line => last.place + 1,
                _ => 1,
            };
            labels.push(Label { side, line, place });
        }
        labels
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}.{}", self.side.letter(), self.line, self.place)
    }
}

/// How an aligned pair of statements relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agree,
    Disagree,
}

/// Why a pair disagrees. Each kind is one family of contradiction a reader can check by eye.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonKind {
    /// One side asserts what the other denies (not, never, denied, no grounds...).
    Negation,
    /// Opposite words in the same place (rose / fell, approved / rejected).
    Antonym,
    /// Quantities that cannot both be true (12 / 15, $3.2 million / $2.3 million).
    Number,
    /// Different days, dates or clock times for the same event.
    Date,
    /// A different place in the same role (in Dayton / in Columbus).
    Place,
    /// A different person or organisation in the same role.
    Entity,
    /// Different speakers claim conflicting things.
    Attribution,
    /// One source reports a denial of what the other reports as claimed: the sources report
    /// a dispute rather than contradict each other in their own voice.
    Dispute,
}

impl ReasonKind {
    pub fn label(self) -> &'static str {
        match self {
            ReasonKind::Negation => "negation",
            ReasonKind::Antonym => "antonym",
            ReasonKind::Number => "number",
            ReasonKind::Date => "date",
            ReasonKind::Place => "place",
            ReasonKind::Entity => "entity",
            ReasonKind::Attribution => "attribution",
            ReasonKind::Dispute => "dispute",
        }
    }
}

/// A word or phrase of a statement that a reason rests on, with its byte span in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// One typed reason for a disagreement, with the words on both sides that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    /// Evidence in the left and right statement; a side may be empty (an unmatched negation).
    pub evidence: Pair<Vec<Evidence>>,
}

impl Reason {
    pub fn new(kind: ReasonKind, evidence: Pair<Vec<Evidence>>) -> Reason {
        Reason { kind, evidence }
    }
}

/// The explanation, one sentence a reader can check (`different number: "12" vs "15"`), told
/// from the kind and the evidence alone: a mirrored reason explains itself.
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Pair::new("the left side", "the right side")))
    }
}

impl Reason {
    /// The explanation ([`Reason`]'s `Display`) with the two sides called `sides`: "the left
    /// side" in a two-source report, a source's letter ("A") when many sources are compared.
    pub fn explain(&self, sides: Pair<&str>) -> String {
        fn first(side: &[Evidence]) -> &str {
            side.first().map_or("", |e| e.text.as_str())
        }
        let evidence = &self.evidence;
        let (l, r) = (first(&evidence.left), first(&evidence.right));
        match self.kind {
            ReasonKind::Negation => {
                let (negated_side, cues) = if evidence.left.is_empty() {
                    (sides.right, &evidence.right)
                } else {
                    (sides.left, &evidence.left)
                };
                let cue_list = cues
                    .iter()
                    .map(|e| format!("\"{}\"", e.text.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("only {negated_side} negates it ({cue_list})")
            }
            ReasonKind::Antonym => format!("\"{l}\" is the opposite of \"{r}\""),
            ReasonKind::Number => format!("different number: \"{l}\" vs \"{r}\""),
            ReasonKind::Date => format!("different date or time: \"{l}\" vs \"{r}\""),
            ReasonKind::Place => format!("different place: \"{l}\" vs \"{r}\""),
            ReasonKind::Entity => format!("different name in the same role: \"{l}\" vs \"{r}\""),
            ReasonKind::Attribution => {
                format!("conflicting accounts from different sources: {l} vs {r}")
            }
            ReasonKind::Dispute => {
                let words = |side: &[Evidence]| {
                    side.iter()
                        .map(|e| format!("\"{}\"", e.text))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let (denier, denial, asserter, assertion) = if evidence.left.len() > 1 {
                    (
                        sides.left,
                        words(&evidence.left),
                        sides.right,
                        words(&evidence.right),
                    )
                } else {
                    (
                        sides.right,
                        words(&evidence.right),
                        sides.left,
                        words(&evidence.left),
                    )
                };
                format!(
                    "a reported dispute: {denier} reports a denial ({denial}) of what \
                     {asserter} reports ({assertion})"
                )
            }
        }
    }
}

/// Why a statement is page furniture rather than a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// A photo caption or credit: `(Photo: Reuters)`, `Getty Images`.
    Caption,
    /// An image file name: `download (29).jpg`.
    ImageFile,
    /// A social-media or sharing prompt: `Like us on Facebook`, `Share this article`.
    Social,
    /// Site navigation: `Read more`, `Show comments`, `Related:`, `Click here`.
    Navigation,
    /// `Advertisement`, `Sponsored content`.
    Advertisement,
    /// Newsletter and subscription prompts.
    Subscription,
    /// Copyright and rights lines.
    Copyright,
}

impl Boilerplate {
    pub fn label(self) -> &'static str {
        match self {
            Boilerplate::Caption => "caption",
            Boilerplate::ImageFile => "image file",
            Boilerplate::Social => "social prompt",
            Boilerplate::Navigation => "navigation",
            Boilerplate::Advertisement => "advertisement",
            Boilerplate::Subscription => "subscription prompt",
            Boilerplate::Copyright => "copyright line",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_counts_the_statements_that_start_on_its_line() {
        let labels: Vec<String> = Label::for_lines(Side::Left, [1, 3, 3, 3, 4, 7, 7])
            .iter()
            .map(Label::to_string)
            .collect();
        assert_eq!(
            labels,
            ["L1.1", "L3.1", "L3.2", "L3.3", "L4.1", "L7.1", "L7.2"]
        );
        assert_eq!(Label::for_lines(Side::Right, [2])[0].to_string(), "R2.1");
    }

    #[test]
    fn an_explanation_names_the_sides_it_is_told() {
        let word = |text: &str| Evidence {
            text: text.to_string(),
            span: Span::new(0, text.len()),
        };
        let negation = Reason::new(
            ReasonKind::Negation,
            Pair::new(Vec::new(), vec![word("not")]),
        );
        assert_eq!(
            negation.to_string(),
            "only the right side negates it (\"not\")"
        );
        assert_eq!(
            negation.explain(Pair::new("A", "C")),
            "only C negates it (\"not\")"
        );
        let dispute = Reason::new(
            ReasonKind::Dispute,
            Pair::new(vec![word("denied"), word("closing")], vec![word("closed")]),
        );
        assert_eq!(
            dispute.to_string(),
            "a reported dispute: the left side reports a denial (\"denied\" \"closing\") of \
             what the right side reports (\"closed\")"
        );
        assert_eq!(
            dispute.explain(Pair::new("B", "D")),
            "a reported dispute: B reports a denial (\"denied\" \"closing\") of what D reports \
             (\"closed\")"
        );
    }
}
