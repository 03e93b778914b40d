"""The candidate index: for a traveller, the few hundred list entries worth scoring.

Every name of every entry is cut into words (``text.core_words``), and each word into a stable
24-bit code of its romanisation-robust ``skeleton``. The index holds seven kinds of keys, each
a 64-bit integer, in one sorted array with the entry positions beside it (a CSR layout built
with NumPy in one sort):

- **pair keys**: two different words of one name, unordered. Two words of a name rarely agree
  by chance, so these lists are short; word order, dropped or added parts and romanisations
  (through the skeleton) do not break them. Words joined across a space (DE LA CRUZ and
  DELACRUZ) and words without a glued particle (ALHASSAN and HASSAN) count as words too.
- **initial keys**: one word, the initial of another word of the name, and the birth year
  (0 when unknown). They find a name with a typo in one word or a given name cut to its
  initial, among people born about the same year.
- **single keys**: a one-word name and the birth year.
- **date keys**: one word and the full birth date: a romanisation or typo in every other word.
- **any-year keys**: one word and another's initial, whatever the birth year, for travellers
  whose birth date is unknown.
- **date-only keys** and **word keys**: the full birth date alone, or one rare word alone, for
  names changed beyond recognition. They weigh least; a word key is read only while few
  entries share the word.

Document numbers are looked up exactly and after OCR normalisation. A query sums the weights of
the keys each entry shares with the traveller, adds a little for an agreeing birth year, and
keeps the best ``limit`` entries. Keys whose lists are longer than ``max_postings`` are skipped.
The index only proposes: every proposal is scored in full before anyone sees it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from preboard.matching.compare import normalise_number, ocr_number
from preboard.matching.text import core_words, skeleton, unprefixed
from preboard.model import Traveller
from preboard.watchlist import WatchlistEntry

IntArray = npt.NDArray[np.int64]
_PAIR, _INITIAL, _SINGLE, _DOB, _ANY_YEAR, _DATE_ONLY, _WORD = 0, 1, 2, 3, 4, 5, 6
# Weights by kind, in that order, then documents found exactly and after OCR folding; in half
# points, so that a query's scores are small integers and sort exactly.
_KIND_HALVES = np.zeros(256, dtype=np.int64)
_KIND_HALVES[:9] = [6, 2, 2, 4, 1, 1, 1, 24, 16]
_MAX_HALVES = (1 << 16) - 1
_ENTRY_BITS = 24  # index positions: lists of up to 16.7 M entries
_ENTRY_MASK = (1 << _ENTRY_BITS) - 1
_OWNER_BITS = 23  # travellers in one batch: owner << 40 stays below 2**63
# A word alone is a key only while it is rare: longer lists than this are not read.
_KIND_CAPS = np.array([0, 0, 0, 0, 0, 0, 100])
_EPOCH = dt.date(1800, 1, 1)
_MAX_RANGE_YEARS = 12
_CODE_BITS = 0xFFFFFF


@lru_cache(maxsize=1 << 18)
def word_code(word: str) -> int:
    """A stable 24-bit code of a word's skeleton (never 0). Codes of different skeletons may
    collide, which only adds candidates: the full score decides."""
    return (zlib.crc32(skeleton(word).encode()) & _CODE_BITS) or 1


@lru_cache(maxsize=1 << 18)
def _bare_code(word: str) -> int:
    bare = unprefixed(word)
    return word_code(bare) if bare else 0


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1800-01-01 (0 for an impossible date), to key a full birth date."""
    try:
        return (dt.date(year, month, day) - _EPOCH).days & 0xFFFFF
    except ValueError:
        return 0


