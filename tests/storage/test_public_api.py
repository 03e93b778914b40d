"""The public API of storage, users and audit; the core packages stay free of the database."""

from __future__ import annotations

import subprocess
import sys

import pytest

import preboard.audit
import preboard.storage
import preboard.users


@pytest.mark.parametrize("module", [preboard.storage, preboard.users, preboard.audit])
def test_everything_in_all_is_importable(module: object) -> None:
    names = module.__all__  # type: ignore[attr-defined]
    assert names and all(hasattr(module, name) for name in names)


def test_users_and_audit_do_not_import_a_database_driver() -> None:
    drivers = "('sqlalchemy', 'psycopg', 'sqlite3', 'alembic')"
    code = (
        "import sys, preboard.users, preboard.audit; "
        f"print(sorted(m for m in {drivers} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
