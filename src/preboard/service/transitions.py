"""The review of a hit as a state machine (pure: no storage, no web).

    new ──► in_review ──► confirmed ──┐
     │          │                       ├──► reopened ──► in_review, confirmed or dismissed
     └──────────┴───────► dismissed ──┘

Confirming, dismissing and re-opening each need a reason from the person who does it; taking a
hit into review does not. A decided hit cannot be decided again without being re-opened, so
every change of mind is on record with its reason (DOMAIN.md §4.1).
"""

from __future__ import annotations

from preboard.service.errors import ConflictError, InvalidValueError
from preboard.storage import Decision, HitStatus

__all__ = ["ALLOWED_FROM", "NEEDS_REASON", "check_move"]

_OPEN = frozenset({HitStatus.NEW, HitStatus.IN_REVIEW, HitStatus.REOPENED})
ALLOWED_FROM: dict[Decision, frozenset[HitStatus]] = {
    Decision.IN_REVIEW: frozenset({HitStatus.NEW, HitStatus.REOPENED}),
    Decision.CONFIRMED: _OPEN,
    Decision.DISMISSED: _OPEN,
    Decision.REOPENED: frozenset({HitStatus.CONFIRMED, HitStatus.DISMISSED}),
}
NEEDS_REASON = frozenset({Decision.CONFIRMED, Decision.DISMISSED, Decision.REOPENED})
MAX_REASON = 4000


def check_move(status: HitStatus, decision: Decision, reason: str) -> str:
    """The reason, trimmed, when ``decision`` may be made on a hit that is ``status``;
    ``ConflictError`` when the hit is not in a state for it, ``InvalidValueError`` when a
    needed reason is missing or too long."""
    if status not in ALLOWED_FROM[decision]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED_FROM[decision]))
        raise ConflictError(
            f"a hit that is {status.value} cannot be moved to {decision.value} "
            f"(only from {allowed})",
            {"status": status.value, "decision": decision.value},
        )
    text = reason.strip()
    if decision in NEEDS_REASON and not text:
        raise InvalidValueError(f"a reason is required to mark a hit {decision.value}")
    if len(text) > MAX_REASON:
        raise InvalidValueError(f"the reason is longer than {MAX_REASON} characters")
    return text
