"""The three person matchers compared by the matching benchmarks, behind one small interface.

Every method reads preboard's own records (``WatchlistEntry`` for the list, ``Traveller`` for
the queries), so each data set is converted once and all methods see the same fields.

- ``PreboardPeer``: ``Matcher.build(entries)``; ``search`` keeps the best result of
  ``match(traveller, threshold=0.0, limit=5)`` and the up to five entries it proposes;
  ``score_pairs`` scores given pairs in full with ``matcher.score``.
- ``BaselinePeer``: the naive baseline, by brute force over the whole list. Its score is
  ``0.5 * token_sort_ratio(names) / 100 + 0.5 * dob_equal``: ``token_sort_ratio`` is
  rapidfuzz's, on ``utils.default_process``ed full names ("GIVEN SURNAME"), the best over the
  entry's names; ``dob_equal`` is 1.0 when the traveller's birth date, as ISO text, equals one
  of the entry's birth dates exactly, else 0.0 (also when either is missing).
- ``LogicV2Peer``: OpenSanctions' ``nomenklatura.matching.LogicV2`` (logic-v2), called as
  ``LogicV2.compare(query, result, LogicV2.default_config())`` on followthemoney ``Person``
  entities with ``name`` (every name of the entry, aliases as ``alias`` / ``weakAlias``),
  ``birthDate`` (a range as each year in it), ``nationality``, ``gender`` and document
  numbers (``passportNumber`` or ``idNumber``), as preboard sees them. No ``firstName`` /
  ``lastName``: with them logic-v2 trusts the split and scored lower (best F1 0.947 against
  0.963 on the first 300 FEBRL4 queries). It has no index of its own (yente puts
  Elasticsearch in front), so it scores candidate pairs only. nomenklatura defines no
  threshold; yente's default ``SCORE_THRESHOLD`` is 0.70.

``candidate_pairs`` is the one blocking step used for every method that scores pairs: per
query, the baseline's 20 best entries (by its score above, over the whole list) together with
the entries preboard's index proposes. The scripts report how many true pairs it keeps.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from followthemoney import model
from followthemoney.proxy import EntityProxy
from nomenklatura.matching import LogicV2
from rapidfuzz import fuzz, process, utils

from preboard.matching import Matcher
from preboard.model import Role, Traveller
from preboard.watchlist import WatchlistEntry
from preboard.watchlist.model import EntryName, NameKind

Floats = npt.NDArray[np.float64]
Pairs = list[tuple[int, int]]  # (traveller position, entry position)

BASELINE_THRESHOLD = 0.9
LOGIC_V2_THRESHOLD = 0.7  # yente's SCORE_THRESHOLD; nomenklatura itself defines none
BLOCK_TOP = 20


@dataclass(frozen=True, slots=True)
class Top1:
    """The best entry per traveller (-1 when none) and its score, with the time it took."""

    entries: npt.NDArray[np.int64]
    scores: Floats
    seconds: float
    pairs: int | None  # pairs scored (or compared by brute force), where known


def _dob(traveller: Traveller) -> str | None:
    return traveller.birth_date.iso() if traveller.birth_date else None


def _probe(entry: WatchlistEntry) -> Traveller:
    """A traveller named like ``entry``, to warm a method up before it is timed."""
    given, _, surname = entry.caption.rpartition(" ")
    return Traveller(role=Role.PASSENGER, surname=surname, given_names=given)


class PreboardPeer:
    """preboard's matcher: its own index, then full scoring of the best candidates."""

    name = "preboard"

    def __init__(self, entries: Sequence[WatchlistEntry]) -> None:
        start = time.perf_counter()
        self.matcher = Matcher.build(list(entries))
        self.build_seconds = time.perf_counter() - start
        self.position = {e.id: i for i, e in enumerate(entries)}
        self.entries = entries
        start = time.perf_counter()
        self.matcher.match(_probe(entries[0]), threshold=0.0, limit=5)  # loads lazy tables
        self.warm_seconds = time.perf_counter() - start

    @property
    def threshold(self) -> float:
        return self.matcher.operating_point

    def search(self, travellers: Sequence[Traveller]) -> tuple[Top1, list[dict[int, float]]]:
        """The best result per traveller, and the (up to 5) entries found, with their scores."""
        best = np.full(len(travellers), -1, dtype=np.int64)
        scores = np.zeros(len(travellers))
        found: list[dict[int, float]] = []
        start = time.perf_counter()
        for q, traveller in enumerate(travellers):
            results = self.matcher.match(traveller, threshold=0.0, limit=5)
            found.append({self.position[r.entry_id]: r.score for r in results})
            if results:
                best[q], scores[q] = self.position[results[0].entry_id], results[0].score
        return Top1(best, scores, time.perf_counter() - start, None), found

    def time_operating(self, travellers: Sequence[Traveller]) -> float:
        """Seconds to screen ``travellers`` at the operating point, as in production."""
        start = time.perf_counter()
        for traveller in travellers:
            self.matcher.match(traveller, limit=5)
        return time.perf_counter() - start

    def score_pairs(self, travellers: Sequence[Traveller], pairs: Pairs) -> Floats:
        score = self.matcher.score
        return np.array([score(travellers[q], self.entries[e]).score for q, e in pairs])


