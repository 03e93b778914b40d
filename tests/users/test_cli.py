"""``preboard users add`` and ``preboard tokens add|revoke`` (the typer sub-apps), on both
databases: what they print, what they refuse, and what they leave in the audit log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import structlog
import typer
from click.testing import Result
from sqlalchemy import select
from typer.testing import CliRunner

from preboard.cli import tokens, users
from preboard.logging import configure_logging
from preboard.settings import Settings
from preboard.storage import Database, SqlAccessStore
from preboard.storage.tables import AuditRecordRow
from preboard.users import Role, authenticate_token

PASSWORD = "Tulum-Sunrise-7"


@pytest.fixture(autouse=True)
def _logs_to_stderr() -> Iterator[None]:
    configure_logging(Settings(log_level="info"))  # as the preboard command does
    yield
    structlog.reset_defaults()


def run(app: typer.Typer, *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def trail(url: str) -> list[tuple[str, str, dict[str, object]]]:
    db = Database.connect(url)
    try:
        with db.session() as session:
            rows = session.scalars(select(AuditRecordRow).order_by(AuditRecordRow.seq))
            return [(r.action, r.subject, r.detail) for r in rows]
    finally:
        db.dispose()


def test_users_add_prints_nothing_and_is_audited(database_url: str) -> None:
    result = run(
        users.app,
        "add",
        "Ana",
        "--role",
        "supervisor",
        "--database",
        database_url,
        stdin=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert trail(database_url) == [("users.add", "user:ana", {"role": "supervisor"})]
    assert PASSWORD not in str(trail(database_url))


def test_users_add_refuses_a_weak_password_saying_why(database_url: str) -> None:
    result = run(
        users.app, "add", "ana", "--role", "officer", "--database", database_url, stdin="ana12345\n"
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "it has 8 characters, at least 12 are needed" in result.stderr
    assert "it contains the user name" in result.stderr
    assert trail(database_url) == []


def test_users_add_needs_a_password_and_a_known_role(database_url: str) -> None:
    empty = run(users.app, "add", "ana", "--role", "officer", "--database", database_url)
    assert empty.exit_code == 1 and "no password on standard input" in empty.stderr
    wrong = run(
        users.app, "add", "ana", "--role", "pilot", "--database", database_url, stdin=PASSWORD
    )
    assert wrong.exit_code == 2


def test_tokens_add_prints_the_token_and_nothing_else(database_url: str) -> None:
    result = run(
        tokens.app,
        "add",
        "aa-api",
        "--role",
        "carrier",
        "--carrier",
        "AA",
        "--database",
        database_url,
    )
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert result.stdout == secret + "\n" and secret.startswith("pb_")
    db = Database.connect(database_url)
    try:
        with db.write() as session:
            principal = authenticate_token(SqlAccessStore(session), secret)
    finally:
        db.dispose()
    assert (principal.role, principal.carrier) == (Role.CARRIER, "AA")
    ((action, subject, detail),) = trail(database_url)
    assert (action, subject, detail["kind"], detail["carrier"]) == (
        "tokens.add",
        "token:aa-api",
        "carrier",
        "AA",
    )
    assert secret not in str(detail) and detail["prefix"] == secret[:11]


def test_personal_token_for_a_user(database_url: str) -> None:
    run(users.app, "add", "ana", "--role", "analyst", "--database", database_url, stdin=PASSWORD)
    result = run(tokens.app, "add", "--user", "ana", "--database", database_url)
    assert result.exit_code == 0, result.output
    db = Database.connect(database_url)
    try:
        with db.write() as session:
            principal = authenticate_token(SqlAccessStore(session), result.stdout.strip())
    finally:
        db.dispose()
    assert (principal.name, principal.role) == ("ana", Role.ANALYST)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["feed"], "give NAME --role intake|carrier, or --user USER"),
        (["aa", "--role", "carrier"], "a carrier code goes with"),
        (["feed", "--role", "intake", "--carrier", "AA"], "a carrier code goes with"),
        (["--user", "nobody"], "no user called 'nobody'"),
        (["--user", "ana", "--role", "intake"], "--user goes alone"),
    ],
)
def test_tokens_add_refusals(database_url: str, args: list[str], message: str) -> None:
    result = run(tokens.app, "add", *args, "--database", database_url)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr


def test_tokens_revoke_is_audited(database_url: str) -> None:
    secret = run(
        tokens.app, "add", "feed", "--role", "intake", "--database", database_url
    ).stdout.strip()
    result = run(tokens.app, "revoke", "feed", "--database", database_url)
    assert result.exit_code == 0 and result.stdout == ""
    assert [a for a, _, _ in trail(database_url)] == ["tokens.add", "tokens.revoke"]
    assert secret not in str(trail(database_url))
