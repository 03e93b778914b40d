"""FollowTheMoney JSON lines on tests/fixtures/watchlist/persons.ftm.jsonl (see its README)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from preboard.model import PartialDate, Severity, Sex
from preboard.watchlist.loaders.ftm import load_ftm
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistVersion,
)

LIST = Watchlist("os", "OpenSanctions (synthetic)")


@pytest.fixture
def loaded(fixtures: Path) -> WatchlistVersion:
    data = (fixtures / "watchlist" / "persons.ftm.jsonl").read_bytes()
    return load_ftm(data, "persons.ftm.jsonl", LIST)


def _line(entity: dict[str, object]) -> bytes:
    return json.dumps(entity, ensure_ascii=False).encode() + b"\n"


def test_persons_are_loaded_with_their_passport(loaded: WatchlistVersion) -> None:
    assert loaded.watchlist is LIST
    assert [e.id for e in loaded.entries] == [
        "syn-person-ivan",
        "syn-person-amira",
        "syn-person-maria",
    ]
    ivan = loaded.entries[0]
    assert ivan.names == (
        EntryName("Ivan Petrovich Sidorov", NameKind.PRIMARY, "Ivan Petrovich", "Sidorov"),
        EntryName("Иван Петрович Сидоров", NameKind.ORIGINAL_SCRIPT),
        EntryName("Ivan P. Sidorov", NameKind.ALIAS),
        EntryName("Vanya", NameKind.WEAK_ALIAS),
    )
    assert ivan.birth_dates == (BirthDate(PartialDate(1970, 5)),)
    assert (ivan.nationalities, ivan.sex, ivan.birth_places) == (
        ("RUS",),
        Sex.MALE,
        ("Novosibirsk",),
    )
    assert ivan.documents == (EntryDocument("XS0000001", "P", "RUS"),)
    assert (ivan.first_seen, ivan.last_seen) == (dt.date(2021, 3, 1), dt.date(2024, 6, 1))
    assert ivan.list_id == "os"


def test_arabic_alias_and_id_number(loaded: WatchlistVersion) -> None:
    amira = loaded.entries[1]
    assert amira.names[1] == EntryName("أميرة حداد", NameKind.ORIGINAL_SCRIPT)
    assert amira.documents == (EntryDocument("ID00000042", "I"),)
    assert amira.birth_dates == (
        BirthDate(PartialDate(1985)),
        BirthDate(PartialDate(1988, 2, 29)),
    )


def test_every_bad_line_and_value_is_reported(loaded: WatchlistVersion) -> None:
    found = [(p.segment, p.severity, p.message) for p in loaded.problems]
    assert found == [
        (None, Severity.INFO, "2 entities not a person: left out (Company 1, Sanction 1)"),
        (
            None,
            Severity.INFO,
            "property 'favouriteColour' is not in the FollowTheMoney Person schema: left out "
            "on 1 entity, first on line 8",
        ),
        (3, Severity.WARNING, "line 3: birthDate '1986-02-29' is not a valid date: left out"),
        (
            7,
            Severity.ERROR,
            "line 7: not JSON (Unterminated string starting at, column 73): line skipped",
        ),
        (8, Severity.WARNING, "line 8: birthDate '1970-13-45' is not a valid date: left out"),
        (8, Severity.WARNING, "line 8: nationality 'zz' is not a known country: left out"),
        (
            9,
            Severity.WARNING,
            "line 9: Identification holder 'syn-person-nobody' is not a person in this file: "
            "left out",
        ),
        (10, Severity.ERROR, "line 10: person 'syn-person-nameless' has no usable name: skipped"),
        (11, Severity.ERROR, "line 11: a JSON list, not an entity: line skipped"),
        (
            12,
            Severity.ERROR,
            "line 12: schema 'Spaceship' is not a FollowTheMoney schema: line skipped",
        ),
    ]
    maria = loaded.entries[2]
    assert maria.birth_dates == (BirthDate(PartialDate(1971, 2, 3)),)
    assert maria.nationalities == ("RKS",)


def test_passport_before_its_holder_and_repeated_number_merge() -> None:
    data = _line(
        {
            "id": "p1",
            "schema": "Passport",
            "properties": {"holder": ["x"], "number": ["A1"], "country": ["fr"]},
        }
    ) + _line(
        {
            "id": "x",
            "schema": "Person",
            "properties": {"name": ["Jean Exemple"], "passportNumber": ["A1"]},
        }
    )
    (entry,) = load_ftm(data, "f", LIST).entries
    assert entry.documents == (EntryDocument("A1", "P", "FRA"),)


def test_names_built_from_parts_when_there_is_no_name() -> None:
    data = _line(
        {
            "id": "x",
            "schema": "Person",
            "properties": {"firstName": ["Anna"], "lastName": ["Beispiel"]},
        }
    )
    (entry,) = load_ftm(data, "f", LIST).entries
    assert entry.names == (EntryName("Anna Beispiel", NameKind.PRIMARY, "Anna", "Beispiel"),)


def test_parts_of_another_name_are_not_attached() -> None:
    data = _line(
        {
            "id": "x",
            "schema": "Person",
            "properties": {
                "name": ["Иван Сидоров"],
                "firstName": ["Ivan"],
                "lastName": ["Sidorov"],
            },
        }
    )
    (entry,) = load_ftm(data, "f", LIST).entries
    assert entry.names == (EntryName("Иван Сидоров", NameKind.ORIGINAL_SCRIPT),)


def test_repeated_id_keeps_the_first_and_reports_the_second() -> None:
    person = {"id": "x", "schema": "Person", "properties": {"name": ["A Person"]}}
    version = load_ftm(_line(person) + _line(person), "f", LIST)
    assert len(version.entries) == 1
    assert version.problems[0].message == "line 2: id 'x' repeats line 1: skipped"


def test_values_that_are_not_text_and_a_bare_string_property() -> None:
    data = _line(
        {
            "id": "x",
            "schema": "Person",
            "properties": {"name": "Solo Name", "alias": [3, {"a": 1}, "Other Name"]},
        }
    )
    version = load_ftm(data, "f", LIST)
    assert [n.full for n in version.entries[0].names] == ["Solo Name", "Other Name"]
    assert version.problems[0].message == "line 1: alias: 2 values not text: left out"


def test_refused_identifiers_are_reported_masked() -> None:
    data = _line(
        {
            "id": "x",
            "schema": "Person",
            "properties": {"name": ["A Person"], "idNumber": ["   ", "\u200b"]},
        }
    )
    version = load_ftm(data, "f", LIST)
    assert version.entries[0].documents == ()
    assert [p.message for p in version.problems] == [
        "line 1: idNumber ••• is not a valid identifier: left out",
        "line 1: idNumber • is not a valid identifier: left out",
    ]


@pytest.mark.parametrize("data", [b"", b"\n\n", b"\xff\xfe{", b"{}", b"null\n"])
def test_odd_inputs_never_raise(data: bytes) -> None:
    version = load_ftm(data, "f", LIST)
    assert version.entries == ()
