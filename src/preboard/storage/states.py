"""The states stored rows move through (kept here until the review package owns them)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Decision", "HitStatus", "MessageStatus", "RecommendationKind", "RecommendationStatus"]


class MessageStatus(StrEnum):
    """A stored message: received (durable, not yet screened), screened, or failed."""

    RECEIVED = "received"
    SCREENED = "screened"
    FAILED = "failed"


class HitStatus(StrEnum):
    """A hit's review state: new → in review → confirmed or dismissed → reopened."""

    NEW = "new"
    IN_REVIEW = "in_review"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    REOPENED = "reopened"


class Decision(StrEnum):
    """What an officer decided on a hit; each decision moves the hit to the same-named state."""

    IN_REVIEW = "in_review"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    REOPENED = "reopened"


class RecommendationKind(StrEnum):
    """What is recommended to the carrier."""

    NO_BOARD = "no_board"


class RecommendationStatus(StrEnum):
    """A recommendation's life: awaiting a supervisor's approval where policy needs two people,
    issued, delivered to the carrier, acknowledged by it, or withdrawn."""

    PENDING_APPROVAL = "pending_approval"
    ISSUED = "issued"
    DELIVERED = "delivered"
    ACKNOWLEDGED = "acknowledged"
    WITHDRAWN = "withdrawn"
