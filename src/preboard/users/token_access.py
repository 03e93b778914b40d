"""Issue, check and revoke access tokens (see ``tokens`` for what a token is)."""

from __future__ import annotations

import datetime as dt

import structlog

from preboard.errors import ConfigurationError, NotFoundError
from preboard.users.access import Principal, now_utc, valid_name
from preboard.users.errors import AuthenticationError, NameTakenError
from preboard.users.roles import Role
from preboard.users.store import AccessStore, NewToken, TokenRecord, UserRecord
from preboard.users.tokens import IssuedToken, TokenKind, carrier_code, hash_token, new_token

__all__ = ["TOUCH_EVERY", "authenticate_token", "issue_token", "revoke_token"]

log = structlog.get_logger(__name__)
TOUCH_EVERY = dt.timedelta(minutes=1)  # last_used_at is written at most this often


def issue_token(
    store: AccessStore,
    kind: TokenKind,
    *,
    name: str | None = None,
    carrier: str | None = None,
    user: UserRecord | None = None,
    created_by: str = "",
) -> tuple[IssuedToken, TokenRecord]:
    """Store a new token and return it with its secret, which is never stored and must be
    shown once. ``carrier`` tokens need a carrier code, ``personal`` ones a user; a personal
    token without a name is called ``USER-PREFIX``."""
    if (kind is TokenKind.CARRIER) != (carrier is not None):
        raise ConfigurationError("a carrier code goes with, and only with, a carrier token")
    if (kind is TokenKind.PERSONAL) != (user is not None):
        raise ConfigurationError("a user goes with, and only with, a personal token")
    issued = new_token()
    if name is None and user is not None:
        name = f"{user.name}-{issued.prefix.removeprefix('pb_')}"
    token_name = valid_name(name or "", "token")
    if store.token_by_name(token_name) is not None:
        raise NameTakenError(f"token {token_name!r} already exists")
    record = store.add_token(
        NewToken(
            name=token_name,
            kind=kind,
            digest=issued.digest,
            prefix=issued.prefix,
            carrier=carrier_code(carrier) if carrier is not None else None,
            user_id=user.id if user is not None else None,
            created_by=created_by,
        ),
        now_utc(),
    )
    log.info("tokens.issued", token=record.name, kind=kind.value, prefix=record.prefix)
    return issued, record


def _principal(store: AccessStore, token: TokenRecord) -> Principal | None:
    if token.kind is TokenKind.PERSONAL:
        user = store.user_by_id(token.user_id) if token.user_id is not None else None
        if user is None or not user.active:
            return None
        return Principal(user.name, user.role, user_id=user.id, token_id=token.id)
    role = Role.CARRIER if token.kind is TokenKind.CARRIER else Role.INTAKE
    return Principal(token.name, role, token_id=token.id, carrier=token.carrier)


def authenticate_token(
    store: AccessStore, secret: str, *, now: dt.datetime | None = None
) -> Principal:
    """The principal a token acts as: its user with the user's current role (personal), the
    carrier it is scoped to, or intake. ``AuthenticationError`` for an unknown or revoked
    token, or a personal token whose user is gone or inactive."""
    now = now or now_utc()
    token = store.token_by_digest(hash_token(secret))
    principal = _principal(store, token) if token and not token.revoked else None
    if token is None or principal is None:
        log.info("tokens.refused", known=token is not None)
        raise AuthenticationError("unknown or revoked token")
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        store.touch_token(token.id, now)
    return principal


def revoke_token(store: AccessStore, name: str) -> TokenRecord:
    """Revoke the token called ``name``; ``NotFoundError`` when there is none."""
    token = store.token_by_name(name.strip())
    if token is None:
        raise NotFoundError(f"no token called {name!r}")
    if not token.revoked:
        store.revoke_token(token.id, now_utc())
        log.info("tokens.revoked", token=token.name)
    return token
