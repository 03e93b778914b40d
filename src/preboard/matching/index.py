"""The candidate index: for a traveller, the few hundred list entries worth scoring.

Every name of every entry is cut into words (``text.tokens``), and each word into its
romanisation-robust ``skeleton`` code. The index holds three kinds of keys, each a 64-bit
integer, in one sorted array with the entry positions beside it (a CSR layout built with NumPy
in one sort):

- **pair keys**: two different words of one name, unordered. Two words of a name rarely agree
  by chance, so these lists are short; word order, dropped or added parts and romanisations
  (through the skeleton) do not break them. Words joined across a space (DE LA CRUZ and
  DELACRUZ) and words without a glued particle (ALHASSAN and HASSAN) count as words too.
- **initial keys**: one word, the initial of another word of the name, and the birth year
  (0 when unknown). They find a name with a typo in one word or a given name cut to its
  initial, among people born about the same year.
- **single keys**: a one-word name and the birth year.

Document numbers are looked up exactly and after OCR normalisation. A query sums the weights of
the keys each entry shares with the traveller, adds a little for an agreeing birth year, and
keeps the best ``limit`` entries. Keys whose lists are longer than ``max_postings`` are skipped.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from preboard.matching.compare import normalise_number, ocr_number
from preboard.matching.text import Token, core, tokens, unprefixed
from preboard.model import Traveller
from preboard.watchlist import WatchlistEntry

IntArray = npt.NDArray[np.int64]
_PAIR, _INITIAL, _SINGLE = 0, 1, 2
_WEIGHTS = {_PAIR: 3.0, _INITIAL: 1.0, _SINGLE: 1.0}
_MAX_RANGE_YEARS = 12


def _pair_key(a: int, b: int) -> int:
    lo, hi = (a, b) if a <= b else (b, a)
    return (lo << 24) | hi


def _initial_key(code: int, letter: str, year: int) -> int:
    return (_INITIAL << 58) | (code << 20) | ((ord(letter) & 0x7F) << 12) | (year & 0xFFF)


def _single_key(code: int, year: int) -> int:
    return (_SINGLE << 58) | (code << 12) | (year & 0xFFF)


def _kind(key: int) -> int:
    return key >> 58


@dataclass(frozen=True, slots=True)
class _Unit:
    positions: frozenset[int]
    skeleton: str


def _units(toks: tuple[Token, ...]) -> list[_Unit]:
    units = [_Unit(frozenset((i,)), t.skeleton) for i, t in enumerate(toks) if not t.initial]
    for i in range(len(toks) - 1):
        if not (toks[i].initial or toks[i + 1].initial):
            joined = tokens(toks[i].text + toks[i + 1].text)
            if joined:
                units.append(_Unit(frozenset((i, i + 1)), joined[0].skeleton))
    for i, t in enumerate(toks):
        bare = unprefixed(t.text)
        if bare:
            units.append(_Unit(frozenset((i,)), tokens(bare)[0].skeleton))
    return units


class CandidateIndex:
    """Candidate generation over a watchlist (see the module docstring)."""

    def __init__(self, max_postings: int = 50_000) -> None:
        self.max_postings = max_postings
        self.vocab: dict[str, int] = {}
        self.keys: IntArray = np.zeros(0, dtype=np.int64)
        self.offsets: IntArray = np.zeros(1, dtype=np.int64)
        self.postings: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.years_min: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self.years_max: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self.documents: dict[str, list[int]] = {}
        self.frequency: dict[str, float] = {}
        self.size = 0

    # -- building ---------------------------------------------------------------------------
    def _code(self, skeleton: str) -> int:
        code = self.vocab.get(skeleton)
        if code is None:
            code = self.vocab[skeleton] = len(self.vocab) + 1
        return code

    def _name_keys(self, toks: tuple[Token, ...], years: Sequence[int]) -> set[int]:
        keys: set[int] = set()
        units = _units(toks)
        codes = [self._code(u.skeleton) for u in units]
        for i, a in enumerate(units):
            for j in range(i + 1, len(units)):
                if not a.positions & units[j].positions:
                    keys.add(_pair_key(codes[i], codes[j]))
        words = [(t, self._code(t.skeleton)) for t in toks]
        for t, code in words:
            if t.initial:
                continue
            for other, _ in words:
                if other is not t:
                    keys.update(_initial_key(code, other.text[0], y) for y in years)
        if len(words) == 1 and not toks[0].initial:
            keys.update(_single_key(words[0][1], y) for y in years)
        return keys

    @staticmethod
    def _years(entry: WatchlistEntry) -> list[int]:
        years: set[int] = set()
        for bd in entry.birth_dates:
            end = bd.end.year if bd.end else bd.start.year
            if end - bd.start.year <= _MAX_RANGE_YEARS:
                years.update(range(bd.start.year, end + 1))
        return sorted(years) or [0]

    @classmethod
    def build(cls, entries: Iterable[WatchlistEntry], max_postings: int = 50_000) -> CandidateIndex:
        """Index ``entries``; positions in the index are their order in the iterable."""
        index = cls(max_postings)
        keys, ids = array("q"), array("i")
        ymin, ymax = array("h"), array("h")
        df: Counter[str] = Counter()
        position = -1
        for position, entry in enumerate(entries):
            years = cls._years(entry)
            ymin.append(years[0])
            ymax.append(years[-1])
            seen: set[int] = set()
            words: set[str] = set()
            for name in entry.names:
                toks = core(tokens(name.full))
                if toks:
                    seen |= index._name_keys(toks, years)
                    words.update(t.text for t in toks)
            df.update(words)
            keys.extend(seen)
            ids.extend([position] * len(seen))
            for doc in entry.documents:
                for number in {normalise_number(doc.number), ocr_number(doc.number)}:
                    if number:
                        index.documents.setdefault(number, []).append(position)
        index.size = position + 1
        index._finish(np.frombuffer(keys, dtype=np.int64), np.frombuffer(ids, dtype=np.int32))
        index.years_min = np.frombuffer(ymin, dtype=np.int16).copy()
        index.years_max = np.frombuffer(ymax, dtype=np.int16).copy()
        n = max(index.size, 1)
        index.frequency = {word: count / n for word, count in df.items()}
        return index

    def _finish(self, keys: IntArray, ids: npt.NDArray[np.int32]) -> None:
        order = np.argsort(keys, kind="stable")
        keys, self.postings = keys[order], ids[order]
        unique, starts = np.unique(keys, return_index=True)
        self.keys = unique
        self.offsets = np.append(starts, len(keys)).astype(np.int64)

    # -- querying ---------------------------------------------------------------------------
    def query_keys(self, traveller: Traveller) -> list[int]:
        """The keys of a traveller's name (only codes the list knows)."""
        toks = core(tokens(f"{traveller.given_names} {traveller.surname}"))
        year = traveller.birth_date.year if traveller.birth_date else 0
        years = [0, year - 1, year, year + 1] if year else [0]
        keys: set[int] = set()
        units = [u for u in _units(toks) if u.skeleton in self.vocab]
        codes = [self.vocab[u.skeleton] for u in units]
        for i, a in enumerate(units):
            for j in range(i + 1, len(units)):
                if not a.positions & units[j].positions:
                    keys.add(_pair_key(codes[i], codes[j]))
        for t in toks:
            code = self.vocab.get(t.skeleton)
            if code is None or t.initial:
                continue
            for other in toks:
                if other is not t:
                    keys.update(_initial_key(code, other.text[0], y) for y in years)
            if len(toks) == 1:
                keys.update(_single_key(code, y) for y in years)
        return sorted(keys)

    def candidates(self, traveller: Traveller, limit: int = 200) -> npt.NDArray[np.int32]:
        """Positions of the best ``limit`` entries for ``traveller``, best first."""
        query = np.array(self.query_keys(traveller), dtype=np.int64)
        found: list[npt.NDArray[np.int32]] = []
        weights: list[npt.NDArray[np.float64]] = []
        if len(query) and len(self.keys):
            slots = np.searchsorted(self.keys, query)
            slots = np.minimum(slots, len(self.keys) - 1)
            hits = slots[self.keys[slots] == query]
            kinds = query[self.keys[slots] == query] >> 58
            for slot, kind in zip(hits.tolist(), kinds.tolist(), strict=True):
                start, end = int(self.offsets[slot]), int(self.offsets[slot + 1])
                if end - start > self.max_postings:
                    continue
                found.append(self.postings[start:end])
                weights.append(np.full(end - start, _WEIGHTS[kind]))
        for doc in traveller.documents:
            if doc.number:
                for number, weight in (
                    (normalise_number(doc.number), 12.0),
                    (ocr_number(doc.number), 8.0),
                ):
                    ids = self.documents.get(number)
                    if ids:
                        found.append(np.array(ids, dtype=np.int32))
                        weights.append(np.full(len(ids), weight))
        if not found:
            return np.zeros(0, dtype=np.int32)
        ids_all = np.concatenate(found)
        unique, inverse = np.unique(ids_all, return_inverse=True)
        score = np.bincount(inverse, weights=np.concatenate(weights))
        year = traveller.birth_date.year if traveller.birth_date else 0
        if year:
            lo, hi = self.years_min[unique], self.years_max[unique]
            known = lo > 0
            near = known & (lo - 1 <= year) & (year <= hi + 1)
            score = score + 2.0 * near - 1.0 * (known & ~near)
        if len(unique) > limit:
            top = np.argpartition(-score, limit)[:limit]
            unique, score = unique[top], score[top]
        return unique[np.argsort(-score, kind="stable")].astype(np.int32)
