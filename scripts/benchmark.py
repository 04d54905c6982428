#!/usr/bin/env python3
"""Scores crosscheck on the external labelled benchmarks (SICK, MRPC, Emergent, FNC-1).

Usage:
    cargo build --release
    python3 scripts/benchmark.py BENCHMARKS_DIR [--bin target/release/crosscheck] [--sets sick,mrpc,emergent,fnc1]

BENCHMARKS_DIR is the folder holding sick/sick.jsonl, mrpc/mrpc.jsonl, emergent/emergent.jsonl
and fnc1/fnc1.jsonl (in this project's checkouts: ../shared/benchmarks). The data is not part of
this repository.

Labels map to crosscheck's relations as the benchmarks' README says: contradiction -> disagree,
entailment -> agree, neutral -> unrelated. SICK and Emergent go through sentence-pair mode
(`crosscheck --pairs`); FNC-1 goes through article mode, the body as LEFT and the headline as
RIGHT: the headline is "disagree" when any pair with it disagrees, "agree" when it has only
agreeing pairs, "unrelated" when it is one-sided.

Printed per set and split: disagree precision / recall / F1 against gold contradiction, 3-way
accuracy, and for SICK the Pearson correlation of similarity with gold relatedness. MRPC (news
sentence pairs, paraphrase or not) goes through pair mode and is scored as a paraphrase detector:
`agree` is a paraphrase, anything else is not; printed are accuracy and paraphrase precision /
recall / F1. Fitting and tuning are allowed on SICK train and trial and MRPC train only; report
SICK test, MRPC test, Emergent and FNC-1 as they come out.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

GOLD = {"contradiction": "disagree", "entailment": "agree", "neutral": "unrelated"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pair_mode(binary, rows):
    payload = "".join(json.dumps({"id": i, "left": r["left"], "right": r["right"]}) + "\n"
                      for i, r in enumerate(rows))
    start = time.perf_counter()
    out = subprocess.run([binary, "--pairs", "-"], input=payload.encode(), capture_output=True)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"benchmark.py: {binary} --pairs failed: {out.stderr.decode()[-500:]}")
    results = [json.loads(line) for line in out.stdout.decode().splitlines()]
    if len(results) != len(rows):
        sys.exit(f"benchmark.py: {len(rows)} pairs in, {len(results)} judgments out")
    return [r for r in sorted(results, key=lambda r: r["id"])], elapsed


def article_mode(binary, rows):
    results = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        left, right = os.path.join(tmp, "body.txt"), os.path.join(tmp, "headline.txt")
        for row in rows:
            with open(left, "w", encoding="utf-8") as f:
                f.write(row["left"])
            with open(right, "w", encoding="utf-8") as f:
                f.write(row["right"])
            out = subprocess.run([binary, "--format", "json", left, right], capture_output=True)
            if out.returncode not in (0, 1):
                sys.exit(f"benchmark.py: article mode failed on {row['id']}: {out.stderr.decode()[-300:]}")
            report = json.loads(out.stdout)
            relations = [p["relation"] for p in report["pairs"]]
            if "disagree" in relations:
                relation = "disagree"
            elif relations:
                relation = "agree"
            else:
                relation = "unrelated"
            results.append({"relation": relation})
    return results, time.perf_counter() - start


def pearson(xs, ys):
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def report(name, rows, results, elapsed):
    gold = [GOLD[r["label"]] for r in rows]
    pred = [r["relation"] for r in results]
    tp = sum(g == "disagree" and p == "disagree" for g, p in zip(gold, pred))
    fp = sum(g != "disagree" and p == "disagree" for g, p in zip(gold, pred))
    fn = sum(g == "disagree" and p != "disagree" for g, p in zip(gold, pred))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(rows)
    line = (f"{name:<16} n={len(rows):<5} disagree P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  "
            f"3-way accuracy {accuracy:.3f}")
    if all("relatedness" in r for r in rows) and all("similarity" in r for r in results):
        r = pearson([x["similarity"] for x in results], [row["relatedness"] for row in rows])
        line += f"  Pearson {r:.3f}"
    line += f"  ({len(rows) / elapsed:,.0f} pairs/s incl. start-up)"
    print(line)
    confusion = {}
    for g, p in zip(gold, pred):
        confusion[(g, p)] = confusion.get((g, p), 0) + 1
    cells = "  ".join(f"{g}->{p}:{c}" for (g, p), c in sorted(confusion.items()))
    print(f"{'':<16} {cells}")


def report_paraphrase(name, rows, results, elapsed):
    gold = [r["paraphrase"] == 1 for r in rows]
    said = [r["relation"] == "agree" for r in results]
    tp = sum(g and s for g, s in zip(gold, said))
    fp = sum(s and not g for g, s in zip(gold, said))
    fn = sum(g and not s for g, s in zip(gold, said))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(g == s for g, s in zip(gold, said)) / len(rows)
    print(f"{name:<16} n={len(rows):<5} accuracy {accuracy:.3f}  paraphrase P {precision:.3f} "
          f"R {recall:.3f} F1 {f1:.3f}  ({len(rows) / elapsed:,.0f} pairs/s incl. start-up)")
    confusion = {}
    for g, r in zip(gold, results):
        key = ("paraphrase" if g else "other", r["relation"])
        confusion[key] = confusion.get(key, 0) + 1
    cells = "  ".join(f"{g}->{p}:{c}" for (g, p), c in sorted(confusion.items()))
    print(f"{'':<16} {cells}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmarks")
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--sets", default="sick,mrpc,emergent,fnc1")
    a = ap.parse_args()
    sets = a.sets.split(",")
    if "sick" in sets:
        rows = read_jsonl(os.path.join(a.benchmarks, "sick", "sick.jsonl"))
        for split in ("train", "trial", "test"):
            part = [r for r in rows if r["split"] == split]
            results, elapsed = pair_mode(a.bin, part)
            report(f"SICK {split}", part, results, elapsed)
    if "mrpc" in sets:
        rows = read_jsonl(os.path.join(a.benchmarks, "mrpc", "mrpc.jsonl"))
        for split in ("train", "test"):
            part = [r for r in rows if r["split"] == split]
            results, elapsed = pair_mode(a.bin, part)
            report_paraphrase(f"MRPC {split}", part, results, elapsed)
    if "emergent" in sets:
        rows = read_jsonl(os.path.join(a.benchmarks, "emergent", "emergent.jsonl"))
        results, elapsed = pair_mode(a.bin, rows)
        report("Emergent", rows, results, elapsed)
    if "fnc1" in sets:
        rows = read_jsonl(os.path.join(a.benchmarks, "fnc1", "fnc1.jsonl"))
        results, elapsed = article_mode(a.bin, rows)
        report("FNC-1", rows, results, elapsed)


if __name__ == "__main__":
    main()
