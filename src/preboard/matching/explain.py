"""Scores with their explanation: every feature's level, weight and reason, and the alignment.

An officer reads ``Explanation.summary()``; a court or a data protection officer can check the
arithmetic in ``to_dict()``: the prior plus the listed weights is the total, and the score is
``1 / (1 + 2 ** -total)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from preboard.matching.align import PartMatch
from preboard.matching.features import FEATURES, Features
from preboard.matching.weights import Weights

_READABLE = {
    "same": "{t} is identical to {e}",
    "initial": "{t} is the initial of {e}",
    "romanisation": "{t} is another romanisation of {e}",
    "phonetic": "{t} sounds like {e}",
    "equivalent": "{t} is a known equivalent of {e}",
    "ocr": "{t} is {e} with an OCR confusion",
    "particle": "{t} and {e} differ by a particle written together",
    "spelling": "{t} is a spelling variant of {e}",
}


@dataclass(frozen=True, slots=True)
class Contribution:
    """One feature's part in the score."""

    feature: str
    level: str
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a traveller and a watchlist entry scored what they did."""

    entry_id: str
    entry_name: str
    traveller_name: str
    alignment: tuple[PartMatch, ...]
    traveller_left: tuple[str, ...]
    entry_left: tuple[str, ...]
    contributions: tuple[Contribution, ...]
    prior: float
    total: float
    score: float
    weights_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_name": self.entry_name,
            "traveller_name": self.traveller_name,
            "alignment": [
                {
                    "traveller": m.traveller,
                    "entry": m.entry,
                    "similarity": m.similarity,
                    "reason": m.reason,
                }
                for m in self.alignment
            ],
            "traveller_unmatched": list(self.traveller_left),
            "entry_unmatched": list(self.entry_left),
            "features": [
                {"feature": c.feature, "level": c.level, "weight": c.weight, "detail": c.detail}
                for c in self.contributions
            ],
            "prior": self.prior,
            "total": round(self.total, 3),
            "weights_version": self.weights_version,
        }

    def summary(self) -> list[str]:
        """Lines an officer can read without training."""
        lines = [
            f"{self.traveller_name} against {self.entry_name} ({self.entry_id}): {self.score:.2f}"
        ]
        for m in self.alignment:
            how = _READABLE.get(m.reason, "{t} ~ {e}").format(t=m.traveller, e=m.entry)
            lines.append(f"  {how} ({m.similarity:.2f})")
        if self.traveller_left:
            lines.append(f"  not on the list entry: {' '.join(self.traveller_left)}")
        if self.entry_left:
            lines.append(f"  not in the traveller's name: {' '.join(self.entry_left)}")
        for c in self.contributions:
            lines.append(f"  {c.feature}: {c.level} ({c.weight:+.1f}) {c.detail}")
        return lines


def explain(entry_id: str, traveller_name: str, found: Features, weights: Weights) -> Explanation:
    """Score one pair's features with ``weights`` and keep every reason."""
    contributions = tuple(
        Contribution(
            f,
            found.levels[f].level,
            weights.weight(f, found.levels[f].level),
            found.levels[f].detail,
        )
        for f in FEATURES
    )
    total = weights.prior + sum(c.weight for c in contributions)
    score = 1.0 / (1.0 + math.pow(2.0, -total))
    return Explanation(
        entry_id,
        found.entry_name,
        traveller_name,
        found.alignment.matches,
        found.alignment.traveller_left,
        found.alignment.entry_left,
        contributions,
        weights.prior,
        total,
        score,
        weights.version,
    )
