//! Writing a report to a regular file atomically (`--output FILE`).
//!
//! The report goes to a temporary file in the target's directory, which is renamed over the
//! target only once everything is written and synced. A reader (a browser reloading
//! `report.html`, a script watching `report.json`) never sees half a report, and a failure at
//! any point leaves the previous file untouched and no temporary file behind: the temporary
//! file deletes itself when dropped uncommitted, and [`super::cleanup`] removes it when a
//! signal ends the run. The same directory matters: a rename is atomic only within one file
//! system.

use std::fs::Metadata;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::cleanup::Registered;

/// A file that appears at its path, complete, on [`AtomicFile::commit`], or not at all.
#[derive(Debug)]
pub struct AtomicFile {
    // Dropped in this order: the file is removed before it leaves the registry, so a signal
    // never misses it.
    temp: NamedTempFile,
    registered: Registered,
    target: PathBuf,
}

impl AtomicFile {
    /// Creates the temporary file next to `target`. Fails when `target` is a directory or its
    /// directory does not exist or cannot be written. An error never names the temporary file:
    /// the user knows only the target.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        if target.is_dir() {
            return Err(io::Error::other("is a directory; give a file name"));
        }
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".crosscheck-").suffix(".tmp");
        // Temporary files are private (0600) by default; a report is an ordinary file, so it
        // gets the ordinary 0666 less the umask, as `>` in a shell would give it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let (temp, registered) = Registered::create(
            || builder.tempfile_in(directory).map_err(without_path),
            |temp| temp.path(),
        )?;
        Ok(AtomicFile {
            temp,
            registered,
            target: target.to_path_buf(),
        })
    }

    /// Gives the file the permissions, owner and group of `existing`, the file it will replace,
    /// so that replacing it changes only its contents. Owner and group are kept where allowed
    /// (root, or a group the user is in); when the owner cannot be kept, the set-user-ID and
    /// set-group-ID bits are dropped, as they would grant the new owner's rights.
    #[cfg(unix)]
    pub fn keep_owner_and_mode_of(&self, existing: &Metadata) -> io::Result<()> {
        use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
        let file = self.temp.as_file();
        let not_allowed = |result: io::Result<()>| match result {
            Err(err) if err.kind() == io::ErrorKind::PermissionDenied => Ok(false),
            other => other.map(|()| true),
        };
        let mut mode = existing.mode() & 0o7777;
        if !not_allowed(fchown(file, Some(existing.uid()), Some(existing.gid())))? {
            mode &= !0o6000;
            not_allowed(fchown(file, None, Some(existing.gid())))?;
        }
        file.set_permissions(std::fs::Permissions::from_mode(mode))
    }

    /// Elsewhere only the read-only flag is kept.
    #[cfg(not(unix))]
    pub fn keep_owner_and_mode_of(&self, existing: &Metadata) -> io::Result<()> {
        self.temp.as_file().set_permissions(existing.permissions())
    }

    /// Syncs the written bytes to disk and renames the file over the target, replacing any file
    /// there. On error the temporary file is removed.
    pub fn commit(mut self) -> io::Result<()> {
        self.temp.flush()?;
        self.temp.as_file().sync_all()?;
        let AtomicFile {
            temp,
            registered,
            target,
        } = self;
        registered.rename(|| temp.persist(&target).map(drop).map_err(|err| err.error))
    }
}

/// The error without the temporary file's path that `tempfile` appends to its message
/// (`... at path "/dir/.crosscheck-XXXXXX.tmp"`): the message names the user's path instead.
/// The cause it wraps is not reachable as a source, so the message is cut.
fn without_path(err: io::Error) -> io::Error {
    let message = err.to_string();
    match message.rsplit_once(" at path ") {
        Some((cause, _temporary_path)) => io::Error::new(err.kind(), cause.to_string()),
        None => err,
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// Writes `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"half").unwrap();
        assert!(!target.exists());
        file.write_all(b" and half").unwrap();
        file.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"half and half");
        assert_eq!(names_in(dir.path()), ["report.txt"]);
    }

    #[test]
    fn an_uncommitted_file_leaves_nothing_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        std::fs::write(&target, "previous").unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"partial").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&target).unwrap(), b"previous");
        assert_eq!(names_in(dir.path()), ["report.txt"]);
    }

    #[test]
    fn a_directory_is_not_a_target() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), b"report").unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn an_error_names_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing").join("report.txt");
        let err = AtomicFile::create(&missing).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(!err.to_string().contains(".crosscheck-"), "{err}");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
        if let Err(err) = AtomicFile::create(&dir.path().join("report.txt")) {
            assert!(!err.to_string().contains(".crosscheck-"), "{err}");
        }
    }

    #[test]
    fn the_temporary_file_is_registered_until_committed_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        let file = AtomicFile::create(&target).unwrap();
        let temp = file.temp.path().to_path_buf();
        assert!(super::super::cleanup::is_registered(&temp));
        file.commit().unwrap();
        assert!(!super::super::cleanup::is_registered(&temp));
        let file = AtomicFile::create(&target).unwrap();
        let temp = file.temp.path().to_path_buf();
        drop(file);
        assert!(!super::super::cleanup::is_registered(&temp));
        assert!(!temp.exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_replacement_keeps_the_mode_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        std::fs::write(&target, "previous").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        let existing = std::fs::metadata(&target).unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.keep_owner_and_mode_of(&existing).unwrap();
        file.write_all(b"new").unwrap();
        file.commit().unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o640);
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.html");
        write_atomically(&target, b"<p>").unwrap();
        let plain = dir.path().join("plain.html");
        std::fs::write(&plain, b"<p>").unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode(&target), mode(&plain));
    }
}
