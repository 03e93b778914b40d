"""Building findings: every document check reports through these, so codes, kinds and sources
stay uniform."""

from __future__ import annotations

from collections.abc import Mapping

from preboard.model.findings import Finding, FindingKind, FindingSeverity

__all__ = ["data_finding", "document_finding"]


def _detail(pairs: Mapping[str, str | None]) -> tuple[tuple[str, str], ...]:
    return tuple((key, value) for key, value in pairs.items() if value)


def document_finding(
    code: str,
    severity: FindingSeverity,
    score: float,
    explanation: str,
    *,
    source: str = "documents",
    detail: Mapping[str, str | None] | None = None,
) -> Finding:
    """A ``DOCUMENT`` finding with code ``document.<code>``; empty detail values are left out.
    The score is clamped to [0, 1]."""
    return Finding(
        FindingKind.DOCUMENT,
        f"document.{code}",
        severity,
        min(1.0, max(0.0, score)),
        explanation,
        source,
        _detail(detail or {}),
    )


def data_finding(
    code: str,
    explanation: str,
    *,
    source: str = "documents",
    detail: Mapping[str, str | None] | None = None,
) -> Finding:
    """An ``INFO`` ``DATA`` finding with code ``data.<code>``: something was not checked
    because data is missing. It never raises a traveller's priority on its own."""
    return Finding(
        FindingKind.DATA,
        f"data.{code}",
        FindingSeverity.INFO,
        1.0,
        explanation,
        source,
        _detail(detail or {}),
    )
