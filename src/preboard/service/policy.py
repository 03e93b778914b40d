"""Settings an admin changes at run time, such as the two-person rule for recommendations.

Each known setting has a type and a default, and some a check of their own (``CHECKS``:
webhook URLs must be https, or http to this machine only); an unknown key or a value of the
wrong type is refused. Every change is audited with the old and new values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from preboard.service.errors import InvalidValueError
from preboard.service.trail import record
from preboard.storage import Database, get_setting, set_setting
from preboard.users import Principal, now_utc

__all__ = [
    "CARRIER_WEBHOOKS",
    "CHECKS",
    "KNOWN",
    "REQUIRE_APPROVAL",
    "SettingView",
    "change_setting",
    "check_webhooks",
    "read_settings",
]

REQUIRE_APPROVAL = "recommendations.require_approval"
"""When true, a no-board recommendation goes to the carrier only after a supervisor (another
person than the officer who made it) approves it."""

CARRIER_WEBHOOKS = "carrier.webhooks"
"""Airline code to the URL its recommendations are pushed to (``service.webhooks``), for
example ``{"AM": "https://api.example-air.com/preboard"}``; a carrier not named gets none."""

KNOWN: dict[str, tuple[type, Any, str]] = {
    REQUIRE_APPROVAL: (
        bool,
        False,
        "no-board recommendations need a second person's (a supervisor's) approval",
    ),
    CARRIER_WEBHOOKS: (
        dict,
        {},
        "carriers' webhook URLs by airline code (https; http only to 127.0.0.1 or localhost)",
    ),
}

_CARRIER = re.compile(r"^[A-Z0-9]{2,3}$")
_LOCAL = frozenset({"127.0.0.1", "localhost", "::1"})


def _webhook_url(carrier: str, url: object) -> str:
    if not isinstance(url, str) or len(url) > 500:
        raise InvalidValueError(f"the webhook of {carrier} must be a URL of at most 500 characters")
    parts = urlsplit(url.strip())
    local = parts.scheme == "http" and parts.hostname in _LOCAL
    if not (parts.scheme == "https" or local) or not parts.hostname:
        raise InvalidValueError(
            f"the webhook of {carrier} must be an https URL (http only to 127.0.0.1 or localhost)"
        )
    if parts.username or parts.password or parts.fragment:
        raise InvalidValueError(f"the webhook of {carrier} may carry no credentials or fragment")
    return url.strip()


def check_webhooks(value: dict[str, Any]) -> dict[str, str]:
    """``value`` with upper-case airline codes and checked URLs; ``InvalidValueError``
    otherwise."""
    checked = {}
    for code, url in value.items():
        carrier = str(code).strip().upper()
        if not _CARRIER.match(carrier):
            raise InvalidValueError(f"{code!r} is not an airline code (2 or 3 letters or digits)")
        checked[carrier] = _webhook_url(carrier, url)
    return checked


CHECKS: dict[str, Callable[[Any], Any]] = {CARRIER_WEBHOOKS: check_webhooks}


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
    if (check := CHECKS.get(key)) is not None:
        value = check(value)
    with database.write() as session:
        before = setting(session, key)
        set_setting(session, key, value, by=principal.actor, now=now_utc())
        record(session, principal, "setting.change", f"setting:{key}", before=before, after=value)
    return SettingView(key, value, description)
