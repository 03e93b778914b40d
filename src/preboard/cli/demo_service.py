"""``preboard demo`` as a running service: a fresh database, demo users, and the day replayed.

    sock = listen("127.0.0.1", 8000)          # first, so that a port in use is a clear error
    run_service(DemoOptions(data_dir, data_dir / "demo-day"), settings, sock)

1. The database is ``<data_dir>/demo/preboard.db`` (SQLite), deleted and migrated afresh on
   each run unless ``keep``; five demo users (officer, supervisor, analyst, auditor, admin)
   with well-known passwords (``DEMO_USERS``), an intake token and a carrier token for the
   carrier with most flights that day are created in it.
2. The service (``web.create_app``, its screening worker with the day's watchlist,
   lost-and-stolen list and a copy of the example rules in ``<data_dir>/demo/rules``, which
   the rules pages release versions into and screening picks up) is served by uvicorn on that
   socket, in one process, with a session secret made for the run. Because the passwords are
   public, ``check_host`` refuses any host but the loopback (``127.0.0.1``, ``localhost``,
   ``::1``) and production settings.
3. Once it is up, the URL, the users and the tokens are printed once, and the day's messages
   are replayed into the intake (``demo_replay``) while a progress bar counts messages sent
   and flights screened; personal data is never printed.
4. Ctrl-C (or SIGTERM) stops the replay and the server; the command exits 0.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import shutil
import signal
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from preboard.assessment import Screening
from preboard.audit import append
from preboard.cli.audit import cli_actor
from preboard.cli.demo_replay import Outgoing, Replay, ReplayTarget, fit_speed, replay_plan
from preboard.cli.render import console
from preboard.cli.screen import load_screening
from preboard.cli.worker import ListOptions, screening_source
from preboard.errors import ConfigurationError
from preboard.rules import EXAMPLES
from preboard.service import list_flights
from preboard.settings import Settings
from preboard.storage import (
    Database,
    SqlAccessStore,
    SqlAuditStore,
    StorageUnavailable,
    open_database,
    pending_messages,
)
from preboard.users import Role, TokenKind, create_user, issue_token
from preboard.web import create_app

__all__ = [
    "DEMO_USERS",
    "LOOPBACK",
    "DemoOptions",
    "DemoUser",
    "check_host",
    "day_screening",
    "listen",
    "run_service",
]

log = structlog.get_logger(__name__)

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
DEFAULT_REPLAY_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo login: well known, so the demo listens on the loopback only."""

    name: str
    role: Role
    password: str


DEMO_USERS = tuple(
    DemoUser(f"demo.{role.value}", role, f"demo-{role.value}-2026")
    for role in (Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ADMIN)
)


@dataclass(frozen=True, slots=True)
class DemoOptions:
    """What ``preboard demo`` was asked for (the service part)."""

    data_dir: Path
    day: Path
    speed: float | None = None  # None: the whole day in about DEFAULT_REPLAY_SECONDS
    keep: bool = False


@dataclass(frozen=True, slots=True)
class DemoAccess:
    """The tokens issued for this run (shown once)."""

    intake: str
    carrier: str
    carrier_code: str


def check_host(host: str, settings: Settings) -> None:
    """Refuse what would expose the well-known demo passwords."""
    if host not in LOOPBACK:
        raise ConfigurationError(
            f"the demo's passwords are public: it listens on 127.0.0.1, localhost or ::1 only, "
            f"not {host!r}"
        )
    if settings.environment == "production":
        raise ConfigurationError("the demo's passwords are public: not with production settings")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (``0``: any free port), or a clear error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise ConfigurationError(
            f"cannot listen on {host} port {port} ({err.strerror}): is another service "
            "using it? Choose another with --port"
        ) from None
    return sock


