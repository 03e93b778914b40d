"""Watchlists: the model, loaders for real formats, and versions with their differences."""

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

__all__ = [
    "BirthDate",
    "EntryDocument",
    "EntryName",
    "ListKind",
    "NameKind",
    "Watchlist",
    "WatchlistEntry",
    "WatchlistVersion",
]
