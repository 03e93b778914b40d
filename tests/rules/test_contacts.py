"""Bookings linked by a shared phone, e-mail or card."""

from __future__ import annotations

from preboard.rules.contacts import contact_keys, shared_contact_counts
from tests.rules.builders import booking


def test_contact_counts_union_pushes_and_cards() -> None:
    a = booking("A00001", phone="+1")
    b = booking("B00001", phone="+1")
    c = booking("C00001")  # its card fingerprint is its own
    assert shared_contact_counts([a, a, b, c]) == {"A00001": 1, "B00001": 1, "C00001": 0}


def test_contact_keys_are_tagged_by_kind() -> None:
    assert contact_keys(booking("A00001", phone="+1")) == {"phone:+1", "card:fp-A00001"}
