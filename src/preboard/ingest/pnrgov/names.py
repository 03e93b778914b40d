"""Traveller names in TIF: titles glued to given names (``MOLLYMRS``) and name comparison."""

from __future__ import annotations

import re

# Titles airlines append to the given name, longest first so MRS wins over MR.
SPACED_TITLES = ("MSTR", "MISS", "PROF", "MRS", "REV", "MR", "MS", "DR")
# Glued titles that cannot be the end of a given name. MS is left out (WILLIAMS, ADAMS): it is
# split only when the DOCS given names confirm it, and DR never (ALEXANDR).
_GLUED = ("MSTR", "MISS", "MRS", "MR")
_NON_LETTERS = re.compile(r"[^A-Z]")
_MIN_REST = 2


def split_title(given: str, confirmed: str = "") -> tuple[str, str | None]:
    """``("MOLLY", "MRS")`` for ``MOLLYMRS`` or ``MOLLY MRS``; the title ``None`` when there is
    none. ``confirmed`` is the given name from DOCS: it settles a glued ``MS``, and when it
    holds the whole text (``AMIR MR`` in both), nothing is split."""
    text = " ".join(given.split())
    if confirmed and squash(confirmed) == squash(text):
        return text, None  # the passport's given name has these letters too: not a title
    words = text.split(" ")
    if len(words) > 1 and words[-1].upper() in SPACED_TITLES:
        return " ".join(words[:-1]), words[-1].upper()
    upper = text.upper()
    for title in (*_GLUED, "MS"):
        if not upper.endswith(title) or len(upper) - len(title) < _MIN_REST:
            continue
        rest = text[: -len(title)]
        if title in _GLUED or (confirmed and squash(confirmed) == squash(rest)):
            return rest.rstrip(), title
    return text, None


def squash(name: str) -> str:
    """Upper-case letters only: ``"TESTSURNA MEONE"`` and ``"TestSurnaMeOne"`` compare equal."""
    return _NON_LETTERS.sub("", name.upper())
