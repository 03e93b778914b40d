"""The released weights: they load, cover every level, are ordered, and scale with the list."""

from __future__ import annotations

import itertools
import json
import math
from importlib import resources

import pytest

from preboard.errors import ConfigurationError
from preboard.matching.align import Alignment
from preboard.matching.compare import BIRTH_LEVELS, Compared
from preboard.matching.explain import explain
from preboard.matching.features import FEATURES, Features
from preboard.matching.weights import CURRENT, Weights, parse_weights, released

# The levels each feature can take (features.py and compare.py), and the orders along which
# a stronger agreement must never weigh less (benchmarks/matching/estimate_weights.py,
# ``ORDERED``, makes the released weights monotone along them).
LEVELS = {
    "name": ("exact", "strong", "good", "fair", "weak", "none"),
    "initials": ("none", "some"),
    "coverage": (
        "full",
        "traveller_in_entry",
        "entry_in_traveller",
        "single_only",
        "partial",
        "single",
        "none",
    ),
    "rarity": ("very_rare", "rare", "usual", "common"),
    "undated": ("dated", "very_rare", "rare", "usual", "common"),
    "birth_date": BIRTH_LEVELS,
    "nationality": ("same", "missing", "different"),
    "sex": ("same", "missing", "different"),
    "document": ("exact", "near", "missing", "different"),
}
ORDERED = ("name", "initials", "coverage", "rarity", "nationality", "sex", "document")


@pytest.fixture(scope="module")
def weights() -> Weights:
    return released()


def test_the_current_release_loads(weights: Weights) -> None:
    assert CURRENT == "weights_v4.json"
    assert weights.version == "4"
    assert weights.released == "2026-12-02"
    assert weights.list_size == 10_000
    assert weights.prior == -12.61
    assert "logistic regression" in weights.method
    assert released() is weights  # loaded once


def test_the_operating_point_is_the_documented_value(weights: Weights) -> None:
    assert weights.operating_point == 0.40


def test_every_feature_has_a_table(weights: Weights) -> None:
    assert set(weights.table) == set(FEATURES)
    for feature in FEATURES:
        assert weights.table[feature], feature


# Fixed in v4: weights_v3 had no weight for 'year_month' (a listed date of year and month only,
# such as 1985-07), so scoring such a pair raised KeyError.
@pytest.mark.parametrize(
    ("feature", "level"), [(f, lv) for f, levels in LEVELS.items() for lv in levels]
)
def test_every_level_a_feature_can_take_has_a_weight(
    weights: Weights, feature: str, level: str
) -> None:
    assert math.isfinite(weights.weight(feature, level))


def test_no_weight_for_a_level_no_feature_takes(weights: Weights) -> None:
    for feature, table in weights.table.items():
        assert set(table) <= set(LEVELS[feature]), feature


@pytest.mark.parametrize("feature", ORDERED)
def test_a_stronger_agreement_never_weighs_less(weights: Weights, feature: str) -> None:
    got = [weights.weight(feature, lv) for lv in LEVELS[feature] if lv in weights.table[feature]]
    assert got == sorted(got, reverse=True)


def test_undated_names_weigh_more_the_rarer_they_are(weights: Weights) -> None:
    got = [weights.weight("undated", lv) for lv in ("very_rare", "rare", "usual", "common")]
    assert got == sorted(got, reverse=True)
    assert weights.weight("undated", "dated") == 0.0


def test_birth_date_extremes(weights: Weights) -> None:
    w = weights.table["birth_date"]
    assert max(w, key=w.__getitem__) == "exact"
    assert min(w, key=w.__getitem__) == "conflict"
    assert w["exact"] > w["year"] > w["missing"] == 0.0 > w["far"] > w["conflict"]
    assert w["one_digit"] > 0.0 and w["swapped"] > 0.0 and w["in_range"] > 0.0


def test_birth_levels_rank_in_the_order_of_their_weights(weights: Weights) -> None:
    """compare_birth keeps the best-ranked level of several listed dates, so the rank must
    agree with the weights (fixed in v4: under v3, 'near' outranked 'same_year' though it
    weighed far less, and 'swapped' outranked 'in_range')."""
    w = weights.table["birth_date"]
    ranked = [w[lv] for lv in BIRTH_LEVELS if lv in w and lv != "missing"]
    assert ranked == sorted(ranked, reverse=True)


