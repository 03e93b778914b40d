"""Writing a manifest's bookings as a PNRGOV interchange (full push, function 22).

Cards are written masked from their last four digits (the number itself is never held); the
UNT carries the true segment count. What the writer sends, ``parse_pnrgov`` reads back into the
same bookings and travellers, card fingerprints aside (they are keyed hashes of the number).
"""

from __future__ import annotations

import datetime as dt

from preboard.ingest.edifact import SegmentWriter, ServiceChars
from preboard.ingest.edifact.writer import prepared_time
from preboard.ingest.pnrgov.dates import ddmmmyy, ddmmyy
from preboard.ingest.pnrgov.payments import write_fop
from preboard.model import Booking, Flight, Manifest, Role, Sex, TravelDocument, Traveller

_GENDER = {Sex.MALE: "M", Sex.FEMALE: "F", Sex.UNSPECIFIED: "U"}
_OSI = ["4", "28"]


def _when(value: dt.datetime | None) -> list[str]:
    return [ddmmyy(value), value.strftime("%H%M")] if value else ["", ""]


def _header(w: SegmentWriter, manifest: Manifest, version: str) -> None:
    ref = manifest.messages[0] if manifest.messages else None
    flight = manifest.flight
    carrier = (flight.carrier if flight else None) or "YY"
    prepared = prepared_time(m.prepared_at for m in manifest.messages)
    sender = (ref.sender if ref else None) or carrier
    recipient = (ref.recipient if ref else None) or "PREBOARD"
    w.segment(
        "UNB",
        ["IATA", "1"],
        sender,
        recipient,
        [prepared.strftime("%y%m%d"), prepared.strftime("%H%M")],
        "1",
    )
    major, _, minor = version.partition(":")
    w.begin_message(
        "1", ["PNRGOV", major, minor or "1", "IA"], (ref.common_access_ref or "") if ref else ""
    )
    w.segment("MSG", ["", "22"])
    w.segment("ORG", carrier)
    if flight is not None:
        w.segment(
            "TVL",
            [*_when(flight.departure), *_when(flight.arrival)],
            flight.origin or "",
            flight.destination or "",
            flight.carrier or "",
            flight.number or "",
        )
    w.segment("EQN", str(len(manifest.bookings)))


def _prime(booking: Booking, flight: Flight | None) -> int | None:
    if flight is None:
        return None
    for i, leg in enumerate(booking.itinerary):
        same = leg.carrier == flight.carrier and leg.number == flight.number
        if same or (leg.origin, leg.destination) == (flight.origin, flight.destination):
            return i
    return None


def _contacts(w: SegmentWriter, booking: Booking) -> None:
    for email in booking.contacts.emails:
        text = email.upper().replace("_", "..").replace("@", "//")
        w.segment("IFT", _OSI, f"CTCE {text}")
    for phone in booking.contacts.phones:
        w.segment("IFT", _OSI, f"CTCM {phone}")
    for remark in booking.remarks:
        w.segment("IFT", _OSI, remark)
    if booking.agency or booking.agency_country:
        parts = [*(booking.agency or "").split(" ", 2), "", "", ""]
        w.segment("ORG", parts[0], [parts[1], parts[2]], "", "", "A", booking.agency_country or "")
    for address in booking.contacts.addresses:
        w.segment("ADD", "", ["700", address.text, "", "", "", address.country or ""])


def _booking_head(w: SegmentWriter, booking: Booking) -> None:
    w.segment("SRC")
    created = booking.booked_at
    stamp = [ddmmyy(created), created.strftime("%H%M%S")] if created else []
    w.segment("RCI", [booking.carrier or "", booking.record_locator, "", *stamp])
    dates = [["700", *_when(booking.last_modified_at)]] if booking.last_modified_at else []
    if booking.ticketed_at:
        dates.append(["710", *_when(booking.ticketed_at)])
    if dates:
        w.segment("DAT", *dates)
    _contacts(w, booking)
    for payment in booking.payments:
        if payment.currency and payment.amount:
            w.segment("MON", ["T", payment.amount, payment.currency])
        w.segment("FOP", write_fop(payment))
        if payment.payer:
            w.segment("IFT", ["4", "43"], payment.payer)


def _docs(t: Traveller, doc: TravelDocument | None) -> str:
    sex = _GENDER.get(t.sex, "") if t.sex else ""
    if sex and t.role is Role.INFANT:
        sex += "I"
    born = t.birth_date.as_date() if t.birth_date else None
    d = doc or TravelDocument(None, None, nationality=t.nationality)
    fields = [
        d.type or "",
        d.issuing_country or "",
        d.number or "",
        d.nationality or t.nationality or "",
        ddmmmyy(born) if born else "",
        sex,
        ddmmmyy(d.expiry) if d.expiry else "",
        t.surname,
        t.given_names,
    ]
    return "/" + "/".join(fields)