def name_keys(
    words: Sequence[str], years: Sequence[int], days: Sequence[int], any_year: bool
) -> set[int]:
    """Every key of one name (its words) for the birth years (0: unknown) and full dates.

    Pair keys are ``lo << 24 | hi`` of two word codes; initial keys ``1 << 58 | code << 20 |
    letter << 12 | year``; single keys ``2 << 58 | code << 12 | year``; date keys ``3 << 58 |
    code << 20 | day``, one word with a full birth date; any-year keys ``4 << 58 | code << 20
    | letter << 12``, for travellers whose birth date is unknown; date-only keys ``5 << 58 |
    day``, the full birth date alone, for names changed beyond recognition; word keys ``6 <<
    58 | code``, one word alone, read only while few entries share it. The last two weigh
    least. Plain integer arithmetic in
    loops, because the index calls it for every name of the list.
    """
    n = len(words)
    codes = [word_code(w) if len(w) > 1 else 0 for w in words]
    units: list[tuple[int, int, int]] = []  # (first position, last position, code)
    for i in range(n):
        code = codes[i]
        if not code:
            continue
        units.append((i, i, code))
        bare = _bare_code(words[i])
        if bare:
            units.append((i, i, bare))
        if i + 1 < n and codes[i + 1]:
            units.append((i, i + 1, word_code(words[i] + words[i + 1])))
    keys: set[int] = set()
    for x, (a_lo, a_hi, a) in enumerate(units):
        for b_lo, b_hi, b in units[x + 1 :]:
            if a_hi < b_lo or b_hi < a_lo:
                keys.add((a << 24) | b if a <= b else (b << 24) | a)
    for _, _, code in units:
        base = (_DOB << 58) | (code << 20)
        keys.update([base | d for d in days])
    keys.update([(_DATE_ONLY << 58) | d for d in days])
    keys.update([(_WORD << 58) | code for _, _, code in units])
    ys = [y & 0xFFF for y in years]
    if n > 1:
        firsts = [ord(w[0]) & 0x7F for w in words]
        for i in range(n):
            if codes[i]:
                base = (_INITIAL << 58) | (codes[i] << 20)
                anyway = (_ANY_YEAR << 58) | (codes[i] << 20)
                for j in range(n):
                    if j != i:
                        with_letter = base | (firsts[j] << 12)
                        keys.update([with_letter | y for y in ys])
                        if any_year:
                            keys.add(anyway | (firsts[j] << 12))
    elif codes and codes[0]:
        base = (_SINGLE << 58) | (codes[0] << 12)
        keys.update([base | y for y in ys])
    return keys


@dataclass(frozen=True, slots=True)
class _Chunk:
    """The keys of a run of entries, as worked out by one process."""

    keys: bytes
    ids: bytes
    ymin: bytes
    ymax: bytes
    df: Counter[str]
    documents: dict[str, list[int]]


_BUILDING: Sequence[WatchlistEntry] = ()  # the entries a forked worker reads


def _years(entry: WatchlistEntry) -> list[int]:
    years: set[int] = set()
    for bd in entry.birth_dates:
        end = bd.end.year if bd.end else bd.start.year
        if end - bd.start.year <= _MAX_RANGE_YEARS:
            years.update(range(bd.start.year, end + 1))
    return sorted(years) or [0]


def _days(entry: WatchlistEntry) -> list[int]:
    days = []
    for bd in entry.birth_dates:
        d = bd.start
        if bd.end is None and d.month is not None and d.day is not None:
            days.append(day_number(d.year, d.month, d.day))
    return [d for d in days if d]


def _keys_of(entries: Sequence[WatchlistEntry], span: tuple[int, int]) -> _Chunk:
    keys, ids = array("q"), array("i")
    ymin, ymax = array("h"), array("h")
    df: Counter[str] = Counter()
    documents: dict[str, list[int]] = {}
    for position in range(*span):
        entry = entries[position]
        years, days = _years(entry), _days(entry)
        ymin.append(years[0])
        ymax.append(years[-1])
        seen: set[int] = set()
        words: set[str] = set()
        for name in entry.names:
            core = core_words(name.full)
            if core:
                seen |= name_keys(core, years, days, True)
                words.update(core)
        df.update(words)
        keys.extend(seen)
        ids.extend([position] * len(seen))
        for doc in entry.documents:
            for number in {normalise_number(doc.number), ocr_number(doc.number)}:
                if number:
                    documents.setdefault(number, []).append(position)
    return _Chunk(keys.tobytes(), ids.tobytes(), ymin.tobytes(), ymax.tobytes(), df, documents)


