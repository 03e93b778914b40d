"""Compiling CEL with the ``cel`` library, and where a syntax error is.

``cel.compile`` raises ``ValueError`` whose text carries ``<input>:LINE:COLUMN: reason`` (both
1-based, within the expression); ``compile_expression`` turns that into an ``Issue`` whose
position the linter maps onto the rule file.
"""

from __future__ import annotations

import re

import cel

from preboard.rules.model import Issue

_WHERE = re.compile(r"<input>:(\d+):(\d+):\s*(.*)")
_EXPECTING = re.compile(r" expecting \{[^}]*IDENTIFIER[^}]*\}")  # the parser's token list


class CelSyntaxError(Exception):
    """An expression that does not compile; ``issue`` holds the reason and position."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _clamp(source: str, line: int, column: int) -> tuple[int, int]:
    """An error at the end of input is shown just after the last character, not on the blank
    line a ``|`` block adds."""
    lines = source.rstrip().splitlines() or [""]
    if line > len(lines) or (line == len(lines) and column > len(lines[-1]) + 1):
        return len(lines), len(lines[-1]) + 1
    return line, column


def _issue(source: str, err: Exception) -> Issue:
    text = str(err)
    m = _WHERE.search(text)
    if m is None:
        return Issue("compile", f"does not compile: {text.splitlines()[0] if text else err!r}")
    line, column = _clamp(source, int(m[1]), int(m[2]))
    reason = _EXPECTING.sub(" (a value or a field was expected)", m[3].strip())
    return Issue("compile", f"does not compile: {reason}", line, column)


def compile_expression(source: str) -> cel.Program:
    """The compiled program; raises ``CelSyntaxError`` with the position of the fault."""
    try:
        return cel.compile(source)
    except (ValueError, RuntimeError) as err:
        raise CelSyntaxError(_issue(source, err)) from err
