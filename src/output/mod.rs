//! Where the report goes: standard output, or the `--output` path, written so that no byte is
//! lost and nothing else is.
//!
//! [`Destination::open`] looks at what the path is once and picks how to write it, as `sort -o`,
//! `sed -i` and `install` between them do:
//!
//! - `-`, or no path: standard output, refused when it is closed (a report written there would
//!   vanish); so is a path that is the file standard output already writes (`/dev/stdout`).
//! - a character device, FIFO or socket (`/dev/null`, a named pipe a reader waits on): opened
//!   and written directly. Replacing it with a regular file would break it for everyone else.
//! - a symbolic link: followed, so the file it points to is written and the link stays a link.
//! - a regular file with one name, or no file yet: replaced atomically ([`AtomicFile`]), with the
//!   old file's permissions, owner and group.
//! - a regular file with more than one name (hard links): the report is staged in an unnamed
//!   temporary file, then copied into the file itself, so every name shows it. The same when
//!   the directory cannot take a temporary file but the file itself can be written.
//!
//! A regular file that is one of the inputs is refused before anything is read or written.

mod atomic;
mod cleanup;
pub mod pager;

use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

pub use atomic::{write_atomically, AtomicFile};
pub use cleanup::remove_temporary_files_on_signals;

use crate::error::{Error, Result};

/// An open report destination: [`Write`] the report into it, then [`Destination::commit`].
/// Dropped uncommitted, a file destination is left as it was, with no temporary file behind.
#[derive(Debug)]
pub struct Destination {
    sink: BufWriter<Sink>,
    /// The path as the user gave it, for messages; `None` for standard output.
    name: Option<PathBuf>,
}

/// How a destination is written.
#[derive(Debug)]
enum Sink {
    Stdout(io::StdoutLock<'static>),
    /// A character device, FIFO or other special file.
    Direct(File),
    #[cfg(unix)]
    Socket(std::os::unix::net::UnixStream),
    Replace(AtomicFile),
    /// The report goes to `staged`, then into `target` on commit.
    InPlace {
        target: File,
        staged: File,
    },
}

impl Destination {
    /// Opens the destination of the report: `path`, or standard output when it is `None` or `-`.
    /// `inputs` are the paths the run reads (`-` for standard input); a path that is the same
    /// file as one of them is refused with [`Error::OutputIsInput`].
    pub fn open(path: Option<&Path>, inputs: &[&Path]) -> Result<Destination> {
        let Some(path) = path.filter(|path| path.as_os_str() != "-") else {
            return Destination::stdout();
        };
        let failed = |source| Error::Write {
            name: path.display().to_string(),
            source,
        };
        let existing = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(failed(err)),
        };
        let sink = match existing {
            None => Sink::Replace(
                AtomicFile::create(&follow_links(path).map_err(failed)?).map_err(failed)?,
            ),
            Some(meta) if meta.is_dir() => {
                return Err(failed(io::Error::other("is a directory; give a file name")))
            }
            Some(meta) if !meta.is_file() => open_special(path, &meta).map_err(failed)?,
            Some(meta) => {
                if let Some(input) = inputs.iter().find(|input| is_same_file(input, &meta)) {
                    return Err(Error::OutputIsInput {
                        output: path.display().to_string(),
                        input: input.display().to_string(),
                    });
                }
                if file_id::is_standard_output(&meta) {
                    return Destination::stdout();
                }
                open_regular(path, &meta).map_err(failed)?
            }
        };
        Ok(Destination {
            sink: BufWriter::new(sink),
            name: Some(path.to_path_buf()),
        })
    }

    fn stdout() -> Result<Destination> {
        if crate::stdio::stdout_is_closed() {
            return Err(Error::WriteStdout {
                source: closed_descriptor(),
            });
        }
        Ok(Destination {
            sink: BufWriter::new(Sink::Stdout(io::stdout().lock())),
            name: None,
        })
    }

    /// Writes out what is buffered and makes the report the destination's: a replaced file
    /// takes its place, a staged one is copied in.
    pub fn commit(self) -> Result<()> {
        let Destination { sink, name } = self;
        sink.into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(Sink::commit)
            .map_err(|source| error_of(name.as_deref(), source))
    }

