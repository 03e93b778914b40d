"""A traveller's priority: how urgently an officer should look, from the findings alone.

The weights are fixed and versioned (``PRIORITY_VERSION``); changing them is a release, never
something the system learns. Each finding counts as the chance that it matters on its own,
``SEVERITY_WEIGHTS[severity] * score``, and the findings combine like independent pieces of
evidence (a noisy-or): ``priority = 1 - prod(1 - weight_i * score_i)``, in [0, 1]. So one
critical finding outranks several weak ones, two findings outrank either alone, and ``info``
findings (data that is missing, shown to the officer) never raise a priority.
"""

from __future__ import annotations

from collections.abc import Iterable

from preboard.model.findings import Finding, FindingSeverity

PRIORITY_VERSION = "1"
SEVERITY_WEIGHTS: dict[FindingSeverity, float] = {
    FindingSeverity.INFO: 0.0,
    FindingSeverity.LOW: 0.25,
    FindingSeverity.MEDIUM: 0.5,
    FindingSeverity.HIGH: 0.8,
    FindingSeverity.CRITICAL: 1.0,
}


def priority(findings: Iterable[Finding]) -> float:
    """The noisy-or of the findings' weighted scores (see the module docstring)."""
    unlikely = 1.0
    for finding in findings:
        chance = SEVERITY_WEIGHTS[finding.severity] * min(max(finding.score, 0.0), 1.0)
        unlikely *= 1.0 - chance
    return round(1.0 - unlikely, 4)


def flagged(findings: Iterable[Finding]) -> bool:
    """Whether any finding is more than information: what the worklist and reports count."""
    return any(f.severity is not FindingSeverity.INFO for f in findings)
