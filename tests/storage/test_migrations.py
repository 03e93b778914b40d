"""Migrations from an empty database, on SQLite and PostgreSQL; engine settings; errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from preboard.errors import ConfigurationError
from preboard.settings import Settings
from preboard.storage import (
    Database,
    StorageUnavailable,
    current_revision,
    default_url,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from preboard.storage.migrate import MIGRATIONS, alembic_config
from preboard.storage.tables import Base

TABLES = {
    "messages",
    "message_flights",
    "flights",
    "travellers",
    "hits",
    "decisions",
    "notes",
    "recommendations",
    "users",
    "tokens",
    "settings",
    "audit_records",
    "audit_head",
}


def test_upgrade_from_empty_creates_every_table_at_head(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)  # a second run is a no-op
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= TABLES
            assert current_revision(conn) == head_revision()
            head = conn.execute(text("SELECT seq, hash FROM audit_head")).one()
            assert (head.seq, head.hash) == (0, "0" * 64)
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_orm_tables(database_url: str) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    upgrade(database_url)


def test_migrations_ship_inside_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert sorted(p.name for p in (MIGRATIONS / "versions").glob("0*.py")) == [
        "0001_initial_schema.py",
        "0002_audit_log.py",
        "0003_message_flights.py",
        "0004_sessions_webhooks.py",
    ]


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = Database.connect(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with db.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    finally:
        db.dispose()


def test_default_database_is_a_sqlite_file_under_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    assert default_url(settings) == f"sqlite:///{tmp_path / 'var' / 'preboard.db'}"
    db = open_database(None, settings)
    db.dispose()
    assert (tmp_path / "var" / "preboard.db").is_file()


def test_unreachable_postgresql_is_storage_unavailable_with_the_password_hidden() -> None:
    url = "postgresql://ana:secret-pw@127.0.0.1:1/preboard?connect_timeout=2"
    with pytest.raises(StorageUnavailable) as caught:
        upgrade(url)
    assert caught.value.status == 503
    assert "secret-pw" not in caught.value.detail
    db = Database.connect(url)
    with pytest.raises(StorageUnavailable), db.session() as session:
        session.execute(text("SELECT 1"))


def test_sqlite_file_that_cannot_be_opened_is_storage_unavailable(tmp_path: Path) -> None:
    (tmp_path / "a-folder.db").mkdir()
    with pytest.raises(StorageUnavailable, match="unable to open"):
        upgrade(f"sqlite:///{tmp_path / 'a-folder.db'}")


def test_bad_sql_is_not_mistaken_for_an_unavailable_database(tmp_path: Path) -> None:
    db = Database.connect(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(Exception) as caught, db.session() as session:
            session.execute(text("SELECT * FROM no_such_table"))
        assert not isinstance(caught.value, StorageUnavailable)
    finally:
        db.dispose()


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url"])
def test_other_databases_are_refused(url: str) -> None:
    with pytest.raises(ConfigurationError):
        make_engine(url)
