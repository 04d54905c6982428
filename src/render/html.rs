//! The HTML report: one self-contained page to open in a browser, attach to a ticket or archive.
//!
//! On top, the counts and the disagreements with their reasons, evidence and word diffs, then
//! the agreements; below, both articles in full in two columns that scroll each on its own,
//! every statement opening with its label (`L11.2`, as in every format) and colored by its fate.
//! Disagreements and claims found in one source only are what a reader must check, so only they
//! are colored at first; "highlight agreements" colors the agreements too. A filter by verdict
//! (all, disagreements, one-sided claims, agreements) hides the pairs of other verdicts and
//! fades the other statements of the articles. Hovering, focusing or clicking a statement (or a
//! pair) highlights its partners in the other column; a click also scrolls the other column to
//! the first partner and keeps the highlight until the next click. Dark system themes get dark
//! colors.
//!
//! The page must be safe to open whatever the articles contain, and readable anywhere:
//! - every piece of article text and every file name goes through [`escape`] (after
//!   [`printable`], so control characters show as in the terminal), and nothing from the input
//!   is ever placed in a tag name, an attribute name, a URL or a script;
//! - CSS and JavaScript are inline and nothing is fetched: a Content-Security-Policy allows no
//!   source at all (`default-src 'none'`) except this page's own style and script, named by
//!   their SHA-256, so even markup that got through could neither load nor run anything;
//! - everything is in the markup; the script only highlights. With JavaScript off, pair headings
//!   link to the statements (`:target` highlights them), each statement's tooltip names its
//!   partners, and the filter and the agreements toggle still work: they are form controls that
//!   the style reads with `:has()`.

use std::io::{self, Write};

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::diff::DiffOp;
use crate::model::{Pair, Relation, Side, StatementId};
use crate::render::style::printable;
use crate::render::{plural, side_name, LABEL_LEGEND};
use crate::report::{PairReport, Report};

