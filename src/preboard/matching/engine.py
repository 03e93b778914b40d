"""The matcher: an index over a watchlist, scoring with fixed weights, explained results.

``Matcher.build(entries)`` indexes a list once; ``match(traveller)`` finds candidates
(``index``), ranks them cheaply by the index score, scores the best few in full
(``features`` and ``weights``) and returns ``MatchResult``s best first, each with its
``Explanation``. Results at or above ``threshold`` are returned, at most ``limit``.
"""

from __future__ import annotations

import multiprocessing
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.pool import Pool

from rapidfuzz import fuzz, process

from preboard.matching.compare import Compared
from preboard.matching.explain import Explanation, explain
from preboard.matching.features import NAME_FEATURES, features, side_levels, traveller_tokens
from preboard.matching.index import CandidateIndex
from preboard.matching.text import prefetch_symbols, tokens
from preboard.matching.weights import Weights, released
from preboard.model import Traveller
from preboard.watchlist import WatchlistEntry

_PREFETCHED = 1 << 17  # list words whose symbols are looked up when the matcher is built


@dataclass(frozen=True, slots=True)
class MatchResult:
    """A watchlist entry that may be the traveller, with its score and explanation."""

    entry_id: str
    score: float
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """How much work a match does: how many of the index's best candidates are scored in
    full, and how many travellers share one pass over the index."""

    scored: int = 12
    batch: int = 128


