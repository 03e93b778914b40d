"""A finding: one reason an officer should look at a traveller, with its explanation.

Every check (document checks, watchlist matching, rules) produces findings of this one shape,
so the worklist, the API and the UI treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FindingKind(StrEnum):
    """Which family of check raised the finding."""

    DOCUMENT = "document"
    WATCHLIST = "watchlist"
    RULE = "rule"
    DATA = "data"


class FindingSeverity(StrEnum):
    """How much the finding matters on its own; ``info`` never raises a traveller's priority
    above zero on its own (for example data that is simply missing)."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding on one traveller.

    ``code`` is stable and machine-readable (``document.lost_stolen``, ``rule.R-FAC-001``,
    ``watchlist.match``); ``score`` is in [0, 1] (1 for a certain fact such as an exact
    lost-document hit, the match score for a watchlist hit); ``explanation`` is one or more
    sentences an officer reads; ``source`` names what raised it with its version
    (``lost_stolen@2026-11-30``, ``rule R-FAC-001 v3``); ``detail`` holds structured extras
    (alignment, feature contributions, the list entry id) as string pairs.
    """

    kind: FindingKind
    code: str
    severity: FindingSeverity
    score: float
    explanation: str
    source: str = ""
    detail: tuple[tuple[str, str], ...] = field(default=())