    /// Commits when writing the report succeeded (`written`), or else gives up, leaving a file
    /// destination as it was; either way an error names the destination.
    pub fn finish(self, written: io::Result<()>) -> Result<()> {
        match written {
            Ok(()) => self.commit(),
            Err(source) => Err(error_of(self.name.as_deref(), source)),
        }
    }
}

impl Destination {
    /// The error of a failed write to this destination, naming it as the user gave it; for a
    /// writer that reports its failures itself (pair mode) rather than through
    /// [`Destination::finish`].
    pub fn write_error(&self, source: io::Error) -> Error {
        error_of(self.name.as_deref(), source)
    }
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.sink.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.sink.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Direct(file) | Sink::InPlace { staged: file, .. } => file.write(buf),
            #[cfg(unix)]
            Sink::Socket(socket) => socket.write(buf),
            Sink::Replace(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Direct(file) | Sink::InPlace { staged: file, .. } => file.flush(),
            #[cfg(unix)]
            Sink::Socket(socket) => socket.flush(),
            Sink::Replace(file) => file.flush(),
        }
    }
}

impl Sink {
    fn commit(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::Direct(mut file) => file.flush(),
            #[cfg(unix)]
            Sink::Socket(mut socket) => socket.flush(),
            Sink::Replace(file) => file.commit(),
            Sink::InPlace {
                mut target,
                mut staged,
            } => {
                staged.rewind()?;
                target.set_len(0)?;
                io::copy(&mut staged, &mut target)?;
                target.sync_all()
            }
        }
    }
}

fn error_of(name: Option<&Path>, source: io::Error) -> Error {
    match name {
        Some(path) => Error::Write {
            name: path.display().to_string(),
            source,
        },
        None => Error::WriteStdout { source },
    }
}

#[cfg(unix)]
fn closed_descriptor() -> io::Error {
    io::Error::from_raw_os_error(libc::EBADF)
}

#[cfg(not(unix))]
fn closed_descriptor() -> io::Error {
    io::Error::other("closed")
}

/// Opens a file that is not regular for writing as it is: a device, a FIFO (which waits for its
/// reader, as `>` in a shell does), or a socket (connected to).
fn open_special(path: &Path, meta: &Metadata) -> io::Result<Sink> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_socket() {
            return std::os::unix::net::UnixStream::connect(path).map(Sink::Socket);
        }
    }
    let _ = meta;
    fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map(Sink::Direct)
}

/// Opens an existing regular file (`meta` is its metadata, links followed) for replacing, or
/// for writing in place when other names share it or its directory takes no new file.
fn open_regular(path: &Path, meta: &Metadata) -> io::Result<Sink> {
    let target = follow_links(path)?;
    if file_id::link_count(meta) > 1 {
        return open_in_place(&target);
    }
    match AtomicFile::create(&target) {
        Ok(file) => {
            file.keep_owner_and_mode_of(meta)?;
            Ok(Sink::Replace(file))
        }
        Err(err) if err.kind() == io::ErrorKind::PermissionDenied => open_in_place(&target),
        Err(err) => Err(err),
    }
}

/// Opens `target` for writing without truncating it (that waits for the commit), and an unnamed
/// temporary file to stage the report in: in the target's directory when it can take one, else
/// in the system's temporary directory. Unnamed, it vanishes with the process, signal or not.
fn open_in_place(target: &Path) -> io::Result<Sink> {
    let target_file = fs::OpenOptions::new().write(true).open(target)?;
    let staged = match target.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        Some(dir) => tempfile::tempfile_in(dir).or_else(|_| tempfile::tempfile()),
        None => tempfile::tempfile_in(".").or_else(|_| tempfile::tempfile()),
    }?;
    Ok(Sink::InPlace {
        target: target_file,
        staged,
    })
}

/// Follows `path` through symbolic links to the path of the file itself, which may not exist yet
/// (a dangling link is where a shell's `>` would create the file). Relative link targets are
/// taken from the link's directory.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    /// As Linux's limit: a loop of links fails rather than spins.
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether the input `input` (`-` for standard input) is the regular file `output` describes.
fn is_same_file(input: &Path, output: &Metadata) -> bool {
    let input = if input.as_os_str() == "-" {
        file_id::standard_input()
    } else {
        fs::metadata(input).ok()
    };
    input.is_some_and(|input| file_id::same(&input, output))
}

