"""Back-tests on the small two-day history of ``builders.two_days``."""

from __future__ import annotations

import pytest

from preboard.model import PaymentMethod
from preboard.rules import EXAMPLES, Decision, DecisionKey, backtest
from preboard.rules.files import load_rule_file
from preboard.rules.model import Rule
from tests.rules.builders import DAY, DAY2, booking, pnr, two_days


def rule(rule_id: str = "R-FAC-001") -> Rule:
    return load_rule_file(EXAMPLES / f"{rule_id}.yaml").history.latest


def test_flagged_per_day_and_share() -> None:
    result = backtest(rule(), two_days())
    assert [(d.day, d.travellers, d.flagged) for d in result.days] == [(DAY, 3, 1), (DAY2, 3, 1)]
    assert (result.total.travellers, result.total.flagged) == (6, 2)
    assert result.total.share_flagged == pytest.approx(1 / 3)
    assert result.total.confirmed_rate is None
    assert result.undated == 1 and result.problems == ()
    assert (result.rule_id, result.version) == ("R-FAC-001", 2)


def test_confirmed_hit_rate_from_decisions() -> None:
    decisions = {
        DecisionKey(DAY, "ZZZ001", "", "R-FAC-001"): Decision.CONFIRMED,
        DecisionKey(DAY2, "ZZZ002", "1", "R-FAC-001"): Decision.DISMISSED,
        DecisionKey(DAY2, "AAA003", "", "R-FAC-001"): Decision.CONFIRMED,  # never flagged
    }
    result = backtest(rule(), two_days(), decisions)
    assert [(d.confirmed, d.dismissed) for d in result.days] == [(1, 0), (0, 1)]
    assert result.total.confirmed_rate == 0.5
    assert result.days[0].as_dict()["confirmed_rate"] == 1.0


def test_problems_are_counted_not_raised() -> None:
    v1 = load_rule_file(EXAMPLES / "R-FAC-001.yaml").history.version(1)
    assert v1 is not None
    no_date = booking("ZZZ003", days_ahead=None, one_way=True, method=PaymentMethod.CASH)
    result = backtest(v1, [pnr(DAY, no_date)])  # v1 has no null guard
    assert (result.total.travellers, result.total.flagged, result.total.problems) == (1, 0, 1)
    assert "booking.days_before_departure" in result.problems[0][0]


def test_shared_contacts_are_counted_over_the_whole_history() -> None:
    phone = "+529981234567"
    day1 = [booking(f"SHR00{i}", phone=phone) for i in range(3)]
    day2 = [booking(f"SHR10{i}", phone=phone, day=DAY2) for i in range(3)]
    result = backtest(rule("R-FAC-002"), [pnr(DAY, *day1), pnr(DAY2, *day2)])
    assert result.total.flagged == 6  # each shares the phone with 5 others
    only_day1 = backtest(rule("R-FAC-002"), [pnr(DAY, *day1)])
    assert only_day1.total.flagged == 0
