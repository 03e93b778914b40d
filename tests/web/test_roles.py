"""Every route against every role: the allowed roles get past access control (neither 401
nor 403), every other role gets 403 (audited), and no credentials get 401. The policy table
below is the reviewed statement of who may call what: a route added without a rule stops
``create_app``; a route added with one fails here until the table says so too."""

from __future__ import annotations

import re

import pytest
from fastapi import APIRouter, FastAPI

from preboard.users import Role
from preboard.web import Public, RouteWithoutRuleError, api_routes, check_rules
from tests.web.conftest import Api

OFFICERS = {"officer", "supervisor"}
EVERYONE = {role.value for role in Role}
POLICY = {
    ("GET", "/api/v1/health"): "public",
    ("POST", "/api/v1/messages"): {"intake"},
    ("GET", "/api/v1/messages"): {"officer", "supervisor", "admin"},
    ("GET", "/api/v1/messages/{message_id}"): {"officer", "supervisor", "admin"},
    ("GET", "/api/v1/flights"): OFFICERS,
    ("GET", "/api/v1/flights/{flight_id}/worklist"): OFFICERS,
    ("GET", "/api/v1/travellers"): OFFICERS,
    ("GET", "/api/v1/travellers/{traveller_id}"): OFFICERS,
    ("POST", "/api/v1/travellers/{traveller_id}/notes"): OFFICERS,
    ("POST", "/api/v1/travellers/{traveller_id}/recommendations"): OFFICERS,
    ("POST", "/api/v1/hits/{hit_id}/review"): OFFICERS,
    ("POST", "/api/v1/hits/{hit_id}/decision"): OFFICERS,
    ("POST", "/api/v1/hits/{hit_id}/reopen"): OFFICERS,
    ("GET", "/api/v1/recommendations"): OFFICERS,
    ("POST", "/api/v1/recommendations/{recommendation_id}/approve"): {"supervisor"},
    ("POST", "/api/v1/recommendations/{recommendation_id}/withdraw"): OFFICERS,
    ("GET", "/api/v1/carrier/recommendations"): {"carrier"},
    ("POST", "/api/v1/carrier/recommendations/{recommendation_id}/ack"): {"carrier"},
    ("GET", "/api/v1/audit"): {"auditor"},
    ("GET", "/api/v1/settings"): {"admin"},
    ("PUT", "/api/v1/settings/{key}"): {"admin"},
    # the web UI (tests/web/ui)
    ("GET", "/"): "public",
    ("GET", "/ui/login"): "public",
    ("POST", "/ui/login"): "public",
    ("POST", "/ui/logout"): EVERYONE,
    ("POST", "/ui/language"): EVERYONE,
    ("GET", "/ui/"): OFFICERS,
    ("GET", "/ui/flights/{flight_id}"): OFFICERS,
    ("GET", "/ui/travellers/{traveller_id}"): OFFICERS,
    ("POST", "/ui/hits/{hit_id}/decision"): OFFICERS,
    ("POST", "/ui/travellers/{traveller_id}/recommendation"): OFFICERS,
    ("GET", "/ui/carrier"): {"carrier"},
    ("GET", "/ui/audit"): {"auditor"},
    # review forms (notes, approval, withdrawal), parse problems, users
    ("POST", "/ui/travellers/{traveller_id}/notes"): OFFICERS,
    ("POST", "/ui/hits/{hit_id}/review"): OFFICERS,
    ("POST", "/ui/hits/{hit_id}/reopen"): OFFICERS,
    ("POST", "/ui/recommendations/{recommendation_id}/approve"): {"supervisor"},
    ("POST", "/ui/recommendations/{recommendation_id}/withdraw"): OFFICERS,
    ("GET", "/ui/recommendations"): OFFICERS,
    ("GET", "/ui/messages"): {"officer", "supervisor", "admin"},
    ("GET", "/ui/messages/{message_id}"): {"officer", "supervisor", "admin"},
    ("GET", "/ui/users"): {"admin"},
    ("POST", "/ui/users"): {"admin"},
    ("POST", "/ui/users/{user_id}/role"): {"admin"},
    ("POST", "/ui/users/{user_id}/active"): {"admin"},
    ("POST", "/ui/users/{user_id}/unlock"): {"admin"},
    # rules and watchlists
    ("GET", "/ui/rules"): {"officer", "supervisor", "analyst", "auditor"},
    ("GET", "/ui/rules/new"): {"analyst"},
    ("GET", "/ui/rules/{rule_id}"): {"officer", "supervisor", "analyst", "auditor"},
    ("GET", "/ui/rules/{rule_id}/edit"): {"analyst"},
    ("POST", "/ui/rules/drafts"): {"analyst"},
    ("GET", "/ui/rules/drafts/{draft_id}"): {"officer", "supervisor", "analyst", "auditor"},
    ("POST", "/ui/rules/drafts/{draft_id}/release"): {"supervisor"},
    ("POST", "/ui/rules/drafts/{draft_id}/reject"): {"supervisor"},
    ("GET", "/ui/rules/{rule_id}/backtest"): {"analyst", "supervisor"},
    ("GET", "/ui/rules/drafts/{draft_id}/backtest"): {"analyst", "supervisor"},
    ("GET", "/ui/watchlists"): {"officer", "supervisor", "analyst"},
    ("POST", "/ui/watchlists/import"): {"analyst"},
    ("GET", "/ui/watchlists/{list_id}"): {"officer", "supervisor", "analyst"},
    ("GET", "/ui/watchlists/{list_id}/versions/{version}"): {"officer", "supervisor", "analyst"},
    ("GET", "/ui/watchlists/{list_id}/diff"): {"officer", "supervisor", "analyst"},
    # webhooks, exports, sessions
    ("GET", "/api/v1/flights/{flight_id}/worklist.csv"): OFFICERS,
    ("GET", "/api/v1/audit/export"): {"auditor"},
}


