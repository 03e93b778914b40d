"""Who may do what: the roles of DOMAIN.md §1."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MACHINE_ROLES", "PERSON_ROLES", "Role"]


class Role(StrEnum):
    """A user's or a token's role.

    ``officer`` works flights and hits and issues recommendations; ``supervisor`` does that and
    approves no-board recommendations; ``analyst`` writes rules and lists; ``auditor`` reads the
    audit trail and changes nothing operational; ``admin`` manages users, roles, integrations
    and settings; ``carrier`` (an airline's machine token) receives and acknowledges
    recommendations for its own flights; ``intake`` (a machine token) posts messages.
    """

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ANALYST = "analyst"
    AUDITOR = "auditor"
    ADMIN = "admin"
    CARRIER = "carrier"
    INTAKE = "intake"


PERSON_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ADMIN})
"""Roles a person logs in with."""

MACHINE_ROLES = frozenset({Role.CARRIER, Role.INTAKE})
"""Roles held only by machine tokens."""
