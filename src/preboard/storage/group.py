"""Group commit: short writes from many threads committed together, each caller waiting for
its own to be durable.

    database.group.run(lambda session: record(session, principal, "traveller.view", ...))

Audit records of reads are the case: every page that shows travellers appends one, and
committing each alone costs a write lock and a disk flush per page. Here the first write
queued wakes a writer thread, which takes every write queued by then, runs them in one
transaction (``Database.write``) and commits once; each caller returns only after that commit,
so a read is still never shown before its record is durable. A batch that fails is tried
again one write per transaction, so one bad write fails alone and its caller gets the error.
The thread ends after a few idle seconds and starts again on the next write.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from preboard.storage.database import Database

__all__ = ["GroupCommit"]

Work = Callable[[Session], None]
_IDLE_SECONDS = 5.0
_BATCH = 200  # writes per transaction at most


@dataclass(slots=True)
class _Queued:
    work: Work
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class GroupCommit:
    """Runs queued writes in shared transactions (see the module docstring)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Queued] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def run(self, database: Database, work: Work) -> None:
        """Run ``work`` in a transaction shared with others queued at the same time; return
        when it is committed, or raise what it (or the commit) raised."""
        item = _Queued(work)
        self._queue.put(item)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, args=(database,), name="preboard-group-commit", daemon=True
                )
                self._thread.start()
        item.done.wait()
        if item.error is not None:
            raise item.error

    def _take(self, first: _Queued) -> list[_Queued]:
        batch = [first]
        while len(batch) < _BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _loop(self, database: Database) -> None:
        while True:
            try:
                first = self._queue.get(timeout=_IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            self._commit(database, self._take(first))

    @staticmethod
    def _commit(database: Database, batch: list[_Queued]) -> None:
        try:
            with database.write() as session:
                for item in batch:
                    item.work(session)
        except BaseException:
            for item in batch:  # one at a time: a bad write fails alone
                _alone(database, item)
        finally:
            for item in batch:
                item.done.set()


def _alone(database: Database, item: _Queued) -> None:
    try:
        with database.write() as session:
            item.work(session)
    except BaseException as err:  # handed to the waiting caller, who raises it
        item.error = err
