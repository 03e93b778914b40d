"""Group commit (``Database.grouped``): writes from many threads at once all commit, each
caller returning after its own is durable, and a write that fails fails alone."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from preboard.audit import append, verify
from preboard.storage import Database, SqlAuditStore
from preboard.storage.tables import AuditRecordRow


def _count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count(AuditRecordRow.seq))) or 0)


def test_concurrent_writes_all_commit_in_one_unbroken_chain(database: Database) -> None:
    def work(n: int) -> None:
        database.grouped(lambda s: append(SqlAuditStore(s), f"user:u{n}", "traveller.view"))
        assert _count(database) >= 1  # committed before the call returned

    threads = [threading.Thread(target=work, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _count(database) == 40
    with database.session() as session:
        assert verify(SqlAuditStore(session)).ok


def test_a_failing_write_fails_alone_and_its_caller_gets_the_error(database: Database) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def bad(_session: Session) -> None:
        raise ValueError("this write is wrong")

    def work(n: int) -> None:
        barrier.wait()
        try:
            if n == 3:
                database.grouped(bad)
            else:
                database.grouped(lambda s: append(SqlAuditStore(s), f"user:u{n}", "x"))
        except ValueError as err:
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [str(e) for e in errors] == ["this write is wrong"]
    assert _count(database) == 7


def test_the_error_reaches_a_single_caller(database: Database) -> None:
    def bad(_session: Session) -> None:
        raise KeyError("nope")

    with pytest.raises(KeyError):
        database.grouped(bad)
    assert _count(database) == 0
