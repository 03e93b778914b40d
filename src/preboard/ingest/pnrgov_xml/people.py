"""Passengers of a PNR: names, DOCS/DOCO/DOCA or Document elements, loyalty, seats, bags."""

from __future__ import annotations

from dataclasses import replace
from xml.etree.ElementTree import Element

from preboard.ingest.pnrgov_xml.xmltools import (
    Context,
    attr,
    children,
    first,
    first_or_self,
    local,
    partial,
    text,
    value,
)
from preboard.model import Address, Role, Severity, Sex, TravelDocument, Traveller
from preboard.model.countries import normalise_country

PASSENGER = ("Passenger", "PassengerInfo")
_NAME_PARTS = ("GivenName", "MiddleName", "Surname", "NamePrefix", "NameTitle")
# Every element name this module reads (the reader reports the others as unread).
READ = frozenset(
    {*PASSENGER, *_NAME_PARTS, "PersonName", "DOC_SSR", "DOCS", "DOCO", "DOCA", "Document"}
    | {"CustLoyalty", "SeatInfo", "Seat", "CheckedBag", "Baggage", "BagInfo", "BagTag"}
)
_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "X": Sex.UNSPECIFIED, "U": Sex.UNSPECIFIED}
_DOCS_TEXT = ("type", "issuer", "number", "nationality", "birth", "gender", "expiry", "surname")
_DOCO_TEXT = ("birth_place", "type", "number", "issue_place", "issue_date", "country")


def country(ctx: Context, element: Element, raw: str | None) -> str | None:
    """An ISO alpha-3 code, or the raw code with a warning when it is not a known country."""
    if raw is None:
        return None
    code, known = normalise_country(raw)
    if not known:
        ctx.problem(element, f"country code {raw!r} is not ISO 3166 or ICAO", Severity.WARNING)
    return code


def _names(element: Element) -> tuple[str, str, str | None]:
    holder = first_or_self(element, "PersonName")
    given = " ".join(filter(None, (text(el) for el in children(holder, "GivenName", "MiddleName"))))
    title = text(first(holder, "NamePrefix", "NameTitle"))
    return text(first(holder, "Surname")) or "", given, title


def _docs_text(raw: str) -> dict[str, str]:
    """The fields of a DOCS free text ``P/USA/123/USA/12MAY80/M/12MAY30/DOE/JOHN/PAUL``."""
    parts = raw.strip().strip("/").split("/")
    fields = dict(zip(_DOCS_TEXT, parts, strict=False))
    fields["given"] = " ".join(p for p in parts[len(_DOCS_TEXT) :] if p not in ("", "H"))
    return {k: v.strip() for k, v in fields.items() if v.strip()}


def _free_text(el: Element) -> str | None:
    return text(first(el, "Text", "TEXT", "FreeText")) or text(el)


def _docs(el: Element) -> dict[str, str]:
    """A DOCS as a dict, from its attributes or from its free text."""
    raw = _free_text(el)
    if raw and "/" in raw:
        return _docs_text(raw)
    keys = {
        "type": ("DocType", "TravelDocType", "DocTypeCode"),
        "issuer": ("DocIssueCountry", "IssuingLoc", "IssueCountry", "DocIssueCountryCode"),
        "number": ("DocID", "TravelDocNbr", "DocNumber", "DocumentNumber"),
        "nationality": ("PaxNationality", "DocHolderNationality", "Nationality"),
        "birth": ("DateOfBirth", "BirthDate"),
        "gender": ("Gender",),
        "expiry": ("ExpiryDate", "ExpireDate", "DocExpireDate"),
        "surname": ("Surname", "DocHolderSurname"),
        "given": ("FirstGivenName", "GivenName"),
        "given2": ("SecondGivenName", "MiddleName"),
    }
    found = {key: attr(el, *names) for key, names in keys.items()}
    return {key: v for key, v in found.items() if v}


