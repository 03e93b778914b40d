"""The audit log in the database, on SQLite and PostgreSQL: appends, the append-only triggers,
serialised appenders, and verification against a tamperer who gets round the triggers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from sqlalchemy import exc, text
from sqlalchemy.orm import Session

from preboard.audit import AuditEntry, ChainHead, ProblemKind, VerifyResult, append, seal, verify
from preboard.storage import Database, SqlAuditStore
from tests.audit.tampering import tamper


def fill(database: Database, n: int) -> list[AuditEntry]:
    with database.write() as session:
        store = SqlAuditStore(session)
        return [
            append(store, "user:ana", "traveller.view", f"traveller:{i}", {"i": i})
            for i in range(1, n + 1)
        ]


def check(database: Database) -> VerifyResult:
    with database.snapshot() as session:
        return verify(SqlAuditStore(session))


def problems(database: Database) -> list[tuple[int, ProblemKind]]:
    return [(p.seq, p.kind) for p in check(database).problems]


def test_appended_records_are_chained_and_verify(database: Database) -> None:
    entries = fill(database, 3)
    assert [e.seq for e in entries] == [1, 2, 3]
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    result = check(database)
    assert result.ok and result.records == 3
    assert result.head == ChainHead(3, entries[-1].hash)


def test_append_commits_and_rolls_back_with_the_callers_changes(database: Database) -> None:
    fill(database, 1)
    with pytest.raises(RuntimeError), database.write() as session:
        append(SqlAuditStore(session), "user:ana", "users.add", "user:bruno")
        raise RuntimeError("the change failed")
    (entry,) = fill(database, 1)
    assert entry.seq == 2  # no gap left by the rolled-back append
    assert check(database).ok


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_records SET actor = 'user:eve' WHERE seq = 2",
        "DELETE FROM audit_records WHERE seq = 2",
        "INSERT INTO audit_records (seq, at, actor, action, subject, detail, prev_hash, hash) "
        "VALUES (9, '2026-12-01 00:00:00', 'eve', 'x', 'y', '{}', 'f', 'f')",
        "UPDATE audit_head SET seq = 2",
        "DELETE FROM audit_head",
    ],
)
def test_triggers_keep_the_log_append_only(database: Database, statement: str) -> None:
    fill(database, 3)
    with pytest.raises(exc.DatabaseError), database.write() as session:
        session.execute(text(statement))
    assert check(database).ok


def test_altered_record_is_reported(database: Database) -> None:
    fill(database, 4)
    tamper(database, """UPDATE audit_records SET detail = '{"i": 99}' WHERE seq = 2""")
    assert problems(database) == [(2, ProblemKind.ALTERED)]


def test_deleted_records_are_reported(database: Database) -> None:
    fill(database, 5)
    tamper(database, "DELETE FROM audit_records WHERE seq IN (2, 5)")
    assert problems(database) == [(3, ProblemKind.REMOVED), (5, ProblemKind.REMOVED)]


def test_forged_record_after_the_last_is_reported(database: Database) -> None:
    (*_, last) = fill(database, 3)
    forged = seal(ChainHead(last.seq, last.hash), AuditEntry(0, last.at, "user:eve", "x", "y"))
    tamper(
        database,
        "INSERT INTO audit_records (seq, at, actor, action, subject, detail, prev_hash, hash) "
        "VALUES (:seq, :at, 'user:eve', 'x', 'y', '{}', :prev, :hash)",
        seq=forged.seq,
        at=forged.at if database.dialect == "postgresql" else forged.at.replace(tzinfo=None),
        prev=forged.prev_hash,
        hash=forged.hash,
    )
    assert problems(database) == [(4, ProblemKind.INSERTED)]


def test_forged_record_slipped_into_the_middle_is_reported(database: Database) -> None:
    first, *_ = fill(database, 3)
    forged = seal(ChainHead(1, first.hash), AuditEntry(0, first.at, "user:eve", "x", "y"))
    tamper(
        database,
        "UPDATE audit_records SET seq = seq + 1000 WHERE seq >= 2",
        "UPDATE audit_records SET seq = seq - 999 WHERE seq >= 1000",
        "INSERT INTO audit_records (seq, at, actor, action, subject, detail, prev_hash, hash) "
        "VALUES (2, :at, 'user:eve', 'x', 'y', '{}', :prev, :hash)",
        at=first.at if database.dialect == "postgresql" else first.at.replace(tzinfo=None),
        prev=forged.prev_hash,
        hash=forged.hash,
    )
    assert problems(database) == [
        (3, ProblemKind.BROKEN_LINK),
        (3, ProblemKind.ALTERED),
        (4, ProblemKind.ALTERED),
        (4, ProblemKind.INSERTED),
    ]


def _appender(open_session: Callable[[], AbstractContextManager[Session]]) -> Iterator[None]:
    for i in range(15):
        with open_session() as session:
            append(SqlAuditStore(session), "user:ana", "search", f"query:{i}")
        yield


@pytest.mark.parametrize("kind", ["write", "session"])
def test_concurrent_appenders_never_fork_the_chain(database: Database, kind: str) -> None:
    open_session = database.write if kind == "write" else database.session
    errors: list[BaseException] = []

    def run() -> None:
        try:
            for _ in _appender(open_session):
                pass
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = check(database)
    assert result.ok and result.records == 45
