//! Errors a user can act on. Every message names the input it is about.

/// What can go wrong while reading or comparing documents, or writing the report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The cause is the error's source, which `{:#}` (anyhow) prints after the message.
    #[error("{name}: cannot read")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: is a directory, not a text file")]
    IsDirectory { name: String },
    #[error("{name}: looks like a binary file (NUL byte at offset {offset}); crosscheck compares text files")]
    Binary { name: String, offset: usize },
    /// Found from its byte order mark, or from NUL bytes at every other offset.
    #[error("{name}: looks like UTF-16 ({endianness}); crosscheck reads UTF-8: convert it, e.g. with `iconv -f UTF-16 -t UTF-8 {name} > {name}.utf8.txt`")]
    Utf16 {
        name: String,
        endianness: &'static str,
    },
    #[error("{name}: is not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8, e.g. with iconv, or pass --lossy to read bad bytes as U+FFFD")]
    InvalidUtf8 { name: String, offset: usize },
    /// `size` is the file's size, or for a stream (stdin, a pipe) the bytes read before giving
    /// up: one more than `limit`.
    #[error("{name}: is {}the limit of {limit} bytes ({} MiB); compare the part of it that matters", over(*.size, *.limit), .limit >> 20)]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("both inputs are standard input ('-'); at most one side can be read from stdin")]
    StdinTwice,
    /// Three or more sources, two or more of them `-`.
    #[error(
        "standard input ('-') is given {times} times; at most one source can be read from stdin"
    )]
    StdinRepeated { times: usize },
    /// The process was started with standard input closed (`<&-`): `-` would read as empty.
    #[error("-: cannot read: standard input is closed; give a file, or pipe the input in")]
    StdinClosed,
    /// `--output` names an input (the same file, through any path): replacing it would destroy
    /// the input.
    #[error("{output}: is the input {input}; write the report to another file")]
    OutputIsInput { output: String, input: String },
    /// `name` is the output path as the user gave it, never the temporary file's.
    #[error("{name}: cannot write the report")]
    Write {
        name: String,
        #[source]
        source: std::io::Error,
    },
    /// The pager the environment names (CROSSCHECK_PAGER, PAGER, or `less`) cannot be started:
    /// a warning, the report is shown without it.
    #[error("cannot run the pager `{command}`, showing the report without it; set CROSSCHECK_PAGER to a pager, or to `cat` (or pass --no-pager) for none")]
    Pager {
        command: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write to standard output")]
    WriteStdout {
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the report's reader went away early (`crosscheck a b | head`), which is not an
    /// error: the reader has what it wanted.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Write { source, .. } | Error::WriteStdout { source } => {
                source.kind() == std::io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }
}

/// "1234 bytes, over ", or just "over " when reading a stream stopped one byte past the limit.
fn over(size: u64, limit: u64) -> String {
    if size == limit + 1 {
        "over ".to_string()
    } else {
        format!("{size} bytes, over ")
    }
}

pub type Result<T> = std::result::Result<T, Error>;