def _doco(t: Traveller, d: TravelDocument) -> str:
    issued = ddmmmyy(d.issue_date) if d.issue_date else ""
    fields = [
        t.birth_place or "",
        d.type or "",
        d.number or "",
        d.issue_place or "",
        issued,
        d.issuing_country or "",
    ]
    return "/" + "/".join(fields)


def _traveller(w: SegmentWriter, booking: Booking, t: Traveller) -> None:
    given = f"{t.given_names} {t.title}".strip() if t.title else t.given_names
    kind = "IN" if t.role is Role.INFANT else "A"
    w.segment("TIF", t.surname, [given, kind, t.ref or ""])
    for number in t.frequent_flyer:
        w.segment("FTI", [number[:2], number[2:]])
    for key, value in t.extra:
        if key == "passenger_ref":
            w.segment("REF", ["", value])
    visas = [d for d in t.documents if d.type == "V"]
    docs: list[TravelDocument | None] = [d for d in t.documents if d.type != "V"]
    if not docs and (t.birth_date or t.sex):
        docs = [None]
    for doc in docs:
        w.segment("SSR", ["DOCS", "HK", "1", booking.carrier or "", "", "", "", "", _docs(t, doc)])
    for doc in visas:
        w.segment("SSR", ["DOCO", "HK", "1", booking.carrier or "", "", "", "", "", _doco(t, doc)])
    for infant in booking.travellers:
        if t.ref and ("infant_of", t.ref) in infant.extra:
            born = infant.birth_date.as_date() if infant.birth_date else None
            text = f"{infant.surname}/{infant.given_names}" + (f"/{ddmmmyy(born)}" if born else "")
            w.segment("SSR", ["INFT", "HK", "1", "", "", "", "", "", text], ["", "", t.ref])
    if t.residence_country:
        w.segment("SSR", ["DOCA", "HK", "1", "", "", "", "", "", f"/R/{t.residence_country}"])
    for ticket in booking.tickets:
        if ticket.traveller_ref == t.ref and t.ref:
            w.segment("TKT", [ticket.number, "T", "1"])
            if ticket.total:
                w.segment("MON", ["T", ticket.total, ticket.currency or ""])
            if ticket.issued_at:
                w.segment("DAT", ["710", *_when(ticket.issued_at)])


def _checkin(w: SegmentWriter, t: Traveller) -> None:
    w.segment("TRI", "", ["1", "", "", t.ref or ""])
    w.segment("TIF", t.surname, [t.given_names, "", t.ref or ""])
    if t.seat:
        w.segment("SSD", t.seat)
    if t.bags is not None:
        weight = f"{t.bag_weight_kg:g}" if t.bag_weight_kg is not None else ""
        dests = [v for k, v in t.extra if k == "bags_to"] or [""]
        tags = [
            [tag[:2], tag[2:], "", dests[min(i, len(dests) - 1)]]
            for i, tag in enumerate(t.bag_tags)
        ]
        w.segment("TBD", "", [str(t.bags), weight, "700" if weight else ""], "", "", *tags)


def _itinerary(w: SegmentWriter, booking: Booking, prime: int | None) -> None:
    for i, leg in enumerate(booking.itinerary):
        w.segment(
            "TVL",
            [*_when(leg.departure), *_when(leg.arrival)],
            leg.origin or "",
            leg.destination or "",
            [leg.carrier or "", leg.operating_carrier or ""],
            [leg.number or "", leg.booking_class or ""],
        )
        if leg.operating_number:
            w.segment("TVL", "", "", "", "", leg.operating_number)
        if leg.status:
            w.segment("RPI", "1", leg.status)
        if i != prime:
            continue
        seated = [(t.seat, t.ref or "") for t in booking.travellers if t.seat]
        if seated:
            w.segment(
                "SSR",
                [
                    "SEAT",
                    "HK",
                    str(len(seated)),
                    leg.carrier or "",
                    "",
                    "",
                    leg.origin or "",
                    leg.destination or "",
                ],
                *[[seat, "", ref] for seat, ref in seated],
            )
        for t in booking.travellers:
            if t.bags is not None:
                _checkin(w, t)


def write_pnrgov(
    manifest: Manifest, *, chars: ServiceChars | None = None, version: str = "13:1"
) -> str:
    """A PNRGOV interchange (UNA, UNB, one UNH…UNT message, UNZ) with the manifest's flight
    and bookings: contacts, agency, travellers with DOCS/DOCO, payments (cards masked), the
    itinerary with seats and bags on the flight pushed, and the split count."""
    w = SegmentWriter(chars)
    _header(w, manifest, version)
    for booking in manifest.bookings:
        _booking_head(w, booking)
        for t in booking.travellers:
            _traveller(w, booking, t)
        _itinerary(w, booking, _prime(booking, manifest.flight))
        if booking.split_count is not None:
            w.segment("EQN", str(booking.split_count))
    w.end_message("1")
    w.segment("UNZ", "1", "1")
    return w.text()
