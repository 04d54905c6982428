#!/usr/bin/env python3
"""Runs two crosscheck binaries on the same inputs and lists where their outputs differ.

    python3 scripts/compare_binaries.py BEFORE AFTER [--shared ../shared] [--generated DIR]

For a change that must not change a verdict (a refactoring, a memory bound): every article
pair is compared with `--format json` and with the text report (`--color never`), the
fixtures and seeds also as Markdown, HTML and side by side, every pair-mode file with
`--pairs`; the standard output and the exit status must be the same bytes. The inputs:

- the fixtures (`fixtures/*-left.txt` against `*-right.txt`) and `fixtures/*.jsonl` in pair
  mode, and the seeds;
- with --shared (the shared folder, not part of this repository): every two outlets of each
  event of `benchmarks/news-events` (100 pairs), the article pairs of the gold files under
  `eval/gold`, and SICK, FNC-1, MRPC and Emergent in pair mode (those present);
- with --generated DIR: the `left.txt` and `right.txt` there, e.g. the 1 MB pair
  `cargo run --release --example generate -- --size 1MB --seed 42 --out DIR` writes.

Prints one line per kind of input and the first difference of each differing case; exits 0
when all outputs are identical, 1 when any differs, 2 on a usage error.
"""

import argparse
import concurrent.futures
import glob
import itertools
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def article_cases(shared, generated):
    """(group, name, left, right) of every article pair to compare."""
    fixtures = os.path.join(ROOT, "fixtures")
    for left in sorted(glob.glob(os.path.join(fixtures, "*-left.txt"))):
        right = left[: -len("-left.txt")] + "-right.txt"
        if os.path.exists(right):
            yield "fixtures", os.path.basename(left)[: -len("-left.txt")], left, right
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    if len(seeds) == 2:
        yield "seeds", "seeds", seeds[0], seeds[1]
    if shared:
        seen = set()
        events = os.path.join(shared, "benchmarks", "news-events")
        for event in sorted(glob.glob(os.path.join(events, "event*"))):
            outlets = sorted(glob.glob(os.path.join(event, "*.txt")))
            for left, right in itertools.combinations(outlets, 2):
                seen.add((os.path.realpath(left), os.path.realpath(right)))
                name = f"{os.path.basename(event)[:7]}-{os.path.basename(left)[:-4]}-{os.path.basename(right)[:-4]}"
                yield "news-events", name, left, right
        for gold in sorted(glob.glob(os.path.join(shared, "eval", "gold", "**", "*.gold.json"), recursive=True)):
            with open(gold, encoding="utf-8") as f:
                doc = json.load(f)
            if "left" not in doc or "right" not in doc:
                continue
            base = os.path.dirname(gold)
            left, right = (os.path.realpath(os.path.join(base, doc[s])) for s in ("left", "right"))
            if (left, right) in seen or not (os.path.exists(left) and os.path.exists(right)):
                continue
            seen.add((left, right))
            yield "gold", os.path.basename(gold)[: -len(".gold.json")], left, right
    if generated:
        yield "generated", os.path.basename(os.path.normpath(generated)), os.path.join(
            generated, "left.txt"
        ), os.path.join(generated, "right.txt")


def pair_cases(shared):
    """(group, name, file) of every pair-mode input to compare."""
    for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.jsonl"))):
        yield "pair mode", os.path.basename(path), path
    if shared:
        for name in ("sick", "fnc1", "mrpc", "emergent"):
            for path in sorted(glob.glob(os.path.join(shared, "benchmarks", name, "*.jsonl"))):
                yield "pair mode", os.path.relpath(path, shared), path


def run(binary, args):
    done = subprocess.run([binary, *args], capture_output=True, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr


def first_difference(a, b):
    """The first line where two outputs differ, shortened, both sides."""
    a_lines, b_lines = a.split(b"\n"), b.split(b"\n")
    for number, (x, y) in enumerate(itertools.zip_longest(a_lines, b_lines, fillvalue=b""), 1):
        if x != y:
            short = lambda line: line[:160].decode("utf-8", "replace")
            return f"line {number}:\n      before: {short(x)}\n      after:  {short(y)}"
    return "same lines"


def compare(before, after, case):
    """None when both binaries print the same bytes and exit alike, else what differs."""
    group, name, args = case
    (code_a, out_a, err_a), (code_b, out_b, err_b) = run(before, args), run(after, args)
    if code_a == 2 or code_b == 2:
        return f"{name}: error (exit {code_a} / {code_b}): {(err_a or err_b)[-300:].decode('utf-8', 'replace')}"
    problems = []
    if code_a != code_b:
        problems.append(f"exit {code_a} before, {code_b} after")
    if out_a != out_b:
        problems.append(f"output differs at {first_difference(out_a, out_b)}")
    return f"{name} {' '.join(args[:2])}: " + "; ".join(problems) if problems else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--shared", help="the shared folder (holding benchmarks/ and eval/)")
    ap.add_argument("--generated", help="a folder holding a generated left.txt and right.txt")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    for binary in (a.before, a.after):
        if not os.access(binary, os.X_OK):
            ap.error(f"{binary} is not an executable")
    if a.shared and not os.path.isdir(os.path.join(a.shared, "benchmarks")):
        ap.error(f"{a.shared} holds no benchmarks/ folder")

    cases = []
    for group, name, left, right in article_cases(a.shared, a.generated):
        cases.append((group, name, ["--format", "json", left, right]))
        cases.append((group, name, ["--color", "never", left, right]))
        if group in ("fixtures", "seeds"):
            # The other formats too, where the inputs are small.
            for args in (["--format", "markdown"], ["--format", "html"], ["--side-by-side", "--color", "never"]):
                cases.append((group, name, [*args, left, right]))
    for group, name, path in pair_cases(a.shared):
        cases.append((group, name, ["--pairs", path]))

    differences = {}
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for case, found in zip(cases, pool.map(lambda c: compare(a.before, a.after, c), cases)):
            group = case[0]
            counts[group] = counts.get(group, 0) + 1
            if found:
                differences.setdefault(group, []).append(found)
    for group, total in counts.items():
        different = differences.get(group, [])
        print(f"{group}: {total - len(different)} of {total} runs identical")
        for line in different:
            print(f"  {line}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
