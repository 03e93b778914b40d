"""The password policy (every broken rule in words) and argon2id hashes."""

from __future__ import annotations

import argon2
import pytest

from preboard.users import PasswordPolicyError, check_password, password_problems
from preboard.users.passwords import hash_password, needs_rehash, verify_password


def test_a_good_password_passes() -> None:
    assert password_problems("Tulum-Sunrise-7", "ana") == []


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Short-1", "it has 7 characters, at least 12 are needed"),
        ("abcdefghijklmn", "made only of lower-case letters"),
        ("ABCDEFGHIJKLMN", "made only of upper-case letters"),
        ("12345678901234", "made only of digits"),
        ("!!!!----????##", "made only of symbols"),
        ("my-ana.garcia-2026", "contains the user name"),
        (" Tulum-Sunrise-7", "starts or ends with a space"),
    ],
)
def test_each_rule_says_what_is_wrong(password: str, expected: str) -> None:
    problems = password_problems(password, "ana.garcia")
    assert any(expected in p for p in problems), problems


def test_every_broken_rule_is_reported_at_once() -> None:
    with pytest.raises(PasswordPolicyError) as caught:
        check_password("anaana", "ana")
    assert len(caught.value.reasons) == 3
    assert caught.value.status == 422
    assert caught.value.detail.startswith("password refused: it has 6 characters")


def test_user_name_check_ignores_case() -> None:
    assert password_problems("x-ANA.GARCIA-7", "ana.garcia") == ["it contains the user name"]


def test_argon2id_hash_verifies_and_rejects(hasher: argon2.PasswordHasher) -> None:
    stored = hash_password("Tulum-Sunrise-7", hasher)
    assert stored.startswith("$argon2id$")
    assert "Tulum" not in stored
    assert verify_password(stored, "Tulum-Sunrise-7", hasher)
    assert not verify_password(stored, "Tulum-Sunrise-8", hasher)
    assert not verify_password("not a hash", "Tulum-Sunrise-7", hasher)
    assert hash_password("Tulum-Sunrise-7", hasher) != stored  # salted


def test_weaker_hashes_need_rehash(hasher: argon2.PasswordHasher) -> None:
    weak = hash_password("Tulum-Sunrise-7", hasher)
    assert needs_rehash(weak)  # against the default (stronger) parameters
    assert not needs_rehash(weak, hasher)