class BaselinePeer:
    """rapidfuzz token_sort_ratio on full names plus exact birth-date agreement."""

    name = "baseline"
    threshold = BASELINE_THRESHOLD

    def __init__(self, entries: Sequence[WatchlistEntry]) -> None:
        self.names: list[str] = []  # every name of every entry, entry by entry
        self.owner: list[int] = []
        for i, entry in enumerate(entries):
            for name in entry.names or (EntryName(""),):
                self.names.append(name.full)
                self.owner.append(i)
        self.first = np.searchsorted(self.owner, np.arange(len(entries)))
        self.dobs = [{b.start.iso() for b in e.birth_dates if b.end is None} for e in entries]
        self.by_dob: dict[str, list[int]] = {}
        for i, dobs in enumerate(self.dobs):
            for dob in dobs:
                self.by_dob.setdefault(dob, []).append(i)

    def _dob_matrix(self, travellers: Sequence[Traveller]) -> Floats:
        out = np.zeros((len(travellers), len(self.dobs)))
        for q, traveller in enumerate(travellers):
            out[q, self.by_dob.get(_dob(traveller) or "", [])] = 1.0
        return out

    def score_matrix(self, travellers: Sequence[Traveller]) -> Floats:
        """Scores of every traveller against every entry (brute force)."""
        queries = [t.full_name for t in travellers]
        ratios = process.cdist(
            queries,
            self.names,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            dtype=np.uint8,
            workers=-1,
        )
        best_name = np.maximum.reduceat(ratios, self.first, axis=1).astype(np.float64) / 100
        return 0.5 * best_name + 0.5 * self._dob_matrix(travellers)

    def search(
        self, travellers: Sequence[Traveller], top: int = BLOCK_TOP, chunk: int = 1000
    ) -> tuple[Top1, npt.NDArray[np.int64]]:
        """The best entry per traveller, and the ``top`` best entries (positions) of each."""
        best = np.zeros(len(travellers), dtype=np.int64)
        scores = np.zeros(len(travellers))
        tops = np.zeros((len(travellers), top), dtype=np.int64)
        seconds = 0.0
        for lo in range(0, len(travellers), chunk):
            start = time.perf_counter()
            matrix = self.score_matrix(travellers[lo : lo + chunk])
            rows = np.arange(len(matrix))
            best[lo : lo + chunk] = found = matrix.argmax(axis=1)
            scores[lo : lo + chunk] = matrix[rows, found]
            seconds += time.perf_counter() - start  # the top-k below is blocking, not search
            tops[lo : lo + chunk] = np.argpartition(-matrix, top, axis=1)[:, :top]
        return Top1(best, scores, seconds, len(travellers) * len(self.dobs)), tops

    def score_pairs(self, travellers: Sequence[Traveller], pairs: Pairs) -> Floats:
        out = np.zeros(len(pairs))
        starts = [*self.first.tolist(), len(self.names)]
        for i, (q, e) in enumerate(pairs):
            names = self.names[starts[e] : starts[e + 1]]
            ratio = process.extractOne(
                travellers[q].full_name,
                names,
                scorer=fuzz.token_sort_ratio,
                processor=utils.default_process,
            )
            dob = 1.0 if _dob(travellers[q]) in self.dobs[e] else 0.0
            out[i] = 0.5 * (ratio[1] / 100 if ratio else 0.0) + 0.5 * dob
        return out


