"""Load: officers browsing the API while airlines send messages, against a real server.

    .venv/bin/python benchmarks/load/api_load.py [--officers 50] [--rate 20] [--seconds 60]
        [--warmup 10] [--think 1.0] [--database URL | --postgres] [--workers N]

Starts ``preboard serve`` (SQLite in a temporary folder; ``--postgres``: a throwaway
PostgreSQL server from Debian's packages with its default durability, fsync on; ``--database``:
another URL) with the synthetic day's watchlist, lost-and-stolen list and the example rules,
its screening worker process beside it, and ``--workers`` uvicorn processes. It creates 50
officers with personal tokens and an intake token, waits until the screening worker has its
lists loaded, then: one sender posts messages at ``--rate`` per second, open loop (the PAXLST
and PNRGOV files of synthetic days for several dates, so that they are distinct flights, in
departure order), and each officer (starting within the first second) loops over the pages
of a shift: the departures (``/flights``), a flight's worklist, then a traveller of it,
pausing about ``--think`` seconds between pages. The first ``--warmup`` seconds run at the
same load and are not measured (connection pools, caches; their errors are still counted);
then ``--seconds`` are. Prints requests, errors (any status other than 200/202, or a failed
connection), page times (p50, p95, max) per kind of page and p95 by 10 s, and the CPU each
part used (server, worker, this load generator) on the same 2 vCPUs. With ``--ui`` the
officers get the web UI's HTML pages (departures board, worklist page,
traveller page) instead of the API's JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx2
from sqlalchemy import func, select

from preboard.rules import EXAMPLES
from preboard.settings import Settings
from preboard.storage import Database, MessageStatus, SqlAccessStore, open_database
from preboard.storage.tables import MessageRow
from preboard.synthetic.day import DEFAULT_DATE, make_day, write_day
from preboard.users import Role, TokenKind, issue_token, now_utc


def days(folder: Path, count: int) -> list[Path]:
    """Message files of ``count`` synthetic days (one per date), in departure order."""
    files: list[tuple[str, int, Path]] = []
    for n in range(count):
        day = folder / f"day{n}"
        if not (day / ".stamp").exists():
            write_day(make_day(1 + n, date=DEFAULT_DATE + dt.timedelta(days=n)), day)
        for flight in sorted((day / "messages").iterdir()):
            for path in sorted(flight.glob("*.edi")):
                files.append((flight.name.split("-", 1)[1], n, path))
    return [p for _, _, p in sorted(files, key=lambda f: (f[0], f[1], str(f[2])))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def setup(url: str, data: Path, officers: int) -> tuple[str, list[str]]:
    database = open_database(url, Settings(data_dir=data))
    with database.write() as session:
        store = SqlAccessStore(session)
        intake, _ = issue_token(store, TokenKind.INTAKE, name="airlines")
        tokens = []
        for i in range(officers):
            user = store.add_user(f"officer{i:02d}", Role.OFFICER, "unused", now_utc())
            issued, _ = issue_token(store, TokenKind.PERSONAL, user=user)
            tokens.append(issued.secret)
    database.dispose()
    return intake.secret, tokens


class Stats:
    """Requests measured from ``measure_from`` (monotonic): those started during the warm-up
    are left out, except their errors, which are counted apart."""

    def __init__(self, measure_from: float) -> None:
        self.measure_from = measure_from
        self.warmup_errors = 0
        self.why: Counter[str] = Counter()  # errors by status and start of body
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.pages: dict[int, list[float]] = defaultdict(list)  # by 10 s of the run

    def add(self, kind: str, started: float, ok: bool) -> None:
        seconds = time.monotonic() - started
        if started < self.measure_from:
            self.warmup_errors += not ok
            return
        self.times[kind].append(seconds)
        if kind != "intake":
            self.pages[int((started - self.measure_from) // 10)].append(seconds)
        if not ok:
            self.errors[kind] += 1


async def timed(client: httpx2.AsyncClient, stats: Stats, kind: str, method: str, path: str,
                **kw: object) -> httpx2.Response | None:  # fmt: skip
    t0 = time.monotonic()
    try:
        response = await client.request(method, path, **kw)  # type: ignore[arg-type]
    except httpx2.HTTPError as err:
        stats.add(kind, t0, False)
        stats.why[type(err).__name__] += 1
        return None
    ok = response.status_code in (200, 202)
    stats.add(kind, t0, ok)
    if not ok:
        stats.why[f"{response.status_code} {response.text[:120]}"] += 1
    return response


_FLIGHT_LINK = re.compile(r'href="/ui/flights/(\d+)"')
_TRAVELLER_LINK = re.compile(r'href="/ui/travellers/(\d+)"')


def _ids(
    response: httpx2.Response | None, ui: bool, pattern: re.Pattern[str], key: str
) -> list[int]:
    """The flight or traveller ids a page offers: links in the HTML, ids in the JSON."""
    if response is None or response.status_code != 200:
        return []
    if ui:
        return [int(found) for found in pattern.findall(response.text)]
    body = response.json()
    items = body if isinstance(body, list) else body.get(key, [])
    return [item["id"] for item in items]


async def officer(
    base: str, token: str, stats: Stats, until: float, think: float, ui: bool
) -> None:
    """An officer's shift: departures, a flight's worklist, one of its first travellers; the
    web UI's pages with ``ui`` (the HTML a browser gets), else the API's JSON."""
    rng = random.Random(token)
    headers = {"Authorization": f"Bearer {token}"}
    paths = ("/ui/", "/ui/flights/{}", "/ui/travellers/{}") if ui else (
        "/api/v1/flights", "/api/v1/flights/{}/worklist", "/api/v1/travellers/{}")  # fmt: skip
    await asyncio.sleep(rng.uniform(0, think))  # officers do not all click at the same instant
    async with httpx2.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        while time.monotonic() < until:
            flights = await timed(client, stats, "departures", "GET", paths[0])
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            ids = _ids(flights, ui, _FLIGHT_LINK, "")
            if not ids:
                continue
            path = paths[1].format(rng.choice(ids))
            worklist = await timed(client, stats, "worklist", "GET", path)
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            people = _ids(worklist, ui, _TRAVELLER_LINK, "travellers")
            if people:
                path = paths[2].format(rng.choice(people[:20]))
                await timed(client, stats, "traveller", "GET", path)
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def sender(
    base: str, token: str, files: list[Path], rate: float, stats: Stats, until: float
) -> int:
    """Open loop: a message every 1/rate seconds whatever the server's latency (as airlines
    send), each posted on its own task."""
    headers = {"Authorization": f"Bearer {token}"}
    start = time.monotonic()
    tasks = []
    async with httpx2.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        for n, path in enumerate(files):
            delay = start + n / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if time.monotonic() >= until:
                break
            body = path.read_bytes()
            tasks.append(asyncio.create_task(
                timed(client, stats, "intake", "POST", "/api/v1/messages", content=body)
            ))  # fmt: skip
        await asyncio.gather(*tasks)
    return len(tasks)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(v) for v in fields[11:15]) / ticks


def processes() -> dict[str, list[int]]:
    """The server's processes by kind: ``serve`` (uvicorn) and ``worker`` (screening)."""
    found: dict[str, list[int]] = defaultdict(list)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"preboard" in command and b"worker" in command:
            found["worker"].append(int(proc.name))
        elif b"preboard" in command and b"serve" in command:
            found["serve"].append(int(proc.name))
        elif b"multiprocessing.spawn" in b" ".join(command) or b"spawn_main" in b"".join(command):
            found["serve"].append(int(proc.name))  # uvicorn's --workers processes
    return found


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(q * len(ordered)) - 1)]


