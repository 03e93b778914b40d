"""Rendering pages: one Jinja2 environment (autoescape on, so names with markup are text),
gettext catalogues per language (``locale/<lang>/LC_MESSAGES/messages.mo``, compiled by Babel
from the ``.po`` beside them and committed), and the choice of language.

The language is the user's setting when they have one (stored on the user, and copied into
the ``pb_lang`` cookie at login and when changed, so pages need no query for it), else the
best of the browser's ``Accept-Language`` among ``LANGUAGES``, else English.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from preboard.web.session import csrf_token

__all__ = ["LANGUAGES", "LANGUAGE_COOKIE", "LOCALE_DIR", "page", "pick_language", "translations"]

HERE = Path(__file__).parent
LOCALE_DIR = HERE / "locale"
LANGUAGES = ("en", "es")
LANGUAGE_COOKIE = "pb_lang"


@functools.cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of ``language`` (English: the messages as written)."""
    return Translations.load(str(LOCALE_DIR), [language], domain="messages")


def pick_language(accept: str, setting: str | None = None) -> str:
    """The user's setting when supported, else the preferred supported ``Accept-Language``."""
    if setting in LANGUAGES:
        return setting
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        code = tag.strip().lower().split("-")[0]
        if code in LANGUAGES and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else "en"


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


def _show(value: Any) -> str:
    """A stored value as text: a record as ``key: value`` pairs (empty ones left out), a list
    as its items joined by `` | ``, nothing as a dash."""
    if value is None or value in ("", [], {}):
        return "—"
    if isinstance(value, dict):
        pairs = [f"{k}: {_show(v)}" for k, v in value.items() if v not in (None, "", [], {})]
        return "; ".join(pairs) or "—"
    if isinstance(value, list):
        return " | ".join(_show(item) for item in value)
    return str(value)


def _person(actor: str | None) -> str:
    """An audit actor as a person reads it: ``user:ana`` is ``ana``; tokens keep their kind."""
    return (actor or "—").removeprefix("user:")


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        auto_reload=False,
    )
    env.filters["time"] = _time
    env.filters["show"] = _show
    env.filters["person"] = _person
    return env


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The page ``template`` in the request's language (``request.state.language``)."""
    language = pick_language(
        request.headers.get("accept-language", ""), request.cookies.get(LANGUAGE_COOKIE)
    )
    catalogue = translations(language)
    values = {
        "request": request,
        "language": language,
        "csrf": csrf_token(request),
        "user": getattr(request.state, "user", None),
        "_": catalogue.gettext,
        "gettext": catalogue.gettext,
        "ngettext": catalogue.ngettext,
        **context,
    }
    html = _environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
