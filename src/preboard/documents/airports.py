"""Airport to country: the destination country of a flight, for the visa check.

The package ships a small table (``data/airports.csv``, header ``airport,country``) of the main
Mexican, US and Canadian airports; an operator passes a larger mapping where needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from preboard.documents.tables import open_table, problem, read_rows
from preboard.model import Flight, Problem
from preboard.model.countries import to_alpha3

__all__ = ["HEADER", "default_airports", "destination_country", "load_airports", "read_airports"]

HEADER = ("airport", "country")


def read_airports(lines: Iterable[str], file: str) -> tuple[dict[str, str], list[Problem]]:
    """``{IATA code: alpha-3 country}`` from the lines of an ``airport,country`` table, and
    the rows that could not be used."""
    problems: list[Problem] = []
    airports: dict[str, str] = {}
    for line, values in read_rows(lines, file, HEADER, problems):
        code, country = (value.strip() for value in values)
        alpha3 = to_alpha3(country)
        if len(code) != 3 or not code.isalpha() or alpha3 is None:
            problems.append(problem(file, line, "expected an IATA code and a country code"))
            continue
        airports[code.upper()] = alpha3
    return airports, problems


def load_airports(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """Read an ``airport,country`` CSV file (see ``read_airports``)."""
    return read_airports(open_table(path), str(path))


@cache
def default_airports() -> Mapping[str, str]:
    """The table shipped in the package, read once."""
    table = resources.files("preboard.documents").joinpath("data/airports.csv")
    text = table.read_text(encoding="utf-8")
    airports, _ = read_airports(text.splitlines(), "preboard/documents/data/airports.csv")
    return MappingProxyType(airports)


def destination_country(flight: Flight | None, airports: Mapping[str, str]) -> str | None:
    """The country of the flight's final arrival airport (its last leg), or ``None``."""
    if flight is None:
        return None
    last = flight.legs[-1].destination if flight.legs else flight.destination
    return airports.get((last or "").strip().upper())
