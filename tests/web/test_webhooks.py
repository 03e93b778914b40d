"""Carrier webhooks (``service/webhooks.py``) against a real HTTP server on 127.0.0.1: queued
with the recommendation only for a carrier with a URL, signed with the webhook secret, retried
with backoff after a failure, given up after ``MAX_ATTEMPTS``, every attempt audited; the
setting takes https URLs only (http to this machine)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2
import pytest
from sqlalchemy import select

from preboard.service import WebhookWorker, deliver_pending
from preboard.service.webhooks import MAX_ATTEMPTS
from preboard.settings import Settings
from preboard.storage.tables import WebhookDeliveryRow
from preboard.users import Role, now_utc
from tests.service.day import DayFiles
from tests.web.conftest import Api
from tests.web.test_recommendations import NO_BOARD, confirmed_traveller

SECRET = "webhook-secret-for-tests-0123456789"
SIGNED = Settings(webhook_secret=SECRET)


@dataclass
class Hook:
    """A carrier's endpoint: answers with ``statuses`` in turn (then 200), keeps requests."""

    url: str = ""
    statuses: list[int] = field(default_factory=list)
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(state.statuses.pop(0) if state.statuses else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/preboard"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def client() -> Iterator[httpx2.Client]:
    with httpx2.Client(timeout=5) as http:
        yield http


def configure(api: Api, urls: dict[str, str]) -> httpx2.Response:
    return api.client.put(
        "/api/v1/settings/carrier.webhooks", headers=api.headers(Role.ADMIN), json={"value": urls}
    )


def issue(api: Api, day: DayFiles) -> dict[str, Any]:
    traveller = confirmed_traveller(api, day)
    path = f"/travellers/{traveller['id']}/recommendations"
    made: dict[str, Any] = api.post(path, Role.OFFICER, json=NO_BOARD).json()
    return made


def deliveries(api: Api) -> list[WebhookDeliveryRow]:
    with api.database.session() as session:
        return list(session.scalars(select(WebhookDeliveryRow).order_by(WebhookDeliveryRow.id)))


def test_an_issued_recommendation_is_pushed_signed_and_audited(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    assert configure(api, {"f9": hook.url}).status_code == 200
    rec = issue(api, day)
    (queued,) = deliveries(api)
    assert (queued.event, queued.carrier, queued.attempts) == ("recommendation.issued", "F9", 0)
    assert deliver_pending(api.database, SIGNED, client, now_utc()) == 1
    ((headers, body),) = hook.received
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["x-preboard-signature"] == f"sha256={expected}"
    sent = json.loads(body)
    assert (sent["id"], sent["event"], sent["carrier"]) == (
        rec["id"],
        "recommendation.issued",
        "F9",
    )
    assert sent["recommendation"] == "no_board" and sent["flight"]["number"] == "2591"
    assert sent["traveller"]["surname"] and sent["issued_at"]
    assert "reason" not in sent and NO_BOARD["reason"].encode() not in body
    (done,) = deliveries(api)
    assert done.delivered_at is not None and (done.attempts, done.last_status) == (1, 200)
    assert deliver_pending(api.database, SIGNED, client, now_utc() + dt.timedelta(hours=2)) == 0
    (record,) = api.audit("webhook.deliver")
    assert record.actor == "system" and record.detail["status"] == 200
    assert record.detail["recommendation"] == rec["id"] and record.detail["host"] == "127.0.0.1"
    assert {"flight", "traveller"} <= set(record.detail)


def test_a_failed_delivery_is_retried_after_its_backoff(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"F9": hook.url})
    issue(api, day)
    hook.statuses = [500]
    now = now_utc()
    assert deliver_pending(api.database, SIGNED, client, now) == 0
    (failed,) = deliveries(api)
    assert (failed.attempts, failed.last_status, failed.last_error) == (1, 500, "HTTP 500")
    assert failed.next_attempt_at == now + dt.timedelta(seconds=30)
    assert deliver_pending(api.database, SIGNED, client, now + dt.timedelta(seconds=29)) == 0
    assert len(hook.received) == 1  # not due yet
    assert deliver_pending(api.database, SIGNED, client, now + dt.timedelta(seconds=31)) == 1
    assert len(hook.received) == 2 and hook.received[0][1] == hook.received[1][1]
    (done,) = deliveries(api)
    assert (done.attempts, done.last_status, done.last_error) == (2, 200, None)
    assert [r.detail["status"] for r in api.audit("webhook.deliver")] == [500, 200]


def test_delivery_gives_up_after_the_last_attempt(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"F9": hook.url})
    issue(api, day)
    hook.statuses = [503] * MAX_ATTEMPTS
    at = now_utc()
    for _ in range(MAX_ATTEMPTS + 2):
        deliver_pending(api.database, SIGNED, client, at)
        at += dt.timedelta(hours=2)
    (given_up,) = deliveries(api)
    assert (given_up.attempts, given_up.delivered_at, given_up.next_attempt_at) == (
        MAX_ATTEMPTS, None, None,
    )  # fmt: skip
    assert len(hook.received) == MAX_ATTEMPTS and len(api.audit("webhook.give_up")) == 1


def test_a_withdrawal_is_pushed_too(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"F9": hook.url})
    rec = issue(api, day)
    withdraw = {"reason": "issuer confirms the passport was recovered"}
    api.post(f"/recommendations/{rec['id']}/withdraw", Role.OFFICER, json=withdraw)
    assert [d.event for d in deliveries(api)] == [
        "recommendation.issued",
        "recommendation.withdrawn",
    ]
    assert deliver_pending(api.database, SIGNED, client, now_utc()) == 2
    last = json.loads(hook.received[-1][1])
    assert last["withdrawn"] is True and last["withdrawn_at"] and "reason" not in last
    assert withdraw["reason"].encode() not in hook.received[-1][1]


def test_nothing_is_queued_or_sent_without_a_webhook_for_the_carrier(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"NK": hook.url})  # another carrier's
    issue(api, day)
    assert deliveries(api) == []
    assert deliver_pending(api.database, SIGNED, client, now_utc()) == 0
    assert hook.received == [] and api.audit("webhook.queue") == []


def test_nothing_is_sent_without_the_signing_secret(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"F9": hook.url})
    issue(api, day)
    assert deliver_pending(api.database, Settings(), client, now_utc()) == 0
    assert hook.received == [] and deliveries(api)[0].attempts == 0


@pytest.mark.parametrize(
    ("urls", "ok"),
    [
        ({"AM": "https://api.example-air.com/preboard?x=1"}, True),
        ({"AM": "http://localhost:8080/hook"}, True),
        ({"AM": "http://example-air.com/hook"}, False),
        ({"AM": "ftp://example-air.com/hook"}, False),
        ({"AM": "https://user:pw@example-air.com/hook"}, False),
        ({"AM": "not a url"}, False),
        ({"AMXX": "https://example-air.com/hook"}, False),
        ({"AM": 42}, False),
    ],
)
def test_the_webhook_setting_takes_https_urls_only(
    api: Api, urls: dict[str, Any], ok: bool
) -> None:
    response = configure(api, urls)
    assert response.status_code == (200 if ok else 422), response.text
    assert len(api.audit("setting.change")) == (1 if ok else 0)


def test_the_apps_worker_sends_the_webhook(
    api: Api, day: DayFiles, hook: Hook, client: httpx2.Client
) -> None:
    configure(api, {"F9": hook.url})
    issue(api, day)
    worker = WebhookWorker(api.database, SIGNED, poll=0.05)
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not hook.received and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop()
    assert len(hook.received) == 1 and deliveries(api)[0].delivered_at is not None
