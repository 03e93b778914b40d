"""Entries, lists and problems round-trip exactly through their dicts and JSON lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from preboard.model import PartialDate, Problem, Severity, Sex
from preboard.watchlist.codec import (
    dumps_line,
    entry_from_dict,
    entry_to_dict,
    problem_from_dict,
    problem_to_dict,
    watchlist_from_dict,
    watchlist_to_dict,
)
from preboard.watchlist.loaders import load_watchlist
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    ListKind,
    NameKind,
    Watchlist,
    WatchlistEntry,
)

text = st.text(max_size=12)
optional = st.none() | text


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1, 1, 1)))
    precision = draw(st.integers(0, 2))
    return PartialDate(
        day.year, day.month if precision else None, day.day if precision == 2 else None
    )


birth_dates = st.builds(BirthDate, partial_dates(), st.none() | partial_dates())
entries = st.builds(
    WatchlistEntry,
    id=text,
    names=st.lists(st.builds(EntryName, text, st.sampled_from(NameKind), optional, optional)).map(
        tuple
    ),
    birth_dates=st.lists(birth_dates, max_size=3).map(tuple),
    birth_places=st.lists(text, max_size=2).map(tuple),
    nationalities=st.lists(st.sampled_from(["RUS", "FRA", "RKS"]), max_size=2).map(tuple),
    sex=st.none() | st.sampled_from(Sex),
    documents=st.lists(st.builds(EntryDocument, text, optional, optional), max_size=2).map(tuple),
    first_seen=st.none() | st.dates(),
    last_seen=st.none() | st.dates(),
    list_id=text,
)


@given(entries)
def test_any_entry_round_trips_through_a_json_line(entry: WatchlistEntry) -> None:
    assert entry_from_dict(json.loads(dumps_line(entry_to_dict(entry)))) == entry


def test_fixture_entries_round_trip(fixtures: Path) -> None:
    for name in ("persons.ftm.jsonl", "un_consolidated.xml", "persons.csv"):
        version = load_watchlist(fixtures / "watchlist" / name, Watchlist("x", "X"))
        for entry in version.entries:
            assert entry_from_dict(json.loads(dumps_line(entry_to_dict(entry)))) == entry
        for problem in version.problems:
            assert problem_from_dict(problem_to_dict(problem)) == problem


def test_a_line_is_normalised() -> None:
    entry = WatchlistEntry(
        "A1", (EntryName("Иван", NameKind.ORIGINAL_SCRIPT),), (BirthDate(PartialDate(1970)),)
    )
    assert dumps_line(entry_to_dict(entry)) == (
        '{"birth_dates":["1970"],"id":"A1","list_id":"",'
        '"names":[{"full":"Иван","kind":"original_script"}]}'
    )


def test_watchlist_and_problem_round_trip() -> None:
    watchlist = Watchlist("un", "UN", ListKind.DOCUMENTS, "sanctions", "high", "UNSCR 1267", "v1")
    assert watchlist_from_dict(watchlist_to_dict(watchlist)) == watchlist
    problem = Problem("f", 0, "line 0: x", Severity.INFO, "TAG")
    assert problem_from_dict(problem_to_dict(problem)) == problem
