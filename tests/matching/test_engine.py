"""The matcher end to end: true variants at or above the operating point, hard negatives below,
thresholds and limits, batches equal to single matches, and any pair scored on demand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from preboard.matching import MatchConfig, Matcher, MatchResult, released
from preboard.model import Traveller
from preboard.watchlist import BirthDate, EntryName, NameKind, WatchlistEntry
from tests.matching.people import (
    BY_ID,
    HARD_NEGATIVES,
    LISTED,
    VARIANTS,
    D,
    F,
    M,
    entry,
    traveller,
)

NONSENSE = traveller("ZZYZX", "QWERTY", D(2001, 1, 1))


def ids(results: list[MatchResult]) -> list[str]:
    return [r.entry_id for r in results]


def batch() -> list[Traveller]:
    """Every variant and hard negative, and a few travellers nobody lists."""
    return [
        *(t for _, _, t in VARIANTS),
        *(t for _, _, t in HARD_NEGATIVES),
        NONSENSE,
        traveller("", ""),
        traveller("ANNA", "NOVAK", document="GO1234567"),
    ]


def test_the_operating_point_is_the_released_one(matcher: Matcher) -> None:
    assert matcher.operating_point == released().operating_point  # its value: test_weights
    assert matcher.weights.prior == released().prior  # a short list keeps the prior


@pytest.mark.parametrize(("label", "entry_id", "t"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_true_variant_is_matched_first(
    matcher: Matcher, label: str, entry_id: str, t: Traveller
) -> None:
    found = matcher.match(t)
    assert found, f"{label}: nothing at or above {matcher.operating_point}"
    assert found[0].entry_id == entry_id
    assert found[0].score >= matcher.operating_point


@pytest.mark.xfail(
    strict=True,
    reason="a transliteration with neither birth date nor nationality scores 0.19 (v4): on "
    "this 310-entry list SERGEI and IVANOV are each 1 in 310, so the name is only 'usual' and "
    "'undated usual' weighs -0.73; name evidence alone does not reach the operating point",
)
def test_a_transliteration_without_birth_date_is_matched(matcher: Matcher) -> None:
    t = traveller("SERGEY", "IVANOV", sex=M)
    assert ids(matcher.match(t))[:1] == ["WL-RU-IVANOV"]


# More hard negatives, beside those of people.py (label, listed entry, traveller).
MORE_NEGATIVES: tuple[tuple[str, str, Traveller], ...] = (
    # Fixed bug: born 30 years apart on the same day and month differ in one digit (the
    # decade); the birth level was 'one_digit' instead of 'conflict' (0.90 and 0.96 under v3).
    (
        "same-name-same-day-and-month-30-years-later",
        "WL-RU-IVANOV",
        traveller("SERGEI", "IVANOV", D(1999, 11, 3), sex=M, nationality="RUS"),
    ),
    (
        "same-name-same-day-and-month-30-years-earlier",
        "WL-ES-GARCIA",
        traveller("MARIA", "GARCIA LOPEZ", D(1956, 7, 14), sex=F, nationality="MEX"),
    ),
    # Below the operating point since v4, but only by the birth date: 'same_year' now weighs
    # -2.18 (it was -0.57), while AHMED still aligns with MOHAMMED as a romanisation (0.93),
    # the bug pinned in test_align.test_ahmed_is_not_a_romanisation_of_mohammed. It scores 0.37
    # against 0.40; the same brother with a birth year only, or none, scores above 0.8.
    (
        "brother-same-fathers-name-and-birth-year",
        "WL-AR-KHALED",
        traveller("AHMED ABDEL RAHMAN", "KHALED", D(1978, 9, 1), sex=M, nationality="SYR"),
    ),
)
NEGATIVES = (*HARD_NEGATIVES, *MORE_NEGATIVES)


@pytest.mark.parametrize(("label", "entry_id", "t"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_a_hard_negative_stays_below_the_operating_point(
    matcher: Matcher, label: str, entry_id: str, t: Traveller
) -> None:
    assert matcher.score(t, BY_ID[entry_id]).score < matcher.operating_point
    assert entry_id not in ids(matcher.match(t))


def test_results_are_at_or_above_the_threshold_best_first(matcher: Matcher) -> None:
    for t in batch():
        for threshold in (None, 0.2, 0.9):
            found = matcher.match(t, threshold=threshold)
            cut = matcher.operating_point if threshold is None else threshold
            assert all(r.score >= cut for r in found)
            assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)


@pytest.mark.parametrize(
    "t",
    [VARIANTS[0][2], NONSENSE, traveller("PETER", "SMITH", D(1958))],
    ids=["variant", "nobody", "hard-negative"],
)
def test_threshold_zero_gives_the_limit_whatever_the_score(matcher: Matcher, t: Traveller) -> None:
    found = matcher.match(t, threshold=0, limit=5)
    assert len(found) == 5
    assert len(set(ids(found))) == 5
    scores = [r.score for r in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_threshold_zero_for_nobody_on_the_list_scores_near_zero(matcher: Matcher) -> None:
    found = matcher.match(NONSENSE, threshold=0, limit=5)
    assert max(r.score for r in found) < 0.01


def test_the_limit_is_respected(matcher: Matcher) -> None:
    # J. SMITH agrees with John Edward Smith; with threshold 0 every candidate is kept.
    t = traveller("J.", "SMITH", D(1958, 3, 14), sex=M, nationality="USA")
    assert len(matcher.match(t, threshold=0, limit=1)) == 1
    assert ids(matcher.match(t, limit=1)) == ["WL-EN-SMITH"]
    assert len(matcher.match(t, threshold=0, limit=12)) == 12


def test_ties_are_ordered_by_entry_id() -> None:
    twin = {"born": (BirthDate(D(1958, 3, 14)),), "nationality": "USA", "sex": M}
    entries = [
        entry("TWIN-B", "John Edward Smith", **twin),
        entry("TWIN-A", "John Edward Smith", **twin),
    ]
    found = Matcher.build(entries).match(traveller("JOHN EDWARD", "SMITH", D(1958, 3, 14)))
    assert ids(found) == ["TWIN-A", "TWIN-B"]
    assert found[0].score == found[1].score


def test_match_many_with_workers_equals_match_for_each(matcher: Matcher) -> None:
    travellers = batch()
    assert len(travellers) >= 8  # enough for two forked workers to share the work
    expected = [matcher.match(t) for t in travellers]
    assert matcher.match_many(travellers, workers=2) == expected
    assert matcher.match_many(travellers) == expected


def test_match_many_passes_threshold_and_limit(matcher: Matcher) -> None:
    travellers = batch()
    expected = [matcher.match(t, threshold=0, limit=3) for t in travellers]
    assert matcher.match_many(travellers, threshold=0, limit=3, workers=2) == expected
    assert all(len(found) == 3 for found in expected)


def test_match_many_in_small_batches_equals_one_batch(entries: list[WatchlistEntry]) -> None:
    small = Matcher.build(entries, config=MatchConfig(batch=4))
    travellers = batch()
    assert small.match_many(travellers) == [small.match(t) for t in travellers]


def test_match_many_of_no_travellers(matcher: Matcher) -> None:
    assert matcher.match_many([], workers=2) == []


def test_score_works_on_any_pair(matcher: Matcher) -> None:
    t = traveller("ANNA", "NOVAK", D(1950, 1, 1))
    for e in LISTED:
        result = matcher.score(t, e)
        assert result.entry_id == e.id
        assert 0.0 <= result.score < 0.01
    outsider = entry("NOT-LISTED", "Anna Novak", born=(BirthDate(D(1950, 1, 1)),))
    assert matcher.score(t, outsider).score >= matcher.operating_point


def test_score_agrees_with_match(matcher: Matcher) -> None:
    for label, entry_id, t in VARIANTS:
        found = {r.entry_id: r for r in matcher.match(t)}
        assert matcher.score(t, BY_ID[entry_id]) == found[entry_id], label


def test_a_document_alone_is_proposed_but_not_a_match(matcher: Matcher) -> None:
    """The index proposes an entry by its document number whatever the name; the full score
    decides, and an agreeing number with nothing else agreeing stays far below."""
    t = traveller("ANNA", "NOVAK", document="G01234567")
    assert ids(matcher.match(t, threshold=0, limit=1)) == ["WL-DOC-BELOV"]
    assert matcher.match(t) == []


def test_build_takes_any_iterable_and_weights_of_our_own() -> None:
    strict = replace(released(), operating_point=0.99)
    m = Matcher.build((e for e in LISTED), weights=strict)
    assert len(m.entries) == len(LISTED)
    t = traveller("JOHN EDWARD", "SMITH", D(1958, 3, 14), sex=M, nationality="USA")  # over 0.9
    assert m.operating_point == 0.99
    assert m.match(t) == []
    assert ids(m.match(t, threshold=0.5)) == ["WL-EN-SMITH"]


def test_a_large_list_needs_more_evidence(entries: list[WatchlistEntry]) -> None:
    t = traveller("JOHN", "SMTIH", D(1958, 3, 14), sex=M, nationality="USA")
    small = Matcher.build(entries).score(t, BY_ID["WL-EN-SMITH"]).score
    big = Matcher.build(entries, weights=replace(released(), list_size=31)).score(
        t, BY_ID["WL-EN-SMITH"]
    )
    assert big.score < small  # 310 entries against weights made for 31: a lower prior


def test_an_empty_list_matches_nobody() -> None:
    m = Matcher.build([])
    assert m.match(traveller("JOHN", "SMITH", D(1958, 3, 14))) == []
    assert m.match(NONSENSE, threshold=0, limit=5) == []


def test_an_entry_listed_with_year_and_month_is_scored() -> None:
    """Fixed bug: a listed birth date of year and month only (1986-07) gives the level
    'year_month', which weights_v3 lacked: score and match raised KeyError('year_month')."""
    listed = entry("WL-YM", "Maria Garcia Lopez", born=(BirthDate(D(1986, 7)),))
    t = traveller("MARIA", "GARCIA LOPEZ", D(1986, 7, 14))
    m = Matcher.build([listed])
    result = m.score(t, listed)
    levels = {c.feature: c.level for c in result.explanation.contributions}
    assert levels["birth_date"] == "year_month"
    assert result.score >= m.operating_point
    assert ids(m.match(t)) == ["WL-YM"]
    # A year and month that agree never count for less than the year alone.
    year_only = entry("WL-Y", "Maria Garcia Lopez", born=(BirthDate(D(1986)),))
    assert result.score >= m.score(t, year_only).score


def test_an_alternative_birth_date_never_lowers_the_score(matcher: Matcher) -> None:
    """Fixed bug: compare_birth keeps the best-ranked level by BIRTH_LEVELS, and under v3
    'near' (1976-10-10) outranked 'same_year' (1975-09-19) though it weighed far less."""
    t = traveller("SERGEI", "IVANOV", D(1975, 3, 2), sex=M, nationality="RUS")
    one = entry("X1", "Sergei Ivanov", born=(BirthDate(D(1975, 9, 19)),))
    two = entry("X2", "Sergei Ivanov", born=(BirthDate(D(1975, 9, 19)), BirthDate(D(1976, 10, 10))))
    assert matcher.score(t, two).score >= matcher.score(t, one).score


def test_an_initial_never_scores_above_the_full_given_name() -> None:
    """Fixed in v4: 'initials: some' added +1.38 under v3, more than the rarity a full JOHN
    adds on a list of ten (J. SMITH 0.95, JOHN SMITH 0.88); it now weighs 0 (the two tie)."""
    m = Matcher.build(list(LISTED))
    full = traveller("JOHN", "SMITH", D(1958, 3, 14), sex=M, nationality="USA")
    initial = traveller("J.", "SMITH", D(1958, 3, 14), sex=M, nationality="USA")
    smith = BY_ID["WL-EN-SMITH"]
    assert m.score(initial, smith).score <= m.score(full, smith).score


def test_a_weak_alias_scores_lower_than_a_primary_name(matcher: Matcher) -> None:
    t = traveller("ABU", "YUSUF", D(1978, 4, 12), sex=M, nationality="SYR")
    weak = BY_ID["WL-AR-KHALED"]  # "Abu Yusuf" is its weak alias
    primary = replace(weak, id="PRIMARY", names=(EntryName("Abu Yusuf", NameKind.PRIMARY),))
    assert matcher.score(t, weak).explanation.entry_name == "Abu Yusuf"
    assert matcher.score(t, weak).score < matcher.score(t, primary).score


def test_worker_processes_are_kept_between_calls_and_stopped_by_close(
    entries: list[WatchlistEntry],
) -> None:
    travellers = batch()
    expected = [Matcher.build(entries).match(t) for t in travellers]
    with Matcher.build(entries) as own:
        assert own.match_many(travellers, workers=2) == expected
        pool = own._pool
        assert pool is not None
        assert own.match_many(travellers, workers=2) == expected
        assert own._pool is pool  # the same processes served the second flight
    assert own._pool is None
    assert own.match_many(travellers, workers=2) == expected  # started again on demand
    own.close()
