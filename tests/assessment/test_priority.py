"""The priority: fixed weights by severity, combined as a noisy-or."""

from __future__ import annotations

import pytest

from preboard.assessment import PRIORITY_VERSION, SEVERITY_WEIGHTS, flagged, priority
from preboard.model import Finding, FindingKind, FindingSeverity

S = FindingSeverity


def finding(severity: FindingSeverity, score: float = 1.0) -> Finding:
    return Finding(FindingKind.RULE, f"rule.{severity.value}", severity, score, "because")


def test_no_findings_and_info_findings_give_zero() -> None:
    assert priority([]) == 0.0
    assert priority([finding(S.INFO), finding(S.INFO)]) == 0.0
    assert not flagged([finding(S.INFO)])


def test_one_finding_weighs_its_severity_times_its_score() -> None:
    assert priority([finding(S.HIGH)]) == SEVERITY_WEIGHTS[S.HIGH]
    assert priority([finding(S.MEDIUM, 0.5)]) == pytest.approx(0.25)
    assert flagged([finding(S.LOW)])


def test_two_findings_outrank_either_alone_and_stay_in_bounds() -> None:
    both = priority([finding(S.MEDIUM), finding(S.LOW)])
    assert both > priority([finding(S.MEDIUM)]) > priority([finding(S.LOW)])
    assert priority([finding(S.CRITICAL), finding(S.HIGH)]) == 1.0
    assert 0.0 <= priority([finding(S.LOW)] * 20) <= 1.0


def test_one_critical_finding_outranks_several_low_ones() -> None:
    assert priority([finding(S.CRITICAL)]) > priority([finding(S.LOW)] * 3)


def test_scores_outside_the_unit_interval_are_clamped() -> None:
    assert priority([finding(S.HIGH, 3.0)]) == SEVERITY_WEIGHTS[S.HIGH]
    assert priority([finding(S.HIGH, -1.0)]) == 0.0


def test_weights_are_versioned_and_ordered_by_severity() -> None:
    assert PRIORITY_VERSION == "1"
    values = [SEVERITY_WEIGHTS[s] for s in FindingSeverity]
    assert values == sorted(values)
