"""``demo_data_command`` (``preboard demo-data``): writes a day, reuses it while its stamp
matches, regenerates with ``--force`` or other arguments. Run through a one-command typer app,
so the test does not depend on where the command is registered."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from preboard.cli.demo_data import demo_data_command
from preboard.errors import ConfigurationError


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    app.command()(demo_data_command)
    return app


def test_writes_then_reuses_then_forces(app: typer.Typer, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "day"
    first = runner.invoke(app, [str(out), "--seed", "2", "--flights", "2"])
    assert first.exit_code == 0, first.output
    assert "planted travellers" in first.output and (out / "truth.json").is_file()
    before = (out / "truth.json").read_bytes()
    again = runner.invoke(app, [str(out), "--seed", "2", "--flights", "2"])
    assert again.exit_code == 0 and "reused" in again.output
    forced = runner.invoke(app, [str(out), "--seed", "2", "--flights", "2", "--force"])
    assert forced.exit_code == 0 and "reused" not in forced.output
    assert (out / "truth.json").read_bytes() == before
    other = runner.invoke(app, [str(out), "--seed", "3", "--flights", "2"])
    assert other.exit_code == 0 and "reused" not in other.output
    assert (out / "truth.json").read_bytes() != before


def test_date_option(app: typer.Typer, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, [str(tmp_path / "d"), "--flights", "1", "--date", "2027-01-05"])
    assert result.exit_code == 0, result.output
    assert "2027-01-05" in (tmp_path / "d" / "flights.csv").read_text(encoding="utf-8")
    bad = runner.invoke(app, [str(tmp_path / "e"), "--date", "2027-13-01"])
    assert isinstance(bad.exception, ConfigurationError)
