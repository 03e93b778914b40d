"""``preboard match`` honours its contract, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WATCHLIST = """id,name,aliases,birth_date,nationality,document_number
WL1,Mohammed Al-Hassan,محمد الحسن;Muhammad Alhasan,1975-03-02,SYR,N1234567
WL2,Juan Carlos de la Cruz Perez,,1980,MEX,
WL3,John Smith,,1960-01-01,USA,
WL4,Maria Garcia Lopez,,1985-07-14,MEX,
"""
TRAVELLERS = """id,surname,given_names,birth_date,sex,nationality,document_number
T1,ALHASAN,MUHAMAD,1975-03-02,M,SYR,
T2,DELACRUZ PEREZ,JUAN CARLOS,1980-05-05,M,MEX,
T3,DOE,JANE,1990-01-01,F,USA,
T4,SMITH,JOHN,1960-01-01,M,USA,
bad row without enough columns
"""


def run_match(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    (tmp_path / "list.csv").write_text(WATCHLIST, encoding="utf-8")
    (tmp_path / "people.csv").write_text(TRAVELLERS, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [
            sys.executable, "-m", "preboard", "match",
            "--watchlist", str(tmp_path / "list.csv"),
            "--travellers", str(tmp_path / "people.csv"),
            "--output", str(out),
            *extra,
        ],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    lines = [json.loads(x) for x in out.read_text().splitlines()] if out.exists() else []
    return proc, lines


def test_threshold_zero_limit_gives_each_traveller_its_top_n_best_first(tmp_path: Path) -> None:
    proc, lines = run_match(tmp_path, "--threshold", "0", "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    by_traveller: dict[str, list[dict]] = {}
    for line in lines:
        assert set(line) == {"traveller_id", "entry_id", "score", "explanation"}
        assert 0.0 <= line["score"] <= 1.0
        by_traveller.setdefault(line["traveller_id"], []).append(line)
    assert set(by_traveller) == {"T1", "T2", "T3", "T4"}
    for rows in by_traveller.values():
        assert len(rows) == 3
        scores = [r["score"] for r in rows]
        assert scores == sorted(scores, reverse=True)
    assert by_traveller["T1"][0]["entry_id"] == "WL1"
    assert by_traveller["T4"][0]["entry_id"] == "WL3"
    explanation = by_traveller["T1"][0]["explanation"]
    assert {"alignment", "features", "total", "weights_version"} <= set(explanation)
    assert "line 6" in proc.stderr  # the bad row is reported with its line


def test_default_threshold_is_the_operating_point(tmp_path: Path) -> None:
    from preboard.matching import released

    proc, lines = run_match(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert all(line["score"] >= released().operating_point for line in lines)
    assert {line["traveller_id"] for line in lines} <= {"T1", "T2", "T4"}
    assert f"threshold {released().operating_point:.2f}" in proc.stderr


def test_a_missing_watchlist_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "preboard", "match", "--watchlist", str(tmp_path / "none.csv"),
         "--travellers", str(tmp_path / "none.csv"), "--output", str(tmp_path / "o.jsonl")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "no such file" in proc.stderr
