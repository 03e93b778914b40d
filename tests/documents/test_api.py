"""The public API of preboard.documents, guarded so a change to it is a decision."""

from __future__ import annotations

import preboard.documents as documents

PUBLIC = {
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
}


def test_all_is_the_public_api() -> None:
    assert set(documents.__all__) == PUBLIC
    assert all(hasattr(documents, name) for name in documents.__all__)


def test_public_functions_have_docstrings() -> None:
    for name in documents.__all__:
        assert getattr(documents, name).__doc__, name
