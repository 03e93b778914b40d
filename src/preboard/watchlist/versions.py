"""Versions of a list: what changed between two imports, and a file store that keeps each one.

``diff(old, new)`` compares entries by id: added, removed, and changed with a short description
per field. Only what screening uses is compared (names, birth dates and places, nationalities,
sex, documents); ``first_seen``/``last_seen`` move on every export and are not changes.

``VersionStore(root)`` keeps each import of a list under ``root/watchlists/<list_id>/``:
``<version>.jsonl`` holds the entries as normalised JSON lines (see ``codec``),
``problems/<version>.jsonl`` what the loader reported, and ``list.json`` the list's metadata
and its versions in the order they were saved (the last is the latest). A saved version is
never changed: saving a version id again is refused with a ``ConfigurationError``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from preboard.errors import ConfigurationError, NotFoundError, ParseError
from preboard.privacy import mask_tail
from preboard.watchlist.codec import (
    dumps_line,
    entry_from_dict,
    entry_to_dict,
    problem_from_dict,
    problem_to_dict,
    watchlist_from_dict,
    watchlist_to_dict,
)
from preboard.watchlist.model import Watchlist, WatchlistEntry, WatchlistVersion

__all__ = ["EntryChange", "FieldChange", "VersionStore", "WatchlistDiff", "diff"]

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_SHOWN = 3  # values listed per field before "and N more"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an entry that changed, described for a person (``added 'X' (alias)``)."""

    field: str
    description: str


@dataclass(frozen=True, slots=True)
class EntryChange:
    """An entry present in both versions whose screening fields differ."""

    id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class WatchlistDiff:
    """What changed from one version of a list to the next (``old_version`` ``None``: nothing
    before, everything is added)."""

    list_id: str
    old_version: str | None
    new_version: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[EntryChange, ...] = ()
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        """Whether the two versions hold the same entries."""
        return not (self.added or self.removed or self.changed)

    def as_dict(self) -> dict[str, Any]:
        """The difference as a JSON-ready dict."""
        return {
            "list_id": self.list_id,
            "from": self.old_version,
            "to": self.new_version,
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": [
                {"id": c.id, "fields": {f.field: f.description for f in c.fields}}
                for c in self.changed
            ],
            "unchanged": self.unchanged,
        }


def _names(e: WatchlistEntry) -> list[str]:
    return [f"{n.full!r} ({n.kind.value})" for n in e.names]


def _documents(e: WatchlistEntry) -> list[str]:
    return [" ".join(filter(None, (d.type, mask_tail(d.number), d.country))) for d in e.documents]


_FIELDS: tuple[tuple[str, Callable[[WatchlistEntry], list[str]]], ...] = (
    ("names", _names),
    ("birth_dates", lambda e: [b.iso() for b in e.birth_dates]),
    ("birth_places", lambda e: list(e.birth_places)),
    ("nationalities", lambda e: list(e.nationalities)),
    ("sex", lambda e: [e.sex.value] if e.sex else []),
    ("documents", _documents),
)


def _listed(verb: str, values: list[str]) -> str:
    more = f" and {len(values) - _SHOWN} more" if len(values) > _SHOWN else ""
    return f"{verb} {', '.join(values[:_SHOWN])}{more}"


def _describe(old: list[str], new: list[str]) -> str:
    gone = [v for v in old if v not in new]
    came = [v for v in new if v not in old]
    if len(gone) == 1 and len(came) == 1:
        return f"{gone[0]} → {came[0]}"
    parts = [_listed("added", came)] if came else []
    parts += [_listed("removed", gone)] if gone else []
    return "; ".join(parts) or "order changed"


def entry_changes(old: WatchlistEntry, new: WatchlistEntry) -> tuple[FieldChange, ...]:
    """The screening fields that differ between two versions of one entry."""
    changes = []
    for field, values in _FIELDS:
        before, after = values(old), values(new)
        if before != after:
            changes.append(FieldChange(field, _describe(before, after)))
    return tuple(changes)


def diff(old: WatchlistVersion, new: WatchlistVersion) -> WatchlistDiff:
    """Entries added, removed and changed (by id) from ``old`` to ``new``."""
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    changed = []
    for entry_id, entry in after.items():
        known = before.get(entry_id)
        fields = entry_changes(known, entry) if known is not None else ()
        if fields:
            changed.append(EntryChange(entry_id, fields))
    return WatchlistDiff(
        list_id=new.watchlist.id,
        old_version=old.watchlist.version or None,
        new_version=new.watchlist.version,
        added=tuple(i for i in after if i not in before),
        removed=tuple(i for i in before if i not in after),
        changed=tuple(changed),
        unchanged=sum(1 for i in after if i in before) - len(changed),
    )