def declared(app: FastAPI) -> dict[tuple[str, str], object]:
    table: dict[tuple[str, str], object] = {}
    for route in api_routes(app):
        rule = route.rule
        roles = "public" if isinstance(rule, Public) else {r.value for r in rule.roles}
        for method in route.methods:
            table[(method, route.path)] = roles
    return table


def concrete(path: str) -> str:
    path = path.replace("{key}", "recommendations.require_approval")
    return re.sub(r"\{[a-z_]+\}", "999999", path)


def test_the_routes_declare_exactly_the_reviewed_policy(api: Api) -> None:
    assert declared(api.client.app) == POLICY


def test_every_role_against_every_route(api: Api) -> None:
    refused = 0
    for (method, path), allowed in declared(api.client.app).items():
        url, body = concrete(path), ({} if method in ("POST", "PUT") else None)
        anonymous = api.client.request(method, url, json=body, follow_redirects=False)
        assert (anonymous.status_code == 401) is (allowed != "public"), (method, path)
        for role in Role:
            response = api.client.request(
                method, url, json=body, headers=api.headers(role), follow_redirects=False
            )
            where = (method, path, role.value, response.status_code)
            if allowed == "public" or role.value in allowed:
                assert response.status_code not in (401, 403), where
            else:
                assert response.status_code == 403, where
                if path.startswith("/api/"):
                    assert response.json()["error"] == "AccessDeniedError"
                else:  # a page that says so
                    assert "AccessDeniedError" not in response.text, where
                    assert "may not do this" in response.text, where
                refused += 1
    denials = api.audit("access.denied")
    assert len(denials) == refused > 0


def test_a_refusal_is_audited_with_who_and_where(api: Api) -> None:
    assert api.get("/audit", Role.OFFICER).status_code == 403
    (record,) = api.audit("access.denied")
    assert (record.actor, record.subject) == ("user:officer", "route:GET /api/v1/audit")
    assert record.detail == {"role": "officer"}


def test_a_route_without_a_rule_stops_the_app_being_built() -> None:
    router = APIRouter()

    @router.get("/forgotten")
    def forgotten() -> dict[str, str]:
        return {}

    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    with pytest.raises(RouteWithoutRuleError, match="GET /api/v1/forgotten"):
        check_rules(app)
