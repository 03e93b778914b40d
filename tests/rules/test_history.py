"""Travellers on dated flights from past manifests, paired with their bookings."""

from __future__ import annotations

import dataclasses

from preboard.rules import EXAMPLES, backtest
from preboard.rules.files import load_rule_file
from preboard.rules.history import screened_travellers
from tests.rules.builders import DAY, DAY2, innocent, planted, pnr, traveller, two_days


def test_api_travellers_are_paired_with_the_latest_booking_push() -> None:
    screened, undated = screened_travellers(two_days())
    day2 = [s for s in screened if s.day == DAY2]
    assert [s.traveller.surname for s in day2] == ["API0", "API1", "API2"]
    assert [s.booking.record_locator if s.booking else None for s in day2] == [
        "ZZZ002",
        "AAA003",
        "AAA004",
    ]
    assert undated == 1


def test_bookings_without_a_locator_are_paired_by_their_traveller() -> None:
    cash = planted("R-FAC-001", "ZZZ001")
    first = dataclasses.replace(cash, record_locator="", travellers=(traveller(locator=None),))
    other = innocent("AAA001")
    second = dataclasses.replace(
        other, record_locator="", travellers=(traveller("OTHER", locator=None),)
    )
    screened, _ = screened_travellers([pnr(DAY, first, second)])
    assert [(s.traveller.surname, s.booking is first) for s in screened] == [
        ("EXAMPLE", True),
        ("OTHER", False),
    ]
    rule = load_rule_file(EXAMPLES / "R-FAC-001.yaml").history.latest
    assert backtest(rule, [pnr(DAY, first, second)]).total.flagged == 1
