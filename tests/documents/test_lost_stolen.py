"""The lost and stolen documents list: loading with bad rows reported by line, and lookups
that tolerate separators, OCR confusions and alpha-2 countries but never use the name."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from preboard.documents import (
    LostStolenList,
    check_lost_stolen,
    load_lost_stolen,
    read_lost_stolen,
)
from preboard.documents.lost_stolen import FOLDED_SCORE, UNKNOWN_COUNTRY_FACTOR
from preboard.errors import ParseError
from preboard.model import Severity, TravelDocument
from preboard.model.findings import FindingKind, FindingSeverity
from tests.documents.helpers import passport, person


@pytest.fixture
def listed(docs_fixtures: Path) -> LostStolenList:
    return load_lost_stolen(docs_fixtures / "lost_stolen.csv", version="2026-11-27")


def test_good_rows_are_indexed_and_bad_rows_reported_by_line(listed: LostStolenList) -> None:
    assert len(listed) == 9  # lines 4-12
    assert listed.source == "lost_stolen@2026-11-27"
    reported = [(p.segment, p.severity) for p in listed.problems]
    assert reported == [
        (12, Severity.WARNING),  # unknown country ABC, kept
        (13, Severity.ERROR),  # no number
        (14, Severity.ERROR),  # a * in the number
        (15, Severity.ERROR),  # two values
        (16, Severity.ERROR),  # four values
    ]
    assert all(p.message.startswith(f"line {p.segment}: ") for p in listed.problems)


def test_problems_never_quote_a_document_number(listed: LostStolenList) -> None:
    text = " ".join(p.message for p in listed.problems)
    assert "45678" not in text  # line 14's number


def test_version_defaults_to_the_file_stem(docs_fixtures: Path) -> None:
    assert load_lost_stolen(docs_fixtures / "lost_stolen.csv").source == "lost_stolen@lost_stolen"


def test_a_wrong_header_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="issuing_country,document_type,document_number"):
        read_lost_stolen(["country,number\n"], "bad.csv", version="x")


def test_exact_number_and_country_is_a_certain_hit(listed: LostStolenList) -> None:
    hit = listed.lookup("G10203040", issuing_country="MEX", document_type="P")
    assert hit is not None
    assert (hit.exact, hit.country_compared, hit.score, hit.line) == (True, True, 1.0, 4)


@pytest.mark.parametrize("written", ["g1020-3040", "G 1020 3040", "G.10203040"])
def test_separators_and_case_do_not_matter(listed: LostStolenList, written: str) -> None:
    hit = listed.lookup(written, issuing_country="MEX")
    assert hit is not None and hit.exact and hit.score == 1.0


def test_a_listed_number_with_separators_matches_the_plain_number(listed: LostStolenList) -> None:
    hit = listed.lookup("A05512999", issuing_country="USA", document_type="P")
    assert hit is not None and hit.exact and hit.line == 6


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("G1O2O3O4O", 4),  # O for 0
        ("G50607080", 5),  # the list has O where the document has 0
        ("C0IX00T47", 7),  # I for 1
        ("G5O6O7O8O", 5),
    ],
)
def test_ocr_confusions_match_with_a_lower_score(
    listed: LostStolenList, written: str, line: int
) -> None:
    hit = listed.lookup(written, issuing_country={4: "MEX", 5: "MEX", 7: "DEU"}[line])
    assert hit is not None
    assert not hit.exact
    assert hit.line == line
    assert hit.score == pytest.approx(FOLDED_SCORE)


def test_s_5_b_8_z_2_are_folded_too() -> None:
    listed = read_lost_stolen(
        ["issuing_country,document_type,document_number\n", "BRA,P,FS8Z1234\n"],
        "t.csv",
        version="t",
    )
    hit = listed.lookup("F5821234", issuing_country="BRA")
    assert hit is not None and not hit.exact


def test_alpha2_and_alpha3_countries_agree(listed: LostStolenList) -> None:
    hit = listed.lookup("G50607080", issuing_country="MX")  # the list has MX, folded number
    assert hit is not None and hit.country_compared
    assert listed.lookup("G10203040", issuing_country="MX") is not None  # the list has MEX


def test_another_country_is_no_hit(listed: LostStolenList) -> None:
    assert listed.lookup("G10203040", issuing_country="GTM") is None


def test_unknown_country_on_either_side_matches_with_a_lower_score(
    listed: LostStolenList,
) -> None:
    hit = listed.lookup("N09990001", issuing_country="MEX")  # the list gives no country
    assert hit is not None and not hit.country_compared
    assert hit.score == pytest.approx(UNKNOWN_COUNTRY_FACTOR)
    hit = listed.lookup("G10203040")  # the document gives none
    assert hit is not None and hit.score == pytest.approx(UNKNOWN_COUNTRY_FACTOR)


def test_document_types_agree_loosely(listed: LostStolenList) -> None:
    assert listed.lookup("G50607080", issuing_country="MEX", document_type="PP") is not None
    assert listed.lookup("A05512999", issuing_country="USA", document_type="passport")
    assert listed.lookup("61234999", issuing_country="MEX", document_type="P") is None  # a visa
    assert listed.lookup("AV1133557", issuing_country="COL", document_type="I")  # no type listed


def test_an_unlisted_number_is_no_hit(listed: LostStolenList) -> None:
    assert listed.lookup("G99999999", issuing_country="MEX") is None


def test_finding_for_an_exact_hit_is_critical_and_masked(listed: LostStolenList) -> None:
    traveller = person(passport("G10203040"), surname="ANYONE", given="AT ALL")
    [finding] = check_lost_stolen(traveller, listed)
    assert finding.kind is FindingKind.DOCUMENT
    assert finding.code == "document.lost_stolen"
    assert finding.severity is FindingSeverity.CRITICAL
    assert finding.score == 1.0
    assert finding.source == "lost_stolen@2026-11-27"
    assert "G10203040" not in finding.explanation
    assert "••••••040" in finding.explanation
    assert ("list_line", "4") in finding.detail and ("match", "exact") in finding.detail


def test_finding_for_a_folded_hit_is_high_and_says_so(listed: LostStolenList) -> None:
    [finding] = check_lost_stolen(person(passport("G1O2O3O4O")), listed)
    assert finding.severity is FindingSeverity.HIGH
    assert finding.score == pytest.approx(FOLDED_SCORE)
    assert "OCR-confusable" in finding.explanation
    assert ("match", "folded") in finding.detail


def test_the_name_plays_no_part(listed: LostStolenList) -> None:
    a = check_lost_stolen(person(passport("G10203040"), surname="A", given="B"), listed)
    b = check_lost_stolen(person(passport("G10203040"), surname="C", given="D"), listed)
    assert a == b and len(a) == 1


def test_documents_without_numbers_are_not_looked_up(listed: LostStolenList) -> None:
    assert check_lost_stolen(person(TravelDocument("P", None, "MEX")), listed) == []


def test_a_hundred_thousand_rows_load_and_look_up_fast() -> None:
    rng = random.Random(7)
    lines = ["issuing_country,document_type,document_number\n"]
    lines += [f"MEX,P,G{rng.randrange(10**8):08d}\n" for _ in range(100_000)]
    lines.append("MEX,P,G-2468-1357\n")
    start = time.perf_counter()
    listed = read_lost_stolen(lines, "big.csv", version="t")
    assert time.perf_counter() - start < 5.0  # about 0.3 s on a laptop
    assert len(listed) == 100_001
    start = time.perf_counter()
    for _ in range(10_000):
        hit = listed.lookup("G24681357", issuing_country="MX")
    assert time.perf_counter() - start < 1.0
    assert hit is not None and hit.exact
