"""Tokens: random, shown once, stored as a SHA-256 digest; carrier scope; personal tokens act
with their user's role."""

from __future__ import annotations

import hashlib

import argon2
import pytest
from sqlalchemy import select

from preboard.errors import ConfigurationError, NotFoundError
from preboard.storage import Database, SqlAccessStore
from preboard.storage.tables import TokenRow, UserRow
from preboard.users import (
    AuthenticationError,
    NameTakenError,
    Role,
    TokenKind,
    authenticate_token,
    create_user,
    issue_token,
    new_token,
    revoke_token,
)


def test_tokens_are_random_and_long() -> None:
    tokens = {new_token().secret for _ in range(100)}
    assert len(tokens) == 100
    assert all(t.startswith("pb_") and len(t) == 46 for t in tokens)
    issued = new_token()
    assert issued.secret not in repr(issued)
    assert issued.digest == hashlib.sha256(issued.secret.encode()).hexdigest()


def test_carrier_token_is_stored_hashed_and_scoped_to_its_carrier(database: Database) -> None:
    with database.write() as session:
        issued, record = issue_token(
            SqlAccessStore(session), TokenKind.CARRIER, name="aa-api", carrier="aa"
        )
    with database.session() as session:
        row = session.scalars(select(TokenRow)).one()
        stored = [str(getattr(row, c.key)) for c in TokenRow.__table__.columns]
        assert not any(issued.secret in value for value in stored)
        assert row.digest == hashlib.sha256(issued.secret.encode()).hexdigest()
        assert row.prefix == issued.secret[:11]
    with database.write() as session:
        principal = authenticate_token(SqlAccessStore(session), issued.secret)
    assert (principal.role, principal.carrier, principal.name) == (Role.CARRIER, "AA", "aa-api")
    assert principal.actor == "token:aa-api"
    assert record.carrier == "AA"


def test_intake_token_acts_as_intake(database: Database) -> None:
    with database.write() as session:
        issued, _ = issue_token(SqlAccessStore(session), TokenKind.INTAKE, name="feed")
        principal = authenticate_token(SqlAccessStore(session), issued.secret)
    assert (principal.role, principal.carrier, principal.user_id) == (Role.INTAKE, None, None)


def test_personal_token_acts_with_its_users_current_role(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        store = SqlAccessStore(session)
        user = create_user(store, "ana", Role.OFFICER, "Tulum-Sunrise-7", hasher=hasher)
        issued, record = issue_token(store, TokenKind.PERSONAL, user=user)
        assert record.name.startswith("ana-")
        assert authenticate_token(store, issued.secret).role is Role.OFFICER
        session.get_one(UserRow, user.id).role = Role.SUPERVISOR
        session.flush()
        principal = authenticate_token(store, issued.secret)
    assert (principal.role, principal.user_id, principal.actor) == (
        Role.SUPERVISOR,
        user.id,
        "user:ana",
    )


def test_unknown_revoked_and_orphaned_tokens_are_refused(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        store = SqlAccessStore(session)
        issued, _ = issue_token(store, TokenKind.INTAKE, name="feed")
        user = create_user(store, "ana", Role.OFFICER, "Tulum-Sunrise-7", hasher=hasher)
        personal, _ = issue_token(store, TokenKind.PERSONAL, user=user)
        revoke_token(store, "feed")
        session.get_one(UserRow, user.id).active = False
        session.flush()
        for secret in (issued.secret, personal.secret, new_token().secret):
            with pytest.raises(AuthenticationError, match="unknown or revoked token"):
                authenticate_token(store, secret)


def test_token_rules(database: Database) -> None:
    with database.write() as session:
        store = SqlAccessStore(session)
        with pytest.raises(ConfigurationError, match="carrier code"):
            issue_token(store, TokenKind.CARRIER, name="aa")
        with pytest.raises(ConfigurationError, match="carrier code"):
            issue_token(store, TokenKind.INTAKE, name="feed", carrier="AA")
        with pytest.raises(ConfigurationError, match="not a carrier code"):
            issue_token(store, TokenKind.CARRIER, name="aa", carrier="A-1")
        issue_token(store, TokenKind.INTAKE, name="feed")
        with pytest.raises(NameTakenError):
            issue_token(store, TokenKind.INTAKE, name="feed")
        with pytest.raises(NotFoundError):
            revoke_token(store, "nothing")


def test_last_use_is_recorded(database: Database) -> None:
    with database.write() as session:
        store = SqlAccessStore(session)
        issued, _ = issue_token(store, TokenKind.INTAKE, name="feed")
        authenticate_token(store, issued.secret)
        token = store.token_by_name("feed")
    assert token is not None and token.last_used_at is not None
