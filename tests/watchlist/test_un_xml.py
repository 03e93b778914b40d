"""The UN consolidated list XML on tests/fixtures/watchlist/un_consolidated.xml (synthetic)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.model import PartialDate, Severity, Sex
from preboard.watchlist.loaders.un_xml import load_un_xml
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistVersion,
)

LIST = Watchlist("un", "UN Security Council (synthetic)")


@pytest.fixture
def loaded(fixtures: Path) -> WatchlistVersion:
    data = (fixtures / "watchlist" / "un_consolidated.xml").read_bytes()
    return load_un_xml(data, "un_consolidated.xml", LIST)


def _individual(body: str) -> bytes:
    xml = f"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>{body}</INDIVIDUAL></INDIVIDUALS>"
    return (xml + "</CONSOLIDATED_LIST>").encode()


def test_three_individuals_by_reference_number(loaded: WatchlistVersion) -> None:
    assert [e.id for e in loaded.entries] == ["SYi.001", "SYi.002", "SYi.003"]
    first = loaded.entries[0]
    assert first.names == (
        EntryName("ALEKSANDR IVANOVICH TESTOV", NameKind.PRIMARY),
        EntryName("Александр Иванович Тестов", NameKind.ORIGINAL_SCRIPT),
        EntryName("Aleksandr Testoff", NameKind.ALIAS),
        EntryName("Sasha", NameKind.WEAK_ALIAS),
    )
    assert first.birth_dates == (BirthDate(PartialDate(1965, 3, 14)),)
    assert first.birth_places == ("Tomsk, Russian Federation",)
    assert first.nationalities == ("RUS",)
    assert first.documents == (EntryDocument("SY0000017", "P", "RUS"),)
    assert (first.first_seen, first.last_seen) == (dt.date(2015, 2, 10), dt.date(2020, 7, 15))


def test_between_date_and_the_un_spelling_of_iran(loaded: WatchlistVersion) -> None:
    second = loaded.entries[1]
    assert second.birth_dates == (BirthDate(PartialDate(1958), PartialDate(1963)),)
    assert second.nationalities == ("IRN",)
    assert second.documents == (EntryDocument("0000000002", "I"),)
    assert second.names[1] == EntryName("حامد سينثيتي", NameKind.ORIGINAL_SCRIPT)


def test_approximate_year_low_alias_and_gender(loaded: WatchlistVersion) -> None:
    third = loaded.entries[2]
    assert third.birth_dates == (BirthDate(PartialDate(1973), PartialDate(1977)),)
    assert third.names[1] == EntryName("Umm Example", NameKind.WEAK_ALIAS)
    assert (third.sex, third.nationalities) == (Sex.FEMALE, ("VNM",))


def test_problems_name_the_record(loaded: WatchlistVersion) -> None:
    assert [(p.segment, p.severity, p.message) for p in loaded.problems] == [
        (None, Severity.INFO, "1 entity not a person: left out"),
        (
            2,
            Severity.WARNING,
            "record 2: date of birth (TYPE_OF_DATE=EXACT, DATE=1961-02-30) cannot be read: "
            "left out",
        ),
        (2, Severity.WARNING, "record 2: document (P) without a number: left out"),
        (3, Severity.WARNING, "record 3: nationality 'Atlantis' is not a known country: left out"),
    ]


def test_dataid_stands_in_for_a_missing_reference_number() -> None:
    version = load_un_xml(_individual("<DATAID>42</DATAID><FIRST_NAME>X Y</FIRST_NAME>"), "f", LIST)
    assert [e.id for e in version.entries] == ["42"]
    assert version.problems == ()


def test_individual_without_id_or_name_is_skipped() -> None:
    data = _individual("<FIRST_NAME>No Id</FIRST_NAME>")
    data = data.replace(
        b"</INDIVIDUALS>", b"<INDIVIDUAL><DATAID>7</DATAID></INDIVIDUAL></INDIVIDUALS>"
    )
    version = load_un_xml(data, "f", LIST)
    assert version.entries == ()
    assert [p.message for p in version.problems] == [
        "record 1: no REFERENCE_NUMBER or DATAID: skipped",
        "record 2: 7 has no usable name: skipped",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<CONSOLIDATED_LIST><INDIVIDUALS>", "not readable XML"),
        (b"<OTHER/>", "no CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL in <OTHER>"),
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            "not readable XML",
        ),
    ],
)
def test_unreadable_xml_is_one_error(data: bytes, message: str) -> None:
    version = load_un_xml(data, "f", LIST)
    assert version.entries == ()
    (problem,) = version.problems
    assert problem.severity is Severity.ERROR and message in problem.message
