"""Shared test fixtures.

- ``samples``: the folder of real messages written by others, ``../shared/samples`` beside the
  checkout. Conformance tests use it and skip, saying why, when it is absent; its files are
  never copied into this repository.
- ``tests/fixtures/<format>/``: small messages written by us for this project, each described
  by a comment or a line in the README of its folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT.parent / "shared" / "samples"


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
