"""Reading the operator's CSV tables with the physical line number of every row.

Lines starting with ``#`` (in the first column) are comments and blank lines are skipped, so
a table can carry a header comment. The first row must be the expected header (case and
spaces around names ignored), else nothing can be read and ``ParseError`` says what was
expected. A row with the wrong number of values is reported as an ERROR ``Problem`` naming its
line and skipped; the caller reports what is wrong with the values of the rows it is given.
"""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from preboard.errors import ParseError
from preboard.model import Problem, Severity

__all__ = ["open_table", "paused_gc", "problem", "read_rows"]


def problem(file: str, line: int, message: str, severity: Severity = Severity.ERROR) -> Problem:
    """A problem on one line of a table, the line number first in the message."""
    return Problem(file, line, f"line {line}: {message}", severity)


def open_table(path: Path) -> Iterator[str]:
    """The lines of a UTF-8 table (a BOM is allowed; bad bytes become ``�`` and make the row
    they are in fail its checks instead of stopping the whole file)."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        yield from handle


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a large table is loaded (the rows hold no
    cycles), then back to how it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_rows(
    lines: Iterable[str], file: str, header: tuple[str, ...], problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, values)`` for each data row of a table with ``header``, values as
    written (not stripped). Wrong-width rows go to ``problems``; a wrong header raises
    ``ParseError``."""
    where = [0]

    def data_lines() -> Iterator[str]:
        for number, line in enumerate(lines, 1):
            if line and line[0] != "#" and not line.isspace():
                where[0] = number
                yield line

    reader = csv.reader(data_lines())
    first = next(reader, None)
    if first is None or [name.strip().lower() for name in first] != list(header):
        found = "nothing" if first is None else repr(",".join(first))
        raise ParseError(f"expected the header {','.join(header)!r}, found {found}", file=file)
    width = len(header)
    for row in reader:
        if len(row) != width:
            message = f"{len(row)} values where {width} are expected; row skipped"
            problems.append(problem(file, where[0], message))
            continue
        yield where[0], row
