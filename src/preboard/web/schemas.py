"""Request bodies, validated by pydantic at the edge (responses are the service's read
models). Reasons and notes are trimmed and must not be blank; the service checks again."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

__all__ = ["DecisionIn", "NoteIn", "ReasonIn", "RecommendationIn", "SettingIn"]

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionIn(_Body):
    """A decision on a hit, with the reason for it."""

    decision: Literal["confirmed", "dismissed"]
    reason: Reason


class ReasonIn(_Body):
    """A reason (re-opening a hit, withdrawing a recommendation)."""

    reason: Reason


class NoteIn(_Body):
    """A note on a traveller, or on one of their hits."""

    text: Reason
    hit_id: int | None = None


class RecommendationIn(_Body):
    """A recommendation to the carrier, with the officer's reason."""

    kind: Literal["no_board"] = "no_board"
    reason: Reason


class SettingIn(_Body):
    """A new value for a setting."""

    value: JsonValue = Field(description="the new value, of the setting's type")
