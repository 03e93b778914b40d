"""Watchlist hits as findings: the match score, the list's severity and the explanation."""

from __future__ import annotations

import json

from preboard.matching import MatchResult
from preboard.model.findings import Finding, FindingKind, FindingSeverity
from preboard.watchlist import Watchlist


def list_severity(watchlist: Watchlist | None) -> FindingSeverity:
    """The list's own severity as a finding severity (``high`` when it says nothing usable)."""
    value = (watchlist.severity if watchlist else "").strip().lower()
    try:
        return FindingSeverity(value)
    except ValueError:
        return FindingSeverity.HIGH


def watchlist_finding(result: MatchResult, watchlist: Watchlist | None) -> Finding:
    """One match as a finding; its explanation is the officer-readable summary of the name
    alignment and of each feature's contribution, and its detail carries both as JSON lists
    (``alignment``: traveller, entry, similarity, reason; ``features``: feature, level, weight,
    detail) for the tables of the UI and the API."""
    name = watchlist.name if watchlist else "watchlist"
    version = f"@{watchlist.version}" if watchlist and watchlist.version else ""
    lines = result.explanation.summary()
    parts = result.explanation.to_dict()
    return Finding(
        kind=FindingKind.WATCHLIST,
        code="watchlist.match",
        severity=list_severity(watchlist),
        score=round(result.score, 4),
        explanation=f"Possible match on {name}: " + "\n".join(lines),
        source=f"{watchlist.id if watchlist else 'watchlist'}{version}",
        detail=(
            ("entry_id", result.entry_id),
            ("weights", result.explanation.weights_version),
            # Structured, for the officer's tables (JSON text: detail values are strings).
            ("alignment", json.dumps(parts["alignment"], ensure_ascii=False)),
            ("features", json.dumps(parts["features"], ensure_ascii=False)),
        ),
    )
