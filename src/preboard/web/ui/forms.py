"""The form fields every page's handlers share: the CSRF token and a reason."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form

__all__ = ["Csrf", "Reason"]

Csrf = Annotated[str, Form(max_length=64)]  # the session's token (``session.check_csrf``)
Reason = Annotated[str, Form(min_length=1, max_length=4000)]  # why, in the person's words
