"""``preboard parse FILE... [--json]``: read messages and show what they hold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from preboard.cli.render import console, render_result
from preboard.ingest.export import manifest_dict, problem_dict
from preboard.ingest.reader import ReadResult, read_paths


def result_json(result: ReadResult) -> str:
    """The ``--json`` document: manifests and every problem."""
    doc = {
        "manifests": [manifest_dict(m) for m in result.manifests],
        "problems": [problem_dict(p) for p in result.all_problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def parse_command(
    files: Annotated[list[Path], typer.Argument(help="PAXLST, PNRGOV, XML, CSV, JSONL or MRZ")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON document on stdout")] = False,
) -> None:
    """Read airline messages and print each manifest (tables, or JSON with --json).

    Exit status 1 only when no manifest at all could be read.
    """
    result = read_paths(files)
    if as_json:
        sys.stdout.write(result_json(result) + "\n")
    else:
        render_result(result, console())
    if not result.manifests:
        raise typer.Exit(1)
