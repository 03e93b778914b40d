"""The demo day as files (``write_day``): a four-flight day (seed 3) written once for the
module, read back with preboard's own readers and loaders."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from preboard.errors import ConfigurationError
from preboard.ingest.reader import ReadResult, read_paths
from preboard.model import Severity, SourceKind
from preboard.synthetic.day import (
    GENERATOR_VERSION,
    STAMP,
    Day,
    make_day,
    stamp,
    stamp_matches,
    write_day,
)
from preboard.watchlist import Watchlist
from preboard.watchlist.loaders.csv_list import load_csv


@pytest.fixture(scope="module")
def small_day() -> Day:
    return make_day(3, flights=4)


@pytest.fixture(scope="module")
def folder(small_day: Day, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("day") / "out"
    write_day(small_day, out)
    return out


@pytest.fixture(scope="module")
def read_back(folder: Path) -> ReadResult:
    return read_paths(sorted(folder.glob("messages/*/*.edi")))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_same_seed_gives_the_same_files(folder: Path, tmp_path: Path) -> None:
    write_day(make_day(3, flights=4), tmp_path / "again")
    assert _files(tmp_path / "again") == _files(folder)


def test_another_seed_or_date_gives_another_day(small_day: Day) -> None:
    assert make_day(4, flights=4).passengers != small_day.passengers
    other = make_day(3, date=small_day.date.replace(day=3), flights=4)
    assert other.flights[0].flight.departure != small_day.flights[0].flight.departure


def test_layout(folder: Path, small_day: Day) -> None:
    for name in ("README.txt", "flights.csv", "watchlist.csv", "lost_stolen.csv", "truth.json"):
        assert (folder / name).is_file()
    assert "SYNTHETIC" in (folder / "README.txt").read_text(encoding="utf-8")
    for f in small_day.flights:
        names = {p.name for p in (folder / "messages" / f.key).iterdir()}
        assert {"paxlst-1.edi", "paxlst-2.edi", "paxlst-crew.edi", "pnrgov-1.edi"} <= names
    expected = stamp(3, "2026-12-02", 4, GENERATOR_VERSION)
    assert stamp_matches(folder, expected) and not stamp_matches(folder, expected + " ")


def test_messages_read_back_without_errors(read_back: ReadResult, small_day: Day) -> None:
    errors = [p for p in read_back.all_problems if p.severity is Severity.ERROR]
    assert errors == []
    paxlst = [m for m in read_back.manifests if m.source is SourceKind.PAXLST]
    passengers = {m.flight.designator: m for m in paxlst if m.flight and m.list_type == "745"}
    crews = {m.flight.designator: m for m in paxlst if m.flight and m.list_type == "250"}
    for f in small_day.flights:
        manifest = passengers[f.flight.designator]  # the parts assembled into one
        assert len(manifest.messages) >= 2 and len(manifest.travellers) == len(f.passengers)
        assert len(crews[f.flight.designator].travellers) == len(f.crew)


def test_paxlst_and_pnrgov_agree(read_back: ReadResult, small_day: Day) -> None:
    pax: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    pnr: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for m in read_back.manifests:
        if m.flight is None or m.list_type == "250":
            continue
        side = pax if m.source is SourceKind.PAXLST else pnr
        people = (
            m.travellers
            if m.source is SourceKind.PAXLST
            else (t for b in m.bookings for t in b.travellers)
        )
        for t in people:
            passport = next(d for d in t.documents if d.type == "P")
            key = (t.reservation_ref, t.surname, t.given_names, t.birth_date, passport.number)
            side[m.flight.designator].add((*key, t.nationality, passport.expiry))
    assert pax.keys() == pnr.keys() == {f.flight.designator for f in small_day.flights}
    for designator in pax:
        assert pax[designator] == pnr[designator]


def test_pnrgov_parts_hold_every_booking(read_back: ReadResult, small_day: Day) -> None:
    locators = {
        b.record_locator for m in read_back.manifests if m.source is SourceKind.PNRGOV
        for b in m.bookings
    }  # fmt: skip
    assert locators == {b.record_locator for b in small_day.bookings}
    read = [b for m in read_back.manifests if m.source is SourceKind.PNRGOV for b in m.bookings]
    made = {b.record_locator: b for b in small_day.bookings}
    for b in read:
        assert b.contacts.phones == made[b.record_locator].contacts.phones
        assert b.contacts.emails == made[b.record_locator].contacts.emails
        assert b.payments[0].card_fingerprint == made[b.record_locator].payments[0].card_fingerprint
        assert b.booked_at == made[b.record_locator].booked_at


def test_lists_load(folder: Path, small_day: Day) -> None:
    version = load_csv(
        (folder / "watchlist.csv").read_bytes(), "watchlist.csv", Watchlist("demo", "demo")
    )
    assert not [p for p in version.problems if p.severity is Severity.ERROR]
    assert len(version.entries) == len(small_day.watchlist)
    assert all(e.id.startswith("SYN-") for e in version.entries)
    with (folder / "lost_stolen.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["issuing_country", "document_type", "document_number"]
    assert len(rows) == len(small_day.lost_stolen) + 1


def test_truth_file_lists_every_planted_traveller(folder: Path, small_day: Day) -> None:
    records = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    assert len(records) == len(small_day.truth) > 0
    first = records[0]
    assert {"case_id", "kind", "flight", "record_locator", "surname", "given_names",
            "document_number", "expected"} <= first.keys()  # fmt: skip
    assert first["flight"].keys() == {"carrier", "number", "date"}
    assert {r["kind"] for r in records} == {
        "watchlist", "lost_stolen", "expired", "facilitation", "lookalike",
    }  # fmt: skip


def test_rewrite_replaces_a_day_and_refuses_a_foreign_folder(
    small_day: Day, tmp_path: Path
) -> None:
    out = tmp_path / "day"
    write_day(small_day, out)
    one_flight = make_day(5, flights=1)
    write_day(one_flight, out)
    assert len(list((out / "messages").iterdir())) == 1
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigurationError):
        write_day(one_flight, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    assert not (tmp_path / "mine" / STAMP).exists()
