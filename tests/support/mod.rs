//! Running the binary as an unprivileged user, wherever the checkout is.
//!
//! Root reads and writes past file permissions, so a test of "Permission denied" runs the binary
//! as `nobody` when it runs as root. `nobody` must then reach the binary and the test's files:
//! a checkout under `/root`, or in a `mktemp -d` directory, is closed to it. A [`Sandbox`] is a
//! fresh directory that every user can enter, holding a copy of the binary that every user can
//! run; the test writes its files there.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The user and group the binary runs as when the tests are privileged.
const NOBODY: u32 = 65534;

/// Where a sandbox may go: the temporary directory first, then the usual world-writable ones, for
/// when `TMPDIR` points into a private directory.
const BASES: [&str; 3] = ["/tmp", "/var/tmp", "/dev/shm"];

/// A directory every user can enter (mode 0755), with the binary copied into `bin/`.
pub struct Sandbox {
    dir: TempDir,
    bin: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let base = std::iter::once(std::env::temp_dir())
            .chain(BASES.iter().map(PathBuf::from))
            .find(|base| every_user_can_enter(base))
            .unwrap_or_else(|| {
                panic!(
                    "no temporary directory every user can enter (tried $TMPDIR and {BASES:?}); \
                     the tests that run the binary as nobody need one"
                )
            });
        let dir = TempDir::new_in(&base).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let bin_dir = dir.path().join("bin");
        fs::create_dir(&bin_dir).unwrap();
        fs::set_permissions(&bin_dir, fs::Permissions::from_mode(0o755)).unwrap();
        let bin = bin_dir.join("crosscheck");
        // `cp` writes the copy, not this process: a file this process held open for writing
        // would be inherited by the children other tests fork meanwhile, and running it could
        // then fail with "Text file busy".
        let copied = Command::new("cp")
            .arg(env!("CARGO_BIN_EXE_crosscheck"))
            .arg(&bin)
            .status()
            .unwrap();
        assert!(copied.success(), "cp of the binary into {}", bin.display());
        fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
        Sandbox { dir, bin }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary, run in the sandbox without color variables; as `nobody` when `privileged`
    /// (when file permissions would not stop this process).
    pub fn crosscheck(&self, privileged: bool) -> assert_cmd::Command {
        let mut cmd = Command::new(&self.bin);
        cmd.current_dir(self.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        if privileged {
            cmd.uid(NOBODY).gid(NOBODY);
        }
        assert_cmd::Command::from_std(cmd)
    }
}

/// Whether every directory from the root to `path` lets others search it (the `x` bit).
fn every_user_can_enter(path: &Path) -> bool {
    path.is_absolute()
        && path.ancestors().all(|dir| {
            fs::metadata(dir)
                .map(|meta| meta.is_dir() && meta.mode() & 0o001 != 0)
                .unwrap_or(false)
        })
}
