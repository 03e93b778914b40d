"""Fixtures of the document check tests.

- ``docs_fixtures``: ``tests/documents/fixtures/``, small CSV tables written by us and
  described in its README (a lost and stolen list and a visa table, with bad rows on purpose).
- Builders of synthetic travellers, flights and bookings are in ``helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.helpers import FIXTURES


@pytest.fixture
def docs_fixtures() -> Path:
    return FIXTURES
