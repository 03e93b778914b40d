"""The audit log: append-only, each record chained to the one before by its hash.

Every view of a traveller, search, decision, rule, list, user and setting change and export is
appended here (DOMAIN.md §4.7); ``verify`` detects any record altered, removed or inserted.
This package is pure: storage is reached through the ``AuditStore`` protocol.
"""

from __future__ import annotations

from preboard.audit.chain import GENESIS, AuditEntry, ChainHead, canonical, seal
from preboard.audit.log import AuditStore, append, verify
from preboard.audit.verify import ChainProblem, ProblemKind, VerifyResult, verify_entries

__all__ = [
    "GENESIS",
    "AuditEntry",
    "AuditStore",
    "ChainHead",
    "ChainProblem",
    "ProblemKind",
    "VerifyResult",
    "append",
    "canonical",
    "seal",
    "verify",
    "verify_entries",
]
