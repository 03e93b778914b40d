"""Settings an admin changes at run time, such as the two-person rule for recommendations.

Each known setting has a type and a default; an unknown key or a value of the wrong type is
refused. Every change is audited with the old and new values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from preboard.service.errors import InvalidValueError
from preboard.service.trail import record
from preboard.storage import Database, get_setting, set_setting
from preboard.users import Principal, now_utc

__all__ = ["KNOWN", "REQUIRE_APPROVAL", "SettingView", "change_setting", "read_settings"]

REQUIRE_APPROVAL = "recommendations.require_approval"
"""When true, a no-board recommendation goes to the carrier only after a supervisor (another
person than the officer who made it) approves it."""

KNOWN: dict[str, tuple[type, Any, str]] = {
    REQUIRE_APPROVAL: (
        bool,
        False,
        "no-board recommendations need a second person's (a supervisor's) approval",
    ),
}


@dataclass(frozen=True, slots=True)
class SettingView:
    """A setting, its value and what it means."""

    key: str
    value: Any
    description: str


def setting(session: Session, key: str) -> Any:
    """The value of a known setting (its default when never set)."""
    kind, default, _ = KNOWN[key]
    value = get_setting(session, key, default)
    return value if isinstance(value, kind) else default


def read_settings(database: Database) -> list[SettingView]:
    """Every known setting with its current value."""
    with database.session() as session:
        return [SettingView(key, setting(session, key), KNOWN[key][2]) for key in sorted(KNOWN)]


def change_setting(database: Database, principal: Principal, key: str, value: Any) -> SettingView:
    """Set a known setting; ``InvalidValueError`` for an unknown key or a wrong type."""
    if key not in KNOWN:
        raise InvalidValueError(f"no setting {key!r}", {"known": sorted(KNOWN)})
    kind, _, description = KNOWN[key]
    if not isinstance(value, kind):
        raise InvalidValueError(f"{key} takes a {kind.__name__}")
    with database.write() as session:
        before = setting(session, key)
        set_setting(session, key, value, by=principal.actor, now=now_utc())
        record(session, principal, "setting.change", f"setting:{key}", before=before, after=value)
    return SettingView(key, value, description)
