"""String edits behind the variant kinds: keyboard typos, compound joins and splits.

``typo`` makes one edit a person keying a name would make (a neighbouring key on a QWERTY
keyboard, two letters swapped, a letter doubled or dropped). ``compound_options`` lists the
other ways a compound name part is written (ABDELRAHMAN / ABDEL RAHMAN, DE LA CRUZ / DELACRUZ,
JEAN-PIERRE / JEAN PIERRE, XIUYUAN / XIU YUAN, O'BRIEN / OBRIEN).
"""

from __future__ import annotations

import random
import re

from preboard.synthetic.people import NamePart
from preboard.synthetic.translit import fold


def compact(text: str) -> str:
    """Letters only, ASCII, upper case: what separators and diacritics do not change."""
    return re.sub(r"[^A-Z]", "", fold(text).upper())


_KEYBOARD = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


def _neighbour(rng: random.Random, ch: str) -> str:
    for r, row in enumerate(_KEYBOARD):
        if ch in row:
            c = row.index(ch)
            near = [row[x] for x in (c - 1, c + 1) if 0 <= x < len(row)]
            rows = [_KEYBOARD[y] for y in (r - 1, r + 1) if 0 <= y < len(_KEYBOARD)]
            near += [other[c] for other in rows if c < len(other)]
            return rng.choice(near)
    return "E"


def typo(rng: random.Random, word: str) -> str:
    """One edit of ``word``: a keyboard-neighbour substitution, an adjacent transposition, an
    insertion (a doubled or neighbouring letter) or a deletion; never the first letter."""
    for _ in range(10):
        i = rng.randrange(1, len(word))
        op = rng.randrange(4)
        if op == 0 and word[i].isalpha():
            out = word[:i] + _neighbour(rng, word[i]) + word[i + 1 :]
        elif op == 1 and i + 1 < len(word):
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == 2:
            ins = word[i - 1] if rng.random() < 0.5 else _neighbour(rng, word[i - 1])
            out = word[:i] + ins + word[i:]
        else:
            out = word[:i] + word[i + 1 :]
        if out != word and " " not in out.strip() and out.replace("-", "").isalpha():
            return out
    return word


_ARABIC_PREFIXES = ("ABDEL", "ABDUL", "ABDUR", "ABDER", "ABD", "ABU", "AL", "EL")
_SUFFIXES = ("EDDINE", "UDDIN", "ALDIN", "ELDIN", "REZA", "HOSSEIN", "ZADEH", "ZADE")


def compound_options(part: str, np: NamePart | None, origin: str) -> list[str]:
    """Other ways of joining or splitting a compound name part: ABDELRAHMAN / ABDEL RAHMAN,
    DE LA CRUZ / DELACRUZ, JEAN-PIERRE / JEAN PIERRE, XIUYUAN / XIU YUAN, O'BRIEN / OBRIEN."""
    out: list[str] = []
    if re.search(r"[ '\-]", part):
        out.append(re.sub(r"[ '\-]", "", part))
        out.append(part.replace("-", " ") if "-" in part else part.replace(" ", "-"))
        out.append(part.replace("'", " "))
    elif np is not None and np.split and compact(np.split) == compact(part):
        out += [np.split, np.split.replace(" ", "-")]
    elif origin in ("arabic", "persian"):
        for pre in _ARABIC_PREFIXES:
            if part.startswith(pre) and len(part) - len(pre) >= 3:
                out += [f"{pre} {part[len(pre) :]}", f"{pre}-{part[len(pre) :]}"]
                break
        for suf in _SUFFIXES:
            if part.endswith(suf) and len(part) - len(suf) >= 3:
                out.append(f"{part[: -len(suf)]} {suf}")
    elif origin == "anglo" and re.match(r"MA?C[A-Z]{3}", part):
        out.append(part.replace("C", "C ", 1))
    return [o for o in dict.fromkeys(out) if o != part]
