"""``preboard screen`` and ``preboard report fairness`` as a user runs them: in a subprocess,
on a two-flight synthetic day written by ``preboard demo-data``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from preboard.rules import EXAMPLES


def preboard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "preboard", *args],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("screen-cli") / "day"
    made = preboard("demo-data", str(out), "--seed", "5", "--flights", "2")
    assert made.returncode == 0, made.stderr
    return out


def screen(day: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return preboard(
        "screen", str(day / "messages"),
        "--watchlist", str(day / "watchlist.csv"),
        "--lost-stolen", str(day / "lost_stolen.csv"),
        "--rules", str(EXAMPLES),
        *extra,
    )  # fmt: skip


def test_json_output_honours_the_contract(day: Path) -> None:
    proc = screen(day, "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["flights"]
    assert len(doc["flights"]) == 2
    truth = json.loads((day / "truth.json").read_text())
    planted = {c["document_number"]: c for c in truth if c["expected"]}
    seen = set()
    # A two-flight day concentrates the planted cases: the top 10, or all of them when a
    # flight carries more than 10.
    per_flight = Counter(
        f"{c['flight']['carrier']}{c['flight']['number']}" for c in planted.values()
    )
    for flight in doc["flights"]:
        top = max(10, per_flight[flight["flight"]["carrier"] + flight["flight"]["number"]])
        assert {"carrier", "number", "origin", "destination", "departure"} <= set(flight["flight"])
        priorities = [t["priority"] for t in flight["travellers"]]
        assert priorities == sorted(priorities, reverse=True)
        for rank, item in enumerate(flight["travellers"], start=1):
            assert set(item) == {"traveller", "priority", "findings"}
            assert {"surname", "given_names", "documents"} <= set(item["traveller"])
            for finding in item["findings"]:
                assert set(finding) == {"kind", "code", "severity", "score", "explanation"}
                assert finding["kind"] in {"document", "watchlist", "rule", "data"}
                assert finding["explanation"]
            for doc_ in item["traveller"]["documents"]:
                case = planted.get(doc_["number"])
                if case:
                    seen.add(case["case_id"])
                    assert rank <= top
                    assert set(case["expected"]) <= {f["code"] for f in item["findings"]}
    assert seen == {c["case_id"] for c in planted.values()}


def test_the_table_masks_document_numbers(day: Path) -> None:
    proc = screen(day, "--top", "3")
    assert proc.returncode == 0, proc.stderr
    assert "travellers," in proc.stdout and "with findings" in proc.stdout
    truth = json.loads((day / "truth.json").read_text())
    for case in truth:
        assert case["document_number"] not in proc.stdout


def test_a_missing_watchlist_is_one_line_and_exit_1(day: Path, tmp_path: Path) -> None:
    proc = preboard("screen", str(day / "messages"), "--watchlist", str(tmp_path / "none.csv"))
    assert proc.returncode == 1
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_refused_rule_is_reported_with_line_and_column(day: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    bad = sorted((Path(__file__).parents[1] / "rules" / "fixtures" / "bad").glob("*.yaml"))
    assert bad
    for path in bad:
        (rules / path.name).write_text(path.read_text())
    proc = preboard(
        "screen", str(day / "messages"), "--watchlist", str(day / "watchlist.csv"),
        "--rules", str(rules),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "not run" in proc.stderr
    assert "line" in proc.stderr


def test_report_fairness_prints_rates_by_nationality(day: Path) -> None:
    proc = preboard(
        "report", "fairness", str(day / "messages"),
        "--watchlist", str(day / "watchlist.csv"),
        "--lost-stolen", str(day / "lost_stolen.csv"),
        "--rules", str(EXAMPLES),
        "--truth", str(day / "truth.json"),
        "--min-size", "20", "--max-ratio", "1.5",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "by nationality" in proc.stdout
    assert "USA" in proc.stdout and "MEX" in proc.stdout
    assert "highest over lowest flag rate" in proc.stdout
