#!/usr/bin/env python3
"""Fits pair mode's same-claim model (src/pairs/same_claim.rs) and writes data/pairs.tsv.

    python3 scripts/fit_pairs.py BENCHMARKS_DIR [--out data/pairs.tsv]

BENCHMARKS_DIR holds mrpc/mrpc.jsonl and sick/sick.jsonl (in this project's checkouts:
../shared/benchmarks); the data is not part of this repository.

Pair mode says `agree` when no check finds the two texts in conflict and a logistic model over
the features `examples/pair_features.rs` prints says they state the same claim. This script fits
that model on labelled sentence pairs, and only on training splits:
- MRPC train (news sentences from same-story clusters; a paraphrase is the same claim),
- SICK train and trial (captions; an entailment is the same claim, neutral and contradiction
  are not).
MRPC test and SICK test are never read. A pair the checks find in conflict is left out: it
disagrees whatever the model says.

The decision threshold (`agree_at`) is chosen on ten-fold cross-validation over those pairs (fit
on nine tenths, predict the tenth): the threshold that maximises MRPC accuracy plus SICK 3-way
accuracy (a conflict counts as disagree), both out of fold. Those cross-validated figures are
printed and written into the model's header; the final weights are fitted on all the pairs.

Only the Python standard library is used: the model is small (a weight per feature) and is fitted
by Newton's method with an L2 penalty. The run is deterministic.
"""
import argparse
import json
import os
import subprocess
import sys

import logistic

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PENALTY = 1.0  # L2 penalty on the weights (not the bias)
FOLDS = 10
THRESHOLDS = [round(0.30 + 0.01 * i, 2) for i in range(41)]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(target_dir):
    # The development build: its features are the release build's (the same arithmetic), it
    # compiles in a fraction of the time, and the pairs take it seconds.
    subprocess.run(["cargo", "build", "--quiet", "--example", "pair_features"],
                   cwd=ROOT, check=True)
    return os.path.join(target_dir, "debug", "examples", "pair_features")


