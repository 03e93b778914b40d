"""Carrier webhooks: a recommendation issued or withdrawn is pushed to the carrier's URL (the
``carrier.webhooks`` setting), signed, retried with backoff, every attempt audited.

    enqueue(session, principal, row, ISSUED, flight_id)    # in the recommendation's transaction
    deliver_pending(database, settings, client, now_utc())  # WebhookWorker calls it every poll

A delivery is queued (``WebhookDeliveryRow``) in the same transaction as the issue or the
withdrawal, and only for a carrier with a configured URL. ``deliver_pending`` claims the due
deliveries (for ``LEASE``, so two processes do not send one twice), then POSTs to each, outside
any transaction, the JSON of ``payload`` with ``X-Preboard-Signature: sha256=<hex HMAC-SHA256
of the body keyed by PREBOARD_WEBHOOK_SECRET>``, with a 5 s timeout and no redirects. A 2xx
marks it delivered; anything else is tried again after 30 s, 1, 2, 4 … minutes (at most an
hour) until ``MAX_ATTEMPTS``, then given up and logged. Without a secret nothing is sent.

The carrier is told what to do, never why (DOMAIN.md §4): the payload holds the flight, the
traveller's name and booking, the kind and the times, and no reason. The webhook is a nudge;
``GET /api/v1/carrier/recommendations`` with the carrier's token stays the source of truth.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx2
import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.service.policy import CARRIER_WEBHOOKS, setting
from preboard.service.trail import record
from preboard.settings import Settings
from preboard.storage import Database
from preboard.storage.tables import (
    FlightRow,
    RecommendationRow,
    TravellerRow,
    WebhookDeliveryRow,
)
from preboard.users import Principal

__all__ = ["ISSUED", "MAX_ATTEMPTS", "WITHDRAWN", "deliver_pending", "enqueue", "sign"]

log = structlog.get_logger(__name__)
ISSUED, WITHDRAWN = "recommendation.issued", "recommendation.withdrawn"
MAX_ATTEMPTS = 8
TIMEOUT = 5.0
LEASE = dt.timedelta(seconds=60)
BATCH = 50
SIGNATURE_HEADER = "X-Preboard-Signature"


def enqueue(
    session: Session,
    principal: Principal | None,
    row: RecommendationRow,
    event: str,
    flight: int | None,
) -> bool:
    """Queue ``event`` of the recommendation for its carrier's webhook, if it has one."""
    urls = setting(session, CARRIER_WEBHOOKS)
    if row.carrier not in urls:
        return False
    now = row.withdrawn_at if event == WITHDRAWN else row.issued_at
    delivery = WebhookDeliveryRow(recommendation_id=row.id, event=event, carrier=row.carrier,
                                  attempts=0, created_at=now, next_attempt_at=now)  # fmt: skip
    session.add(delivery)
    session.flush()
    record(session, principal, "webhook.queue", f"webhook:{delivery.id}", event=event,
           recommendation=row.id, carrier=row.carrier, flight=flight,
           traveller=row.traveller_id)  # fmt: skip
    return True


