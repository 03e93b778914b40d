"""Rule files: versions, the current version on a date, history, and malformed files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.model.findings import FindingSeverity
from preboard.rules import EXAMPLES, RuleError, current_rule, load_rule_file, rule_history
from preboard.rules.files import parse_rule_text

TWO_VERSIONS = """\
id: R-TST-001
context_version: "1"
versions:
  - version: 1
    date: 2026-01-01
    author: a
    reason: first
    title: T
    purpose: P
    owner: O
    severity: low
    weight: 0.2
    valid_from: 2026-01-01
    review_date: 2026-06-30
    expression: booking.one_way == true
  - version: 2
    date: 2026-03-01
    author: b
    reason: second
    title: T
    purpose: P
    owner: O
    severity: high
    weight: 0.7
    valid_from: 2026-01-01
    review_date: 2026-09-30
    expression: "booking.one_way == true"
"""


def test_examples_have_the_agreed_ids_severities_and_weights() -> None:
    expected = {
        "R-FAC-001": (FindingSeverity.HIGH, 0.6),
        "R-FAC-002": (FindingSeverity.MEDIUM, 0.5),
        "R-FAC-003": (FindingSeverity.MEDIUM, 0.4),
        "R-DOC-001": (FindingSeverity.LOW, 0.3),
    }
    for rule_id, (severity, weight) in expected.items():
        rule = load_rule_file(EXAMPLES / f"{rule_id}.yaml").history.latest
        assert (rule.id, rule.severity, rule.weight) == (rule_id, severity, weight)


def test_current_version_on_a_date_and_history() -> None:
    history = parse_rule_text(TWO_VERSIONS).history
    assert history.as_of(dt.date(2025, 12, 31)) is None
    assert history.as_of(dt.date(2026, 2, 1)).version == 1  # type: ignore[union-attr]
    assert history.as_of(dt.date(2026, 3, 1)).version == 2  # type: ignore[union-attr]
    assert [(r.version, r.author, r.reason) for r in history.versions] == [
        (1, "a", "first"),
        (2, "b", "second"),
    ]
    assert history.version(2) is history.latest and history.version(3) is None


def test_file_functions(tmp_path: Path) -> None:
    path = tmp_path / "R-TST-001.yaml"
    path.write_text(TWO_VERSIONS, encoding="utf-8")
    assert current_rule(path, dt.date(2026, 2, 1)).severity is FindingSeverity.LOW  # type: ignore[union-attr]
    assert [r.version for r in rule_history(path)] == [1, 2]
    assert rule_history(EXAMPLES / "R-FAC-001.yaml")[1].source == "rule R-FAC-001 v2"


def test_expression_positions_are_kept_per_version() -> None:
    spans = parse_rule_text(TWO_VERSIONS).expressions
    assert (spans[1].line, spans[1].column, spans[1].block) == (15, 17, False)
    assert (spans[2].line, spans[2].column, spans[2].exact) == (27, 18, True)  # in quotes


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("version: 2", "version: 3"), "numbered 1, 2"),
        (("date: 2026-03-01", "date: 2025-03-01"), "back in time"),
        (("severity: high", "severity: severe"), "versions.1.severity"),
        (("    author: b\n", ""), "versions.1.author: Field required"),
        (("id: R-TST-001", "id: lowercase"), "id: String should match"),
        (("    review_date: 2026-09-30\n", "    colour: red\n"), "versions.1.colour"),
    ],
)
def test_malformed_files_are_refused(change: tuple[str, str], reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        parse_rule_text(TWO_VERSIONS.replace(*change))


def test_file_name_must_match_the_id(tmp_path: Path) -> None:
    path = tmp_path / "R-OTHER-001.yaml"
    path.write_text(TWO_VERSIONS, encoding="utf-8")
    with pytest.raises(RuleError, match="does not match id R-TST-001"):
        load_rule_file(path)


def test_missing_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        load_rule_file(tmp_path / "R-NONE-001.yaml")
