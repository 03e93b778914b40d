"""Document checks: lost or stolen, expired, expiring during the trip, recently issued, MRZ
check digits, visa required, and API-PNR consistency.

Every check returns ``preboard.assessment.Finding`` objects of kind ``DOCUMENT`` (codes
``document.lost_stolen``, ``document.expired``, ``document.expires_during_trip``,
``document.recently_issued``, ``document.mrz_invalid``, ``document.visa_missing``,
``document.api_pnr_mismatch``, ``document.missing``) or INFO findings of kind ``DATA``
(``data.missing_*``, ``data.unknown_destination``, ``data.no_pnr``, ``data.not_on_api``) for
what could not be checked. Explanations never show a full document number.

    checks = DocumentChecks(
        lost_stolen=load_lost_stolen(Path("sltd.csv")),
        visa=load_visa_table(Path("visa_requirements.csv")),
    )
    links = link_api_pnr(manifests)
    for link in links.links:
        findings = check_traveller(
            link.traveller, flight=link.flight, booking=link.booking, checks=checks, on=today
        )
"""

from preboard.documents.agreement import LinkMethod
from preboard.documents.airports import default_airports, destination_country, load_airports
from preboard.documents.checks import DocumentChecks, check_traveller
from preboard.documents.consistency import (
    ApiPnrLink,
    ApiPnrLinks,
    Unlinked,
    link_api_pnr,
    link_flight,
)
from preboard.documents.expiry import Journey, check_expiry, check_recent_issue, journey
from preboard.documents.lost_stolen import (
    LostStolenHit,
    LostStolenList,
    check_lost_stolen,
    load_lost_stolen,
    read_lost_stolen,
)
from preboard.documents.missing import check_document_present, missing_data_findings
from preboard.documents.mrz import check_mrz
from preboard.documents.visa import (
    Requirement,
    VisaRule,
    VisaTable,
    check_visa,
    example_visa_table,
    load_visa_table,
    read_visa_table,
)

__all__ = [
    "ApiPnrLink",
    "ApiPnrLinks",
    "DocumentChecks",
    "Journey",
    "LinkMethod",
    "LostStolenHit",
    "LostStolenList",
    "Requirement",
    "Unlinked",
    "VisaRule",
    "VisaTable",
    "check_document_present",
    "check_expiry",
    "check_lost_stolen",
    "check_mrz",
    "check_recent_issue",
    "check_traveller",
    "check_visa",
    "default_airports",
    "destination_country",
    "example_visa_table",
    "journey",
    "link_api_pnr",
    "link_flight",
    "load_airports",
    "load_lost_stolen",
    "load_visa_table",
    "missing_data_findings",
    "read_lost_stolen",
    "read_visa_table",
]
