"""Access tokens: random secrets shown once and stored only as a SHA-256 digest.

A token is ``pb_`` followed by 43 URL-safe characters from ``secrets`` (256 random bits). It is
printed once when issued; the database keeps its SHA-256 digest and an 8-character prefix to
tell tokens apart in lists. SHA-256 rather than a slow password hash is enough here: a slow
hash protects *guessable* secrets against brute force, and a 256-bit random token cannot be
guessed, so a leaked table gives nothing usable; a fast digest also lets every API request find
its token by an indexed equality lookup instead of trying each stored hash in turn.

Kinds: ``intake`` posts messages; ``carrier`` acts for one carrier's flights (its IATA or ICAO
code); ``personal`` acts as its user, with that user's role at the time of each request.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from preboard.errors import ConfigurationError

__all__ = [
    "PREFIX_LENGTH",
    "IssuedToken",
    "TokenKind",
    "carrier_code",
    "hash_token",
    "new_token",
]

_MARK = "pb_"
PREFIX_LENGTH = 8
_CARRIER = re.compile(r"^[A-Z0-9]{2,3}$")


class TokenKind(StrEnum):
    """What a token is for."""

    INTAKE = "intake"
    CARRIER = "carrier"
    PERSONAL = "personal"


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token: the ``secret`` to show once, and what is stored (``digest``, ``prefix``)."""

    secret: str
    digest: str
    prefix: str

    def __repr__(self) -> str:  # never let the secret reach a log or a traceback
        return f"IssuedToken(prefix={self.prefix!r})"


def hash_token(secret: str) -> str:
    """The SHA-256 hex digest under which ``secret`` is stored and looked up."""
    return hashlib.sha256(secret.strip().encode("utf-8")).hexdigest()


def new_token() -> IssuedToken:
    """A fresh random token with its digest and display prefix."""
    secret = _MARK + secrets.token_urlsafe(32)
    return IssuedToken(secret, hash_token(secret), secret[: len(_MARK) + PREFIX_LENGTH])


def carrier_code(code: str) -> str:
    """A carrier's IATA (2) or ICAO (3) code, upper-cased; ``ConfigurationError`` otherwise."""
    value = code.strip().upper()
    if not _CARRIER.match(value):
        raise ConfigurationError(f"not a carrier code: {code!r} (2 or 3 letters or digits)")
    return value