def _chunk_keys(span: tuple[int, int]) -> _Chunk:
    return _keys_of(_BUILDING, span)


class CandidateIndex:
    """Candidate generation over a watchlist (see the module docstring)."""

    def __init__(self, max_postings: int = 5_000) -> None:
        self.max_postings = max_postings
        self.keys: IntArray = np.zeros(0, dtype=np.int64)
        self.offsets: IntArray = np.zeros(1, dtype=np.int64)
        self.postings: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.years_min: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self.years_max: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self.documents: dict[str, list[int]] = {}
        self.frequency: dict[str, float] = {}
        self.size = 0

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(
        cls, entries: Sequence[WatchlistEntry], max_postings: int = 5_000, workers: int = 0
    ) -> CandidateIndex:
        """Index ``entries``; positions in the index are their order in the sequence.

        Large lists are cut into chunks whose keys are worked out in ``workers`` processes
        (forked, so the entries are shared, not copied); 0 means one per CPU for lists of
        50,000 entries or more, and one process below that.
        """
        index = cls(max_postings)
        count = len(entries)
        if workers <= 0:
            workers = (os.cpu_count() or 1) if count >= 50_000 else 1
        chunk = max(1, -(-count // (workers * 4)))
        spans = [(start, min(count, start + chunk)) for start in range(0, count, chunk)]
        if workers > 1 and len(spans) > 1:
            global _BUILDING
            _BUILDING = entries
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    parts = pool.map(_chunk_keys, spans)
            finally:
                _BUILDING = ()
        else:
            parts = [_keys_of(entries, span) for span in spans]
        index._merge(parts, count)
        return index

    def _merge(self, parts: list[_Chunk], count: int) -> None:
        """Join the chunks' keys into the sorted index, emptying ``parts`` as it goes so that
        the build never holds more than two copies of the postings."""
        df: Counter[str] = Counter()
        for part in parts:
            df.update(part.df)
            for number, ids in part.documents.items():
                self.documents.setdefault(number, []).extend(ids)
        self.size = count
        self.frequency = {word: c / max(count, 1) for word, c in df.items()}

        def joined(field: str, dtype: type[np.generic]) -> npt.NDArray[Any]:
            arrays = [np.frombuffer(getattr(part, field), dtype=dtype) for part in parts]
            return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)

        self.years_min = joined("ymin", np.int16)
        self.years_max = joined("ymax", np.int16)
        keys, owners = joined("keys", np.int64), joined("ids", np.int32)
        parts.clear()
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        self.postings = owners[order]
        del order, owners
        heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))[: len(keys)]
        self.keys = keys[heads]
        del keys
        self.offsets = np.append(heads, len(self.postings)).astype(np.int64)

    # -- querying ---------------------------------------------------------------------------
    def query_keys(self, traveller: Traveller) -> list[int]:
        """The keys of a traveller's name: the birth year and the years either side, and 0;
        the full birth date and the same with day and month swapped; any-year keys when the
        birth date is unknown."""
        words = core_words(f"{traveller.given_names} {traveller.surname}")
        born = traveller.birth_date
        year = born.year if born else 0
        years = [0, year - 1, year, year + 1] if year else [0]
        days: list[int] = []
        if born is not None and born.month is not None and born.day is not None:
            days = [day_number(year, born.month, born.day), day_number(year, born.day, born.month)]
        return sorted(name_keys(words, years, [d for d in days if d], not year))

    def candidates(self, traveller: Traveller, limit: int = 200) -> list[int]:
        """Positions of the best ``limit`` entries for ``traveller``, best first (ties by
        position)."""
        return self.candidates_many([traveller], limit)[0]

    def candidates_many(self, travellers: Sequence[Traveller], limit: int = 200) -> list[list[int]]:
        """``candidates`` for each traveller, worked out in one NumPy pass over the batch.

        Each posting found becomes one 64-bit number, traveller << 32 | entry << 8 | key
        kind, so that a single sort groups every (traveller, entry) pair; the kinds' weights
        are summed per pair, the birth-year agreement added, and a second sort of traveller,
        score (descending, in half points) and entry puts each traveller's best first.
        """
        count = len(travellers)
        if count >= 1 << _OWNER_BITS:
            half = count // 2
            return self.candidates_many(travellers[:half], limit) + self.candidates_many(
                travellers[half:], limit
            )
        found = self._gather(travellers)
        if not len(found):
            return [[] for _ in travellers]
        found.sort()
        pair = found >> 8
        heads = np.flatnonzero(np.concatenate(([True], pair[1:] != pair[:-1])))
        halves = np.add.reduceat(_KIND_HALVES[found & 0xFF], heads)
        pair = pair[heads]
        owner, entry = pair >> _ENTRY_BITS, pair & _ENTRY_MASK
        years = np.array(
            [t.birth_date.year if t.birth_date else 0 for t in travellers], dtype=np.int64
        )[owner]
        lo, hi = self.years_min[entry], self.years_max[entry]
        known = (lo > 0) & (years > 0)
        near = known & (lo - 1 <= years) & (years <= hi + 1)
        halves = halves + 4 * near - 2 * (known & ~near)
        rank = np.clip((1 << 15) - halves, 0, _MAX_HALVES)  # the best score sorts first
        order = (owner << 40) | (rank << _ENTRY_BITS)
        order = np.sort(order | entry)
        owners = order >> 40
        starts = np.searchsorted(owners, np.arange(count + 1))
        place = np.arange(len(order)) - np.repeat(starts[:-1], np.diff(starts))
        best = place < limit  # each traveller's first ``limit``
        ends = np.cumsum(np.minimum(np.diff(starts), limit))
        ranked = (order[best] & _ENTRY_MASK).tolist()
        return [ranked[a:b] for a, b in pairwise([0, *ends.tolist()])]

    def _gather(self, travellers: Sequence[Traveller]) -> IntArray:
        """Every posting the travellers' keys and documents find, as traveller << 32 | entry
        << 8 | kind (documents are kinds 7 and 8, exact and after OCR folding)."""
        keys = [self.query_keys(t) for t in travellers]
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        query = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(lengths.sum()))
        owner = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
        parts = [self._postings(query, owner), self._document_postings(travellers)]
        return np.concatenate(parts)

    def _postings(self, query: IntArray, owner: IntArray) -> IntArray:
        """The postings of every list the query keys find (see ``_gather``)."""
        if not len(query) or not len(self.keys):
            return np.zeros(0, dtype=np.int64)
        slots = np.minimum(np.searchsorted(self.keys, query), len(self.keys) - 1)
        hit = self.keys[slots] == query
        slots, kinds, owner = slots[hit], query[hit] >> 58, owner[hit]
        starts, ends = self.offsets[slots], self.offsets[slots + 1]
        caps = _KIND_CAPS[kinds]
        caps[caps == 0] = self.max_postings
        keep = (ends - starts) <= caps
        starts, ends, kinds, owner = starts[keep], ends[keep], kinds[keep], owner[keep]
        if not len(starts):
            return np.zeros(0, dtype=np.int64)
        lengths = ends - starts
        # Gather every slice in one go: positions start..end-1 of each kept key.
        steps = np.ones(int(lengths.sum()), dtype=np.int64)
        heads = np.cumsum(lengths)[:-1]
        steps[0] = starts[0]
        steps[heads] = starts[1:] - ends[:-1] + 1
        ids = self.postings[np.cumsum(steps)].astype(np.int64)
        tags: IntArray = np.repeat((owner << 32) | kinds, lengths)
        return tags | (ids << 8)

    def _document_postings(self, travellers: Sequence[Traveller]) -> IntArray:
        found: list[int] = []
        for owner, traveller in enumerate(travellers):
            for doc in traveller.documents:
                if not doc.number:
                    continue
                for number, kind in (
                    (normalise_number(doc.number), 7),
                    (ocr_number(doc.number), 8),
                ):
                    found.extend(
                        (owner << 32) | (p << 8) | kind for p in self.documents.get(number, ())
                    )
        return np.array(found, dtype=np.int64)