async def run(
    args: argparse.Namespace, base: str, intake: str, tokens: list[str], files: list[Path]
) -> None:
    start = time.monotonic()
    stats = Stats(start + args.warmup)
    pids = processes()
    before: dict[str, float] = {}
    own = [0.0]

    async def measure() -> None:
        await asyncio.sleep(args.warmup)
        before.update({kind: sum(cpu_seconds(p) for p in ps) for kind, ps in pids.items()})
        own[0] = time.process_time()

    until = start + args.warmup + args.seconds
    tasks = [officer(base, t, stats, until, args.think, args.ui) for t in tokens]
    await asyncio.gather(measure(), sender(base, intake, files, args.rate, stats, until), *tasks)
    sent = len(stats.times["intake"])
    total = sum(len(v) for v in stats.times.values())
    errors = sum(stats.errors.values())
    head = (f"{args.seconds} s after {args.warmup} s of warm-up, {len(tokens)} officers "
            f"(think {args.think} s)")  # fmt: skip
    print(f"{head}, intake {sent} messages ({sent / args.seconds:.1f}/s): "
          f"{total:,} requests, {errors} errors")  # fmt: skip
    for kind, values in sorted(stats.times.items()):
        print(f"  {kind:<10} {len(values):>6} requests, {stats.errors[kind]} errors: p50 "
              f"{statistics.median(values) * 1000:.0f} ms, p95 {pct(values, 0.95) * 1000:.0f} ms, "
              f"max {max(values) * 1000:.0f} ms")  # fmt: skip
    used = {kind: sum(cpu_seconds(p) for p in ps) - before[kind] for kind, ps in pids.items()}
    used["load generator"] = time.process_time() - own[0]
    print("CPU during the run (of 2 vCPUs): " + ", ".join(
        f"{kind} {seconds / args.seconds:.2f}" for kind, seconds in sorted(used.items())
    ))  # fmt: skip
    print("page p95 by 10 s: " + ", ".join(
        f"{pct(v, 0.95) * 1000:.0f}" for _, v in sorted(stats.pages.items())
    ) + " ms")  # fmt: skip
    pages = [v for k, vs in stats.times.items() if k != "intake" for v in vs]
    print(f"pages: p95 {pct(pages, 0.95) * 1000:.0f} ms (goal ≤ 300 ms), errors {errors} (goal 0)"
          f"; errors during the warm-up: {stats.warmup_errors}")  # fmt: skip
    for why, count in stats.why.most_common():
        print(f"  error x{count}: {why}")


