//! The HTML report of three or more sources: one self-contained page. On top, the counts; then
//! the coverage matrix, a row per claim and a column per source, each cell marked states,
//! contradicts or leaves out. Clicking a cell shows what that source says of the claim (its
//! statements, or the statements that contradict it with the reasons) and marks them in the
//! articles below, each article in its own tab. Then the conflicts with their reasons, and the
//! claims only one source carries.
//!
//! As the two-source page: every piece of article text and every file name is escaped
//! (`text`); style and script are inline and named by their SHA-256 in a
//! Content-Security-Policy that allows nothing else; and the page works without its script: a
//! cell is a link to its detail, which the style shows when it is the page's target (`:target`),
//! and the tabs are radio buttons the style reads. The script only adds marking the statements
//! of the cell chosen in the articles, and opening their article's tab.

use std::io::{self, Write};

use super::{claim_name, explanation, link_note, names};
use crate::render::html::{sha256_source, text};
use crate::render::plural;
use crate::sources::{Cell, Member, SourcesReport};

/// The `id` of a statement's element: `s-B-3` is statement 3 (from 0) of source B.
fn statement_id(report: &SourcesReport, member: Member) -> String {
    format!("s-{}-{}", report.sources[member.source].name, member.id)
}

/// The `id` of a cell's detail: `cell-2-B` is what source B says of claim 2 (from 1).
fn cell_id(report: &SourcesReport, claim: usize, source: usize) -> String {
    format!("cell-{}-{}", claim + 1, report.sources[source].name)
}

fn cell_class(cell: Cell) -> &'static str {
    match cell {
        Cell::States => "states",
        Cell::Contradicts => "contradicts",
        Cell::StatesAndContradicts => "states contradicts",
        Cell::LeavesOut => "leaves-out",
    }
}

fn cell_mark(cell: Cell) -> &'static str {
    super::mark(cell)
}

/// A statement quoted with its label, the label linking to it in its article.
fn quote(report: &SourcesReport, member: Member) -> String {
    format!(
        "<blockquote data-statement=\"{id}\"><a class=\"tag\" href=\"#{id}\">{label}</a> {text}</blockquote>",
        id = statement_id(report, member),
        label = report.label(member),
        text = text(&report.statement(member).text)
    )
}

