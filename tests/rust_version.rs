//! `rust-version` in Cargo.toml stays true: no locked dependency, on any platform, declares a
//! higher one (an older toolchain would refuse to build it).
//!
//! `cargo metadata` resolves every platform's dependencies, which needs their crates and so the
//! network once; the test runs only when asked: `cargo test --test rust_version -- --ignored`
//! (`.ci/run` does).

use std::process::Command;

use serde_json::Value;

/// "1.89" or "1.87.0" as comparable numbers.
fn parse_version(version: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = version
        .split('.')
        .map(|part| {
            part.parse()
                .unwrap_or_else(|_| panic!("not a Rust version: {version:?}"))
        })
        .collect();
    parts.resize(3, 0);
    parts
}

#[test]
#[ignore = "needs every platform's crates (network once): .ci/run runs it with --ignored"]
fn rust_version_covers_every_locked_dependency() {
    let ours = env!("CARGO_PKG_RUST_VERSION");
    assert!(!ours.is_empty(), "Cargo.toml sets no rust-version");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo metadata ({e}): this test needs cargo"));
    assert!(
        output.status.success(),
        "cargo metadata failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut higher: Vec<String> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|package| {
            let declared = package["rust_version"].as_str()?;
            (parse_version(declared) > parse_version(ours)).then(|| {
                format!(
                    "{} {} needs Rust {declared}",
                    package["name"].as_str().unwrap(),
                    package["version"].as_str().unwrap()
                )
            })
        })
        .collect();
    higher.sort();
    assert!(
        higher.is_empty(),
        "Cargo.toml says rust-version = \"{ours}\", but locked dependencies need more:\n  {}\n\
         Raise rust-version in Cargo.toml and the toolchain the README asks for, or lock older \
         versions of these crates.",
        higher.join("\n  ")
    );
}
