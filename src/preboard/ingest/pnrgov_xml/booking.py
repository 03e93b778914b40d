"""A ``PNR`` element as a ``Booking``: locator, dates, agency, contacts, payments, itinerary."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from xml.etree.ElementTree import Element

from preboard.ingest.options import fingerprint
from preboard.ingest.pnrgov_xml.people import PASSENGER, country, read_passenger
from preboard.ingest.pnrgov_xml.xmltools import (
    Context,
    attr,
    descendants,
    first,
    first_or_self,
    place,
    text,
    value,
)
from preboard.model import (
    Address,
    Booking,
    Contacts,
    ItinerarySegment,
    Payment,
    PaymentMethod,
    Severity,
    Ticket,
    Traveller,
)

_METHODS = {
    "CC": PaymentMethod.CARD,
    "CA": PaymentMethod.CASH,
    "MS": PaymentMethod.MISC,
    "GR": PaymentMethod.GOVERNMENT,
    "CK": PaymentMethod.CHECK,
    "IN": PaymentMethod.INVOICE,
}
_ADDRESS_PARTS = ("AddressLine", "StreetNmbr", "CityName", "PostalCode", "StateProv")
_PHONE_JUNK = re.compile(r"[^0-9+]")
_CONTACT = ("ContactInfo", "Telephone", "Phone", "Email", "Address", "CountryName")
_FLIGHT = ("Flight", "FlightSegment", "DepartureAirport", "ArrivalAirport")
# Every element name this module reads (the reader reports the others as unread).
READ = frozenset(
    {*_CONTACT, *_ADDRESS_PARTS, *_FLIGHT, "OperatingAirline", "MarketingAirline"}
    | {"PNR", "BookingRefID", "CompanyName", "POS", "Source", "RequestorID", "PrepaidBag"}
    | {"Payments", "Payment", "PaymentInfo", "PaymentCard", "CardHolderName"}
    | {"TicketDocument", "Ticket", "TotalFare", "SSR", "Text", "TEXT", "Remark", "OSI"}
)
_DOC_SSR = ("DOCS", "DOCO", "DOCA")


def _phone(raw: str) -> str | None:
    digits = _PHONE_JUNK.sub("", raw)
    digits = digits[:1] + digits[1:].replace("+", "")
    if digits.startswith("00"):  # the international call prefix
        digits = "+" + digits[2:]
    return digits if sum(ch.isdecimal() for ch in digits) >= 5 else None


def _email(raw: str) -> str | None:
    mail = raw.strip().lower()
    if "@" not in mail and "//" in mail:  # the EDIFACT habit: NAME..X//MAIL.COM
        mail = mail.replace("//", "@").replace("..", "_")
    return mail if "@" in mail else None


def _contacts(ctx: Context, pnr: Element, extra: Iterable[Address]) -> Contacts:
    phones: list[str] = []
    emails: list[str] = []
    addresses: list[Address] = list(extra)
    for info in descendants(pnr, "ContactInfo"):
        phone_values = [attr(info, "PhoneNumber")] + [
            value(el, "PhoneNumber") or text(el) for el in descendants(info, "Telephone", "Phone")
        ]
        mail_values = [attr(info, "EmailAddress")] + [
            value(el, "EmailAddress") or text(el) for el in descendants(info, "Email")
        ]
        phones += filter(None, (_phone(p) for p in phone_values if p))
        emails += filter(None, (_email(m) for m in mail_values if m))
        parts = [text(el) for el in descendants(info, *_ADDRESS_PARTS)]
        code = country(ctx, info, value(first_or_self(info, "Address"), "CountryName"))
        line = ", ".join(p for p in parts if p)
        if line:
            addresses.append(Address(line, code))
    unique = dict.fromkeys
    return Contacts(tuple(unique(phones)), tuple(unique(emails)), tuple(unique(addresses)))


def _payment(ctx: Context, el: Element) -> Payment:
    card = first_or_self(el, "PaymentCard")
    number = attr(card, "AccountNbr", "CardNumber", "CardNbr")
    kind = (attr(el, "PaymentType", "Type") or "").upper()
    method = _METHODS.get(kind, PaymentMethod.CARD if number else PaymentMethod.OTHER)
    tail = number[-4:] if number and number[-4:].isdecimal() else None
    return Payment(
        method=method,
        amount=attr(el, "PaymentAmount", "Amount"),
        currency=attr(el, "CurrencyCode"),
        card_vendor=attr(card, "VendorCode", "CardCode"),
        card_fingerprint=fingerprint(number, ctx.options.fingerprint_key) if number else None,
        card_last4=tail,
        card_expiry=attr(card, "ExpiryDate", "ExpireDate"),
        payer=attr(card, "CardHolderName") or text(first(card, "CardHolderName")),
    )


def _segment(ctx: Context, el: Element) -> ItinerarySegment:
    operating = first(el, "OperatingAirline")
    marketing = first(el, "MarketingAirline")
    return ItinerarySegment(
        carrier=value(marketing, "Code") or text(marketing) or attr(operating, "Code"),
        number=attr(el, "FlightNumber") or attr(operating, "FlightNumber"),
        origin=place(first(el, "DepartureAirport")),
        destination=place(first(el, "ArrivalAirport")),
        departure=ctx.when(el, "DepartureDateTime"),
        arrival=ctx.when(el, "ArrivalDateTime"),
        operating_carrier=attr(operating, "Code"),
        booking_class=attr(el, "ResBookDesigCode"),
        status=attr(el, "Status"),
    )


def _tickets(ctx: Context, pnr: Element) -> list[Ticket]:
    tickets: list[Ticket] = []
    for passenger in descendants(pnr, *PASSENGER):
        for el in descendants(passenger, "TicketDocument", "Ticket"):
            number = attr(el, "TicketDocumentNbr", "TicketNumber", "Number")
            if not number:
                continue
            fare = first(el, "TotalFare")
            issued = ctx.when(el, "DateOfIssue", "IssueDate")
            ref = attr(passenger, "RPH")
            tickets.append(
                Ticket(number, ref, issued, attr(fare, "Amount"), attr(fare, "CurrencyCode"))
            )
    return tickets


def _people(ctx: Context, pnr: Element) -> tuple[list[Traveller], list[Address]]:
    travellers: list[Traveller] = []
    addresses: list[Address] = []
    for el in descendants(pnr, *PASSENGER):
        traveller, found = read_passenger(ctx, el)
        addresses += found
        if traveller.surname:
            travellers.append(traveller)
    return travellers, addresses


def _remarks(pnr: Element) -> list[str]:
    """SSR other than DOCS/DOCO/DOCA, OSI and remarks, as ``code text``."""
    found: list[str] = []
    for el in descendants(pnr, "SSR", "OSI", "Remark"):
        code = attr(el, "SSR_Code", "Code") or ""
        if code.upper() in _DOC_SSR:
            continue
        words = text(first(el, "Text", "TEXT")) or text(el) or attr(el, "Text") or ""
        remark = f"{code} {words}".strip()
        found += [remark] if remark else []
    return found


def _flight_seats(pnr: Element) -> list[tuple[str, str]]:
    """Seats given under an itinerary flight for a passenger reference."""
    seats: list[tuple[str, str]] = []
    for flight in descendants(pnr, "Flight", "FlightSegment"):
        for el in descendants(flight, "SeatInfo", "Seat"):
            ref = attr(el, "PassengerRPH", "RPH", "TravelerRPH")
            seat = value(el, "SeatNumber", "Number") or text(el)
            if ref and seat:
                seats.append((ref, seat))
    return seats


def read_pnr(ctx: Context, pnr: Element) -> Booking:
    """The booking of one ``PNR`` element, with its travellers."""
    ref = first(pnr, "BookingRefID")
    locator = attr(ref, "ID") or ""
    if not locator:
        ctx.problem(pnr, "PNR without a BookingRefID ID (record locator)", Severity.WARNING)
    source = next(descendants(pnr, "Source"), None)
    requestor = first(source, "RequestorID") if source is not None else None
    company = next(descendants(requestor, "CompanyName"), None) if requestor is not None else None
    travellers, doca = _people(ctx, pnr)
    travellers = [replace(t, reservation_ref=locator or None) for t in travellers]
    payments = [_payment(ctx, el) for el in descendants(pnr, "PaymentInfo", "Payment")]
    segments = [_segment(ctx, el) for el in descendants(pnr, "Flight", "FlightSegment")]
    tickets = _tickets(ctx, pnr)
    issued = [t.issued_at for t in tickets if t.issued_at]
    seats = [(t.ref or "", t.seat) for t in travellers if t.seat] + _flight_seats(pnr)
    first_seat = {ref: seat for ref, seat in reversed(seats)}
    travellers = [replace(t, seat=t.seat or first_seat.get(t.ref or "")) for t in travellers]
    bags = [attr(el, "UnitOfMeasureQuantity", "Quantity") for el in descendants(pnr, "PrepaidBag")]
    return Booking(
        record_locator=locator,
        carrier=value(first(ref, "CompanyName") if ref is not None else None, "Code"),
        booked_at=ctx.when(pnr, "PNR_CreationDate", "CreationDate", "CreateDateTime")
        or ctx.when(ref, "CreateDateTime"),
        ticketed_at=min(issued) if issued else ctx.when(pnr, "TicketingDate"),
        last_modified_at=ctx.when(pnr, "PNR_TransDate", "LastModified"),
        agency=attr(requestor, "ID")
        or value(company, "Code")
        or text(company)
        or attr(source, "PseudoCityCode"),
        agency_country=country(ctx, pnr, attr(source, "ISOCountry")),
        payments=tuple(dict.fromkeys(payments)),
        contacts=_contacts(ctx, pnr, doca),
        travellers=tuple(travellers),
        itinerary=tuple(segments),
        tickets=tuple(tickets),
        bags=sum(int(b) for b in bags if b and b.isdecimal()) if bags else None,
        seats=tuple(dict.fromkeys(seats)),
        frequent_flyer=tuple(dict.fromkeys(f for t in travellers for f in t.frequent_flyer)),
        remarks=tuple(_remarks(pnr)),
    )
