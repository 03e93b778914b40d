"""What could not be checked: a traveller without a document, birth date or nationality.

``check_document_present`` raises ``document.missing`` (LOW): every traveller on an API list
should travel on a document. ``missing_data_findings`` lists the missing key fields as INFO
``DATA`` findings, so the officer sees which checks did not run for the traveller.
"""

from __future__ import annotations

from preboard.documents.numbers import describe, is_visa, nationality_of
from preboard.documents.report import data_finding, document_finding
from preboard.model import TravelDocument, Traveller
from preboard.model.findings import Finding, FindingSeverity

__all__ = ["check_document_present", "missing_data_findings", "travel_documents"]


def travel_documents(traveller: Traveller) -> list[TravelDocument]:
    """The traveller's documents with a number, other than visas."""
    return [d for d in traveller.documents if d.number and not is_visa(d)]


def check_document_present(traveller: Traveller) -> list[Finding]:
    """``document.missing`` (LOW) when the traveller has no travel document with a number."""
    if travel_documents(traveller):
        return []
    text = (
        "No travel document with a number is reported for this traveller: the document checks "
        "(lost or stolen, expiry) could not run. Ask the carrier for the document data."
    )
    return [document_finding("missing", FindingSeverity.LOW, 1.0, text)]


def missing_data_findings(traveller: Traveller, *, document: bool = True) -> list[Finding]:
    """INFO ``DATA`` findings for missing key fields: ``data.missing_document`` (left out
    when ``document`` is false, as ``check_document_present`` reports it),
    ``data.missing_document_expiry``, ``data.missing_birth_date`` and
    ``data.missing_nationality``."""
    findings: list[Finding] = []
    documents = travel_documents(traveller)
    if not documents and document:
        text = "No travel document is reported: document checks did not run."
        findings.append(data_finding("missing_document", text))
    for doc in documents:
        if doc.expiry is None:
            text = f"The {describe(doc)} has no expiry date: its expiry was not checked."
            findings.append(data_finding("missing_document_expiry", text))
    if traveller.birth_date is None:
        text = "No birth date is reported: matching on birth date was not possible."
        findings.append(data_finding("missing_birth_date", text))
    if nationality_of(traveller) is None:
        text = "No nationality is reported: the visa requirement was not checked."
        findings.append(data_finding("missing_nationality", text))
    return findings
