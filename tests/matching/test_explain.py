"""Explanations: every feature's level and weight, arithmetic that adds up, a readable alignment."""

from __future__ import annotations

import json
import math

import pytest

from preboard.matching import Matcher
from preboard.matching.explain import Explanation, explain
from preboard.matching.features import FEATURES, features
from preboard.matching.text import core, tokens
from preboard.matching.weights import Weights, released
from preboard.model import Traveller
from preboard.watchlist import WatchlistEntry
from tests.matching.people import BY_ID, VARIANTS, D, M, traveller

KHALED = BY_ID["WL-AR-KHALED"]
ARABIC_VARIANT = traveller(
    "MUHAMMAD", "ABDULRAHMAN KHALED", D(1978, 4, 12), sex=M, nationality="SYR"
)


def explained(matcher: Matcher, t: Traveller, e: WatchlistEntry) -> Explanation:
    return matcher.score(t, e).explanation


@pytest.mark.parametrize(("label", "entry_id", "t"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_every_result_carries_each_feature_with_its_weight(
    matcher: Matcher, label: str, entry_id: str, t: Traveller
) -> None:
    for result in matcher.match(t, threshold=0, limit=3):
        expl = result.explanation
        assert expl.entry_id == result.entry_id
        assert tuple(c.feature for c in expl.contributions) == FEATURES
        for c in expl.contributions:
            assert c.weight == matcher.weights.weight(c.feature, c.level)
            assert c.detail


@pytest.mark.parametrize(("label", "entry_id", "t"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_the_prior_and_the_weights_add_up_to_the_total_and_the_score(
    matcher: Matcher, label: str, entry_id: str, t: Traveller
) -> None:
    result = matcher.score(t, BY_ID[entry_id])
    expl = result.explanation
    assert expl.prior == matcher.weights.prior
    assert expl.total == pytest.approx(expl.prior + sum(c.weight for c in expl.contributions))
    assert expl.score == pytest.approx(1.0 / (1.0 + 2.0**-expl.total))
    assert result.score == expl.score
    # The same check from the published form, as a data protection officer would do it.
    doc = expl.to_dict()
    summed = doc["prior"] + sum(f["weight"] for f in doc["features"])
    assert doc["total"] == pytest.approx(summed, abs=1e-3)


def test_explain_with_weights_of_our_own() -> None:
    """One weight per feature, 1 for every level: the total is the prior plus nine."""
    table = {f: dict.fromkeys(released().table[f], 1.0) for f in FEATURES}
    ones = Weights("test", "2000-01-01", "by hand", -4.0, 0.5, table)
    found = features(ARABIC_VARIANT, KHALED, {})
    expl = explain("WL-AR-KHALED", "MUHAMMAD ABDULRAHMAN KHALED", found, ones)
    assert expl.total == -4.0 + len(FEATURES) == 5.0
    assert expl.score == 1.0 / (1.0 + 2.0**-5)
    assert expl.weights_version == "test"
    assert [(c.feature, c.level) for c in expl.contributions] == [
        (f, found.levels[f].level) for f in FEATURES
    ]


def test_the_alignment_pairs_traveller_parts_with_entry_parts(matcher: Matcher) -> None:
    expl = explained(matcher, ARABIC_VARIANT, KHALED)
    # rigour's name symbols are tried before the skeleton and one-edit tests: both given
    # names are known equivalents (they were a romanisation and a spelling variant before).
    assert {(m.traveller, m.entry, m.reason) for m in expl.alignment} == {
        ("MUHAMMAD", "MOHAMMED", "equivalent"),
        ("ABDULRAHMAN", "ABDEL RAHMAN", "equivalent"),  # one word against two
        ("KHALED", "KHALED", "same"),
    }
    assert expl.traveller_left == expl.entry_left == ()
    assert expl.entry_name == "Mohammed Abdel Rahman Khaled"
    assert expl.traveller_name == "MUHAMMAD ABDULRAHMAN KHALED"


@pytest.mark.parametrize(("label", "entry_id", "t"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_aligned_parts_are_words_of_the_two_names(
    matcher: Matcher, label: str, entry_id: str, t: Traveller
) -> None:
    expl = explained(matcher, t, BY_ID[entry_id])
    t_words = [tok.text for tok in core(tokens(t.full_name))]
    e_words = [tok.text for tok in core(tokens(expl.entry_name))]
    shown_t = [w for m in expl.alignment for w in m.traveller.split()] + list(expl.traveller_left)
    shown_e = [w for m in expl.alignment for w in m.entry.split()] + list(expl.entry_left)
    # Every word of each name is shown once: aligned or left over.
    assert sorted(shown_t) == sorted(t_words)
    assert sorted(shown_e) == sorted(e_words)
    for m in expl.alignment:
        assert 0.7 <= m.similarity <= 1.0


def test_summary_reads_without_training(matcher: Matcher) -> None:
    expl = explained(matcher, ARABIC_VARIANT, KHALED)
    lines = expl.summary()
    w = matcher.weights
    assert expl.score >= matcher.operating_point
    assert lines[0] == (
        "MUHAMMAD ABDULRAHMAN KHALED against Mohammed Abdel Rahman Khaled (WL-AR-KHALED): "
        f"{expl.score:.2f}"
    )
    assert "  MUHAMMAD is a known equivalent of MOHAMMED (0.92)" in lines
    assert "  KHALED is identical to KHALED (1.00)" in lines
    assert any(
        line.startswith("  ABDULRAHMAN is a known equivalent of ABDEL RAHMAN") for line in lines
    )
    exact = w.weight("birth_date", "exact")
    assert exact > 0.0
    assert f"  birth_date: exact ({exact:+.1f}) 1978-04-12 against 1978-04-12" in lines
    same = w.weight("nationality", "same")
    assert same > 0.0
    assert f"  nationality: same ({same:+.1f}) SYR" in lines
    assert len(lines) == 1 + 3 + len(FEATURES)


@pytest.mark.parametrize(
    ("t", "entry_id", "expected"),
    [
        (traveller("J.", "SMITH"), "WL-EN-SMITH", "  J is the initial of JOHN (0.80)"),
        (
            traveller("JUAN CARLOS", "DELACRUZ PEREZ"),
            "WL-ES-DELACRUZ",
            "  DELACRUZ and CRUZ differ by a particle written together (0.97)",
        ),
        (
            traveller("YORGOS", "PAPADOPOULOS"),
            "WL-GR-PAPADOPOULOS",
            "  YORGOS is a known equivalent of GEORGIOS (0.92)",
        ),
        (traveller("MARIA", "GARCIA"), "WL-ES-GARCIA", "  not in the traveller's name: LOPEZ"),
        (
            traveller("MARIA ISABEL", "GARCIA LOPEZ"),
            "WL-ES-GARCIA",
            "  not on the list entry: ISABEL",
        ),
    ],
)
def test_summary_says_how_each_part_agrees(
    matcher: Matcher, t: Traveller, entry_id: str, expected: str
) -> None:
    assert expected in explained(matcher, t, BY_ID[entry_id]).summary()


def test_to_dict_is_json_and_complete(matcher: Matcher) -> None:
    expl = explained(matcher, traveller("MARIA", "GARCIA", D(1986, 7, 14)), BY_ID["WL-ES-GARCIA"])
    doc = json.loads(json.dumps(expl.to_dict(), ensure_ascii=False))
    assert set(doc) == {
        "entry_name",
        "traveller_name",
        "alignment",
        "traveller_unmatched",
        "entry_unmatched",
        "features",
        "prior",
        "total",
        "weights_version",
    }
    assert doc["weights_version"] == matcher.weights.version == released().version
    assert doc["entry_unmatched"] == ["LOPEZ"]
    assert doc["traveller_unmatched"] == []
    assert [f["feature"] for f in doc["features"]] == list(FEATURES)
    assert {"traveller": "MARIA", "entry": "MARIA", "similarity": 1.0, "reason": "same"} in doc[
        "alignment"
    ]
    assert math.isclose(doc["total"], expl.total, abs_tol=5e-4)


def test_an_unrelated_pair_is_explained_too(matcher: Matcher) -> None:
    expl = explained(matcher, traveller("ANNA", "NOVAK"), BY_ID["WL-DOC-BELOV"])
    assert expl.alignment == ()
    assert expl.traveller_left == ("ANNA", "NOVAK")
    assert expl.entry_left == ("VIKTOR", "ANATOLYEVICH", "BELOV")
    lines = expl.summary()
    assert "  not on the list entry: ANNA NOVAK" in lines
    none = matcher.weights.weight("name", "none")
    assert none <= 0.0  # no agreement is no evidence for a match
    assert f"  name: none ({none:+.1f}) no full word of the names agrees" in lines
    assert expl.score < matcher.operating_point
