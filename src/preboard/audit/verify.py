"""Checking a chain of audit records: every alteration, removal and insertion, by record.

Records are read in sequence order. For each one: a gap in the numbering means records were
removed; a hash that does not match the record's contents means the record was altered; a
previous hash that does not match the record before means the one before was rewritten (hash
and all) or this one was inserted. The chain head, kept beside the log and moved only by an
append, catches records removed from the end or added after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from preboard.audit.chain import GENESIS, AuditEntry, ChainHead

__all__ = ["ChainProblem", "ProblemKind", "VerifyResult", "verify_entries"]


class ProblemKind(StrEnum):
    """What is wrong with a record."""

    ALTERED = "altered"
    REMOVED = "removed"
    INSERTED = "inserted"
    BROKEN_LINK = "broken_link"


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One thing wrong, at the record with sequence number ``seq``."""

    seq: int
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"record {self.seq}: {self.kind.value}: {self.message}"


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The outcome of a verification: how many records were read, the head, the problems."""

    records: int
    head: ChainHead
    problems: tuple[ChainProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the chain holds."""
        return not self.problems

    def summary(self) -> str:
        """One line for people: the count and head, or the number of problems."""
        if self.ok:
            return f"audit chain holds: {self.records} records, head {self.head.hash[:16]}"
        return f"audit chain broken: {len(self.problems)} problems in {self.records} records"


def _link(entry: AuditEntry, seq: int, prev_hash: str) -> list[ChainProblem]:
    problems = []
    if entry.seq < seq:
        where = "before the first record" if seq == 1 else f"out of order after {seq - 1}"
        problems.append(ChainProblem(entry.seq, ProblemKind.INSERTED, where))
    elif entry.seq > seq:
        gone = str(seq) if entry.seq == seq + 1 else f"{seq} to {entry.seq - 1}"
        problems.append(ChainProblem(entry.seq, ProblemKind.REMOVED, f"records {gone} missing"))
    elif entry.prev_hash != prev_hash:
        message = (
            f"its previous hash {entry.prev_hash[:16]} is not record {seq - 1}'s "
            f"{prev_hash[:16]}: record {seq - 1} was rewritten or this one inserted"
        )
        problems.append(ChainProblem(entry.seq, ProblemKind.BROKEN_LINK, message))
    if entry.hash != entry.expected_hash():
        message = "its contents do not match its hash: a field was changed"
        problems.append(ChainProblem(entry.seq, ProblemKind.ALTERED, message))
    return problems


def _tail(last: ChainHead, head: ChainHead) -> list[ChainProblem]:
    if last.seq < head.seq:
        gone = str(head.seq) if head.seq == last.seq + 1 else f"{last.seq + 1} to {head.seq}"
        message = f"records {gone} missing at the end (the head is record {head.seq})"
        return [ChainProblem(last.seq + 1, ProblemKind.REMOVED, message)]
    if last.seq > head.seq:
        extra = str(last.seq) if last.seq == head.seq + 1 else f"{head.seq + 1} to {last.seq}"
        message = f"records {extra} lie beyond the head (record {head.seq}): not appended"
        return [ChainProblem(head.seq + 1, ProblemKind.INSERTED, message)]
    if last.hash != head.hash:
        message = "the last record's hash is not the one the head recorded"
        return [ChainProblem(last.seq, ProblemKind.ALTERED, message)]
    return []


def verify_entries(entries: Iterable[AuditEntry], head: ChainHead) -> VerifyResult:
    """Check ``entries`` (in sequence order) against each other and against ``head``."""
    problems: list[ChainProblem] = []
    count, seq, prev_hash = 0, 1, GENESIS
    for entry in entries:
        count += 1
        problems += _link(entry, seq, prev_hash)
        if entry.seq >= seq:  # a record numbered before its place does not move the chain on
            seq, prev_hash = entry.seq + 1, entry.hash
    problems += _tail(ChainHead(seq - 1, prev_hash), head)
    return VerifyResult(count, head, tuple(problems))
