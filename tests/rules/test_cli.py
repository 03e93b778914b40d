"""``preboard rules lint|backtest|history`` through typer's test runner on the sub-app.

The history folder is written in each test: PNRGOV pushes (written by preboard's own writer
from the builders' bookings) for two days of flight XX0100, and a ``decisions.csv``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from preboard.cli.rules import app
from preboard.ingest.pnrgov import write_pnrgov
from preboard.model import Manifest, MessageRef, SourceKind
from preboard.rules import EXAMPLES
from tests.rules.builders import DAY, flight, innocent, planted

BAD = Path(__file__).parent / "fixtures" / "bad"
DAY2 = DAY + dt.timedelta(days=1)
runner = CliRunner()


def history(folder: Path) -> Path:
    for day, locators in ((DAY, ("ZZZ001", "AAA001")), (DAY2, ("ZZZ002", "AAA002", "AAA003"))):
        bookings = (
            planted("R-FAC-001", locators[0], day),
            *(innocent(loc, day) for loc in locators[1:]),
        )
        ref = MessageRef("m", "1", "PNRGOV", prepared_at=dt.datetime.combine(day, dt.time(1)))
        manifest = Manifest(SourceKind.PNRGOV, flight(day), (), bookings, (ref,))
        (folder / f"pnr_{day}.edi").write_text(write_pnrgov(manifest), encoding="utf-8")
    (folder / "decisions.csv").write_text(
        "flight_date,record_locator,traveller_ref,rule_id,decision\n"
        f"{DAY},ZZZ001,,R-FAC-001,confirmed\n",
        encoding="utf-8",
    )
    return folder


def test_lint_examples_passes() -> None:
    result = runner.invoke(app, ["lint", str(EXAMPLES), "--on", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert "4 rules: 4 ok" in result.output
    assert "R-FAC-003" in result.output


def test_lint_bad_folder_exits_1_with_reasons() -> None:
    result = runner.invoke(app, ["lint", str(BAD), "--on", "2026-12-01", "--json"])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    by_id = {r["rule"]: r for r in doc["rules"]}
    assert all(r["status"] == "refused" for r in doc["rules"])
    compile_issue = by_id["R-BAD-COMPILE"]["issues"][0]
    assert (compile_issue["code"], compile_issue["line"], compile_issue["column"]) == (
        "compile",
        19,
        44,
    )


def test_lint_reports_review_overdue_without_failing(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "R-FAC-002.yaml", tmp_path)
    result = runner.invoke(app, ["lint", str(tmp_path), "--on", "2027-06-01"])
    assert result.exit_code == 0, result.output
    assert "review_overdue" in result.output and "1 rules: 1 review_overdue" in result.output


def test_lint_rejects_a_bad_date_and_a_missing_folder(tmp_path: Path) -> None:
    assert runner.invoke(app, ["lint", str(EXAMPLES), "--on", "tomorrow"]).exit_code == 2
    assert runner.invoke(app, ["lint", str(tmp_path / "none")]).exit_code == 1


def test_backtest_table(tmp_path: Path) -> None:
    folder = history(tmp_path)
    result = runner.invoke(
        app, ["backtest", str(EXAMPLES / "R-FAC-001.yaml"), "--history", str(folder)]
    )
    assert result.exit_code == 0, result.output
    assert "back-test of R-FAC-001 v2" in result.output
    assert "2026-11-20" in result.output and "2026-11-21" in result.output
    assert "total" in result.output and "40.00%" in result.output


def test_backtest_json(tmp_path: Path) -> None:
    folder = history(tmp_path)
    args = ["backtest", str(EXAMPLES / "R-FAC-001.yaml"), "--history", str(folder), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [(d["day"], d["travellers"], d["flagged"]) for d in doc["days"]] == [
        ("2026-11-20", 2, 1),
        ("2026-11-21", 3, 1),
    ]
    assert doc["total"]["confirmed"] == 1 and doc["total"]["confirmed_rate"] == 1.0
    assert doc["input_problems"] == 0 and doc["version"] == 2


def test_backtest_of_an_older_version(tmp_path: Path) -> None:
    args = ["backtest", str(EXAMPLES / "R-FAC-001.yaml"), "--history", str(history(tmp_path))]
    result = runner.invoke(app, [*args, "--version", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["version"] == 1
    assert runner.invoke(app, [*args, "--version", "9"]).exit_code == 1


def test_backtest_of_a_refused_rule_exits_1(tmp_path: Path) -> None:
    args = ["backtest", str(BAD / "R-BAD-SEX.yaml"), "--history", str(history(tmp_path))]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "restricted" in result.output


def test_backtest_of_an_empty_history_exits_1(tmp_path: Path) -> None:
    args = ["backtest", str(EXAMPLES / "R-FAC-001.yaml"), "--history", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "no dated traveller" in result.output


def test_history_lists_versions() -> None:
    result = runner.invoke(app, ["history", str(EXAMPLES / "R-FAC-001.yaml"), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["version"], r["date"]) for r in rows] == [(1, "2024-12-01"), (2, "2026-11-16")]
    table = runner.invoke(app, ["history", str(EXAMPLES / "R-FAC-001.yaml")])
    assert "synthetic.analyst" in table.output and "v2" in table.output
