"""Watchlists as the watchlist pages see them: the lists in the version store, their versions,
an import (as ``preboard watchlist import`` does it), and the difference between two versions.

    store = VersionStore(settings.data_dir)
    lists = list_watchlists(store)
    outcome = import_watchlist(database, principal, store, upload)   # audited when saved
    changes = version_diff(store, "un-sc", "2026-11", "2026-12")

An import that loads no entry saves nothing; its problems are still returned to be shown.
A saved import is a new version, never a change to an old one (``watchlist.versions``), and
``service.lists`` screens against the latest version from the next screening run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from preboard.errors import ConfigurationError, NotFoundError
from preboard.service.errors import InvalidValueError
from preboard.service.trail import record
from preboard.storage import Database
from preboard.users import Principal
from preboard.watchlist.model import Watchlist, WatchlistVersion
from preboard.watchlist.versions import VersionStore, WatchlistDiff, diff

__all__ = [
    "ImportOutcome",
    "ListSummary",
    "Upload",
    "VersionRow",
    "import_watchlist",
    "list_watchlists",
    "version_diff",
    "watchlist_versions",
]


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One saved version: id, when it was saved, how many entries and problems."""

    version: str
    saved_at: str
    entries: int
    problems: int


@dataclass(frozen=True, slots=True)
class ListSummary:
    """A list as its latest version describes it, and its versions, newest first."""

    watchlist: Watchlist
    versions: tuple[VersionRow, ...]


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded list file and the list it goes into (empty fields: what the store knows,
    else defaults; an empty ``version``: the date and time)."""

    data: bytes
    filename: str
    list_id: str
    name: str = ""
    category: str = ""
    severity: str = ""
    legal_basis: str = ""
    version: str = ""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What the loader read, and the change against the latest version (``None``: nothing
    could be loaded, so nothing was saved)."""

    loaded: WatchlistVersion
    changes: WatchlistDiff | None


def _rows(store: VersionStore, list_id: str) -> tuple[VersionRow, ...]:
    records = store.records(list_id)
    rows = [
        VersionRow(str(r["version"]), str(r.get("saved_at", "")), int(r.get("entries", 0)),
                   int(r.get("problems", 0)))
        for r in records
    ]  # fmt: skip
    return tuple(reversed(rows))


def list_watchlists(store: VersionStore) -> list[ListSummary]:
    """Every list with at least one saved version, by id."""
    return [watchlist_versions(store, list_id) for list_id in store.lists()]


def watchlist_versions(store: VersionStore, list_id: str) -> ListSummary:
    """One list and its versions; ``NotFoundError`` when it has none (or a bad id)."""
    try:
        watchlist = store.metadata(list_id)
    except ConfigurationError as err:  # an id that cannot name a folder
        raise NotFoundError(f"there is no watchlist {list_id!r}") from err
    if watchlist is None:
        raise NotFoundError(f"there is no watchlist {list_id!r}")
    return ListSummary(watchlist, _rows(store, list_id))


def _target(store: VersionStore, upload: Upload) -> Watchlist:
    known = store.metadata(upload.list_id) or Watchlist(upload.list_id, upload.list_id)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    return Watchlist(
        id=upload.list_id,
        name=upload.name.strip() or known.name,
        kind=known.kind,
        category=upload.category.strip() or known.category,
        severity=upload.severity.strip() or known.severity,
        legal_basis=upload.legal_basis.strip() or known.legal_basis,
        version=upload.version.strip() or stamp,
        source=upload.filename,
    )


def import_watchlist(
    database: Database, principal: Principal, store: VersionStore, upload: Upload
) -> ImportOutcome:
    """Load ``upload`` and save it as a new version of its list (audited), unless nothing
    could be loaded. Raises ``ConfigurationError`` (400) for an unusable list or version id
    or a version already saved, ``InvalidValueError`` for an empty file."""
    from preboard.watchlist.loaders import load_bytes  # FollowTheMoney loads slowly

    if not upload.data.strip():
        raise InvalidValueError("the file is empty")
    loaded = load_bytes(upload.data, upload.filename, _target(store, upload))
    if not loaded.entries:
        return ImportOutcome(loaded, None)
    with database.write() as session:
        changes = store.save(loaded)
        record(session, principal, "watchlist.import", f"watchlist:{upload.list_id}",
               version=loaded.watchlist.version, file=upload.filename,
               entries=len(loaded.entries), problems=len(loaded.problems),
               added=len(changes.added), removed=len(changes.removed),
               changed=len(changes.changed))  # fmt: skip
    return ImportOutcome(loaded, changes)


def _version(store: VersionStore, list_id: str, version: str | None) -> WatchlistVersion:
    if not version:
        return WatchlistVersion(Watchlist(list_id, ""), ())
    return store.get(list_id, version)


def version_diff(
    store: VersionStore, list_id: str, old: str | None = None, new: str | None = None
) -> WatchlistDiff:
    """What changed from ``old`` to ``new`` (defaults: the latest and the one before it);
    ``NotFoundError`` for an unknown list or version. Document numbers are masked."""
    versions = watchlist_versions(store, list_id).versions
    new = new or versions[0].version
    ids = [v.version for v in reversed(versions)]
    if old is None and new in ids:
        at = ids.index(new)
        old = ids[at - 1] if at > 0 else None
    return diff(_version(store, list_id, old), _version(store, list_id, new))
