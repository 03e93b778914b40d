"""The web edge: a FastAPI app over the service layer (``create_app``).

Routers are thin (``routers/``): each checks access (``auth.py``: one declared rule per route,
``rules.py``), validates its input (``schemas.py``), calls one service function and returns its
read model. Errors become JSON in one place (``errors.py``). The officers' pages are under
``/ui`` (``ui/``: Jinja2, English and Spanish), signed in with a session cookie and CSRF tokens
(``session.py``).
"""

from __future__ import annotations

from preboard.web.app import API_PREFIX, create_app
from preboard.web.auth import Allow, Public
from preboard.web.rules import RouteRule, RouteWithoutRuleError, api_routes, check_rules

__all__ = [
    "API_PREFIX",
    "Allow",
    "Public",
    "RouteRule",
    "RouteWithoutRuleError",
    "api_routes",
    "check_rules",
    "create_app",
]
