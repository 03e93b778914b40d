"""Matching speed at a million list entries, beside brute force in the same run.

    .venv/bin/python benchmarks/matching/speed_1m.py [--size 1000000] [--travellers 20000]

Prints: index build time and peak resident memory (VmHWM, with the list itself in memory);
throughput of ``Matcher.match_many`` at the operating point with 2 worker processes; the
time of 500-traveller flights (p50 and p95 over 20 flights, on one process and on the
matcher's two worker processes, started once and kept, as a running service keeps them); and
rapidfuzz ``process.cdist`` (token_sort_ratio, 2 workers) over the same list as the brute-force
reference, in pairs per second and as a ratio of time per traveller.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from preboard.matching import Matcher
from preboard.synthetic import make_large_list, make_screening_set


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--travellers", type=int, default=20_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    entries = list(make_large_list(1, args.size))
    print(
        f"list: {len(entries):,} entries generated in {time.perf_counter() - t0:.1f} s, "
        f"peak RSS {peak_mb():.0f} MB"
    )
    t0 = time.perf_counter()
    matcher = Matcher.build(entries)
    build = time.perf_counter() - t0
    print(
        f"index: built in {build:.1f} s (goal 60 s); {len(matcher.index.postings):,} postings; "
        f"peak RSS {peak_mb():.0f} MB (goal 2,048 MB)"
    )
    people = list(make_screening_set(2, list_size=2_000).travellers)
    while len(people) < args.travellers:
        people += people
    people = people[: args.travellers]
    matcher.match_many(people[:1000])  # warm the caches
    matcher.match_many(people[:1000], workers=2)  # start the worker processes, as a service has
    t0 = time.perf_counter()
    found = matcher.match_many(people, workers=2)
    elapsed = time.perf_counter() - t0
    alerts = sum(1 for f in found if f)
    print(
        f"throughput: {len(people) / elapsed:,.0f} travellers/s on 2 processes "
        f"(goal 5,000); {alerts} travellers with an alert at {matcher.operating_point}"
    )
    for workers in (1, 2):
        flights = []
        for i in range(20):
            flight = people[i * 500 : (i + 1) * 500]
            t0 = time.perf_counter()
            matcher.match_many(flight, workers=workers)
            flights.append(time.perf_counter() - t0)
        flights.sort()
        p95 = flights[int(0.95 * len(flights)) - 1]
        print(
            f"500-traveller flight on {workers} process(es): p50 "
            f"{statistics.median(flights) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (goal 100 ms)"
        )
    matcher.close()
    names = [e.caption for e in entries]
    queries = [f"{t.given_names} {t.surname}" for t in people[:200]]
    t0 = time.perf_counter()
    process.cdist(queries, names, scorer=fuzz.token_sort_ratio, workers=2, dtype="uint8")
    brute = time.perf_counter() - t0
    pairs = len(queries) * len(names)
    per_ours = elapsed / len(people)
    per_brute = brute / len(queries)
    print(
        f"brute force: rapidfuzz cdist {pairs / brute / 1e6:.0f} M pairs/s on 2 workers, "
        f"{1000 * per_brute:.1f} ms per traveller; preboard is {per_brute / per_ours:.0f}x faster"
    )


if __name__ == "__main__":
    main()
