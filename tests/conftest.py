"""Shared test fixtures.

- ``samples``: the folder of real messages written by others, ``../shared/samples`` beside the
  checkout. Conformance tests use it and skip, saying why, when it is absent; its files are
  never copied into this repository.
- ``tests/fixtures/<format>/``: small messages written by us for this project, each described
  by a comment or a line in the README of its folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT.parent / "shared" / "samples"
pytest_plugins = ["tests.pg"]  # database_url, database, postgres_server: see tests/pg.py


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(
            f"real samples not found at {SAMPLES}: the conformance suite reads messages written "
            "by others from ../shared/samples beside the checkout and does not ship them"
        )
    return SAMPLES


# CI runs a fixed, derandomized set of examples so a submission cannot fail on a draw that a
# developer never saw; developers' runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
