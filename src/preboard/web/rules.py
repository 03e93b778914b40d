"""Every route's access rule, found on the route itself, and the check that each has one.

``create_app`` calls ``check_rules``: an API route that declares no ``Allow`` or ``Public``
dependency, or more than one, stops the app from being built, so a new route cannot slip in
without a rule. ``document_rules`` writes the roles into each operation's OpenAPI
description and ``x-roles``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from preboard.errors import ConfigurationError
from preboard.web.auth import Allow, Public

__all__ = [
    "RouteRule",
    "RouteWithoutRuleError",
    "api_routes",
    "check_rules",
    "document_rules",
    "rule_of",
]


class RouteWithoutRuleError(ConfigurationError):
    """An API route that declares no access rule, or several."""


@dataclass(frozen=True, slots=True)
class RouteRule:
    """A route of the app (its full path) and the rule it declares."""

    methods: frozenset[str]
    path: str
    rule: Allow | Public


def _rules(dependant: Dependant) -> Iterator[Allow | Public]:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, Allow | Public):
            yield dependency.call
        yield from _rules(dependency)


def rule_of(dependant: Dependant, methods: frozenset[str], path: str) -> Allow | Public:
    """The one access rule a route's dependencies declare; ``RouteWithoutRuleError``
    otherwise."""
    found = list(_rules(dependant))
    if len(found) != 1:
        raise RouteWithoutRuleError(
            f"route {','.join(sorted(methods))} {path} declares {len(found)} access rules: "
            "exactly one Allow(...) or Public() is needed"
        )
    return found[0]


def api_routes(app: FastAPI) -> list[RouteRule]:
    """Every API route of the app with its rule (FastAPI's documentation routes are not API
    routes); ``RouteWithoutRuleError`` for one without a rule."""
    found = []
    for context in iter_route_contexts(app.router.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        methods, path = frozenset(context.methods or ()), context.path or route.path
        dependant = context.dependant or route.dependant
        found.append(RouteRule(methods, path, rule_of(dependant, methods, path)))
    return found


def check_rules(app: FastAPI) -> None:
    """Check that every API route of the app declares exactly one rule."""
    api_routes(app)


def document_rules(router: APIRouter) -> None:
    """Write each route's allowed roles into its OpenAPI description and ``x-roles``."""
    for route in router.routes:
        if not isinstance(route, APIRoute):
            continue
        rule = rule_of(route.dependant, frozenset(route.methods or ()), route.path)
        roles = sorted(role.value for role in rule.roles)
        label = "anyone, without credentials" if isinstance(rule, Public) else ", ".join(roles)
        text = inspect.cleandoc(route.endpoint.__doc__ or "")
        route.description = f"{text}\n\nAllowed: {label}.".strip()
        route.openapi_extra = {**(route.openapi_extra or {}), "x-roles": roles}
