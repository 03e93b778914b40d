"""``preboard demo``: read the example messages that ship with preboard and show them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from preboard.cli.render import console, render_result
from preboard.ingest.reader import read_paths


def examples_dir() -> Path:
    """The folder of example messages written for preboard (synthetic people)."""
    return Path(str(resources.files("preboard") / "examples"))


def demo_command() -> None:
    """Parse the bundled example messages and print each manifest as a table."""
    folder = examples_dir()
    files = sorted(p for p in folder.iterdir() if p.suffix in {".edi", ".xml", ".csv", ".txt"})
    out = console()
    out.print(f"[bold]preboard demo[/]: reading {len(files)} example messages from {folder}\n")
    render_result(read_paths(files), out)
