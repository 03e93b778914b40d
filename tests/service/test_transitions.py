"""The review state machine: which moves are allowed from which states, and reasons."""

from __future__ import annotations

import pytest

from preboard.service import ConflictError, InvalidValueError
from preboard.service.transitions import ALLOWED_FROM, check_move
from preboard.storage import Decision, HitStatus


@pytest.mark.parametrize("decision", list(Decision))
@pytest.mark.parametrize("status", list(HitStatus))
def test_each_move_is_allowed_only_from_its_states(status: HitStatus, decision: Decision) -> None:
    if status in ALLOWED_FROM[decision]:
        assert check_move(status, decision, "  a reason  ") == "a reason"
    else:
        with pytest.raises(ConflictError):
            check_move(status, decision, "a reason")


def test_the_paths_of_the_issue() -> None:
    path = [Decision.IN_REVIEW, Decision.CONFIRMED, Decision.REOPENED, Decision.DISMISSED]
    status = HitStatus.NEW
    for decision in path:
        check_move(status, decision, "why")
        status = HitStatus(decision.value)
    assert status is HitStatus.DISMISSED


@pytest.mark.parametrize("decision", [Decision.CONFIRMED, Decision.DISMISSED, Decision.REOPENED])
def test_deciding_and_reopening_need_a_reason(decision: Decision) -> None:
    status = HitStatus.CONFIRMED if decision is Decision.REOPENED else HitStatus.IN_REVIEW
    with pytest.raises(InvalidValueError, match="reason is required"):
        check_move(status, decision, "   ")


def test_taking_a_hit_into_review_needs_no_reason() -> None:
    assert check_move(HitStatus.NEW, Decision.IN_REVIEW, "") == ""


def test_a_reason_has_a_length_limit() -> None:
    with pytest.raises(InvalidValueError, match="longer than"):
        check_move(HitStatus.NEW, Decision.DISMISSED, "x" * 4001)
