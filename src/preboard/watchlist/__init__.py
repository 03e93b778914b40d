"""Watchlists: the model, loaders for real formats, and versions with their differences.

The loaders live in ``preboard.watchlist.loaders`` (not imported here: FollowTheMoney takes
about half a second to import).
"""

from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    ListKind,
    NameKind,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
)
from preboard.watchlist.versions import (
    EntryChange,
    FieldChange,
    VersionStore,
    WatchlistDiff,
    diff,
)

__all__ = [
    "BirthDate",
    "EntryChange",
    "EntryDocument",
    "EntryName",
    "FieldChange",
    "ListKind",
    "NameKind",
    "VersionStore",
    "Watchlist",
    "WatchlistDiff",
    "WatchlistEntry",
    "WatchlistVersion",
    "diff",
]
