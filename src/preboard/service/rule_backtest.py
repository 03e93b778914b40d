"""Back-testing a rule (a released version or a draft) on the messages stored in the database.

    run = backtest_version(database, principal, book, "R-FAC-001", version=2)
    run = backtest_draft(database, principal, book, draft_id)

The history is what ``preboard rules backtest`` reads from a folder, taken from the database
instead: the bodies of the messages received in the last ``days`` days (failed ones left
out), read together so multi-part PAXLST messages assemble (``rules.history``). Officers'
decisions come from the stored hits of the same rule (code ``rule.<id>``) confirmed or
dismissed, keyed by the flight's departure date, the record locator and the traveller's
reference, so the result gives a confirmed-hit rate (precision) where decisions exist. The
run reads personal data, though it shows only counts: it is audited (``rule.backtest``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.ingest.reader import read_inputs
from preboard.model import Manifest
from preboard.model.findings import FindingKind
from preboard.rules.backtest import BacktestResult, backtest
from preboard.rules.decisions import Decision, DecisionKey
from preboard.rules.history import screened_travellers
from preboard.rules.model import Rule
from preboard.service.reading import message_name
from preboard.service.rule_drafts import DraftStore, as_rule, version_doc
from preboard.service.rulebook import RuleBook, rule_detail
from preboard.service.trail import record
from preboard.storage import Database, HitStatus, MessageStatus
from preboard.storage.tables import FlightRow, HitRow, MessageRow, TravellerRow
from preboard.users import Principal

__all__ = ["BacktestRun", "backtest_draft", "backtest_version", "stored_decisions"]

DAYS = 90
_DECIDED = {HitStatus.CONFIRMED: Decision.CONFIRMED, HitStatus.DISMISSED: Decision.DISMISSED}


@dataclass(frozen=True, slots=True)
class BacktestRun:
    """A back-test and what it ran on: messages read, flights per departure day."""

    result: BacktestResult
    messages: int
    flights: dict[dt.date, int]
    input_problems: int
    days: int

    @property
    def total_flights(self) -> int:
        return sum(self.flights.values())


def _history(session: Session, since: dt.datetime) -> tuple[list[Manifest], int, int]:
    stmt = (
        select(MessageRow.id, MessageRow.body)
        .where(MessageRow.received_at >= since, MessageRow.status != MessageStatus.FAILED)
        .order_by(MessageRow.id)
    )
    rows = session.execute(stmt).all()
    read = read_inputs((message_name(r.id), r.body) for r in rows)
    return list(read.manifests), len(read.all_problems), len(rows)


def stored_decisions(session: Session, rule_id: str) -> dict[DecisionKey, Decision]:
    """Officers' decisions on the stored hits of rule ``rule_id``."""
    stmt = (
        select(HitRow.status, TravellerRow.record_locator, TravellerRow.data,
               FlightRow.departure, FlightRow.date)
        .join(TravellerRow, HitRow.traveller_id == TravellerRow.id)
        .join(FlightRow, TravellerRow.flight_id == FlightRow.id)
        .where(HitRow.kind == FindingKind.RULE, HitRow.code == f"rule.{rule_id}",
               HitRow.status.in_(list(_DECIDED)))
    )  # fmt: skip
    found: dict[DecisionKey, Decision] = {}
    for status, locator, data, departure, date in session.execute(stmt):
        day = departure.date() if departure else date
        ref = str((data or {}).get("ref") or "")
        if day is not None and (locator or ref):
            found[DecisionKey(day, locator or "", ref, rule_id)] = _DECIDED[status]
    return found


def _flights(manifests: list[Manifest]) -> dict[dt.date, int]:
    seen: dict[dt.date, set[Any]] = defaultdict(set)
    for s in screened_travellers(manifests)[0]:
        seen[s.day].add((s.flight.carrier, s.flight.number))
    return {day: len(flights) for day, flights in sorted(seen.items())}


def _run(
    database: Database, principal: Principal, rule: Rule, days: int, **facts: Any
) -> BacktestRun:
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    with database.snapshot() as session:
        manifests, problems, messages = _history(session, since)
        decisions = stored_decisions(session, rule.id)
    result = backtest(rule, manifests, decisions)
    with database.write() as session:
        record(session, principal, "rule.backtest", f"rule:{rule.id}", messages=messages,
               days=days, flagged=result.total.flagged, **facts)  # fmt: skip
    return BacktestRun(result, messages, _flights(manifests), problems, days)


def backtest_version(
    database: Database, principal: Principal, book: RuleBook, rule_id: str,
    version: int | None = None, days: int = DAYS,
) -> BacktestRun:  # fmt: skip
    """Back-test a released version (default the latest) of ``rule_id``; raises
    ``RuleError`` when the linter refuses it and ``NotFoundError`` for an unknown version."""
    detail = rule_detail(book, rule_id, dt.date.today())
    rule = detail.latest if version is None else detail_version(detail.versions, version)
    return _run(database, principal, rule, days, version=rule.version)


def detail_version(versions: tuple[Rule, ...], number: int) -> Rule:
    """Version ``number`` among ``versions``; ``NotFoundError`` when there is none."""
    found = next((r for r in versions if r.version == number), None)
    if found is None:
        raise NotFoundError(f"the rule has no version {number}")
    return found


def backtest_draft(
    database: Database, principal: Principal, book: RuleBook, draft_id: str, days: int = DAYS
) -> BacktestRun:
    """Back-test a draft as the version it would become."""
    draft = DraftStore(book.drafts).get(draft_id)
    number = draft.base_version + 1
    doc = version_doc(draft.values, number, dt.date.today(), draft.author)
    return _run(database, principal, as_rule(draft.rule_id, doc), days, draft=draft_id,
                version=number)  # fmt: skip
