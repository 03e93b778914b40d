"""``preboard rules lint|backtest|history``: check rule files, back-test a rule, show versions.

    preboard rules lint DIR [--on DATE] [--json]
    preboard rules backtest RULE_FILE --history DIR [--version N] [--json]
    preboard rules history RULE_FILE [--json]

``lint`` prints each rule's status (ok, refused, review_overdue, not_in_force) with its reasons
and exits 1 when any rule is refused. ``backtest`` reads every message file of DIR (and its
sub-folders; ``decisions.csv`` there holds officers' decisions, see
``preboard.rules.decisions``) and prints, per departure day and in total, travellers, flagged,
share flagged, problems and the confirmed-hit rate. Exit 1 when the rule is refused or cannot
be read, or the history holds no dated traveller.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.table import Table
from rich.text import Text

from preboard.cli.render import console
from preboard.errors import PreboardError
from preboard.ingest.reader import read_paths
from preboard.rules.backtest import BacktestResult, DayStats, backtest
from preboard.rules.decisions import DECISIONS_FILE, read_decisions
from preboard.rules.files import load_rule_file
from preboard.rules.lint import LintResult, LintStatus, lint_directory, refusals
from preboard.rules.model import Issue, Rule, RuleError

app = typer.Typer(
    help="Pre-determined criteria (CEL rules): lint rule files, back-test a rule on history.",
    no_args_is_help=True,
)

AsJson = Annotated[bool, typer.Option("--json", help="one JSON document on stdout")]
_STYLE = dict(zip(LintStatus, ("green", "bold red", "yellow", "dim"), strict=True))
_SHOWN = 5


def _fail(message: str) -> NoReturn:
    console(stderr=True).print(Text(f"error: {message}", "bold red"))
    raise typer.Exit(1)


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as err:
        raise typer.BadParameter(f"{text!r} is not a date (YYYY-MM-DD)") from err


def _lint_doc(r: LintResult) -> dict[str, Any]:
    return {
        "rule": r.rule_id,
        "file": r.path,
        "version": r.rule.version if r.rule else None,
        "status": r.status.value,
        "fields": list(r.fields),
        "issues": [dataclasses.asdict(i) for i in r.issues],
    }


def _reason(issue: Issue, result: LintResult) -> str:
    """``code: [vN] line L, column C: message`` (the version only when not the row's)."""
    current = result.rule.version if result.rule else None
    shown = issue if issue.version != current else dataclasses.replace(issue, version=None)
    return f"{issue.code}: {shown}"


def _lint_table(results: tuple[LintResult, ...], on: dt.date) -> Table:
    table = Table(title=f"rules as of {on}", title_justify="left")
    for col in ("rule", "version", "status", "reasons"):
        table.add_column(col)
    for r in results:
        reasons = "\n".join(_reason(i, r) for i in r.issues)
        version = f"v{r.rule.version}" if r.rule else ""
        status = Text(r.status.value, _STYLE[r.status])
        table.add_row(Text(r.rule_id), version, status, Text(reasons))
    return table


@app.command("lint")
def lint_command(
    directory: Annotated[Path, typer.Argument(help="a folder of rule files (*.yaml)")],
    on: Annotated[
        str | None, typer.Option(help="screening date, YYYY-MM-DD (default today)")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Lint every rule file of a folder; exit 1 when any rule is refused."""
    if not directory.is_dir():
        _fail(f"{directory} is not a folder")
    day = _date(on)
    results = lint_directory(directory, day)
    if as_json:
        doc = {"on": day.isoformat(), "rules": [_lint_doc(r) for r in results]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        out = console()
        out.print(_lint_table(results, day))
        counts = {s: sum(r.status is s for r in results) for s in LintStatus}
        summary = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        out.print(Text(f"{len(results)} rules: {summary or 'none found'}"))
    if any(r.status is LintStatus.REFUSED for r in results):
        raise typer.Exit(1)


def _row(d: DayStats, label: str) -> list[str]:
    rate = "" if d.confirmed_rate is None else f"{d.confirmed_rate:.1%}"
    counts = (d.travellers, d.flagged, f"{d.share_flagged:.2%}", d.problems, d.confirmed)
    return [label, *map(str, counts), str(d.dismissed), rate]


def _backtest_table(result: BacktestResult) -> Table:
    title = f"back-test of {result.rule_id} v{result.version}"
    table = Table(title=title, title_justify="left", show_footer=True)
    columns = ("day", "travellers", "flagged", "share", "problems", "confirmed", "dismissed")
    footer = _row(result.total, "total")
    for name, foot in zip((*columns, "confirmed rate"), footer, strict=True):
        table.add_column(name, footer=foot, justify="left" if name == "day" else "right")
    for d in result.days:
        table.add_row(*_row(d, d.day.isoformat() if d.day else ""))
    return table


def _pick(path: Path, version: int | None) -> Rule:
    located = load_rule_file(path)
    rule = located.history.latest if version is None else located.history.version(version)
    if rule is None:
        _fail(f"{located.history.id} has no version {version}")
    issues = refusals(rule, located.expressions.get(rule.version))
    if issues:
        raise RuleError(f"{rule.source} refused: " + "; ".join(map(str, issues)), issues)
    return rule


def _history_files(directory: Path) -> list[Path]:
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and p.name != DECISIONS_FILE and not p.name.startswith(".")
    )


def _print_backtest(result: BacktestResult, input_problems: int) -> None:
    out = console()
    out.print(_backtest_table(result))
    if result.undated:
        out.print(Text(f"{result.undated} travellers without a dated flight were left out"))
    for message, count in result.problems[:_SHOWN]:
        out.print(Text(f"  not evaluated ×{count}: {message}", "yellow"))
    if input_problems:
        out.print(
            Text(f"{input_problems} problems reading the history (preboard parse shows them)")
        )


def _result_doc(result: BacktestResult, input_problems: int) -> dict[str, Any]:
    return {
        "rule": result.rule_id,
        "version": result.version,
        "days": [d.as_dict() for d in result.days],
        "total": result.total.as_dict(),
        "undated": result.undated,
        "problems": [{"message": m, "count": n} for m, n in result.problems],
        "input_problems": input_problems,
    }


@app.command("backtest")
def backtest_command(
    rule_file: Annotated[Path, typer.Argument(help="a rule file (*.yaml)")],
    history: Annotated[Path, typer.Option(help="folder of past message files")],
    version: Annotated[
        int | None, typer.Option(help="the version to test (default latest)")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Back-test one rule version on the messages of a history folder."""
    if not history.is_dir():
        _fail(f"{history} is not a folder")
    try:
        rule = _pick(rule_file, version)
        decisions_path = history / DECISIONS_FILE
        decisions = read_decisions(decisions_path) if decisions_path.is_file() else {}
        read = read_paths(_history_files(history))
        result = backtest(rule, read.manifests, decisions)
    except PreboardError as err:
        _fail(err.detail)
    input_problems = len(read.all_problems)
    if as_json:
        doc = _result_doc(result, input_problems)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_backtest(result, input_problems)
    if not result.total.travellers:
        _fail(f"no dated traveller in the messages of {history}")


@app.command("history")
def history_command(
    rule_file: Annotated[Path, typer.Argument(help="a rule file (*.yaml)")],
    as_json: AsJson = False,
) -> None:
    """List every version of a rule: number, date, author and reason."""
    try:
        versions = load_rule_file(rule_file).history.versions
    except PreboardError as err:
        _fail(err.detail)
    rows = [
        {
            "version": r.version,
            "date": r.released.isoformat(),
            "author": r.author,
            "reason": r.reason,
            "title": r.title,
        }
        for r in versions
    ]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{versions[0].id}: {len(rows)} versions", title_justify="left")
    for col in ("version", "date", "author", "reason"):
        table.add_column(col)
    for r in versions:
        table.add_row(f"v{r.version}", r.released.isoformat(), Text(r.author), Text(r.reason))
    console().print(table)
