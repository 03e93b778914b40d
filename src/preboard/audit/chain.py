"""Audit records and the hash that chains each one to the one before it.

A record's hash is the SHA-256 of a canonical JSON document of its fields (sequence number,
instant in UTC to the microsecond, actor, action, subject, detail) and the previous record's
hash; the first record follows ``GENESIS``. Changing any field, the order, or the numbering of
a record changes its hash, and so breaks the link from the next record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["GENESIS", "AuditEntry", "ChainHead", "canonical", "normalise_detail", "seal"]

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last record appended: its sequence number (0 when the log is empty) and hash."""

    seq: int = 0
    hash: str = GENESIS


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One record of the audit log.

    ``actor`` names who acted (``user:NAME``, ``token:NAME``, ``cli:OSUSER``, ``system``);
    ``action`` what was done (``users.add``, ``traveller.view``); ``subject`` what it was done
    to (``user:alice``, ``traveller:42``); ``detail`` JSON-ready facts (never a secret).
    """

    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str
    detail: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def expected_hash(self) -> str:
        """The hash this record's contents and previous hash call for."""
        return hashlib.sha256(canonical(self)).hexdigest()


def _instant(at: dt.datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("audit instants must be aware")
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def canonical(entry: AuditEntry) -> bytes:
    """The bytes hashed for ``entry``: JSON with sorted keys, no spaces, UTF-8."""
    document = {
        "seq": entry.seq,
        "at": _instant(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "subject": entry.subject,
        "detail": entry.detail,
        "prev": entry.prev_hash,
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def normalise_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """``detail`` as it will read back from storage (tuples as lists, keys as strings), so the
    hash of a stored record can be checked later. ``ValueError`` for what JSON cannot hold."""
    try:
        text = json.dumps(dict(detail or {}), allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as err:
        raise ValueError(f"audit detail is not plain JSON: {err}") from err
    value: dict[str, Any] = json.loads(text)
    return value


def seal(head: ChainHead, entry: AuditEntry) -> AuditEntry:
    """``entry`` (a draft: its number and hashes are ignored) numbered and chained after
    ``head``, with its detail normalised, its instant in UTC and its hash."""
    chained = AuditEntry(
        seq=head.seq + 1,
        at=entry.at.astimezone(dt.UTC),
        actor=entry.actor,
        action=entry.action,
        subject=entry.subject,
        detail=normalise_detail(entry.detail),
        prev_hash=head.hash,
    )
    return replace(chained, hash=chained.expected_hash())
