"""``preboard watchlist import`` and ``diff`` run as a user runs them: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from preboard.settings import Settings
from preboard.storage import SqlAuditStore, open_database


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "preboard", "watchlist", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def lists(fixtures: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The CSV fixture, and a later version of it: one alias added, one row removed."""
    first = fixtures / "watchlist" / "persons.csv"
    text = first.read_text(encoding="utf-8-sig")
    later = text.replace("Jane Example Roe,,", "Jane Example Roe,Janey,")
    second = tmp_path / "later.csv"
    second.write_text("\n".join(r for r in later.splitlines() if not r.startswith("C9,")) + "\n")
    return first, second


def test_import_twice_then_diff(lists: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = lists
    store = tmp_path / "store"
    args = ("--list-id", "local", "--data-dir", store)
    proc = run("import", first, *args, "--version", "v1", "--category", "sanctions")
    assert proc.returncode == 0, proc.stderr
    assert "list local (local) version v1: 7 entries" in proc.stdout
    assert "problems: 5 errors, 5 warnings" in proc.stdout
    assert "changes (first version) to v1: 7 added" in proc.stdout
    proc = run("import", second, *args, "--version", "v2", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["list"]["category"] == "sanctions"  # kept from the first import
    assert doc["entries"] == 6 and doc["problem_counts"]["error"] == 5
    assert doc["diff"]["removed"] == ["C9"]
    assert doc["diff"]["changed"] == [{"id": "C2", "fields": {"names": "added 'Janey' (alias)"}}]
    proc = run("diff", *args)
    assert proc.returncode == 0, proc.stderr
    assert "changes since v1 to v2: 0 added, 1 removed, 1 changed, 5 unchanged" in proc.stdout
    proc = run("diff", *args, "--to", "v1", "--json")
    assert json.loads(proc.stdout)["from"] is None
    proc = run("import", first, *args, "--version", "v1")
    assert proc.returncode == 1
    assert "already has version 'v1'" in proc.stderr and "Traceback" not in proc.stderr


def test_an_import_is_recorded_in_the_audit_log(lists: tuple[Path, Path], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'service.db'}"
    args = ("--list-id", "local", "--data-dir", tmp_path / "store", "--database", url)
    assert run("import", lists[0], *args, "--version", "v1").returncode == 0
    database = open_database(url, Settings(data_dir=tmp_path))
    with database.session() as session:
        records = list(SqlAuditStore(session).entries())
    database.dispose()
    assert [(r.action, r.subject) for r in records] == [("watchlist.import", "watchlist:local")]
    assert records[0].actor.startswith("cli:")
    assert records[0].detail["entries"] == 7 and records[0].detail["added"] == 7


def test_diff_of_two_files(lists: tuple[Path, Path], fixtures: Path) -> None:
    proc = run("diff", *lists, "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["from"], doc["to"], doc["removed"]) == ("persons.csv", "later.csv", ["C9"])
    assert [f["entries"] for f in doc["files"]] == [7, 6]


def test_import_of_each_format(fixtures: Path, tmp_path: Path) -> None:
    for name in ("persons.ftm.jsonl", "un_consolidated.xml"):
        proc = run(
            "import",
            fixtures / "watchlist" / name,
            "--list-id",
            name.split(".")[0],
            "--data-dir",
            tmp_path,
            "--json",
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["entries"] == 3


def test_nothing_loaded_is_exit_1_without_a_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"<CONSOLIDATED_LIST><broken")
    proc = run("import", junk, "--list-id", "x", "--data-dir", tmp_path)
    assert proc.returncode == 1
    assert "not readable XML" in proc.stdout
    assert "nothing could be loaded" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "watchlists" / "x").exists()
    for args in (("import", tmp_path / "absent.csv", "--list-id", "x"), ("diff", "--list-id", "x")):
        proc = run(*args, "--data-dir", tmp_path)
        assert proc.returncode == 1 and proc.stderr.startswith("error:"), proc.stderr


def test_diff_needs_a_list_or_two_files(fixtures: Path) -> None:
    assert run("diff").returncode == 2
    assert run("diff", fixtures / "watchlist" / "persons.csv").returncode == 2
