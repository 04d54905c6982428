#!/usr/bin/env python3
"""Times comparing many sources at once, on the news-events articles (a folder of event folders
of five outlets each, passed as an argument: its texts are not ours to ship).

    python3 scripts/bench_sources.py --shared PATH/shared [--bin target/release/crosscheck]
                                     [--runs 21] [--all-runs 5]

Measured, each as the median wall time of the binary writing its JSON report to a file (the
process started and ended included), and the peak memory of the run (GNU time's maximum RSS):

- each event's five articles together (ten pairwise comparisons): the target is under 50 ms;
- all fifty articles at once (1,225 pairwise comparisons, most between unrelated stories):
  the target is under 2 s, and memory stays bounded (the statements and links are kept, not
  the pairwise reports).

Exit status 1 when a target is missed. The machines are shared and noisy: compare figures
measured together.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVENT_TARGET_S = 0.050
ALL_TARGET_S = 2.0


def run(binary, paths, out_path):
    """Wall seconds and peak RSS in MiB of one run, and the report."""
    usage = out_path + ".time"
    command = ["/usr/bin/time", "-f", "%M", "-o", usage, binary, "--format", "json", *paths]
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_sources: {binary} exited {proc.returncode}")
    with open(usage, encoding="utf-8") as f:
        peak_kb = int(f.read().split()[-1])
    with open(out_path, encoding="utf-8") as f:
        return wall, peak_kb / 1024, json.load(f)


def measure(binary, paths, runs, scratch):
    out = os.path.join(scratch, "report.json")
    walls, peaks = [], []
    report = None
    for _ in range(runs):
        wall, peak, report = run(binary, paths, out)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks), report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", required=True,
                        help="the folder holding benchmarks/news-events/")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "crosscheck"))
    parser.add_argument("--runs", type=int, default=21, help="runs of each event")
    parser.add_argument("--all-runs", type=int, default=5, help="runs of all fifty articles")
    args = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench_sources: needs GNU time (/usr/bin/time) for the peak memory")
    news = os.path.join(args.shared, "benchmarks", "news-events")
    events = sorted(d for d in glob.glob(os.path.join(news, "event*")) if os.path.isdir(d))
    if not events:
        sys.exit(f"bench_sources: no event folders in {news}")

    missed = []
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        every = []
        for event in events:
            paths = sorted(glob.glob(os.path.join(event, "*.txt")))
            every += paths
            wall, peak, report = measure(args.bin, paths, args.runs, scratch)
            s = report["summary"]
            rows.append((os.path.basename(event)[:40], str(len(paths)),
                         str(sum(s["statements"])), str(len(report["links"])),
                         str(s["claims"]), str(s["conflicts"]), f"{wall * 1000:.1f} ms",
                         f"{peak:.0f}"))
            if wall >= EVENT_TARGET_S:
                missed.append(f"{os.path.basename(event)}: {wall * 1000:.1f} ms")
        wall, peak, report = measure(args.bin, every, args.all_runs, scratch)
        s = report["summary"]
        rows.append((f"all {len(events)} events at once", str(len(every)),
                     str(sum(s["statements"])), str(len(report["links"])), str(s["claims"]),
                     str(s["conflicts"]), f"{wall * 1000:.0f} ms", f"{peak:.0f}"))
        if wall >= ALL_TARGET_S:
            missed.append(f"all articles: {wall:.2f} s")

    header = ("input", "sources", "statements", "links", "claims", "conflicts", "median wall",
              "peak MiB")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    print(f"\ntargets: an event under {EVENT_TARGET_S * 1000:.0f} ms, all articles under "
          f"{ALL_TARGET_S:.0f} s ({args.runs} runs an event, {args.all_runs} of all)")
    if missed:
        print("MISSED: " + "; ".join(missed))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
