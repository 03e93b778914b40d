"""Segment group 4 (one per person: NAD, ATT, DTM, MEA, FTX, LOC, COM, EMP, NAT, RFF) and its
segment group 5 (DOC with DTM and LOC) into ``Traveller`` and ``TravelDocument``.

Values the model has no field for (contacts, address, employer, other references) go to
``Traveller.extra`` as ``(key, value)`` pairs; segments not understood at all stay unread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from preboard.ingest.context import Context
from preboard.ingest.edifact import Segment
from preboard.ingest.paxlst import values
from preboard.model import PartialDate, Role, Severity, Sex, TravelDocument, Traveller

ROLES = {"FL": Role.PASSENGER, "FM": Role.CREW, "DDU": Role.IN_TRANSIT, "DDT": Role.IN_TRANSIT}
_PLACEHOLDER_TAGS = {"NULL", "NONE", "N/A", "0"}


@dataclass(slots=True)
class DocDraft:
    """A document being read."""

    type: str | None
    number: str | None
    issuing_country: str | None = None
    issue_date: dt.date | None = None
    expiry: dt.date | None = None

    def build(self) -> TravelDocument:
        return TravelDocument(
            self.type,
            self.number,
            self.issuing_country,
            self.issue_date,
            self.expiry,
        )


@dataclass(slots=True)
class Draft:
    """A traveller being read, segment by segment."""

    role: Role
    surname: str
    given_names: str
    birth_date: PartialDate | None = None
    sex: Sex | None = None
    nationality: str | None = None
    residence_country: str | None = None
    birth_place: str | None = None
    embarkation: str | None = None
    debarkation: str | None = None
    docs: list[DocDraft] = field(default_factory=list)
    reservation_ref: str | None = None
    ref: str | None = None
    seat: str | None = None
    bag_count: int | None = None
    bag_weight_kg: float | None = None
    bag_tags: list[str] = field(default_factory=list)
    tagged_bags: int = 0
    extra: list[tuple[str, str]] = field(default_factory=list)

    def build(self) -> Traveller:
        bags = self.bag_count if self.bag_count is not None else (self.tagged_bags or None)
        return Traveller(
            role=self.role,
            surname=self.surname,
            given_names=self.given_names,
            birth_date=self.birth_date,
            sex=self.sex,
            nationality=self.nationality,
            residence_country=self.residence_country,
            birth_place=self.birth_place,
            embarkation=self.embarkation,
            debarkation=self.debarkation,
            documents=tuple(d.build() for d in self.docs),
            reservation_ref=self.reservation_ref,
            ref=self.ref,
            seat=self.seat,
            bags=bags,
            bag_weight_kg=self.bag_weight_kg,
            bag_tags=tuple(self.bag_tags),
            extra=tuple(self.extra),
        )


def start(seg: Segment, ctx: Context) -> Draft:
    """A new traveller from ``NAD+FL+++SURNAME:GIVEN:SECOND`` (FL, FM, DDU or DDT)."""
    qualifier = seg.get(0).strip().upper()
    names = [c.strip() for c in seg.components(3)]
    surname = names[0] if names else ""
    given = " ".join(n for n in names[1:] if n)
    draft = Draft(ROLES[qualifier], surname, given)
    if qualifier == "DDT":
        draft.extra.append(("role_code", "DDT"))
    if not surname:
        ctx.problem(seg, "traveller without a surname; read with an empty surname")
    address = [" ".join(c for c in seg.components(i) if c) for i in range(4, len(seg))]
    if any(address):
        draft.extra.append(("address", ", ".join(a for a in address if a)))
    return draft


def _att(d: Draft, seg: Segment, ctx: Context) -> bool:
    if seg.get(0) != "2":
        return False
    code = seg.get(2).strip().upper()
    sex = values.SEXES.get(code)
    if sex is None and code:
        ctx.problem(seg, f"sex {code!r} is not M, F, U or X; kept in extra as sex_code")
        d.extra.append(("sex_code", code))
    d.sex = sex
    return True


def _dtm(d: Draft, seg: Segment, ctx: Context) -> bool:
    comps = (*seg.elements[0], "", "", "") if seg.elements else ("", "", "")
    qualifier, value, fmt = comps[0], comps[1].strip(), comps[2]
    if qualifier == "329":
        d.birth_date = values.birth_date(value, fmt, ctx.reference)
        if d.birth_date is None and value:
            ctx.problem(seg, f"birth date {value!r} is not a date; kept in extra as birth_date_raw")
            d.extra.append(("birth_date_raw", value))
        return True
    if qualifier not in ("36", "182"):
        return False
    if not d.docs:
        ctx.problem(seg, f"document date (DTM {qualifier}) before any DOC; kept unread")
        return False
    expiry = qualifier == "36"
    date = values.document_date(value, fmt, ctx.reference, expiry=expiry)
    if date is None and value:
        ctx.problem(seg, f"document date {value!r} is not a date; kept unread")
        return False
    if expiry:
        d.docs[-1].expiry = date
    else:
        d.docs[-1].issue_date = date
    return True


def _amount(seg: Segment) -> tuple[str, str]:
    """Unit and value of a MEA: ``KGM:80`` and ``:4`` (standard), or ``4`` alone (GTAS)."""
    unit, value = seg.get(2, 0).strip().upper(), seg.get(2, 1).strip()
    if not value and unit.replace(".", "", 1).isdecimal():
        return "", unit
    return unit, value


def _mea(d: Draft, seg: Segment, ctx: Context) -> bool:
    qualifier = seg.get(0).strip().upper()
    unit, text = _amount(seg)
    amount = values.number(text) if text else None
    if qualifier == "CT" and amount is not None:
        d.bag_count = int(amount)
        return True
    if qualifier == "WT" and amount is not None and unit in ("KGM", "KG", "LBR", "LB", ""):
        factor = values.POUND_KG if unit in ("LBR", "LB") else 1.0
        d.bag_weight_kg = round(amount * factor, 1)
        return True
    ctx.problem(seg, f"bag measure {seg.raw!r} not understood; kept unread", Severity.INFO)
    return False


def _ftx(d: Draft, seg: Segment, ctx: Context) -> bool:
    qualifier = seg.get(0).strip().upper()
    if qualifier != "BAG":
        text = " ".join(c for c in seg.components(3) if c)
        d.extra.append((f"ftx:{qualifier}", text))
        return True
    tag, quantity = seg.get(3, 0).strip().upper(), seg.get(3, 1).strip()
    if not tag or tag in _PLACEHOLDER_TAGS:
        ctx.once(f"bagtag:{tag}", seg, f"bag tag {tag!r} is a placeholder, not a tag; ignored")
        return True
    d.bag_tags.append(tag)
    d.tagged_bags += int(quantity) if quantity.isdecimal() else 1
    return True


def _loc(d: Draft, seg: Segment, ctx: Context) -> bool:
    els = seg.elements
    qualifier = els[0][0].lstrip("0") if els else ""
    code = els[1][0].strip().upper() if len(els) > 1 else ""
    if qualifier == "178":
        d.embarkation = code or None
    elif qualifier == "179":
        d.debarkation = code or None
    elif qualifier == "174":
        d.residence_country = ctx.country(seg, code)
    elif qualifier == "180":
        place = seg.get(1, 3).strip()
        d.birth_place = place or code or None
        if place and code:
            d.extra.append(("birth_country", ctx.country(seg, code) or code))
    elif qualifier == "91" and d.docs:
        d.docs[-1].issuing_country = ctx.country(seg, code)
    elif qualifier == "22":
        d.extra.append(("clearance_airport", code))
    else:
        return False
    return True


def _nat(d: Draft, seg: Segment, ctx: Context) -> bool:
    els = seg.elements
    code = els[1][0].strip() if len(els) > 1 else ""
    if not els or els[0][0] != "2" or not code:
        return False
    d.nationality = ctx.country(seg, code)
    return True


def _rff(d: Draft, seg: Segment, ctx: Context) -> bool:
    comps = seg.elements[0] if seg.elements else ()
    if len(comps) < 2 or not comps[1].strip():
        return False
    qualifier, value = comps[0].strip().upper(), comps[1].strip()
    if qualifier == "AVF" and d.reservation_ref is None:
        d.reservation_ref = value
    elif qualifier == "ABO" and d.ref is None:
        d.ref = value
    elif qualifier == "SEA" and d.seat is None:
        d.seat = values.trim_seat(value)
    else:
        d.extra.append((f"rff:{qualifier}", value))
    return True


def _com(d: Draft, seg: Segment, ctx: Context) -> bool:
    for comps in seg.elements:
        if comps and comps[0].strip():
            kind = comps[1].strip().upper() if len(comps) > 1 else ""
            d.extra.append((f"com:{kind or 'TE'}", comps[0].strip()))
    return True


def _text(d: Draft, seg: Segment, ctx: Context) -> bool:
    text = "+".join(":".join(c for c in comps) for comps in seg.elements).strip("+:")
    d.extra.append((seg.tag.lower(), text))
    return True


def _doc(d: Draft, seg: Segment, ctx: Context) -> bool:
    doc_type = seg.get(0, 0).strip().upper() or None
    doc_number = seg.get(1, 0).strip().upper() or None
    if doc_number is None:
        ctx.problem(seg, "document without a number", Severity.INFO)
    d.docs.append(DocDraft(doc_type, doc_number))
    return True


Handler = Callable[[Draft, Segment, Context], bool]

HANDLERS: dict[str, Handler] = {
    "ATT": _att,
    "DTM": _dtm,
    "MEA": _mea,
    "FTX": _ftx,
    "LOC": _loc,
    "NAT": _nat,
    "RFF": _rff,
    "COM": _com,
    "EMP": _text,
    "GEI": _text,
    "DOC": _doc,
}
