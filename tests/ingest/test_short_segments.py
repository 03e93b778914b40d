"""Every segment the parsers read, cut short: no parser may fail on a missing element.

For each distinct segment tag in our example messages, every occurrence of that tag is cut to
its tag alone, to its first element, and to its first component, and the message is read
again. The reader turns a parser exception into an "internal error" problem; none may appear.
(Written after atheris found a PAXLST ``NAT`` segment without elements raising IndexError.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from preboard.cli.demo import examples_dir
from preboard.ingest.reader import INTERNAL_ERROR, read_inputs

EDIFACT = sorted(p for p in examples_dir().iterdir() if p.suffix == ".edi")


def _variants(text: str, terminator: str, element: str) -> list[tuple[str, str]]:
    tags = sorted(set(re.findall(rf"(?:^|{re.escape(terminator)})\s*([A-Z]{{3}})", text)))
    out = []
    for tag in tags:
        if tag.startswith("UN"):
            continue
        pattern = re.compile(rf"(?<={re.escape(terminator)})(\s*){tag}[^{re.escape(terminator)}]*")
        for label, cut in (
            ("bare", lambda m, tag=tag: m.group(1) + tag),
            (
                "one element",
                lambda m: (
                    m.group(0).split(element)[0] + element + ([*m.group(0).split(element), ""])[1]
                ),
            ),
            ("one component", lambda m: m.group(0).split(":")[0]),
        ):
            out.append((f"{tag} {label}", pattern.sub(cut, text)))
    return out


@pytest.mark.parametrize("path", EDIFACT, ids=lambda p: p.name)
def test_short_segments_never_break_a_parser(path: Path) -> None:
    text = path.read_text()
    failures = []
    for label, variant in _variants(text, "'", "+"):
        result = read_inputs([(path.name, variant.encode())])
        if any(p.message.startswith(INTERNAL_ERROR) for p in result.all_problems):
            failures.append(label)
    assert failures == []
