"""The hash chain itself, without a database: sealing records and verifying lists of them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace

import pytest

from preboard.audit import (
    GENESIS,
    AuditEntry,
    ChainHead,
    ProblemKind,
    canonical,
    seal,
    verify_entries,
)

AT = dt.datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)


def chain(n: int) -> tuple[list[AuditEntry], ChainHead]:
    entries: list[AuditEntry] = []
    head = ChainHead()
    for i in range(1, n + 1):
        draft = AuditEntry(0, AT, "user:ana", "traveller.view", f"traveller:{i}", {"i": i})
        entry = seal(head, draft)
        entries.append(entry)
        head = ChainHead(entry.seq, entry.hash)
    return entries, head


def kinds(entries: list[AuditEntry], head: ChainHead) -> list[tuple[int, ProblemKind]]:
    return [(p.seq, p.kind) for p in verify_entries(entries, head).problems]


def test_hash_is_sha256_of_canonical_json_with_the_previous_hash() -> None:
    (first, second), _ = chain(2)
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    document = json.loads(canonical(second))
    assert document == {
        "seq": 2,
        "at": "2026-12-01T09:30:15.123456+00:00",
        "actor": "user:ana",
        "action": "traveller.view",
        "subject": "traveller:2",
        "detail": {"i": 2},
        "prev": first.hash,
    }
    assert second.hash == hashlib.sha256(canonical(second)).hexdigest()


def test_detail_is_normalised_as_storage_gives_it_back() -> None:
    draft = AuditEntry(0, AT.astimezone(dt.timezone(dt.timedelta(hours=-5))), "a", "b", "c")
    entry = seal(ChainHead(), replace(draft, detail={"ids": (1, 2), "b": None}))
    assert entry.detail == {"b": None, "ids": [1, 2]}
    assert entry.at == AT
    with pytest.raises(ValueError, match="not plain JSON"):
        seal(ChainHead(), replace(draft, detail={"when": AT}))
    with pytest.raises(ValueError, match="aware"):
        canonical(replace(entry, at=AT.replace(tzinfo=None)))


def test_an_intact_chain_holds() -> None:
    entries, head = chain(5)
    result = verify_entries(entries, head)
    assert result.ok and result.records == 5
    assert result.summary() == f"audit chain holds: 5 records, head {head.hash[:16]}"
    assert verify_entries([], ChainHead()).ok


def test_altered_field_is_reported_on_that_record() -> None:
    entries, head = chain(4)
    entries[1] = replace(entries[1], actor="user:eve")
    assert kinds(entries, head) == [(2, ProblemKind.ALTERED)]


def test_rewritten_record_with_a_fresh_hash_breaks_the_next_link() -> None:
    entries, head = chain(4)
    forged = replace(entries[1], subject="traveller:99")
    entries[1] = replace(forged, hash=forged.expected_hash())
    assert kinds(entries, head) == [(3, ProblemKind.BROKEN_LINK)]


def test_removed_records_are_reported_in_the_middle_and_at_the_end() -> None:
    entries, head = chain(5)
    assert kinds(entries[:1] + entries[3:], head) == [(4, ProblemKind.REMOVED)]
    result = verify_entries(entries[:3], head)
    assert [(p.seq, p.kind) for p in result.problems] == [(4, ProblemKind.REMOVED)]
    assert "records 4 to 5 missing at the end" in str(result.problems[0])


def test_inserted_records_are_reported() -> None:
    entries, head = chain(3)
    after = seal(ChainHead(3, entries[-1].hash), AuditEntry(0, AT, "user:eve", "x", "y"))
    assert kinds([*entries, after], head) == [(4, ProblemKind.INSERTED)]
    before = replace(entries[0], seq=0)
    assert kinds([before, *entries], head) == [(0, ProblemKind.INSERTED), (0, ProblemKind.ALTERED)]
