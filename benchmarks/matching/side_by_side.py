"""Person matching on the synthetic multi-script screening set: preboard, baseline, logic-v2.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/matching/side_by_side.py [--seed 7] [--list-size 10000]

The set (``preboard.synthetic.make_screening_set``) holds a list, travellers and the truth of
each traveller: a ``variant`` of a listed person (its ``entry_id`` set), or an innocent one,
``clean`` or a ``hard_negative`` (``entry_id`` None), with the ``origin`` of the name.

Per method, the threshold is set on the innocents: the lowest at which at most 1 in 1,000 of
them raises an alert (any result at or above it). At that threshold: recall (share of variant
travellers whose true entry scores at or above it), overall and per variant kind, and false
alerts per 1,000 innocents by origin and by kind. The same figures at the method's default
threshold are printed beside them ("none": no threshold up to 1.0 keeps to 1 in 1,000).
Candidates are those of ``febrl.py``: preboard's index end to end, the baseline by brute
force, and all three methods on the same blocked pairs (``peers``). Figures are also written
as JSON lines to ``results/side_by_side.jsonl``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import (
    BaselinePeer,
    Floats,
    LogicV2Peer,
    Pairs,
    PreboardPeer,
    candidate_pairs,
    timed_pairs,
)

from preboard.model import Traveller
from preboard.watchlist import WatchlistEntry

ALERTS_PER_1000 = 1.0
RESULTS = Path(__file__).resolve().parent / "results" / "side_by_side.jsonl"


@dataclass(frozen=True, slots=True)
class Scored:
    """Per traveller: its highest score on any entry, and its true entry's score (0 if none)."""

    method: str
    candidates: str
    default: float
    alert: Floats
    true: Floats
    seconds: float


@dataclass(frozen=True, slots=True)
class Labels:
    """The truth, one value per traveller, in traveller order."""

    entry: list[int | None]  # true entry position, None for an innocent
    kind: list[str]
    variant: list[str]
    origin: list[str]

    @property
    def innocent(self) -> npt.NDArray[np.bool_]:
        return np.array([e is None for e in self.entry])


def labels(
    entries: Sequence[WatchlistEntry], travellers: Sequence[Traveller], truth: Mapping[str, Any]
) -> Labels:
    position = {e.id: i for i, e in enumerate(entries)}
    found = [truth[str(t.ref)] for t in travellers]
    return Labels(
        entry=[None if f.entry_id is None else position[f.entry_id] for f in found],
        kind=[str(f.kind) for f in found],
        variant=[str(f.variant or "-") for f in found],
        origin=[str(f.origin or "-") for f in found],
    )


def unpack(screening: Any) -> tuple[list[WatchlistEntry], list[Traveller], Mapping[str, Any]]:
    """Entries, travellers and ``{traveller id: Truth}``, from a tuple or an object."""
    if hasattr(screening, "truth"):
        return list(screening.entries), list(screening.travellers), screening.truth
    entries, travellers, truth = screening
    return list(entries), list(travellers), truth


def threshold_for(alert: Floats, innocent: npt.NDArray[np.bool_]) -> float:
    """The lowest threshold with at most ``ALERTS_PER_1000`` alerts per 1,000 innocents."""
    scores = np.sort(alert[innocent])[::-1]
    allowed = int(len(scores) * ALERTS_PER_1000 / 1000)
    if allowed >= len(scores):
        return 0.0
    return float(np.nextafter(scores[allowed], np.inf))  # just above the first one too many


def figures(s: Scored, truth: Labels, threshold: float) -> dict[str, Any]:
    innocent = truth.innocent
    variant = ~innocent
    hit = s.true >= threshold
    alert = s.alert >= threshold
    by_variant: dict[str, list[bool]] = defaultdict(list)
    by_origin: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)  # clean, or the hard negative's kind
    for q, name in enumerate(truth.variant):
        if variant[q]:
            by_variant[name].append(bool(hit[q]))
        else:
            by_origin[truth.origin[q]].append(bool(alert[q]))
            by_kind[name if name != "-" else truth.kind[q]].append(bool(alert[q]))
    return {
        "threshold": threshold,
        "recall": float(hit[variant].mean()) if variant.any() else float("nan"),
        "alerts_per_1000": 1000 * float(alert[innocent].mean()) if innocent.any() else 0.0,
        "recall_by_variant": {k: float(np.mean(v)) for k, v in sorted(by_variant.items())},
        "alerts_per_1000_by_origin": {k: 1000 * float(np.mean(v)) for k, v in by_origin.items()},
        "alerts_per_1000_by_kind": {k: 1000 * float(np.mean(v)) for k, v in by_kind.items()},
    }


