"""Estimate the matching weights offline from labelled synthetic data, and write a release.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/matching/estimate_weights.py --seed 101 --out weights_v2.json

Builds a screening set from the synthetic generator (a seed kept apart from the evaluation
seeds of the benchmarks), indexes its watchlist, and takes every pair the engine would score
(the index's best candidates of each traveller) plus every true pair. Each pair becomes the
one-hot levels of its features; a logistic regression (L2, scikit-learn) gives one weight per
level. Weights are written in log2 units (a Fellegi-Sunter weight), with the intercept as the
prior; the reference level of each feature ("missing", or the first level) weighs 0.
The operating point is the lowest threshold with at most 1 false alert per 1,000 innocent
travellers on this training set, rounded up to 0.05.

The file this writes is a candidate release: a person reviews it (signs, size, plausibility of
every weight), copies it to ``src/preboard/matching/`` and points ``weights.CURRENT`` at it.
Nothing learns in production.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from preboard.matching import MatchConfig
from preboard.matching.compare import BIRTH_LEVELS
from preboard.matching.features import FEATURES, features
from preboard.matching.index import CandidateIndex
from preboard.synthetic import make_screening_set

# The level each feature's weights are measured from (weight 0): "no evidence either way".
REFERENCE = {
    "name": "none",
    "initials": "none",
    "undated": "dated",
    "coverage": "none",
    "rarity": "common",
    "birth_date": "missing",
    "nationality": "missing",
    "sex": "missing",
    "document": "missing",
}
# Features whose levels are ordered from strongest to weakest agreement: their weights are made
# monotone along that order (pool adjacent violators), so a better agreement never weighs less.
ORDERED = {
    "name": ("exact", "strong", "good", "fair", "weak", "none"),
    "coverage": (
        "full",
        "traveller_in_entry",
        "entry_in_traveller",
        "single_only",
        "partial",
        "single",
        "none",
    ),
    "initials": ("none", "some"),
    "birth_date": tuple(level for level in BIRTH_LEVELS if level != "missing"),
    "rarity": ("very_rare", "rare", "usual", "common"),
    "undated": ("very_rare", "rare", "usual", "common"),
    "document": ("exact", "near", "missing", "different"),
    "nationality": ("same", "missing", "different"),
    "sex": ("same", "missing", "different"),
}


def monotone(weights: dict[str, float], order: tuple[str, ...], counts: dict[str, int]) -> None:
    """Make ``weights`` non-increasing along ``order`` (count-weighted pooling), in place."""
    blocks: list[tuple[list[str], float, int]] = []  # (levels, sum of weights, count)
    for level in order:
        if level not in weights:
            continue
        n = max(counts.get(level, 1), 1)
        blocks.append(([level], weights[level] * n, n))
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] < blocks[-1][1] / blocks[-1][2]:
            last, prev = blocks.pop(), blocks.pop()
            blocks.append((prev[0] + last[0], prev[1] + last[1], prev[2] + last[2]))
    for levels, total, count in blocks:
        for level in levels:
            weights[level] = round(total / count, 2)


def pairs(
    seed: int, list_size: int
) -> tuple[list[dict[str, str]], list[int], list[tuple[str, str]]]:
    data = make_screening_set(seed, list_size=list_size)
    # Only the index is used here, not the released weights (they may lack a new level).
    entries = list(data.entries)
    index = CandidateIndex.build(entries)
    scored = MatchConfig().scored
    by_id = {e.id: i for i, e in enumerate(entries)}
    rows: list[dict[str, str]] = []
    labels: list[int] = []
    owners: list[tuple[str, str]] = []  # (traveller id, kind) of each row
    for traveller in data.travellers:
        truth = data.truth[traveller.ref or ""]
        true_pos = by_id.get(truth.entry_id) if truth.entry_id else None
        chosen = index.candidates(traveller, scored)
        if true_pos is not None and true_pos not in chosen:
            chosen.append(true_pos)
        for pos in chosen:
            found = features(traveller, entries[pos], index.frequency)
            rows.append({f: found.levels[f].level for f in FEATURES})
            labels.append(int(pos == true_pos))
            owners.append((traveller.ref or "", truth.kind))
    return rows, labels, owners


def fit(
    rows: list[dict[str, str]], labels: list[int]
) -> tuple[dict[str, dict[str, float]], float, np.ndarray]:
    levels = {f: sorted({r[f] for r in rows}) for f in FEATURES}
    columns = [
        (f, lv) for f in FEATURES for lv in levels[f] if lv != REFERENCE.get(f, levels[f][0])
    ]
    where = {c: i for i, c in enumerate(columns)}
    x = np.zeros((len(rows), len(columns)))
    for i, r in enumerate(rows):
        for f in FEATURES:
            j = where.get((f, r[f]))
            if j is not None:
                x[i, j] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(x, np.array(labels))
    table = {f: {lv: 0.0 for lv in levels[f]} for f in FEATURES}
    for (f, lv), coef in zip(columns, model.coef_[0], strict=True):
        table[f][lv] = round(float(coef) / math.log(2), 2)
    for f, order in ORDERED.items():
        counts = {lv: sum(1 for r in rows if r[f] == lv) for lv in levels[f]}
        monotone(table[f], order, counts)
    prior = round(float(model.intercept_[0]) / math.log(2), 2)
    # Pooling may have moved a reference level off 0: shift the feature back and let the prior
    # take the shift, which leaves every pair's total as it is.
    for f, weights in table.items():
        shift = weights.get(REFERENCE.get(f, ""), 0.0)
        if shift:
            table[f] = {lv: round(w - shift, 2) for lv, w in weights.items()}
            prior = round(prior + shift, 2)
    return table, prior, model.decision_function(x) / math.log(2)


def operating_point(totals: np.ndarray, owners: list[tuple[str, str]]) -> float:
    """The lowest threshold (in steps of 0.05) with ≤ 1 false alert per 1,000 innocents."""
    best: dict[str, float] = {}
    for (traveller, kind), total in zip(owners, totals.tolist(), strict=True):
        if kind != "variant":
            best[traveller] = max(best.get(traveller, -99.0), total)
    scores = sorted((1 / (1 + 2.0**-t) for t in best.values()), reverse=True)
    allowed = len(scores) // 1000
    cut = scores[allowed] if allowed < len(scores) else 0.0
    return min(0.95, math.ceil((cut + 1e-9) * 20) / 20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, nargs="+", default=[101, 102])
    parser.add_argument("--list-size", type=int, default=10_000)
    parser.add_argument("--version", default="2")
    parser.add_argument("--out", type=Path, default=Path("weights_v2.json"))
    args = parser.parse_args()
    rows: list[dict[str, str]] = []
    labels: list[int] = []
    owners: list[tuple[str, str]] = []
    for seed in args.seed:
        more = pairs(seed, args.list_size)
        rows += more[0]
        labels += more[1]
        owners += [(f"{seed}:{t}", kind) for t, kind in more[2]]
    table, prior, totals = fit(rows, labels)
    point = operating_point(totals, owners)
    doc = {
        "version": args.version,
        "released": dt.date.today().isoformat(),
        "method": (
            f"logistic regression on one-hot feature levels, {len(rows)} pairs "
            f"({sum(labels)} true) from make_screening_set(seed in {args.seed}, "
            f"list_size={args.list_size}); log2 units; each feature shifted so that its "
            "reference level weighs 0 (the prior takes the shift); reviewed before release"
        ),
        "prior": prior,
        "operating_point": point,
        "list_size": args.list_size,
        "weights": table,
    }
    args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    json.dump(doc, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
