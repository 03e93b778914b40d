"""The domain model: frozen dataclasses shared by every package. Countries are ISO alpha-3."""

from preboard.model.booking import (
    Address,
    Booking,
    Contacts,
    ItinerarySegment,
    Payment,
    PaymentMethod,
    Ticket,
)
from preboard.model.dates import PartialDate
from preboard.model.findings import Finding, FindingKind, FindingSeverity
from preboard.model.manifest import (
    Manifest,
    MessageRef,
    Problem,
    Severity,
    SourceKind,
    UnreadSegment,
)
from preboard.model.people import Role, Sex, TravelDocument, Traveller
from preboard.model.travel import Flight, Leg

__all__ = [
    "Address",
    "Booking",
    "Contacts",
    "Finding",
    "FindingKind",
    "FindingSeverity",
    "Flight",
    "ItinerarySegment",
    "Leg",
    "Manifest",
    "MessageRef",
    "PartialDate",
    "Payment",
    "PaymentMethod",
    "Problem",
    "Role",
    "Severity",
    "Sex",
    "SourceKind",
    "Ticket",
    "TravelDocument",
    "Traveller",
    "UnreadSegment",
]
