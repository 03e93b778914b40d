"""Hit views: the structured parts of a hit's detail (alignment, features) come back as lists
for the UI's tables and the API; anything else, or text that is not JSON, stays as stored."""

from __future__ import annotations

import json

from preboard.service.views import _detail


def test_alignment_and_features_are_decoded_and_other_values_kept() -> None:
    stored = {
        "entry_id": "SYN-000001",
        "alignment": json.dumps([{"traveller": "MHMD", "entry": "MOHAMED", "similarity": 0.93}]),
        "features": "[not json",
        "list_line": "[12]",
    }
    shown = _detail(stored)
    assert shown["alignment"][0]["entry"] == "MOHAMED"
    assert shown["features"] == "[not json"
    assert shown["list_line"] == "[12]"  # only the structured keys are decoded
    assert shown["entry_id"] == "SYN-000001"
