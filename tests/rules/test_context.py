"""The context schema: what a rule may read, and nothing it must not."""

from __future__ import annotations

import datetime as dt
import re

from preboard.model import Flight, Leg, Role, Traveller
from preboard.rules.context import (
    CONTEXT_VERSION,
    FIELDS,
    RESTRICTED,
    SCHEMA,
    build_context,
    flatten,
)
from tests.rules.builders import DAY, booking, flight, planted, traveller

# Special categories of data (GDPR Art. 9, PNR Directive Art. 6(4)) the context must not hold.
PROTECTED = (
    "race", "racial", "ethnic", "ethnicity", "religion", "religious", "belief", "faith",
    "political", "politics", "opinion", "trade union", "union", "health", "medical",
    "disability", "sexuality", "sexual", "orientation", "sex life", "genetic", "biometric",
)  # fmt: skip


def test_no_field_names_or_describes_a_protected_characteristic() -> None:
    for field in SCHEMA:
        text = f"{field.name} {field.description}".lower().replace("_", " ").replace(".", " ")
        for word in PROTECTED:
            assert not re.search(rf"\b{word}\b", text), (field.name, word)


def test_restricted_fields_are_sex_age_nationality_and_issuing_country() -> None:
    expected = {"traveller.sex", "traveller.age_years", "traveller.nationality"}
    assert expected | {"document.issuing_country"} == RESTRICTED


def test_schema_is_versioned_and_names_are_unique() -> None:
    assert CONTEXT_VERSION == "1"
    assert len(FIELDS) == len(SCHEMA)
    assert {f.cel_type for f in SCHEMA} <= {"string", "int", "bool", "list(string)"}


def test_no_document_number_name_or_contact_in_the_schema() -> None:
    names = " ".join(FIELDS)
    for word in ("surname", "given", "phone", "email", "card", "document.number", "birth"):
        assert word not in names


def test_builder_keys_equal_the_schema_with_everything_known() -> None:
    t = traveller()
    ctx = build_context(t, booking(), flight(), shared_contacts=2, on=DAY)
    assert set(flatten(ctx)) == set(FIELDS)


def test_builder_keys_equal_the_schema_with_nothing_known() -> None:
    bare = Traveller(Role.CREW, "EXAMPLE")
    ctx = build_context(bare, None, None, shared_contacts=0, on=DAY)
    values = flatten(ctx)
    assert set(values) == set(FIELDS)
    for name, value in values.items():
        field = FIELDS[name]
        if field.cel_type == "list(string)":
            assert value == [], name
        elif field.nullable:
            assert value is None, name
    assert values["traveller.has_document"] is False


def test_values_of_a_late_cash_one_way_booking() -> None:
    b = planted("R-FAC-001")
    values = flatten(build_context(b.travellers[0], b, flight(), shared_contacts=0, on=DAY))
    assert values["booking.one_way"] is True
    assert values["booking.payment_methods"] == ["cash"]
    assert values["booking.days_before_departure"] == 2
    assert values["booking.stay_days"] is None
    assert values["booking.contacts_shared_with_bookings"] == 0
    assert values["route.origin"] == "CUN" and values["route.destination"] == "IAH"
    assert values["flight.carrier"] == "XX" and values["flight.number"] == "0100"


def test_values_of_a_return_booking() -> None:
    b = booking(agency="1A 86512345 CUNVC2107", payer="MR ALEX EXAMPLE")
    t = b.travellers[0]
    values = flatten(build_context(t, b, flight(), shared_contacts=6, on=DAY))
    assert values["booking.one_way"] is False
    assert values["booking.stay_days"] == 10
    assert values["booking.via_agency"] is True
    assert values["booking.paid_by_traveller"] is True
    assert values["booking.traveller_count"] == 1
    assert values["booking.contacts_shared_with_bookings"] == 6
    assert values["route.transit_points"] == []
    assert values["traveller.age_years"] == 36
    assert values["document.days_since_issue"] == (DAY - dt.date(2020, 1, 1)).days
    assert values["document.days_to_expiry"] == (dt.date(2030, 1, 1) - DAY).days


def test_route_from_the_flight_legs_without_a_booking() -> None:
    f = Flight("XX", "1", (Leg("CUN", "IAH"), Leg("IAH", "ORD")))
    ctx = build_context(traveller(), None, f, shared_contacts=0, on=DAY)
    assert ctx["route"] == {"origin": "CUN", "destination": "ORD", "transit_points": ["IAH"]}
    assert ctx["booking"]["contacts_shared_with_bookings"] is None
