"""Differences between versions, and the file store that keeps them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from preboard.errors import ConfigurationError, NotFoundError, ParseError
from preboard.model import PartialDate, Sex
from preboard.watchlist import (
    BirthDate,
    EntryDocument,
    EntryName,
    NameKind,
    VersionStore,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
    diff,
)
from preboard.watchlist.loaders import load_watchlist

ANNA = WatchlistEntry(
    "A",
    (EntryName("Anna Example"), EntryName("Annie", NameKind.ALIAS)),
    (BirthDate(PartialDate(1970)),),
    nationalities=("FRA",),
    documents=(EntryDocument("P1234567", "P", "FRA"),),
    list_id="l",
)
BORIS = WatchlistEntry("B", (EntryName("Boris Example"),), list_id="l")


def version(name: str, *entries: WatchlistEntry) -> WatchlistVersion:
    return WatchlistVersion(Watchlist("l", "List", version=name), entries)


def test_added_removed_changed_and_unchanged() -> None:
    anna = dataclasses.replace(
        ANNA,
        names=(EntryName("Anna Example"), EntryName("Ann", NameKind.WEAK_ALIAS)),
        birth_dates=(BirthDate(PartialDate(1970, 5)),),
        sex=Sex.FEMALE,
        documents=(),
        last_seen=dt.date(2024, 1, 1),
    )
    carla = WatchlistEntry("C", (EntryName("Carla"),))
    changes = diff(version("v1", ANNA, BORIS), version("v2", anna, carla))
    assert (changes.old_version, changes.new_version) == ("v1", "v2")
    assert (changes.added, changes.removed, changes.unchanged) == (("C",), ("B",), 0)
    (change,) = changes.changed
    assert change.id == "A"
    assert {f.field: f.description for f in change.fields} == {
        "names": "'Annie' (alias) → 'Ann' (weak_alias)",
        "birth_dates": "1970 → 1970-05",
        "sex": "added F",
        "documents": "removed P •••••567 FRA",
    }


def test_seen_dates_alone_are_not_a_change() -> None:
    later = dataclasses.replace(ANNA, first_seen=dt.date(2020, 1, 1), last_seen=dt.date(2024, 1, 1))
    changes = diff(version("v1", ANNA), version("v2", later))
    assert changes.is_empty and changes.unchanged == 1


def test_long_changes_are_shortened() -> None:
    many = dataclasses.replace(BORIS, nationalities=("FRA", "DEU", "ITA", "ESP", "PRT"))
    (change,) = diff(version("v1", BORIS), version("v2", many)).changed
    assert change.fields[0].description == "added FRA, DEU, ITA and 2 more"


def test_store_saves_versions_and_diffs_against_the_latest(tmp_path: Path) -> None:
    store = VersionStore(tmp_path)
    first = store.save(version("2024-01", ANNA, BORIS))
    assert (first.old_version, first.added, first.removed) == (None, ("A", "B"), ())
    second = store.save(version("2024-02", ANNA))
    assert (second.old_version, second.removed) == ("2024-01", ("B",))
    assert store.versions("l") == ("2024-01", "2024-02")
    assert store.lists() == ("l",)
    latest = store.latest("l")
    assert latest is not None and latest.entries == (ANNA,)
    assert store.get("l", "2024-01").entries == (ANNA, BORIS)
    assert store.metadata("l") == Watchlist("l", "List", version="2024-02")
    assert (tmp_path / "watchlists" / "l" / "2024-01.jsonl").is_file()
    assert (tmp_path / "watchlists" / "l" / "list.json").is_file()


def test_versions_are_ordered_by_saving_not_by_name(tmp_path: Path) -> None:
    store = VersionStore(tmp_path)
    store.save(version("v9", ANNA))
    store.save(version("v10", BORIS))
    latest = store.latest("l")
    assert latest is not None and latest.watchlist.version == "v10"


def test_a_saved_version_never_changes(tmp_path: Path) -> None:
    store = VersionStore(tmp_path)
    store.save(version("v1", ANNA))
    with pytest.raises(ConfigurationError, match="already has version 'v1'"):
        store.save(version("v1", BORIS))
    assert store.get("l", "v1").entries == (ANNA,)


@pytest.mark.parametrize("bad", ["", "../up", "a/b", ".hidden", "x" * 101])
def test_ids_that_cannot_name_a_file_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ConfigurationError, match="cannot name a file"):
        VersionStore(tmp_path).save(version(bad, ANNA))


def test_unknown_list_and_version(tmp_path: Path) -> None:
    store = VersionStore(tmp_path)
    assert (store.versions("l"), store.latest("l"), store.metadata("l"), store.lists()) == (
        (),
        None,
        None,
        (),
    )
    with pytest.raises(NotFoundError, match="no version 'v1'"):
        store.get("l", "v1")


def test_damaged_file_is_a_parse_error_with_its_line(tmp_path: Path) -> None:
    store = VersionStore(tmp_path)
    store.save(version("v1", ANNA, BORIS))
    path = tmp_path / "watchlists" / "l" / "v1.jsonl"
    path.write_text(path.read_text().splitlines()[0] + '\n{"names": []}\n')
    with pytest.raises(ParseError) as caught:
        store.get("l", "v1")
    assert caught.value.segment == 2


def test_problems_are_kept_with_their_version(tmp_path: Path, fixtures: Path) -> None:
    loaded = load_watchlist(
        fixtures / "watchlist" / "persons.csv", Watchlist("csv", "CSV", version="v1")
    )
    store = VersionStore(tmp_path)
    store.save(loaded)
    assert store.get("csv", "v1") == loaded
    index = json.loads((tmp_path / "watchlists" / "csv" / "list.json").read_text())
    assert index["versions"][0]["entries"] == len(loaded.entries)
