"""Settings changed at run time (such as the two-person rule), for admins."""

from __future__ import annotations

from fastapi import APIRouter

from preboard.service import SettingView, change_setting, read_settings
from preboard.web.deps import AdminDep, DatabaseDep
from preboard.web.schemas import SettingIn

router = APIRouter(tags=["settings"])


@router.get("/settings")
def get_settings(_principal: AdminDep, database: DatabaseDep) -> list[SettingView]:
    """Every setting with its value and meaning."""
    return read_settings(database)


@router.put("/settings/{key}")
def put_setting(
    principal: AdminDep, database: DatabaseDep, key: str, body: SettingIn
) -> SettingView:
    """Change a setting (audited with the old and new values)."""
    return change_setting(database, principal, key, body.value)