def test_the_reference_levels_weigh_nothing(weights: Weights) -> None:
    """Since v4 every feature is measured from its reference level ("no evidence either way",
    ``REFERENCE`` in benchmarks/matching/estimate_weights.py); the prior takes the shift."""
    for feature, reference in [
        ("name", "none"),
        ("initials", "none"),
        ("coverage", "none"),
        ("rarity", "common"),
        ("undated", "dated"),
        ("birth_date", "missing"),
        ("nationality", "missing"),
        ("sex", "missing"),
        ("document", "missing"),
    ]:
        assert weights.weight(feature, reference) == 0.0, feature


def test_best_is_the_largest_weight(weights: Weights) -> None:
    assert weights.best("document") == weights.weight("document", "exact")
    assert weights.best("document") > weights.weight("document", "near")
    assert weights.best("coverage") == weights.weight("coverage", "full")
    for feature, table in weights.table.items():
        assert all(weights.best(feature) >= w for w in table.values()), feature


def features_at(levels: dict[str, str]) -> Features:
    return Features(
        {f: Compared(lv, "") for f, lv in levels.items()}, Alignment((), (), ()), "", False
    )


def test_score_is_in_0_1_at_the_extremes(weights: Weights) -> None:
    lowest = {f: min(t, key=t.__getitem__) for f, t in weights.table.items()}
    highest = {f: max(t, key=t.__getitem__) for f, t in weights.table.items()}
    low = explain("X", "", features_at(lowest), weights).score
    high = explain("X", "", features_at(highest), weights).score
    assert 0.0 <= low < 1e-6
    assert 0.999 < high <= 1.0


def test_score_is_in_0_1_for_every_combination_of_name_levels(weights: Weights) -> None:
    side = {"birth_date": "exact", "nationality": "same", "sex": "same", "document": "exact"}
    names = ("name", "initials", "coverage", "rarity")
    for combo in itertools.product(*(weights.table[f] for f in names)):
        levels = {**dict(zip(names, combo, strict=True)), "undated": "dated", **side}
        score = explain("X", "", features_at(levels), weights).score
        assert 0.0 <= score <= 1.0


def test_total_for_inverts_the_logistic(weights: Weights) -> None:
    assert weights.total_for(0.5) == 0.0
    assert weights.total_for(0.8) == pytest.approx(2.0)  # 0.8 / 0.2 = 2**2
    assert weights.total_for(0.0) == -math.inf
    assert weights.total_for(1.0) == math.inf
    point = weights.total_for(weights.operating_point)
    assert 1.0 / (1.0 + 2.0**-point) == pytest.approx(weights.operating_point)


def test_for_list_lowers_the_prior_for_larger_lists(weights: Weights) -> None:
    bigger = weights.for_list(100_000)
    assert bigger.prior == round(weights.prior - math.log2(10), 2)  # ten times the list
    assert bigger.list_size == 100_000
    assert weights.for_list(1_000_000).prior < bigger.prior < weights.prior
    # Only the prior moves: the table and the operating point stay.
    assert bigger.table == weights.table
    assert bigger.operating_point == weights.operating_point
    assert bigger.version == weights.version


@pytest.mark.parametrize("size", [0, 10, 310, 9_999, 10_000])
def test_for_list_never_raises_the_prior_for_smaller_lists(weights: Weights, size: int) -> None:
    assert weights.for_list(size) is weights


def test_a_release_missing_a_feature_is_refused() -> None:
    doc = json.loads((resources.files("preboard.matching") / CURRENT).read_text("utf-8"))
    del doc["weights"]["document"]
    with pytest.raises(ConfigurationError, match=r"lack features \['document'\]"):
        parse_weights(doc)


def test_parse_weights_reads_a_document_without_list_size() -> None:
    doc = json.loads((resources.files("preboard.matching") / CURRENT).read_text("utf-8"))
    del doc["list_size"]
    doc["weights"]["name"]["exact"] = "3.5"  # numbers may be given as strings
    got = parse_weights(doc)
    assert got.list_size == 10_000
    assert got.weight("name", "exact") == 3.5
