"""The configuration of the document checks and the one entry point per traveller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from preboard.documents.airports import default_airports, destination_country
from preboard.documents.expiry import (
    DEFAULT_RECENT_DAYS,
    check_expiry,
    check_recent_issue,
    journey,
)
from preboard.documents.lost_stolen import LostStolenList, check_lost_stolen
from preboard.documents.missing import check_document_present, missing_data_findings
from preboard.documents.mrz import check_mrz_traveller
from preboard.documents.visa import VisaTable, check_visa
from preboard.errors import ConfigurationError
from preboard.model import Booking, Flight, Traveller
from preboard.model.findings import Finding

__all__ = ["DocumentChecks", "check_traveller"]


def _no_rules() -> VisaTable:
    return VisaTable({}, "visa_requirements@none")


@dataclass(frozen=True, slots=True, eq=False)
class DocumentChecks:
    """What the document checks use: the lost and stolen list (``None``: not checked), the
    operator's visa table (empty by default: no visa is checked), the airport to country
    mapping and the number of days within which an issue date counts as recent."""

    lost_stolen: LostStolenList | None = None
    visa: VisaTable = field(default_factory=_no_rules)
    airports: Mapping[str, str] = field(default_factory=default_airports)
    recent_issue_days: int = DEFAULT_RECENT_DAYS

    def __post_init__(self) -> None:
        if self.recent_issue_days < 0:
            raise ConfigurationError(
                f"recent_issue_days must be 0 or more, not {self.recent_issue_days}"
            )


def check_traveller(
    traveller: Traveller,
    *,
    flight: Flight | None,
    booking: Booking | None = None,
    checks: DocumentChecks | None = None,
    on: dt.date,
) -> list[Finding]:
    """Every document check on one traveller of ``flight``.

    ``booking`` is the traveller's PNR when known (see ``link_api_pnr``): its itinerary gives
    the end of the journey for the expiry check. ``on`` is the evaluation date, the departure
    date when the flight has none. Returns ``document.lost_stolen``, ``document.expired``,
    ``document.expires_during_trip``, ``document.recently_issued``, ``document.visa_missing``
    ``document.missing`` and ``document.mrz_invalid`` findings, then INFO ``data.*`` findings
    for what was not checked.
    """
    config = checks or DocumentChecks()
    trip = journey(flight, booking, on)
    findings: list[Finding] = []
    if config.lost_stolen is not None:
        findings += check_lost_stolen(traveller, config.lost_stolen)
    findings += check_expiry(traveller, trip)
    findings += check_recent_issue(traveller, trip, days=config.recent_issue_days)
    destination = destination_country(flight, config.airports)
    findings += check_visa(traveller, destination=destination, table=config.visa)
    findings += check_document_present(traveller)
    findings += check_mrz_traveller(traveller)
    findings += missing_data_findings(traveller, document=False)
    return findings
