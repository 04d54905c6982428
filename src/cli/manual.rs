//! The shell completion scripts and the manual page, both generated from the flags' definition
//! ([`Args`]), so that they cannot fall behind it.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Args;

/// Writes the completion script of `shell` for `crosscheck`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Args::command();
    // `generate` cannot report a failed write: the script is built in memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "crosscheck", &mut script);
    out.write_all(&script)
}

/// Writes the manual page, crosscheck(1), in roff: clap's sections from the flags, then the
/// examples of `--help`, the exit status and the environment.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(Args::command());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH EXAMPLES\n.nf")?;
    for example in super::EXAMPLES
        .lines()
        .filter(|line| line.starts_with("  "))
    {
        writeln!(out, "{}", roff_text(example))?;
    }
    writeln!(out, ".fi")?;
    for (title, paragraphs) in SECTIONS {
        writeln!(out, ".SH {title}")?;
        for (term, text) in *paragraphs {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff_text(term), roff_text(text))?;
        }
    }
    man.render_version_section(out)
}

/// The manual's sections after the options: what clap does not know.
const SECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "EXIT STATUS",
        &[
            ("0", "The sources do not disagree (or a completion script or this page was printed)."),
            ("1", "The sources disagree somewhere, with at least --min-confidence; whatever --only or --summary show."),
            ("2", "An error: a flag where it does not apply, an input that cannot be read, a report that cannot be written."),
        ],
    ),
    (
        "ENVIRONMENT",
        &[
            ("CROSSCHECK_FORMAT, CROSSCHECK_COLOR, CROSSCHECK_WIDTH", "Defaults for --format, --color and --width. A flag on the command line wins; a default is left unused where its flag does not apply (pair mode, or a format it does not shape)."),
            ("CROSSCHECK_PAGER, PAGER", "The pager for a report on a terminal that is longer than the screen, CROSSCHECK_PAGER first; less -FRX when neither is set. Empty or cat: no pager. --no-pager: no pager either."),
            ("LESS", "Set to FRX for the pager when it is not set, as git does."),
            ("NO_COLOR, CLICOLOR_FORCE, CLICOLOR, TERM", "With --color auto: NO_COLOR (not empty) turns color off; else CLICOLOR_FORCE (not 0) turns it on; else a terminal is colored unless CLICOLOR=0 or TERM=dumb."),
        ],
    ),
];

/// Text as roff shows it: backslashes and hyphens escaped, and no line read as a request.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_that_knows_the_flags() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::Elvish,
            clap_complete::Shell::PowerShell,
        ] {
            let mut script = Vec::new();
            write_completions(shell, &mut script).unwrap();
            let script = String::from_utf8(script).unwrap();
            assert!(script.contains("crosscheck"), "{shell}: {script}");
            assert!(script.contains("side-by-side"), "{shell}: {script}");
        }
    }

    #[test]
    fn the_man_page_is_roff_with_every_flag() {
        let mut page = Vec::new();
        write_man_page(&mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".TH crosscheck 1"), "{page}");
        for flag in [
            "only",
            "summary",
            "no\\-pager",
            "completions",
            "CROSSCHECK_PAGER",
        ] {
            assert!(page.contains(flag), "{flag} missing from:\n{page}");
        }
    }

    #[test]
    fn roff_text_escapes_what_roff_would_read() {
        assert_eq!(roff_text("--only a-b"), "\\-\\-only a\\-b");
        assert_eq!(roff_text("C:\\x"), "C:\\ex");
        assert_eq!(roff_text(".SH no"), "\\&.SH no");
    }
}
