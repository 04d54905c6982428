//! Showing a long report through a pager, as git does: only a report on a terminal (the CLI
//! decides, see `cli::Args::resolve`), and only once it is longer than the screen.
//!
//! [`Paged`] holds the report back until it fills the screen. A shorter report then goes to the
//! terminal as it is, so no pager flashes up for a few lines, whatever the pager's own options
//! say. A longer one starts the pager with what was held back, and the rest follows through the
//! pager's standard input. A reader who quits the pager early closes that pipe: rendering stops
//! with a broken pipe, which the binary does not report, as for `crosscheck a b | head`.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::Destination;
use crate::error::{Error, Result};

/// The pager to show a long report through, as the CLI resolved it from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagerSettings {
    /// The command line as the user set it (`less -FRX`): run by the shell when it holds
    /// anything only a shell reads (quotes, `$`, a pipe, a redirection), else split at spaces
    /// and run directly, so that a missing program is found out and the report still shown.
    pub command: String,
    /// The terminal's height: a report of this many lines or more is paged.
    pub screen_rows: usize,
    /// Set `LESS=FRX` for the pager, as git does, because the user set no LESS of their own: a
    /// plain `less` then passes colors through and quits by itself on a short report too.
    pub less_defaults: bool,
}

/// A report's way to standard output, through a pager when it turns out long enough; or
/// straight into its destination when there is no pager to use.
#[derive(Debug)]
pub struct Paged {
    destination: Destination,
    pager: Option<PagerSettings>,
    state: State,
    /// Why the pager could not be started, for the user to hear once the report is shown.
    warning: Option<Error>,
}

#[derive(Debug)]
enum State {
    /// The report's start, held back until it fills the screen.
    Holding { held: Vec<u8>, lines: usize },
    /// The pager runs and reads the report.
    Paging { child: Child, stdin: ChildStdin },
    /// The report goes straight into the destination.
    Direct,
}

impl Paged {
    /// Writes into `destination` (standard output), through `pager` when there is one.
    pub fn new(destination: Destination, pager: Option<PagerSettings>) -> Paged {
        let state = match pager {
            Some(_) => State::Holding {
                held: Vec::new(),
                lines: 0,
            },
            None => State::Direct,
        };
        Paged {
            destination,
            pager,
            state,
            warning: None,
        }
    }

    /// Why the pager named by the environment could not be started, once that happened: the
    /// report was then written to the terminal without it.
    pub fn take_warning(&mut self) -> Option<Error> {
        self.warning.take()
    }

    /// Ends the report: a held one goes to the terminal whole, a paged one is waited for until
    /// the reader quits the pager. `written` is how rendering went; a write that failed (a
    /// broken pipe when the reader quit early) is the error returned.
    pub fn finish(self, written: io::Result<()>) -> Result<()> {
        let Paged {
            mut destination,
            state,
            ..
        } = self;
        match state {
            State::Direct => destination.finish(written),
            State::Holding { held, .. } => {
                let written = written.and_then(|()| destination.write_all(&held));
                destination.finish(written)
            }
            State::Paging { mut child, stdin } => {
                // The end of the report: the pager sees end of file, and the reader quits it.
                drop(stdin);
                let waited = child.wait();
                written
                    .and(waited.map(drop))
                    .map_err(|source| destination.write_error(source))
            }
        }
    }

    /// Starts the pager with the report held so far; when it cannot be started, writes that to
    /// the destination and goes on without one.
    fn start_pager(&mut self, held: Vec<u8>) -> io::Result<()> {
        let Some(settings) = &self.pager else {
            return self.destination.write_all(&held);
        };
        let mut command = pager_command(&settings.command);
        if settings.less_defaults {
            command.env("LESS", "FRX");
        }
        match command.stdin(Stdio::piped()).spawn() {
            Ok(mut child) => {
                let mut stdin = child.stdin.take().expect("the pager's stdin is piped");
                ignore_interrupts_while_paging();
                let written = stdin.write_all(&held);
                self.state = State::Paging { child, stdin };
                written
            }
            Err(source) => {
                self.warning = Some(Error::Pager {
                    command: settings.command.clone(),
                    source,
                });
                self.state = State::Direct;
                self.destination.write_all(&held)
            }
        }
    }
}

impl Write for Paged {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let screen_rows = self.pager.as_ref().map_or(0, |pager| pager.screen_rows);
        match &mut self.state {
            State::Direct => self.destination.write(buf),
            State::Paging { stdin, .. } => stdin.write(buf),
            State::Holding { held, lines } => {
                held.extend_from_slice(buf);
                *lines += memchr::memchr_iter(b'\n', buf).count();
                // As many lines as rows: the first would scroll away under the shell's prompt.
                if *lines >= screen_rows {
                    let held = std::mem::take(held);
                    self.start_pager(held)?;
                }
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Direct => self.destination.flush(),
            State::Paging { stdin, .. } => stdin.flush(),
            State::Holding { .. } => Ok(()),
        }
    }
}

/// Characters only a shell reads in a command line, as git lists them: a pager command holding
/// one is run by `sh -c`.
const SHELL_SYNTAX: &[char] = &[
    '|', '&', ';', '<', '>', '(', ')', '$', '`', '\\', '"', '\'', '*', '?', '[', '#', '~', '=', '%',
];

/// The process that runs the pager command `line` (not empty), its output on the terminal.
fn pager_command(line: &str) -> Command {
    if cfg!(unix) && line.contains(SHELL_SYNTAX) {
        let mut command = Command::new("sh");
        command.arg("-c").arg(line);
        return command;
    }
    let mut words = line.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or(line));
    command.args(words);
    command
}

/// Ctrl-C in the pager reaches crosscheck too (they share the terminal's process group). Dying
/// of it would hand the terminal back to the shell while the pager still reads it; the pager
/// decides what Ctrl-C does, and crosscheck ends when the pager does. A handler, unlike an
/// ignored signal, is not inherited by programs started later.
#[cfg(unix)]
fn ignore_interrupts_while_paging() {
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Without the handler Ctrl-C ends crosscheck as before: nothing worse.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted);
}

#[cfg(not(unix))]
fn ignore_interrupts_while_paging() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_command_runs_directly_and_shell_syntax_through_the_shell() {
        let plain = pager_command("less -FRX");
        assert_eq!(plain.get_program(), "less");
        assert_eq!(plain.get_args().collect::<Vec<_>>(), ["-FRX"]);
        let piped = pager_command("cat > /tmp/report.txt");
        if cfg!(unix) {
            assert_eq!(piped.get_program(), "sh");
            assert_eq!(
                piped.get_args().collect::<Vec<_>>(),
                ["-c", "cat > /tmp/report.txt"]
            );
        }
    }
}
