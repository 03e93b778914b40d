"""The whole chain for a set of messages: flights, API-PNR links, document checks, watchlist
matches and rules, into one worklist per flight.

    screening = Screening(matcher=Matcher.build(entries), watchlist=listed, rules=compiled)
    for worklist in screen(manifests, screening):
        for item in worklist.travellers[:10]: ...

Each flight's travellers come from its API messages (PAXLST, CSV, JSON lines, MRZ); booked
travellers who are not on the API list yet are screened too, from their booking. Findings are
ordered by severity then score; the worklist by priority (``priority.py``), then name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from preboard.assessment.flights import FlightData, FlightKey, group_by_flight
from preboard.assessment.priority import priority
from preboard.assessment.watchlist import watchlist_finding
from preboard.documents import DocumentChecks, check_traveller, link_flight
from preboard.matching import Matcher
from preboard.model import Booking, Flight, Manifest, Role, Traveller
from preboard.model.findings import Finding, FindingSeverity
from preboard.rules import CompiledRule, build_context, evaluate
from preboard.rules.contacts import shared_contact_counts
from preboard.watchlist import Watchlist

_SEVERITY_ORDER = {s: i for i, s in enumerate(FindingSeverity)}


@dataclass(frozen=True, slots=True)
class Screening:
    """What every traveller is checked against, built once per run."""

    matcher: Matcher | None = None
    watchlist: Watchlist | None = None
    documents: DocumentChecks = field(default_factory=DocumentChecks)
    rules: tuple[CompiledRule, ...] = ()
    workers: int = 1


@dataclass(frozen=True, slots=True)
class Assessed:
    """One traveller of a flight with the booking they are on, their findings, best first,
    their priority, and the rules that could not be evaluated on their data."""

    traveller: Traveller
    booking: Booking | None
    findings: tuple[Finding, ...]
    priority: float
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Worklist:
    """A flight and its travellers, highest priority first."""

    key: FlightKey
    flight: Flight
    travellers: tuple[Assessed, ...]

    @property
    def flagged(self) -> int:
        return sum(1 for a in self.travellers if a.priority > 0)


@dataclass(frozen=True, slots=True)
class _Seat:
    """A traveller to assess, with what linking found."""

    data: FlightData
    traveller: Traveller
    booking: Booking | None
    findings: tuple[Finding, ...]


def _seats(data: FlightData) -> list[_Seat]:
    bookings = list(data.bookings.values())
    links = link_flight(data.flight, list(data.travellers), bookings)
    seats = [_Seat(data, x.traveller, x.booking, x.findings) for x in links.links]
    seats += [_Seat(data, u.traveller, u.booking, (u.finding,)) for u in links.api_without_pnr]
    seats += [_Seat(data, u.traveller, u.booking, (u.finding,)) for u in links.pnr_without_api]
    seats += [_Seat(data, t, None, ()) for t in data.travellers if t.role is Role.CREW]
    return seats


def _rule_findings(
    seat: _Seat, screening: Screening, shared: dict[str, int], on: dt.date
) -> tuple[list[Finding], list[str]]:
    if not screening.rules:
        return [], []
    count = shared.get(seat.booking.record_locator, 0) if seat.booking else 0
    context = build_context(
        seat.traveller, seat.booking, seat.data.flight, shared_contacts=count, on=on
    )
    findings, problems = [], []
    for rule in screening.rules:
        result = evaluate(rule, context)
        if result.finding is not None:
            findings.append(result.finding)
        elif result.problem:
            problems.append(f"rule {result.rule_id} v{result.version}: {result.problem}")
    return findings, problems


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (-_SEVERITY_ORDER[f.severity], -f.score, f.code)))


def screen(manifests: Sequence[Manifest], screening: Screening) -> list[Worklist]:
    """Screen every traveller of every flight in ``manifests``; one worklist per flight, in
    order of departure."""
    flights = group_by_flight(manifests)
    seats = [seat for data in flights for seat in _seats(data)]
    shared = shared_contact_counts(b for data in flights for b in data.bookings.values())
    matches = (
        screening.matcher.match_many([s.traveller for s in seats], workers=screening.workers)
        if screening.matcher is not None
        else [[] for _ in seats]
    )
    assessed: dict[FlightKey, list[Assessed]] = {data.key: [] for data in flights}
    for seat, found in zip(seats, matches, strict=True):
        departure = seat.data.departure
        on = departure.date() if departure else dt.date.today()
        findings = list(seat.findings)
        findings += [watchlist_finding(r, screening.watchlist) for r in found]
        findings += check_traveller(
            seat.traveller,
            flight=seat.data.flight,
            booking=seat.booking,
            checks=screening.documents,
            on=on,
        )
        fired, problems = _rule_findings(seat, screening, shared, on)
        ordered = _ordered(findings + fired)
        assessed[seat.data.key].append(
            Assessed(seat.traveller, seat.booking, ordered, priority(ordered), tuple(problems))
        )
    return [
        Worklist(data.key, data.flight, tuple(sorted(assessed[data.key], key=_rank)))
        for data in flights
    ]


def _rank(item: Assessed) -> tuple[float, str, str]:
    return -item.priority, item.traveller.surname, item.traveller.given_names
