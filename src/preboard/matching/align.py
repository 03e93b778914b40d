"""Name-part alignment: which word of the traveller's name matches which word of the entry's.

Words are compared one to one regardless of order (family-first and given-first names align),
and also two adjacent words against one (DE LA CRUZ and DELACRUZ, ABDEL RAHMAN and
ABDELRAHMAN). The greedy assignment takes the best-scoring pair first; names have few words,
so it finds the same alignment as an exhaustive search in practice, in a fraction of the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from preboard.matching.text import Token, symbols, token, unprefixed

_OCR = str.maketrans("01586", "OIBSG")
_VOWELS = frozenset("AEIOUY")


def _vowelless(word: str) -> bool:
    return len(word) >= 3 and not _VOWELS.intersection(word)


@dataclass(frozen=True, slots=True)
class PartMatch:
    """Two aligned name parts with their similarity in [0, 1] and why."""

    traveller: str
    entry: str
    similarity: float
    reason: str  # same, initial, romanisation, equivalent, ocr, spelling


@dataclass(frozen=True, slots=True)
class Alignment:
    """The alignment of two names: matched parts and the parts left over on each side."""

    matches: tuple[PartMatch, ...]
    traveller_left: tuple[str, ...]
    entry_left: tuple[str, ...]


def part_similarity(a: Token, b: Token) -> tuple[float, str]:
    """How alike two words are, and the reason (the strongest of several tests)."""
    return _similarity(a.text, b.text)


@lru_cache(maxsize=1 << 18)
def _similarity(a_text: str, b_text: str) -> tuple[float, str]:
    a, b = token(a_text), token(b_text)
    if a.text == b.text:
        return 1.0, "same"
    if a.initial or b.initial:
        full, short = (b, a) if a.initial else (a, b)
        if short.initial and full.text[:1] == short.text:
            return (1.0, "same") if full.initial else (0.8, "initial")
        return 0.0, "different"
    spelling = JaroWinkler.normalized_similarity(a.text, b.text)
    if a.text.translate(_OCR) == b.text.translate(_OCR):
        return max(spelling, 0.95), "ocr"
    # Known equivalents first (CHANG and ZHANG are one name, not a typo), then one edit.
    if len(a.text) >= 2 and len(b.text) >= 2 and symbols(a.text) & symbols(b.text):
        return max(spelling, 0.92), "equivalent"
    if min(len(a.text), len(b.text)) >= 4 and OSA.distance(a.text, b.text) == 1:
        return max(spelling, 0.9), "spelling"
    # The same consonant skeleton, and the spellings the nearer the shorter the skeleton is:
    # MOHAMMAD, MEHDI, AHMED and MAHMOUD all share MT, and are four names. A word without
    # vowels (MHMD, from Arabic script, which writes none) can only be read by its skeleton.
    need = 0.0 if len(a.skeleton) >= 4 else 0.7 if len(a.skeleton) == 3 else 0.85
    if _vowelless(a.text) or _vowelless(b.text):
        need = 0.0
    if a.skeleton == b.skeleton and spelling >= need:
        return max(spelling, 0.93), "romanisation"
    if a.metaphone == b.metaphone and len(a.metaphone) >= 2:
        return max(spelling, 0.92), "phonetic"
    return spelling, "spelling"


@lru_cache(maxsize=1 << 16)
def _units(toks: tuple[Token, ...]) -> tuple[tuple[tuple[int, ...], Token, str], ...]:
    """Single words, adjacent pairs joined into one word, and words without a glued particle,
    each with the positions it covers and the text to show."""
    units: list[tuple[tuple[int, ...], Token, str]] = [
        ((i,), t, t.text) for i, t in enumerate(toks)
    ]
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if not (a.initial or b.initial):
            units.append(((i, i + 1), token(a.text + b.text), f"{a.text} {b.text}"))
    for i, t in enumerate(toks):
        bare = unprefixed(t.text)
        if bare:
            units.append(((i,), token(bare), f"{t.text}"))
    return tuple(units)


def _glued(show: str, tok: Token) -> bool:
    """A unit made by taking a glued particle off a word (ALHASSAN shown, HASSAN compared)."""
    return " " not in show and show != tok.text


def align(traveller: tuple[Token, ...], entry: tuple[Token, ...]) -> Alignment:
    """Align the words of two names (particles already removed by the caller)."""
    pairs: list[tuple[float, int, tuple[int, ...], tuple[int, ...], PartMatch]] = []
    order = 0
    for t_idx, t_tok, t_show in _units(traveller):
        for e_idx, e_tok, e_show in _units(entry):
            sim, reason = part_similarity(t_tok, e_tok)
            if _glued(t_show, t_tok) or _glued(e_show, e_tok):
                sim, reason = min(sim, 0.97), "particle" if reason == "same" else reason
            if sim >= 0.7:
                # A joined unit must do better than its words would on their own.
                joined = len(t_idx) + len(e_idx) - 2
                match = PartMatch(t_show, e_show, round(sim, 3), reason)
                pairs.append((sim - 0.02 * joined, order, t_idx, e_idx, match))
                order += 1
    pairs.sort(key=lambda p: (-p[0], p[1]))
    used_t: set[int] = set()
    used_e: set[int] = set()
    matches: list[PartMatch] = []
    for _, _, t_idx, e_idx, match in pairs:
        if used_t.intersection(t_idx) or used_e.intersection(e_idx):
            continue
        used_t.update(t_idx)
        used_e.update(e_idx)
        matches.append(match)
    return Alignment(
        tuple(matches),
        tuple(t.text for i, t in enumerate(traveller) if i not in used_t),
        tuple(t.text for i, t in enumerate(entry) if i not in used_e),
    )
