//! The `crosscheck` binary: parse flags, read both inputs, compare, render, map to an exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crosscheck::cli::{manual, progress_bar, Args, Job, Settings};
use crosscheck::load::Decoding;
use crosscheck::output::pager::Paged;
use crosscheck::output::{self, Destination};
use crosscheck::pairs::{self, OnBadLine};
use crosscheck::render;
use crosscheck::render::style::printable;
use crosscheck::sources::compare_sources;
use crosscheck::{compare, compare_with_progress, Doc, Error, Pair};

/// jemalloc, not the system allocator: a comparison makes and frees many small vectors per
/// statement on every core, and glibc's malloc and free were about a fifth of pair mode's time.
/// Measured in one session on the 2-core machine: 100,000 generated pairs 1.01-1.11 s -> 0.89-0.94
/// s, two 10 MB documents 4.91 s -> 4.46 s (peak RSS 713 -> 725 MB), the seeds 3.79 -> 3.91 ms
/// (median of 200; its start-up maps a little more memory). mimalloc gained as much on pairs but
/// cost the seeds 0.5-1.5 ms.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Notes which standard streams the process was started without, before Rust's runtime hides
/// that by opening /dev/null in their place (see `crosscheck::stdio`). Functions in this
/// section run before `main`, in every ELF and Mach-O program; the static lives in the binary so
/// that the linker cannot leave it out.
#[cfg(unix)]
#[used]
#[cfg_attr(
    any(target_os = "macos", target_os = "ios"),
    link_section = "__DATA,__mod_init_func"
)]
#[cfg_attr(
    not(any(target_os = "macos", target_os = "ios")),
    link_section = ".init_array"
)]
static RECORD_CLOSED_STREAMS: extern "C" fn() = crosscheck::stdio::record_closed_streams;

/// Exit codes, as `diff` uses them.
const SAME: u8 = 0;
const DIFFERENT: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // Messages quote file names, which may hold escape sequences.
            eprintln!("crosscheck: {}", printable(&format!("{err:#}")));
            ExitCode::from(TROUBLE)
        }
    }
}

fn run() -> anyhow::Result<u8> {
    let settings = Args::parse_checked().resolve();
    colored::control::set_override(settings.text.style.color);
    if settings.output.is_some() {
        output::remove_temporary_files_on_signals()
            .context("cannot watch for signals to remove temporary files on")?;
    }
    match &settings.job {
        Job::Articles {
            left,
            right,
            decoding,
        } => compare_articles(&settings, left, right, *decoding),
        Job::Sources { paths, decoding } => compare_many(&settings, paths, *decoding),
        Job::Pairs {
            input,
            skip_bad_lines,
        } => judge_pairs(&settings, input, *skip_bad_lines),
        Job::Completions(shell) => print(|out| manual::write_completions(*shell, out)),
        Job::Man => print(manual::write_man_page),
    }
}

/// Prints what `write` writes (a completion script, the manual page) on standard output.
fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<u8> {
    let mut destination = Destination::open(None, &[])?;
    let written = write(&mut destination);
    unless_the_reader_left(destination.finish(written))?;
    Ok(SAME)
}

fn compare_articles(
    settings: &Settings,
    left: &Path,
    right: &Path,
    decoding: Decoding,
) -> anyhow::Result<u8> {
    if left.as_os_str() == "-" && right.as_os_str() == "-" {
        return Err(Error::StdinTwice.into());
    }
    // Opened first: an output that is an input is refused before the work, and an output that
    // cannot be written is found out before it, not after.
    let destination = Destination::open(settings.output.as_deref(), &[left, right])?;
    let docs = Pair::new(
        Doc::read_as(left, decoding)?,
        Doc::read_as(right, decoding)?,
    );
    warn_of_replaced_bytes([&docs.left, &docs.right]);
    let input_bytes = (docs.left.text.len() + docs.right.text.len()) as u64;
    if input_bytes < PARALLEL_MIN_BYTES {
        work_on_this_thread();
    }
    let report = if settings.progress && input_bytes >= progress_bar::MIN_BYTES {
        let bar = progress_bar::TerminalProgress::new();
        compare_with_progress(&docs.left, &docs.right, &settings.config, &bar)
    } else {
        compare(&docs.left, &docs.right, &settings.config)
    };

    // Whether the sources disagree is the whole comparison's, whatever the report shows.
    let exit = if report.has_disagreements_from(settings.config.min_confidence) {
        DIFFERENT
    } else {
        SAME
    };
    let mut report = report;
    if !settings.only.is_empty() {
        report.keep_only(&settings.only);
    }
    deliver(settings, destination, |out| {
        render::write(&report, settings.format, settings.text, out)
    })?;
    Ok(exit)
}

/// Says which documents `--lossy` read with replaced bytes, and where the first is.
fn warn_of_replaced_bytes<'a>(docs: impl IntoIterator<Item = &'a Doc>) {
    for doc in docs {
        if let Some(offset) = doc.first_replaced_offset() {
            eprintln!(
                "crosscheck: warning: {}: {} invalid UTF-8 sequence(s) read as U+FFFD, the first \
                 at byte {offset}",
                printable(&doc.name),
                doc.replaced()
            );
        }
    }
}

