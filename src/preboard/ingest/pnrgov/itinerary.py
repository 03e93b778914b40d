"""Group 5, the itinerary: TVL legs (and the operating TVL of a codeshare), TRA, RPI, and the
check-in (TRI, TIF, SSD seat, TBD bags)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from preboard.ingest.edifact import Segment
from preboard.ingest.pnrgov.dates import timestamp
from preboard.ingest.pnrgov.drafts import ITINERARY, LegDraft, State
from preboard.ingest.pnrgov.names import squash
from preboard.ingest.pnrgov.ssr import seat_number
from preboard.model import Severity

if TYPE_CHECKING:
    from preboard.ingest.pnrgov.reader import PnrReader

_POUNDS = "701"
_KG_PER_LB = 0.45359237
_TAGS_FROM = 4


def read_leg(seg: Segment, reference: dt.date, index: int) -> LegDraft:
    """``TVL+270918:2320:280918:0531+ADD+FRA+ET:KL+706:B``: times, points, marketing and
    operating carrier, number and class. ``DDMMYY:HHMM:HHMM`` (no arrival date) is read too."""
    comps = [*seg.components(0), "", "", "", ""]
    d1, t1, d2, t2 = (c.strip() for c in comps[:4])
    if len(d2) == 4 and not t2:
        d2, t2 = "", d2
    return LegDraft(
        index,
        carrier=seg.get(3, 0).strip() or None,
        number=seg.get(4, 0).strip() or None,
        origin=seg.get(1, 0).strip() or None,
        destination=seg.get(2, 0).strip() or None,
        departure=timestamp(d1, t1, reference) if d1 else None,
        arrival=timestamp(d2 or d1, t2, reference) if (d2 or t2) else None,
        operating_carrier=seg.get(3, 1).strip() or None,
        booking_class=seg.get(4, 1).strip() or None,
    )


def tvl(r: PnrReader, seg: Segment) -> bool:
    """A leg of the itinerary, or (``TVL+++++303:Y``) the operating flight of the last one."""
    if r.state is State.SPLIT:
        return False
    d = r.draft
    if not any(any(e) for e in seg.elements[:4]) and d.legs and r.state in ITINERARY:
        leg = d.legs[-1]
        leg.operating_number = seg.get(4, 0).strip() or None
        return True
    leg = read_leg(seg, r.ctx.reference, len(d.legs))
    if leg.origin is None or leg.destination is None:
        r.ctx.problem(seg, "itinerary TVL without origin or destination", Severity.WARNING)
    d.legs.append(leg)
    r.leg = leg.index
    r.checkin = None
    r.state = State.LEG
    return True


def tra(r: PnrReader, seg: Segment) -> bool:
    """``TRA+SK+1524:W``: the operating carrier and flight of the current leg."""
    if r.leg is None or r.state not in ITINERARY:
        return False
    leg = r.draft.legs[r.leg]
    leg.operating_carrier = seg.get(0, 0).strip() or leg.operating_carrier
    leg.operating_number = seg.get(1, 0).strip() or leg.operating_number
    return True


def rpi(r: PnrReader, seg: Segment) -> bool:
    """``RPI+2+HK``: the status of the current leg's reservation."""
    if r.leg is None or r.state not in ITINERARY:
        return False
    r.draft.legs[r.leg].status = seg.get(1, 0).strip() or None
    return True


def tri(r: PnrReader, seg: Segment) -> bool:
    """Opens a check-in record of the current leg; its TIF says for whom."""
    if r.leg is None or r.state not in ITINERARY:
        return False
    r.state = State.CHECKIN
    r.checkin = None
    return True


def checkin_traveller(r: PnrReader, seg: Segment) -> bool:
    """Finds the booking's traveller a check-in TIF names, by reference and then by name."""
    ref = seg.get(1, 2).strip()
    people = r.draft.travellers
    found = next((i for i, t in enumerate(people) if ref and t.ref == ref), None)
    if found is None:
        name = squash(seg.get(0, 0) + seg.get(1, 0))
        found = next((i for i, t in enumerate(people) if squash(t.surname + t.given) == name), None)
    r.checkin = found
    if found is None:
        r.ctx.problem(
            seg, "check-in names a traveller who is not in the PNR; kept unread", Severity.WARNING
        )
        return False
    return True


def ssd(r: PnrReader, seg: Segment) -> bool:
    """``SSD+22C++++Y``: the seat given at check-in (it wins over the seat requested)."""
    if r.state is not State.CHECKIN or r.checkin is None or r.leg is None:
        return False
    seat = seat_number(seg.get(0, 0))
    if seat:
        r.draft.seats[(r.checkin, r.leg)] = seat
    return True


def tbd(r: PnrReader, seg: Segment) -> bool:
    """``TBD++2:34:700++MP+618:1026000001:2:MPM``: bags checked on this leg and their tags."""
    if r.state is not State.CHECKIN or r.checkin is None or r.leg is None:
        return False
    quantity, weight, unit = (seg.get(1, i).strip() for i in range(3))
    traveller = r.draft.travellers[r.checkin]
    tags = 0
    for comps in seg.elements[_TAGS_FROM:]:
        if len(comps) < 2 or not comps[1].strip():
            continue
        count = comps[2].strip() if len(comps) > 2 else ""
        tags += int(count) if count.isdecimal() else 1
        tag = f"{comps[0].strip()}{comps[1].strip()}"
        if tag not in traveller.bag_tags:
            traveller.bag_tags.append(tag)
        dest = comps[3].strip() if len(comps) > 3 else ""
        if len(dest) == 3 and dest.isalpha() and ("bags_to", dest) not in traveller.extra:
            traveller.extra.append(("bags_to", dest))
    key = (r.checkin, r.leg)
    bags = int(quantity) if quantity.isdecimal() else tags
    r.draft.bags[key] = r.draft.bags.get(key, 0) + bags
    if weight.replace(".", "", 1).isdecimal():
        kg = float(weight) * (_KG_PER_LB if unit == _POUNDS else 1.0)
        r.draft.weights[key] = r.draft.weights.get(key, 0.0) + kg
    return True
