//! The only place that knows colors. Every function returns plain text with visible markers
//! when color is off, so reports stay readable in a pipe, a log or a printout.

use colored::Colorize;

/// Resolved output styling: the CLI decides once (flag, `NO_COLOR`, TTY) and passes it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn heading(&self, text: &str) -> String {
        if self.color {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn disagree(&self, text: &str) -> String {
        if self.color {
            text.red().bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn agree(&self, text: &str) -> String {
        if self.color {
            text.green().bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn only(&self, text: &str) -> String {
        if self.color {
            text.yellow().bold().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.color {
            text.dimmed().to_string()
        } else {
            text.to_string()
        }
    }

    /// Words only the left statement has.
    pub fn removed(&self, text: &str) -> String {
        if self.color {
            text.red().strikethrough().to_string()
        } else {
            format!("[-{text}-]")
        }
    }

    /// Words only the right statement has.
    pub fn added(&self, text: &str) -> String {
        if self.color {
            text.green().underline().to_string()
        } else {
            format!("{{+{text}+}}")
        }
    }

    /// Evidence words a reason rests on.
    pub fn evidence(&self, text: &str) -> String {
        if self.color {
            text.magenta().bold().to_string()
        } else {
            format!("«{text}»")
        }
    }
}

/// Article text made safe for a terminal: control characters (ANSI escapes, carriage returns,
/// bells) are shown as visible `\x1b`-style escapes instead of being interpreted, and line breaks
/// inside a statement become spaces.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            // Bidirectional overrides and marks can reorder what the terminal shows, unseen;
            // the line and paragraph separators break a line where no line break shows.
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{2028}'
            | '\u{2029}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_markers_when_color_is_off() {
        let style = Style { color: false };
        assert_eq!(style.removed("rose"), "[-rose-]");
        assert_eq!(style.added("fell"), "{+fell+}");
    }

    #[test]
    fn control_characters_never_pass_raw() {
        assert_eq!(printable("a\u{1b}[31mred\u{7}"), "a\\x1b[31mred\\x07");
        assert_eq!(printable("two\r\nlines"), "two  lines");
    }

    #[test]
    fn invisible_direction_marks_and_separators_are_shown() {
        assert_eq!(
            printable("a\u{200e}b\u{200f}c\u{61c}d\u{2028}e\u{2029}f\u{202e}g"),
            "a\\u{200e}b\\u{200f}c\\u{61c}d\\u{2028}e\\u{2029}f\\u{202e}g"
        );
    }
}