def from_pairs(
    method: str, default: float, pairs: Pairs, scores: Floats, truth: Labels, seconds: float
) -> Scored:
    alert = np.zeros(len(truth.entry))
    true = np.zeros(len(truth.entry))
    for (q, e), score in zip(pairs, scores.tolist(), strict=True):
        alert[q] = max(alert[q], score)
        if truth.entry[q] == e:
            true[q] = score
    return Scored(method, "blocked pairs", default, alert, true, seconds)


def run(
    entries: Sequence[WatchlistEntry], travellers: Sequence[Traveller], truth: Labels
) -> tuple[list[Scored], float]:
    """Every method's scores, and the blocking recall of the shared candidate pairs."""
    preboard, baseline, logic = PreboardPeer(entries), BaselinePeer(entries), LogicV2Peer(entries)
    top1, found = preboard.search(travellers)
    true = [found[q].get(e, 0.0) if e is not None else 0.0 for q, e in enumerate(truth.entry)]
    out = [
        Scored("preboard", "index", preboard.threshold, top1.scores, np.array(true), top1.seconds)
    ]

    top1, tops = baseline.search(travellers)
    known = [(q, e) for q, e in enumerate(truth.entry) if e is not None]
    true = np.zeros(len(travellers))
    true[[q for q, _ in known]] = baseline.score_pairs(travellers, known)
    out.append(
        Scored("baseline", "brute force", baseline.threshold, top1.scores, true, top1.seconds)
    )

    pairs = candidate_pairs(tops, found)
    kept = len(set(known) & set(pairs)) / max(len(known), 1)
    for peer in (preboard, baseline, logic):
        scores, seconds = timed_pairs(peer, travellers, pairs)
        out.append(from_pairs(peer.name, peer.threshold, pairs, scores, truth, seconds))
    return out, kept


def print_report(results: Sequence[Scored], truth: Labels) -> list[dict[str, Any]]:
    head = f"{'method':<9} {'candidates':<14}│ {'t@1/1000':>8} {'recall':>6} {'alerts':>6} │"
    print(head + f" {'t dflt':>6} {'recall':>6} {'alerts':>6} │ {'queries/s':>9}")
    details, rows = [], []
    for s in results:
        tuned = figures(s, truth, threshold_for(s.alert, truth.innocent))
        dflt = figures(s, truth, s.default)
        details.append((s, tuned))
        speed = len(truth.entry) / s.seconds
        rows.append(
            {"method": s.method, "candidates": s.candidates, "queries_per_s": speed}
            | {"at_1_per_1000": tuned, "at_default": dflt}
        )
        t = f"{tuned['threshold']:.3f}" if tuned["threshold"] <= 1 else "none"  # none reachable
        print(
            f"{s.method:<9} {s.candidates:<14}│ {t:>8} "
            f"{tuned['recall']:>6.3f} {tuned['alerts_per_1000']:>6.2f} │ {s.default:>6.2f} "
            f"{dflt['recall']:>6.3f} {dflt['alerts_per_1000']:>6.2f} │ "
            f"{len(truth.entry) / s.seconds:>9,.0f}"
        )
    print("\nrecall by variant kind, and false alerts per 1,000 innocents by origin, at t@1/1000")
    for s, tuned in details:
        print(f"\n{s.method} / {s.candidates}")
        print("  recall:", _line(tuned["recall_by_variant"], "{:.3f}"))
        print("  alerts by origin:", _line(tuned["alerts_per_1000_by_origin"], "{:.2f}"))
        print("  alerts by kind:", _line(tuned["alerts_per_1000_by_kind"], "{:.2f}"))
    return rows


def _line(values: Mapping[str, float], fmt: str) -> str:
    return ", ".join(f"{k} {fmt.format(v)}" for k, v in sorted(values.items()))


def main() -> None:
    from preboard.synthetic import make_screening_set

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list-size", type=int, default=10_000)
    parser.add_argument("--variants-per-kind", type=int, default=150)
    parser.add_argument("--hard-negatives", type=int, default=600)
    args = parser.parse_args()
    screening = make_screening_set(
        args.seed,
        list_size=args.list_size,
        variants_per_kind=args.variants_per_kind,
        hard_negatives=args.hard_negatives,
    )
    entries, travellers, truth = unpack(screening)
    labelled = labels(entries, travellers, truth)
    results, kept = run(entries, travellers, labelled)
    innocents = int(labelled.innocent.sum())
    print(
        f"synthetic screening set (seed {args.seed}): {len(entries):,} list entries, "
        f"{len(travellers):,} travellers ({innocents:,} innocent)"
    )
    print(f"blocking recall of the shared candidate pairs: {kept:.4f}\n")
    rows = print_report(results, labelled)
    context = {"dataset": "synthetic", "seed": args.seed, "date": dt.date.today().isoformat()}
    context |= {"list": len(entries), "travellers": len(travellers), "innocents": innocents}
    context |= {"blocking_recall": kept}
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("w") as out:
        out.writelines(json.dumps(context | row) + "\n" for row in rows)
    print(f"\nwritten: {RESULTS}")


if __name__ == "__main__":
    main()
