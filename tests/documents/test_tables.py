"""The CSV table reader: header check, comments, line numbers of bad rows."""

from __future__ import annotations

import gc

import pytest

from preboard.documents.tables import paused_gc, read_rows
from preboard.errors import ParseError
from preboard.model import Problem, Severity

HEADER = ("a", "b")


def test_rows_carry_their_physical_line_numbers_past_comments_and_blanks() -> None:
    lines = ["# comment\n", "A, B\n", "\n", "1,2\n", "# more\n", "3,4\n"]
    problems: list[Problem] = []
    rows = list(read_rows(lines, "t.csv", HEADER, problems))
    assert rows == [(4, ["1", "2"]), (6, ["3", "4"])]
    assert problems == []


def test_a_row_of_the_wrong_width_is_reported_by_line_and_skipped() -> None:
    problems: list[Problem] = []
    rows = list(read_rows(["a,b\n", "1\n", "1,2,3\n", "5,6\n"], "t.csv", HEADER, problems))
    assert rows == [(4, ["5", "6"])]
    assert [(p.segment, p.severity) for p in problems] == [(2, Severity.ERROR), (3, Severity.ERROR)]
    assert problems[0].message.startswith("line 2: 1 values where 2 are expected")


@pytest.mark.parametrize("lines", [[], ["# only a comment\n"], ["x,y\n", "1,2\n"]])
def test_a_wrong_or_missing_header_raises_a_parse_error(lines: list[str]) -> None:
    with pytest.raises(ParseError, match="expected the header 'a,b'") as err:
        list(read_rows(lines, "t.csv", HEADER, []))
    assert err.value.file == "t.csv"


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
