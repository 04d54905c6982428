#!/usr/bin/env python3
"""Checks that comparing many sources at once says of any two of them what comparing the two
says: for each news event, its five outlets are compared together, and for each real-news gold
file whose two sources belong to that event, the pairs the many-source report implies between
those two sources are scored against the gold, next to the two-source report of the same files.

    python3 scripts/multi_consistency.py --shared PATH/shared [--bin target/release/crosscheck]
                                         [--events 0,1,2,3,4]

PATH/shared is the folder that holds `eval/` (score.py and gold/news) and
`benchmarks/news-events/`: neither is part of this repository. Scoring is score.py's own
(imported, not copied). Two readings of the many-source report are scored:

- links: the report's `links` between the two sources (the statement pairs of the pairwise
  comparison the many-source run made): the pairs a script reads;
- claims: what the claims and conflicts alone imply: two statements of the two sources in one
  claim agree, two statements of a conflict's disagreements disagree; every other claim of the
  two sources is one-sided. Grouping without chaining drops some links, so this reading may
  score lower; it is shown, not checked.

Exit status 1 when, for the links, the total pair F1 or one-sided F1 moves by more than --tolerance
(default 0.02) from the two-source run.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_json(binary, paths):
    out = subprocess.run([binary, "--format", "json", *paths], capture_output=True, timeout=300)
    if out.returncode not in (0, 1):
        sys.exit(f"multi_consistency: {binary} exited {out.returncode}: "
                 f"{out.stderr.decode(errors='replace')[-500:]}")
    return json.loads(out.stdout)


def claims_of(statements):
    return [s["id"] for s in statements if not s.get("boilerplate")]


def implied(many, a, b, reading):
    """A two-source report (the contract score.py reads) of sources a (left) and b (right), from
    the many-source report `many`."""
    pairs = []
    if reading == "links":
        for link in many["links"]:
            if link["sources"] == [a, b]:
                pairs.append({"left": link["left"], "right": link["right"],
                              "relation": link["relation"]})
            elif link["sources"] == [b, a]:
                pairs.append({"left": link["right"], "right": link["left"],
                              "relation": link["relation"]})
    else:
        for claim in many["claims"]:
            lefts = [m["id"] for m in claim["members"] if m["source"] == a]
            rights = [m["id"] for m in claim["members"] if m["source"] == b]
            pairs += [{"left": x, "right": y, "relation": "agree"} for x in lefts for y in rights]
        for conflict in many["conflicts"]:
            for d in conflict["disagreements"]:
                ends = {d["left"]["source"]: d["left"]["id"], d["right"]["source"]: d["right"]["id"]}
                if set(ends) == {a, b}:
                    pairs.append({"left": ends[a], "right": ends[b], "relation": "disagree"})
    paired_left = {p["left"] for p in pairs}
    paired_right = {p["right"] for p in pairs}
    left, right = many["sources"][a], many["sources"][b]
    return {
        "left": left, "right": right, "pairs": pairs,
        "left_only": [i for i in claims_of(left["statements"]) if i not in paired_left],
        "right_only": [i for i in claims_of(right["statements"]) if i not in paired_right],
    }


def add(total, counters):
    for key, value in counters.items():
        total[key] = total.get(key, 0) + value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", required=True,
                        help="the folder holding eval/ and benchmarks/news-events/")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "crosscheck"))
    parser.add_argument("--events", default="0,1,2,3,4",
                        help="comma-separated event numbers (the news dev events are 0-4)")
    parser.add_argument("--tolerance", type=float, default=0.02)
    args = parser.parse_args()

    eval_dir = os.path.join(args.shared, "eval")
    sys.path.insert(0, eval_dir)
    import score  # the scorer of the evaluation kit, beside its gold

    news = os.path.join(args.shared, "benchmarks", "news-events")
    golds = sorted(glob.glob(os.path.join(eval_dir, "gold", "news", "*.gold.json")))
    if not golds:
        sys.exit(f"multi_consistency: no gold files in {eval_dir}/gold/news")
    readings = ["two sources", "links", "claims"]
    totals = {r: {} for r in readings}
    rows = []
    for number in (int(n) for n in args.events.split(",")):
        found = glob.glob(os.path.join(news, f"event{number:02d}-*"))
        if len(found) != 1:
            sys.exit(f"multi_consistency: no single folder event{number:02d}-* in {news}")
        event = found[0]
        outlets = sorted(glob.glob(os.path.join(event, "*.txt")))
        many = run_json(args.bin, outlets)
        index = {os.path.realpath(p): i for i, p in enumerate(outlets)}
        for gold_path in golds:
            gold = json.load(open(gold_path, encoding="utf-8"))
            base = os.path.dirname(os.path.abspath(gold_path))
            left = os.path.realpath(os.path.join(base, gold["left"]))
            right = os.path.realpath(os.path.join(base, gold["right"]))
            if left not in index or right not in index:
                continue
            reports = {
                "two sources": run_json(args.bin, [left, right]),
                "links": implied(many, index[left], index[right], "links"),
                "claims": implied(many, index[left], index[right], "claims"),
            }
            row = [os.path.basename(gold_path).replace(".gold.json", "")]
            for reading in readings:
                counters, _ = score.score_one(gold_path, reports[reading])
                add(totals[reading], counters)
                t = score.totals(counters)
                row += [t["pair_f1"], t["one_sided_f1"]]
            rows.append(row)

    header = ("gold", "2-src pair F1", "2-src 1-sided F1", "links pair F1", "links 1-sided F1",
              "claims pair F1", "claims 1-sided F1")
    widths = [max(len(header[0]), *(len(r[0]) for r in rows))] + [len(h) for h in header[1:]]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    total_row = ["TOTAL"]
    for reading in readings:
        t = score.totals(totals[reading])
        total_row += [t["pair_f1"], t["one_sided_f1"]]
    for row in rows + [total_row]:
        cells = [row[0].ljust(widths[0])] + [f"{v:.3f}".ljust(w) for v, w in zip(row[1:], widths[1:])]
        print("  ".join(cells))
    pair_gap = abs(total_row[3] - total_row[1])
    one_sided_gap = abs(total_row[4] - total_row[2])
    print(f"\nlinks vs two sources: pair F1 {total_row[3] - total_row[1]:+.3f}, "
          f"one-sided F1 {total_row[4] - total_row[2]:+.3f} (tolerance {args.tolerance})")
    print(f"claims vs two sources: pair F1 {total_row[5] - total_row[1]:+.3f}, "
          f"one-sided F1 {total_row[6] - total_row[2]:+.3f} (shown, not checked)")
    if pair_gap > args.tolerance or one_sided_gap > args.tolerance:
        print("FAIL: the many-source report does not say what the two-source reports say")
        return 1
    print(f"OK: {len(rows)} gold files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
