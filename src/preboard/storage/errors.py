"""Errors of the storage edge, in the one tree rooted at ``PreboardError``.

    PreboardError
    └── StorageUnavailable     the database cannot be reached or is busy past its timeout (503)

The web edge maps ``StorageUnavailable`` to 503 so a client retries; nothing is acknowledged
before it is stored, so a retry never loses or doubles a message.
"""

from __future__ import annotations

from preboard.errors import PreboardError

__all__ = ["StorageUnavailable"]


class StorageUnavailable(PreboardError):  # noqa: N818 (the name the service API uses)
    """The database cannot be reached, refused the connection, or stayed locked too long."""

    status = 503
