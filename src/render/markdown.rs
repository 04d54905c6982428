//! The Markdown report, to paste into an issue, a pull request or a newsroom note: a summary
//! table, the disagreements with their reasons and word diffs (~~removed~~ / **added**), the
//! agreements, and the claims of each source that the other does not make. It uses GitHub
//! Flavored Markdown (tables, strikethrough), which GitHub, GitLab and most editors render.
//!
//! Article text and file names are untrusted: [`escape`] makes each piece render as the words
//! it is, so an article cannot open a link, an image, an HTML tag, emphasis or a table cell, nor
//! mention (`@name`) or reference (`#123`) anyone where the report is pasted.

use std::io::{self, Write};

use crate::diff::DiffOp;
use crate::model::{Relation, Side};
use crate::render::style::printable;
use crate::render::{plural, side_name, LABEL_LEGEND};
use crate::report::{PairReport, Report, StatementReport};

/// Writes the Markdown report; `show_boilerplate` adds the page furniture of each side.
pub fn write(report: &Report, show_boilerplate: bool, out: &mut dyn Write) -> io::Result<()> {
    header(report, out)?;

    for (_, title, pairs) in report.sections() {
        writeln!(out)?;
        writeln!(out, "## {title} ({})", pairs.len())?;
        for pair in pairs {
            write_pair(report, pair, out)?;
        }
    }

    for side in [Side::Left, Side::Right] {
        let ids = report.only.get(side);
        if ids.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "## Only in {} ({})", side_name(side), ids.len())?;
        writeln!(out)?;
        for &id in ids {
            writeln!(out, "- {}", statement(report.statement(side, id)))?;
        }
    }

    if show_boilerplate {
        for side in [Side::Left, Side::Right] {
            let furniture = report.boilerplate(side);
            if furniture.is_empty() {
                continue;
            }
            writeln!(out)?;
            writeln!(
                out,
                "## Boilerplate in {} ({})",
                side_name(side),
                furniture.len()
            )?;
            writeln!(out)?;
            for s in furniture {
                let kind = s.boilerplate.map(|b| b.label()).unwrap_or_default();
                writeln!(out, "- {} _({kind})_", statement(s))?;
            }
        }
    }
    Ok(())
}

/// The title (whether the sources disagree), the table of counts per side and the totals.
pub(super) fn header(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let title = if s.disagree > 0 {
        format!(
            "the sources disagree ({})",
            plural(s.disagree, "disagreement", "disagreements")
        )
    } else {
        "the sources do not disagree".to_string()
    };
    writeln!(out, "# crosscheck: {title}")?;
    writeln!(out)?;
    writeln!(out, "| | LEFT | RIGHT |")?;
    writeln!(out, "| --- | --- | --- |")?;
    let rows: [(&str, String, String); 4] = [
        (
            "file",
            escape(&report.sides.left.path),
            escape(&report.sides.right.path),
        ),
        (
            "statements",
            s.statements.left.to_string(),
            s.statements.right.to_string(),
        ),
        (
            "left out as boilerplate",
            s.boilerplate.left.to_string(),
            s.boilerplate.right.to_string(),
        ),
        (
            "claims found only here",
            s.only.left.to_string(),
            s.only.right.to_string(),
        ),
    ];
    for (label, left, right) in rows {
        writeln!(out, "| {label} | {left} | {right} |")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "**{}** and **{}** between the two. {LABEL_LEGEND}.",
        plural(s.disagree, "disagreement", "disagreements"),
        plural(s.agree, "agreement", "agreements"),
    )?;
    if let Some(note) = super::shown_note(report) {
        writeln!(out)?;
        writeln!(out, "_{}._", capitalized(&note))?;
    }
    Ok(())
}

