//! The `crosscheck` binary: parse flags, read both inputs, compare, render, map to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use crosscheck::cli::{Args, Format};
use crosscheck::render;
use crosscheck::{compare, Doc, Error};

/// Exit codes, as `diff` uses them.
const SAME: u8 = 0;
const DIFFERENT: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("crosscheck: {err:#}");
            ExitCode::from(TROUBLE)
        }
    }
}

fn run() -> anyhow::Result<u8> {
    let settings = Args::parse().resolve();
    colored::control::set_override(settings.text.style.color);

    if settings.left.as_os_str() == "-" && settings.right.as_os_str() == "-" {
        return Err(Error::StdinTwice.into());
    }
    let left = Doc::read(&settings.left)?;
    let right = Doc::read(&settings.right)?;
    let report = compare(&left, &right, &settings.config);

    // Render fully before writing, so an error never leaves a partial report behind.
    let mut buffer = Vec::new();
    match settings.format {
        Format::Text => render::text::write(&report, settings.text, &mut buffer),
        Format::Json => render::json::write(&report, &mut buffer),
    }
    .context("rendering the report")?;
    let mut stdout = io::stdout().lock();
    match stdout.write_all(&buffer).and_then(|()| stdout.flush()) {
        // A reader that stops early (`crosscheck a b | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        result => result.context("writing the report")?,
    }
    Ok(if report.has_disagreements() {
        DIFFERENT
    } else {
        SAME
    })
}
