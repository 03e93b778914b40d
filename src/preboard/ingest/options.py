"""Options every reader takes, and the keyed fingerprint used for cards and other secrets."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

DEVELOPMENT_KEY = b"preboard-development-fingerprint-key"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read messages.

    ``fingerprint_key`` keys the hash that replaces card numbers (a plain hash of a 16-digit
    number can be reversed by trying them all). ``today`` overrides the date two-digit years are
    read against when a message does not say when it was prepared.
    """

    fingerprint_key: bytes = DEVELOPMENT_KEY
    today: dt.date | None = None


def fingerprint(value: str, key: bytes) -> str:
    """A short keyed hash of ``value`` with spaces and dashes removed, upper-cased."""
    cleaned = "".join(ch for ch in value.upper() if ch not in " -").encode()
    return hmac.new(key, cleaned, hashlib.sha256).hexdigest()[:24]
