#!/usr/bin/env python3
"""Fits the linking model (src/linking.rs) and writes data/linking.tsv.

    python3 scripts/fit_linking.py --shared ../shared [--out data/linking.tsv]

Which candidate statement pairs of two articles state the same claim is decided by a logistic
model over the features `examples/link_features.rs` prints. This script fits it on labelled
article pairs: the real-news gold of ../shared/eval/gold/news (events e00-e04) and the own gold
fixtures of fixtures/. A candidate is a positive when a required gold pair joins its two
statements, a negative when no gold pair does; optional gold pairs and statements the gold
leaves free are left out, as score.py leaves them unscored.

The decision threshold (`link_at`) is chosen to maximise pair F1 as score.py counts it. The
figures are measured with leave-one-event-out cross-validation (fit on four news events and the
fixtures, score the fifth) and in sample; both are printed and written into the model's header.

Only the Python standard library is used: the model is small (a weight per feature) and is fitted
by Newton's method with an L2 penalty.
"""
import argparse
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys

import logistic

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PENALTY = 1.0  # L2 penalty on the weights (not the bias)


def load_scorer(shared):
    path = os.path.join(shared, "eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(release_dir):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "link_features"],
                   cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return (os.path.join(release_dir, "examples", "link_features"),
            os.path.join(release_dir, "crosscheck"))


def gold_files(shared):
    news = sorted(glob.glob(os.path.join(shared, "eval", "gold", "news", "*.gold.json")))
    own = sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.gold.json")))
    return [(path, os.path.basename(path)[:3]) for path in news] + [(p, "fixtures") for p in own]


def read_case(path, group, features_bin, crosscheck_bin, scorer):
    base = os.path.dirname(os.path.abspath(path))
    gold = json.load(open(path, encoding="utf-8"))
    files = [os.path.join(base, gold[s]) for s in ("left", "right")]
    report = json.loads(subprocess.run([crosscheck_bin, "--format", "json", *files],
                                       capture_output=True, check=False).stdout)
    lines = subprocess.run([features_bin, *files], capture_output=True, check=True,
                           text=True).stdout.splitlines()
    names = json.loads(lines[0])["features"]
    candidates = [json.loads(line) for line in lines[1:]]
    data = {s: open(f, "rb").read() for s, f in zip(("left", "right"), files)}
    stmts = {s: report[s]["statements"] for s in ("left", "right")}
    cover = {}
    for key, st in gold["statements"].items():
        span = scorer.locate(data[st["side"]], st["quote"], key, st.get("occurrence"))
        cover[key] = scorer.covering(stmts[st["side"]], span)
    free = {(gold["statements"][k]["side"], cover[k])
            for k, v in gold["statements"].items() if v.get("status") == "free"}
    required, optional = set(), set()
    for p in gold["pairs"]:
        ids = (cover[p["left"]], cover[p["right"]])
        (required if p.get("required", True) else optional).add(ids)
    rows = []
    for c in candidates:
        ids = (c["left"], c["right"])
        if ("left", ids[0]) in free or ("right", ids[1]) in free:
            label = None
        elif ids in required:
            label = 1
        elif ids in optional:
            label = None
        else:
            label = 0
        rows.append((ids, c["x"], label))
    return {"path": path, "group": group, "report": report, "rows": rows, "names": names}


def fit(samples, n_features):
    """Logistic regression by Newton's method; returns [bias, w1, ..., wn]."""
    return logistic.fit(samples, n_features, PENALTY, iterations=12, tolerance=1e-7)


def confidence(w, x):
    return logistic.probability(w, x)


def further_partner_share():
    """FURTHER_PARTNER_SHARE of src/linking.rs: the competitive-linking rule the binary applies."""
    text = open(os.path.join(ROOT, "src", "linking.rs")).read()
    return float(re.search(r"FURTHER_PARTNER_SHARE: f64 = ([0-9.]+);", text).group(1))


SHARE = further_partner_share()


def predicted_report(case, w, link_at):
    """The report the binary would give with this model, before judging and context links."""
    report = case["report"]
    share = case["names"].index("share_of_better_best")
    pairs = [{"left": l, "right": r, "relation": "agree"}
             for (l, r), x, _ in case["rows"]
             if confidence(w, x) >= link_at and x[share] >= SHARE]
    paired = {"left": {p["left"] for p in pairs}, "right": {p["right"] for p in pairs}}
    only = {side: [st["id"] for st in report[side]["statements"]
                   if not st.get("boilerplate") and st["id"] not in paired[side]]
            for side in ("left", "right")}
    return {"left": report["left"], "right": report["right"], "pairs": pairs,
            "left_only": only["left"], "right_only": only["right"]}


def score(cases, w, link_at, scorer):
    total = dict(scorer.ZERO)
    for case in cases:
        counts, _ = scorer.score_one(case["path"], predicted_report(case, w, link_at))
        for k in total:
            total[k] += counts[k]
    return scorer.totals(total)


THRESHOLDS = [round(0.20 + 0.025 * i, 3) for i in range(25)]


def fit_and_choose(train, scorer, n_features):
    samples = [(x, y) for case in train for _, x, y in case["rows"] if y is not None]
    w = fit(samples, n_features)
    news = [c for c in train if c["group"] != "fixtures"]
    best = max(THRESHOLDS, key=lambda t: (score(news, w, t, scorer)["pair_f1"], -t))
    return w, best


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", required=True, help="the shared folder (holds eval/)")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "linking.tsv"))
    ap.add_argument("--target-dir", default=os.path.join(ROOT, "target"))
    a = ap.parse_args()
    scorer = load_scorer(a.shared)
    features_bin, crosscheck_bin = build(os.path.join(a.target_dir, "release"))
    cases = [read_case(p, g, features_bin, crosscheck_bin, scorer) for p, g in gold_files(a.shared)]
    names = cases[0]["names"]
    n = len(names)
    events = sorted({c["group"] for c in cases if c["group"] != "fixtures"})

    # Leave one event out: fit on the other events and the fixtures, score the event left out.
    held_out = dict(scorer.ZERO)
    for event in events:
        train = [c for c in cases if c["group"] != event]
        test = [c for c in cases if c["group"] == event]
        w, link_at = fit_and_choose(train, scorer, n)
        for case in test:
            counts, _ = scorer.score_one(case["path"], predicted_report(case, w, link_at))
            for k in held_out:
                held_out[k] += counts[k]
        print(f"held out {event}: link_at {link_at}", file=sys.stderr)
    cv = scorer.totals(held_out)

    w, link_at = fit_and_choose(cases, scorer, n)
    news = [c for c in cases if c["group"] != "fixtures"]
    fixtures = [c for c in cases if c["group"] == "fixtures"]
    fit_news = score(news, w, link_at, scorer)
    fit_fixtures = score(fixtures, w, link_at, scorer)

    def line(t):
        return (f"pair P/R/F1 {t['pair_precision']:.3f}/{t['pair_recall']:.3f}/{t['pair_f1']:.3f}"
                f"  one-sided F1 {t['one_sided_f1']:.3f}")

    samples = sum(1 for c in cases for _, _, y in c["rows"] if y is not None)
    positives = sum(1 for c in cases for _, _, y in c["rows"] if y == 1)
    header = [
        "# The linking model of src/linking.rs: a logistic regression over the features of a",
        "# candidate statement pair. Written by scripts/fit_linking.py; do not edit by hand.",
        f"# Fitted on {len(news)} real-news gold pairs (events {', '.join(events)}) and "
        f"{len(fixtures)} own fixtures:",
        f"# {samples} labelled candidates, {positives} of them required gold pairs.",
        "# Pair decisions alone (before judging and context links), as score.py counts them:",
        f"#   news, leave one event out: {line(cv)}",
        f"#   news, in sample:           {line(fit_news)}",
        f"#   fixtures, in sample:       {line(fit_fixtures)}",
        "# A pair is linked when its confidence, sigmoid(bias + sum of weight * feature), is at",
        "# least link_at.",
    ]
    logistic.write_table(a.out, header, names, w, "link_at", link_at)


if __name__ == "__main__":
    main()
