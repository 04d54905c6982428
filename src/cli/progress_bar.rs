//! The progress bar drawn on stderr while two long documents are compared.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::Progress;

/// Inputs shorter than this (both documents together) compare in well under a second: a bar
/// would only flicker.
pub const MIN_BYTES: u64 = 1 << 20;

/// A progress bar on stderr, one stage after another ("reading", "aligning", "judging").
pub struct TerminalProgress {
    bar: ProgressBar,
}

impl TerminalProgress {
    pub fn new() -> TerminalProgress {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{prefix:>9} [{bar:40}] {percent:>3}% {elapsed_precise}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        TerminalProgress { bar }
    }
}

impl Default for TerminalProgress {
    fn default() -> TerminalProgress {
        TerminalProgress::new()
    }
}

impl Progress for TerminalProgress {
    fn stage(&self, name: &'static str, total: u64) {
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.set_prefix(name);
    }

    fn advance(&self, units: u64) {
        self.bar.inc(units);
    }

    fn finish(&self) {
        // Leave no bar behind: the report follows on stdout.
        self.bar.finish_and_clear();
    }
}
