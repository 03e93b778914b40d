"""``preboard serve``: the options reach the app and uvicorn, and a real server process
answers its health check (the command is registered under ``preboard`` by the CLI)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest
import typer
from typer.testing import CliRunner

from preboard.cli import serve
from tests.service.day import day_files


def command() -> typer.Typer:
    app = typer.Typer()
    app.command()(serve.serve_command)
    return app


def test_serve_builds_the_app_with_its_lists_and_runs_uvicorn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    lost = day_files().folder / "lost_stolen.csv"
    url = f"sqlite:///{tmp_path / 'x.db'}"
    args = ["--host", "127.0.0.2", "--port", "8123", "--database", url, "--lost-stolen", str(lost)]
    result = CliRunner().invoke(command(), args)
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"], seen["access_log"]) == ("127.0.0.2", 8123, False)
    assert seen["app"].state.database.url == url
    assert (tmp_path / "x.db").is_file()  # migrated on start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_served_process_answers_on_its_port(tmp_path: Path) -> None:
    port = free_port()
    code = "import typer; from preboard.cli.serve import serve_command; typer.run(serve_command)"
    args = ["--port", str(port), "--database", f"sqlite:///{tmp_path / 'x.db'}"]
    process = subprocess.Popen([sys.executable, "-c", code, *args], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx2.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except httpx2.TransportError:
                assert process.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not start in 30 s"
                time.sleep(0.2)
        assert response.json() == {"status": "ok", "database": "sqlite"}
        spec = httpx2.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/v1/messages" in spec["paths"]
    finally:
        process.terminate()
        process.communicate(timeout=30)
