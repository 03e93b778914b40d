"""``decisions.csv``: officers' decisions read for back-tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.errors import ConfigurationError
from preboard.rules import Decision, DecisionKey, read_decisions
from preboard.rules.decisions import lookup

HEADER = "flight_date,record_locator,traveller_ref,rule_id,decision\n"
DAY = dt.date(2026, 11, 20)


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "decisions.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_read_and_look_up(tmp_path: Path) -> None:
    path = write(
        tmp_path, "2026-11-20,ABC123,,R-FAC-001,confirmed\n2026-11-20,, P7 ,R-X-1,dismissed\n"
    )
    decisions = read_decisions(path)
    assert decisions == {
        DecisionKey(DAY, "ABC123", "", "R-FAC-001"): Decision.CONFIRMED,
        DecisionKey(DAY, "", "P7", "R-X-1"): Decision.DISMISSED,
    }
    assert lookup(decisions, DAY, "ABC123", "2", "R-FAC-001") is Decision.CONFIRMED
    assert lookup(decisions, DAY, "ZZZ999", "P7", "R-X-1") is Decision.DISMISSED
    assert lookup(decisions, DAY, "ABC123", "2", "R-X-1") is None
    assert lookup(decisions, DAY, "", "", "R-FAC-001") is None


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ("2026-11-20,ABC123,,R-FAC-001,maybe\n", "line 2: decision"),
        ("2026-13-20,ABC123,,R-FAC-001,confirmed\n", "line 2: flight_date"),
        ("2026-11-20,,,R-FAC-001,confirmed\n", "record_locator or a traveller_ref"),
    ],
)
def test_bad_rows_name_their_line(tmp_path: Path, rows: str, reason: str) -> None:
    with pytest.raises(ConfigurationError, match=reason):
        read_decisions(write(tmp_path, rows))


def test_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("date,who,decision\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="the header must be"):
        read_decisions(path)
