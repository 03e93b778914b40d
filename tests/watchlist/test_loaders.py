"""``load_watchlist`` picks the loader by what the file starts with."""

from __future__ import annotations

from pathlib import Path

import pytest

from preboard.errors import ConfigurationError, NotFoundError
from preboard.watchlist.loaders import detect_format, load_bytes, load_watchlist
from preboard.watchlist.model import Watchlist

LIST = Watchlist("x", "X")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'{"id": "a"}\n', "ftm"),
        (b"\xef\xbb\xbf\n  {", "ftm"),
        (b"<?xml version='1.0'?><CONSOLIDATED_LIST/>", "un_xml"),
        (b"\r\n<CONSOLIDATED_LIST/>", "un_xml"),
        (b"id,name\n", "csv"),
        (b"", "csv"),
        (b" " * 100 + b"{", "ftm"),
    ],
)
def test_detect_format(data: bytes, kind: str) -> None:
    assert detect_format(data) == kind


@pytest.mark.parametrize(
    ("name", "count"),
    [("persons.ftm.jsonl", 3), ("un_consolidated.xml", 3), ("persons.csv", 7)],
)
def test_each_fixture_loads_by_content(fixtures: Path, name: str, count: int) -> None:
    version = load_watchlist(fixtures / "watchlist" / name, LIST)
    assert len(version.entries) == count
    assert {p.file for p in version.problems} == {str(fixtures / "watchlist" / name)}


def test_missing_file_and_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such file"):
        load_watchlist(tmp_path / "absent.csv", LIST)
    with pytest.raises(ConfigurationError, match="cannot be read"):
        load_watchlist(tmp_path, LIST)


def test_load_bytes_never_raises_on_junk() -> None:
    for data in (b"\x00\x01\x02", b"{{{{", b"<<<<", b"\xff" * 10):
        assert load_bytes(data, "junk", LIST).entries == ()
