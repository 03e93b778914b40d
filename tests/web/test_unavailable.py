"""A database that is unavailable gives 503 (with Retry-After) and nothing acknowledged is
lost: what was acknowledged before the outage is screened once it ends, and a message refused
during it is taken when sent again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from preboard.storage import Database, MessageStatus
from preboard.storage.tables import MessageRow
from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import Api


@contextmanager
def outage(database: Database, request: pytest.FixtureRequest) -> Iterator[None]:
    """Make the database unreachable: a SQLite file replaced by a folder, a PostgreSQL
    database closed to connections."""
    url = make_url(database.url)
    if database.dialect == "sqlite":
        path = Path(str(url.database))
        database.dispose()
        path.rename(path.with_suffix(".away"))
        path.mkdir()
        try:
            yield
        finally:
            database.dispose()
            shutil.rmtree(path)
            path.with_suffix(".away").rename(path)
        return
    server = request.getfixturevalue("postgres_server")
    name = url.database
    server.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    server.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    )
    database.dispose()
    try:
        yield
    finally:
        server.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")


def test_an_unavailable_database_gives_503_and_loses_nothing_acknowledged(
    api: Api, day: DayFiles, request: pytest.FixtureRequest
) -> None:
    crew, first = day.message(F9, "paxlst-crew.edi"), day.message(F9, "paxlst-1.edi")
    api.headers(Role.OFFICER)
    before = api.post_message(crew)
    assert before.status_code == 202
    with outage(api.database, request):
        refused = api.post_message(first)
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "5"
        assert "nothing was stored" in refused.json()["detail"]
        assert api.get("/flights", Role.OFFICER).status_code == 503
        assert api.client.get("/api/v1/health").status_code == 503
    again = api.post_message(first)
    assert again.status_code == 202 and again.json()["duplicate"] is False
    api.settle()
    with api.database.session() as session:
        stored = dict(session.execute(select(MessageRow.id, MessageRow.status)).all())
    assert stored == {
        before.json()["id"]: MessageStatus.SCREENED,
        again.json()["id"]: MessageStatus.SCREENED,
    }
