"""Property tests: writing a manifest and reading it back gives the same manifest.

Names are drawn with the EDIFACT separators and the release character inside them, so the
writer's escaping and the tokenizer's release handling are tested together.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from preboard.ingest.edifact import ServiceChars, read_interchanges
from preboard.ingest.paxlst import parse_paxlst, write_paxlst
from preboard.ingest.pnrgov import parse_pnrgov, write_pnrgov
from preboard.model import (
    Booking,
    Contacts,
    Flight,
    Leg,
    Manifest,
    PartialDate,
    Payment,
    PaymentMethod,
    Role,
    Sex,
    SourceKind,
    TravelDocument,
    Traveller,
)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÑÉ"
# A letter, then letters or the separators and release characters of every service string.
WORD = st.builds(
    str.__add__,
    st.sampled_from(LETTERS),
    st.text(alphabet=LETTERS + "'+:?-*#", max_size=9),
)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
COUNTRY = st.sampled_from(["MEX", "USA", "CAN", "GBR", "DEU", "COL", "KOR"])
DAY = st.dates(dt.date(1930, 1, 1), dt.date(2025, 12, 31))
EXPIRY = st.dates(dt.date(2027, 1, 1), dt.date(2036, 12, 31))
DOC_NUMBER = st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789", min_size=6, max_size=9)
CHARS = st.sampled_from(
    [ServiceChars(), ServiceChars(element="*", terminator="#"), ServiceChars(element="-")]
)


@st.composite
def travellers(draw: st.DrawFn, locator: str | None = None) -> Traveller:
    return Traveller(
        role=Role.PASSENGER,
        surname=draw(NAME),
        given_names=draw(NAME),
        birth_date=PartialDate.from_date(draw(DAY)),
        sex=draw(st.sampled_from([Sex.FEMALE, Sex.MALE])),
        nationality=draw(COUNTRY),
        documents=(TravelDocument("P", draw(DOC_NUMBER), draw(COUNTRY), expiry=draw(EXPIRY)),),
        reservation_ref=locator
        or draw(st.text("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=6, max_size=6)),
    )


FLIGHT = Flight(
    "AM",
    "402",
    (Leg("CUN", "ATL", dt.datetime(2026, 11, 28, 14, 5), dt.datetime(2026, 11, 28, 17, 15)),),
    prime=0,
)


def _people(t: Traveller) -> tuple[object, ...]:
    doc = t.documents[0]
    return (
        t.surname,
        t.given_names,
        t.birth_date,
        t.sex,
        t.nationality,
        doc.type,
        doc.number,
        doc.issuing_country,
        doc.expiry,
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(people=st.lists(travellers(), min_size=1, max_size=12), chars=CHARS)
def test_paxlst_write_then_parse(people: list[Traveller], chars: ServiceChars) -> None:
    manifest = Manifest(SourceKind.PAXLST, FLIGHT, tuple(people), list_type="745")
    texts = write_paxlst(manifest, chars=chars)
    messages = []
    for i, text in enumerate(texts):
        ics, problems = read_interchanges(text.encode(), f"part{i}.edi")
        assert [p for p in problems if p.severity == "error"] == []
        messages.extend(m for ic in ics for m in ic.messages)
    (back,) = parse_paxlst(messages)
    assert [_people(t) for t in back.travellers] == [_people(t) for t in people]
    assert back.flight is not None
    assert (back.flight.carrier, back.flight.number) == ("AM", "402")
    assert (back.flight.origin, back.flight.destination) == ("CUN", "ATL")
    assert back.flight.departure == FLIGHT.departure


@st.composite
def bookings(draw: st.DrawFn, index: int) -> Booking:
    locator = f"BK{index:04d}"
    people = tuple(draw(travellers(locator)) for _ in range(draw(st.integers(1, 4))))
    card = draw(st.booleans())
    return Booking(
        record_locator=locator,
        carrier="AM",
        booked_at=dt.datetime(2026, 10, 1, 9, 30),
        payments=(
            Payment(
                PaymentMethod.CARD if card else PaymentMethod.CASH,
                card_vendor="VI" if card else None,
                card_last4=draw(st.text("0123456789", min_size=4, max_size=4)) if card else None,
            ),
        ),
        contacts=Contacts(
            phones=(draw(st.from_regex(r"\+52998[0-9]{7}", fullmatch=True)),),
            emails=(draw(st.from_regex(r"[a-z]{2,8}\.[a-z]{2,8}@example\.com", fullmatch=True)),),
        ),
        travellers=people,
    )


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data(), count=st.integers(1, 6), chars=CHARS)
def test_pnrgov_write_then_parse(data: st.DataObject, count: int, chars: ServiceChars) -> None:
    books = tuple(data.draw(bookings(i)) for i in range(count))
    people = tuple(t for b in books for t in b.travellers)
    manifest = Manifest(SourceKind.PNRGOV, FLIGHT, people, books)
    text = write_pnrgov(manifest, chars=chars)
    ics, problems = read_interchanges(text.encode(), "push.edi")
    assert [p for p in problems if p.severity == "error"] == []
    (msg,) = [m for ic in ics for m in ic.messages]
    back = parse_pnrgov(msg)
    assert [b.record_locator for b in back.bookings] == [b.record_locator for b in books]
    for got, want in zip(back.bookings, books, strict=True):
        assert [_people(t) for t in got.travellers] == [_people(t) for t in want.travellers]
        assert got.contacts.phones == want.contacts.phones
        assert got.contacts.emails == want.contacts.emails
        assert [(p.method, p.card_last4) for p in got.payments] == [
            (p.method, p.card_last4) for p in want.payments
        ]