/// Telling files apart by identity (device and inode), not by name.
#[cfg(unix)]
mod file_id {
    use std::fs::{File, Metadata};
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;

    pub fn same(a: &Metadata, b: &Metadata) -> bool {
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }

    pub fn link_count(meta: &Metadata) -> u64 {
        meta.nlink()
    }

    fn metadata_of(fd: std::os::fd::BorrowedFd<'_>) -> Option<Metadata> {
        let file = File::from(fd.try_clone_to_owned().ok()?);
        file.metadata().ok()
    }

    pub fn standard_input() -> Option<Metadata> {
        metadata_of(std::io::stdin().as_fd())
    }

    /// Whether `meta` is the file standard output writes to (`-o /dev/stdout > out.txt`).
    pub fn is_standard_output(meta: &Metadata) -> bool {
        metadata_of(std::io::stdout().as_fd()).is_some_and(|stdout| same(&stdout, meta))
    }
}

#[cfg(not(unix))]
mod file_id {
    use std::fs::Metadata;

    pub fn same(_: &Metadata, _: &Metadata) -> bool {
        false
    }

    pub fn link_count(_: &Metadata) -> u64 {
        1
    }

    pub fn standard_input() -> Option<Metadata> {
        None
    }

    pub fn is_standard_output(_: &Metadata) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn write_report(path: &Path, inputs: &[&Path], report: &[u8]) -> Result<()> {
        let mut destination = Destination::open(Some(path), inputs)?;
        let written = destination.write_all(report);
        destination.finish(written)
    }

    #[test]
    fn a_new_file_is_created_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        write_report(&target, &[], b"report").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"report");
        assert_eq!(names_in(dir.path()), ["report.txt"]);
    }

    #[test]
    fn an_input_is_refused_as_the_output_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("left.txt");
        fs::write(&input, "article").unwrap();
        let other = dir.path().join("right.txt");
        fs::write(&other, "other").unwrap();
        let err = write_report(&input, &[&other, &input], b"report").unwrap_err();
        assert!(matches!(err, Error::OutputIsInput { .. }), "{err}");
        assert_eq!(fs::read(&input).unwrap(), b"article");
        assert_eq!(names_in(dir.path()), ["left.txt", "right.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_link_and_its_target_gets_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.txt");
        fs::write(&target, "previous").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_report(&link, &[], b"report").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"report");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_gets_its_target_created() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("new.txt", &link).unwrap();
        write_report(&link, &[], b"report").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(dir.path().join("new.txt")).unwrap(), b"report");
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("loop.txt");
        std::os::unix::fs::symlink("loop.txt", &link).unwrap();
        assert!(write_report(&link, &[], b"report").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_keep_sharing_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.txt");
        fs::write(&first, "a previous report that is longer").unwrap();
        let second = dir.path().join("second.txt");
        fs::hard_link(&first, &second).unwrap();
        write_report(&first, &[], b"report").unwrap();
        assert_eq!(fs::read(&second).unwrap(), b"report");
        assert_eq!(names_in(dir.path()), ["first.txt", "second.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_report_leaves_hard_linked_files_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.txt");
        fs::write(&first, "previous").unwrap();
        fs::hard_link(&first, dir.path().join("second.txt")).unwrap();
        let mut destination = Destination::open(Some(&first), &[]).unwrap();
        destination.write_all(b"partial").unwrap();
        let err = destination.finish(Err(io::Error::other("render failed")));
        assert!(err.is_err());
        assert_eq!(fs::read(&first).unwrap(), b"previous");
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_report(dir.path(), &[], b"report").unwrap_err();
        assert!(err.to_string().contains("cannot write"), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn errors_name_the_users_path() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing").join("report.txt");
        let err = write_report(&target, &[], b"report").unwrap_err();
        let message = format!("{:#}", anyhow::Error::from(err));
        assert!(message.contains("report.txt"), "{message}");
        assert!(!message.contains(".crosscheck-"), "{message}");
    }
}
