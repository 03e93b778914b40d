"""Dependencies routes share: the database, the worker, and the principal of each role set.

The role sets are the access policy of the API in one table; each route takes one of them as
its first parameter (see ``auth.py``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from preboard.service import ScreeningWorker
from preboard.settings import Settings
from preboard.storage import Database
from preboard.users import Principal, Role
from preboard.web.auth import Allow, Public

__all__ = [
    "AdminDep",
    "AnyoneDep",
    "AuditorDep",
    "CarrierDep",
    "DatabaseDep",
    "InspectorDep",
    "IntakeDep",
    "ReviewerDep",
    "SettingsDep",
    "SupervisorDep",
    "WorkerDep",
]


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _worker(request: Request) -> ScreeningWorker:
    worker: ScreeningWorker = request.app.state.worker
    return worker


DatabaseDep = Annotated[Database, Depends(_database)]
SettingsDep = Annotated[Settings, Depends(_settings)]
WorkerDep = Annotated[ScreeningWorker, Depends(_worker)]

# The access policy: who may call what (DOMAIN.md §1).
ReviewerDep = Annotated[Principal, Depends(Allow(Role.OFFICER, Role.SUPERVISOR))]
SupervisorDep = Annotated[Principal, Depends(Allow(Role.SUPERVISOR))]
InspectorDep = Annotated[Principal, Depends(Allow(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN))]
AuditorDep = Annotated[Principal, Depends(Allow(Role.AUDITOR))]
AdminDep = Annotated[Principal, Depends(Allow(Role.ADMIN))]
CarrierDep = Annotated[Principal, Depends(Allow(Role.CARRIER))]
IntakeDep = Annotated[Principal, Depends(Allow(Role.INTAKE))]
AnyoneDep = Annotated[None, Depends(Public())]
