"""False alerts by the cultural origin of innocent travellers' names, on a balanced set.

    .venv/bin/python benchmarks/matching/fairness.py [--seed 7] [--per-origin 5000]

The list is the 10,000-entry synthetic list of the screening set (seed 7, as in
``side_by_side.py``); the travellers are innocent only, ``--per-origin`` drawn from each of the
16 origins (``make_screening_set(..., balanced=True)``), none identical in name and birth
year to a listed name. Each is matched at the released operating point; a false alert is any
result. Prints false alerts per 1,000 by origin with a 95% Wilson interval, and the highest
rate over the lowest (goal ≤ 2). Written to ``results/fairness.jsonl`` too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import time
from collections import Counter
from pathlib import Path

from preboard.matching import Matcher
from preboard.synthetic import ORIGINS, make_screening_set


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), centre + half


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-origin", type=int, default=5_000)
    args = parser.parse_args()
    data = make_screening_set(
        args.seed,
        variants_per_kind=0,
        clean=args.per_origin * len(ORIGINS),
        hard_negatives=0,
        balanced=True,
    )
    matcher = Matcher.build(list(data.entries))
    people = list(data.travellers)
    t0 = time.perf_counter()
    found = matcher.match_many(people, workers=2)
    matcher.close()
    elapsed = time.perf_counter() - t0
    total: Counter[str] = Counter()
    alerts: Counter[str] = Counter()
    for person, results in zip(people, found, strict=True):
        origin = data.truth[person.ref or ""].origin or "?"
        total[origin] += 1
        alerts[origin] += bool(results)
    print(
        f"{len(people):,} innocent travellers ({args.per_origin:,} per origin) against "
        f"{len(data.entries):,} entries at the operating point {matcher.operating_point} "
        f"in {elapsed:.0f} s"
    )
    rows = []
    for origin in sorted(total, key=lambda o: -alerts[o] / total[o]):
        k, n = alerts[origin], total[origin]
        lo, hi = wilson(k, n)
        rows.append({"origin": origin, "travellers": n, "alerts": k, "per_1000": 1000 * k / n})
        print(f"  {origin:<11} {k:>4} / {n:,} = {1000 * k / n:5.2f} per 1,000 "
              f"(95% {1000 * lo:.2f}-{1000 * hi:.2f})")  # fmt: skip
    rates = [r["per_1000"] for r in rows]
    low = min(max(r["alerts"], 0.5) / r["travellers"] * 1000 for r in rows)
    ratio = max(rates) / low if max(rates) else 1.0
    overall = 1000 * sum(alerts.values()) / len(people)
    print(f"overall {overall:.2f} per 1,000; highest over lowest {ratio:.1f} (goal ≤ 2; a group "
          "with no alert counts as half an alert)")  # fmt: skip
    out = Path(__file__).parent / "results" / "fairness.jsonl"
    record = {
        "date": dt.date.today().isoformat(),
        "seed": args.seed,
        "weights": matcher.weights.version,
        "ratio": round(ratio, 2),
        "overall_per_1000": round(overall, 3),
        "by_origin": rows,
    }
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
