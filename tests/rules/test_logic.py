"""Can a rule fire on restricted fields alone? The boolean reading of expressions."""

from __future__ import annotations

import pytest

from preboard.rules.context import RESTRICTED
from preboard.rules.logic import fires_on_restricted_alone, parse
from preboard.rules.tokens import tokenize


def alone(source: str) -> bool:
    return fires_on_restricted_alone(parse(tokenize(source)), RESTRICTED)


@pytest.mark.parametrize(
    "source",
    [
        'traveller.sex == "F"',
        'traveller.sex == "F" && traveller.age_years < 30 && traveller.nationality == "UTO"',
        'booking.one_way == true || traveller.nationality == "UTO"',
        '!(booking.one_way == true && traveller.sex == "F")',  # De Morgan: !one_way || sex != F
        'traveller.sex == "F" ? false : true',
        "(traveller.age_years + 1) > 3",
        'document.issuing_country == "UTO"',
        '[1, 2].exists(x, traveller.sex == "F")',
    ],
)
def test_fires_on_restricted_alone(source: str) -> None:
    assert alone(source)


@pytest.mark.parametrize(
    "source",
    [
        'traveller.sex == "F" && booking.one_way == true',
        '(traveller.sex == "F" || traveller.age_years < 3) && booking.one_way == true',
        '!(booking.one_way == false || traveller.sex == "F")',  # one_way && sex != F
        'traveller.sex == "F" ? booking.one_way == true : false',
        "(traveller.age_years + 1) > 3 && size(booking.payment_methods) > 1",
        'traveller.nationality == "UTO" && "cash" in booking.payment_methods',
    ],
)
def test_needs_a_condition_on_another_field(source: str) -> None:
    assert not alone(source)
