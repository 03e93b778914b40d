"""``ScreeningSource``: the same screening while nothing changes; the released rules and the
latest watchlist version as soon as they change; refused rules left out; a new day lints the
rules again. The lists are small CSV lists written here; the rules, copies of the examples."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from preboard.assessment import Screening
from preboard.rules import EXAMPLES
from preboard.service.lists import ScreeningSource
from preboard.watchlist.loaders import load_csv
from preboard.watchlist.model import Watchlist
from preboard.watchlist.versions import VersionStore

LIST = "id,name,birth_date,nationality\nW1,Ivan Synthetic Petrov,1971-03-04,RUS\n"
DAY = dt.date(2026, 12, 2)


def _rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


def _save(store: VersionStore, version: str, text: str) -> None:
    store.save(load_csv(text.encode(), "list.csv", Watchlist("local", "Local", version=version)))


def _touch(path: Path) -> None:
    """Move the modification time on, as a later write would (file systems round times)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def test_the_screening_is_rebuilt_only_when_rules_or_list_change(tmp_path: Path) -> None:
    store = VersionStore(tmp_path / "data")
    rules = _rules(tmp_path)
    source = ScreeningSource(
        Screening(workers=1), rules_dir=rules, store=store, list_id="local", today=lambda: DAY
    )
    first = source.current()
    assert sorted(r.rule.id for r in first.rules) == ["R-DOC-001", "R-FAC-001", "R-FAC-002",
                                                       "R-FAC-003"]  # fmt: skip
    assert first.matcher is None and first.watchlist is None  # nothing imported yet
    assert source.current() is first
    _save(store, "v1", LIST)
    listed = source.current()
    assert listed is not first and listed.watchlist is not None
    assert listed.watchlist.version == "v1" and listed.matcher is not None
    assert [e.id for e in listed.matcher.entries] == ["W1"]
    assert source.current() is listed
    _save(store, "v2", LIST + "W2,Maria Example Lopez,1980,MEX\n")
    _touch(store.root / "local" / "list.json")
    latest = source.current()
    assert latest.watchlist is not None and latest.watchlist.version == "v2"
    assert latest.matcher is not None and len(latest.matcher.entries) == 2


def test_a_changed_or_refused_rule_is_picked_up_and_left_out(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    source = ScreeningSource(Screening(), rules_dir=rules, today=lambda: DAY)
    assert len(source.current().rules) == 4
    path = rules / "R-FAC-002.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("review_date: 2027", "review_date: 2025"),
        encoding="utf-8",
    )
    _touch(path)
    held_back = source.current()
    assert "R-FAC-002" not in [r.rule.id for r in held_back.rules]  # review overdue
    (rules / "R-DOC-001.yaml").unlink()
    assert len(source.current().rules) == len(held_back.rules) - 1


def test_a_new_day_lints_the_rules_again(tmp_path: Path) -> None:
    days = [DAY]
    source = ScreeningSource(Screening(), rules_dir=_rules(tmp_path), today=lambda: days[0])
    assert len(source.current().rules) == 4
    days[0] = dt.date(2030, 1, 1)  # every example's review date has passed
    assert source.current().rules == ()


def test_without_a_store_the_base_watchlist_stays(tmp_path: Path) -> None:
    base = Screening(watchlist=Watchlist("file", "From the command line"))
    source = ScreeningSource(base)
    assert source.current().watchlist == base.watchlist
    assert source.current().rules == ()
