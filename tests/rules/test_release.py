"""Releasing a rule version: appended after the file's text byte for byte, indented like the
entries before it, read back exactly; a file that cannot take an entry is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from preboard.rules import EXAMPLES
from preboard.rules.files import VersionDoc, parse_rule_text
from preboard.rules.model import RuleError
from preboard.rules.release import append_version, new_rule_text

DOC = {
    "date": dt.date(2026, 12, 2), "author": "ana", "reason": 'narrower: "two days"',
    "title": "Cash one-way: two days", "purpose": "p", "owner": "o", "severity": "high",
    "weight": 0.5, "valid_from": dt.date(2026, 12, 2), "review_date": dt.date(2027, 6, 30),
    "expression": "    booking.one_way == true\n      && booking.days_before_departure <= 2  \n",
}  # fmt: skip


def test_a_version_is_appended_and_reads_back() -> None:
    text = (EXAMPLES / "R-FAC-001.yaml").read_text(encoding="utf-8")
    new = append_version(text, VersionDoc(version=3, **DOC))
    assert new.startswith(text)
    history = parse_rule_text(new).history
    assert history.versions[:2] == parse_rule_text(text).history.versions
    latest = history.latest
    assert latest.reason == 'narrower: "two days"' and latest.valid_to is None
    assert latest.expression == (
        "booking.one_way == true\n  && booking.days_before_departure <= 2\n"
    )


def test_only_the_next_number_and_block_lists_are_taken() -> None:
    text = (EXAMPLES / "R-FAC-001.yaml").read_text(encoding="utf-8")
    with pytest.raises(RuleError, match="next version is 3"):
        append_version(text, VersionDoc(version=5, **DOC))
    flow = parse_rule_text(new_rule_text("R-X-1", VersionDoc(version=1, **DOC)))
    assert flow.history.id == "R-X-1" and flow.history.latest.version == 1
    one_line = 'id: R-X-1\ncontext_version: "1"\nversions: [{version: 1, date: 2026-01-01, '
    one_line += "author: a, reason: r, title: t, severity: low, weight: 0.1, "
    one_line += "valid_from: 2026-01-01, expression: booking.one_way}]\n"
    with pytest.raises(RuleError, match="not a block list"):
        append_version(one_line, VersionDoc(version=2, **DOC))
