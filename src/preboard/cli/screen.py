"""``preboard screen``: the whole chain, from message files to each flight's worklist.

    preboard screen FILE... --watchlist W [--lost-stolen L] [--rules DIR] [--visa V] [--json]

FILE may be a folder (read recursively). Without ``--json`` each flight's worklist is printed
as a table (document numbers masked); with ``--json`` the result is one JSON document:
``{"flights": [{"flight": {…}, "travellers": [{"traveller": {…}, "priority", "findings":
[{"kind", "code", "severity", "score", "explanation"}]}]}]}``, flights and travellers as
``preboard parse --json`` writes them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from preboard.assessment import Screening, Worklist, screen
from preboard.cli.render import console, problems_table
from preboard.documents import DocumentChecks, load_lost_stolen, load_visa_table
from preboard.documents.visa import example_visa_table
from preboard.ingest.export import flight_dict, traveller_dict
from preboard.ingest.reader import read_paths
from preboard.matching import Matcher
from preboard.model import Problem
from preboard.privacy import mask_tail
from preboard.rules import compile_rule, lint_directory, runnable
from preboard.rules.lint import LintStatus
from preboard.watchlist import Watchlist
from preboard.watchlist.loaders import load_watchlist

_INPUTS = {".edi", ".txt", ".xml", ".csv", ".jsonl", ".json", ".mrz", ".pax", ".pnr"}


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, and the message files inside folders (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in _INPUTS)
        else:
            found.append(path)
    return found


def _rules(directory: Path | None, on: dt.date, err: Console) -> tuple[Any, ...]:
    if directory is None:
        return ()
    results = lint_directory(directory, on)
    for result in results:
        if result.status is not LintStatus.OK:
            reasons = "; ".join(str(i) for i in result.issues) or result.status.value
            err.print(
                f"[yellow]rule {result.rule_id} not run[/] ({result.status.value}): {reasons}"
            )
    return tuple(compile_rule(rule) for rule in runnable(results))


def load_screening(
    args: dict[str, Any], on: dt.date, err: Console
) -> tuple[Screening, list[Problem]]:
    """The watchlist, lists, tables and rules named by the options (``None``: not used), loaded
    once; rules that do not run are reported on ``err``."""
    problems: list[Problem] = []
    path: Path | None = args["watchlist"]
    listed = load_watchlist(path, Watchlist(id=path.stem, name=path.name)) if path else None
    problems += listed.problems if listed else ()
    lost = load_lost_stolen(args["lost_stolen"]) if args["lost_stolen"] else None
    if lost is not None:
        problems += lost.problems
    visa = load_visa_table(args["visa"]) if args["visa"] else example_visa_table()
    problems += visa.problems
    screening = Screening(
        matcher=Matcher.build(listed.entries) if listed and listed.entries else None,
        watchlist=listed.watchlist if listed else None,
        documents=DocumentChecks(lost_stolen=lost, visa=visa),
        rules=_rules(args["rules"], on, err),
        workers=args.get("workers", 1),
    )
    return screening, problems


def worklist_json(worklists: list[Worklist]) -> dict[str, Any]:
    """The ``--json`` document (see the module docstring)."""
    return {
        "flights": [
            {
                "flight": flight_dict(w.flight),
                "travellers": [
                    {
                        "traveller": traveller_dict(a.traveller),
                        "priority": a.priority,
                        "findings": [
                            {
                                "kind": f.kind.value,
                                "code": f.code,
                                "severity": f.severity.value,
                                "score": f.score,
                                "explanation": f.explanation,
                            }
                            for f in a.findings
                        ],
                    }
                    for a in w.travellers
                ],
            }
            for w in worklists
        ]
    }


def worklist_table(worklist: Worklist, top: int) -> Group:
    """The top of one flight's worklist under a heading line; document numbers masked."""
    f = worklist.flight
    when = f.departure.strftime("%Y-%m-%d %H:%M") if f.departure else "?"
    title = (
        f"{f.designator} {f.origin or '?'} → {f.destination or '?'} departs {when} · "
        f"{len(worklist.travellers)} travellers, {worklist.flagged} with findings"
    )
    table = Table()
    for column in ("#", "priority", "traveller", "nat", "document", "findings"):
        table.add_column(column, justify="right" if column in ("#", "priority") else "left")
    for rank, item in enumerate(worklist.travellers[:top], start=1):
        if item.priority <= 0:
            break
        t = item.traveller
        doc = next((d for d in t.documents if d.number), None)
        shown = [f.code for f in item.findings if f.severity.value != "info"]
        table.add_row(
            str(rank),
            f"{item.priority:.2f}",
            f"{t.surname}, {t.given_names}".strip(", "),
            t.nationality or "",
            mask_tail(doc.number) if doc and doc.number else "",
            ", ".join(shown),
        )
    if not table.row_count:
        table.add_row("", "", "no traveller with findings", "", "", "", style="dim")
    return Group(Text(title, style="bold"), table)


def screen_command(
    files: Annotated[list[Path], typer.Argument(help="message files or folders")],
    watchlist: Annotated[Path, typer.Option(help="CSV, FollowTheMoney JSON lines or UN XML")],
    lost_stolen: Annotated[Path | None, typer.Option(help="lost and stolen documents CSV")] = None,
    rules: Annotated[Path | None, typer.Option(help="folder of rule YAML files")] = None,
    visa: Annotated[Path | None, typer.Option(help="visa requirements CSV")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="one JSON document")] = False,
    top: Annotated[int, typer.Option(help="travellers shown per flight")] = 10,
    workers: Annotated[int, typer.Option(help="processes for watchlist matching")] = 1,
) -> None:
    """Screen messages against a watchlist, documents and rules; print each flight's worklist."""
    err = console(stderr=True)
    on = dt.date.today()
    args = {"watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": visa}
    screening, problems = load_screening({**args, "workers": workers}, on, err)
    read = read_paths(expand(files))
    problems += read.all_problems
    if problems:
        err.print(problems_table(tuple(problems)))
    worklists = screen(read.manifests, screening)
    if json_output:
        typer.echo(json.dumps(worklist_json(worklists), ensure_ascii=False))
        return
    out = console()
    for worklist in worklists:
        out.print(worklist_table(worklist, top))
