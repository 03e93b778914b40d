"""Our own example PAXLST messages (src/preboard/examples) read cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

import preboard
from preboard.ingest.edifact import read_interchanges
from preboard.ingest.paxlst import parse_paxlst
from preboard.model import Manifest, Role, Severity

EXAMPLES = Path(preboard.__file__).parent / "examples"


def _read(*names: str) -> list[Manifest]:
    messages = []
    for name in names:
        ics, problems = read_interchanges((EXAMPLES / name).read_bytes(), name)
        assert problems == [] and all(ic.problems == [] for ic in ics)
        messages.extend(m for ic in ics for m in ic.messages)
    return parse_paxlst(messages)


def _clean(manifest: Manifest) -> None:
    assert [p for p in manifest.problems if p.severity != Severity.INFO] == []
    assert manifest.reported_count == len(manifest.travellers)


@pytest.mark.parametrize(
    ("names", "designator", "count"),
    [
        (("paxlst_AM0402_CUN_ATL.edi",), "AM402", 12),
        (("paxlst_AA1407_CUN_MIA_crew.edi",), "AA1407", 6),
        (("paxlst_UA1532_CUN_IAH_part2.edi", "paxlst_UA1532_CUN_IAH_part1.edi"), "UA1532", 7),
    ],
)
def test_example_reads_without_warning(names: tuple[str, ...], designator: str, count: int) -> None:
    (manifest,) = _read(*names)
    _clean(manifest)
    assert manifest.flight is not None and manifest.flight.designator == designator
    assert len(manifest.travellers) == count


def test_aeromexico_example_details() -> None:
    (manifest,) = _read("paxlst_AM0402_CUN_ATL.edi")
    roles = [t.role for t in manifest.travellers]
    assert roles.count(Role.IN_TRANSIT) == 1
    assert any(t.surname == "O'CONNOR" for t in manifest.travellers)
    assert sum(1 for t in manifest.travellers for d in t.documents if d.type == "V") == 5


def test_crew_example() -> None:
    (manifest,) = _read("paxlst_AA1407_CUN_MIA_crew.edi")
    assert manifest.list_type == "250"
    assert all(t.role is Role.CREW for t in manifest.travellers)
