"""The officers' web UI: server-rendered pages (Jinja2) under ``/ui``, in English and Spanish.

    install_ui(app)     # create_app does it: the pages, /ui/static, HTML error pages

Pages take their principal like the API's routes (``Allow``/``Public`` on the first
parameter, so ``rules.py`` and the role-by-route test cover them), through the session cookie
(``web.session``) or a bearer token. On a ``/ui`` path an error is a page: 401 shows the login
form, any other error (and a form that fails validation) a short page with the status.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from preboard.errors import PreboardError
from preboard.users import AuthenticationError
from preboard.web.deps import AnyoneDep
from preboard.web.errors import error_response
from preboard.web.rules import document_rules
from preboard.web.ui import (
    admin_pages,
    login,
    message_pages,
    pages,
    review_pages,
    rule_pages,
    watchlist_pages,
)
from preboard.web.ui.render import HERE, page

__all__ = ["UI_PREFIX", "install_ui"]

UI_PREFIX = "/ui"
_root = APIRouter(include_in_schema=False)
PAGES: tuple[APIRouter, ...] = (
    login.router,
    pages.router,
    review_pages.router,
    message_pages.router,
    admin_pages.router,
    rule_pages.router,
    watchlist_pages.router,
)


@_root.get("/")
def root(_anyone: AnyoneDep) -> RedirectResponse:
    """The site's root leads to the departures board."""
    return RedirectResponse(f"{UI_PREFIX}/", status_code=307)


async def _error(request: Request, err: Exception) -> Response:
    assert isinstance(err, PreboardError)
    if not request.url.path.startswith(f"{UI_PREFIX}/"):
        return error_response(err)
    if isinstance(err, AuthenticationError) and err.status == 401:
        return login.login_page(request, 401)
    return page(request, "error.html", err.status, code=err.status, detail=err.detail)


async def _invalid(request: Request, err: Exception) -> Response:
    assert isinstance(err, RequestValidationError)
    if not request.url.path.startswith(f"{UI_PREFIX}/"):
        return await request_validation_exception_handler(request, err)
    fields = ", ".join(str(e["loc"][-1]) for e in err.errors())
    return page(request, "error.html", 422, code=422, detail=f"missing or invalid: {fields}")


def install_ui(app: FastAPI) -> None:
    """Mount the pages, their static files and the HTML error pages on ``app``."""
    for router in PAGES:
        document_rules(router)
        app.include_router(router, prefix=UI_PREFIX, include_in_schema=False)
    app.include_router(_root)
    app.mount(f"{UI_PREFIX}/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(PreboardError, _error)
    app.add_exception_handler(RequestValidationError, _invalid)
