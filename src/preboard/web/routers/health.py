"""``GET /health``: whether the service can reach its database (503 when it cannot)."""

from __future__ import annotations

from fastapi import APIRouter

from preboard.service import check_database
from preboard.web.deps import AnyoneDep, DatabaseDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(_anyone: AnyoneDep, database: DatabaseDep) -> dict[str, str]:
    """``{"status": "ok", "database": "sqlite"|"postgresql"}``."""
    return {"status": "ok", "database": check_database(database)}