class Matcher:
    """Screens travellers against one indexed watchlist."""

    def __init__(
        self,
        entries: Sequence[WatchlistEntry],
        index: CandidateIndex,
        weights: Weights,
        config: MatchConfig,
    ) -> None:
        self.entries = entries
        self.index = index
        self.weights = weights.for_list(len(entries))
        # The most the prior and the name features together can add (for pruning).
        self._name_bound = self.weights.prior + sum(self.weights.best(f) for f in NAME_FEATURES)
        self.config = config
        self._captions: list[str] | None = None
        self._pool: Pool | None = None
        self._pool_size = 0
        self._finalizer: weakref.finalize[[Pool, int], Matcher] | None = None
        # rigour's name symbols of the list's words, the commonest first, looked up in one go.
        words = sorted(index.frequency, key=lambda w: -index.frequency[w])
        prefetch_symbols(words[:_PREFETCHED])

    @classmethod
    def build(
        cls,
        entries: Iterable[WatchlistEntry],
        *,
        weights: Weights | None = None,
        config: MatchConfig | None = None,
    ) -> Matcher:
        """Index ``entries`` with the released weights (or the ones given)."""
        stored = entries if isinstance(entries, list) else list(entries)
        return cls(
            stored, CandidateIndex.build(stored), weights or released(), config or MatchConfig()
        )

    @property
    def operating_point(self) -> float:
        """The documented threshold of the released weights."""
        return self.weights.operating_point

    def score(self, traveller: Traveller, entry: WatchlistEntry) -> MatchResult:
        """Score one pair in full, whatever the index thinks of it."""
        return self._score(traveller, entry, side_levels(traveller, entry))

    def _score(
        self, traveller: Traveller, entry: WatchlistEntry, side: dict[str, Compared]
    ) -> MatchResult:
        name = f"{traveller.given_names} {traveller.surname}".strip()
        found = features(traveller, entry, self.index.frequency, side)
        expl = explain(entry.id, name, found, self.weights)
        return MatchResult(entry.id, expl.score, expl)

    def _can_reach(self, side: dict[str, Compared], total: float) -> bool:
        """Whether the best possible name agreement could lift this pair to ``total``: the
        name alignment, the costly part, is skipped for pairs that cannot (most of them)."""
        table = self.weights.table
        bound = self._name_bound + sum(table[f][c.level] for f, c in side.items())
        return bound >= total

    def match(
        self, traveller: Traveller, *, threshold: float | None = None, limit: int = 10
    ) -> list[MatchResult]:
        """The entries scoring at or above ``threshold`` (the operating point by default)."""
        return self._match_batch([traveller], threshold, limit)[0]

    def _match_batch(
        self, travellers: Sequence[Traveller], threshold: float | None, limit: int
    ) -> list[list[MatchResult]]:
        cut = self.operating_point if threshold is None else threshold
        prefetch_symbols(t.text for p in travellers for t in traveller_tokens(p))
        found = self.index.candidates_many(travellers, self.config.scored)
        return [
            self._scored(t, chosen, cut, limit) for t, chosen in zip(travellers, found, strict=True)
        ]

    def _scored(
        self, traveller: Traveller, chosen: list[int], cut: float, limit: int
    ) -> list[MatchResult]:
        """Score a traveller's chosen candidates in full and keep those at or above ``cut``."""
        if cut <= 0.0 and len(chosen) < limit:
            chosen += self._nearest_by_name(traveller, limit - len(chosen), set(chosen))
        need = self.weights.total_for(cut)
        table = self.weights.table
        name = f"{traveller.given_names} {traveller.surname}".strip()
        kept: list[MatchResult] = []
        for p in chosen:
            entry = self.entries[p]
            side = side_levels(traveller, entry)
            if not self._can_reach(side, need):
                continue
            found = features(traveller, entry, self.index.frequency, side)
            total = self.weights.prior + sum(table[f][c.level] for f, c in found.levels.items())
            if total >= need:  # only what is kept is explained in words
                expl = explain(entry.id, name, found, self.weights)
                kept.append(MatchResult(entry.id, expl.score, expl))
        kept.sort(key=lambda r: (-r.score, r.entry_id))
        return kept[:limit]

    def _nearest_by_name(self, traveller: Traveller, count: int, skip: set[int]) -> list[int]:
        """Entries nearest by spelling of the whole name, by brute force over the list: only
        for a threshold of 0, where every traveller gets its ``limit`` best whatever they
        score, including entries no index key ties to the traveller."""
        if self._captions is None:
            self._captions = [" ".join(t.text for t in tokens(e.caption)) for e in self.entries]
        query = " ".join(t.text for t in tokens(f"{traveller.given_names} {traveller.surname}"))
        found = process.extract(
            query, self._captions, scorer=fuzz.token_sort_ratio, limit=count + len(skip)
        )
        return [int(i) for _, _, i in found if int(i) not in skip][:count]

    def match_many(
        self,
        travellers: Sequence[Traveller],
        *,
        threshold: float | None = None,
        limit: int = 10,
        workers: int = 1,
    ) -> list[list[MatchResult]]:
        """``match`` for each traveller, in order; ``workers`` > 1 shares the work among forked
        processes that see the index without copying it. The processes are started on first
        use and kept for later calls (a flight after another) until ``close()``."""
        if workers <= 1 or len(travellers) < 4 * workers:
            return self._match_all(travellers, threshold, limit)
        pool = self._workers(workers)
        # One chunk per process for a flight (fewest round trips), smaller ones for big batches.
        pieces = workers if len(travellers) <= 1_000 else workers * 4
        step = -(-len(travellers) // pieces)
        chunks = [
            (id(self), travellers[i : i + step], threshold, limit)
            for i in range(0, len(travellers), step)
        ]
        parts = pool.map(_match_chunk, chunks)
        return [found for part in parts for found in part]

    def _workers(self, count: int) -> Pool:
        if self._pool is not None and self._pool_size == count:
            return self._pool
        self.close()
        _SHARED[id(self)] = self  # what the forked processes (and any respawned) match with
        self._pool, self._pool_size = multiprocessing.get_context("fork").Pool(count), count
        self._finalizer = weakref.finalize(self, _stop, self._pool, id(self))
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._finalizer is not None:
            self._finalizer()
        self._pool = self._finalizer = None

    def __enter__(self) -> Matcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _match_all(
        self, travellers: Sequence[Traveller], threshold: float | None, limit: int
    ) -> list[list[MatchResult]]:
        step = self.config.batch
        return [
            found
            for start in range(0, len(travellers), step)
            for found in self._match_batch(travellers[start : start + step], threshold, limit)
        ]


_SHARED: dict[int, Matcher] = {}  # matchers with worker processes, by id


def _stop(pool: Pool, key: int) -> None:
    pool.terminate()
    pool.join()
    _SHARED.pop(key, None)


def _match_chunk(
    task: tuple[int, Sequence[Traveller], float | None, int],
) -> list[list[MatchResult]]:
    key, travellers, threshold, limit = task
    return _SHARED[key]._match_all(travellers, threshold, limit)
