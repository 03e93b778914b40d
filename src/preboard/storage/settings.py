"""Settings an admin changes at run time (for example the two-person rule), as JSON values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from preboard.storage.tables import SettingRow

__all__ = ["get_setting", "set_setting"]


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    """The stored value of ``key``, or ``default``."""
    row = session.get(SettingRow, key)
    return row.value if row is not None else default


def set_setting(session: Session, key: str, value: Any, *, by: str, now: dt.datetime) -> None:
    """Store ``value`` under ``key`` (the caller audits the change)."""
    row = session.get(SettingRow, key)
    if row is None:
        row = SettingRow(key=key)
        session.add(row)
    row.value = value
    row.updated_at = now
    row.updated_by = by
    session.flush()
