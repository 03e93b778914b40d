"""The FastAPI application: ``create_app(settings, database)``.

    app = create_app(settings, database, screening)   # then uvicorn.run(app, ...)

The app holds its settings, its database and the screening worker in ``app.state``; nothing
is read from the environment here. Starting the app (its lifespan) starts the worker, which
first screens whatever was stored and not screened before a crash; stopping it stops the
worker. Every API route lives under ``/api/v1``, declares the roles it allows (``rules.py``
refuses to build an app otherwise), and OpenAPI is at ``/openapi.json``. The web UI is
under ``/ui`` (``web.ui``), its session cookie an authenticator after bearer tokens.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from preboard.assessment import Screening
from preboard.service import ScreeningWorker, WebhookWorker
from preboard.settings import Settings
from preboard.storage import Database
from preboard.web.auth import Authenticator, bearer_token
from preboard.web.errors import install_error_handlers
from preboard.web.routers import ROUTERS
from preboard.web.rules import check_rules, document_rules
from preboard.web.session import SessionSigner, session_cookie
from preboard.web.ui import install_ui

__all__ = ["API_PREFIX", "create_app"]

API_PREFIX = "/api/v1"


def create_app(
    settings: Settings,
    database: Database,
    screening: Screening | Callable[[], Screening] | None = None,
    *,
    start_worker: bool = True,
) -> FastAPI:
    """The API over ``database``; messages are screened with ``screening`` (or what the
    callable returns before each run, such as ``ScreeningSource.current``; documents checks
    only when none is given). ``start_worker=False`` leaves screening to the caller (tests
    that drive ``screen_pending`` themselves)."""
    fixed = screening if isinstance(screening, Screening) else Screening()
    current = screening if callable(screening) else lambda: fixed
    worker = ScreeningWorker(
        database,
        current,
        poll=settings.screening_poll_seconds,
        gather=settings.screening_gather_seconds,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        webhooks = WebhookWorker(database, settings)  # carriers' webhooks (service/webhooks.py)
        # Requests run in a pool of threads sharing one interpreter lock: a few at a time
        # finish sooner than forty taking turns (the rest wait in order).
        to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        if start_worker:
            worker.start()
            webhooks.start()
        try:
            yield
        finally:
            if start_worker:
                webhooks.stop()
                worker.stop()

    app = FastAPI(
        title="preboard",
        summary="Pre-departure passenger screening for border liaison officers",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.worker = worker
    secret = (
        settings.session_secret.get_secret_value().encode() if settings.session_secret else None
    )
    app.state.session_signer = SessionSigner(secret)
    authenticators: tuple[Authenticator, ...] = (bearer_token, session_cookie)
    app.state.authenticators = authenticators
    install_error_handlers(app)
    for router in ROUTERS:
        document_rules(router)
        app.include_router(router, prefix=API_PREFIX)
    install_ui(app)
    check_rules(app)
    return app
