"""Bookings linked by a shared contact: the ``booking.contacts_shared_with_bookings`` value.

Two bookings share a contact when they hold the same phone, e-mail address or payment card
(compared by its keyed fingerprint, never its number). A booking pushed several times (72, 48,
24 hours before departure) counts once: its contacts are the union over its pushes, keyed by
record locator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from preboard.model import Booking


def contact_keys(booking: Booking) -> frozenset[str]:
    """The booking's phones, e-mails and card fingerprints, each tagged with its kind."""
    keys = {f"phone:{p}" for p in booking.contacts.phones if p}
    keys |= {f"email:{e.lower()}" for e in booking.contacts.emails if e}
    keys |= {f"card:{p.card_fingerprint}" for p in booking.payments if p.card_fingerprint}
    return frozenset(keys)


def shared_contact_counts(bookings: Iterable[Booking]) -> dict[str, int]:
    """For each record locator, how many *other* bookings share a phone, e-mail or card."""
    by_locator: dict[str, set[str]] = defaultdict(set)
    for booking in bookings:
        if booking.record_locator:
            by_locator[booking.record_locator] |= contact_keys(booking)
    holders: dict[str, set[str]] = defaultdict(set)
    for locator, keys in by_locator.items():
        for key in keys:
            holders[key].add(locator)
    counts = {}
    for locator, keys in by_locator.items():
        linked = set().union(*(holders[k] for k in keys)) if keys else set()
        counts[locator] = len(linked - {locator})
    return counts
