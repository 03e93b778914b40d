"""Romanisation engines driven by the tables in ``synthetic.data``, and diacritic folding.

- ``transliterate``: a table-driven, context-aware letter-by-letter engine for alphabetic
  scripts (Cyrillic, Greek). Table keys are single letters or digraphs, optionally with a
  context mark: ``^`` at the start of a word (and, for Cyrillic, after a vowel or a sign),
  ``$`` at the end of a word, ``~`` between vowels, ``+`` before a front vowel, ``!`` before a
  voiceless consonant or at the end.
- ``kana_romaji``: Hepburn from hiragana, in the passport, OH and wāpuro variants.
- ``fold``: diacritics to ASCII the way passports' machine-readable zones do it, either the
  ICAO Doc 9303 Part 3 transcription (Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA) or plain stripping.
- ``article_forms``: the spellings of an Arabic family name with the article ال.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from preboard.synthetic.data import japanese


@dataclass(frozen=True, slots=True)
class Script:
    """What the context marks of a transliteration table mean for one script."""

    vowels: str
    signs: str
    front: str
    front_pairs: tuple[str, ...]
    voiceless: str
    caret_after_vowel: bool


CYRILLIC = Script("АЕЁИОУЫЭЮЯ", "ЪЬ", "ЕИЫЁЮЯ", (), "", True)
GREEK = Script("ΑΕΗΙΟΥΩ", "", "ΕΙΗΥ", ("ΑΙ", "ΟΙ"), "ΘΚΞΠΣΤΦΧΨ", False)

_WORD_SPLIT = re.compile(r"(\s+|-)")


def transliterate(text: str, table: Mapping[str, str], script: Script) -> str:
    """Romanise ``text`` (any case) with ``table``; the result is upper case."""
    return "".join(
        part if _WORD_SPLIT.fullmatch(part) else _word(part, table, script)
        for part in _WORD_SPLIT.split(text.upper())
    )


def _word(word: str, table: Mapping[str, str], script: Script) -> str:
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        two = word[i : i + 2]
        if len(two) == 2:
            after = word[i + 2] if i + 2 < n else ""
            if i + 2 == n and two + "$" in table:
                out.append(table[two + "$"])
                i += 2
                continue
            if i == 0 and two + "^" in table:
                out.append(table[two + "^"])
                i += 2
                continue
            if two + "!" in table and (not after or after in script.voiceless):
                out.append(table[two + "!"])
                i += 2
                continue
            if two in table:
                out.append(table[two])
                i += 2
                continue
        out.append(_letter(word, i, table, script))
        i += 1
    return "".join(out)


def _letter(word: str, i: int, table: Mapping[str, str], script: Script) -> str:
    c = word[i]
    prev = word[i - 1] if i else ""
    nxt = word[i + 1] if i + 1 < len(word) else ""
    if c + "^" in table and (
        not prev or (script.caret_after_vowel and prev in script.vowels + script.signs)
    ):
        return table[c + "^"]
    if c + "~" in table and prev and prev in script.vowels and nxt and nxt in script.vowels:
        return table[c + "~"]
    if c + "+" in table and (
        (nxt and nxt in script.front) or word[i + 1 : i + 3] in script.front_pairs
    ):
        return table[c + "+"]
    return table.get(c, c)


def kana_romaji(reading: str, system: str) -> str:
    """Hepburn romanisation of a hiragana reading in one of ``japanese.SYSTEMS``."""
    long_o, long_u, n_bmp = japanese.SYSTEMS[system]
    return "".join(_kana_segment(seg, long_o, long_u, n_bmp) for seg in reading.split("|"))


def _kana_segment(seg: str, long_o: str, long_u: str, n_bmp: str) -> str:
    moras: list[str] = []
    i = 0
    while i < len(seg):
        if seg[i : i + 2] in japanese.KANA:
            moras.append(japanese.KANA[seg[i : i + 2]])
            i += 2
        elif seg[i] in japanese.KANA:
            moras.append(japanese.KANA[seg[i]])
            i += 1
        else:  # っ and anything unknown
            moras.append("Q" if seg[i] == "っ" else "")
            i += 1
    text: list[str] = []
    for k, mora in enumerate(moras):
        nxt = moras[k + 1] if k + 1 < len(moras) else ""
        if mora == "Q":
            text.append("t" if nxt.startswith("ch") else nxt[:1])
        elif mora == "n" and nxt[:1] in ("b", "m", "p"):
            text.append(n_bmp.lower())
        else:
            text.append(mora)
    out = "".join(text)
    if long_o:
        out = out.replace("ou", long_o.lower()).replace("oo", long_o.lower()).replace("ohh", "oh")
    if long_u:
        out = out.replace("uu", long_u.lower())
    return out.upper()


def katakana(hiragana: str) -> str:
    """The katakana spelling of a hiragana string (other characters unchanged)."""
    return "".join(
        chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in hiragana.replace("|", "")
    )


_ICAO = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA", "Æ": "AE", "Ø": "OE", "Œ": "OE"}
_ALWAYS = {"ß": "SS", "ẞ": "SS", "Đ": "D", "Ð": "D", "Þ": "TH", "Æ": "AE", "Œ": "OE", "Ł": "L"}


def fold(text: str, style: str = "strip") -> str:
    """ASCII spelling of ``text``: ``icao`` transcribes umlauts (MÜLLER → MUELLER), ``strip``
    drops the marks (MÜLLER → MULLER, NGUYỄN → NGUYEN, ŞAHİN → SAHIN)."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif style == "icao" and ch in _ICAO:
            out.append(_ICAO[ch])
        elif ch in _ALWAYS:
            out.append(_ALWAYS[ch])
        else:
            decomposed = unicodedata.normalize("NFD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


_SUN_DIGRAPHS = ("SH", "TH", "DH")


def article_forms(root: str, *, sun: bool) -> tuple[str, ...]:
    """Spellings of an Arabic family name with the article: AL-X, AL X, ALX, EL-X, EL X,
    the assimilated form before a sun letter (ASH-SHAMMARI) and X alone; most common first."""
    forms = [f"AL-{root}", f"AL {root}", f"AL{root}", f"EL-{root}", f"EL {root}"]
    if sun:
        head = root[:2] if root[:2] in _SUN_DIGRAPHS else root[:1]
        forms.append(f"A{head}-{root}")
    forms.append(root)
    return tuple(forms)
