"""``preboard parse`` and ``preboard demo`` run as a user runs them: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from preboard.cli.demo import examples_dir

CONTRACT_FLIGHT = {"carrier", "number", "origin", "destination", "departure", "arrival"}
CONTRACT_TRAVELLER = {
    "role",
    "surname",
    "given_names",
    "birth_date",
    "sex",
    "nationality",
    "residence_country",
    "embarkation",
    "debarkation",
    "documents",
    "reservation_ref",
    "seat",
}
CONTRACT_BOOKING = {
    "record_locator",
    "booked_at",
    "agency",
    "payments",
    "contacts",
    "travellers",
    "itinerary",
}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "preboard", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_parse_json_honours_the_contract() -> None:
    files = sorted(p for p in examples_dir().iterdir() if p.suffix in {".edi", ".xml"})
    proc = run("parse", "--json", *files)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"manifests", "problems"}
    sources = {m["source"] for m in doc["manifests"]}
    assert {"paxlst", "pnrgov", "pnrgov_xml"} <= sources
    for m in doc["manifests"]:
        assert set(m["flight"]) >= CONTRACT_FLIGHT
        for t in m["travellers"]:
            assert set(t) >= CONTRACT_TRAVELLER
            for d in t["documents"]:
                assert {"type", "number", "issuing_country", "expiry"} <= set(d)
        for b in m["bookings"]:
            assert set(b) >= CONTRACT_BOOKING
            assert {"phones", "emails"} <= set(b["contacts"])
    for p in doc["problems"]:
        assert set(p) == {"file", "segment", "message", "severity"}
    # the two parts of UA1532 in two files are one manifest
    ua = [m for m in doc["manifests"] if m["flight"]["number"] in ("1532", "01532")]
    assert len([m for m in ua if m["source"] == "paxlst"]) == 1


def test_parse_exit_status_is_1_only_when_nothing_could_be_read(tmp_path: Path) -> None:
    junk = tmp_path / "junk.edi"
    junk.write_bytes(b"\x00\x01 nothing to see here")
    proc = run("parse", "--json", junk)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert doc["manifests"] == []
    assert doc["problems"][0]["file"] == str(junk)
    assert "Traceback" not in proc.stderr

    good = sorted(examples_dir().glob("paxlst_AM*.edi"))[0]
    proc = run("parse", "--json", junk, good)
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)["manifests"]) == 1


def test_parse_tables_mask_document_numbers() -> None:
    good = sorted(examples_dir().glob("paxlst_AM*.edi"))[0]
    full = json.loads(run("parse", "--json", good).stdout)
    number = full["manifests"][0]["travellers"][0]["documents"][0]["number"]
    proc = run("parse", good)
    assert proc.returncode == 0
    assert full["manifests"][0]["travellers"][0]["surname"] in proc.stdout
    assert number not in proc.stdout
    assert number[-3:] in proc.stdout


@pytest.mark.parametrize("command", [["demo", "--offline"], ["--help"]])
def test_demo_and_help_run(command: list[str]) -> None:
    proc = run(*command)
    assert proc.returncode == 0, proc.stderr
    if command[0] == "demo":
        assert "AM402" in proc.stdout or "AM0402" in proc.stdout
    else:
        for name in ("parse", "mrz", "demo"):
            assert name in proc.stdout
