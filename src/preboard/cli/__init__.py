"""The ``preboard`` command line (typer and rich): thin wrappers around the core packages."""

from __future__ import annotations

import sys

import typer
from rich.text import Text

from preboard.cli import (
    audit,
    demo,
    demo_data,
    intake,
    match,
    mrz,
    parse,
    report,
    rules,
    screen,
    serve,
    tokens,
    users,
    watchlist,
    worker,
)
from preboard.cli.render import console
from preboard.errors import PreboardError
from preboard.logging import configure_logging
from preboard.settings import Settings

app = typer.Typer(
    name="preboard",
    help="Pre-departure passenger screening: read airline API/PNR messages, screen, review.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _start() -> None:
    """Read the settings once and set up logging (to stderr) before any command."""
    configure_logging(Settings())


app.command("parse")(parse.parse_command)
app.command("mrz")(mrz.mrz_command)
app.command("demo")(demo.demo_command)
app.command("match")(match.match_command)
app.command("screen")(screen.screen_command)
app.command("demo-data")(demo_data.demo_data_command)
app.command("serve")(serve.serve_command)
app.command("worker")(worker.worker_command)
app.add_typer(watchlist.app, name="watchlist")
app.add_typer(rules.app, name="rules")
app.add_typer(report.app, name="report")
app.add_typer(users.app, name="users")
app.add_typer(tokens.app, name="tokens")
app.add_typer(audit.app, name="audit")
app.add_typer(intake.app, name="intake")


def main() -> None:
    """Entry point of the ``preboard`` script: preboard's own errors are reported in a line
    (exit status 1), never as a traceback."""
    try:
        app()
    except PreboardError as err:
        console(stderr=True).print(Text(f"error: {err.detail}", style="bold red"))
        sys.exit(1)
