"""``preboard users add NAME --role ROLE``: add a person who logs in.

The password is read from standard input (one line; asked twice, hidden, at a terminal) and
must pass the password policy; every rule it breaks is listed. Prints nothing on success; the
addition is recorded in the audit log (never the password).
"""

from __future__ import annotations

import getpass
import sys
from enum import StrEnum
from typing import Annotated

import typer

from preboard.audit import append
from preboard.cli.audit import DatabaseOption, cli_actor, open_db, reported
from preboard.errors import ConfigurationError
from preboard.storage import SqlAccessStore, SqlAuditStore
from preboard.users import Role, create_user

__all__ = ["PersonRole", "add_command", "app", "read_password"]

app = typer.Typer(help="Manage the people who log in.", no_args_is_help=True)


class PersonRole(StrEnum):
    """The roles a person logs in with (carrier and intake are token roles)."""

    OFFICER = Role.OFFICER.value
    SUPERVISOR = Role.SUPERVISOR.value
    ANALYST = Role.ANALYST.value
    AUDITOR = Role.AUDITOR.value
    ADMIN = Role.ADMIN.value


@app.callback()
def _group() -> None:
    # A group even with one command, so ``add``/``verify`` is always named, as under preboard.
    pass


def read_password() -> str:
    """The new password: asked twice without echo at a terminal, else the first line of
    standard input (its line break removed)."""
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise ConfigurationError("the two passwords differ")
        return first
    line = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    if not line:
        raise ConfigurationError("no password on standard input")
    return line


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="login name (letters, digits, . _ @ -)")],
    role: Annotated[PersonRole, typer.Option("--role", help="the person's role")],
    database: DatabaseOption = None,
) -> None:
    """Add a user; the password comes from standard input."""
    with reported():
        password = read_password()
        db = open_db(database)
        try:
            with db.write() as session:
                user = create_user(SqlAccessStore(session), name, Role(role.value), password)
                detail = {"role": user.role.value}
                append(
                    SqlAuditStore(session), cli_actor(), "users.add", f"user:{user.name}", detail
                )
        finally:
            db.dispose()