/// Writes the HTML report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let paths = report.sides.as_ref().map(|side| text(&side.path));
    write!(
        out,
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>crosscheck: {left} vs {right}</title>\n\
         <style>{STYLE}</style>\n\
         </head>\n\
         <body>\n\
         <header>\n\
         <h1>crosscheck</h1>\n",
        csp = content_security_policy(),
        left = paths.left,
        right = paths.right,
    )?;
    for side in [Side::Left, Side::Right] {
        writeln!(
            out,
            "<p class=\"file\"><span class=\"side\">{}</span> <code>{}</code> · {}, {} left out \
             as boilerplate</p>",
            side_name(side),
            paths.get(side),
            plural(*s.statements.get(side), "statement", "statements"),
            s.boilerplate.get(side),
        )?;
    }
    writeln!(out, "<ul class=\"counts\" id=\"counts\">")?;
    let counts = [
        (
            "disagree",
            s.disagree,
            noun(s.disagree, "disagreement", "disagreements"),
        ),
        ("agree", s.agree, noun(s.agree, "agreement", "agreements")),
        ("left-only", s.only.left, "only in LEFT"),
        ("right-only", s.only.right, "only in RIGHT"),
    ];
    for (name, n, label) in counts {
        let class = name
            .trim_start_matches("left-")
            .trim_start_matches("right-");
        writeln!(
            out,
            "<li class=\"{class}\" data-count=\"{name}\"><strong>{n}</strong> {label}</li>"
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(
        out,
        "<p class=\"legend\">Statements: <span class=\"st disagree\">disagrees</span> \
         <span class=\"st agree\">agrees</span> <span class=\"st only\">only in this source</span> \
         <span class=\"st boilerplate\">boilerplate, not judged</span>. Each statement starts \
         with its label: {LABEL_LEGEND}. Agreeing statements are colored only when \
         “highlight agreements” is on. <span class=\"hint\">Hover or click a statement or a \
         pair to highlight its partners.</span></p>\n\
         </header>\n\
         {CONTROLS}\
         <main>"
    )?;

    // Agreements fold away (open them with a click, no script needed): the disagreements
    // and then the articles are what a reviewer reads first.
    for (relation, id, title, fold) in [
        (Relation::Disagree, "disagreements", "Disagreements", false),
        (Relation::Agree, "agreements", "Agreements", true),
    ] {
        let pairs: Vec<&PairReport> = report.pairs_of(relation);
        let heading = format!("<h2>{title} ({})</h2>", pairs.len());
        writeln!(out, "<section id=\"{id}\">")?;
        if fold {
            writeln!(out, "<details>\n<summary>{heading}</summary>")?;
        } else {
            writeln!(out, "{heading}")?;
        }
        if pairs.is_empty() {
            writeln!(out, "<p class=\"none\">None.</p>")?;
        }
        for pair in pairs {
            write_pair(report, pair, out)?;
        }
        if fold {
            writeln!(out, "</details>")?;
        }
        writeln!(out, "</section>")?;
    }

    let fates = fates(report);
    writeln!(
        out,
        "<section id=\"articles\">\n<h2>The two articles</h2>\n<div class=\"columns\">"
    )?;
    for side in [Side::Left, Side::Right] {
        write_article(report, side, fates.get(side), out)?;
    }
    writeln!(
        out,
        "</div>\n</section>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>"
    )
}

fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn write_pair(report: &Report, pair: &PairReport, out: &mut dyn Write) -> io::Result<()> {
    let (class, marker) = match pair.relation {
        Relation::Disagree => ("disagree", "✗"),
        Relation::Agree => ("agree", "✓"),
    };
    let left = report.statement(Side::Left, pair.ids.left);
    let right = report.statement(Side::Right, pair.ids.right);
    let (left_id, right_id) = (
        element_id(Side::Left, left.id),
        element_id(Side::Right, right.id),
    );
    writeln!(
        out,
        "<article class=\"pair {class}\" data-partners=\"{left_id} {right_id}\">\n\
         <h3><span class=\"marker\">{marker}</span> <a href=\"#{left_id}\">{left_label}</a> ↔ \
         <a href=\"#{right_id}\">{right_label}</a> <span class=\"similarity\">{note}</span></h3>\n\
         <div class=\"quotes\">\n\
         <blockquote class=\"left\"><span class=\"tag\">{left_label}</span> {left_text}</blockquote>\n\
         <blockquote class=\"right\"><span class=\"tag\">{right_label}</span> {right_text}</blockquote>\n\
         </div>",
        left_label = left.label,
        right_label = right.label,
        note = super::similarity_note(pair),
        left_text = text(&left.text),
        right_text = text(&right.text),
    )?;
    if !pair.reasons.is_empty() {
        writeln!(out, "<ul class=\"reasons\">")?;
        for reason in &pair.reasons {
            writeln!(
                out,
                "<li><strong>{}</strong>: {} <span class=\"evidence\">{}</span></li>",
                reason.kind.label(),
                text(&reason.to_string()),
                super::evidence_note(reason, |e| format!("<mark>{}</mark>", text(e))),
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    let diff = super::diff_line(&pair.diff, |op, chunk| {
        let words = text(chunk);
        match op {
            DiffOp::Equal => words,
            DiffOp::Delete => format!("<del>{words}</del>"),
            DiffOp::Insert => format!("<ins>{words}</ins>"),
        }
    });
    writeln!(
        out,
        "<p class=\"diff\"><span class=\"label\">diff</span> {diff}</p>\n</article>"
    )
}

/// What became of a statement, for its color. A statement in both an agreeing and a
/// disagreeing pair shows as disagreeing: that is what a reader must check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Boilerplate,
    Only,
    Agree,
    Disagree,
}

impl Fate {
    fn class(self) -> &'static str {
        match self {
            Fate::Boilerplate => "boilerplate",
            Fate::Only => "only",
            Fate::Agree => "agree",
            Fate::Disagree => "disagree",
        }
    }
}

fn fates(report: &Report) -> Pair<Vec<Fate>> {
    let fates_of = |side: Side| {
        let mut fates: Vec<Fate> = report
            .side(side)
            .statements
            .iter()
            .map(|s| match s.boilerplate {
                Some(_) => Fate::Boilerplate,
                None => Fate::Only,
            })
            .collect();
        for pair in &report.pairs {
            let fate = &mut fates[*pair.ids.get(side)];
            *fate = match (*fate, pair.relation) {
                (_, Relation::Disagree) | (Fate::Disagree, _) => Fate::Disagree,
                _ => Fate::Agree,
            };
        }
        fates
    };
    Pair::new(fates_of(Side::Left), fates_of(Side::Right))
}

/// One article in full: its statements in file order, a paragraph per line of the file.
fn write_article(
    report: &Report,
    side: Side,
    fates: &[Fate],
    out: &mut dyn Write,
) -> io::Result<()> {
    let document = report.side(side);
    writeln!(
        out,
        "<div class=\"column {}\" id=\"{}-article\">\n<h3>{} <code>{}</code></h3>",
        side_class(side),
        side_class(side),
        side_name(side),
        text(&document.path),
    )?;
    let other = match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    };
    let mut last_line = None;
    for statement in &document.statements {
        if last_line == Some(statement.line) {
            write!(out, " ")?;
        } else {
            if last_line.is_some() {
                writeln!(out, "</p>")?;
            }
            write!(out, "<p>")?;
        }
        // A statement of a file of old Mac line ends (CR alone) breaks its lines with CRs.
        let line_break = if statement.text.contains('\n') {
            '\n'
        } else {
            '\r'
        };
        last_line = Some(statement.line + statement.text.matches(line_break).count());

        let fate = fates[statement.id];
        let partners: Vec<(&PairReport, StatementId)> = report
            .pairs
            .iter()
            .filter(|p| *p.ids.get(side) == statement.id)
            .map(|p| (p, *p.ids.get(other)))
            .collect();
        let mut title = statement.label.to_string();
        match fate {
            Fate::Boilerplate => {
                let kind = statement.boilerplate.map(|b| b.label()).unwrap_or_default();
                title.push_str(&format!(" · boilerplate ({kind}), not judged"));
            }
            Fate::Only => title.push_str(&format!(" · only in {}", side_name(side))),
            Fate::Agree | Fate::Disagree => {
                for (relation, verb) in [
                    (Relation::Disagree, "disagrees with"),
                    (Relation::Agree, "agrees with"),
                ] {
                    let tags: Vec<String> = partners
                        .iter()
                        .filter(|(p, _)| p.relation == relation)
                        .map(|(_, id)| report.statement(other, *id).label.to_string())
                        .collect();
                    if !tags.is_empty() {
                        title.push_str(&format!(" · {verb} {}", tags.join(", ")));
                    }
                }
            }
        }
        let links = if partners.is_empty() {
            String::new()
        } else {
            let ids: Vec<String> = partners
                .iter()
                .map(|(_, id)| element_id(other, *id))
                .collect();
            format!(" data-partners=\"{}\" tabindex=\"0\"", ids.join(" "))
        };
        write!(
            out,
            "<span class=\"st {fate}\" id=\"{id}\" data-side=\"{side}\" data-fate=\"{fate}\" \
             data-line=\"{line}\" title=\"{title}\"{links}><span class=\"label\">{label}</span> \
             {text}</span>",
            fate = fate.class(),
            id = element_id(side, statement.id),
            side = side_class(side),
            line = statement.line,
            title = text(&title),
            label = statement.label,
            text = text(&statement.text),
        )?;
    }
    if last_line.is_some() {
        writeln!(out, "</p>")?;
    }
    writeln!(out, "</div>")
}

fn side_class(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
    }
}

