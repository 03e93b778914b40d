"""The candidate index: variants find their entry, documents are found by number, batches equal
single queries, and the order is deterministic."""

from __future__ import annotations

import pytest

from preboard.matching.index import CandidateIndex
from preboard.model import Traveller
from preboard.watchlist import BirthDate, WatchlistEntry
from tests.matching.people import (
    HARD_NEGATIVES,
    LISTED,
    POSITION,
    VARIANTS,
    D,
    entry,
    traveller,
)

SCORED = 12  # MatchConfig.scored: how many of the index's best the engine scores in full


@pytest.fixture(scope="module")
def index(entries: list[WatchlistEntry]) -> CandidateIndex:
    return CandidateIndex.build(entries)


def test_build_indexes_every_entry(index: CandidateIndex, entries: list[WatchlistEntry]) -> None:
    assert index.size == len(entries) == len(LISTED) + 300
    assert len(index.years_min) == len(index.years_max) == len(entries)
    # Word frequencies are shares of the list: a filler given name is on 15 of 310 entries.
    assert index.frequency["ASTRID"] == pytest.approx(15 / 310)
    assert index.frequency["PAPADOPOULOS"] == pytest.approx(1 / 310)
    assert "DE" not in index.frequency  # particles are not identity


@pytest.mark.parametrize(("label", "entry_id", "t"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_variant_finds_its_entry(
    index: CandidateIndex, label: str, entry_id: str, t: Traveller
) -> None:
    assert POSITION[entry_id] in index.candidates(t, SCORED)


@pytest.mark.parametrize(
    ("entry_id", "t"),
    [
        ("WL-EN-SMITH", traveller("JOHN EDWARD", "SMITH", D(1958, 3, 14))),
        ("WL-RU-IVANOV", traveller("SERGEI", "IVANOV", D(1969, 11, 3))),
        ("WL-ES-GARCIA", traveller("MARIA", "GARCIA LOPEZ", D(1986, 7, 14))),
        ("WL-CN-ZHANG", traveller("XIUYUAN", "ZHANG", D(1972, 6, 30))),
    ],
)
def test_the_listed_name_and_date_come_first(
    index: CandidateIndex, entry_id: str, t: Traveller
) -> None:
    assert index.candidates(t, 1) == [POSITION[entry_id]]


@pytest.mark.parametrize(
    "number",
    [
        "G01234567",  # as listed
        "g0 1234-567",  # separators and case
        "GO1234567",  # O for 0
        "G0I234567",  # I for 1
        "GOI234567",  # both
    ],
)
def test_a_document_is_found_whatever_the_name(index: CandidateIndex, number: str) -> None:
    t = traveller("ANNA", "NOVAK", document=number)  # nothing like Viktor Belov
    assert index.candidates(t, SCORED)[0] == POSITION["WL-DOC-BELOV"]


def test_a_listed_number_with_letters_for_digits_is_found_by_the_digits(
    index: CandidateIndex,
) -> None:
    # WL-AR-KHALED lists N0471123; the traveller's reads NO47II23 (O and I for 0 and 1).
    t = traveller("ANNA", "NOVAK", document="NO47II23")
    assert index.candidates(t, SCORED)[0] == POSITION["WL-AR-KHALED"]


def test_another_document_number_finds_nothing_by_it(index: CandidateIndex) -> None:
    t = traveller("ANNA", "NOVAK", document="K98765432")
    assert POSITION["WL-DOC-BELOV"] not in index.candidates(t, SCORED)


def _batch() -> list[Traveller]:
    travellers = [t for _, _, t in VARIANTS] + [t for _, _, t in HARD_NEGATIVES]
    travellers += [
        traveller("", ""),
        traveller("ANNA", "NOVAK", document="GO1234567"),
        traveller("ZZYZX", "QWERTY", D(2001, 1, 1)),
    ]
    return travellers


@pytest.mark.parametrize("limit", [1, 3, SCORED, 200])
def test_candidates_many_is_candidates_for_each(index: CandidateIndex, limit: int) -> None:
    batch = _batch()
    many = index.candidates_many(batch, limit)
    assert many == [index.candidates(t, limit) for t in batch]
    unlimited = index.candidates_many(batch, 10_000)
    assert [len(found) for found in many] == [min(len(found), limit) for found in unlimited]
    assert [found[:limit] for found in unlimited] == many  # the limit cuts, it does not reorder
    assert all(len(found) == len(set(found)) for found in many)  # no entry twice


def test_candidates_many_of_no_travellers(index: CandidateIndex) -> None:
    assert index.candidates_many([], 5) == []


def test_candidates_are_deterministic(index: CandidateIndex, entries: list[WatchlistEntry]) -> None:
    batch = _batch()
    first = index.candidates_many(batch, SCORED)
    assert index.candidates_many(batch, SCORED) == first
    assert CandidateIndex.build(entries).candidates_many(batch, SCORED) == first
    # Built in two forked processes: the same keys, the same answers.
    assert CandidateIndex.build(entries, workers=2).candidates_many(batch, SCORED) == first


def test_best_first_then_ties_by_position() -> None:
    twin = ("John Edward Smith", (BirthDate(D(1958, 3, 14)),))
    entries = [
        entry("PETER", "Peter Smith", born=(BirthDate(D(1958)),)),
        entry("TWIN-B", twin[0], born=twin[1]),  # the same name and date twice
        entry("TWIN-A", twin[0], born=twin[1]),
        entry("OTHER", "Olena Kovalenko", born=(BirthDate(D(1990, 2, 28)),)),
    ]
    index = CandidateIndex.build(entries)
    t = traveller("JOHN EDWARD", "SMITH", D(1958, 3, 14))
    assert index.candidates(t) == [1, 2, 0]  # the twins by position, not by id; Peter last
    assert index.candidates(t, 2) == [1, 2]


def test_an_empty_name_finds_nothing() -> None:
    index = CandidateIndex.build(list(LISTED))
    assert index.candidates(traveller("", "")) == []
    assert index.candidates_many([traveller("", ""), traveller("", "")], 5) == [[], []]


def test_a_nameless_traveller_is_proposed_entries_born_that_day() -> None:
    """Documented: date-only keys serve names changed beyond recognition, so a birth date
    alone proposes the entries born that day (and the day with day and month swapped)."""
    index = CandidateIndex.build(list(LISTED))
    assert index.candidates(traveller("", "", D(1969, 11, 3))) == [POSITION["WL-RU-IVANOV"]]
    assert index.candidates(traveller("", "", D(1969, 3, 11))) == [POSITION["WL-RU-IVANOV"]]


def test_an_empty_index_finds_nothing() -> None:
    index = CandidateIndex.build([])
    assert index.size == 0
    t = traveller("JOHN EDWARD", "SMITH", D(1958, 3, 14), document="G01234567")
    assert index.candidates(t) == []
    assert index.candidates_many([t, traveller("", "")], 3) == [[], []]


def test_candidates_are_positions_in_the_list_given() -> None:
    reordered = [*reversed(LISTED)]
    index = CandidateIndex.build(reordered)
    t = traveller("SERGEY", "IVANOV", D(1969, 11, 3))
    assert reordered[index.candidates(t, 1)[0]].id == "WL-RU-IVANOV"
