"""Intake (``POST /messages``) and the stored messages with their problems."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from preboard.service import MessageView, Receipt, list_messages, receive, view_message
from preboard.web.deps import DatabaseDep, InspectorDep, IntakeDep, SettingsDep, WorkerDep
from preboard.web.errors import PayloadTooLargeError

router = APIRouter(tags=["messages"])

_MALFORMED: dict[int | str, dict[str, Any]] = {
    422: {"description": "nothing could be screened: the message is kept (status failed), "
          "and the response lists its problems with its id"},
    413: {"description": "the body is larger than the intake_max_bytes setting"},
    503: {"description": "the database is unavailable: nothing was stored, send it again"},
}  # fmt: skip


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLargeError(f"the message is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLargeError(f"the message is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/messages", status_code=202, responses=_MALFORMED)
async def post_message(
    principal: IntakeDep,
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    worker: WorkerDep,
) -> Receipt:
    """Take a raw PAXLST, PNRGOV or PNRGOV XML message. It is stored (durably) before this
    answers 202 ``{"id", "duplicate"}``; screening follows in the background. The same bytes
    sent again are recognised (``duplicate``) and not stored twice."""
    body = await _body(request, settings.intake_max_bytes)
    receipt = await run_in_threadpool(receive, database, principal, body)
    worker.wake()
    return receipt


@router.get("/messages")
def get_messages(
    principal: InspectorDep,
    database: DatabaseDep,
    status: Annotated[str | None, Query(description="received, screened or failed")] = None,
) -> list[MessageView]:
    """The latest stored messages with their status and parse problems, newest first."""
    return list_messages(database, principal, status)


@router.get("/messages/{message_id}")
def get_message(principal: InspectorDep, database: DatabaseDep, message_id: int) -> MessageView:
    """One stored message's status, problems and flights."""
    return view_message(database, principal, message_id)
