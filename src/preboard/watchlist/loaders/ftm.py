"""FollowTheMoney JSON lines as OpenSanctions exports them (``entities.ftm.json``).

Each line is one entity ``{"id", "schema", "properties": {name: [values]}, "first_seen", …}``.
``Person`` entities become entries; ``Passport`` and other ``Identification`` entities are
attached to the person their ``holder`` names. Values are validated by FollowTheMoney's own
property types: a value it refuses (a birth date ``1970-13-45``) is reported and left out, as
is a property the schema does not know. Entities of other schemata (companies, vessels,
sanctions…) are counted and reported once as INFO. A line that is not a JSON entity is an
ERROR and is skipped; nothing raises.

Names: ``name`` is the primary name, ``alias`` and ``previousName`` aliases, ``weakAlias`` a
weak alias; a primary name or alias not written in Latin is an ``ORIGINAL_SCRIPT`` name. The
parts ``firstName``/``secondName``/``middleName``/``fatherName`` and ``lastName`` become the
given and family names of the primary name they appear in (or build it when ``name`` is
missing). ``nationality`` and ``citizenship`` (alpha-2, lower case) become alpha-3;
``idNumber`` and ``passportNumber`` become documents of type ``I`` and ``P``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from followthemoney import model, registry
from followthemoney.entity import ValueEntity
from followthemoney.exc import InvalidData
from followthemoney.schema import Schema

from preboard.model import Severity, Sex
from preboard.privacy import mask_tail
from preboard.watchlist.loaders.common import (
    Report,
    birth_date,
    country,
    day,
    decode,
    document_type,
    entry_name,
    keep_first,
    plural,
    unique,
)
from preboard.watchlist.model import (
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
)

__all__ = ["load_ftm"]

_NAME_PROPS = (
    ("name", NameKind.PRIMARY),
    ("alias", NameKind.ALIAS),
    ("previousName", NameKind.ALIAS),
    ("weakAlias", NameKind.WEAK_ALIAS),
)
_GIVEN_PROPS = ("firstName", "secondName", "middleName", "fatherName")
_SEX = {"male": Sex.MALE, "female": Sex.FEMALE, "other": Sex.UNSPECIFIED}
Located = tuple[int, ValueEntity]


class _Reader:
    """Reads entities line by line, keeping what was left out for the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.unknown: dict[tuple[str, str], list[int]] = defaultdict(list)

    def entity(self, raw: str, line: int) -> ValueEntity | None:
        """The entity of one line, or ``None`` (reported) when the line holds none."""
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            self.report.add(
                line, f"not JSON ({err.msg}, column {err.colno}): line skipped", Severity.ERROR
            )
            return None
        reason = _shape_error(value)
        schema = model.get(value["schema"]) if reason is None else None
        if reason is None and schema is None:
            reason = f"schema {value['schema']!r} is not a FollowTheMoney schema"
        if reason is not None or schema is None:
            self.report.add(line, f"{reason}: line skipped", Severity.ERROR)
            return None
        value["properties"] = self._known(schema, value["properties"], line)
        try:
            entity = ValueEntity.from_dict(value, cleaned=False)
        except (InvalidData, TypeError, ValueError) as err:
            self.report.add(line, f"not a usable entity ({err}): line skipped", Severity.ERROR)
            return None
        self._refused(entity, value["properties"], line)
        return entity

    def _known(self, schema: Schema, properties: dict[str, Any], line: int) -> dict[str, Any]:
        known: dict[str, list[str]] = {}
        for name, values in properties.items():
            if name not in schema.properties:
                self.unknown[(schema.name, name)].append(line)
                continue
            items = values if isinstance(values, list) else [values]
            strings = [v for v in items if isinstance(v, str)]
            if len(strings) < len(items):
                self.report.add(
                    line, f"{name}: {plural(len(items) - len(strings), 'value')} not text: left out"
                )
            known[name] = strings
        return known

    def _refused(self, entity: ValueEntity, properties: dict[str, list[str]], line: int) -> None:
        """Report the values FollowTheMoney's property types refused while cleaning."""
        for name, values in properties.items():
            prop = entity.schema.properties[name]
            if len(set(values)) <= len(entity.get(prop)):
                continue
            for value in values:
                if prop.type.clean(value, proxy=entity) is None:
                    shown = mask_tail(value) if prop.type == registry.identifier else repr(value)
                    self.report.add(
                        line, f"{name} {shown} is not a valid {prop.type.name}: left out"
                    )

    def report_left_out(self, others: Counter[str]) -> None:
        """One INFO for the entities that are not persons, one per unknown property."""
        if others:
            kinds = ", ".join(f"{name} {n}" for name, n in sorted(others.items()))
            self.report.add(
                None,
                f"{plural(others.total(), 'entity')} not a person: left out ({kinds})",
                Severity.INFO,
            )
        for (schema, name), lines in sorted(self.unknown.items()):
            self.report.add(
                None,
                f"property {name!r} is not in the FollowTheMoney {schema} "
                f"schema: left out on {plural(len(lines), 'entity')}, first on line "
                f"{lines[0]}",
                Severity.INFO,
            )


