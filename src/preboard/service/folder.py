"""Intake from a folder: files dropped into it are taken in as if posted to the API.

    taken = take_folder(database, principal, Path("inbox"))

Each regular file directly in the folder (not hidden, not a ``.part`` being written, and not
modified in the last ``settle`` seconds, so a file still being copied is left for the next
pass) is stored through ``intake.receive`` exactly as a posted message: durable first, the
same content twice stored once. Then it is moved to ``done/``, or to ``failed/`` beside a
``<name>.reason.txt`` that lists why it cannot be screened. A file is moved only after its
message is committed, so a crash in between leaves it in the folder and the next pass takes it
again (as a duplicate, which is harmless).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import structlog

from preboard.service.errors import MalformedMessageError
from preboard.service.intake import receive
from preboard.storage import Database
from preboard.users import Principal

__all__ = ["Taken", "take_folder"]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Taken:
    """One file taken in: where it went, and its message id when it was stored."""

    name: str
    outcome: str  # done or failed
    message_id: int | None
    duplicate: bool = False


def _ready(path: Path, settle: float, now: float) -> bool:
    if not path.is_file() or path.name.startswith(".") or path.suffix == ".part":
        return False
    return now - path.stat().st_mtime >= settle


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    stem, n = target.stem, 1
    while target.exists():  # never overwrite an earlier file of the same name
        target = folder / f"{stem}.{n}{path.suffix}"
        n += 1
    return path.rename(target)


def _take(database: Database, principal: Principal, path: Path) -> Taken:
    body = path.read_bytes()
    try:
        receipt = receive(database, principal, body)
    except MalformedMessageError as err:
        moved = _move(path, path.parent / "failed")
        reason = {"file": path.name, "reason": err.detail, **err.context}
        text = json.dumps(reason, indent=2, ensure_ascii=False, default=str)
        moved.with_name(moved.name + ".reason.txt").write_text(text + "\n", encoding="utf-8")
        log.info("intake.folder.failed", file=path.name)
        return Taken(path.name, "failed", None)
    _move(path, path.parent / "done")
    log.info("intake.folder.done", file=path.name, message=receipt.id)
    return Taken(path.name, "done", receipt.id, receipt.duplicate)


def take_folder(
    database: Database, principal: Principal, folder: Path, settle: float = 1.0
) -> list[Taken]:
    """Take in every file of ``folder`` that is ready (see the module docstring), by name."""
    now = time.time()
    ready = sorted(p for p in folder.iterdir() if _ready(p, settle, now))
    return [_take(database, principal, path) for path in ready]
