"""Where an API traveller and the same person in the PNR disagree, as findings.

Compared: document numbers by document type (``document_number``), the expiry of a document
both give (``document_expiry``), birth dates (partial dates agree on what both know), the
nationality and the name after folding case, diacritics, spaces and punctuation (words in
another order agree). Document numbers are masked in explanations.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from preboard.documents.numbers import nationality_of, number_key, type_category
from preboard.documents.report import document_finding
from preboard.matching.text import split_words
from preboard.model import PartialDate, TravelDocument, Traveller
from preboard.model.findings import Finding, FindingSeverity
from preboard.privacy import mask_tail

__all__ = ["LinkMethod", "Pair", "birth_dates_agree", "disagreements", "name_key", "names_agree"]

SOURCE = "api_pnr"
_TYPES = {"P": "passport", "V": "visa", "I": "identity card"}


class LinkMethod(StrEnum):
    """How an API traveller was linked to a booking, strongest first."""

    LOCATOR_AND_REF = "record_locator+traveller_ref"
    LOCATOR_AND_NAME = "record_locator+name"
    LOCATOR_ONLY = "record_locator"  # the only traveller of the booking not linked yet
    NAME_BIRTH_DOCUMENT = "name+birth_date+document"
    NAME_BIRTH = "name+birth_date"  # one side has no document number

    @property
    def confidence(self) -> float:
        """How sure a link made this way is, in [0, 1]."""
        return _CONFIDENCE[self]

    @property
    def words(self) -> str:
        """The method for an explanation (``"record locator and name"``)."""
        return self.value.replace("_", " ").replace("+", " and ")


_CONFIDENCE = {
    LinkMethod.LOCATOR_AND_REF: 1.0,
    LinkMethod.LOCATOR_AND_NAME: 0.95,
    LinkMethod.LOCATOR_ONLY: 0.9,
    LinkMethod.NAME_BIRTH_DOCUMENT: 0.95,
    LinkMethod.NAME_BIRTH: 0.8,
}


@dataclass(frozen=True, slots=True)
class Pair:
    """An API traveller and the same person in a booking, with how sure the link is."""

    api: Traveller
    booked: Traveller
    record_locator: str
    method: LinkMethod


def name_key(traveller: Traveller) -> str:
    """The name as one folded string: ``"HERNANDEZLOPEZJUANCARLOS"``."""
    return "".join(split_words(f"{traveller.surname} {traveller.given_names}"))


def names_agree(a: Traveller, b: Traveller) -> bool:
    """Equal names after folding, or the same words in another order."""
    words_a = split_words(f"{a.surname} {a.given_names}")
    words_b = split_words(f"{b.surname} {b.given_names}")
    return "".join(words_a) == "".join(words_b) or sorted(words_a) == sorted(words_b)


def birth_dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Whether two (partial) birth dates can be the same day; an unknown one agrees."""
    if a is None or b is None:
        return True
    parts = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    return all(x is None or y is None or x == y for x, y in parts)


def _by_type(t: Traveller) -> dict[str | None, dict[str, TravelDocument]]:
    found: dict[str | None, dict[str, TravelDocument]] = {}
    for doc in t.documents:
        if doc.number:
            found.setdefault(type_category(doc.type), {})[number_key(doc.number)] = doc
    return found


def _tails(api: str, booked: str) -> str:
    a, b = mask_tail(api), mask_tail(booked)
    same = " (the same last characters: they differ earlier)" if a == b else ""
    return f"API {a}, PNR {b}{same}"


def _documents(pair: Pair) -> list[tuple[str, FindingSeverity, str]]:
    found: list[tuple[str, FindingSeverity, str]] = []
    api, booked = _by_type(pair.api), _by_type(pair.booked)
    for category in api.keys() & booked.keys():
        name = _TYPES.get(category or "", "document")
        shared = api[category].keys() & booked[category].keys()
        if not shared:
            tails = _tails(min(api[category]), min(booked[category]))
            found.append(("document_number", FindingSeverity.MEDIUM, f"{name} number: {tails}"))
        for number in sorted(shared):
            a, b = api[category][number].expiry, booked[category][number].expiry
            if a and b and a != b:
                text = f"{name} expiry: API {a.isoformat()}, PNR {b.isoformat()}"
                found.append(("document_expiry", FindingSeverity.INFO, text))
    return found


def _person(pair: Pair) -> list[tuple[str, FindingSeverity, str]]:
    found: list[tuple[str, FindingSeverity, str]] = []
    api, booked = pair.api, pair.booked
    if not birth_dates_agree(api.birth_date, booked.birth_date):
        text = f"birth date: API {api.birth_date}, PNR {booked.birth_date}"
        found.append(("birth_date", FindingSeverity.MEDIUM, text))
    nat_api, nat_booked = nationality_of(api), nationality_of(booked)
    if nat_api and nat_booked and nat_api != nat_booked:
        text = f"nationality: API {nat_api}, PNR {nat_booked}"
        found.append(("nationality", FindingSeverity.LOW, text))
    if not names_agree(api, booked):
        text = f"name: API {api.full_name!r}, PNR {booked.full_name!r}"
        found.append(("name", FindingSeverity.LOW, text))
    return found


def disagreements(pair: Pair) -> list[Finding]:
    """``document.api_pnr_mismatch`` for each field on which the pair disagrees: MEDIUM for a
    document number or birth date, LOW for a nationality or name, INFO for the expiry of the
    same document (often typed differently at booking). The score is the link's confidence."""
    findings: list[Finding] = []
    for field, severity, what in _documents(pair) + _person(pair):
        text = f"API and PNR {pair.record_locator} disagree on the {what}"
        text += f" (linked by {pair.method.words})."
        detail = {"field": field, "record_locator": pair.record_locator, "link": str(pair.method)}
        findings.append(
            document_finding(
                "api_pnr_mismatch",
                severity,
                pair.method.confidence,
                text,
                source=SOURCE,
                detail=detail,
            )
        )
    return findings
