#!/usr/bin/env python3
"""Measures how alignment scales on long and repeated text, and checks that the answer does not
depend on the size.

    python3 scripts/bench_scale.py --news-events PATH/news-events [--sizes 1,3,10] [--runs 3]
                                   [--long 4000] [--bin target/release/crosscheck]

Three kinds of input, generated into target/bench-scale (never committed):

- repeated news: the paragraphs of the news-events articles (a folder of event folders of
  articles, passed as an argument: its texts are not ours to ship) drawn at random until each
  side has the size asked (MB), one side in one random order and the other in another, one
  paragraph in ten with a word replaced (a "not", a number, a weekday, a place): real sentences,
  each written many times, shuffled and edited;
- long statements: lines of about 4 KB of random words of those articles, --long lines a side;
- identical inputs: the seeds doubled against themselves, and the 1 MB repeated side against
  itself.

For each it prints the median wall time and peak memory of --runs runs, the pairs and statements
reported, and whether swapping LEFT and RIGHT mirrors the report; identical inputs must agree
everywhere. Medians and ratios come from one run of the script: the machines are shared and
noisy, so compare figures measured together. A run longer than --timeout seconds is reported as
such.
"""
import argparse
import glob
import json
import os
import random
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDITS = ["not", "never", "twelve", "Tuesday", "Paris", "2019"]


def paragraphs(news_events):
    found = []
    for path in sorted(glob.glob(os.path.join(news_events, "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            found += [p for p in f.read().split("\n") if p.strip()]
    if not found:
        sys.exit(f"bench_scale: no articles in {news_events}/*/*.txt")
    return found


def repeated_news(paras, megabytes, seed, path):
    rng = random.Random(seed)
    out, size, limit = [], 0, int(megabytes * 1_000_000)
    while size < limit:
        para = rng.choice(paras)
        if rng.random() < 0.1:
            words = para.split()
            words[rng.randrange(len(words))] = rng.choice(EDITS)
            para = " ".join(words)
        out.append(para)
        size += len(para.encode()) + 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def long_statements(paras, lines, seed, path):
    words = re.findall(r"[A-Za-z']+", " ".join(paras))
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(lines):
            line, size = [], 0
            while size < 4000:
                word = rng.choice(words)
                line.append(word)
                size += len(word) + 1
            f.write(" ".join(line) + ".\n")


def run(binary, left, right, timeout, out_path):
    """Wall seconds, peak RSS in MiB and the parsed JSON report (None, None, None on a timeout),
    measured by GNU time: a child forked from this script would report the script's own memory
    as its peak."""
    usage = out_path + ".time"
    command = ["/usr/bin/time", "-f", "%e %M", "-o", usage, binary, "--format", "json", left,
               right]
    with open(out_path, "wb") as out:
        try:
            proc = subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, None, None
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_scale: {binary} exited {proc.returncode} on {left} {right}")
    with open(usage, encoding="utf-8") as f:
        wall, peak_kb = f.read().split()[-2:]
    with open(out_path, encoding="utf-8") as f:
        return float(wall), int(peak_kb) / 1024, json.load(f)


def claims(report, side):
    return sum(1 for s in report[side]["statements"] if not s.get("boilerplate"))


def mirrored(report, swapped):
    def key(pairs, turn):
        return sorted((p["right"], p["left"], p["relation"]) if turn else
                      (p["left"], p["right"], p["relation"]) for p in pairs)
    return (key(report["pairs"], False) == key(swapped["pairs"], True)
            and report["left_only"] == swapped["right_only"]
            and report["right_only"] == swapped["left_only"])


def measure(name, binary, left, right, runs, timeout, rows, identical=False):
    walls, peaks, report = [], [], None
    out = os.path.join(os.path.dirname(left), "report.json")
    for _ in range(runs):
        wall, peak, report = run(binary, left, right, timeout, out)
        if wall is None:
            rows.append((name, f"timeout (> {timeout:g} s)", "", "", "", "", ""))
            return None
        walls.append(wall)
        peaks.append(peak)
    wall = statistics.median(walls)
    statements = claims(report, "left") + claims(report, "right")
    pairs = len(report["pairs"])
    if identical:
        agree = all(p["relation"] == "agree" for p in report["pairs"])
        one_sided = len(report["left_only"]) + len(report["right_only"])
        check = "agree everywhere" if agree and not one_sided else \
            f"NOT all agree ({one_sided} one-sided)"
    else:
        _, _, swapped = run(binary, right, left, timeout, out)
        check = "mirrors" if swapped is not None and mirrored(report, swapped) else \
            "DOES NOT MIRROR"
    disagree = sum(1 for p in report["pairs"] if p["relation"] == "disagree")
    rows.append((name, f"{wall:.2f}", f"{max(peaks):.0f}", str(statements), str(pairs),
                 f"{pairs / max(statements, 1):.2f}", f"{check}; {disagree} disagree"))
    return wall


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news-events", required=True,
                    help="a folder of event folders of articles (*.txt)")
    ap.add_argument("--sizes", default="1,3,10", help="sizes of a repeated side, in MB")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--long", type=int, default=4000, help="4 KB lines a side (0: skip)")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "crosscheck"))
    a = ap.parse_args()
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("bench_scale: needs GNU time (apt-get install time)")
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"bench_scale: no binary at {a.bin} (cargo build --release)")
    data = os.path.join(ROOT, "target", "bench-scale")
    os.makedirs(data, exist_ok=True)
    paras = paragraphs(a.news_events)
    rows = []
    times = {}
    for size in [float(s) for s in a.sizes.split(",")]:
        left = os.path.join(data, f"news-{size:g}MB-left.txt")
        right = os.path.join(data, f"news-{size:g}MB-right.txt")
        repeated_news(paras, size, 1, left)
        repeated_news(paras, size, 2, right)
        times[size] = measure(f"repeated news, {size:g} MB a side", a.bin, left, right,
                              a.runs, a.timeout, rows)
    if a.long:
        left = os.path.join(data, f"long-{a.long}-left.txt")
        right = os.path.join(data, f"long-{a.long}-right.txt")
        long_statements(paras, a.long, 1, left)
        long_statements(paras, a.long, 2, right)
        measure(f"4 KB statements, {a.long} a side", a.bin, left, right, a.runs, a.timeout, rows)
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    doubled = os.path.join(data, "seeds-doubled.txt")
    with open(doubled, "w", encoding="utf-8") as out:
        for _ in range(2):
            for seed in seeds:
                with open(seed, encoding="utf-8") as f:
                    out.write(f.read().rstrip("\n") + "\n")
    measure("seeds doubled, against itself", a.bin, doubled, doubled, a.runs, a.timeout, rows,
            identical=True)
    first = min(times) if times else None
    if first is not None:
        one = os.path.join(data, f"news-{first:g}MB-left.txt")
        measure(f"repeated news {first:g} MB, against itself", a.bin, one, one, a.runs,
                a.timeout, rows, identical=True)
    print("| input | median s | peak MiB | statements | pairs | pairs / statement | check |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    measured = {s: t for s, t in times.items() if t}
    if len(measured) >= 2:
        low, high = min(measured), max(measured)
        print(f"\ntime from {low:g} MB to {high:g} MB: {measured[high] / measured[low]:.1f}x "
              f"for {high / low:g}x the text")


if __name__ == "__main__":
    main()
