"""``cli.demo_replay``: the order and times at which the demo sends a day's files, and the
sending itself (to a small HTTP server of the test's own), on a two-flight synthetic day."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from preboard.cli.demo_replay import Replay, ReplayTarget, fit_speed, replay_plan, sent_at
from preboard.cli.demo_service import busiest_carrier
from preboard.synthetic.day import make_day, write_day


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("replay") / "day"
    write_day(make_day(3, flights=2), out)
    return out / "messages"


def test_files_go_in_the_order_airlines_send_them(messages: Path) -> None:
    plan = replay_plan(messages)
    assert len(plan) == len(list(messages.rglob("*.edi")))
    times = [o.at for o in plan]
    assert None not in times and times == sorted(times)  # type: ignore[type-var]
    for flight in {o.flight for o in plan}:
        own = [o for o in plan if o.flight == flight]
        names = [o.path.name for o in own]
        # the crew list an hour before departure, then the PNR push, then the passenger list
        assert names[0] == "paxlst-crew.edi"
        kinds = [o.kind for o in own[1:]]
        assert kinds == sorted(kinds, key=["PNR", "API"].index)
        parts = [n for n in names if n.startswith("paxlst-") and n != "paxlst-crew.edi"]
        assert parts == sorted(parts, key=lambda n: int(n[7:-4]))


def test_the_time_is_the_interchange_header(tmp_path: Path) -> None:
    sample = tmp_path / "pnr.edi"
    sample.write_text(
        "UNA:+.? 'UNB+IATA:1+AA+PREBOARD+261202:0615+1'UNH+1+PNRGOV:13:1:IA+X'"
        "MSG+:22'UNT+3+1'UNZ+1+1'"
    )
    assert sent_at(sample) == ("PNR", dt.datetime(2026, 12, 2, 6, 15))


def test_the_default_speed_fits_the_day_in_a_minute(messages: Path) -> None:
    plan = replay_plan(messages)
    day = (plan[-1].at - plan[0].at).total_seconds()  # type: ignore[operator]
    assert fit_speed(plan, 60) == pytest.approx(day / 60)
    assert fit_speed(plan[:1], 60) == 1.0  # a single file: no waiting at all
    assert busiest_carrier(plan) == min(o.flight[:2] for o in plan)  # a tie: alphabetical


class _Intake(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[str, bytes]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        self.received.append((self.headers["Authorization"], self.rfile.read(length)))
        self.send_response(202 if len(self.received) > 1 else 422)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def intake() -> Iterator[str]:
    _Intake.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Intake)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1/messages"
    server.shutdown()
    server.server_close()


def test_every_file_is_posted_byte_for_byte_with_the_token(messages: Path, intake: str) -> None:
    plan = replay_plan(messages)
    replay = Replay(plan, ReplayTarget(intake, "pb_secret"), speed=1e9, stopped=lambda: False)
    replay.start()
    replay.join(30)
    assert replay.done.is_set()
    assert (replay.sent, replay.refused) == (len(plan) - 1, 1)  # the first was answered 422
    assert [body for _, body in _Intake.received] == [o.path.read_bytes() for o in plan]
    assert {auth for auth, _ in _Intake.received} == {"Bearer pb_secret"}


def test_a_stopped_replay_sends_nothing_more(messages: Path, intake: str) -> None:
    plan = replay_plan(messages)
    replay = Replay(plan, ReplayTarget(intake, "pb_secret"), speed=1.0, stopped=lambda: True)
    replay.start()
    replay.join(5)
    assert replay.done.is_set() and replay.sent == 0 and not _Intake.received
