"""Fixtures for the synthetic benchmark tests: one small screening set built once per session
(seed 7, 1,600 entries, 40 variants per kind), shared because building it takes a moment."""

from __future__ import annotations

import pytest

from preboard.synthetic import ScreeningSet, make_screening_set


@pytest.fixture(scope="session")
def small_set() -> ScreeningSet:
    return make_screening_set(7, list_size=1_600, variants_per_kind=40, hard_negatives=90)