/// The `id` of a statement's element: `l-3` is statement 3 (from 0) of the left article.
fn element_id(side: Side, id: StatementId) -> String {
    format!("{}-{id}", &side_class(side)[..1])
}

/// Input text (article, file name) as HTML text: printable, then escaped.
pub(super) fn text(input: &str) -> String {
    escape(&printable(input))
}

/// Escapes the five characters that can end text or an attribute value and start markup, so the
/// result is safe both between tags and inside a quoted attribute. Five replacements do not
/// call for a dependency.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// No network, no plugins, no frames, no forms; only this page's own style and script run.
/// (`frame-ancestors` would be ignored in a `<meta>` policy.)
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; base-uri 'none'; \
         form-action 'none'",
        sha256_source(STYLE),
        sha256_source(SCRIPT)
    )
}

/// A CSP hash source: `sha256-` and the Base64 of the SHA-256 of exactly what is between the
/// tags.
pub(super) fn sha256_source(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The view controls: the filter by verdict and the agreements toggle. Plain form controls read
/// by the style (`body:has(#show-only:checked)`), so they work without the script; their ids
/// cannot clash with a statement's (`l-3`).
const CONTROLS: &str = "<div class=\"controls\">\n\
<fieldset class=\"filter\">\n\
<legend>Show</legend>\n\
<label><input type=\"radio\" name=\"verdict\" id=\"show-all\" value=\"all\" checked> all</label>\n\
<label><input type=\"radio\" name=\"verdict\" id=\"show-disagree\" value=\"disagree\"> \
disagreements</label>\n\
<label><input type=\"radio\" name=\"verdict\" id=\"show-only\" value=\"only\"> one-sided \
claims</label>\n\
<label><input type=\"radio\" name=\"verdict\" id=\"show-agree\" value=\"agree\"> \
agreements</label>\n\
</fieldset>\n\
<label class=\"toggle\"><input type=\"checkbox\" id=\"highlight-agree\"> highlight agreements \
too</label>\n\
</div>\n";

/// The page's style. Colors are paired with underlines, so fates stay apart in gray print too.
const STYLE: &str = r#"
:root { color-scheme: light dark;
  --agree: #dcf2e1; --agree-line: #2e7d32; --disagree: #fde1df; --disagree-line: #c62828;
  --only: #fff1c7; --only-line: #b7791f; --boilerplate: #8a8a8a; --focus: #1565c0;
  --ink: #1d1d1f; --paper: #ffffff; --muted: #5f6368; --rule: #e0e0e0; --quote: #f7f7f8;
  --mark: #f9d36b; --removed-ink: #8e1b1b; --added-ink: #1b5e20; }
@media (prefers-color-scheme: dark) {
  :root { --agree: #1d3b25; --agree-line: #66bb6a; --disagree: #4a1f1f; --disagree-line: #ef5350;
    --only: #3d3216; --only-line: #e0a84a; --boilerplate: #8f8f8f; --focus: #64b5f6;
    --ink: #e8e8ea; --paper: #16171a; --muted: #a2a6ab; --rule: #3a3b3f; --quote: #222428;
    --mark: #7a5c12; --removed-ink: #ffb4ab; --added-ink: #a5d6a7; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; color: var(--ink); background: var(--paper);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { margin: 0 0 .4rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .8rem; font-size: 1.25rem; border-bottom: 1px solid var(--rule);
  padding-bottom: .3rem; }
h3 { margin: 0 0 .5rem; font-size: 1rem; }
summary { cursor: pointer; margin: 2rem 0 .8rem; border-bottom: 1px solid var(--rule); }
summary h2 { display: inline; margin: 0; border: 0; }
a { color: var(--focus); }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.file { margin: .1rem 0; color: var(--muted); }
.file .side { display: inline-block; width: 3.6em; font-weight: 600; color: var(--ink); }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0;
  margin: 1rem 0 .6rem; }
.counts li { padding: .45rem .9rem; border-radius: 6px; border-left: 4px solid; }
.counts strong { font-size: 1.3rem; margin-right: .25rem; }
.counts .disagree { background: var(--disagree); border-color: var(--disagree-line); }
.counts .agree { background: var(--agree); border-color: var(--agree-line); }
.counts .only { background: var(--only); border-color: var(--only-line); }
.legend { color: var(--muted); font-size: .9rem; }
.hint { display: none; }
.js .hint { display: inline; }
.none { color: var(--muted); }
.pair { border: 1px solid var(--rule); border-left: 5px solid; border-radius: 6px;
  padding: .8rem 1rem; margin: 0 0 .9rem; }
.pair.disagree { border-left-color: var(--disagree-line); }
.pair.agree { border-left-color: var(--agree-line); }
.pair.disagree .marker { color: var(--disagree-line); }
.pair.agree .marker { color: var(--agree-line); }
.pair.active { box-shadow: 0 0 0 2px var(--focus); }
.similarity { color: var(--muted); font-weight: normal; margin-left: .5rem; }
.quotes { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
blockquote { margin: 0; padding: .4rem .7rem; background: var(--quote); border-radius: 4px; }
.tag { font: 600 .8rem ui-monospace, Menlo, Consolas, monospace; color: var(--muted);
  margin-right: .3rem; }
.reasons { margin: .6rem 0 0; padding-left: 1.2rem; }
.evidence { color: var(--muted); }
mark { background: var(--mark); color: inherit; padding: 0 .15em; border-radius: 2px; }
.diff { margin: .6rem 0 0; }
.diff .label { font: 600 .8rem ui-monospace, Menlo, Consolas, monospace; color: var(--muted);
  margin-right: .3rem; }
del { background: var(--disagree); color: var(--removed-ink); }
ins { background: var(--agree); color: var(--added-ink); text-decoration: underline; }
.controls { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap;
  align-items: center; gap: .3rem 1.5rem; margin: 0 -2rem; padding: .45rem 2rem;
  background: var(--paper); border-bottom: 1px solid var(--rule); font-size: .9rem; }
.filter { display: flex; flex-wrap: wrap; gap: .2rem .9rem; margin: 0; padding: 0; border: 0; }
.filter legend { float: left; margin-right: .2rem; padding: 0; font-weight: 600; }
.controls label { cursor: pointer; white-space: nowrap; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; align-items: start; }
.column { max-height: calc(100vh - 4rem); overflow-y: auto; overscroll-behavior: contain;
  padding-right: .5rem; }
.column h3 { position: sticky; top: 0; background: var(--paper); padding: .2rem 0; }
.column p { margin: 0 0 .7rem; }
.st { border-radius: 3px; padding: .05em .1em; -webkit-box-decoration-break: clone;
  box-decoration-break: clone; scroll-margin-top: 2.5rem; }
.st .label { font: 600 .75em ui-monospace, Menlo, Consolas, monospace; font-style: normal;
  color: var(--muted); }
.st.agree { border-bottom: 1px dotted var(--agree-line); }
body:has(#highlight-agree:checked) .st.agree, body:has(#show-agree:checked) .st.agree {
  background: var(--agree); border-bottom: 2px solid var(--agree-line); }
.st.disagree { background: var(--disagree); border-bottom: 2px solid var(--disagree-line); }
.st.only { background: var(--only); border-bottom: 2px dotted var(--only-line); }
.st.boilerplate { color: var(--boilerplate); font-style: italic; }
.st[data-partners] { cursor: pointer; }
.st:target, .st.active { outline: 2px solid var(--focus); }
.st.partner { outline: 2px dashed var(--focus); }
body:has(#show-disagree:checked) #agreements, body:has(#show-agree:checked) #disagreements,
body:has(#show-only:checked) :is(#disagreements, #agreements) { display: none; }
body:has(#show-disagree:checked) .column .st:not(.disagree),
body:has(#show-only:checked) .column .st:not(.only),
body:has(#show-agree:checked) .column .st:not(.agree) {
  opacity: .35; background: none; border-bottom-color: transparent; }
@media (max-width: 800px) { .columns, .quotes { grid-template-columns: 1fr; } }
@media print { .column { max-height: none; overflow: visible; } .controls { display: none; } }
"#;

/// The page's script: highlighting only; the page is complete without it.
const SCRIPT: &str = r#"
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var pinned = null;
  function partnersOf(element) {
    return (element.getAttribute('data-partners') || '').split(' ')
      .map(function (id) { return id && document.getElementById(id); })
      .filter(Boolean);
  }
  function highlight(element, on) {
    element.classList.toggle('active', on);
    partnersOf(element).forEach(function (partner) { partner.classList.toggle('partner', on); });
  }
  function show(hovered) {
    document.querySelectorAll('.active, .partner').forEach(function (element) {
      element.classList.remove('active', 'partner');
    });
    if (pinned) { highlight(pinned, true); }
    if (hovered && hovered !== pinned) { highlight(hovered, true); }
  }
  function linked(event) {
    return event.target.closest ? event.target.closest('[data-partners]') : null;
  }
  document.addEventListener('mouseover', function (event) { show(linked(event)); });
  document.addEventListener('focusin', function (event) { show(linked(event)); });
  function pin(element) {
    pinned = pinned === element ? null : element;
    show(element);
    if (pinned && pinned.classList.contains('st')) {
      var first = partnersOf(pinned)[0];
      if (first) { first.scrollIntoView({ block: 'nearest', behavior: 'smooth' }); }
    }
  }
  document.addEventListener('click', function (event) {
    var element = linked(event);
    if (element && !event.target.closest('a')) { pin(element); }
  });
  // The agreements are folded away: showing only them opens them.
  document.addEventListener('change', function (event) {
    var agreements = document.querySelector('#agreements details');
    if (event.target.id === 'show-agree' && event.target.checked && agreements) {
      agreements.open = true;
    }
  });
  document.addEventListener('keydown', function (event) {
    var element = linked(event);
    if (element && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      pin(element);
    }
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_for_text_and_attributes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("Tom's & Jerry's"), "Tom&#39;s &amp; Jerry&#39;s");
    }

    #[test]
    fn control_characters_become_visible_text() {
        assert_eq!(text("a\u{1b}[31m<b>"), "a\\x1b[31m&lt;b&gt;");
    }

    /// Each choice of the filter and the agreements toggle is read by the style: the controls
    /// work without the script.
    #[test]
    fn every_view_control_has_its_rule() {
        let ids: Vec<&str> = CONTROLS
            .split("id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert_eq!(
            ids,
            [
                "show-all",
                "show-disagree",
                "show-only",
                "show-agree",
                "highlight-agree"
            ]
        );
        for id in &ids[1..] {
            assert!(
                STYLE.contains(&format!("body:has(#{id}:checked)")),
                "{id} changes nothing"
            );
        }
        assert_eq!(
            CONTROLS.matches(" checked>").count(),
            1,
            "all is shown at first"
        );
    }

    /// Agreeing statements are colored only on request; disagreeing and one-sided ones always.
    #[test]
    fn only_disagreements_and_one_sided_claims_are_colored_at_first() {
        let rule = |selector: &str| {
            let at = STYLE.find(&format!("\n{selector} {{")).expect(selector) + 1;
            &STYLE[at..at + STYLE[at..].find('}').unwrap()]
        };
        assert!(rule(".st.disagree").contains("background"));
        assert!(rule(".st.only").contains("background"));
        assert!(!rule(".st.agree").contains("background"));
        assert!(STYLE.contains(
            "body:has(#highlight-agree:checked) .st.agree, body:has(#show-agree:checked) \
             .st.agree {\n  background: var(--agree);"
        ));
    }

    #[test]
    fn dark_themes_get_their_own_colors() {
        let dark = &STYLE[STYLE.find("@media (prefers-color-scheme: dark)").unwrap()..];
        for variable in [
            "--paper",
            "--ink",
            "--agree",
            "--disagree",
            "--only",
            "--quote",
        ] {
            assert!(dark.contains(&format!("{variable}: #")), "{variable}");
        }
        // A color outside the variables would not follow the theme.
        let rules = &STYLE[STYLE.find("\n* {").unwrap()..];
        assert!(!rules.contains(": #"), "a fixed color: {rules}");
    }

    #[test]
    fn the_policy_names_the_exact_style_and_script() {
        let policy = content_security_policy();
        assert!(policy.starts_with("default-src 'none';"), "{policy}");
        // SHA-256 is 32 bytes: 44 characters of Base64.
        let hashes: Vec<&str> = policy
            .split('\'')
            .filter(|part| part.starts_with("sha256-"))
            .collect();
        assert_eq!(hashes.len(), 2, "{policy}");
        assert!(hashes.iter().all(|h| h.len() == "sha256-".len() + 44));
        // The empty string's SHA-256, as CSP documentation gives it.
        assert_eq!(
            sha256_source(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }
}
