"""The watchlist pages: the lists and their versions, importing a version, the problems the
loader reported, and the difference between two versions.

Who may do what (DOMAIN.md §1): analysts write watchlists, so they import (a file upload:
FollowTheMoney JSON lines, the UN consolidated XML or CSV, as ``preboard watchlist import``
takes them); officers and supervisors, who review the hits lists raise, and analysts read the
lists, versions and differences. Admins manage users and integrations, not list content, and
auditors read the trail (every import is in it), so neither sees these pages. Document numbers
in differences are masked (``mask_tail``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from preboard.service.watchlists import (
    Upload,
    import_watchlist,
    list_watchlists,
    version_diff,
    watchlist_versions,
)
from preboard.users import Principal, Role
from preboard.watchlist.versions import VersionStore
from preboard.web.auth import Allow
from preboard.web.deps import DatabaseDep, SettingsDep
from preboard.web.session import check_csrf
from preboard.web.ui.render import page

router = APIRouter()
ListReaderDep = Annotated[Principal, Depends(Allow(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST))]
ListImporterDep = Annotated[Principal, Depends(Allow(Role.ANALYST))]
Field = Annotated[str, Form(max_length=200)]
ListId = Annotated[str, Form(min_length=1, max_length=100)]
MAX_UPLOAD = 200_000_000  # bytes; a larger file is refused
SHOWN_PROBLEMS = 200


@router.get("/watchlists", response_class=HTMLResponse)
def watchlists(principal: ListReaderDep, request: Request, settings: SettingsDep) -> HTMLResponse:
    """Every list with its versions (date, entries, problems) and the import form."""
    lists = list_watchlists(VersionStore(settings.data_dir))
    return page(request, "watchlists.html", lists=lists, principal=principal)


@router.post("/watchlists/import", response_model=None)
async def import_list(
    principal: ListImporterDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    file: Annotated[UploadFile, File()], list_id: ListId,
    csrf: Annotated[str, Form(max_length=64)], name: Field = "", category: Field = "",
    severity: Field = "", legal_basis: Field = "", version: Field = "",
) -> HTMLResponse | RedirectResponse:  # fmt: skip
    """Load the uploaded file as a new version of the list; nothing loaded: the problems
    (422), nothing saved."""
    check_csrf(request, csrf)
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return page(request, "error.html", 413, code=413, detail="the file is too large")
    upload = Upload(data, file.filename or "upload", list_id.strip(), name, category, severity,
                    legal_basis, version)  # fmt: skip
    outcome = import_watchlist(database, principal, VersionStore(settings.data_dir), upload)
    if outcome.changes is None:
        problems = outcome.loaded.problems[:SHOWN_PROBLEMS]
        return page(request, "watchlist_refused.html", 422, loaded=outcome.loaded,
                    problems=problems, principal=principal)  # fmt: skip
    saved = outcome.loaded.watchlist
    return RedirectResponse(f"/ui/watchlists/{saved.id}/versions/{saved.version}", 303)


@router.get("/watchlists/{list_id}", response_class=HTMLResponse)
def watchlist(
    principal: ListReaderDep, request: Request, settings: SettingsDep, list_id: str
) -> HTMLResponse:
    """One list: its metadata and versions, and the form to compare two of them."""
    summary = watchlist_versions(VersionStore(settings.data_dir), list_id)
    return page(request, "watchlist.html", s=summary, principal=principal)


@router.get("/watchlists/{list_id}/versions/{version}", response_class=HTMLResponse)
def watchlist_version(
    principal: ListReaderDep, request: Request, settings: SettingsDep, list_id: str, version: str
) -> HTMLResponse:
    """One version: its counts, the loader's problems, and what it changed."""
    store = VersionStore(settings.data_dir)
    found = store.get(list_id, version)
    changes = version_diff(store, list_id, None, version)
    problems = found.problems[:SHOWN_PROBLEMS]
    return page(request, "watchlist_version.html", v=found, problems=problems, d=changes,
                principal=principal)  # fmt: skip


@router.get("/watchlists/{list_id}/diff", response_class=HTMLResponse)
def watchlist_diff(
    principal: ListReaderDep, request: Request, settings: SettingsDep, list_id: str,
    old: Annotated[str | None, Query(alias="from", max_length=100)] = None,
    new: Annotated[str | None, Query(alias="to", max_length=100)] = None,
) -> HTMLResponse:  # fmt: skip
    """Entries added, removed and changed between two versions (default: the last two)."""
    store = VersionStore(settings.data_dir)
    changes = version_diff(store, list_id, old or None, new or None)
    return page(request, "watchlist_diff.html", d=changes, principal=principal)
