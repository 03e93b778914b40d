"""The whole chain on a four-flight synthetic day (see ``conftest.py``): planted cases come
out on top of their flight's worklist with the findings they were planted for, innocent
travellers get none, and every finding carries an explanation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from preboard.assessment import Screening, Worklist, screen
from preboard.cli.screen import expand
from preboard.ingest.reader import read_paths
from preboard.matching.compare import normalise_number
from preboard.model import FindingSeverity, Role


@pytest.fixture(scope="module")
def worklists(day_folder: Path, day_screening: Screening) -> list[Worklist]:
    read = read_paths(expand([day_folder / "messages"]))
    return screen(read.manifests, day_screening)


@pytest.fixture(scope="module")
def truth(day_folder: Path) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = json.loads((day_folder / "truth.json").read_text())
    return cases


def _placed(worklists: list[Worklist]) -> dict[str, tuple[int, set[str]]]:
    found = {}
    for w in worklists:
        for rank, item in enumerate(w.travellers, start=1):
            for doc in item.traveller.documents:
                if doc.number:
                    found[normalise_number(doc.number)] = (rank, {f.code for f in item.findings})
    return found


def test_one_worklist_per_flight_in_order_of_departure(worklists: list[Worklist]) -> None:
    assert len(worklists) == 4
    departures = [w.flight.departure for w in worklists]
    assert departures == sorted(d for d in departures if d is not None)
    for w in worklists:
        priorities = [a.priority for a in w.travellers]
        assert priorities == sorted(priorities, reverse=True)
        assert any(a.traveller.role is Role.CREW for a in w.travellers)


def test_every_planted_case_is_in_its_flights_top_ten_with_its_findings(
    worklists: list[Worklist], truth: list[dict[str, object]]
) -> None:
    placed = _placed(worklists)
    planted = [c for c in truth if c["expected"]]
    assert planted, "the day plants cases"
    for case in planted:
        rank, codes = placed[normalise_number(str(case["document_number"]))]
        assert rank <= 10, case
        assert set(case["expected"]) <= codes, (case, codes)  # type: ignore[call-overload]


def test_innocent_travellers_and_look_alikes_get_no_finding(
    worklists: list[Worklist], truth: list[dict[str, object]]
) -> None:
    planted = {normalise_number(str(c["document_number"])) for c in truth if c["expected"]}
    innocent = [
        a
        for w in worklists
        for a in w.travellers
        if not {normalise_number(d.number) for d in a.traveller.documents if d.number} & planted
    ]
    assert len(innocent) > 500
    flagged = [a for a in innocent if a.findings]
    assert len(flagged) <= 0.005 * len(innocent), [f.code for a in flagged for f in a.findings]


def test_findings_are_explained_and_ordered_by_severity(worklists: list[Worklist]) -> None:
    ranks = {s: i for i, s in enumerate(FindingSeverity)}
    seen = set()
    for w in worklists:
        for item in w.travellers:
            order = [ranks[f.severity] for f in item.findings]
            assert order == sorted(order, reverse=True)
            for f in item.findings:
                assert f.explanation.strip()
                assert 0.0 <= f.score <= 1.0
                seen.add(f.kind.value)
    assert {"watchlist", "document", "rule"} <= seen


def test_a_traveller_missing_fields_is_assessed_on_what_exists(day_screening: Screening) -> None:
    """A traveller list row with only a name: no crash, no risk finding made up, and what
    could not be checked is shown to the officer as information."""
    from preboard.ingest.reader import read_inputs

    rows = (
        "id,surname,given_names,birth_date,sex,nationality,document_number\nT1,QUINTERO,ROSA,,,,\n"
    )
    read = read_inputs([("list.csv", rows.encode())])
    (worklist,) = screen(read.manifests, day_screening)
    (item,) = worklist.travellers
    codes = {f.code for f in item.findings}
    assert {"data.missing_birth_date", "data.missing_nationality"} <= codes
    assert any(code.startswith("data.") or code == "document.missing" for code in codes)
    assert all(f.explanation for f in item.findings)


def test_a_watchlist_finding_carries_its_alignment_and_contributions_as_json(
    worklists: list[Worklist],
) -> None:
    """The UI and the API show the name-part alignment and each feature's contribution as
    tables: the finding's detail carries them as JSON lists."""
    hits = [
        f
        for w in worklists
        for a in w.travellers
        for f in a.findings
        if f.kind.value == "watchlist"
    ]
    assert hits
    detail = dict(hits[0].detail)
    alignment, features = json.loads(detail["alignment"]), json.loads(detail["features"])
    assert alignment and {"traveller", "entry", "similarity", "reason"} <= set(alignment[0])
    assert {c["feature"] for c in features} >= {"name", "birth_date", "nationality"}
