"""The UN Security Council consolidated list as XML (``CONSOLIDATED_LIST/INDIVIDUALS``).

Each ``INDIVIDUAL`` becomes an entry with the ``REFERENCE_NUMBER`` as its id (``DATAID`` when
there is none). Its primary name joins ``FIRST_NAME`` … ``FOURTH_NAME``; aliases of QUALITY
``Good`` (or none) are aliases, ``Low`` weak aliases; ``NAME_ORIGINAL_SCRIPT`` is the name in its
original script. Birth dates: ``EXACT`` gives ``DATE`` or ``YEAR``; ``APPROXIMATELY`` gives the
range of ``APPROXIMATE_YEARS`` either side of the year; ``BETWEEN`` the range ``FROM_YEAR`` to
``TO_YEAR``. Nationalities are country names, read into alpha-3 (fuzzily where exact names
fail). ``LISTED_ON`` is ``first_seen`` and the latest ``LAST_DAY_UPDATED`` ``last_seen``.
Problems count records (``record 3``: the third individual). ``ENTITIES`` are counted and
reported once as INFO. XML that cannot be read is one ERROR and no entries; nothing raises.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from preboard.model import Severity, Sex
from preboard.watchlist.loaders.common import (
    Report,
    approximate,
    country,
    day,
    document_type,
    entry_name,
    keep_first,
    partial_date,
    plural,
    unique,
)
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
)

__all__ = ["load_un_xml"]

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_SEX = {"male": Sex.MALE, "female": Sex.FEMALE}


def _text(element: Element | None, path: str = ".") -> str:
    found = element.find(path) if element is not None else None
    return " ".join((found.text or "").split()) if found is not None else ""


def _texts(element: Element, path: str) -> list[str]:
    return [t for t in (" ".join((e.text or "").split()) for e in element.findall(path)) if t]


def load_un_xml(data: bytes, source: str, watchlist: Watchlist) -> WatchlistVersion:
    """Load the individuals of a UN consolidated list XML file."""
    report = Report(source, "record")
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException) as err:
        report.add(None, f"not readable XML ({err}): nothing loaded", Severity.ERROR)
        return WatchlistVersion(watchlist, (), report.sorted())
    individuals = root.findall("./INDIVIDUALS/INDIVIDUAL")
    if root.tag != "CONSOLIDATED_LIST" or not individuals:
        report.add(
            None, f"no CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL in <{root.tag}>", Severity.ERROR
        )
    others = len(root.findall("./ENTITIES/ENTITY"))
    if others:
        report.add(None, f"{plural(others, 'entity')} not a person: left out", Severity.INFO)
    located = ((n, _entry(e, n, report, watchlist.id)) for n, e in enumerate(individuals, 1))
    entries = keep_first(((n, e) for n, e in located if e is not None), report)
    return WatchlistVersion(watchlist, entries, report.sorted())


def _entry(item: Element, at: int, report: Report, list_id: str) -> WatchlistEntry | None:
    entry_id = _text(item, "REFERENCE_NUMBER") or _text(item, "DATAID")
    if not entry_id:
        report.add(at, "no REFERENCE_NUMBER or DATAID: skipped", Severity.ERROR)
        return None
    names = _names(item, at, report)
    if not names:
        report.add(at, f"{entry_id} has no usable name: skipped", Severity.ERROR)
        return None
    updated = sorted(filter(None, map(day, _texts(item, "LAST_DAY_UPDATED/VALUE"))))
    listed = day(_text(item, "LISTED_ON"))
    return WatchlistEntry(
        id=entry_id,
        names=names,
        birth_dates=_birth_dates(item, at, report),
        birth_places=unique(_place(p) for p in item.findall("INDIVIDUAL_PLACE_OF_BIRTH")),
        nationalities=unique(
            country(v, report, at, "nationality") or "" for v in _texts(item, "NATIONALITY/VALUE")
        ),
        sex=_SEX.get(_text(item, "GENDER").lower()),
        documents=_documents(item, at, report),
        first_seen=listed,
        last_seen=updated[-1] if updated else listed,
        list_id=list_id,
    )


def _names(item: Element, at: int, report: Report) -> tuple[EntryName, ...]:
    raw = [(" ".join(filter(None, (_text(item, p) for p in _NAME_PARTS))), NameKind.PRIMARY)]
    raw += [(t, NameKind.ORIGINAL_SCRIPT) for t in _texts(item, "NAME_ORIGINAL_SCRIPT")]
    for alias in item.findall("INDIVIDUAL_ALIAS"):
        low = _text(alias, "QUALITY").lower() in {"low", "a.k.a. low"}
        raw.append((_text(alias, "ALIAS_NAME"), NameKind.WEAK_ALIAS if low else NameKind.ALIAS))
    names: dict[str, EntryName] = {}
    for text, kind in raw:
        name = entry_name(text, kind, report, at)
        if name is not None and name.full not in names:
            names[name.full] = name
    return tuple(names.values())


def _birth_dates(item: Element, at: int, report: Report) -> tuple[BirthDate, ...]:
    dates: list[BirthDate] = []
    for element in item.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        date = _birth_date(element)
        if date is not None:
            dates.append(date)
        elif any((child.text or "").strip() for child in element):
            shown = ", ".join(f"{c.tag}={(c.text or '').strip()}" for c in element)
            report.add(at, f"date of birth ({shown}) cannot be read: left out")
    return tuple(dict.fromkeys(dates))


def _birth_date(element: Element) -> BirthDate | None:
    kind = _text(element, "TYPE_OF_DATE").upper() or "EXACT"
    date = partial_date(_text(element, "DATE")) or partial_date(_text(element, "YEAR"))
    if kind == "BETWEEN":
        start = partial_date(_text(element, "FROM_YEAR"))
        end = partial_date(_text(element, "TO_YEAR"))
        return BirthDate(start, end) if start and end and start <= end else None
    if date is None:
        return None
    if kind.startswith("APPROX"):
        return approximate(date.year)
    return BirthDate(date) if kind == "EXACT" else None


def _place(element: Element) -> str:
    parts = (_text(element, p) for p in ("CITY", "STATE_PROVINCE", "COUNTRY"))
    return ", ".join(p for p in parts if p)


def _documents(item: Element, at: int, report: Report) -> tuple[EntryDocument, ...]:
    documents: list[EntryDocument] = []
    for element in item.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(element, "NUMBER")
        kind = document_type(_text(element, "TYPE_OF_DOCUMENT"))
        if not number:
            report.add(at, f"document ({kind or 'no type'}) without a number: left out")
            continue
        issuer = _text(element, "ISSUING_COUNTRY") or _text(element, "COUNTRY_OF_ISSUE")
        code = country(issuer, report, at, "issuing country") if issuer else None
        documents.append(EntryDocument(number, kind, code))
    return tuple(dict.fromkeys(documents))
