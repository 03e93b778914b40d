"""Parsing speed and memory of the EDIFACT readers, beside pydifact's bare tokenizing time.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/ingest/bench_parse.py

Prints medians of repeated runs (same process, same inputs) for:
- a 500-traveller PAXLST (goal: parsed in <= 20 ms),
- a 100-PNR PNRGOV message (goal: <= 50 ms),
- a ~10 MB PAXLST interchange (goal: peak memory <= 200 MB), measured in a child process,
each beside pydifact 0.2.3 tokenizing the same text (no model built), as a ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from pydifact.parser import Parser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import paxlst_manifest, pnrgov_manifest

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.paxlst import parse_paxlst, write_paxlst
from preboard.ingest.pnrgov import parse_pnrgov, write_pnrgov


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ours_paxlst(data: bytes) -> int:
    ics, _ = read_interchanges(data, "bench")
    return sum(len(m.travellers) for m in parse_paxlst([x for ic in ics for x in ic.messages]))


def ours_pnrgov(data: bytes) -> int:
    ics, _ = read_interchanges(data, "bench")
    return sum(len(parse_pnrgov(m).bookings) for ic in ics for m in ic.messages)


def pydifact_tokenize(text: str) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sum(1 for _ in Parser().parse(text))


def compare(label: str, text: str, ours: Callable[[bytes], int], goal_ms: float) -> None:
    data = text.encode()
    count = ours(data)
    t_ours = median_ms(lambda: ours(data), 30)
    t_pyd = median_ms(lambda: pydifact_tokenize(text), 30)
    verdict = "meets" if t_ours <= goal_ms else "MISSES"
    print(
        f"{label}: {len(data) / 1024:.0f} KiB, {count} read; preboard parse {t_ours:.2f} ms "
        f"(goal {goal_ms:.0f} ms, {verdict}); pydifact tokenize only {t_pyd:.2f} ms; "
        f"ratio preboard/pydifact {t_ours / t_pyd:.2f}"
    )


CHILD = """
import sys, time
from pathlib import Path
from preboard.ingest.edifact import read_interchanges
from preboard.ingest.paxlst import parse_paxlst

def hwm():  # peak resident set of this process (reset at exec, unlike ru_maxrss)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
base = hwm()
data = Path(sys.argv[1]).read_bytes()
t = time.perf_counter()
ics, _ = read_interchanges(data, "big")
ms = parse_paxlst([m for ic in ics for m in ic.messages])
elapsed = time.perf_counter() - t
print(sum(len(m.travellers) for m in ms), elapsed, base, hwm())
"""


def big_interchange() -> None:
    text = write_paxlst(paxlst_manifest(52000, seed=7))[0]
    path = Path("/tmp/preboard-bench-10mb.edi")
    path.write_text(text)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    travellers, elapsed, base, peak = int(out[0]), float(out[1]), float(out[2]), float(out[3])
    size_mb = path.stat().st_size / 1e6
    t0 = time.perf_counter()
    pydifact_tokenize(text)
    t_pyd = time.perf_counter() - t0
    verdict = "meets" if peak <= 200 else "MISSES"
    print(
        f"10 MB interchange: {size_mb:.1f} MB, {travellers} travellers read in {elapsed:.2f} s; "
        f"peak RSS {peak:.0f} MB with the interpreter ({base:.0f} MB before reading) "
        f"(goal 200 MB, {verdict}); pydifact tokenize only {t_pyd:.2f} s, "
        f"ratio {elapsed / t_pyd:.2f}"
    )


def main() -> None:
    compare("PAXLST 500 travellers", write_paxlst(paxlst_manifest(500))[0], ours_paxlst, 20)
    compare("PNRGOV 100 PNRs", write_pnrgov(pnrgov_manifest(100)), ours_pnrgov, 50)
    big_interchange()


if __name__ == "__main__":
    main()
