"""Watchlist loaders for the formats lists come in: FollowTheMoney JSON lines (OpenSanctions),
the UN Security Council consolidated XML, and CSV.

Each ``load_*(data, source, watchlist)`` returns a ``WatchlistVersion`` whose problems name the
line (or record) and reason of every value or row it could not use; none raises for bad
content. ``load_watchlist`` reads a file and picks the loader by what the file starts with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from preboard.errors import ConfigurationError, NotFoundError
from preboard.watchlist.loaders.csv_list import load_csv
from preboard.watchlist.loaders.ftm import load_ftm
from preboard.watchlist.loaders.un_xml import load_un_xml
from preboard.watchlist.model import Watchlist, WatchlistVersion

__all__ = ["detect_format", "load_bytes", "load_csv", "load_ftm", "load_un_xml", "load_watchlist"]

Loader = Callable[[bytes, str, Watchlist], WatchlistVersion]
_LOADERS: dict[str, Loader] = {"ftm": load_ftm, "un_xml": load_un_xml, "csv": load_csv}
_FIRST = re.compile(rb"\S")


def detect_format(data: bytes) -> str:
    """``ftm`` for JSON lines (the first character is ``{``), ``un_xml`` for XML (``<``), else
    ``csv``; a byte order mark and leading white space are ignored."""
    first = _FIRST.search(data, 3 if data.startswith(b"\xef\xbb\xbf") else 0)
    head = first.group() if first else b""
    return "ftm" if head == b"{" else "un_xml" if head == b"<" else "csv"


def load_bytes(data: bytes, source: str, watchlist: Watchlist) -> WatchlistVersion:
    """Load a list from its content with the loader its first character calls for."""
    return _LOADERS[detect_format(data)](data, source, watchlist)


def load_watchlist(path: Path, watchlist: Watchlist) -> WatchlistVersion:
    """Read ``path`` and load it (see ``detect_format``). Raises ``NotFoundError`` when the file
    does not exist and ``ConfigurationError`` when it cannot be read; bad content is reported
    on the version, never raised."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise NotFoundError(f"{path}: no such file") from err
    except OSError as err:
        raise ConfigurationError(f"{path}: cannot be read ({err.strerror or err})") from err
    return load_bytes(data, str(path), watchlist)
