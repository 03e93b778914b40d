"""CSV and JSON-lines traveller lists on our own fixtures (tests/fixtures/tabular/README.md)."""

from __future__ import annotations

from pathlib import Path

from preboard.ingest.tabular import read_travellers_csv, read_travellers_jsonl
from preboard.model import Manifest, PartialDate, Severity, Sex, SourceKind


def _csv(data: bytes) -> Manifest:
    manifest, problems = read_travellers_csv(data, "t.csv")
    assert problems == [] and manifest is not None
    return manifest


def test_csv_fixture(fixtures: Path) -> None:
    data = (fixtures / "tabular" / "travellers.csv").read_bytes()
    manifest, problems = read_travellers_csv(data, "travellers.csv")
    assert problems == [] and manifest is not None
    assert (manifest.source, manifest.flight) == (SourceKind.CSV, None)
    assert [t.ref for t in manifest.travellers] == ["P1", "P2", "P3", "P4", "P5", "P6", "P8", "P9"]
    first, second, third = manifest.travellers[:3]
    assert (first.surname, first.given_names) == ("MÜLLER-LÜDENSCHEIDT", "Jürgen")
    assert first.nationality == "DEU"
    assert first.documents[0].number == "C01X00T47"
    assert first.extra == (("seat", "12A"),)
    assert second.birth_date == PartialDate(1975, 11)
    assert (third.surname, third.birth_date, third.sex) == (
        "Иванова",
        PartialDate(1990),
        Sex.FEMALE,
    )
    korean = manifest.travellers[-1]
    assert (korean.surname, korean.nationality, korean.sex) == ("김", "KOR", None)
    assert [p.message for p in manifest.problems] == [
        "line 6: birth_date '1970-13-45' is not YYYY, YYYY-MM or YYYY-MM-DD",
        "line 7: sex 'Q' is not M, F, X or U",
        "line 7: nationality 'ZZZ' is not an ISO 3166 alpha-2 or alpha-3 code",
        "line 8: no surname, the row is skipped",
    ]
    assert [p.segment for p in manifest.problems] == [6, 7, 7, 8]
    assert manifest.problems[-1].severity is Severity.ERROR
    arabic = manifest.travellers[4]
    assert (arabic.surname, arabic.birth_date, arabic.sex) == ("الهاشمي", None, Sex.FEMALE)


def test_csv_columns_in_any_order_and_semicolons() -> None:
    manifest = _csv(b"Nationality;SURNAME;id\nfr;Dupont;7\n")
    (traveller,) = manifest.travellers
    assert (traveller.surname, traveller.nationality, traveller.ref) == ("Dupont", "FRA", "7")
    assert traveller.documents == ()


def test_csv_without_a_header_is_refused() -> None:
    manifest, problems = read_travellers_csv(b"1,DOE,JOHN,1970,M,USA,X1\n", "t.csv")
    assert manifest is None
    assert problems[0].severity is Severity.ERROR
    assert "no header row with a surname column" in problems[0].message


def test_csv_row_longer_than_the_header_is_a_warning() -> None:
    manifest = _csv(b"id,surname\n1,Doe,extra,more\n")
    assert manifest.travellers[0].surname == "Doe"
    assert manifest.problems[0].message == "line 2: 2 values more than the header has columns"


def test_csv_quoted_field_over_two_lines_keeps_line_numbers() -> None:
    manifest = _csv(b'id,surname,given_names\n1,"Doe","John\nPaul"\n2,,X\n')
    assert manifest.travellers[0].given_names == "John\nPaul"
    assert manifest.problems[0].message == "line 4: no surname, the row is skipped"


def test_latin1_falls_back_with_a_warning(fixtures: Path) -> None:
    data = (fixtures / "tabular" / "latin1.csv").read_bytes()
    manifest = _csv(data)
    assert (manifest.travellers[0].surname, manifest.travellers[0].given_names) == (
        "Gonçalves",
        "João",
    )
    (problem,) = manifest.problems
    assert problem.severity is Severity.WARNING
    assert "read as Latin-1" in problem.message


def test_document_numbers_are_never_quoted() -> None:
    manifest = _csv(b"surname,document_number,nationality,birth_date\n,X9999999,QQQ,19\n")
    assert all("X9999999" not in p.message for p in manifest.problems)


def test_jsonl_fixture(fixtures: Path) -> None:
    data = (fixtures / "tabular" / "travellers.jsonl").read_bytes()
    manifest, problems = read_travellers_jsonl(data, "travellers.jsonl")
    assert problems == [] and manifest is not None
    assert manifest.source is SourceKind.JSONL
    assert [t.ref for t in manifest.travellers] == ["J1", "2", "J3", "J7"]
    nguyen, oconnor = manifest.travellers[:2]
    assert (nguyen.surname, nguyen.nationality) == ("Nguyễn", "VNM")
    assert oconnor.extra == (("loyalty", '{"programme": "EI", "tier": "gold"}'),)
    assert oconnor.birth_date == PartialDate(1980)
    assert manifest.travellers[-1].sex is Sex.UNSPECIFIED
    messages = [p.message for p in manifest.problems]
    assert messages[:2] == [
        "line 4: birth_date '1965-02-30' is not YYYY, YYYY-MM or YYYY-MM-DD",
        "line 4: sex 'FEMALE' is not M, F, X or U",
    ]
    assert messages[2].startswith("line 5: not JSON (")
    assert messages[3] == "line 6: a JSON list, not an object, line skipped"
    assert messages[4] == "line 7: no surname, the row is skipped"
    assert [p.severity for p in manifest.problems][2:] == [Severity.ERROR] * 3


def test_jsonl_empty_input() -> None:
    manifest, problems = read_travellers_jsonl(b"\n \n", "t.jsonl")
    assert manifest is None
    assert problems[0].message == "the file is empty"
