"""Values the pages show through ``_()`` (roles, review states, severities, kinds, decisions,
name-part reasons): listed here so Babel extracts them into the catalogue."""

from __future__ import annotations

__all__ = ["VOCABULARY"]


def _(text: str) -> str:
    return text


VOCABULARY = (
    # roles
    _("officer"), _("supervisor"), _("analyst"), _("auditor"), _("admin"), _("carrier"),
    _("intake"), _("passenger"), _("crew"),
    # review states and decisions
    _("new"), _("in_review"), _("confirmed"), _("dismissed"), _("reopened"),
    # recommendations
    _("no_board"), _("issued"), _("pending_approval"), _("delivered"), _("acknowledged"),
    # severities and kinds
    _("critical"), _("high"), _("medium"), _("low"), _("info"),
    _("document"), _("watchlist"), _("rule"), _("data"),
    # how two name parts match
    _("exact"), _("initial"), _("romanisation"), _("phonetic"), _("equivalent"), _("ocr"),
    _("particle"), _("spelling"),
)  # fmt: skip