def _shape_error(value: object) -> str | None:
    if not isinstance(value, dict):
        return f"a JSON {type(value).__name__}, not an entity"
    if not isinstance(value.get("id"), str) or not value["id"].strip():
        return "an entity without an id"
    if not isinstance(value.get("schema"), str):
        return "an entity without a schema"
    if not isinstance(value.setdefault("properties", {}), dict):
        return "properties that are not an object"
    return None


def load_ftm(data: bytes, source: str, watchlist: Watchlist) -> WatchlistVersion:
    """Load persons (and their passports and identifications) from FollowTheMoney JSON lines."""
    report = Report(source)
    reader = _Reader(report)
    persons: list[Located] = []
    documents: list[Located] = []
    others: Counter[str] = Counter()
    for line, raw in enumerate(decode(data, report).splitlines(), 1):
        entity = reader.entity(raw, line) if raw.strip() else None
        if entity is None:
            continue
        if entity.schema.is_a("Person"):
            persons.append((line, entity))
        elif entity.schema.is_a("Identification"):
            documents.append((line, entity))
        else:
            others[entity.schema.name] += 1
    reader.report_left_out(others)
    held = _documents_by_holder(documents, {str(e.id) for _, e in persons}, report)
    located = (
        (line, _entry(entity, line, held.get(str(entity.id), []), report, watchlist.id))
        for line, entity in persons
    )
    entries = keep_first(((line, e) for line, e in located if e is not None), report)
    return WatchlistVersion(watchlist, entries, report.sorted())


def _documents_by_holder(
    documents: list[Located], persons: set[str], report: Report
) -> dict[str, list[EntryDocument]]:
    held: dict[str, list[EntryDocument]] = defaultdict(list)
    for line, entity in documents:
        number = entity.first("number") or entity.first("passportNumber", quiet=True)
        if not number:
            report.add(line, f"{entity.schema.name} without a number: left out")
            continue
        kind = "P" if entity.schema.is_a("Passport") else document_type(entity.first("type"))
        code = country(entity.first("country") or "", report, line, "country")
        holders = entity.get("holder")
        for holder in holders:
            if holder in persons:
                held[holder].append(EntryDocument(number, kind or "I", code))
            else:
                report.add(
                    line,
                    f"{entity.schema.name} holder {holder!r} is not a person in "
                    "this file: left out",
                )
        if not holders:
            report.add(line, f"{entity.schema.name} without a holder: left out")
    return held


def _entry(
    entity: ValueEntity, line: int, held: list[EntryDocument], report: Report, list_id: str
) -> WatchlistEntry | None:
    names = _names(entity, line, report)
    if not names:
        report.add(line, f"person {entity.id!r} has no usable name: skipped", Severity.ERROR)
        return None
    dates = (birth_date(v, report, line) for v in entity.get("birthDate"))
    countries = entity.get("nationality") + entity.get("citizenship")
    gender = entity.first("gender")
    return WatchlistEntry(
        id=str(entity.id),
        names=names,
        birth_dates=tuple(dict.fromkeys(d for d in dates if d is not None)),
        birth_places=unique(entity.get("birthPlace")),
        nationalities=unique(country(c, report, line, "nationality") or "" for c in countries),
        sex=_SEX.get(gender) if gender else None,
        documents=_merge_documents(
            [EntryDocument(n, "I") for n in entity.get("idNumber")]
            + [EntryDocument(n, "P") for n in entity.get("passportNumber")]
            + held
        ),
        first_seen=day(entity.first_seen),
        last_seen=day(entity.last_seen),
        list_id=list_id,
    )


def _names(entity: ValueEntity, line: int, report: Report) -> tuple[EntryName, ...]:
    given = " ".join(v for p in _GIVEN_PROPS for v in entity.get(p)[:1]) or None
    family = entity.first("lastName")
    raw = [(v, kind) for prop, kind in _NAME_PROPS for v in entity.get(prop)]
    if not entity.get("name") and (given or family):
        raw.insert(0, (" ".join(p for p in (given, family) if p), NameKind.PRIMARY))
    names: dict[str, EntryName] = {}
    for text, kind in raw:
        name = entry_name(text, kind, report, line)
        if name is None or name.full in names:
            continue
        if kind is NameKind.PRIMARY and _holds(name.full, given, family):
            name = EntryName(name.full, name.kind, given, family)
        names[name.full] = name
    return tuple(names.values())


def _holds(full: str, given: str | None, family: str | None) -> bool:
    """Whether the name parts are all written in ``full`` (so they belong to that name)."""
    lower = full.casefold()
    parts = [p for p in (given, family) if p]
    return bool(parts) and all(p.casefold() in lower for p in parts)


def _merge_documents(documents: list[EntryDocument]) -> tuple[EntryDocument, ...]:
    """One document per number, keeping the one that says the most (type, country)."""
    best: dict[str, EntryDocument] = {}
    for doc in documents:
        known = best.get(doc.number)
        if known is None or _detail(doc) > _detail(known):
            best[doc.number] = doc
    return tuple(best.values())


def _detail(doc: EntryDocument) -> int:
    return (doc.type is not None) + (doc.country is not None)
