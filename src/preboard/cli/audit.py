"""``preboard audit verify``: check that no audit record was altered, removed or inserted.

Exit status 0 with a one-line summary when the chain holds; 1 with the summary and each problem
(one per line) when it does not. The verification itself is recorded in the log. This module
also holds what the commands that change stored state share: the ``--database`` option, opening
(and migrating) the database, and the actor name of the person at the command line.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.text import Text

from preboard.audit import append, verify
from preboard.cli.render import console
from preboard.errors import PreboardError
from preboard.settings import Settings
from preboard.storage import Database, SqlAuditStore, open_database

__all__ = ["DatabaseOption", "app", "cli_actor", "open_db", "reported", "verify_command"]

app = typer.Typer(help="Check the hash-chained audit log.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    # A group even with one command, so ``add``/``verify`` is always named, as under preboard.
    pass


DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        metavar="URL",
        help="sqlite:///PATH or postgresql://... (default: preboard.db under the data_dir "
        "setting); migrated to the newest schema on first use",
    ),
]


def open_db(url: str | None) -> Database:
    """The database at ``url`` (default: the SQLite file under the data_dir setting)."""
    return open_database(url, Settings())


def cli_actor() -> str:
    """How the audit log names the person at the command line: ``cli:<OS user>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in the environment nor the password database
        return "cli:unknown"


@contextmanager
def reported() -> Iterator[None]:
    """Turn preboard's errors into one ``error:`` line on stderr and exit status 1."""
    try:
        yield
    except PreboardError as err:
        console(stderr=True).print(Text(f"error: {err.detail}", "bold red"))
        raise typer.Exit(1) from None


@app.command("verify")
def verify_command(database: DatabaseOption = None) -> None:
    """Verify the whole audit chain: every record's hash, every link, and the head."""
    with reported():
        db = open_db(database)
        try:
            with db.snapshot() as session:
                result = verify(SqlAuditStore(session))
            detail = {"records": result.records, "problems": len(result.problems)}
            with db.write() as session:
                append(SqlAuditStore(session), cli_actor(), "audit.verify", "audit", detail)
        finally:
            db.dispose()
    typer.echo(result.summary())
    for problem in result.problems:
        typer.echo(f"  {problem}")
    if not result.ok:
        raise typer.Exit(1)
