"""CSV watchlists on tests/fixtures/watchlist/persons.csv (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from preboard.model import PartialDate, Severity
from preboard.watchlist.loaders.csv_list import load_csv
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistVersion,
)

LIST = Watchlist("local", "Local list")
HEADER = b"id,name,aliases,birth_date,nationality,document_number\n"


@pytest.fixture
def loaded(fixtures: Path) -> WatchlistVersion:
    return load_csv((fixtures / "watchlist" / "persons.csv").read_bytes(), "persons.csv", LIST)


def test_good_rows_are_loaded(loaded: WatchlistVersion) -> None:
    assert [e.id for e in loaded.entries] == ["C1", "C2", "C3", "C5", "C6", "C8", "C9"]
    first = loaded.entries[0]
    assert first.names == (
        EntryName("John Synthetic Doe"),
        EntryName("Johnny Doe", NameKind.ALIAS),
        EntryName("Джон Доу", NameKind.ORIGINAL_SCRIPT),
    )
    assert first.birth_dates == (BirthDate(PartialDate(1970, 1, 2)),)
    assert first.nationalities == ("USA", "GBR")
    assert first.documents == (EntryDocument("X1234567"), EntryDocument("Y7654321"))
    assert first.list_id == "local"


def test_bad_values_leave_the_rest_of_the_row(loaded: WatchlistVersion) -> None:
    by_id = {e.id: e for e in loaded.entries}
    assert by_id["C2"].birth_dates == () and by_id["C2"].nationalities == ("FRA",)
    assert by_id["C3"].birth_dates == (BirthDate(PartialDate(1958), PartialDate(1962)),)
    assert by_id["C5"].names[0] == EntryName("ᚋᚐᚊ ᚓᚉᚐ", NameKind.ORIGINAL_SCRIPT)
    assert by_id["C6"].names == (EntryName("Proper Alias", NameKind.ALIAS),)
    assert by_id["C8"].birth_dates == (
        BirthDate(PartialDate(1958), PartialDate(1962)),
        BirthDate(PartialDate(1964)),
    )
    assert by_id["C9"].nationalities == ()


def test_every_problem_has_its_line_and_reason(loaded: WatchlistVersion) -> None:
    found = [(p.segment, p.severity, p.message) for p in loaded.problems]
    w, e = Severity.WARNING, Severity.ERROR
    assert found == [
        (3, w, "line 3: birth date '1970-13-45' is not YYYY, YYYY-MM, YYYY-MM-DD or a range "
         "YYYY/YYYY: left out"),
        (4, w, "line 4: birth date 'c. 1960' is approximate: read as 1958/1962"),
        (5, e, "line 5: C4: no usable name: row skipped"),
        (6, w, "line 6: name 'ᚋᚐᚊ ᚓᚉᚐ' is in Ogham script, which screening cannot compare: kept"),
        (7, e, "line 7: name 'Nobody\\ue000Special' has unknown characters (U+E000): name "
         "dropped"),
        (7, w, "line 7: no usable name: kept under its aliases"),
        (8, e, "line 8: 1 value more than the header has columns: row skipped"),
        (10, e, "line 10: id 'C2' repeats line 3: skipped"),
        (11, w, "line 11: nationality 'ZZZ' is not a known country: left out"),
        (12, e, "line 12: no id: row skipped"),
    ]  # fmt: skip
    assert {p.file for p in loaded.problems} == {"persons.csv"}


def test_latin1_is_read_with_a_warning() -> None:
    data = HEADER + "L1,João Gonçalves,,,PRT,\n".encode("latin-1")
    version = load_csv(data, "f.csv", LIST)
    assert version.entries[0].names[0].full == "João Gonçalves"
    assert version.problems[0].severity is Severity.WARNING
    assert "read as Latin-1" in version.problems[0].message


def test_columns_in_another_order_and_case_and_an_extra_column() -> None:
    data = b"Name,ID,Notes\nAnna Example,A1,seen 2020\n"
    version = load_csv(data, "f.csv", LIST)
    assert [(e.id, e.caption) for e in version.entries] == [("A1", "Anna Example")]
    assert [p.message for p in version.problems] == ["line 1: columns not read: notes"]


def test_quoted_name_with_a_comma_and_a_line_break() -> None:
    data = HEADER + b'Q1,"Doe, John\nJr",,,,\nQ2,Next,,,,\n'
    version = load_csv(data, "f.csv", LIST)
    assert [e.caption for e in version.entries] == ["Doe, John Jr", "Next"]


@pytest.mark.parametrize("data", [b"", b"\n", b"id;name\n1;x\n", b"1,John Doe,,1970,USA,X1\n"])
def test_no_header_is_one_error_and_no_entries(data: bytes) -> None:
    version = load_csv(data, "f.csv", LIST)
    assert version.entries == ()
    (problem,) = version.problems
    assert problem.severity is Severity.ERROR and "no header row" in problem.message
