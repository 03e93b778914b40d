"""Evaluating rules: findings with explanations, problems instead of crashes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from preboard.model.findings import FindingKind, FindingSeverity
from preboard.rules import EXAMPLES, RuleError, build_context, compile_rule, evaluate
from preboard.rules.engine import CompiledRule, evaluate_all, format_value
from preboard.rules.files import load_rule_file
from preboard.rules.model import Rule
from tests.rules.builders import DAY, flight, innocent, planted, traveller

IDS = ("R-FAC-001", "R-FAC-002", "R-FAC-003", "R-DOC-001")


def example(rule_id: str) -> Rule:
    return load_rule_file(EXAMPLES / f"{rule_id}.yaml").history.latest


def compiled(rule_id: str) -> CompiledRule:
    return compile_rule(example(rule_id))


def fired(rule_id: str, booking_rule: str | None, shared: int = 0) -> set[str]:
    b = planted(booking_rule) if booking_rule else innocent()
    ctx = build_context(b.travellers[0], b, flight(), shared_contacts=shared, on=DAY)
    return {e.rule_id for e in evaluate_all([compiled(i) for i in IDS], ctx) if e.fired}


@pytest.mark.parametrize("rule_id", ["R-FAC-001", "R-FAC-003", "R-DOC-001"])
def test_each_planted_booking_fires_its_rule(rule_id: str) -> None:
    assert rule_id in fired(rule_id, rule_id)


def test_shared_contacts_fire_r_fac_002_from_five() -> None:
    assert fired("R-FAC-002", "R-FAC-002", shared=5) == {"R-FAC-002"}
    assert fired("R-FAC-002", "R-FAC-002", shared=4) == set()


def test_innocent_booking_fires_nothing() -> None:
    assert fired("", None, shared=1) == set()


def test_finding_explains_with_the_values_read() -> None:
    b = planted("R-FAC-001")
    ctx = build_context(b.travellers[0], b, flight(), shared_contacts=0, on=DAY)
    result = evaluate(compiled("R-FAC-001"), ctx)
    f = result.finding
    assert result.fired and f is not None and result.problem is None
    assert (f.kind, f.code, f.severity, f.score) == (
        FindingKind.RULE,
        "rule.R-FAC-001",
        FindingSeverity.HIGH,
        0.6,
    )
    assert f.source == "rule R-FAC-001 v2"
    assert f.explanation.startswith("One-way ticket paid in cash shortly before departure. ")
    assert "booking.days_before_departure = 2" in f.explanation
    assert 'booking.payment_methods = ["cash"]' in f.explanation
    assert dict(f.detail) == {
        "booking.days_before_departure": "2",
        "booking.one_way": "true",
        "booking.payment_methods": '["cash"]',
    }


def test_explanation_never_shows_the_document_number() -> None:
    b = planted("R-DOC-001")
    ctx = build_context(b.travellers[0], b, flight(), shared_contacts=0, on=DAY)
    finding = evaluate(compiled("R-DOC-001"), ctx).finding
    assert finding is not None and "document.days_since_issue = 10" in finding.explanation
    assert "P1234567" not in finding.explanation + repr(finding.detail)


def test_unknown_value_is_a_problem_not_a_finding_nor_a_crash() -> None:
    v1 = load_rule_file(EXAMPLES / "R-FAC-001.yaml").history.version(1)
    assert v1 is not None
    b = dataclasses.replace(planted("R-FAC-001"), booked_at=None)
    ctx = build_context(b.travellers[0], b, flight(), shared_contacts=0, on=DAY)
    result = evaluate(compile_rule(v1), ctx)  # v1 has no null guard
    assert not result.fired and result.finding is None
    assert result.problem is not None and "unknown: booking.days_before_departure" in result.problem
    assert evaluate(compiled("R-FAC-001"), ctx).problem is None  # v2 guards it


def test_missing_key_in_a_hand_made_context_is_a_problem() -> None:
    result = evaluate(compiled("R-FAC-002"), {"booking": {}})
    assert not result.fired and result.problem is not None


def test_non_boolean_result_is_a_problem() -> None:
    rule = dataclasses.replace(example("R-FAC-002"), expression="booking.traveller_count")
    ctx = build_context(traveller(), innocent(), flight(), shared_contacts=0, on=DAY)
    result = evaluate(compile_rule(rule), ctx)
    assert result.problem == "gave 1, not true or false"


def test_refused_rule_does_not_compile() -> None:
    rule = dataclasses.replace(example("R-FAC-002"), expression='traveller.sex == "F"')
    with pytest.raises(RuleError, match="restricted"):
        compile_rule(rule)


def test_compiled_rule_reads_only_its_fields() -> None:
    assert compiled("R-FAC-002").fields == ("booking.contacts_shared_with_bookings",)


def test_format_value() -> None:
    assert [format_value(v) for v in (None, True, 3, 'a"b', ["CUN"], dt.date(2026, 1, 2))] == [
        "null",
        "true",
        "3",
        '"a\\"b"',
        '["CUN"]',
        "2026-01-02",
    ]
