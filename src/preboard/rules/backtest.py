"""Back-testing a rule on history: how many it would have flagged, and how many were right.

``backtest`` runs one rule version over the travellers of past manifests (see
``preboard.rules.history``), each screened as of their flight's departure date, with
``booking.contacts_shared_with_bookings`` computed over every booking of the history. Per
departure day it counts travellers, flagged travellers, travellers the rule could not evaluate
(problems), and, among flagged travellers with an officer's decision, confirmed and dismissed.
The rule runs whatever its validity window or review date: back-testing is how it is reviewed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from preboard.model import Manifest
from preboard.rules.contacts import shared_contact_counts
from preboard.rules.context import build_context
from preboard.rules.decisions import Decisions, lookup
from preboard.rules.engine import CompiledRule, compile_rule, evaluate
from preboard.rules.history import Screened, all_bookings, screened_travellers
from preboard.rules.model import Rule


@dataclass(frozen=True, slots=True)
class DayStats:
    """Counts for one departure day (``day`` is ``None`` for the totals)."""

    day: dt.date | None
    travellers: int = 0
    flagged: int = 0
    problems: int = 0
    confirmed: int = 0
    dismissed: int = 0

    @property
    def share_flagged(self) -> float:
        """Flagged travellers over travellers (0 when there are none)."""
        return self.flagged / self.travellers if self.travellers else 0.0

    @property
    def confirmed_rate(self) -> float | None:
        """Confirmed over decided hits; ``None`` when no hit has a decision."""
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None

    def as_dict(self) -> dict[str, object]:
        """The counts and rates as JSON-ready values."""
        rate = self.confirmed_rate
        return {
            "day": self.day.isoformat() if self.day else None,
            "travellers": self.travellers,
            "flagged": self.flagged,
            "share_flagged": round(self.share_flagged, 6),
            "problems": self.problems,
            "confirmed": self.confirmed,
            "dismissed": self.dismissed,
            "confirmed_rate": None if rate is None else round(rate, 6),
        }


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """A back-test of one rule version: per day (sorted), the totals, and the problems."""

    rule_id: str
    version: int
    days: tuple[DayStats, ...]
    total: DayStats
    undated: int = 0
    problems: tuple[tuple[str, int], ...] = field(default=())


@dataclass(slots=True)
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def freeze(self, day: dt.date | None) -> DayStats:
        c = self.counts
        return DayStats(
            day, c["travellers"], c["flagged"], c["problems"], c["confirmed"], c["dismissed"]
        )


def _outcome(
    compiled: CompiledRule, s: Screened, shared: dict[str, int], decisions: Decisions
) -> tuple[list[str], str | None]:
    """The counters one traveller adds, and the problem when the rule could not run."""
    locator = s.booking.record_locator if s.booking else ""
    context = build_context(
        s.traveller, s.booking, s.flight, shared_contacts=shared.get(locator, 0), on=s.day
    )
    ev = evaluate(compiled, context)
    if ev.problem is not None:
        return ["travellers", "problems"], ev.problem
    if not ev.fired:
        return ["travellers"], None
    decision = lookup(decisions, s.day, locator, s.traveller.ref or "", compiled.rule.id)
    extra = [] if decision is None else [decision.value]
    return ["travellers", "flagged", *extra], None


def backtest(
    rule: Rule, manifests: Sequence[Manifest], decisions: Decisions | None = None
) -> BacktestResult:
    """Run ``rule`` over the travellers of ``manifests``; raises ``RuleError`` when refused."""
    compiled = compile_rule(rule)
    shared = shared_contact_counts(all_bookings(manifests))
    screened, undated = screened_travellers(manifests)
    tallies: dict[dt.date, _Tally] = {}
    total, problems = _Tally(), Counter[str]()
    for s in screened:
        keys, problem = _outcome(compiled, s, shared, decisions or {})
        tallies.setdefault(s.day, _Tally()).counts.update(keys)
        total.counts.update(keys)
        if problem:
            problems[problem] += 1
    days = tuple(tallies[d].freeze(d) for d in sorted(tallies))
    return BacktestResult(
        rule.id, rule.version, days, total.freeze(None), undated, tuple(problems.most_common())
    )
