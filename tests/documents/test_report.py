"""Finding builders: codes, kinds and scores stay uniform."""

from __future__ import annotations

from preboard.documents.report import data_finding, document_finding
from preboard.model.findings import FindingKind, FindingSeverity


def test_document_finding_prefixes_the_code_and_clamps_the_score() -> None:
    finding = document_finding("expired", FindingSeverity.HIGH, 1.7, "text", detail={"a": None})
    assert (finding.kind, finding.code, finding.score) == (
        FindingKind.DOCUMENT,
        "document.expired",
        1.0,
    )
    assert finding.detail == ()


def test_data_findings_are_info() -> None:
    finding = data_finding("missing_birth_date", "text", detail={"x": "1"})
    assert (finding.kind, finding.severity, finding.code) == (
        FindingKind.DATA,
        FindingSeverity.INFO,
        "data.missing_birth_date",
    )
    assert finding.detail == (("x", "1"),)
