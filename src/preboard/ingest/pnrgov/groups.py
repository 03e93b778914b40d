"""Readers for groups 1-4 and 8 of a PNR: booking facts, travellers, tickets, payments, splits.

Each reader takes the ``PnrReader`` and a segment and returns ``False`` when the segment is not
turned into the model (the caller keeps it unread).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from preboard.ingest.edifact import Segment
from preboard.ingest.pnrgov import contacts
from preboard.ingest.pnrgov.dates import timestamp
from preboard.ingest.pnrgov.drafts import ITINERARY, PERSONAL, Pending, State, TicketDraft
from preboard.ingest.pnrgov.drafts import TravellerDraft as Draft
from preboard.ingest.pnrgov.payments import read_fop
from preboard.ingest.pnrgov.ssr import is_sensitive, read_ssr
from preboard.model import Address, Severity
from preboard.model.countries import normalise_country

if TYPE_CHECKING:
    from preboard.ingest.pnrgov.reader import PnrReader

_TRAVELLER_SSRS = frozenset({"DOCS", "DOCO", "DOCA", "TKNE", "INFT", "FQTV", "SEAT"})
_SEAT_SSRS = frozenset({"SEAT", "NSST", "NSSA", "NSSW", "NSSB", "RQST", "EXST"})
_FARE_CALC, _SPONSOR = "15", "43"


def rci(r: PnrReader, seg: Segment) -> bool:
    """``RCI+TZ:W9TEND::230513:181348+1A:ABC123``: locator and creation time (group 1), a
    leg's locator (group 5, not kept), or the locator of a split-off PNR (group 8)."""
    d = r.draft
    if r.state is State.SPLIT:
        d.add_remark(f"split PNR {seg.get(0, 0)}:{seg.get(0, 1)}".rstrip(":"))
        return True
    if r.state in ITINERARY:
        return True
    if d.locator:
        return False
    comps = seg.components(0)
    d.carrier = comps[0].strip() or None if comps else None
    d.locator = seg.get(0, 1).strip()
    date_at = next((i for i in (3, 2) if len(seg.get(0, i).strip()) == 6), None)
    if date_at is not None:
        d.booked_at = timestamp(seg.get(0, date_at), seg.get(0, date_at + 1), r.ctx.reference)
    for other in seg.elements[1:]:
        if len(other) > 1 and other[1].strip():
            d.add_remark(f"also locator {other[0]}:{other[1]}")
    if not d.locator:
        r.ctx.problem(seg, "RCI without a record locator", Severity.WARNING)
    return True


def dat(r: PnrReader, seg: Segment) -> bool:
    """DAT 700 (last transaction) and 710 (ticketing) in group 1, a ticket's issue in group 3;
    the check-in DAT of group 5 is read and not kept."""
    if r.state in ITINERARY:
        return True
    for comps in seg.elements:
        qualifier = comps[0].strip() if comps else ""
        date = comps[1] if len(comps) > 1 else ""
        when = timestamp(date, comps[2] if len(comps) > 2 else "", r.ctx.reference)
        if qualifier == "710" and r.ticket is not None and r.state is State.TICKET:
            r.ticket.issued_at = when
        elif qualifier == "710" and r.state is State.BOOKING:
            r.draft.ticketed_at = when
        elif qualifier == "700":
            r.draft.modified_at = when
    return True


def org(r: PnrReader, seg: Segment) -> bool:
    """The booking agency or system of group 1: ``ORG+DL:IAD+70379193:LON+++A+GB:GBP``."""
    d = r.draft
    if r.state is not State.BOOKING:
        return r.state in ITINERARY  # check-in agent
    if d.agency is not None:
        return False
    parts = [seg.get(0, 0), seg.get(1, 0), seg.get(1, 1)]
    if not (parts[1] or parts[2]):
        parts.append(seg.get(3, 1))  # booked with the airline: its office or channel (WEB)
    d.agency = " ".join(p.strip() for p in parts if p.strip()) or None
    raw = seg.get(5, 0)
    country, known = normalise_country(raw)
    d.agency_country = country
    if not known:
        r.ctx.problem(seg, f"agency country {raw.strip()!r} is not a known code", Severity.INFO)
    return True


def add(r: PnrReader, seg: Segment) -> bool:
    """An address with a phone: ``ADD++702:street:city:state::country:postal:phone``."""
    address, phones, bad = contacts.add_segment(seg)
    if address:
        r.draft.add_address(address)
    for phone in phones:
        r.draft.add_phone(phone)
    if bad:
        r.ctx.problem(seg, f"address country {bad!r} is not a known code", Severity.INFO)
    return True


def ift(r: PnrReader, seg: Segment) -> bool:
    """Free text: OSI contacts (``CTCE``, ``CTCM``…) and remarks, a sponsor (4:43), the fare
    calculation (4:15, not kept)."""
    kind = seg.get(0, 1).strip()
    lines = [" ".join(e).strip() for e in seg.elements[1:]]
    if kind == _FARE_CALC:
        return True
    if kind == _SPONSOR:
        return _sponsor(r, seg, lines)
    # One OSI line split by an element separator left unreleased (``UNA:-.? *`` and a phone
    # written ``746-4647``) is read whole again.
    line = r.ctx.separator.join(lines)
    found = contacts.ctc(line)
    if found is None:
        r.draft.add_remark(line)
        return True
    what, values = found
    for value in values:
        (r.draft.add_email if what == "email" else r.draft.add_phone)(value)
    if not values:
        r.ctx.problem(seg, f"contact line without a usable {what}", Severity.INFO)
    return True