pub(super) fn write_pair(
    report: &Report,
    pair: &PairReport,
    out: &mut dyn Write,
) -> io::Result<()> {
    let left = report.statement(Side::Left, pair.ids.left);
    let right = report.statement(Side::Right, pair.ids.right);
    let marker = match pair.relation {
        Relation::Disagree => "✗",
        Relation::Agree => "✓",
    };
    writeln!(out)?;
    writeln!(
        out,
        "### {marker} {} ↔ {} · {}",
        left.label,
        right.label,
        super::similarity_note(pair)
    )?;
    writeln!(out)?;
    writeln!(out, "- {}", statement(left))?;
    writeln!(out, "- {}", statement(right))?;
    if !pair.reasons.is_empty() {
        writeln!(out)?;
        writeln!(out, "Why:")?;
        writeln!(out)?;
        for reason in &pair.reasons {
            writeln!(
                out,
                "- **{}**: {} {}",
                reason.kind.label(),
                escape(&reason.to_string()),
                super::evidence_note(reason, |e| format!("«{}»", escape(e)))
            )?;
        }
    }
    let diff = super::diff_line(&pair.diff, |op, text| {
        let text = escape(text);
        match op {
            DiffOp::Equal => text,
            DiffOp::Delete => format!("~~{text}~~"),
            DiffOp::Insert => format!("**{text}**"),
        }
    });
    writeln!(out)?;
    writeln!(out, "Diff: {diff}")
}

/// `text` with a capital first letter, to open a sentence.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `**L12.1** text of the statement`, on one line.
fn statement(statement: &StatementReport) -> String {
    format!("**{}** {}", statement.label, escape(&statement.text))
}

/// Text that renders as itself in Markdown, on one line and in a table cell.
///
/// Line breaks become spaces and control characters visible escapes (as in a terminal), then
/// every character that Markdown or GitHub could read as syntax is backslash-escaped:
/// emphasis and strikethrough (`* _ ~`), code (`` ` ``), links and images (`[ ]`), HTML and
/// autolinks (`< >`), entities (`&`), table cells (`|`), math (`$`), mentions and references
/// (`@ #`) and the backslash itself. CommonMark allows a backslash before any ASCII
/// punctuation, so the escapes never show.
pub fn escape(text: &str) -> String {
    let text = printable(text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        let escaped = matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '&' | '|' | '$' | '@' | '#'
        ) || opens_autolink(&out, rest);
        if escaped {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether the character that starts `rest` would let GitHub's autolinking (the GFM extension
/// that links bare `http://…`, `www.…` and e-mail addresses) make a link, `written` being the
/// text before it. A backslash before it breaks the link and still renders the same character:
/// the colon of any `scheme://`, and the dot of a `www.` that starts a word. E-mail addresses
/// are broken by their `@`, which is always escaped.
fn opens_autolink(written: &str, rest: &str) -> bool {
    if rest.starts_with("://") {
        return true;
    }
    if !rest.starts_with('.') {
        return false;
    }
    let Some(word_start) = written.len().checked_sub(3) else {
        return false;
    };
    // `get` is None when the three bytes are not three whole characters, so not "www".
    let www = written
        .get(word_start..)
        .is_some_and(|word| word.eq_ignore_ascii_case("www"));
    www && written[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape("[click](http://x) ![img](y) **bold** `code`"),
            "\\[click\\](http\\://x) !\\[img\\](y) \\*\\*bold\\*\\* \\`code\\`"
        );
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(
            escape("@editor #12 $3 & ~~x~~"),
            "\\@editor \\#12 \\$3 \\& \\~\\~x\\~\\~"
        );
        assert_eq!(escape("C:\\path"), "C:\\\\path");
    }

    #[test]
    fn text_stays_on_one_line_without_control_characters() {
        assert_eq!(escape("one\ntwo\r\n"), "one two  ");
        assert_eq!(escape("\u{1b}[31mred"), "\\\\x1b\\[31mred");
    }

    #[test]
    fn bare_addresses_cannot_autolink() {
        assert_eq!(
            escape("see http://x.example/a and HTTPS://y.example"),
            "see http\\://x.example/a and HTTPS\\://y.example"
        );
        assert_eq!(
            escape("www.x.example, (WWW.y.example) but awww.z"),
            "www\\.x.example, (WWW\\.y.example) but awww.z"
        );
        assert_eq!(escape("tips@x.example"), "tips\\@x.example");
        assert_eq!(escape("the time: 10:30"), "the time: 10:30");
        assert_eq!(escape("éwww.x"), "éwww.x");
        assert_eq!(escape("ww.x w.x .x"), "ww.x w.x .x");
    }

    #[test]
    fn plain_prose_is_untouched() {
        let prose = "North Korea denied it, officials said (on Tuesday), 40% of 2.3 million.";
        assert_eq!(escape(prose), prose);
    }
}
