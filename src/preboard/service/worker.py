"""The screening worker: a thread that screens stored messages after intake acknowledged them.

    worker = ScreeningWorker(database, lambda: screening)
    worker.start()          # screens at once whatever is stored and not screened (crash leftovers)
    worker.wake()           # after each intake commit
    worker.wait_idle(10)    # tests: until every message stored before the call is screened
    worker.stop()

A wake-up waits ``gather`` seconds before screening, so that the parts of a flight sent in a
burst are screened together rather than once each. The worker also polls (``poll`` seconds),
so messages stored by another process are screened too. An unavailable database pauses it
(it tries again after ``poll``); nothing is lost, because a message leaves ``received`` only
in the transaction that records its outcome. Errors are logged by type only: a message's
data never reaches the log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import structlog

from preboard.assessment import Screening
from preboard.service.reading import Reading
from preboard.service.screening import screen_pending
from preboard.storage import Database, StorageUnavailable

__all__ = ["ScreeningWorker"]

log = structlog.get_logger(__name__)


class ScreeningWorker:
    """Screens stored messages in the background (see the module docstring)."""

    def __init__(
        self,
        database: Database,
        screening: Callable[[], Screening],
        poll: float = 2.0,
        gather: float = 0.2,
    ) -> None:
        self.database = database
        self.screening = screening
        self.poll = poll
        self.gather = gather
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._state = threading.Condition()
        self._requested = 0  # wake-ups asked for
        self._served = -1  # the last wake-up after which a run found nothing to do
        self._thread: threading.Thread | None = None
        self._readings: dict[int, Reading] = {}  # messages read before (see screen_pending)

    def start(self) -> None:
        """Start the thread; its first run screens whatever was left from before."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="preboard-screening", daemon=True)
        self._thread.start()
        log.info("worker.started", poll=self.poll)

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the flight in hand and stop (the rest of the run is left for the next)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        log.info("worker.stopped")

    def wake(self) -> None:
        """Ask for a run soon (called after a message is stored)."""
        with self._state:
            self._requested += 1
        self._wake.set()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until a run that began after this call found nothing left to screen; ``False``
        on timeout."""
        self.wake()
        with self._state:
            target = self._requested
            return self._state.wait_for(lambda: self._served >= target, timeout)

    def _run_once(self) -> bool:
        """One run; whether it found work (then another run follows at once)."""
        self._wake.clear()  # before reading the generation: a later wake-up sets it again
        with self._state:
            generation = self._requested
        run = screen_pending(
            self.database, self.screening(), cache=self._readings, stopping=self._stop.is_set
        )
        if run.messages:
            return True
        with self._state:
            self._served = generation
            self._state.notify_all()
        return False

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self._run_once()
            except StorageUnavailable:
                busy = False  # logged by storage; try again after the pause
            except Exception as err:  # keep screening whatever a bug did to one run
                log.error("worker.run_failed", error=type(err).__name__)
                busy = False
            if not busy and self._wake.wait(self.poll):
                self._stop.wait(self.gather)  # let a burst of parts arrive: screen them once
