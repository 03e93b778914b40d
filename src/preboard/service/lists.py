"""What screening runs against: the released rules and the latest watchlist version, reloaded
when either changes.

    source = ScreeningSource(base, rules_dir=settings.rules_dir,
                             store=VersionStore(settings.data_dir), list_id="un-sc")
    worker = ScreeningWorker(database, source.current)     # called before every run

``base`` holds what does not change here (document checks, workers) and the watchlist to use
while the store holds no version of ``list_id`` (``None``: keep the base's watchlist). Each
call to ``current`` makes a cheap check: the rules folder's files (names, sizes, modification
times), the list's ``list.json`` (size, modification time) and today's date (rules held back
for review or validity change with the day). When nothing changed the same ``Screening`` is
returned; otherwise the rules are linted and compiled again (refused and held-back rules do
not run, and are logged) and the latest version of the list is indexed again. A rules folder
that cannot be listed keeps the rules as they were and is logged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import structlog

from preboard.assessment import Screening
from preboard.matching import Matcher
from preboard.rules import compile_rule, lint_directory, runnable
from preboard.rules.engine import CompiledRule
from preboard.rules.files import rule_files
from preboard.rules.lint import LintStatus
from preboard.watchlist.model import Watchlist
from preboard.watchlist.versions import VersionStore

__all__ = ["ScreeningSource"]

log = structlog.get_logger(__name__)
Stamp = tuple[tuple[str, int, int], ...]


def _stamp(paths: list[Path]) -> Stamp:
    found = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(found)


class ScreeningSource:
    """The current ``Screening``: ``base`` with the released rules and the latest list."""

    def __init__(
        self,
        base: Screening,
        *,
        rules_dir: Path | None = None,
        store: VersionStore | None = None,
        list_id: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.base = base
        self.rules_dir = rules_dir
        self.store = store
        self.list_id = list_id
        self.today = today
        self._lock = threading.Lock()
        self._rules_key: tuple[dt.date, Stamp] | None = None
        self._list_key: Stamp | None = None
        self._rules: tuple[CompiledRule, ...] = base.rules
        self._listed: tuple[Matcher | None, Watchlist | None] = (base.matcher, base.watchlist)
        self._screening = base

    def _rules_stamp(self) -> Stamp:
        if self.rules_dir is None or not self.rules_dir.is_dir():
            return ()
        return _stamp(rule_files(self.rules_dir))

    def _list_stamp(self) -> Stamp:
        if self.store is None or self.list_id is None:
            return ()
        return _stamp([self.store.root / self.list_id / "list.json"])

    def _load_rules(self, on: dt.date) -> tuple[CompiledRule, ...]:
        if self.rules_dir is None:
            return self.base.rules
        results = lint_directory(self.rules_dir, on)
        for r in results:
            if r.status is not LintStatus.OK:
                reasons = "; ".join(map(str, r.issues)) or r.status.value
                log.warning("rule.not_run", rule=r.rule_id, status=r.status.value, reasons=reasons)
        return tuple(compile_rule(rule) for rule in runnable(results))

    def _load_list(self) -> None:
        assert self.store is not None and self.list_id is not None
        latest = self.store.latest(self.list_id)
        if latest is None or not latest.entries:
            return
        old = self._listed[0]
        self._listed = (Matcher.build(list(latest.entries)), latest.watchlist)
        if old is not None and old is not self.base.matcher:
            old.close()
        log.info("watchlist.loaded", list=self.list_id, version=latest.watchlist.version)

    def _refresh(self) -> bool:
        changed = False
        on = self.today()
        rules_key = (on, self._rules_stamp())
        if rules_key != self._rules_key:
            try:
                self._rules = self._load_rules(on)
            except OSError as err:
                log.error("rules.unreadable", folder=str(self.rules_dir), error=str(err))
            self._rules_key, changed = rules_key, True
        list_key = self._list_stamp()
        if list_key and list_key != self._list_key:
            self._load_list()
            self._list_key, changed = list_key, True
        return changed

    def current(self) -> Screening:
        """The screening to run now (rebuilt only when its sources changed)."""
        with self._lock:
            if self._refresh():
                matcher, watchlist = self._listed
                self._screening = dataclasses.replace(
                    self.base, rules=self._rules, matcher=matcher, watchlist=watchlist
                )
            return self._screening
