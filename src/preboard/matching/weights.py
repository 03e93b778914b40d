"""The fixed, versioned weights that turn feature levels into a score.

A Fellegi-Sunter model: each feature level has a weight, ``log2(m/u)``, the log-ratio of how
often that level occurs among true matches (m) and among non-matches (u). The score is the
logistic of the prior log-odds plus the sum of the weights, a number in [0, 1]; the prior is
set for the size of the list being screened (``Weights.for_list``). Weights are
estimated offline from labelled synthetic data (``benchmarks/matching/estimate_weights.py``),
reviewed, and released as a new ``weights_vN.json``: nothing here learns in production.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from preboard.errors import ConfigurationError
from preboard.matching.features import FEATURES

CURRENT = "weights_v4.json"


@dataclass(frozen=True, slots=True)
class Weights:
    """One released set of weights."""

    version: str
    released: str
    method: str
    prior: float
    operating_point: float
    table: dict[str, dict[str, float]]
    list_size: int = 10_000

    def for_list(self, size: int) -> Weights:
        """The same weights for a list of ``size`` entries. The prior is the odds that one
        traveller-entry pair is a match, which falls as the list grows: for a list longer than
        the one the weights were estimated on it moves by ``log2(list_size / size)``, a fixed
        rule, so a longer list needs more evidence. It is never raised for a shorter list."""
        if size <= self.list_size:
            return self
        shift = math.log2(self.list_size / size)
        return replace(self, prior=round(self.prior + shift, 2), list_size=size)

    def weight(self, feature: str, level: str) -> float:
        return self.table[feature][level]

    def best(self, feature: str) -> float:
        """The largest weight a feature can add."""
        return max(self.table[feature].values())

    def total_for(self, score: float) -> float:
        """The log2-odds total that gives ``score`` (the inverse of the logistic)."""
        if score <= 0.0:
            return float("-inf")
        if score >= 1.0:
            return float("inf")
        return math.log2(score / (1.0 - score))


def parse_weights(doc: dict[str, Any]) -> Weights:
    """Check and build a weights document; every feature must have a table."""
    table = {
        str(f): {str(k): float(v) for k, v in levels.items()}
        for f, levels in doc["weights"].items()
    }
    missing = set(FEATURES) - set(table)
    if missing:
        raise ConfigurationError(f"weights {doc.get('version')!r} lack features {sorted(missing)}")
    return Weights(
        version=str(doc["version"]),
        released=str(doc["released"]),
        method=str(doc["method"]),
        prior=float(doc["prior"]),
        operating_point=float(doc["operating_point"]),
        table=table,
        list_size=int(doc.get("list_size", 10_000)),
    )


@cache
def released(name: str = CURRENT) -> Weights:
    """A released weights file shipped with preboard."""
    text = (resources.files("preboard.matching") / name).read_text(encoding="utf-8")
    return parse_weights(json.loads(text))
