"""``preboard report``: reports on what screening does, for supervisors and auditors.

    preboard report fairness FILE... --watchlist W [--lost-stolen L] [--rules DIR] [--truth T]

``fairness`` screens the messages as ``preboard screen`` does and prints, by nationality, how
many innocent travellers got a finding (travellers named in the truth file with expected
findings are the planted cases and are left out), and the ratio of the highest rate to the
lowest among nationalities with at least ``--min-size`` travellers. ``--max-ratio`` makes the
command fail (exit 1) above that ratio, for use in checks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from preboard.assessment import screen
from preboard.assessment.fairness import FairnessReport, fairness
from preboard.assessment.screen import Assessed
from preboard.cli.render import console, problems_table
from preboard.cli.screen import expand, load_screening
from preboard.ingest.reader import read_paths
from preboard.matching.compare import normalise_number

app = typer.Typer(help="Reports on screening: fairness of errors.", no_args_is_help=True)


def planted_documents(truth: Path | None) -> set[str]:
    """Document numbers of the planted cases that are expected to raise findings."""
    if truth is None:
        return set()
    cases = json.loads(truth.read_text(encoding="utf-8"))
    return {
        normalise_number(case["document_number"])
        for case in cases
        if case.get("expected") and case.get("document_number")
    }


def _is_innocent(planted: set[str]) -> Callable[[Assessed], bool]:
    def innocent(item: Assessed) -> bool:
        numbers = {normalise_number(d.number) for d in item.traveller.documents if d.number}
        return not numbers & planted

    return innocent


def fairness_table(report: FairnessReport) -> Table:
    """One row per nationality: travellers, flagged, rate, and the commonest finding codes."""
    table = Table(title="Innocent travellers with a finding, by nationality", title_justify="left")
    for column in ("nationality", "travellers", "flagged", "per 1,000", "findings"):
        table.add_column(
            column, justify="left" if column in ("nationality", "findings") else "right"
        )
    for g in report.groups:
        style = "" if g.travellers >= report.min_size else "dim"
        codes = ", ".join(f"{code} ×{n}" for code, n in g.codes[:3])
        table.add_row(
            g.group, str(g.travellers), str(g.flagged), f"{1000 * g.rate:.1f}", codes, style=style
        )
    return table


@app.command("fairness")
def fairness_command(
    files: Annotated[list[Path], typer.Argument(help="message files or folders")],
    watchlist: Annotated[Path, typer.Option(help="CSV, FollowTheMoney JSON lines or UN XML")],
    lost_stolen: Annotated[Path | None, typer.Option(help="lost and stolen documents CSV")] = None,
    rules: Annotated[Path | None, typer.Option(help="folder of rule YAML files")] = None,
    visa: Annotated[Path | None, typer.Option(help="visa requirements CSV")] = None,
    truth: Annotated[Path | None, typer.Option(help="truth.json of a synthetic day")] = None,
    min_size: Annotated[int, typer.Option(help="smallest group compared")] = 100,
    max_ratio: Annotated[float | None, typer.Option(help="fail above this ratio")] = None,
) -> None:
    """Flag rates among innocent travellers by nationality, and highest over lowest."""
    err = console(stderr=True)
    args = {"watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": visa}
    screening, problems = load_screening(args, dt.date.today(), err)
    read = read_paths(expand(files))
    problems += read.all_problems
    if problems:
        err.print(problems_table(tuple(problems)))
    worklists = screen(read.manifests, screening)
    report = fairness(
        worklists,
        _is_innocent(planted_documents(truth)),
        lambda item: item.traveller.nationality or "",
        min_size,
    )
    out = console()
    out.print(fairness_table(report))
    ratio = report.ratio
    compared = len(report.compared)
    if ratio is None:
        out.print(f"fewer than two nationalities with {min_size} travellers or more: no ratio")
        return
    out.print(f"highest over lowest flag rate, {compared} nationalities compared: {ratio:.2f}")
    if max_ratio is not None and ratio > max_ratio:
        err.print(f"[bold red]ratio {ratio:.2f} is above {max_ratio}[/]")
        raise typer.Exit(1)