def _safe(kind: str, value: str) -> str:
    if not _SAFE_ID.match(value):
        raise ConfigurationError(
            f"{kind} {value!r} cannot name a file: use letters, digits, '.', '_' or '-' "
            "(at most 100, starting with a letter or digit)"
        )
    return value


def _write(path: Path, lines: Iterable[str]) -> None:
    """Write a whole file under a temporary name, then put it in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    temporary.replace(path)


def _read_lines(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ParseError(f"not JSON ({err.msg})", file=str(path), segment=line) from err
        yield line, value


class VersionStore:
    """Imported versions of watchlists, kept as files under ``root/watchlists``."""

    def __init__(self, root: Path) -> None:
        self.root = root / "watchlists"

    def _index_path(self, list_id: str) -> Path:
        return self.root / _safe("list id", list_id) / "list.json"

    def records(self, list_id: str) -> list[dict[str, Any]]:
        """The saved versions of a list as ``list.json`` records them (``version``,
        ``saved_at``, ``entries``, ``problems``), oldest first."""
        versions: list[dict[str, Any]] = self._index(list_id)["versions"]
        return versions

    def _index(self, list_id: str) -> dict[str, Any]:
        path = self._index_path(list_id)
        if not path.is_file():
            return {"watchlist": None, "versions": []}
        try:
            index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ParseError(f"not JSON ({err.msg})", file=str(path)) from err
        return index

    def lists(self) -> tuple[str, ...]:
        """The ids of the lists with at least one saved version, sorted."""
        if not self.root.is_dir():
            return ()
        return tuple(sorted(p.parent.name for p in self.root.glob("*/list.json")))

    def metadata(self, list_id: str) -> Watchlist | None:
        """The list as its latest version was saved; ``None`` when it has none."""
        value = self._index(list_id)["watchlist"]
        return watchlist_from_dict(value) if value else None

    def versions(self, list_id: str) -> tuple[str, ...]:
        """The saved version ids of a list, oldest first (empty for an unknown list)."""
        return tuple(str(v["version"]) for v in self._index(list_id)["versions"])

    def latest(self, list_id: str) -> WatchlistVersion | None:
        """The last saved version of a list; ``None`` when it has none."""
        versions = self.versions(list_id)
        return self.get(list_id, versions[-1]) if versions else None

    def get(self, list_id: str, version: str) -> WatchlistVersion:
        """One saved version. Raises ``NotFoundError`` when it was never saved and
        ``ParseError`` (file and line) when its files are damaged."""
        records = {v["version"]: v for v in self._index(list_id)["versions"]}
        if version not in records:
            known = ", ".join(records) or "none"
            raise NotFoundError(f"list {list_id!r} has no version {version!r} (saved: {known})")
        folder = self._index_path(list_id).parent
        entries = self._load(folder / f"{version}.jsonl", entry_from_dict)
        problems = self._load(folder / "problems" / f"{version}.jsonl", problem_from_dict)
        watchlist = watchlist_from_dict(records[version]["watchlist"])
        return WatchlistVersion(watchlist, tuple(entries), tuple(problems))

    @staticmethod
    def _load(path: Path, read: Callable[[dict[str, Any]], T]) -> list[T]:
        items = []
        for line, value in _read_lines(path):
            try:
                items.append(read(value))
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                message = f"not a saved record ({err!r})"
                raise ParseError(message, file=str(path), segment=line) from err
        return items

    def save(self, version: WatchlistVersion) -> WatchlistDiff:
        """Keep a new version of its list and return what changed since the latest one.
        Raises ``ConfigurationError`` when the version id is missing, unusable in a file name,
        or already saved."""
        list_id, version_id = version.watchlist.id, version.watchlist.version
        folder = self._index_path(list_id).parent
        _safe("version", version_id)
        index = self._index(list_id)
        if version_id in {v["version"] for v in index["versions"]}:
            raise ConfigurationError(
                f"list {list_id!r} already has version {version_id!r}: "
                "saved versions never change, choose another"
            )
        previous = self.latest(list_id) or WatchlistVersion(Watchlist(list_id, ""), ())
        _write(
            folder / f"{version_id}.jsonl", (dumps_line(entry_to_dict(e)) for e in version.entries)
        )
        _write(
            folder / "problems" / f"{version_id}.jsonl",
            (dumps_line(problem_to_dict(p)) for p in version.problems),
        )
        record = {
            "version": version_id,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "entries": len(version.entries),
            "problems": len(version.problems),
            "watchlist": watchlist_to_dict(version.watchlist),
        }
        index = {"watchlist": record["watchlist"], "versions": [*index["versions"], record]}
        _write(folder / "list.json", [json.dumps(index, ensure_ascii=False, indent=2)])
        return diff(previous, version)
