"""Intake from a folder (``service/folder.py``) and ``preboard intake watch --once``: files are
stored as posted messages, moved to ``done/`` or to ``failed/`` with a reason file, a file
sent twice is stored once, and a file still being written is left for the next pass."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from preboard.cli import app
from preboard.service.folder import take_folder
from preboard.storage import Database, MessageStatus
from preboard.storage.tables import MessageRow, TravellerRow
from preboard.users import Principal, Role
from tests.service.day import F9, day_files

WATCHER = Principal("folder:inbox", Role.INTAKE)


def drop(inbox: Path, name: str, body: bytes, age: float = 5.0) -> Path:
    path = inbox / name
    path.write_bytes(body)
    past = time.time() - age
    os.utime(path, (past, past))
    return path


def test_files_are_stored_then_moved_and_bad_ones_explained(
    database: Database, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    messages = day_files().messages(F9)
    for name, body in messages:
        drop(inbox, name, body)
    drop(inbox, "zz-again.edi", messages[0][1])  # the same content under another name
    drop(inbox, "junk.txt", b"this is not an airline message")
    drop(inbox, "fresh.edi", messages[1][1], age=0.0)  # still being copied
    taken = {t.name: t for t in take_folder(database, WATCHER, inbox)}
    assert set(taken) == {name for name, _ in messages} | {"zz-again.edi", "junk.txt"}
    assert taken["zz-again.edi"].duplicate and taken["zz-again.edi"].outcome == "done"
    assert taken["junk.txt"].outcome == "failed"
    reason = json.loads((inbox / "failed" / "junk.txt.reason.txt").read_text())
    assert reason["file"] == "junk.txt" and reason["problems"]
    assert sorted(p.name for p in (inbox / "done").iterdir()) == sorted(
        [name for name, _ in messages] + ["zz-again.edi"]
    )
    assert [p.name for p in inbox.iterdir() if p.is_file()] == ["fresh.edi"]
    with database.session() as session:
        stored = session.scalar(select(func.count()).select_from(MessageRow))
        failed = session.scalar(
            select(func.count()).where(MessageRow.status == MessageStatus.FAILED)
        )
    assert (stored, failed) == (len(messages) + 1, 1)


def test_intake_watch_once_takes_the_folder_and_screens_it(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, body in day_files().messages(F9):
        drop(inbox, name, body)
    url = f"sqlite:///{tmp_path / 'p.db'}"
    lost = day_files().folder / "lost_stolen.csv"
    args = ["intake", "watch", str(inbox), "--database", url, "--lost-stolen", str(lost), "--once"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "paxlst-1.edi: done" in result.output
    database = Database.connect(url)
    try:
        with database.session() as session:
            statuses = set(session.scalars(select(MessageRow.status)))
            travellers = session.scalar(select(func.count()).select_from(TravellerRow))
    finally:
        database.dispose()
    assert statuses == {MessageStatus.SCREENED}
    assert travellers and travellers > 100


def test_intake_watch_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["intake", "watch", str(tmp_path / "nowhere"), "--once"])
    assert result.exit_code == 1
    assert "no such folder" in result.output
