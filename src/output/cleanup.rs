//! Removing temporary files when the run is interrupted (SIGINT, SIGTERM, SIGHUP).
//!
//! A temporary file deletes itself when the run fails or ends before committing it, but a
//! signal ends the process without running destructors, which would leave a hidden
//! `.crosscheck-XXXXXX.tmp` next to the report. So every temporary file is entered in a
//! registry while it exists, and [`remove_temporary_files_on_signals`] starts a thread that, on
//! the first of these signals, removes the files in the registry and then ends the process as
//! the signal would have (so the shell sees "terminated by SIGINT"). The signal handler itself
//! is signal-hook's: it only wakes that thread, which may then take locks and call `unlink`.
//!
//! The registry is locked while a file is created and registered, and while it is renamed over
//! the target and unregistered, so a signal never falls between the two halves of either.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The paths of the temporary files that exist now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding the lock leaves the list intact: it is only pushed to
    // and filtered.
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Installs the handler of SIGINT, SIGTERM and SIGHUP that removes the temporary files and ends
/// the process. Call it once, before any temporary file is made; later calls do nothing.
#[cfg(unix)]
pub fn remove_temporary_files_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use std::sync::atomic::{AtomicBool, Ordering};

    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    // A signal ignored from the start stays ignored: `nohup` ignores SIGHUP, and a shell
    // ignores SIGINT in its background jobs, so that the run outlives the terminal or Ctrl-C.
    let watched: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&signal| !is_ignored(signal))
        .collect();
    let mut signals = signal_hook::iterator::Signals::new(watched)?;
    std::thread::Builder::new()
        .name("signal cleanup".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_and_die(signal);
            }
        })?;
    Ok(())
}

/// Whether `signal`'s disposition is "ignore", as inherited from the parent.
#[cfg(unix)]
fn is_ignored(signal: i32) -> bool {
    // SAFETY: a null new action only reads the current one into `current`, which is plain data.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
    }
}

/// Elsewhere an interrupted run may leave its temporary file behind.
#[cfg(not(unix))]
pub fn remove_temporary_files_on_signals() -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn remove_and_die(signal: i32) -> ! {
    // Held until the end: no file is created or committed any more.
    let live = live();
    for path in live.iter() {
        let _ = std::fs::remove_file(path);
    }
    // Dies by the signal itself, its default action restored; exits as a shell would report
    // it only if that failed.
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// A temporary file's entry in the registry, removed when this is dropped.
#[derive(Debug)]
pub(crate) struct Registered {
    /// `None` once the file became the output and is no longer temporary.
    path: Option<PathBuf>,
}

impl Registered {
    /// Runs `create`, which makes a temporary file, and registers the path `path_of` gives it,
    /// all with the registry locked.
    pub(crate) fn create<T>(
        create: impl FnOnce() -> io::Result<T>,
        path_of: impl FnOnce(&T) -> &Path,
    ) -> io::Result<(T, Registered)> {
        let mut live = live();
        let file = create()?;
        let path = path_of(&file).to_path_buf();
        live.push(path.clone());
        Ok((file, Registered { path: Some(path) }))
    }

    /// Runs `rename`, which moves the file to its final name, then unregisters it, all with the
    /// registry locked. Whether or not the rename succeeds, the temporary path is not ours any
    /// more: a failed rename removes the file.
    pub(crate) fn rename<R>(mut self, rename: impl FnOnce() -> R) -> R {
        let mut live = live();
        let result = rename();
        if let Some(path) = self.path.take() {
            live.retain(|live| *live != path);
        }
        result
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            live().retain(|live| *live != path);
        }
    }
}

#[cfg(test)]
pub(crate) fn is_registered(path: &Path) -> bool {
    live().iter().any(|live| live == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_registered_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("one.tmp");
        let (file, registered) =
            Registered::create(|| Ok(path.clone()), |path| path.as_path()).unwrap();
        assert!(is_registered(&file));
        drop(registered);
        assert!(!is_registered(&file));
    }

    #[test]
    fn a_renamed_file_is_no_longer_registered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.tmp");
        let (file, registered) =
            Registered::create(|| Ok(path.clone()), |path| path.as_path()).unwrap();
        assert_eq!(registered.rename(|| 7), 7);
        assert!(!is_registered(&file));
    }

    #[test]
    fn a_failed_creation_registers_nothing() {
        let result = Registered::create(
            || Err::<PathBuf, _>(io::Error::other("no")),
            |path| path.as_path(),
        );
        assert!(result.is_err());
    }
}
