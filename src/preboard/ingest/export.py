"""Manifests as plain JSON-ready dicts: the contract of ``preboard parse --json``.

The keys named in the contract keep their names and meaning; more keys may be added. Names come
out as the message has them, unescaped. Dates and times are ISO 8601, countries ISO alpha-3.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from preboard.model import (
    Booking,
    Flight,
    ItinerarySegment,
    Manifest,
    Payment,
    Problem,
    TravelDocument,
    Traveller,
)

JSON = dict[str, Any]


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def flight_dict(flight: Flight | None) -> JSON | None:
    if flight is None:
        return None
    return {
        "carrier": flight.carrier,
        "number": flight.number,
        "origin": flight.origin,
        "destination": flight.destination,
        "departure": _iso(flight.departure),
        "arrival": _iso(flight.arrival),
        "legs": [
            {
                "origin": leg.origin,
                "destination": leg.destination,
                "departure": _iso(leg.departure),
                "arrival": _iso(leg.arrival),
            }
            for leg in flight.legs
        ],
    }


def document_dict(doc: TravelDocument) -> JSON:
    return {
        "type": doc.type,
        "number": doc.number,
        "issuing_country": doc.issuing_country,
        "expiry": _iso(doc.expiry),
        "issue_date": _iso(doc.issue_date),
        "nationality": doc.nationality,
        "issue_place": doc.issue_place,
    }


def traveller_dict(t: Traveller) -> JSON:
    return {
        "role": t.role.value,
        "surname": t.surname,
        "given_names": t.given_names,
        "title": t.title,
        "birth_date": t.birth_date.iso() if t.birth_date else None,
        "sex": t.sex.value if t.sex else None,
        "nationality": t.nationality,
        "residence_country": t.residence_country,
        "birth_place": t.birth_place,
        "embarkation": t.embarkation,
        "debarkation": t.debarkation,
        "documents": [document_dict(d) for d in t.documents],
        "reservation_ref": t.reservation_ref,
        "ref": t.ref,
        "seat": t.seat,
        "bags": t.bags,
        "bag_weight_kg": t.bag_weight_kg,
        "bag_tags": list(t.bag_tags),
        "frequent_flyer": list(t.frequent_flyer),
        "extra": dict(t.extra),
    }


def _payment_dict(p: Payment) -> JSON:
    return {
        "method": p.method.value,
        "amount": p.amount,
        "currency": p.currency,
        "card_vendor": p.card_vendor,
        "card_fingerprint": p.card_fingerprint,
        "card_last4": p.card_last4,
        "payer": p.payer,
    }


def _segment_dict(s: ItinerarySegment) -> JSON:
    return {
        "carrier": s.carrier,
        "number": s.number,
        "origin": s.origin,
        "destination": s.destination,
        "departure": _iso(s.departure),
        "arrival": _iso(s.arrival),
        "operating_carrier": s.operating_carrier,
        "booking_class": s.booking_class,
    }


def booking_dict(b: Booking) -> JSON:
    return {
        "record_locator": b.record_locator,
        "carrier": b.carrier,
        "booked_at": _iso(b.booked_at),
        "ticketed_at": _iso(b.ticketed_at),
        "agency": b.agency,
        "agency_country": b.agency_country,
        "payments": [_payment_dict(p) for p in b.payments],
        "contacts": {
            "phones": list(b.contacts.phones),
            "emails": list(b.contacts.emails),
            "addresses": [{"text": a.text, "country": a.country} for a in b.contacts.addresses],
        },
        "travellers": [traveller_dict(t) for t in b.travellers],
        "itinerary": [_segment_dict(s) for s in b.itinerary],
        "bags": b.bags,
        "seats": [{"traveller_ref": ref, "seat": seat} for ref, seat in b.seats],
        "frequent_flyer": list(b.frequent_flyer),
        "split_count": b.split_count,
    }


def problem_dict(p: Problem) -> JSON:
    return {"file": p.file, "segment": p.segment, "message": p.message, "severity": p.severity}


def manifest_dict(m: Manifest) -> JSON:
    return {
        "source": m.source.value,
        "list_type": m.list_type,
        "flight": flight_dict(m.flight),
        "travellers": [traveller_dict(t) for t in m.travellers],
        "bookings": [booking_dict(b) for b in m.bookings],
        "messages": [
            {
                "file": r.file,
                "reference": r.reference,
                "kind": r.kind,
                "version": r.version,
                "prepared_at": _iso(r.prepared_at),
                "common_access_ref": r.common_access_ref,
                "part": r.part,
                "last_part": r.last_part,
            }
            for r in m.messages
        ],
        "reported_count": m.reported_count,
        "problems": [problem_dict(p) for p in m.problems],
        "unread_segments": len(m.unread),
        "unread": [
            {"file": u.file, "segment": u.index, "tag": u.tag, "text": u.text} for u in m.unread
        ],
    }
