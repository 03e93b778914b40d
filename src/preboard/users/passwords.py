"""The password policy and argon2id password hashes.

Policy: at least 12 characters; not made of a single class of characters (only lower-case
letters, only digits, …); not the user name, nor containing it. Every rule broken is reported
at once, in words a user can act on. Hashes are argon2id with argon2-cffi's defaults (RFC 9106
low-memory profile); verification takes its parameters from the stored hash, so raising the
cost later only needs ``needs_rehash`` at the next login.
"""

from __future__ import annotations

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from preboard.users.errors import PasswordPolicyError

__all__ = [
    "DEFAULT_HASHER",
    "MIN_LENGTH",
    "check_password",
    "hash_password",
    "needs_rehash",
    "password_problems",
    "verify_password",
]

MIN_LENGTH = 12
DEFAULT_HASHER = argon2.PasswordHasher()

_CLASSES = (
    ("lower-case letters", str.islower),
    ("upper-case letters", str.isupper),
    ("digits", str.isdigit),
)


def _single_class(password: str) -> str | None:
    for label, test in _CLASSES:
        if all(test(c) for c in password):
            return label
    if not any(c.isalnum() for c in password):
        return "symbols"
    return None


def password_problems(password: str, user_name: str) -> list[str]:
    """Every policy rule ``password`` breaks for ``user_name``, as sentences; empty when the
    password is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"it has {len(password)} characters, at least {MIN_LENGTH} are needed")
    if password and (label := _single_class(password)):
        problems.append(f"it is made only of {label} (mix in other letters, digits or symbols)")
    name = user_name.strip().casefold()
    if name and name in password.casefold():
        problems.append("it contains the user name")
    if password != password.strip():
        problems.append("it starts or ends with a space")
    return problems


def check_password(password: str, user_name: str) -> None:
    """Raise ``PasswordPolicyError`` listing every rule ``password`` breaks."""
    if problems := password_problems(password, user_name):
        raise PasswordPolicyError(problems)


def hash_password(password: str, hasher: argon2.PasswordHasher = DEFAULT_HASHER) -> str:
    """The argon2id hash of ``password`` (PHC string format, salt included)."""
    return hasher.hash(password)


def verify_password(
    stored: str, password: str, hasher: argon2.PasswordHasher = DEFAULT_HASHER
) -> bool:
    """Whether ``password`` matches the stored hash; a malformed hash never matches."""
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str, hasher: argon2.PasswordHasher = DEFAULT_HASHER) -> bool:
    """Whether the stored hash was made with weaker parameters than ``hasher``'s."""
    try:
        return hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return True
