"""Time the demo day generator, and optionally screen its travellers against its watchlist.

    .venv/bin/python benchmarks/day/bench_day.py [--seed 1] [--flights N] [--match]

Prints the time of ``make_day`` (goal: the whole day, generation and writing, well under 10 s),
``write_day`` and reading every written message back with ``read_paths``, the day's counts,
and with ``--match`` the released matcher's hits at its operating point: planted listed
travellers found, and innocent travellers (everyone not in the truth but the look-alikes'
namesakes, who are innocent too) flagged, by nationality (goal: at most 0.5% of innocents).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from preboard.ingest.reader import read_paths
from preboard.matching import Matcher
from preboard.model import Severity
from preboard.synthetic.day import KINDS, Day, make_day, write_day

T = TypeVar("T")


def _timed(label: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<28} {time.perf_counter() - start:6.2f} s")
    return result


def _match(day: Day) -> None:
    matcher = Matcher.build(list(day.watchlist))
    planted = {(c.record_locator, c.surname, c.given_names): c for c in day.truth}
    people = list(day.passengers) + [t for f in day.flights for t in f.crew]
    results = _timed("match (2 workers)", lambda: matcher.match_many(people, workers=2))
    found, listed, flagged, innocent = 0, 0, Counter[str](), Counter[str]()
    for t, hits in zip(people, results, strict=True):
        case = planted.get((t.reservation_ref or "", t.surname, t.given_names))
        if case is not None and case.kind == "watchlist":
            listed += 1
            found += bool(hits)
        elif case is None or case.kind == "lookalike":
            innocent[t.nationality or "?"] += 1
            flagged[t.nationality or "?"] += bool(hits)
    total = sum(innocent.values())
    print(f"listed travellers found      {found} of {listed}")
    print(f"innocent flagged             {sum(flagged.values())} of {total} "
          f"({100 * sum(flagged.values()) / total:.2f}%)")  # fmt: skip
    for nat, n in innocent.most_common():
        if flagged[nat]:
            print(f"  {nat}: {flagged[nat]} of {n}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flights", type=int, default=None)
    parser.add_argument("--match", action="store_true")
    args = parser.parse_args()
    day = _timed("make_day", lambda: make_day(args.seed, flights=args.flights))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "day"
        _timed("write_day", lambda: write_day(day, out))
        files = sorted(out.glob("messages/*/*.edi"))
        result = _timed(f"read_paths ({len(files)} files)", lambda: read_paths(files))
        errors = [p for p in result.all_problems if p.severity is Severity.ERROR]
        print(f"error-level problems         {len(errors)}")
    kinds = Counter(c.kind for c in day.truth)
    print(f"flights {len(day.flights)}, passengers {len(day.passengers)}, bookings "
          f"{len(day.bookings)}, crew {sum(len(f.crew) for f in day.flights)}")  # fmt: skip
    print("planted " + ", ".join(f"{kinds[k]} {k}" for k in KINDS))
    if args.match:
        _match(day)


if __name__ == "__main__":
    main()
