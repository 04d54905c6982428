//! Whether standard input and output were open when the process started.
//!
//! A program started with a standard stream closed (`crosscheck a b >&-`, `<&-`) must not
//! mistake it for an empty input or a report that went somewhere. Asking the file descriptor
//! from `main` is too late: before `main` runs, Rust's runtime opens `/dev/null` on each of
//! descriptors 0, 1 and 2 that is closed (so that a file opened later cannot take its number),
//! and then reading gives nothing and writing succeeds. So the binary calls
//! [`record_closed_streams`] before the runtime starts (from the `.init_array` section, see
//! `src/main.rs`) and the checks below consult what it found. Without that record (the library
//! in another program) they ask the descriptor as it is now.

use std::sync::atomic::{AtomicU8, Ordering};

/// Bit set for descriptor `fd` when it was closed at start (1 << fd); 0 when nothing was recorded.
static CLOSED_AT_START: AtomicU8 = AtomicU8::new(0);

const STDIN: i32 = 0;
const STDOUT: i32 = 1;

/// Records which of standard input and output are closed. Meant to run before Rust's runtime
/// starts, as the binary arranges; it only asks the descriptors, so it is safe to run that early.
pub extern "C" fn record_closed_streams() {
    let mut closed = 0;
    for fd in [STDIN, STDOUT] {
        if is_closed_now(fd) {
            closed |= 1 << fd;
        }
    }
    CLOSED_AT_START.store(closed, Ordering::Relaxed);
}

/// Whether standard input is closed, so that `-` has nothing to read from.
pub fn stdin_is_closed() -> bool {
    was_closed(STDIN)
}

/// Whether standard output is closed, so that a report written there would be lost.
pub fn stdout_is_closed() -> bool {
    was_closed(STDOUT)
}

fn was_closed(fd: i32) -> bool {
    CLOSED_AT_START.load(Ordering::Relaxed) & (1 << fd) != 0 || is_closed_now(fd)
}

#[cfg(unix)]
fn is_closed_now(fd: i32) -> bool {
    // SAFETY: F_GETFD only reads the descriptor's flags; on a closed descriptor it fails.
    unsafe { libc::fcntl(fd, libc::F_GETFD) == -1 }
}

/// Elsewhere the runtime gives no way to tell; a closed stream shows when it is used.
#[cfg(not(unix))]
fn is_closed_now(_fd: i32) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_process_has_its_standard_streams() {
        // The test harness runs under the runtime, which reopened any closed stream on
        // /dev/null: nothing is closed now.
        assert!(!is_closed_now(STDIN));
        assert!(!is_closed_now(STDOUT));
    }

    #[cfg(unix)]
    #[test]
    fn a_descriptor_that_is_not_open_counts_as_closed() {
        // Far above anything the harness opens.
        assert!(is_closed_now(4000));
    }
}
