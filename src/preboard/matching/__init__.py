"""Person matching: names in any script against watchlists, with explained, fixed-weight scores."""

from preboard.matching.engine import MatchConfig, Matcher, MatchResult
from preboard.matching.explain import Explanation
from preboard.matching.weights import Weights, released

__all__ = ["Explanation", "MatchConfig", "MatchResult", "Matcher", "Weights", "released"]