/// Three or more articles: every one compared with every other, the claims grouped across them.
fn compare_many(settings: &Settings, paths: &[PathBuf], decoding: Decoding) -> anyhow::Result<u8> {
    let from_stdin = paths.iter().filter(|p| p.as_os_str() == "-").count();
    if from_stdin > 1 {
        return Err(Error::StdinRepeated { times: from_stdin }.into());
    }
    let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let destination = Destination::open(settings.output.as_deref(), &inputs)?;
    let docs = paths
        .iter()
        .map(|path| Doc::read_as(path, decoding))
        .collect::<Result<Vec<Doc>, Error>>()?;
    warn_of_replaced_bytes(&docs);
    let input_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Every document is compared with every other: the work grows with the pairs.
    if (input_bytes as u64) * (docs.len() as u64 - 1) < PARALLEL_MIN_BYTES {
        work_on_this_thread();
    }
    let report = compare_sources(&docs, &settings.config);
    let exit = if report.has_disagreements_from(settings.config.min_confidence) {
        DIFFERENT
    } else {
        SAME
    };
    deliver(settings, destination, |out| {
        render::sources::write(&report, settings.format, settings.text, out)
    })?;
    Ok(exit)
}

/// Below this many input bytes (both sides together) a comparison takes a few milliseconds, and
/// starting rayon's worker threads and handing them work would cost more than they save.
const PARALLEL_MIN_BYTES: u64 = 32 * 1024;

/// Makes rayon's global pool the main thread alone, so the library's parallel iterators run
/// inline and no thread is started. Call before anything uses rayon; building the pool fails
/// only when it exists already, and then the work is simply shared out as usual.
fn work_on_this_thread() {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global();
}

/// Renders the report (`render` writes it) straight into its destination: the report of two
/// long documents runs to hundreds of megabytes, too much to hold a second copy of. Rendering cannot fail by itself; a
/// failed write leaves an `--output` file as it was. A report on a terminal that is longer than
/// the screen goes through the pager, when there is one (see `output::pager`).
fn deliver(
    settings: &Settings,
    destination: Destination,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = Paged::new(destination, settings.pager.clone());
    let written = {
        // The renderers write a report in pieces of a few bytes (a JSON token, a word): gathered
        // here, they pass the pager and the destination a buffer at a time. Writing the seeds'
        // JSON report piece by piece through both was 5% of comparing them.
        let mut buffered = io::BufWriter::new(&mut out);
        let written = render(&mut buffered).and_then(|()| buffered.flush());
        // What a failed render left in the buffer is dropped, not written after the error.
        let _ = buffered.into_parts();
        written
    };
    if let Some(warning) = out.take_warning() {
        eprintln!(
            "crosscheck: warning: {}",
            printable(&format!("{warning:#}"))
        );
    }
    Ok(unless_the_reader_left(out.finish(written))?)
}

/// A reader that stops early (`crosscheck a b | head`) is not an error: it has what it wanted.
fn unless_the_reader_left(result: Result<(), Error>) -> Result<(), Error> {
    match result {
        Err(err) if err.is_broken_pipe() => Ok(()),
        result => result,
    }
}

/// Pair mode streams its output: a judgment a line, as the batches come.
fn judge_pairs(settings: &Settings, input: &Path, skip_bad_lines: bool) -> anyhow::Result<u8> {
    let name = input.display().to_string();
    let mut destination = Destination::open(settings.output.as_deref(), &[input])?;
    let reader: Box<dyn io::BufRead> = if input.as_os_str() == "-" {
        if crosscheck::stdio::stdin_is_closed() {
            return Err(Error::StdinClosed.into());
        }
        Box::new(io::stdin().lock())
    } else {
        let read_error = |source| Error::Read {
            name: name.clone(),
            source,
        };
        if std::fs::metadata(input).map_err(read_error)?.is_dir() {
            return Err(Error::IsDirectory { name }.into());
        }
        Box::new(io::BufReader::new(
            std::fs::File::open(input).map_err(read_error)?,
        ))
    };
    let on_bad_line = if skip_bad_lines {
        OnBadLine::Skip
    } else {
        OnBadLine::Fail
    };
    // SAFETY: this job is the process's only use of the library, and pair mode holds no word
    // from one batch to the next: it may forget them (see `crosscheck::intern`).
    unsafe { crosscheck::intern::allow_forgetting() };
    let outcome = pairs::run(
        reader,
        &name,
        &mut destination,
        &mut io::stderr(),
        &pairs::PairConfig::from(settings.config),
        on_bad_line,
    )
    .and_then(|stats| match destination.flush() {
        Ok(()) => Ok(stats),
        Err(source) => Err(pairs::Stopped {
            stats,
            error: pairs::PairsError::Write(source),
        }),
    });
    let exit = |stats: pairs::PairStats| if stats.disagree > 0 { DIFFERENT } else { SAME };
    // A reader that stops early (`| head`) is not an error: what it read decides the exit.
    let committed = |destination: Destination| unless_the_reader_left(destination.commit());
    match outcome {
        Ok(stats) => {
            committed(destination)?;
            Ok(exit(stats))
        }
        Err(pairs::Stopped {
            stats,
            error: pairs::PairsError::Write(source),
        }) => {
            let err = destination.write_error(source);
            if err.is_broken_pipe() {
                Ok(exit(stats))
            } else {
                // A file destination is left as it was.
                Err(err.into())
            }
        }
        // The pairs judged before a bad line are good: an output file gets them, and the run
        // still fails.
        Err(stopped) if stopped.error.is_about_input() => {
            committed(destination)?;
            Err(stopped.error.into())
        }
        Err(stopped) => Err(stopped.error.into()),
    }
}
