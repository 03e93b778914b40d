"""Server time of the worklist page for a 500-traveller flight (goal: ≤ 150 ms).

    .venv/bin/python benchmarks/load/worklist_page.py [--travellers 500] [--runs 30]

Builds a SQLite database in a temporary folder with one flight of N travellers (API-sized
records, a booking each, one traveller in ten with a finding), logs an officer in, and times
``GET /ui/flights/{id}`` in process (Starlette's test client: the app's whole work, the
audited read included, without a network). Prints the median and the 95th percentile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from preboard.settings import Settings
from preboard.storage import SqlAccessStore, open_database
from preboard.storage.tables import FlightRow, HitRow, TravellerRow
from preboard.users import Role, TokenKind, issue_token, now_utc
from preboard.web import create_app

DOC = {"type": "P", "number": "X1234567", "issuing_country": "USA", "expiry": "2031-01-01"}


def _traveller(flight_id: int, i: int, now: dt.datetime) -> TravellerRow:
    data = {"role": "passenger", "surname": f"SURNAME{i:04d}", "given_names": "GIVEN NAMES",
            "birth_date": "1980-01-01", "sex": "F", "nationality": "USA", "documents": [DOC],
            "seat": f"{i // 6 + 1}A", "bags": 1}  # fmt: skip
    booking = {"record_locator": f"R{i:05d}", "travellers": [data], "payments": []}
    return TravellerRow(
        flight_id=flight_id, identity=f"id{i}", role="passenger", surname=f"SURNAME{i:04d}",
        given_names="GIVEN NAMES", record_locator=f"R{i:05d}", priority=(i % 10 == 0) * 0.9,
        data=data, booking=booking, created_at=now, updated_at=now,
    )  # fmt: skip


def build(folder: Path, travellers: int) -> tuple[TestClient, int, str]:
    database = open_database(f"sqlite:///{folder / 'bench.db'}", Settings())
    now = now_utc()
    with database.write() as session:
        flight = FlightRow(carrier="F9", number="2591", date=dt.date(2026, 12, 2), origin="CUN",
                           destination="PHL", departure=dt.datetime(2026, 12, 2, 19, 10),
                           created_at=now, updated_at=now)  # fmt: skip
        session.add(flight)
        session.flush()
        rows = [_traveller(flight.id, i, now) for i in range(travellers)]
        session.add_all(rows)
        session.flush()
        for row in rows[::10]:
            session.add(HitRow(
                traveller_id=row.id, kind="document", code="document.lost_stolen",
                severity="critical", score=1.0, explanation="The passport is on the list.",
                source="lost_stolen@bench", detail={}, status="new", fingerprint=f"f{row.id}",
                created_at=now, updated_at=now,
            ))  # fmt: skip
        store = SqlAccessStore(session)
        user = store.add_user("officer", Role.OFFICER, "unused", now)
        issued, _ = issue_token(store, TokenKind.PERSONAL, user=user)
        flight_id = flight.id
    app = create_app(Settings(), database, start_worker=False)
    return TestClient(app), flight_id, issued.secret


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--travellers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        client, flight_id, secret = build(Path(folder), args.travellers)
        headers = {"Authorization": f"Bearer {secret}"}
        with client:
            for _ in range(3):  # warm up: templates compiled, connections pooled
                assert client.get(f"/ui/flights/{flight_id}", headers=headers).status_code == 200
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                response = client.get(f"/ui/flights/{flight_id}", headers=headers)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(f"worklist page, {args.travellers} travellers, {args.runs} runs, "
              f"{len(response.content) // 1024} KiB: median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms (goal ≤ 150 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
