//! Errors a user can act on. Every message names the input it is about.

/// What can go wrong while reading or comparing documents.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{name}: cannot read: {source}")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: is a directory, not a text file")]
    IsDirectory { name: String },
    #[error("{name}: looks like a binary file (NUL byte at offset {offset}); crosscheck compares text files")]
    Binary { name: String, offset: usize },
    #[error("{name}: is not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8, e.g. with iconv")]
    InvalidUtf8 { name: String, offset: usize },
    #[error("{name}: file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("both inputs are standard input ('-'); at most one side can be read from stdin")]
    StdinTwice,
}

pub type Result<T> = std::result::Result<T, Error>;