def features(binary, rows):
    """The checks' conflict and the model's features of each row, in order."""
    payload = "".join(json.dumps({"id": i, "left": r["left"], "right": r["right"]}) + "\n"
                      for i, r in enumerate(rows))
    out = subprocess.run([binary], input=payload.encode(), capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()
    names = json.loads(lines[0])["features"]
    judged = [json.loads(line) for line in lines[1:]]
    assert [j["id"] for j in judged] == list(range(len(rows)))
    return names, [(j["conflict"], j["x"]) for j in judged]


def fit(samples, n_features):
    """Logistic regression by Newton's method; returns [bias, w1, ..., wn]."""
    return logistic.fit(samples, n_features, PENALTY, iterations=25, tolerance=1e-6)


def probability(w, x):
    return logistic.probability(w, x)


def figures(pairs, probabilities, agree_at):
    """MRPC accuracy and paraphrase P/R/F1, and SICK 3-way accuracy, of the verdicts the binary
    would give: disagree on a conflict, else agree from `agree_at`, else unrelated."""
    mrpc = {"tp": 0, "fp": 0, "fn": 0, "right": 0, "n": 0}
    sick = {"right": 0, "n": 0}
    for pair, p in zip(pairs, probabilities):
        if pair["conflict"]:
            verdict = "disagree"
        elif p >= agree_at:
            verdict = "agree"
        else:
            verdict = "unrelated"
        if pair["set"] == "mrpc":
            said, gold = verdict == "agree", pair["gold"] == "agree"
            mrpc["n"] += 1
            mrpc["right"] += said == gold
            mrpc["tp"] += said and gold
            mrpc["fp"] += said and not gold
            mrpc["fn"] += gold and not said
        else:
            sick["n"] += 1
            sick["right"] += verdict == pair["gold"]
    precision = mrpc["tp"] / max(1, mrpc["tp"] + mrpc["fp"])
    recall = mrpc["tp"] / max(1, mrpc["tp"] + mrpc["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"mrpc_accuracy": mrpc["right"] / mrpc["n"], "mrpc_precision": precision,
            "mrpc_recall": recall, "mrpc_f1": f1, "sick_accuracy": sick["right"] / sick["n"]}


def choose(pairs, probabilities):
    def worth(t):
        f = figures(pairs, probabilities, t)
        return (round(f["mrpc_accuracy"] + f["sick_accuracy"], 6), -abs(t - 0.5))
    return max(THRESHOLDS, key=worth)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmarks", help="the folder holding mrpc/ and sick/")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "pairs.tsv"))
    ap.add_argument("--target-dir", default=os.path.join(ROOT, "target"))
    a = ap.parse_args()
    binary = build(a.target_dir)

    gold = {"entailment": "agree", "neutral": "unrelated", "contradiction": "disagree"}
    mrpc = [r for r in read_jsonl(os.path.join(a.benchmarks, "mrpc", "mrpc.jsonl"))
            if r["split"] == "train"]
    sick = [r for r in read_jsonl(os.path.join(a.benchmarks, "sick", "sick.jsonl"))
            if r["split"] in ("train", "trial")]
    names, judged = features(binary, mrpc + sick)
    pairs = []
    for i, (row, (conflict, x)) in enumerate(zip(mrpc + sick, judged)):
        is_mrpc = i < len(mrpc)
        pairs.append({
            "set": "mrpc" if is_mrpc else "sick",
            "gold": ("agree" if row["paraphrase"] == 1 else "unrelated") if is_mrpc
            else gold[row["label"]],
            "conflict": conflict,
            "x": x,
        })
    n = len(names)

    def samples(chosen):
        return [(p["x"], 1.0 if p["gold"] == "agree" else 0.0)
                for p in chosen if not p["conflict"]]

    # Ten folds, each set dealt round-robin in file order so that every fold holds a tenth of
    # each.
    fold_of = []
    for name in ("mrpc", "sick"):
        fold_of += [i % FOLDS for i, p in enumerate(q for q in pairs if q["set"] == name)]
    out_of_fold = [0.0] * len(pairs)
    for fold in range(FOLDS):
        w = fit(samples(p for p, f in zip(pairs, fold_of) if f != fold), n)
        for i, (p, f) in enumerate(zip(pairs, fold_of)):
            if f == fold:
                out_of_fold[i] = probability(w, p["x"])
        print(f"fold {fold + 1} of {FOLDS} fitted", file=sys.stderr)
    agree_at = choose(pairs, out_of_fold)
    cv = figures(pairs, out_of_fold, agree_at)

    w = fit(samples(pairs), n)
    in_sample = figures(pairs, [probability(w, p["x"]) for p in pairs], agree_at)

    def line(f):
        return (f"MRPC accuracy {f['mrpc_accuracy']:.3f}, paraphrase P/R/F1 "
                f"{f['mrpc_precision']:.3f}/{f['mrpc_recall']:.3f}/{f['mrpc_f1']:.3f}; "
                f"SICK 3-way accuracy {f['sick_accuracy']:.3f}")

    conflicts = sum(p["conflict"] for p in pairs)
    header = [
        "# The same-claim model of src/pairs/same_claim.rs: a logistic regression over the",
        "# features of a pair of texts. Written by scripts/fit_pairs.py; do not edit by hand.",
        f"# Fitted on MRPC train ({len(mrpc)} pairs) and SICK train and trial ({len(sick)} pairs),",
        f"# less the {conflicts} pairs a check finds in conflict (they disagree).",
        f"# Ten-fold cross-validation: {line(cv)}",
        f"# In sample:                 {line(in_sample)}",
        "# A pair no check finds in conflict agrees when sigmoid(bias + sum of weight * feature)",
        "# is at least agree_at.",
    ]
    logistic.write_table(a.out, header, names, w, "agree_at", agree_at)


if __name__ == "__main__":
    main()
