"""``preboard match``: screen travellers against a watchlist and write scored pairs as JSON lines.

    preboard match --watchlist W --travellers T [--threshold X] [--limit N] --output OUT.jsonl

W is a CSV list, FollowTheMoney JSON lines or the UN consolidated XML; T is a travellers CSV
(or JSON lines) or airline message files. Each output line is one (traveller, entry) pair at or
above the threshold, at most N per traveller, best first:
``{"traveller_id", "entry_id", "score", "explanation"}``. Without ``--threshold`` the
documented operating point of the released weights applies.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from preboard.cli.render import console, problems_table
from preboard.ingest.reader import read_paths
from preboard.matching import Matcher
from preboard.model import Problem, Severity, Traveller
from preboard.watchlist import Watchlist
from preboard.watchlist.loaders import load_watchlist


def _travellers(paths: list[Path]) -> tuple[list[tuple[str, Traveller]], tuple[Problem, ...]]:
    """Travellers with their ids: the CSV/JSON ``id`` column, else file and position."""
    result = read_paths(paths)
    found: list[tuple[str, Traveller]] = []
    for manifest in result.manifests:
        name = Path(manifest.messages[0].file).name if manifest.messages else "input"
        for position, traveller in enumerate(manifest.travellers, start=1):
            found.append((traveller.ref or f"{name}#{position}", traveller))
    return found, result.all_problems


def match_command(
    watchlist: Annotated[Path, typer.Option(help="CSV, FollowTheMoney JSON lines or UN XML")],
    travellers: Annotated[list[Path], typer.Option(help="travellers CSV/JSONL or messages")],
    output: Annotated[Path, typer.Option(help="JSON lines of scored pairs")],
    threshold: Annotated[
        float | None, typer.Option(help="lowest score kept (default: the operating point)")
    ] = None,
    limit: Annotated[int, typer.Option(help="at most this many entries per traveller")] = 10,
) -> None:
    """Match travellers against a watchlist; exit 1 when the list or travellers cannot be read."""
    err = console(stderr=True)
    version = load_watchlist(watchlist, Watchlist(id=watchlist.stem, name=watchlist.name))
    people, problems = _travellers(travellers)
    bad = version.problems + problems
    if bad:
        err.print(problems_table(bad))
    if not version.entries or not people:
        err.print("[bold red]nothing to match:[/] the watchlist or the travellers gave nothing")
        raise typer.Exit(1)
    matcher = Matcher.build(version.entries)
    cut = matcher.operating_point if threshold is None else threshold
    written = 0
    columns = (TextColumn("matching"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with output.open("w", encoding="utf-8") as out, Progress(*columns, console=err) as bar:
        task = bar.add_task("match", total=len(people))
        step = matcher.config.batch
        for start in range(0, len(people), step):
            batch = people[start : start + step]
            found = matcher.match_many([t for _, t in batch], threshold=cut, limit=limit)
            for (traveller_id, _), results in zip(batch, found, strict=True):
                for result in results:
                    line = {
                        "traveller_id": traveller_id,
                        "entry_id": result.entry_id,
                        "score": round(result.score, 4),
                        "explanation": result.explanation.to_dict(),
                    }
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    written += 1
            bar.advance(task, len(batch))
    errors = sum(1 for p in bad if p.severity is Severity.ERROR)
    err.print(
        f"{len(people)} travellers against {len(version.entries)} entries (threshold {cut:.2f}): "
        f"{written} pairs written to {output}; {errors} input errors"
    )
