"""The public API of ``preboard.rules`` is what ``__all__`` declares."""

from __future__ import annotations

import preboard.rules


def test_all_names_exist_once() -> None:
    names = preboard.rules.__all__
    assert all(hasattr(preboard.rules, n) for n in names)
    assert len(set(names)) == len(names)


def test_examples_folder_ships_in_the_package() -> None:
    assert sorted(p.name for p in preboard.rules.EXAMPLES.glob("*.yaml")) == [
        "R-DOC-001.yaml",
        "R-FAC-001.yaml",
        "R-FAC-002.yaml",
        "R-FAC-003.yaml",
    ]