def open_demo_database(folder: Path, keep: bool, settings: Settings) -> tuple[Database, bool]:
    """The demo's SQLite database in ``folder``, migrated; made afresh unless ``keep``.
    Also whether it was kept."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "preboard.db"
    kept = keep and path.exists()
    if not kept:
        for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            old.unlink(missing_ok=True)
    return open_database(f"sqlite:///{path}", settings), kept


def _token_name(store: SqlAccessStore, base: str) -> str:
    if store.token_by_name(base) is None:
        return base
    return f"{base}-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}"


def grant_access(database: Database, carrier: str) -> DemoAccess:
    """Create the demo users that do not exist yet, an intake token and a carrier token."""
    actor = cli_actor()
    with database.write() as session:
        store, audit = SqlAccessStore(session), SqlAuditStore(session)
        for person in DEMO_USERS:
            if store.user_by_name(person.name) is None:
                user = create_user(store, person.name, person.role, person.password)
                shown: dict[str, Any] = {"role": user.role.value, "demo": True}
                append(audit, actor, "users.add", f"user:{user.name}", shown)
        issued: dict[TokenKind, str] = {}
        for kind, code in ((TokenKind.INTAKE, None), (TokenKind.CARRIER, carrier)):
            name = _token_name(store, f"demo-{kind.value}" + (f"-{code}" if code else ""))
            made, token = issue_token(store, kind, name=name, carrier=code, created_by=actor)
            detail: dict[str, Any] = {"kind": kind.value, "carrier": code, "demo": True}
            detail["prefix"] = token.prefix
            append(audit, actor, "tokens.add", f"token:{token.name}", detail)
            issued[kind] = made.secret
    return DemoAccess(issued[TokenKind.INTAKE], issued[TokenKind.CARRIER], carrier)


def busiest_carrier(plan: list[Outgoing]) -> str:
    """The carrier with most flights in the plan (its code leads each flight folder)."""
    flights = {o.flight for o in plan}
    counts = Counter(f[:2] for f in flights)
    return min(counts, key=lambda code: (-counts[code], code)) if counts else "AA"


def banner(url: str, access: DemoAccess, db_note: str) -> Table:
    """What to open and how to log in: printed once, when the service is up."""
    table = Table(title=f"preboard demo: [bold]{url}[/]  ({db_note})", title_justify="left")
    for column in ("user", "role", "password"):
        table.add_column(column)
    for person in DEMO_USERS:
        table.add_row(person.name, person.role.value, person.password)
    table.add_row("", "", "")
    table.add_row("carrier token", f"carrier {access.carrier_code}", access.carrier)
    table.add_row("intake token", "intake", access.intake)
    return table


@dataclass(slots=True)
class Screened:
    """How far screening is, read from the database."""

    flights: int
    hits: int
    pending: int


def screened(database: Database) -> Screened:
    """Messages still waiting for the worker, then flights with a worklist and their hits
    (in that order: with nothing pending, the flights read are the final ones)."""
    with database.session() as session:
        pending = len(pending_messages(session))
    views = list_flights(database)
    flights = sum(1 for v in views if v.travellers)
    return Screened(flights, sum(sum(v.hits.values()) for v in views), pending)


@contextlib.contextmanager
def quiet_signals() -> Iterator[None]:
    """SIGINT and SIGTERM ignored around the server: uvicorn handles them while it runs and
    raises them again after its shutdown, which must then end the command quietly (exit 0)."""
    handled = (signal.SIGINT, signal.SIGTERM)
    before = {sig: signal.signal(sig, lambda *_: None) for sig in handled}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _follow(replay: Replay, database: Database, out: Console, stopped: Callable[[], bool]) -> None:
    """Show the replay's progress until every message sent is screened."""
    flights = len({o.flight for o in replay.plan})
    columns: tuple[Any, ...] = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
    )  # fmt: skip
    with Progress(*columns, console=out, transient=False) as bar:
        sent = bar.add_task("messages sent", total=len(replay.plan))
        done = bar.add_task("flights screened", total=flights)
        state = Screened(0, 0, 0)
        while not stopped():
            finished = replay.done.is_set()  # before reading: nothing is sent after this
            with contextlib.suppress(StorageUnavailable):  # logged by storage; read again
                state = screened(database)
            clock = f" (day clock {replay.clock:%H:%M})" if replay.clock else ""
            bar.update(
                sent, completed=replay.sent + replay.refused, description=f"messages sent{clock}"
            )
            bar.update(done, completed=state.flights)
            if finished and state.pending == 0:
                break
            replay.done.wait(0.5)
    if stopped():
        return
    refused = f" ({replay.refused} refused: see the log)" if replay.refused else ""
    out.print(
        f"[bold]replay done[/]: {replay.sent} messages sent{refused}, {state.flights} flights "
        f"screened, {state.hits} hits to review. Press Ctrl-C to stop."
    )


