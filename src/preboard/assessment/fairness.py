"""Disparities in who gets flagged: flag rates among innocent travellers, by group.

A traveller is *flagged* when any finding is more than information (``priority.flagged``). The
report groups innocent travellers (those the caller does not know to be planted or confirmed
cases) by a characteristic such as nationality and gives each group's flag rate; the figure to
watch is the highest rate over the lowest, among groups large enough to say anything
(``min_size``). Nationality is used here only to measure the system's errors, never to screen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from preboard.assessment.priority import flagged
from preboard.assessment.screen import Assessed, Worklist


@dataclass(frozen=True, slots=True)
class GroupRate:
    """One group's innocent travellers, how many were flagged, and by which finding codes."""

    group: str
    travellers: int
    flagged: int
    codes: tuple[tuple[str, int], ...]

    @property
    def rate(self) -> float:
        return self.flagged / self.travellers if self.travellers else 0.0


@dataclass(frozen=True, slots=True)
class FairnessReport:
    """Flag rates by group, and the ratio of the highest to the lowest among large groups."""

    groups: tuple[GroupRate, ...]
    min_size: int

    @property
    def compared(self) -> tuple[GroupRate, ...]:
        return tuple(g for g in self.groups if g.travellers >= self.min_size)

    @property
    def ratio(self) -> float | None:
        """Highest rate over lowest among compared groups; with a zero lowest rate, the ratio
        is taken against half a flag in the lowest group (so that one flag is not infinite);
        ``None`` with fewer than two groups."""
        groups = self.compared
        if len(groups) < 2:
            return None
        high = max(g.rate for g in groups)
        low = min(max(g.flagged, 0.5) / g.travellers for g in groups)
        return high / low if high > 0 else 1.0


def fairness(
    worklists: Iterable[Worklist],
    innocent: Callable[[Assessed], bool],
    group: Callable[[Assessed], str],
    min_size: int = 100,
) -> FairnessReport:
    """Flag rates of the travellers ``innocent`` accepts, grouped by ``group``."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    codes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for worklist in worklists:
        for item in worklist.travellers:
            if not innocent(item):
                continue
            key = group(item) or "unknown"
            counts[key][0] += 1
            if flagged(item.findings):
                counts[key][1] += 1
                for finding in item.findings:
                    if finding.severity.value != "info":
                        codes[key][finding.code] += 1
    rows = tuple(
        GroupRate(key, n, k, tuple(sorted(codes[key].items(), key=lambda c: (-c[1], c[0]))))
        for key, (n, k) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )
    return FairnessReport(rows, min_size)
