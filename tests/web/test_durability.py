"""Durability: the server process is killed (SIGKILL) while 1,000 messages are being posted;
after a restart every message that was acknowledged is stored once and screened.

The server runs as ``preboard serve`` in a subprocess over a SQLite file; four threads post
small PAXLST messages (one flight each, written by our writer) with an intake token. After
300 acknowledgements the process is killed without warning; the posting threads see their
connections fail and stop. The server is started again on the same database, the messages not
yet acknowledged are posted again (the ones stored before the kill come back as duplicates),
and the test waits until nothing is left to screen.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2
import pytest
from sqlalchemy import func, select

from preboard.ingest.paxlst import write_paxlst
from preboard.model import (
    Flight,
    Leg,
    Manifest,
    PartialDate,
    Role,
    SourceKind,
    TravelDocument,
    Traveller,
)
from preboard.settings import Settings
from preboard.storage import Database, MessageStatus, SqlAccessStore, open_database
from preboard.storage.tables import MessageRow, TravellerRow
from preboard.users import TokenKind, issue_token

COUNT = 1_000
KILL_AFTER = 300


def message(i: int) -> bytes:
    """One flight of two synthetic travellers, its own flight number, so each is distinct."""
    departs = dt.datetime(2026, 12, 2, 6, 0) + dt.timedelta(minutes=i)
    flight = Flight(
        "ZZ", str(1000 + i), (Leg("CUN", "MIA", departs, departs + dt.timedelta(hours=2)),)
    )
    people = tuple(
        Traveller(
            Role.PASSENGER,
            surname=f"TESTER{chr(65 + i % 26)}",
            given_names=name,
            birth_date=PartialDate(1980 + i % 20, 1 + i % 12, 1 + i % 28),
            nationality="USA",
            documents=(TravelDocument("P", f"Z{i:05d}{k}", "USA", None, dt.date(2031, 1, 1)),),
        )
        for k, name in enumerate(("ANA", "LUIS"))
    )
    manifest = Manifest(SourceKind.PAXLST, flight, travellers=people)
    (text,) = write_paxlst(manifest, reference=f"DUR{i:05d}")
    return text.encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(url: str, port: int, data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PREBOARD_DATA_DIR": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "preboard", "serve", "--port", str(port), "--database", url],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx2.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("the server did not answer its health check within 60 s")


def post(
    port: int, token: str, bodies: dict[int, bytes], acked: dict[int, int], stop: threading.Event
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
        for i, body in bodies.items():
            if stop.is_set():
                return
            try:
                response = client.post("/api/v1/messages", content=body, headers=headers)
            except httpx2.HTTPError:
                return  # the server is gone
            if response.status_code == 202:
                acked[i] = response.json()["id"]


def post_all(
    port: int,
    token: str,
    todo: dict[int, bytes],
    acked: dict[int, int],
    kill: subprocess.Popen[bytes] | None,
) -> None:
    stop = threading.Event()
    shares = [dict(list(todo.items())[k::4]) for k in range(4)]
    threads = [threading.Thread(target=post, args=(port, token, s, acked, stop)) for s in shares]
    for t in threads:
        t.start()
    if kill is not None:
        while len(acked) < KILL_AFTER and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        os.kill(kill.pid, signal.SIGKILL)
        kill.wait()
        stop.set()
    for t in threads:
        t.join()


def test_every_acknowledged_message_survives_a_kill_and_is_screened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'preboard.db'}"
    database: Database = open_database(url, Settings(data_dir=tmp_path))
    with database.write() as session:
        issued, _ = issue_token(SqlAccessStore(session), TokenKind.INTAKE, name="feeder")
    bodies = {i: message(i) for i in range(COUNT)}
    acked: dict[int, int] = {}

    port = free_port()
    first = start(url, port, tmp_path)
    post_all(port, issued.secret, bodies, acked, kill=first)
    before_kill = dict(acked)
    assert KILL_AFTER <= len(before_kill) < COUNT, "the kill came while messages were posted"

    port = free_port()
    second = start(url, port, tmp_path)
    try:
        post_all(
            port, issued.secret, {i: b for i, b in bodies.items() if i not in acked}, acked, None
        )
        assert len(acked) == COUNT
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            with database.session() as session:
                left = session.scalar(
                    select(func.count()).where(MessageRow.status == MessageStatus.RECEIVED)
                )
            if not left:
                break
            time.sleep(0.5)
        with database.session() as session:
            rows = dict(session.execute(select(MessageRow.id, MessageRow.status)).all())
            travellers = session.scalar(select(func.count()).select_from(TravellerRow))
    finally:
        second.terminate()
        second.wait(30)
        database.dispose()
    # Every message acknowledged before the kill is there, stored once, and screened.
    assert set(before_kill.values()) <= set(rows)
    assert len(rows) == COUNT
    assert set(rows.values()) == {MessageStatus.SCREENED}
    assert travellers == 2 * COUNT
