"""Assessment: the findings on each traveller and the priority that orders a flight's worklist."""

from preboard.assessment.findings import Finding, FindingKind, FindingSeverity

__all__ = ["Finding", "FindingKind", "FindingSeverity"]
