"""``preboard tokens add|revoke``: machine tokens (intake, carrier) and personal tokens.

    preboard tokens add NAME --role intake
    preboard tokens add NAME --role carrier --carrier AA
    preboard tokens add [NAME] --user USER          # acts as USER, with USER's role

``add`` prints the token on stdout and nothing else: it is shown this once and stored only as
a digest. Issuing and revoking are recorded in the audit log (with the token's prefix, never
the token).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from preboard.audit import append
from preboard.cli.audit import DatabaseOption, cli_actor, open_db, reported
from preboard.errors import ConfigurationError, NotFoundError
from preboard.storage import SqlAccessStore, SqlAuditStore
from preboard.users import IssuedToken, TokenKind, TokenRecord, issue_token, revoke_token

__all__ = ["add_command", "app", "revoke_command"]

app = typer.Typer(help="Issue and revoke access tokens.", no_args_is_help=True)


class MachineRole(StrEnum):
    """The roles a machine token can have."""

    INTAKE = "intake"
    CARRIER = "carrier"


def _issue(
    store: SqlAccessStore,
    name: str | None,
    role: MachineRole | None,
    carrier: str | None,
    user: str | None,
) -> tuple[IssuedToken, TokenRecord]:
    if user is None:
        if role is None or name is None:
            raise ConfigurationError("give NAME --role intake|carrier, or --user USER")
        kind = TokenKind(role.value)
        return issue_token(store, kind, name=name, carrier=carrier, created_by=cli_actor())
    if role is not None or carrier is not None:
        raise ConfigurationError("--user goes alone: a personal token has its user's role")
    record = store.user_by_name(user)
    if record is None:
        raise NotFoundError(f"no user called {user!r}")
    return issue_token(store, TokenKind.PERSONAL, name=name, user=record, created_by=cli_actor())


@app.command("add")
def add_command(
    name: Annotated[str | None, typer.Argument(help="the token's name")] = None,
    role: Annotated[MachineRole | None, typer.Option("--role", help="a machine token")] = None,
    carrier: Annotated[
        str | None, typer.Option("--carrier", help="carrier code of a carrier token")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="a personal token of USER")] = None,
    database: DatabaseOption = None,
) -> None:
    """Issue a token and print it (only this once)."""
    with reported():
        db = open_db(database)
        try:
            with db.write() as session:
                store = SqlAccessStore(session)
                issued, token = _issue(store, name, role, carrier, user)
                detail = {
                    "kind": token.kind.value,
                    "carrier": token.carrier,
                    "user_id": token.user_id,
                    "prefix": token.prefix,
                }
                append(
                    SqlAuditStore(session), cli_actor(), "tokens.add", f"token:{token.name}", detail
                )
        finally:
            db.dispose()
    typer.echo(issued.secret)


@app.command("revoke")
def revoke_command(
    name: Annotated[str, typer.Argument(help="the token's name")],
    database: DatabaseOption = None,
) -> None:
    """Revoke a token: it stops working at once."""
    with reported():
        db = open_db(database)
        try:
            with db.write() as session:
                token = revoke_token(SqlAccessStore(session), name)
                detail = {"kind": token.kind.value, "prefix": token.prefix}
                append(
                    SqlAuditStore(session),
                    cli_actor(),
                    "tokens.revoke",
                    f"token:{token.name}",
                    detail,
                )
        finally:
            db.dispose()
