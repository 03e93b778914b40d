"""Names as comparable tokens: transliteration, clean-up and romanisation-robust keys.

A name in any script becomes a tuple of ``Token``s: Latin capitals without diacritics
(``rigour``'s transliteration, the way passports romanise), titles dropped, particles marked.
Each token carries three codes used by the index and the features:

- ``skeleton``: a romanisation-robust consonant key. Variants that passports and lists write
  differently agree on it: MOHAMMED, MUHAMMAD and the Arabic-script محمد (``mhmd``) all give
  ``MT``; KHALED and HALID give ``LT``; HSIUYUAN (Wade-Giles) and XIUYUAN (Pinyin) give ``SN``.
- ``metaphone``: rigour's Metaphone code, for phonetic agreement.
- ``symbols``: rigour's name symbols (Wikidata name items), which tie romanisations across
  scripts: LEE, RHEE, YI and 이 share one; ZHANG, CHANG, CHEUNG and 张 share one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names
from rigour.text import ascii_text, metaphone

TITLES = frozenset(
    [
        "MR",
        "MRS",
        "MS",
        "MISS",
        "MSTR",
        "DR",
        "PROF",
        "REV",
        "SIR",
        "SHEIKH",
        "SHAIKH",
        "HAJI",
        "HAJJI",
        "SENOR",
        "SENORA",
        "SRA",
        "SR",
        "SRTA",
    ]
)
# Words that join a family name to its parts; kept for display, weak in matching. Words that
# are particles in one language and names in another (LE, DO, DA, VAN in Vietnamese, BEN, ABU,
# DU, DI, E, Y) are not on the list: dropping a real name part costs more than keeping a
# particle.
PARTICLES = frozenset(
    [
        "DE",
        "DEL",
        "DELA",
        "LA",
        "LAS",
        "LOS",
        "DAS",
        "DOS",
        "VON",
        "DER",
        "DEN",
        "TER",
        "TEN",
        "AL",
        "EL",
        "BIN",
        "IBN",
        "BINT",
        "UL",
    ]
)
_JOINABLE_PREFIXES = ("DELA", "DEL", "DE", "DA", "DI", "DU", "AL", "EL", "LA", "LE", "VAN", "VON")
_SPLIT = re.compile(r"[^A-Z0-9]+")
# Digraphs first (longest first), then single letters into consonant classes; vowels, H, W and
# Y are dropped. Groups follow the common romanisation alternations of passports.
_DIGRAPHS = (
    ("TSCH", "J"),
    ("SCH", "S"),
    ("TCH", "J"),
    ("DZH", "J"),
    ("DJ", "J"),
    ("ZH", "J"),
    ("CH", "J"),
    ("TS", "S"),
    ("TZ", "S"),
    ("HS", "S"),
    ("SH", "S"),
    ("KH", "K"),
    ("GH", "K"),
    ("PH", "F"),
    ("TH", "T"),
    ("DH", "T"),
    ("CK", "K"),
    ("QU", "K"),
    ("CE", "SE"),  # a soft C: GARCIA and GARSIA
    ("CI", "SI"),
    ("CY", "SY"),
)
_CLASSES = str.maketrans(
    {
        "B": "P",
        "P": "P",
        "D": "T",
        "T": "T",
        "G": "K",
        "K": "K",
        "C": "K",
        "Q": "K",
        "S": "S",
        "Z": "S",
        "X": "S",
        "F": "F",
        "V": "F",
        "W": None,
        "J": "J",
        "L": "L",
        "R": "R",
        "M": "M",
        "N": "N",
        "A": None,
        "E": None,
        "I": None,
        "O": None,
        "U": None,
        "Y": None,
        "H": None,
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name, with its codes; ``particle`` for DE, AL, BIN and the like."""

    text: str
    skeleton: str
    metaphone: str
    particle: bool = False
    initial: bool = False


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The romanisation-robust consonant key of an upper-case ASCII word (see the module)."""
    text = word
    for digraph, code in _DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, code)
    classes = text.translate(_CLASSES)
    out: list[str] = []
    for ch in classes:
        if not out or out[-1] != ch:
            out.append(ch)
    key = "".join(out)
    return key or word


_APOSTROPHES = str.maketrans("", "", "'`´’‘ʼ")


@lru_cache(maxsize=1 << 16)
def _ascii_word(word: str) -> str:
    return ascii_text(word)


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).translate(_APOSTROPHES)  # O'BRIEN is OBRIEN
    if not text.isascii():
        # Word by word, so the (slow, script-aware) transliteration of each word is cached.
        text = " ".join(w if w.isascii() else _ascii_word(w) for w in text.split())
    return text.upper()


def split_words(raw: str) -> list[str]:
    """The words of a name in any script: transliterated, upper case, titles dropped."""
    words = [w for w in _SPLIT.split(_clean(raw)) if w]
    if len(words) > 1:
        words = [w for w in words if w not in TITLES] or words
    return words


def core_words(raw: str) -> tuple[str, ...]:
    """The identity-bearing words of a name: particles dropped unless nothing else is left.
    The same words as ``core(tokens(raw))``, without building tokens (for the index)."""
    words = split_words(raw)
    kept = tuple(w for w in words if w not in PARTICLES)
    return kept or tuple(words)


@lru_cache(maxsize=1 << 18)
def token(word: str) -> Token:
    """The token of one upper-case ASCII word."""
    return Token(
        word,
        skeleton(word),
        metaphone(word) or word,
        particle=word in PARTICLES,
        initial=len(word) == 1,
    )


@lru_cache(maxsize=1 << 16)
def tokens(raw: str) -> tuple[Token, ...]:
    """The tokens of a name in any script (titles dropped; empty when nothing is left)."""
    return tuple(token(w) for w in split_words(raw))


def core(toks: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tokens that carry identity: particles removed (unless nothing else is left)."""
    kept = tuple(t for t in toks if not t.particle)
    return kept or toks


@lru_cache(maxsize=1 << 16)
def unprefixed(word: str) -> str | None:
    """``CRUZ`` for ``DELACRUZ``, ``HASSAN`` for ``ALHASSAN``: a joined particle removed."""
    for prefix in _JOINABLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return None


_SYMBOLS: dict[str, frozenset[str]] = {}
_SYMBOLS_MAX = 1 << 18


def symbols(word: str) -> frozenset[str]:
    """rigour's name symbols of one word (Wikidata name items), as strings."""
    found = _SYMBOLS.get(word)
    if found is None:
        prefetch_symbols([word])
        found = _SYMBOLS[word]
    return found


def prefetch_symbols(words: Iterable[str]) -> None:
    """Look up the symbols of many words in one call to rigour, whose cost is mostly per call
    (about 0.05 ms a word one by one, half that in a batch; the first call loads rigour's name
    data, several seconds). The matcher calls it for a list's words when it is built and for
    each batch of travellers."""
    todo = sorted({w for w in words if w not in _SYMBOLS})
    if not todo:
        return
    if len(_SYMBOLS) + len(todo) > _SYMBOLS_MAX:
        _SYMBOLS.clear()
        todo = todo[:_SYMBOLS_MAX]
    for word in todo:
        _SYMBOLS[word] = frozenset()
    for name in analyze_names(NameTypeTag.PER, todo, phonetics=False, consolidate=False):
        if name.original in _SYMBOLS:
            _SYMBOLS[name.original] = frozenset(str(s) for s in name.symbols)
