"""``preboard audit verify``: a one-line summary and status 0, or each problem and status 1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import structlog
from typer.testing import CliRunner

from preboard.audit import append
from preboard.cli import audit
from preboard.logging import configure_logging
from preboard.settings import Settings
from preboard.storage import Database, SqlAuditStore
from tests.audit.tampering import tamper


@pytest.fixture(autouse=True)
def _logs_to_stderr() -> Iterator[None]:
    configure_logging(Settings(log_level="info"))
    yield
    structlog.reset_defaults()


def verify_cli(database: Database) -> tuple[int, str]:
    result = CliRunner().invoke(audit.app, ["verify", "--database", database.url])
    return result.exit_code, result.stdout


def test_verify_on_an_intact_log(database: Database) -> None:
    with database.write() as session:
        for i in range(3):
            append(SqlAuditStore(session), "user:ana", "traveller.view", f"traveller:{i}")
    code, out = verify_cli(database)
    assert code == 0
    assert out.startswith("audit chain holds: 3 records, head ") and out.count("\n") == 1
    code, out = verify_cli(database)  # the first verification was itself recorded
    assert code == 0 and out.startswith("audit chain holds: 4 records")


def test_verify_lists_each_problem(database: Database) -> None:
    with database.write() as session:
        for i in range(4):
            append(SqlAuditStore(session), "user:ana", "traveller.view", f"traveller:{i}")
    tamper(
        database,
        "UPDATE audit_records SET actor = 'user:eve' WHERE seq = 1",
        "DELETE FROM audit_records WHERE seq = 3",
    )
    code, out = verify_cli(database)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "audit chain broken: 2 problems in 3 records"
    assert (
        lines[1] == "  record 1: altered: its contents do not match its hash: a field was changed"
    )
    assert lines[2] == "  record 4: removed: records 3 missing"


def test_verify_on_a_new_database_migrates_it(database_url: str) -> None:
    result = CliRunner().invoke(audit.app, ["verify", "--database", database_url])
    assert result.exit_code == 0
    assert result.stdout.startswith("audit chain holds: 0 records")
