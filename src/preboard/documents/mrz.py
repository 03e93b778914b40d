"""MRZ check digits as findings.

MRZ data reaches preboard only through ``preboard.ingest.mrz.parse_mrz`` (a manifest read from
an MRZ carries the holder as a ``Traveller``, and wrong check digits only as ``Problem`` text;
PAXLST and PNRGOV carry no MRZ). So this check works on the parse result, an ``Mrz``: the
holder's other checks run on ``Mrz.to_traveller`` through ``check_traveller``.
"""

from __future__ import annotations

from preboard.documents.numbers import describe
from preboard.documents.report import document_finding
from preboard.ingest.mrz import Mrz
from preboard.model import TravelDocument
from preboard.model.findings import Finding, FindingSeverity

__all__ = ["check_mrz"]

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
