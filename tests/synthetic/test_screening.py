"""The screening set: determinism, variant kinds, clean travellers, hard negatives, shares."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from preboard.model import Traveller
from preboard.synthetic import (
    HARD_NEGATIVE_KINDS,
    ORIGINS,
    VARIANT_KINDS,
    ScreeningSet,
    make_screening_set,
)
from preboard.synthetic.entries import listed_years, name_key
from preboard.synthetic.translit import fold
from preboard.synthetic.variants import NAME_CHANGING
from preboard.watchlist.model import NameKind, WatchlistEntry


def _by_id(s: ScreeningSet) -> tuple[dict[str, Traveller], dict[str, WatchlistEntry]]:
    return {t.ref or "": t for t in s.travellers}, {e.id: e for e in s.entries}


def _primary(e: WatchlistEntry) -> tuple[str, str]:
    name = next(n for n in e.names if n.kind is NameKind.PRIMARY)
    return name.given or "", name.family or ""


def _words(text: str) -> set[str]:
    return {re.sub(r"[^A-Z]", "", fold(w)) for w in re.split(r"[ \-']+", text) if w}


def test_same_seed_same_set() -> None:
    a = make_screening_set(3, list_size=300, variants_per_kind=5, clean=100, hard_negatives=9)
    b = make_screening_set(3, list_size=300, variants_per_kind=5, clean=100, hard_negatives=9)
    assert a.entries == b.entries
    assert a.travellers == b.travellers
    assert a.truth == b.truth
    c = make_screening_set(4, list_size=300, variants_per_kind=5, clean=100, hard_negatives=9)
    assert c.travellers != a.travellers


def test_sizes_and_ids(small_set: ScreeningSet) -> None:
    assert len(small_set.entries) == 1_600
    assert small_set.entries[0].id == "WL000001"
    kinds = Counter(t.kind for t in small_set.truth.values())
    assert kinds["variant"] == 40 * len(VARIANT_KINDS)
    assert kinds["clean"] == 10 * kinds["variant"]
    assert kinds["hard_negative"] == 90
    assert set(small_set.truth) == {t.ref for t in small_set.travellers}


def test_every_variant_kind_present(small_set: ScreeningSet) -> None:
    counts = Counter(t.variant for t in small_set.truth.values() if t.kind == "variant")
    assert set(counts) == set(VARIANT_KINDS)
    assert all(n == 40 for n in counts.values())
    combined = [t for t in small_set.truth.values() if t.kind == "variant" and t.also]
    assert 0.1 < len(combined) / (40 * len(VARIANT_KINDS)) < 0.35


def test_variants_differ_where_they_should(small_set: ScreeningSet) -> None:
    travellers, entries = _by_id(small_set)
    for tid, truth in small_set.truth.items():
        if truth.kind != "variant" or truth.also:
            continue
        t, e = travellers[tid], entries[truth.entry_id or ""]
        given, family = _primary(e)
        same_name = (t.given_names, t.surname) == (given, family)
        person = small_set.people[e.id]
        if truth.variant in NAME_CHANGING:
            assert not same_name, (truth, t)
        elif truth.variant == "exact":
            assert same_name
            assert t.birth_date is not None and t.birth_date.as_date() == person.birth_date
        elif truth.variant == "ocr":
            assert not same_name or t.documents[0].number != person.passport
        elif truth.variant == "birth_date_error":
            assert t.birth_date is not None and t.birth_date.as_date() != person.birth_date
            assert t.birth_date.year // 10 == person.birth_date.year // 10
        elif truth.variant == "missing_fields":
            assert t.birth_date is None or t.nationality is None


def test_variants_are_the_same_person(small_set: ScreeningSet) -> None:
    travellers, _ = _by_id(small_set)
    for tid, truth in small_set.truth.items():
        if truth.kind != "variant":
            continue
        t, person = travellers[tid], small_set.people[truth.entry_id or ""]
        assert truth.origin == person.origin
        assert t.sex == person.sex
        if truth.variant == "romanisation" and not truth.also:
            spellings = {
                w
                for part in person.given + person.family
                for s in (part.text, *part.alternates)
                for w in _words(s)
            }
            assert _words(f"{t.given_names} {t.surname}") <= spellings, (t, person)


def test_clean_travellers_are_not_listed(small_set: ScreeningSet) -> None:
    travellers, _ = _by_id(small_set)
    listed: dict[str, set[int] | None] = {}
    for e in small_set.entries:
        for n in e.names:
            years = listed_years(e)
            prev = listed.get(name_key(n.full), set())
            listed[name_key(n.full)] = None if years is None or prev is None else prev | years
    for tid, truth in small_set.truth.items():
        if truth.kind != "clean":
            continue
        t = travellers[tid]
        assert truth.entry_id is None
        key = name_key(f"{t.given_names} {t.surname}")
        if key in listed and t.birth_date is not None:
            years = listed[key]
            assert years is not None and t.birth_date.year not in years


def test_hard_negatives_meet_their_definitions(small_set: ScreeningSet) -> None:
    travellers, entries = _by_id(small_set)
    seen = Counter()
    for tid, truth in small_set.truth.items():
        if truth.kind != "hard_negative":
            continue
        seen[truth.variant] += 1
        assert truth.entry_id is None and truth.resembles is not None
        t, e = travellers[tid], entries[truth.resembles]
        person = small_set.people[e.id]
        given, family = _primary(e)
        years = listed_years(e)
        assert years and t.birth_date is not None
        if truth.variant == "same_surname_birth_year":
            assert t.surname == family and t.birth_date.year == person.birth_date.year
            assert t.birth_date.year in years
            assert not _words(t.given_names) & _words(given)
        elif truth.variant == "same_name_far_birth_date":
            assert (t.given_names, t.surname) == (given, family)
            assert all(abs(t.birth_date.year - y) > 10 for y in years)
        else:
            assert (t.given_names, t.surname) == (given, family)
            assert t.nationality not in (*e.nationalities, person.nationality)
            assert t.birth_date.year not in years
    assert set(seen) == set(HARD_NEGATIVE_KINDS)


def test_origin_shares(small_set: ScreeningSet) -> None:
    listed = Counter(p.origin for p in small_set.people.values())
    assert set(listed) == set(ORIGINS)
    assert max(listed.values()) - min(listed.values()) <= 1
    clean = Counter(t.origin for t in small_set.truth.values() if t.kind == "clean")
    total = sum(clean.values())
    assert 0.41 < clean["anglo"] / total < 0.49
    assert 0.31 < clean["hispanic"] / total < 0.39
    assert len(clean) == len(ORIGINS)


_SCRIPTS = {
    "ARABIC": "Arabic",
    "CYRILLIC": "Cyrillic",
    "CJK UNIFIED": "Han",
    "HANGUL": "Hangul",
    "DEVANAGARI": "Devanagari",
    "GREEK": "Greek",
    "KATAKANA": "Kana",
}


def test_native_scripts_present(small_set: ScreeningSet) -> None:
    found = set()
    for e in small_set.entries:
        for n in e.names:
            if n.kind is NameKind.ORIGINAL_SCRIPT:
                for ch in n.full:
                    name = unicodedata.name(ch, "")
                    found |= {v for k, v in _SCRIPTS.items() if name.startswith(k)}
    assert found == set(_SCRIPTS.values())


def test_diacritics_both_ways(small_set: ScreeningSet) -> None:
    travellers, _ = _by_id(small_set)
    names = [
        f"{travellers[tid].given_names} {travellers[tid].surname}"
        for tid, t in small_set.truth.items()
        if t.variant == "diacritics"
    ]
    assert any(not n.isascii() for n in names) and any(n.isascii() for n in names)
