"""``preboard mrz LINE... [--json]``: read a machine-readable zone and check every digit."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from preboard.cli.render import console
from preboard.errors import MrzError
from preboard.ingest.mrz import parse_mrz


def mrz_command(
    lines: Annotated[list[str], typer.Argument(help="the MRZ lines, each as one argument")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON document on stdout")] = False,
) -> None:
    """Parse a TD1, TD2, TD3, MRV-A or MRV-B zone; exit 1 when it is invalid or unreadable."""
    try:
        mrz = parse_mrz(lines)
    except MrzError as err:
        if as_json:
            sys.stdout.write(json.dumps({"error": err.reason}) + "\n")
        else:
            console(stderr=True).print(f"[bold red]not an MRZ:[/] {err.reason}")
        raise typer.Exit(1) from None
    doc = mrz.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table(title=f"{doc['format']} MRZ", show_header=False)
        for key, value in doc.items():
            if isinstance(value, dict) and "raw" in value:
                value = f"{value.get('date') or '?'} ({value['raw']})"
            if key != "checks":
                table.add_row(key, "" if value is None else str(value))
        for name, check in doc["checks"].items():
            mark = "[green]ok[/]" if check["valid"] else "[red]WRONG[/]"
            table.add_row(
                f"check {name}", f"{check['found']} (expected {check['expected']}) {mark}"
            )
        console().print(table)
    if not doc["valid"]:
        raise typer.Exit(1)
