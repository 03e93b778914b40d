"""Values the pages show through ``_()`` (roles, review states, severities, kinds, decisions,
name-part reasons, rule and draft states, problem severities): listed here so Babel extracts
them into the catalogue."""

from __future__ import annotations

__all__ = ["VOCABULARY"]


def _(text: str) -> str:
    return text


VOCABULARY = (
    # roles (users and tokens; travellers on the flight)
    _("officer"), _("supervisor"), _("analyst"), _("auditor"), _("admin"), _("carrier"),
    _("intake"), _("passenger"), _("crew"), _("in_transit"), _("infant"),
    # review states and decisions
    _("new"), _("in_review"), _("confirmed"), _("dismissed"), _("reopened"),
    # recommendations
    _("no_board"), _("issued"), _("pending_approval"), _("delivered"), _("acknowledged"),
    _("withdrawn"),
    # severities and kinds
    _("critical"), _("high"), _("medium"), _("low"), _("info"),
    _("document"), _("watchlist"), _("rule"), _("data"),
    # how serious an input problem is
    _("error"), _("warning"),
    # a rule's state on a date
    _("ok"), _("refused"), _("review_overdue"), _("not_in_force"),
    # a rule draft's state
    _("pending"), _("released"), _("rejected"),
    # how two name parts match
    _("same"), _("different"), _("exact"), _("initial"), _("romanisation"), _("phonetic"),
    _("equivalent"), _("ocr"), _("particle"), _("spelling"),
)  # fmt: skip
