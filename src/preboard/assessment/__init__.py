"""Assessment: the findings on each traveller and the priority that orders a flight's worklist."""

from preboard.assessment.flights import FlightKey, group_by_flight
from preboard.assessment.priority import PRIORITY_VERSION, SEVERITY_WEIGHTS, flagged, priority
from preboard.assessment.screen import Assessed, Screening, Worklist, screen
from preboard.model import Finding, FindingKind, FindingSeverity

__all__ = [
    "PRIORITY_VERSION",
    "SEVERITY_WEIGHTS",
    "Assessed",
    "Finding",
    "FindingKind",
    "FindingSeverity",
    "FlightKey",
    "Screening",
    "Worklist",
    "flagged",
    "group_by_flight",
    "priority",
    "screen",
]
