"""The linter: one test per refusal (``fixtures/bad``), the examples pass, held-back statuses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from preboard.errors import ConfigurationError
from preboard.rules import EXAMPLES, LintStatus, RuleError, lint_directory, lint_file, runnable
from preboard.rules.files import load_rule_file
from preboard.rules.lint import lint_located, refusals

BAD = Path(__file__).parent / "fixtures" / "bad"
ON = dt.date(2026, 12, 1)


def refused(name: str) -> list[tuple[str, int | None, int | None]]:
    result = lint_file(BAD / f"{name}.yaml", ON)
    assert result.status is LintStatus.REFUSED
    return [(i.code, i.line, i.column) for i in result.issues]


def test_every_example_rule_passes() -> None:
    results = lint_directory(EXAMPLES, ON)
    assert [r.rule_id for r in results] == ["R-DOC-001", "R-FAC-001", "R-FAC-002", "R-FAC-003"]
    for r in results:
        assert r.status is LintStatus.OK, (r.rule_id, [str(i) for i in r.issues])
    assert len(runnable(results)) == 4


def test_compile_error_gives_the_line_and_column_in_the_file() -> None:
    assert refused("R-BAD-COMPILE") == [("compile", 19, 44)]


def test_compile_error_in_a_one_line_expression() -> None:
    assert refused("R-BAD-INLINE") == [("compile", 16, 44)]


def test_unknown_field_is_named_with_its_place_and_a_suggestion() -> None:
    assert refused("R-BAD-FIELD") == [("unknown-field", 19, 12)]
    issue = lint_file(BAD / "R-BAD-FIELD.yaml", ON).issues[0]
    assert "booking.paid_by" in issue.message and "booking.paid_by_traveller?" in issue.message


@pytest.mark.parametrize("name", ["R-BAD-SEX", "R-BAD-PROFILE", "R-BAD-EITHER"])
def test_restricted_fields_alone_or_together_are_refused(name: str) -> None:
    assert [code for code, _, _ in refused(name)] == ["restricted-only"]


def test_restricted_refusal_points_at_the_restricted_field() -> None:
    assert refused("R-BAD-EITHER") == [("restricted-only", 19, 12)]


def test_constant_expression_is_refused() -> None:
    assert [code for code, _, _ in refused("R-BAD-NOFIELD")] == ["no-field"]


def test_macro_variable_shadowing_a_map_is_refused() -> None:
    assert [code for code, _, _ in refused("R-BAD-SHADOW")] == ["shadowed-map"]


def test_other_context_version_is_refused() -> None:
    assert [code for code, _, _ in refused("R-BAD-CONTEXT")] == ["context-version"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("R-BAD-NOPURPOSE", "missing-purpose"),
        ("R-BAD-NOOWNER", "missing-owner"),
        ("R-BAD-NOREVIEW", "missing-review-date"),
    ],
)
def test_rule_without_purpose_owner_or_review_date_is_refused(name: str, code: str) -> None:
    assert [c for c, _, _ in refused(name)] == [code]


def test_malformed_file_is_refused_with_its_line() -> None:
    assert refused("R-BAD-WEIGHT") == [("format", 13, None)]
    assert refused("R-BAD-YAML") == [("yaml", 4, None)]


def test_every_bad_fixture_is_refused_and_the_folder_fails() -> None:
    results = lint_directory(BAD, ON)
    assert len(results) == len(list(BAD.glob("*.yaml")))
    assert all(r.status is LintStatus.REFUSED for r in results)
    assert runnable(results) == ()


def test_refused_result_raises_a_configuration_error() -> None:
    result = lint_file(BAD / "R-BAD-SEX.yaml", ON)
    with pytest.raises(ConfigurationError) as caught:
        result.raise_if_refused()
    assert isinstance(caught.value, RuleError)
    assert caught.value.issues == result.issues


def test_rule_past_its_review_date_is_held_back_not_refused() -> None:
    result = lint_file(EXAMPLES / "R-FAC-002.yaml", dt.date(2027, 6, 1))
    assert result.status is LintStatus.REVIEW_OVERDUE
    assert not result.runs
    assert "2027-05-31" in result.issues[0].message
    result.raise_if_refused()  # held back is not an error


def test_rule_outside_its_validity_is_not_in_force() -> None:
    located = load_rule_file(EXAMPLES / "R-FAC-002.yaml")
    rule = located.history.latest
    ended = dataclasses.replace(rule, valid_to=dt.date(2026, 6, 30))
    history = dataclasses.replace(located.history, versions=(ended,))
    result = lint_located(dataclasses.replace(located, history=history), ON)
    assert result.status is LintStatus.NOT_IN_FORCE


def test_before_the_first_release_nothing_runs() -> None:
    result = lint_file(EXAMPLES / "R-FAC-002.yaml", dt.date(2024, 1, 1))
    assert result.status is LintStatus.NOT_IN_FORCE and result.rule is None


def test_a_refused_scheduled_version_refuses_the_file() -> None:
    located = load_rule_file(EXAMPLES / "R-FAC-002.yaml")
    rule = located.history.latest
    bad = dataclasses.replace(rule, version=2, released=dt.date(2027, 1, 1), owner="")
    history = dataclasses.replace(located.history, versions=(rule, bad))
    result = lint_located(dataclasses.replace(located, history=history), ON)
    assert result.status is LintStatus.REFUSED
    assert [(i.code, i.version) for i in result.issues] == [("missing-owner", 2)]


def test_refusals_of_a_rule_without_a_file() -> None:
    rule = load_rule_file(EXAMPLES / "R-DOC-001.yaml").history.latest
    assert refusals(rule) == ()
    sex_only = dataclasses.replace(rule, expression='traveller.sex == "X"')
    assert [i.code for i in refusals(sex_only)] == ["restricted-only"]
