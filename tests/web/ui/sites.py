"""An app for the rules and watchlist pages: its own rules folder (a copy of the shipped
examples, ``rules/``) and data folder (``data/``: watchlist versions, rule drafts) under the
test's ``tmp_path``, screening the synthetic day with the documents checks and, when asked,
the example rules. ``session_as`` logs the client in as a new user of a role."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from preboard.rules import EXAMPLES, compile_rule, lint_directory, runnable
from preboard.settings import Settings
from preboard.storage import Database
from preboard.users import Role
from preboard.web import create_app
from tests.service.day import day_screening
from tests.web.conftest import Api
from tests.web.ui.conftest import add_user, log_in


@contextmanager
def site(database: Database, tmp_path: Path, *, with_rules: bool = False) -> Iterator[Api]:
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, rules / path.name)
    settings = Settings(
        data_dir=tmp_path / "data", rules_dir=rules,
        screening_poll_seconds=0.5, screening_gather_seconds=0.05,
    )  # fmt: skip
    screening = day_screening()
    if with_rules:
        compiled = tuple(compile_rule(r) for r in runnable(lint_directory(rules, dt.date.today())))
        screening = dataclasses.replace(screening, rules=compiled)
    client = TestClient(create_app(settings, database, screening))
    with client:
        yield Api(client, database)


def session_as(api: Api, name: str, role: Role) -> None:
    add_user(api.database, name, role)
    assert log_in(api.client, name) == 303