def _sponsor(r: PnrReader, seg: Segment, lines: list[str]) -> bool:
    """``IFT+4:43+NAME+ADDRESS+PHONE``: who paid, kept as the payer of the last payment."""
    name = lines[0] if lines else ""
    if len(lines) > 1 and lines[1]:
        r.draft.add_address(Address(lines[1]))
    for line in lines[2:]:
        for phone in contacts.phones_in(line):
            r.draft.add_phone(phone)
    payments = r.draft.payments
    if name and r.last_payment is not None and payments[r.last_payment].payer is None:
        payments[r.last_payment] = replace(payments[r.last_payment], payer=name)
    elif name:
        r.draft.add_remark(f"sponsor {name}")
    return True


def ssr(r: PnrReader, seg: Segment) -> bool:
    """Traveller SSRs are resolved when the PNR ends; contact SSRs go to the contacts;
    sensitive ones (meals, health) are counted and not kept; others become remarks."""
    s = read_ssr(seg)
    if is_sensitive(s.code):
        r.draft.sensitive += 1
        return True
    if s.code in _TRAVELLER_SSRS or s.code in _SEAT_SSRS:
        leg = r.leg if r.state in ITINERARY else None
        r.draft.pending.append(Pending(seg, s, r.owner, leg))
        return True
    found = contacts.ctc(s.code + " " + s.text) if s.code.startswith("CTC") else None
    if found is not None:
        for value in found[1]:
            (r.draft.add_email if found[0] == "email" else r.draft.add_phone)(value)
        return True
    r.draft.add_remark(f"SSR {s.code} {s.text}")
    return True


def tif(r: PnrReader, seg: Segment) -> bool:
    """``TIF+SURNAME:I+GIVEN:A:REF:1`` opens a traveller; in group 5 it names the traveller
    a check-in belongs to; ``TIF+ACME TEAM PARTY:G`` is a group name, kept as a remark."""
    from preboard.ingest.pnrgov.itinerary import checkin_traveller

    if r.state in ITINERARY:
        return checkin_traveller(r, seg)
    if r.state not in (State.BOOKING, *PERSONAL):
        return False
    if seg.get(0, 1).strip().upper() == "G":
        r.draft.add_remark(f"group {seg.get(0, 0).strip()}")
        return True
    d = r.draft
    traveller = Draft(
        seg.index,
        seg.get(0, 0).strip(),
        seg.get(1, 0).strip(),
        kind=seg.get(1, 1).strip().upper(),
        ref=seg.get(1, 2).strip(),
    )
    if not traveller.surname:
        r.ctx.problem(seg, "TIF without a surname; traveller kept nameless", Severity.WARNING)
    d.travellers.append(traveller)
    r.traveller = len(d.travellers) - 1
    r.ticket = None
    r.state = State.TRAVELLER
    return True


def fti(r: PnrReader, seg: Segment) -> bool:
    """Frequent flyer: ``FTI+ET:400539`` is programme ET, number 400539."""
    if r.owner is None:
        return False
    number = f"{seg.get(0, 0).strip()}{seg.get(0, 1).strip()}"
    ff = r.draft.travellers[r.owner].frequent_flyer
    if number and number not in ff:
        ff.append(number)
    return True


def ref(r: PnrReader, seg: Segment) -> bool:
    """The unique passenger reference of the traveller (``REF+:938990513``)."""
    if r.owner is None:
        return False
    value = seg.get(0, 1).strip() or seg.get(0, 0).strip()
    if value:
        r.draft.travellers[r.owner].extra.append(("passenger_ref", value))
    return True


def tkt(r: PnrReader, seg: Segment) -> bool:
    """A ticket (group 3): ``TKT+0062120234533:T:1``; an empty number opens the group only."""
    number = seg.get(0, 0).strip()
    r.ticket = TicketDraft(number, r.owner)
    if number:
        r.draft.tickets.append(r.ticket)
    if r.state in PERSONAL:
        r.state = State.TICKET
    return True


def mon(r: PnrReader, seg: Segment) -> bool:
    """The ticket's monetary amounts: the total (``T``) and its currency."""
    for comps in seg.elements:
        if comps and comps[0].strip() in ("T", "") and len(comps) > 1 and comps[1].strip():
            currency = comps[2].strip() if len(comps) > 2 and comps[2].strip() else None
            r.currency = currency or r.currency
            if r.ticket is not None:
                r.ticket.total, r.ticket.currency = comps[1].strip(), currency
    return True


def fop(r: PnrReader, seg: Segment) -> bool:
    """Forms of payment (group 4); card numbers become a fingerprint and the last 4 digits."""
    payments, unknown = read_fop(seg, r.ctx.key, r.currency)
    r.draft.payments.extend(payments)
    if payments:
        r.last_payment = len(r.draft.payments) - 1
    for code in unknown:
        r.ctx.problem(seg, f"form of payment {code!r} is not a known code", Severity.INFO)
    if r.state in PERSONAL:
        r.state = State.PAYMENT
    return True


def eqn(r: PnrReader, seg: Segment) -> bool:
    """Group 8: ``EQN+1`` then the split-off PNRs' RCI."""
    count = seg.get(0, 0).strip()
    r.draft.split_count = int(count) if count.isdecimal() else None
    if not count.isdecimal():
        r.ctx.problem(seg, f"split count {count!r} is not a number", Severity.WARNING)
    r.state = State.SPLIT
    return True
