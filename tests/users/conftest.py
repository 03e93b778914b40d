"""Fixtures for the users tests: a cheap argon2 hasher, so lockout tests run in milliseconds
(verification reads its parameters from the hash, so behaviour is the same)."""

from __future__ import annotations

import argon2
import pytest


@pytest.fixture
def hasher() -> argon2.PasswordHasher:
    return argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