def backlog(url: str, limit: float = 600.0) -> None:
    """How many messages the worker had still to screen when the load stopped, and how long
    it took to finish them (screening runs below the pages' priority)."""
    database = Database.connect(url)
    started = time.monotonic()

    def waiting() -> int:
        with database.session() as session:
            stmt = select(func.count(MessageRow.id)).where(
                MessageRow.status == MessageStatus.RECEIVED
            )
            return int(session.scalar(stmt) or 0)

    left = waiting()
    while waiting() and time.monotonic() - started < limit:
        time.sleep(1)
    print(f"screening: {left} messages still waiting when the load stopped, all screened "
          f"{time.monotonic() - started:.0f} s later ({waiting()} left)")  # fmt: skip
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=int, default=60, help="measured, after the warm-up")
    parser.add_argument(
        "--warmup",
        type=int,
        default=10,
        help="seconds at the same load before measuring (pools, caches)",
    )
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--database", help="a database URL (default: SQLite in a temporary folder)")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="a throwaway PostgreSQL server (fsync on), as tests/pg.py starts",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn processes")
    parser.add_argument(
        "--ui",
        action="store_true",
        help="officers browse the web UI's pages (HTML) instead of the API",
    )
    parser.add_argument(
        "--days", type=Path, default=Path(tempfile.gettempdir()) / "preboard-load-days"
    )
    args = parser.parse_args()
    total = args.seconds + args.warmup
    files = days(args.days, max(1, int(args.rate * total / 220) + 1))
    data = Path(tempfile.mkdtemp(prefix="preboard-load-"))
    print(f"server log: {data / 'server.log'}")
    url = args.database or f"sqlite:///{data / 'preboard.db'}"
    stop_postgres = None
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from tests.pg import start_server

        server_pg, stop_postgres = start_server(durable=True)
        server_pg.admin.dispose()
        url = server_pg.url
    intake, tokens = setup(url, data, args.officers)
    port = free_port()
    lists = args.days / "day0"
    server = subprocess.Popen(
        [sys.executable, "-m", "preboard", "serve", "--port", str(port), "--database", url,
         "--watchlist", str(lists / "watchlist.csv"),
         "--lost-stolen", str(lists / "lost_stolen.csv"), "--rules", str(EXAMPLES),
         "--workers", str(args.workers)],
        env={**os.environ, "PREBOARD_DATA_DIR": str(data), "PREBOARD_LOG_LEVEL": "info"},
        stdout=subprocess.DEVNULL, stderr=(data / "server.log").open("wb"),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        log = data / "server.log"
        for _ in range(600):  # the screening worker logs when its lists are loaded
            if b"worker.started" in log.read_bytes():
                break
            time.sleep(0.2)
        for _ in range(300):
            try:
                if httpx2.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx2.HTTPError:
                time.sleep(0.2)
        asyncio.run(run(args, base, intake, tokens, files))
        backlog(url)
    finally:
        server.terminate()
        try:
            server.wait(90)
        except subprocess.TimeoutExpired:
            server.kill()
        if stop_postgres is not None:
            stop_postgres()


if __name__ == "__main__":
    main()
