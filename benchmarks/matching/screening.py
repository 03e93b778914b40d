"""preboard on the synthetic multi-script screening set: index recall, recall at the false-alert
budget, per variant kind, false alerts by origin, and the documented operating point.

    .venv/bin/python benchmarks/matching/screening.py [--seed 1] [--list-size 10000]

Figures:
- index recall: share of variant travellers whose true entry is among the index's candidates
  (at most 200), and among the ones scored in full;
- recall at <= 1 false alert per 1,000 innocent (clean + hard-negative) travellers: the
  threshold is the lowest that keeps innocents' alerts within budget on this set;
- the same at the released operating point, and false alerts per 1,000 innocents by origin.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from preboard.matching import Matcher
from preboard.matching.weights import parse_weights
from preboard.synthetic import make_screening_set


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--list-size", type=int, default=10_000)
    parser.add_argument("--weights", type=Path, help="a candidate weights file to evaluate")
    args = parser.parse_args()
    weights = parse_weights(json.loads(args.weights.read_text())) if args.weights else None
    data = make_screening_set(args.seed, list_size=args.list_size)
    t0 = time.perf_counter()
    matcher = Matcher.build(list(data.entries), weights=weights)
    build = time.perf_counter() - t0
    position = {e.id: i for i, e in enumerate(matcher.entries)}
    in_index = in_scored = variants = 0
    best_innocent: dict[str, float] = {}
    true_score: dict[str, float] = {}
    t0 = time.perf_counter()
    for traveller in data.travellers:
        truth = data.truth[traveller.ref or ""]
        results = matcher.match(traveller, threshold=0.0001, limit=matcher.config.scored)
        if truth.entry_id is None:
            best_innocent[truth.traveller_id] = max((r.score for r in results), default=0.0)
            continue
        variants += 1
        candidates = matcher.index.candidates(traveller)
        pos = position[truth.entry_id]
        in_index += pos in candidates
        in_scored += pos in candidates[: matcher.config.scored]
        true_score[truth.traveller_id] = next(
            (r.score for r in results if r.entry_id == truth.entry_id), 0.0
        )
    elapsed = time.perf_counter() - t0
    innocents = sorted(best_innocent.values(), reverse=True)
    budget = len(innocents) // 1000
    cut = innocents[budget] + 1e-9 if budget < len(innocents) else 0.0
    print(
        f"list {len(data.entries)}, travellers {len(data.travellers)} ({variants} variants, "
        f"{len(innocents)} innocents); index built in {build:.1f} s; "
        f"{len(data.travellers) / elapsed:.0f} travellers/s"
    )
    print(
        f"index recall {in_index / variants:.4f} (top 200), scored recall "
        f"{in_scored / variants:.4f} (top {matcher.config.scored})"
    )
    for label, threshold in (
        ("at <= 1/1000 FA", cut),
        ("at operating point", matcher.operating_point),
    ):
        fa = sum(s >= threshold for s in innocents)
        hits = {k for k, s in true_score.items() if s >= threshold}
        per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for tid, tr in data.truth.items():
            if tr.entry_id is not None:
                per_kind[tr.variant or "?"][1] += 1
                per_kind[tr.variant or "?"][0] += tid in hits
        kinds = "  ".join(f"{k} {h / n:.3f}" for k, (h, n) in sorted(per_kind.items()))
        print(
            f"{label}: threshold {threshold:.3f}, recall {len(hits) / variants:.4f}, "
            f"false alerts {fa} ({1000 * fa / len(innocents):.2f} per 1,000)"
        )
        print(f"   by kind: {kinds}")
        origins = Counter(data.truth[t].origin for t in best_innocent)
        flagged = Counter(data.truth[t].origin for t, s in best_innocent.items() if s >= threshold)
        rates = {o: 1000 * flagged[o] / n for o, n in origins.items() if n >= 100}
        print(
            "   false alerts per 1,000 by origin: "
            + "  ".join(f"{o} {r:.2f}" for o, r in sorted(rates.items()))
        )


if __name__ == "__main__":
    main()