@dataclass(frozen=True, slots=True)
class _Run:
    options: DemoOptions
    database: Database
    access: DemoAccess
    plan: list[Outgoing]
    db_note: str


def _show_and_replay(run: _Run, server: uvicorn.Server, url: str, out: Console) -> None:
    """Wait for the server, print how to use it, then replay the day (a thread's body)."""

    def stopped() -> bool:
        return server.should_exit

    while not server.started:
        if stopped():
            return
        threading.Event().wait(0.1)
    out.print(banner(url + "ui/", run.access, run.db_note))
    speed = run.options.speed or fit_speed(run.plan, DEFAULT_REPLAY_SECONDS)
    out.print(
        f"replaying {len(run.plan)} messages of {len({o.flight for o in run.plan})} flights "
        f"at {speed:g}× real time; planted cases: {run.options.day / 'truth.json'}",
        markup=False,
    )
    target = ReplayTarget(url + "api/v1/messages", run.access.intake)
    replay = Replay(run.plan, target, speed, stopped)
    replay.start()
    _follow(replay, run.database, out, stopped)
    replay.join()


def serve_demo(run: _Run, app: FastAPI, sock: socket.socket, out: Console) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C, replaying the day meanwhile."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    settings: Settings = app.state.settings
    config = uvicorn.Config(app, access_log=False, log_level=settings.log_level)
    server = uvicorn.Server(config)
    follower = threading.Thread(
        target=_show_and_replay, args=(run, server, url, out), name="preboard-demo", daemon=True
    )
    follower.start()
    with quiet_signals():
        server.run(sockets=[sock])
    server.should_exit = True
    follower.join(10)
    out.print("stopped.")


def day_screening(day: Path, err: Console, workers: int = 1) -> Screening:
    """The day's watchlist and lost-and-stolen list with the example rules, loaded once (as
    ``preboard screen`` would load them); list problems are logged."""
    options = {
        "watchlist": day / "watchlist.csv",
        "lost_stolen": day / "lost_stolen.csv",
        "rules": EXAMPLES,
        "visa": None,
        "workers": workers,
    }
    screening, problems = load_screening(options, dt.date.today(), err)
    for problem in problems:
        log.warning("demo.list_problem", file=problem.file, reason=problem.message)
    return screening


def demo_rules(folder: Path, kept: bool) -> Path:
    """The demo's own copy of the example rules (``folder/rules``), which the rules pages
    release new versions into: copied afresh unless the last run's is ``kept``."""
    rules = folder / "rules"
    if not kept:
        shutil.rmtree(rules, ignore_errors=True)
        shutil.rmtree(folder / "rule-drafts", ignore_errors=True)
        shutil.rmtree(folder / "watchlists", ignore_errors=True)
    if not rules.exists():
        shutil.copytree(EXAMPLES, rules)
    return rules


def run_service(options: DemoOptions, settings: Settings, sock: socket.socket) -> None:
    """The service part of ``preboard demo`` on ``sock`` (see the module docstring)."""
    out = console()
    out.print("loading the watchlist, the lost-and-stolen list and the rules ...")
    folder = options.data_dir / "demo"
    plan = replay_plan(options.day / "messages")
    database, kept = open_demo_database(folder, options.keep, settings)
    rules = demo_rules(folder, kept)
    served = settings.model_copy(update={
        "session_secret": SecretStr(secrets.token_urlsafe(32)),
        "data_dir": folder,  # rule drafts and watchlist versions made in the pages
        "rules_dir": rules,
    })  # fmt: skip
    lists: ListOptions = {
        "watchlist": options.day / "watchlist.csv",
        "lost_stolen": options.day / "lost_stolen.csv",
        "rules": rules,
        "visa": None,
    }
    source = screening_source(lists, served)
    try:
        access = grant_access(database, busiest_carrier(plan))
        note = f"{'kept' if kept else 'fresh'} SQLite in {folder}"
        run = _Run(options, database, access, plan, note)
        serve_demo(run, create_app(served, database, source.current), sock, out)
    finally:
        database.dispose()
