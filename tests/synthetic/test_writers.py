"""Writers: the files read back with the csv and json modules, with the exact headers."""

from __future__ import annotations

import csv
import json
from itertools import islice
from pathlib import Path

from preboard.synthetic import ScreeningSet, make_large_list, write_screening_set


def test_files_read_back(small_set: ScreeningSet, tmp_path: Path) -> None:
    paths = write_screening_set(small_set, tmp_path / "out")
    assert [p.name for p in paths] == ["watchlist.csv", "travellers.csv", "truth.jsonl"]
    with (tmp_path / "out" / "watchlist.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["id", "name", "aliases", "birth_date", "nationality", "document_number"]
    assert len(rows) == len(small_set.entries) + 1
    assert any("/" in r[3] for r in rows[1:])  # ranges as YYYY/YYYY
    assert any(not r[2].isascii() for r in rows[1:])  # original-script aliases
    with (tmp_path / "out" / "travellers.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [
        "id", "surname", "given_names", "birth_date", "sex", "nationality", "document_number",
    ]  # fmt: skip
    assert len(rows) == len(small_set.travellers) + 1
    lines = (tmp_path / "out" / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(small_set.travellers)
    assert {"traveller_id", "entry_id", "kind", "variant", "origin"} <= set(records[0])
    assert {r["kind"] for r in records} == {"variant", "clean", "hard_negative"}


def test_large_list_is_deterministic_and_realistic() -> None:
    a = list(islice(make_large_list(2, size=2_000), 2_000))
    b = list(make_large_list(2, size=2_000))
    assert a == b and len(a) == 2_000
    assert len({e.caption for e in a}) > 1_800
    assert a[-1].id == "WL002000"
