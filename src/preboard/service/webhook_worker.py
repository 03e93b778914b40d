"""The webhook worker: a thread that sends due carrier webhooks every ``poll`` seconds.

    worker = WebhookWorker(database, settings)
    worker.start()
    worker.stop()

Each round is ``webhooks.deliver_pending``; an unavailable database or a bug in one round is
logged (by type only) and the next round tries again, so nothing queued is lost.
"""

from __future__ import annotations

import threading

import httpx2
import structlog

from preboard.service.webhooks import TIMEOUT, deliver_pending
from preboard.settings import Settings
from preboard.storage import Database, StorageUnavailable
from preboard.users import now_utc

__all__ = ["WebhookWorker"]

log = structlog.get_logger(__name__)


class WebhookWorker:
    """Sends carrier webhooks in the background (see the module docstring)."""

    def __init__(self, database: Database, settings: Settings, poll: float | None = None) -> None:
        self.database = database
        self.settings = settings
        self.poll = poll if poll is not None else settings.webhook_poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread (its first round sends whatever is due)."""
        if self.settings.webhook_secret is None:
            log.info("webhooks.disabled", reason="PREBOARD_WEBHOOK_SECRET is not set")
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="preboard-webhooks", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the current round and stop."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        with httpx2.Client(timeout=TIMEOUT, follow_redirects=False) as client:
            while not self._stop.is_set():
                try:
                    deliver_pending(self.database, self.settings, client, now_utc())
                except StorageUnavailable:
                    pass  # logged by storage; try again after the pause
                except Exception as err:  # keep sending whatever a bug did to one round
                    log.error("webhooks.round_failed", error=type(err).__name__)
                self._stop.wait(self.poll)
