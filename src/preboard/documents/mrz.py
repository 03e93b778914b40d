"""MRZ check digits as findings.

MRZ data reaches preboard only through ``preboard.ingest.mrz.parse_mrz`` (PAXLST and PNRGOV
carry no MRZ). ``check_mrz`` works on the parse result, an ``Mrz``; a manifest read from an MRZ
carries the holder as a ``Traveller`` whose ``extra`` names the fields with a wrong check
digit (``mrz_invalid_checks``), which ``check_mrz_traveller`` turns into the same finding, so
that ``check_traveller`` raises it in screening.
"""

from __future__ import annotations

from preboard.documents.numbers import describe
from preboard.documents.report import document_finding
from preboard.ingest.mrz import Mrz
from preboard.ingest.reader import MRZ_INVALID_CHECKS
from preboard.model import TravelDocument, Traveller
from preboard.model.findings import Finding, FindingSeverity

__all__ = ["check_mrz", "check_mrz_traveller"]

_FIELDS = {
    "document_number": "document number",
    "birth_date": "birth date",
    "expiry": "expiry date",
    "personal_number": "personal number",
    "composite": "composite (whole line)",
}
_WEAK = frozenset({"personal_number"})  # optional data: a wrong digit there matters less


def check_mrz(mrz: Mrz) -> list[Finding]:
    """``document.mrz_invalid`` when any check digit of ``mrz`` is wrong: MEDIUM, or LOW when
    only the optional personal number's digit is wrong; none when every digit is right."""
    wrong = [(name, check) for name, check in mrz.check_digits if not check.valid]
    if not wrong:
        return []
    document = TravelDocument(
        type=mrz.document_code[:1] or None,
        number=mrz.document_number or None,
        issuing_country=mrz.issuing_state or None,
    )
    listed = ", ".join(
        f"{_FIELDS.get(name, name)} (printed {check.found}, computed {check.expected})"
        for name, check in wrong
    )
    text = (
        f"The {mrz.format} MRZ of the {describe(document)} has wrong check digits: {listed}. "
        "A wrong check digit points to a misread, a typing error or an altered document: "
        "compare the MRZ with the data page."
    )
    weak_only = all(name in _WEAK for name, _ in wrong)
    severity = FindingSeverity.LOW if weak_only else FindingSeverity.MEDIUM
    detail = {"format": str(mrz.format), "invalid": ",".join(name for name, _ in wrong)}
    return [document_finding("mrz_invalid", severity, 1.0, text, detail=detail)]


def check_mrz_traveller(traveller: Traveller) -> list[Finding]:
    """``document.mrz_invalid`` for a traveller read from an MRZ whose check digits failed (as
    the reader records them in ``Traveller.extra``); none otherwise."""
    extra = dict(traveller.extra)
    names = [n for n in extra.get(MRZ_INVALID_CHECKS, "").split(",") if n]
    if not names:
        return []
    document = traveller.documents[0] if traveller.documents else TravelDocument(None, None)
    listed = ", ".join(_FIELDS.get(name, name) for name in names)
    text = (
        f"The {extra.get('mrz_format', '')} MRZ of the {describe(document)} has wrong check "
        f"digits: {listed}. A wrong check digit points to a misread, a typing error or an "
        "altered document: compare the MRZ with the data page."
    ).replace("The  MRZ", "The MRZ")
    weak_only = all(name in _WEAK for name in names)
    severity = FindingSeverity.LOW if weak_only else FindingSeverity.MEDIUM
    detail = {"invalid": ",".join(names)}
    return [document_finding("mrz_invalid", severity, 1.0, text, detail=detail)]
