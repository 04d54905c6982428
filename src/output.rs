//! Writing a report to a file atomically (`--output FILE`).
//!
//! The report goes to a temporary file in the target's directory, which is renamed over the
//! target only once everything is written and synced. A reader (a browser reloading
//! `report.html`, a script watching `report.json`) never sees half a report, and a failure at
//! any point leaves the previous file untouched and no temporary file behind: the temporary
//! file deletes itself when dropped uncommitted. The same directory matters: a rename is atomic
//! only within one file system.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// A file that appears at its path, complete, on [`AtomicFile::commit`], or not at all.
#[derive(Debug)]
pub struct AtomicFile {
    temp: NamedTempFile,
    target: PathBuf,
}

impl AtomicFile {
    /// Creates the temporary file next to `target`. Fails when `target` is a directory or its
    /// directory does not exist or cannot be written.
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
        Ok(AtomicFile {
            temp: builder.tempfile_in(directory)?,
            target: target.to_path_buf(),
        })
    }

    /// Syncs the written bytes to disk and renames the file over the target, replacing any file
    /// there. On error the temporary file is removed.
    pub fn commit(mut self) -> io::Result<()> {
        self.temp.flush()?;
        self.temp.as_file().sync_all()?;
        self.temp
            .persist(&self.target)
            .map(drop)
            .map_err(|err| err.error)
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
