"""The API's routers, one per subject; each handler checks access through its first
parameter, validates its input, calls one service function and returns its result."""

from __future__ import annotations

from fastapi import APIRouter

from preboard.web.routers import (
    audit,
    carrier,
    exports,
    flights,
    health,
    hits,
    messages,
    recommendations,
    settings,
    travellers,
)

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    messages.router,
    flights.router,
    travellers.router,
    hits.router,
    recommendations.router,
    carrier.router,
    exports.router,  # before audit: /audit/export is not an audit record
    audit.router,
    settings.router,
)
