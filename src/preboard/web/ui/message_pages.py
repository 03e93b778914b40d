"""The parse problems pages: the stored messages with their status and problem counts, and
one message's problems (severity, where, why). The bodies are never shown: they hold personal
data. Same roles as ``GET /api/v1/messages``; the reads are audited by the service.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from preboard.service import list_messages, view_message
from preboard.web.deps import DatabaseDep, InspectorDep
from preboard.web.ui.render import page

router = APIRouter()


@router.get("/messages", response_class=HTMLResponse)
def messages(
    principal: InspectorDep,
    request: Request,
    database: DatabaseDep,
    status: Annotated[str | None, Query(max_length=16)] = None,
) -> HTMLResponse:
    """The latest messages, newest first, optionally only one status (e.g. failed)."""
    found = list_messages(database, principal, status or None)
    return page(request, "messages.html", messages=found, chosen=status or "", principal=principal)


@router.get("/messages/{message_id}", response_class=HTMLResponse)
def message(
    principal: InspectorDep, request: Request, database: DatabaseDep, message_id: int
) -> HTMLResponse:
    """One message's status, flights and every problem found when it was read."""
    found = view_message(database, principal, message_id)
    return page(request, "message.html", m=found, principal=principal)