class _Person:
    """A traveller being read: fields filled in as the passenger's elements are met."""

    def __init__(self, ctx: Context, element: Element) -> None:
        self.ctx = ctx
        surname, given, title = _names(element)
        ptc = (attr(element, "PassengerTypeCode", "PTC", "PaxType") or "").upper()
        self.traveller = Traveller(
            role=Role.INFANT if ptc in ("INF", "IN") else Role.PASSENGER,
            surname=surname,
            given_names=given,
            title=title,
            ref=attr(element, "RPH", "PassengerRPH", "TravelerRefNumber"),
        )

    def docs(self, el: Element, fields: dict[str, str]) -> None:
        ctx, t = self.ctx, self.traveller
        gender = fields.get("gender", "").upper()
        birth = ctx.day(fields.get("birth"), el, "DOCS birth date", past=True)
        document = TravelDocument(
            type=fields.get("type"),
            number=fields.get("number"),
            issuing_country=country(ctx, el, fields.get("issuer")),
            expiry=ctx.day(fields.get("expiry"), el, "DOCS expiry date", past=False),
            nationality=country(ctx, el, fields.get("nationality")),
        )
        given = " ".join(filter(None, (fields.get("given"), fields.get("given2"))))
        self.traveller = replace(
            t,
            role=Role.INFANT if gender in ("MI", "FI") else t.role,
            surname=t.surname or fields.get("surname", ""),
            given_names=t.given_names or given,
            birth_date=t.birth_date or partial(birth),
            sex=t.sex or _SEX.get(gender[:1]),
            nationality=t.nationality or document.nationality,
            documents=(*t.documents, document),
        )

    def doco(self, el: Element) -> None:
        ctx, t = self.ctx, self.traveller
        raw = _free_text(el)
        if raw and "/" in raw:
            fields = dict(zip(_DOCO_TEXT, raw.strip().strip("/").split("/"), strict=False))
        else:
            keys = {
                "birth_place": ("BirthLocation", "BirthPlace"),
                "type": ("TravelDocType", "DocType"),
                "number": ("TravelDocNbr", "DocID"),
                "issue_place": ("PlaceOfIssue",),
                "issue_date": ("DateOfIssue", "IssueDate"),
                "country": ("CountryState", "Country"),
            }
            fields = {key: attr(el, *names) or "" for key, names in keys.items()}
        fields = {key: v.strip() for key, v in fields.items() if v and v.strip()}
        document = TravelDocument(
            type=fields.get("type", "V"),
            number=fields.get("number"),
            issuing_country=country(ctx, el, fields.get("country")),
            issue_date=ctx.day(fields.get("issue_date"), el, "DOCO issue", past=True),
            issue_place=fields.get("issue_place"),
        )
        place = fields.get("birth_place")
        self.traveller = replace(
            t, documents=(*t.documents, document), birth_place=t.birth_place or place
        )

    def doca(self, el: Element) -> Address | None:
        """Reads a DOCA; returns its address for the booking's contacts."""
        code = country(self.ctx, el, attr(el, "Country", "CountryCode"))
        if (attr(el, "AddressType") or "").upper() == "R" and code:
            self.traveller = replace(self.traveller, residence_country=code)
        parts = [attr(el, n) for n in ("Address", "CityName", "PostalCode", "StateProvCounty")]
        line = ", ".join(p for p in parts if p)
        return Address(line, code) if line else None


def _ssr(el: Element, name: str) -> str | None:
    """``DOCS``, ``DOCO`` or ``DOCA`` for such an element, or for an SSR/DOC_SSR with that code
    and no such child (the free-text form); ``None`` otherwise."""
    if name in ("DOCS", "DOCO", "DOCA"):
        return name
    if name == "Document":
        return "DOCS"
    code = (attr(el, "SSR_Code", "Code") or "").upper()
    if name in ("SSR", "DOC_SSR") and code in ("DOCS", "DOCO") and first(el, code) is None:
        return code
    return None


def read_passenger(ctx: Context, element: Element) -> tuple[Traveller, list[Address]]:
    """The traveller of a ``Passenger`` element and the addresses of its DOCA."""
    person = _Person(ctx, element)
    addresses: list[Address] = []
    for el in element.iter():
        name = local(el)
        ssr = _ssr(el, name)
        if ssr == "DOCS":
            person.docs(el, _docs(el))
        elif ssr == "DOCO":
            person.doco(el)
        elif ssr == "DOCA":
            address = person.doca(el)
            addresses += [address] if address else []
        elif name == "CustLoyalty":
            number = f"{attr(el, 'ProgramID') or ''} {attr(el, 'MembershipID') or ''}".strip()
            t = person.traveller
            person.traveller = replace(t, frequent_flyer=(*t.frequent_flyer, number))
        elif name in ("SeatInfo", "Seat") and person.traveller.seat is None:
            seat = value(el, "SeatNumber", "Number") or text(el)
            person.traveller = replace(person.traveller, seat=seat)
        elif name in ("CheckedBag", "Baggage", "BagInfo"):
            count = attr(el, "Quantity", "UnitOfMeasureQuantity", "NumberOfBags")
            tags = tuple(filter(None, (value(t, "TagNumber") for t in children(el, "BagTag"))))
            t = person.traveller
            bags = (t.bags or 0) + int(count) if count and count.isdecimal() else t.bags
            person.traveller = replace(t, bags=bags, bag_tags=t.bag_tags + tags)
    if not person.traveller.surname:
        ctx.problem(element, "passenger without a surname", Severity.WARNING)
    return person.traveller, addresses