/// Writes the HTML report.
pub fn write(report: &SourcesReport, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let n = report.sources.len();
    let names_of: Vec<String> = report.sources.iter().map(|r| r.name.clone()).collect();
    let style = format!("{STYLE}{}", tab_rules(&names_of));
    let title = report
        .sources
        .iter()
        .map(|r| text(&r.path))
        .collect::<Vec<_>>()
        .join(", ");
    write!(
        out,
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src \
         '{style_hash}'; script-src '{script}'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>crosscheck: {title}</title>\n\
         <style>{style}</style>\n\
         </head>\n\
         <body>\n\
         <header>\n\
         <h1>crosscheck: {sources}</h1>\n",
        style_hash = sha256_source(&style),
        script = sha256_source(SCRIPT),
        sources = plural(n, "source", "sources"),
    )?;
    for (source, r) in report.sources.iter().enumerate() {
        writeln!(
            out,
            "<p class=\"file\"><span class=\"source\">{}</span> <code>{}</code> · {}, {} left out \
             as boilerplate</p>",
            r.name,
            text(&r.path),
            plural(s.statements[source], "statement", "statements"),
            s.boilerplate[source]
        )?;
    }
    let only: usize = s.only.iter().sum();
    writeln!(out, "<ul class=\"counts\" id=\"counts\">")?;
    for (class, name, count, label) in [
        (
            "shared",
            "claims",
            s.claims,
            "claims in two sources or more",
        ),
        (
            "shared",
            "in-every-source",
            s.in_every_source,
            "in every source",
        ),
        ("contested", "contested", s.contested, "contested"),
        ("contested", "conflicts", s.conflicts, "conflicts"),
        ("only", "only", only, "only in one source"),
    ] {
        writeln!(
            out,
            "<li class=\"{class}\" data-count=\"{name}\"><strong>{count}</strong> {label}</li>"
        )?;
    }
    writeln!(
        out,
        "</ul>\n<p class=\"legend\">Each cell says what a source does with a claim: \
         <span class=\"mark states\">● states it</span> <span class=\"mark contradicts\">✗ \
         contradicts it</span> <span class=\"mark states contradicts\">± both</span> \
         <span class=\"mark leaves-out\">· leaves it out</span>. Click a cell to read what the \
         source says. {}.</p>\n</header>\n<main>",
        super::LABEL_LEGEND
    )?;

    // The matrix, and the detail of every cell below it.
    writeln!(
        out,
        "<section id=\"coverage\">\n<h2>Coverage ({})</h2>",
        plural(s.claims, "claim", "claims")
    )?;
    if report.rows().is_empty() {
        writeln!(
            out,
            "<p class=\"none\">No claim is in two sources or more.</p>"
        )?;
    } else {
        writeln!(
            out,
            "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>claim</th>"
        )?;
        for r in &report.sources {
            writeln!(out, "<th title=\"{}\">{}</th>", text(&r.path), r.name)?;
        }
        writeln!(
            out,
            "<th class=\"first\">first statement</th></tr></thead>\n<tbody>"
        )?;
        for (c, claim) in report.rows().iter().enumerate() {
            let class = if claim.is_contested() {
                "contested"
            } else {
                "shared"
            };
            write!(
                out,
                "<tr id=\"claim-{}\" class=\"{class}\"><th>{}</th>",
                c + 1,
                c + 1
            )?;
            for (source, &cell) in claim.cells.iter().enumerate() {
                write!(
                    out,
                    "<td class=\"cell {class}\" data-cell=\"{label}\"><a href=\"#{id}\" \
                     title=\"{name} {label}\">{mark}</a></td>",
                    class = cell_class(cell),
                    label = cell.label(),
                    id = cell_id(report, c, source),
                    name = report.sources[source].name,
                    mark = cell_mark(cell),
                )?;
            }
            writeln!(
                out,
                "<td class=\"first\">{}</td></tr>",
                text(&report.statement(claim.members[0]).text)
            )?;
        }
        writeln!(out, "</tbody>\n</table></div>")?;
        writeln!(
            out,
            "<div id=\"details\">\n<p class=\"none\" id=\"no-cell\">Click a cell of the matrix \
             to read what the source says of the claim.</p>"
        )?;
        let claim_of = report.claim_of();
        for (c, claim) in report.rows().iter().enumerate() {
            for (source, &cell) in claim.cells.iter().enumerate() {
                write_detail(report, &claim_of, c, claim, source, cell, out)?;
            }
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(
        out,
        "<section id=\"conflicts\">\n<h2>Conflicts ({})</h2>",
        report.conflicts.len()
    )?;
    if report.conflicts.is_empty() {
        writeln!(out, "<p class=\"none\">None.</p>")?;
    }
    for conflict in &report.conflicts {
        writeln!(
            out,
            "<article class=\"conflict\">\n<h3><span class=\"marker\">✗</span> <a \
             href=\"#claim-{}\">{}</a> ↔ <a href=\"#claim-{}\">{}</a>: {} against {}</h3>",
            conflict.claims.left + 1,
            claim_name(conflict.claims.left),
            conflict.claims.right + 1,
            claim_name(conflict.claims.right),
            names(report, &conflict.sides.left),
            names(report, &conflict.sides.right),
        )?;
        for &index in &conflict.links {
            write_disagreement(report, index, out)?;
        }
        writeln!(out, "</article>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(
        out,
        "<section id=\"only\">\n<h2>Only in one source ({only})</h2>"
    )?;
    for (source, ids) in report.only.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        writeln!(
            out,
            "<details>\n<summary>Only in {} ({})</summary>",
            report.sources[source].name,
            ids.len()
        )?;
        for &id in ids {
            writeln!(out, "{}", quote(report, Member { source, id }))?;
        }
        writeln!(out, "</details>")?;
    }
    writeln!(out, "</section>")?;

    write_articles(report, out)?;
    writeln!(out, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>")
}

/// What source `source` says of claim `c`: its statements in the claim, the statements of it
/// that contradict the claim with their reasons, or that it leaves the claim out.
fn write_detail(
    report: &SourcesReport,
    claim_of: &std::collections::HashMap<Member, usize>,
    c: usize,
    claim: &crate::sources::Claim,
    source: usize,
    cell: Cell,
    out: &mut dyn Write,
) -> io::Result<()> {
    let name = &report.sources[source].name;
    writeln!(
        out,
        "<div class=\"detail\" id=\"{}\" data-cell=\"{}\">\n<h3>{}: {name} {}</h3>",
        cell_id(report, c, source),
        cell.label(),
        capitalized(&claim_name(c)),
        cell.label()
    )?;
    for &member in claim.members.iter().filter(|m| m.source == source) {
        writeln!(out, "{}", quote(report, member))?;
    }
    if cell.contradicts() {
        // The links by which a statement of this source disagrees with one of the claim.
        for (index, link) in report.links.iter().enumerate() {
            if link.pair.relation != crate::model::Relation::Disagree {
                continue;
            }
            let members = link.members();
            let (own, other) = if members.left.source == source {
                (members.left, members.right)
            } else if members.right.source == source {
                (members.right, members.left)
            } else {
                continue;
            };
            if claim_of.get(&other) == Some(&c) && claim_of.get(&own) != Some(&c) {
                write_disagreement(report, index, out)?;
            }
        }
    }
    if cell == Cell::LeavesOut {
        writeln!(
            out,
            "<p class=\"none\">{name} says nothing of this claim; its article is in the tab {name} \
             below.</p>"
        )?;
    }
    writeln!(out, "</div>")
}

/// A disagreeing link: both statements, the reasons with their evidence.
fn write_disagreement(report: &SourcesReport, index: usize, out: &mut dyn Write) -> io::Result<()> {
    let link = &report.links[index];
    let members = link.members();
    writeln!(
        out,
        "<div class=\"disagreement\">\n<p class=\"note\">{} ↔ {} <span \
         class=\"similarity\">{}</span></p>\n{}\n{}",
        report.label(members.left),
        report.label(members.right),
        text(&link_note(link)),
        quote(report, members.left),
        quote(report, members.right),
    )?;
    if !link.pair.reasons.is_empty() {
        writeln!(out, "<ul class=\"reasons\">")?;
        for reason in &link.pair.reasons {
            writeln!(
                out,
                "<li><strong>{}</strong>: {} <span class=\"evidence\">{}</span></li>",
                reason.kind.label(),
                text(&explanation(report, link, reason)),
                super::evidence_note(report, link, reason, |e| format!(
                    "<mark>{}</mark>",
                    text(e)
                ))
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</div>")
}

/// Every article in full, each in its own tab: the tabs are radio buttons the style reads.
fn write_articles(report: &SourcesReport, out: &mut dyn Write) -> io::Result<()> {
    let claim_of = report.claim_of();
    let rows = report.summary.claims;
    writeln!(
        out,
        "<section id=\"articles\">\n<h2>The articles</h2>\n<div class=\"tabs\" role=\"tablist\">"
    )?;
    for (source, r) in report.sources.iter().enumerate() {
        let checked = if source == 0 { " checked" } else { "" };
        writeln!(
            out,
            "<input type=\"radio\" name=\"article\" id=\"tab-{name}\" value=\"{name}\"{checked}>\
             <label for=\"tab-{name}\">{name}</label>",
            name = r.name
        )?;
    }
    writeln!(out, "</div>")?;
    for (source, r) in report.sources.iter().enumerate() {
        writeln!(
            out,
            "<div class=\"article\" id=\"article-{}\">\n<h3>{} <code>{}</code></h3>",
            r.name,
            r.name,
            text(&r.path)
        )?;
        let mut last_line = None;
        for st in &r.statements {
            if last_line == Some(st.line) {
                write!(out, " ")?;
            } else {
                if last_line.is_some() {
                    writeln!(out, "</p>")?;
                }
                write!(out, "<p>")?;
            }
            let line_break = if st.text.contains('\n') { '\n' } else { '\r' };
            last_line = Some(st.line + st.text.matches(line_break).count());
            let member = Member { source, id: st.id };
            let (fate, title) = match (st.boilerplate, claim_of.get(&member)) {
                (Some(kind), _) => (
                    "boilerplate",
                    format!("boilerplate ({}), not judged", kind.label()),
                ),
                (None, Some(&c)) if c < rows => {
                    let claim = &report.claims[c];
                    let fate = if claim.is_contested() {
                        "contested"
                    } else {
                        "shared"
                    };
                    (
                        fate,
                        format!(
                            "{}: stated by {}",
                            claim_name(c),
                            names(report, &claim.stated_by())
                        ),
                    )
                }
                (None, _) => ("only", format!("only in {}", r.name)),
            };
            write!(
                out,
                "<span class=\"st {fate}\" id=\"{id}\" data-source=\"{name}\" data-fate=\"{fate}\" \
                 title=\"{label} · {title}\"><span class=\"label\">{label}</span> {text}</span>",
                id = statement_id(report, member),
                name = r.name,
                label = report.label(member),
                title = text(&title),
                text = text(&st.text),
            )?;
        }
        if last_line.is_some() {
            writeln!(out, "</p>")?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</section>")
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The style's rules that show the article whose tab is checked: one per source, the sources'
/// names being ours (letters), never the input's.
fn tab_rules(names: &[String]) -> String {
    names
        .iter()
        .map(|name| {
            format!("body:has(#tab-{name}:checked) #article-{name} {{ display: block; }}\n")
        })
        .collect()
}

/// The page's style (the rules of [`tab_rules`] follow it). The tabs and the cells' details
/// work from the style alone.
const STYLE: &str = r#"
:root { color-scheme: light dark;
  --shared: #dcf2e1; --shared-line: #2e7d32; --contested: #fde1df; --contested-line: #c62828;
  --only: #fff1c7; --only-line: #b7791f; --boilerplate: #8a8a8a; --focus: #1565c0;
  --ink: #1d1d1f; --paper: #ffffff; --muted: #5f6368; --rule: #e0e0e0; --quote: #f7f7f8;
  --mark: #f9d36b; }
@media (prefers-color-scheme: dark) {
  :root { --shared: #1d3b25; --shared-line: #66bb6a; --contested: #4a1f1f;
    --contested-line: #ef5350; --only: #3d3216; --only-line: #e0a84a; --boilerplate: #8f8f8f;
    --focus: #64b5f6; --ink: #e8e8ea; --paper: #16171a; --muted: #a2a6ab; --rule: #3a3b3f;
    --quote: #222428; --mark: #7a5c12; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; color: var(--ink); background: var(--paper);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { margin: 0 0 .4rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .8rem; font-size: 1.25rem; border-bottom: 1px solid var(--rule);
  padding-bottom: .3rem; }
h3 { margin: 0 0 .5rem; font-size: 1rem; }
a { color: var(--focus); }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.file { margin: .1rem 0; color: var(--muted); }
.file .source { display: inline-block; width: 2.5em; font-weight: 600; color: var(--ink); }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0;
  margin: 1rem 0 .6rem; }
.counts li { padding: .45rem .9rem; border-radius: 6px; border-left: 4px solid; }
.counts strong { font-size: 1.3rem; margin-right: .25rem; }
.counts .shared { background: var(--shared); border-color: var(--shared-line); }
.counts .contested { background: var(--contested); border-color: var(--contested-line); }
.counts .only { background: var(--only); border-color: var(--only-line); }
.legend, .none, .similarity, .evidence { color: var(--muted); }
.mark.states { color: var(--shared-line); }
.mark.contradicts { color: var(--contested-line); }
.scroll { overflow-x: auto; }
.matrix { border-collapse: collapse; }
.matrix th, .matrix td { border: 1px solid var(--rule); padding: .25rem .5rem; }
.matrix thead th { position: sticky; top: 0; background: var(--paper); }
.matrix td.cell { text-align: center; padding: 0; }
.matrix td.cell a { display: block; padding: .25rem .6rem; text-decoration: none;
  color: inherit; font-size: 1.1rem; }
.matrix td.cell.states { background: var(--shared); }
.matrix td.cell.contradicts { background: var(--contested); }
.matrix td.cell.leaves-out a { color: var(--muted); }
.matrix td.cell.picked { outline: 3px solid var(--focus); outline-offset: -3px; }
.matrix tr.contested th { color: var(--contested-line); }
.matrix .first { min-width: 20rem; }
.detail { display: none; margin: 1rem 0; padding: .8rem 1rem; border: 1px solid var(--rule);
  border-left: 5px solid var(--focus); border-radius: 6px; }
.detail:target, .detail.shown { display: block; }
#details:has(.detail:target) #no-cell, #details:has(.detail.shown) #no-cell { display: none; }
blockquote { margin: .3rem 0; padding: .4rem .7rem; background: var(--quote);
  border-radius: 4px; }
.tag { font: 600 .8rem ui-monospace, Menlo, Consolas, monospace; margin-right: .3rem; }
.conflict { border: 1px solid var(--rule); border-left: 5px solid var(--contested-line);
  border-radius: 6px; padding: .8rem 1rem; margin: 0 0 .9rem; }
.conflict .marker { color: var(--contested-line); }
.disagreement + .disagreement { margin-top: .8rem; }
.disagreement .note { margin: .2rem 0; font-weight: 600; }
.reasons { margin: .4rem 0 0; padding-left: 1.2rem; }
mark { background: var(--mark); color: inherit; padding: 0 .15em; border-radius: 2px; }
details summary { cursor: pointer; margin: .4rem 0; }
.tabs { display: flex; flex-wrap: wrap; gap: .3rem; margin-bottom: .6rem; }
.tabs input { position: absolute; opacity: 0; }
.tabs label { cursor: pointer; padding: .2rem .8rem; border: 1px solid var(--rule);
  border-radius: 4px; font-weight: 600; }
.tabs input:checked + label { background: var(--focus); color: var(--paper); }
.tabs input:focus-visible + label { outline: 2px solid var(--focus); outline-offset: 2px; }
.article { display: none; max-width: 60rem; }
.article p { margin: 0 0 .7rem; }
.st { border-radius: 3px; padding: .05em .1em; scroll-margin-top: 2.5rem; }
.st .label { font: 600 .75em ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
.st.shared { border-bottom: 2px solid var(--shared-line); }
.st.contested { background: var(--contested); border-bottom: 2px solid var(--contested-line); }
.st.only { background: var(--only); border-bottom: 2px dotted var(--only-line); }
.st.boilerplate { color: var(--boilerplate); font-style: italic; }
.st.picked, .st:target { outline: 3px solid var(--focus); }
"#;

/// Marks the cell chosen (by a click or the page's address: `#cell-2-B`) and the statements its
/// detail quotes in the articles, and opens the tab of the cell's source. The detail
/// itself is shown by the style too, without the script.
const SCRIPT: &str = r##"
document.documentElement.classList.add("js");
function tab(name) {
  var radio = document.getElementById("tab-" + name);
  if (radio) { radio.checked = true; radio.setAttribute("checked", ""); }
}
function showCell() {
  var id = decodeURIComponent(location.hash.slice(1));
  document.querySelectorAll(".shown, .picked").forEach(function (e) {
    e.classList.remove("shown"); e.classList.remove("picked");
  });
  document.querySelectorAll(".tabs input").forEach(function (e) { e.removeAttribute("checked"); });
  var detail = document.getElementById(id);
  if (!detail) { return; }
  if (detail.classList.contains("detail")) {
    detail.classList.add("shown");
    var link = document.querySelector('a[href="#' + id + '"]');
    if (link) { link.parentElement.classList.add("picked"); }
    detail.querySelectorAll("blockquote[data-statement]").forEach(function (q) {
      var st = document.getElementById(q.getAttribute("data-statement"));
      if (st) { st.classList.add("picked"); }
    });
    tab(id.split("-").pop());
  } else if (detail.classList.contains("st")) {
    tab(detail.getAttribute("data-source"));
  }
}
window.addEventListener("hashchange", showCell);
showCell();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_has_its_rule() {
        // The style shows the article whose tab is checked; the rules are written per source,
        // so the page must carry them: see `tab_rules`.
        assert_eq!(
            tab_rules(&["A".into(), "B".into()])
                .matches(":checked)")
                .count(),
            2
        );
    }
}