_GENDER = {"F": "female", "M": "male"}


def _document_prop(kind: str | None) -> str:
    return "passportNumber" if (kind or "").upper() in {"P", "PASSPORT"} else "idNumber"


def _person(key: str, names: Sequence[tuple[str, str]]) -> EntityProxy:
    entity = model.make_entity("Person")
    entity.id = key
    for prop, value in names:
        entity.add(prop, value)
    return entity


def traveller_entity(key: str, t: Traveller) -> EntityProxy:
    """The traveller as a followthemoney Person (logic-v2 needs ``name``, not only parts)."""
    entity = _person(key, [("name", t.full_name)])
    entity.add("birthDate", _dob(t))
    entity.add("nationality", t.nationality)
    entity.add("gender", _GENDER.get(t.sex or ""))
    for doc in t.documents:
        entity.add(_document_prop(doc.type), doc.number)
    return entity


_NAME_PROPS = {NameKind.ALIAS: "alias", NameKind.WEAK_ALIAS: "weakAlias"}


def entry_entity(entry: WatchlistEntry) -> EntityProxy:
    """A watchlist entry as a followthemoney Person, every name and birth date on it."""
    names = [(_NAME_PROPS.get(n.kind, "name"), n.full) for n in entry.names]
    entity = _person(f"entry-{entry.id}", names)
    for birth in entry.birth_dates:  # a range as each year in it
        years = range(birth.start.year, birth.end.year + 1) if birth.end else ()
        entity.add("birthDate", [f"{y:04d}" for y in years] or birth.start.iso())
    entity.add("nationality", list(entry.nationalities))
    entity.add("gender", _GENDER.get(entry.sex or ""))
    for doc in entry.documents:
        entity.add(_document_prop(doc.type), doc.number)
    return entity


class LogicV2Peer:
    """nomenklatura's logic-v2 on candidate pairs (it has no index of its own)."""

    name = "logic-v2"
    threshold = LOGIC_V2_THRESHOLD

    def __init__(self, entries: Sequence[WatchlistEntry]) -> None:
        self.entities = [entry_entity(e) for e in entries]
        self.config = LogicV2.default_config()
        self.calls = 0
        self.score_pairs([_probe(entries[0])], [(0, 0)])  # loads rigour's name tables

    def score_pairs(self, travellers: Sequence[Traveller], pairs: Pairs) -> Floats:
        # nomenklatura caches names by entity id (lru_cache on Entity.__hash__): every query
        # entity needs an id of its own, across calls too.
        self.calls += 1
        queries: dict[int, EntityProxy] = {}
        out = np.zeros(len(pairs))
        for i, (q, e) in enumerate(pairs):
            if q not in queries:
                queries[q] = traveller_entity(f"query-{self.calls}-{q}", travellers[q])
            out[i] = LogicV2.compare(queries[q], self.entities[e], self.config).score
        return out


def candidate_pairs(tops: npt.NDArray[np.int64], proposed: Sequence[Iterable[int]]) -> Pairs:
    """Per traveller: the baseline's ``BLOCK_TOP`` best entries and preboard's proposals."""
    pairs: Pairs = []
    for q, (top, more) in enumerate(zip(tops.tolist(), proposed, strict=True)):
        pairs.extend((q, e) for e in sorted(set(top) | set(more)))
    return pairs


def timed_pairs(
    peer: PreboardPeer | BaselinePeer | LogicV2Peer, travellers: Sequence[Traveller], pairs: Pairs
) -> tuple[Floats, float]:
    start = time.perf_counter()
    scores = peer.score_pairs(travellers, pairs)
    return scores, time.perf_counter() - start


def top1_of_pairs(pairs: Pairs, scores: Floats, n: int, seconds: float) -> Top1:
    """The best scored pair per traveller (ties: the lower entry position)."""
    best = np.full(n, -1, dtype=np.int64)
    best_scores = np.full(n, -1.0)
    for (q, e), s in zip(pairs, scores.tolist(), strict=True):
        if s > best_scores[q] or (s == best_scores[q] and e < best[q]):
            best[q], best_scores[q] = e, s
    return Top1(best, np.maximum(best_scores, 0.0), seconds, len(pairs))