def sign(secret: bytes, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def _iso(at: dt.datetime | dt.date | None) -> str | None:
    return at.isoformat() if at is not None else None


def payload(delivery: WebhookDeliveryRow, row: RecommendationRow, traveller: TravellerRow,
            flight: FlightRow) -> dict[str, Any]:  # fmt: skip
    """What the carrier is told: who, on which flight, what to do, and when; no reason."""
    return {
        "id": row.id, "delivery": delivery.id, "event": delivery.event, "carrier": row.carrier,
        "flight": {"number": flight.number, "date": _iso(flight.date), "origin": flight.origin,
                   "destination": flight.destination, "departure": _iso(flight.departure)},
        "traveller": {"surname": traveller.surname, "given_names": traveller.given_names,
                      "record_locator": traveller.record_locator},
        "recommendation": row.kind.value, "issued_at": _iso(row.issued_at),
        "withdrawn": delivery.event == WITHDRAWN, "withdrawn_at": _iso(row.withdrawn_at),
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Job:
    delivery: int
    url: str
    body: bytes
    facts: dict[str, Any]  # for the audit record: recommendation, event, flight, traveller…


def _due(now: dt.datetime) -> Any:
    return (
        select(WebhookDeliveryRow)
        .where(WebhookDeliveryRow.delivered_at.is_(None))
        .where(WebhookDeliveryRow.next_attempt_at <= now)
        .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
        .limit(BATCH)
    )


def _claim(database: Database, now: dt.datetime) -> list[_Job]:
    """The due deliveries, leased to this caller for ``LEASE``."""
    with database.session() as session:  # a cheap look first: no write lock when idle
        if session.scalar(_due(now)) is None:
            return []
    jobs = []
    with database.write() as session:
        urls = setting(session, CARRIER_WEBHOOKS)
        for delivery in session.scalars(_due(now).with_for_update(skip_locked=True)):
            row = session.get(RecommendationRow, delivery.recommendation_id)
            traveller = session.get(TravellerRow, row.traveller_id) if row else None
            flight = session.get(FlightRow, traveller.flight_id) if traveller else None
            facts = {"recommendation": delivery.recommendation_id, "event": delivery.event,
                     "carrier": delivery.carrier, "flight": flight.id if flight else None,
                     "traveller": traveller.id if traveller else None}  # fmt: skip
            url = urls.get(delivery.carrier)
            if not (row and traveller and flight and url):
                _give_up(session, delivery, "no webhook configured", facts)
                continue
            delivery.next_attempt_at = now + LEASE
            body = json.dumps(payload(delivery, row, traveller, flight), sort_keys=True).encode()
            jobs.append(_Job(delivery.id, str(url), body, facts))
    return jobs


def _send(client: httpx2.Client, job: _Job, secret: bytes) -> tuple[int | None, str | None]:
    """The response's status, and what went wrong (``None`` for a 2xx)."""
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, job.body),
               "X-Preboard-Event": str(job.facts["event"]),
               "X-Preboard-Delivery": str(job.delivery)}  # fmt: skip
    try:
        response = client.post(job.url, content=job.body, headers=headers, timeout=TIMEOUT)
    except httpx2.HTTPError as err:
        return None, type(err).__name__
    ok = 200 <= response.status_code < 300
    return response.status_code, None if ok else f"HTTP {response.status_code}"


def _give_up(
    session: Session, delivery: WebhookDeliveryRow, error: str, facts: dict[str, Any]
) -> None:
    delivery.next_attempt_at, delivery.last_error = None, error[:200]
    log.warning("webhook.gave_up", delivery=delivery.id, carrier=delivery.carrier,
                attempts=delivery.attempts, error=error)  # fmt: skip
    record(session, None, "webhook.give_up", f"webhook:{delivery.id}", error=error,
           attempts=delivery.attempts, **facts)  # fmt: skip


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failure: 30 s, 1 min, 2 min … at most an hour."""
    return min(dt.timedelta(seconds=30 * 2 ** (attempts - 1)), dt.timedelta(hours=1))


def _settle(database: Database, job: _Job, outcome: tuple[int | None, str | None],
            now: dt.datetime) -> bool:  # fmt: skip
    status, error = outcome
    with database.write() as session:
        delivery = session.get(WebhookDeliveryRow, job.delivery)
        assert delivery is not None
        delivery.attempts += 1
        delivery.last_status, delivery.last_error = status, error
        host = urlsplit(job.url).hostname
        record(session, None, "webhook.deliver", f"webhook:{job.delivery}", host=host,
               attempt=delivery.attempts, status=status, error=error, **job.facts)  # fmt: skip
        if error is None:
            delivery.delivered_at, delivery.next_attempt_at = now, None
        elif delivery.attempts >= MAX_ATTEMPTS:
            _give_up(session, delivery, error, job.facts)
        else:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
    return error is None


def deliver_pending(
    database: Database, settings: Settings, client: httpx2.Client, now: dt.datetime
) -> int:
    """Send every due delivery once; how many were delivered (2xx). Nothing is sent without
    ``settings.webhook_secret``."""
    if settings.webhook_secret is None:
        return 0
    secret = settings.webhook_secret.get_secret_value().encode()
    delivered = 0
    for job in _claim(database, now):
        delivered += _settle(database, job, _send(client, job, secret), now)
    return delivered
