"""Fixtures of the matching tests. Who is on the list, and why, is described in ``people.py``.

- ``entries``: the synthetic watchlist, the listed people of ``people.LISTED`` first (so their
  positions are their order there), then 300 filler bystanders.
- ``matcher``: a ``Matcher`` over ``entries`` with the released weights, built once a module.
"""

from __future__ import annotations

import pytest

from preboard.matching import Matcher
from preboard.watchlist import WatchlistEntry
from tests.matching.people import watchlist


@pytest.fixture(scope="module")
def entries() -> list[WatchlistEntry]:
    return watchlist()


@pytest.fixture(scope="module")
def matcher(entries: list[WatchlistEntry]) -> Matcher:
    return Matcher.build(entries)
