"""Bearer tokens at the API: a token's use is recorded (in a write transaction of its own),
and an unknown, revoked or malformed credential is 401."""

from __future__ import annotations

from sqlalchemy import select

from preboard.storage import SqlAccessStore
from preboard.storage.tables import TokenRow
from preboard.users import Role, revoke_token
from tests.web.conftest import Api


def test_a_tokens_use_is_recorded(api: Api) -> None:
    assert api.get("/flights", Role.OFFICER).status_code == 200
    with api.database.session() as session:
        used = session.scalars(select(TokenRow.last_used_at)).all()
    assert len(used) == 1 and used[0] is not None


def test_unknown_revoked_and_malformed_credentials_are_401(api: Api) -> None:
    headers = api.headers(Role.INTAKE)
    with api.database.write() as session:
        revoke_token(SqlAccessStore(session), "intake")
    for sent in (headers, {"Authorization": "Bearer pb_unknown"}, {"Authorization": "Basic x"}):
        response = api.client.get("/api/v1/flights", headers=sent)
        assert response.status_code == 401, sent
        assert response.headers["www-authenticate"] == "Bearer"
