"""Officers' past decisions on rule hits, used by back-tests for the confirmed-hit rate.

In a history folder, ``decisions.csv`` (UTF-8, a header row, one decision per row)::

    flight_date,record_locator,traveller_ref,rule_id,decision
    2026-11-20,ABC123,,R-FAC-001,confirmed
    2026-11-21,,P0042,R-FAC-002,dismissed

``flight_date`` is the flight's departure date (``YYYY-MM-DD``); ``record_locator`` or
``traveller_ref`` (the message's reference for the person), or both, say who; an empty
``traveller_ref`` means every traveller of the booking; ``decision`` is ``confirmed`` or
``dismissed``. A later row for the same key replaces an earlier one.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from preboard.errors import ConfigurationError

DECISIONS_FILE = "decisions.csv"
COLUMNS = ("flight_date", "record_locator", "traveller_ref", "rule_id", "decision")


class Decision(StrEnum):
    """What the officer decided about a hit."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class DecisionKey(NamedTuple):
    """Who on which day for which rule; an empty string stands for "any"."""

    flight_date: dt.date
    record_locator: str
    traveller_ref: str
    rule_id: str


Decisions = Mapping[DecisionKey, Decision]


class DecisionRow(BaseModel):
    """One row of ``decisions.csv``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    flight_date: dt.date
    record_locator: str = ""
    traveller_ref: str = ""
    rule_id: str
    decision: Decision

    @model_validator(mode="after")
    def _who(self) -> DecisionRow:
        if not (self.record_locator or self.traveller_ref):
            raise ValueError("give a record_locator or a traveller_ref")
        return self


def lookup(
    decisions: Decisions, day: dt.date, locator: str, ref: str, rule_id: str
) -> Decision | None:
    """The decision on a traveller: by locator and reference, locator alone, reference alone."""
    for key in ((locator, ref), (locator, ""), ("", ref)):
        if any(key):
            found = decisions.get(DecisionKey(day, key[0], key[1], rule_id))
            if found is not None:
                return found
    return None


def read_decisions(path: Path) -> dict[DecisionKey, Decision]:
    """Read ``decisions.csv``; raises ``ConfigurationError`` naming the line of a bad row."""
    found: dict[DecisionKey, Decision] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or set(reader.fieldnames) != set(COLUMNS):
            raise ConfigurationError(f"{path}: the header must be {','.join(COLUMNS)}")
        for row in reader:
            try:
                r = DecisionRow.model_validate(row)
            except ValidationError as err:
                reason = "; ".join(
                    f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()
                )
                raise ConfigurationError(f"{path} line {reader.line_num}: {reason}") from err
            key = DecisionKey(r.flight_date, r.record_locator, r.traveller_ref, r.rule_id)
            found[key] = r.decision
    return found
