"""Special service requests: the SSR segment and the free text of DOCS, DOCO, DOCA, TKNE, INFT
and the seat requests (SEAT, NSST, RQST…).

``SSR+DOCS:HK:1:SQ:::ICN:SIN:/P/KOR/…+::1`` carries, in its first element, the code, status,
quantity, carrier, board and off points and the free text; the elements after it name seats and
traveller references (``+15A::1+15B::2``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from preboard.ingest.edifact import Segment
from preboard.ingest.pnrgov.dates import day_month_year, is_ddmmmyy
from preboard.model import Sex, TravelDocument
from preboard.model.countries import normalise_country

_GENDERS = {
    "M": (Sex.MALE, False),
    "F": (Sex.FEMALE, False),
    "U": (Sex.UNSPECIFIED, False),
    "X": (Sex.UNSPECIFIED, False),
    "MI": (Sex.MALE, True),
    "FI": (Sex.FEMALE, True),
    "UI": (Sex.UNSPECIFIED, True),
}
_DOCS_DATE_SLOT = 4
_SEAT = re.compile(r"^0*(\d{1,3}[A-Z])$")
_TICKET = re.compile(r"(INF)?\.?(\d{13,15})(?:C\d)?")
_TICKET_NBR = re.compile(r"TKT NBR (\S+)")

SEAT_CODES = frozenset({"SEAT", "NSST", "NSSA", "NSSW", "NSSB", "RQST", "EXST", "CBBG"})
# Codes that reveal health, disability, religion or belief (special meals end in ML): the
# system does not hold such data (DOMAIN.md §4.2), so these SSRs are counted and left out.
_SENSITIVE = frozenset(
    {"WCHR", "WCHS", "WCHC", "WCBD", "WCBW", "WCMP", "WCOB", "MEDA", "BLND", "DEAF", "DPNA"}
    | {"OXYG", "STCR", "MAAS", "ESAN", "SVAN", "PPOC", "POXY", "LEGL", "PRMS", "ASVC"}
)


def is_sensitive(code: str) -> bool:
    """True for SSR codes that describe health, disability or religious meals."""
    return code in _SENSITIVE or (len(code) == 4 and code.endswith("ML"))


@dataclass(frozen=True, slots=True)
class Ssr:
    """The parts of one SSR segment."""

    code: str
    status: str
    carrier: str
    board: str
    off: str
    text: str
    refs: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]  # (seat as sent, traveller reference)


def read_ssr(seg: Segment) -> Ssr:
    """Split an SSR segment into its code, points, free text, seats and references."""
    first = seg.components(0)
    text = ":".join(first[8:]) if len(first) > 8 else ""
    refs: list[str] = []
    seats: list[tuple[str, str]] = []
    for element in seg.elements[1:]:
        seat = element[0].strip() if element else ""
        ref = element[2].strip() if len(element) > 2 else ""
        if ref and ref not in refs:
            refs.append(ref)
        if seat:
            seats.append((seat, ref))
    return Ssr(
        seg.get(0, 0).strip().upper(),
        seg.get(0, 1).strip(),
        seg.get(0, 3).strip(),
        seg.get(0, 6).strip(),
        seg.get(0, 7).strip(),
        text,
        tuple(refs),
        tuple(seats),
    )


def seat_number(text: str) -> str | None:
    """``074E`` as ``74E``; ``None`` for ``XXX`` or anything that is not a seat."""
    m = _SEAT.match(text.strip().upper())
    return m[1] if m else None


@dataclass(frozen=True, slots=True)
class Docs:
    """What an SSR DOCS says of a traveller."""

    document: TravelDocument
    birth_date: dt.date | None
    sex: Sex | None
    infant: bool
    surname: str
    given: str
    shift: int  # fields inserted (>0) or removed (<0) to repair a shifted DOCS
    unknown_countries: tuple[str, ...]


def _fields(text: str) -> list[str]:
    text = text.strip()
    if text.startswith("/"):
        text = text[1:]
    return [f.strip() for f in text.split("/")]


def _realign(fields: list[str]) -> int:
    """Move the birth date into its slot when a field was left out or added; the shift."""
    slot = next(
        (
            i
            for i in range(len(fields) - 1)
            if is_ddmmmyy(fields[i]) and fields[i + 1].upper() in _GENDERS
        ),
        None,
    )
    if slot is None or slot == _DOCS_DATE_SLOT:
        return 0
    if slot < _DOCS_DATE_SLOT:
        for _ in range(_DOCS_DATE_SLOT - slot):
            fields.insert(slot, "")
        return _DOCS_DATE_SLOT - slot
    extra = slot - _DOCS_DATE_SLOT
    for _ in range(extra):
        empty = next((i for i in range(slot - 1, -1, -1) if not fields[i]), slot - 1)
        del fields[empty]
        slot -= 1
    return -extra


def _country(raw: str, unknown: list[str]) -> str | None:
    value, known = normalise_country(raw)
    if not known and value:
        unknown.append(value)
    return value


def parse_docs(text: str, reference: dt.date) -> Docs | None:
    """``/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SURNAME/GIVEN/MIDDLE/H``; ``None`` if empty."""
    fields = _fields(text)
    shift = _realign(fields)
    fields += [""] * (11 - len(fields))
    if not any(fields):
        return None
    unknown: list[str] = []
    sex, infant = _GENDERS.get(fields[5].upper(), (None, False))
    document = TravelDocument(
        type=fields[0].upper() or None,
        number="".join(fields[2].split()) or None,
        issuing_country=_country(fields[1], unknown),
        expiry=day_month_year(fields[6], reference, past=False),
        nationality=_country(fields[3], unknown),
    )
    given = " ".join(f for f in fields[8:10] if f)
    return Docs(
        document,
        day_month_year(fields[4], reference, past=True),
        sex,
        infant,
        fields[7],
        given,
        shift,
        tuple(unknown),
    )


@dataclass(frozen=True, slots=True)
class Doco:
    """What an SSR DOCO says: a visa or other document, and the birth place."""

    document: TravelDocument
    birth_place: str | None
    infant: bool
    shifted: bool
    unknown_countries: tuple[str, ...]


def parse_doco(text: str, reference: dt.date) -> Doco | None:
    """``/birthplace/V/number/issue place/issue date/country/I``; ``None`` when empty.

    The place of issue is kept as ``issue_place`` and the country (the one the visa is for,
    which issued it) as ``issuing_country``.
    """
    fields = _fields(text)
    shifted = False
    if len(fields[0]) == 1 and len(fields) > 1 and len(fields[1]) > 1:
        fields.insert(0, "")  # the birth place was left out with its slash
        shifted = True
    fields += [""] * (7 - len(fields))
    if not any(fields):
        return None
    unknown: list[str] = []
    document = TravelDocument(
        type=fields[1].upper() or None,
        number="".join(fields[2].split()) or None,
        issuing_country=_country(fields[5], unknown),
        issue_date=day_month_year(fields[4], reference, past=True),
        issue_place=fields[3] or None,
    )
    infant = fields[6].upper() == "I"
    return Doco(document, fields[0] or None, infant, shifted, tuple(unknown))


def ticket_number(text: str) -> tuple[str, bool] | None:
    """The ticket number of an SSR TKNE and whether it is an infant's (``INF…``)."""
    m = _TICKET.search(text)
    if m:
        return m[2], bool(m[1])
    m = _TICKET_NBR.search(text)
    return (m[1], False) if m else None


@dataclass(frozen=True, slots=True)
class Infant:
    """An infant named in an SSR INFT."""

    surname: str
    given: str
    birth_date: dt.date | None


def parse_inft(text: str, reference: dt.date) -> Infant | None:
    """``SURNAME/GIVEN/10AUG11`` or ``SURNAME/GIVEN 10AUG11``; ``None`` without a name."""
    parts = text.strip().replace("/", " / ").split("/")
    surname = parts[0].strip()
    words = " ".join(parts[1:]).split()
    birth = None
    given: list[str] = []
    for word in words:
        if birth is None and is_ddmmmyy(word):
            birth = day_month_year(word, reference, past=True)
        else:
            given.append(word)
    if not surname:
        return None
    return Infant(surname, " ".join(given), birth)
