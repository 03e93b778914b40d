"""What an MRZ says: ``Mrz`` with its check digits, as a dict or as a ``Traveller``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from preboard.ingest.mrz.checks import birth_partial, expiry_date
from preboard.model import PartialDate, Role, Sex, TravelDocument, Traveller
from preboard.model.countries import normalise_country


class MrzFormat(StrEnum):
    """The ICAO 9303 layouts."""

    TD1 = "TD1"  # 3 x 30, identity cards
    TD2 = "TD2"  # 2 x 36
    TD3 = "TD3"  # 2 x 44, passports
    MRV_A = "MRV-A"  # 2 x 44 visa, no composite check
    MRV_B = "MRV-B"  # 2 x 36 visa, no composite check


@dataclass(frozen=True, slots=True)
class MrzCheck:
    """One check digit: as printed (``found``), as computed (``expected``) and the verdict."""

    found: str
    expected: str
    valid: bool


@dataclass(frozen=True, slots=True)
class MrzDate:
    """A ``YYMMDD`` date as printed, and what it means (``None`` when impossible).

    Birth dates may have ``<<`` for an unknown month or day and become a partial date; the
    century is placed against the reference date given to ``parse_mrz``.
    """

    raw: str
    value: PartialDate | None


_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "X": Sex.UNSPECIFIED, "<": Sex.UNSPECIFIED}


@dataclass(frozen=True, slots=True)
class Mrz:
    """The fields of a machine-readable zone, trailing fillers removed from text fields.

    ``document_number`` includes the continuation of a long number (TD1, TD2, TD3: when the
    check digit position holds ``<``, the number goes on in the optional data).
    ``optional_data`` is the optional data of line 1 (TD1), the personal number (TD3) or the
    optional data (TD2, MRV); ``optional_data_2`` is TD1's second optional field.
    ``check_digits`` pairs each checked field with its check; ``checks`` gives them as a dict.
    """

    format: MrzFormat
    document_code: str
    issuing_state: str
    document_number: str = field(repr=False)
    nationality: str
    birth_date: MrzDate
    sex: str
    expiry: MrzDate
    surname: str
    given_names: str
    optional_data: str = field(repr=False)
    optional_data_2: str = field(repr=False)
    check_digits: tuple[tuple[str, MrzCheck], ...]

    @property
    def checks(self) -> dict[str, MrzCheck]:
        """Each checked field (``document_number``, ``birth_date``, ``expiry``,
        ``personal_number`` for TD3, ``composite`` for TD1/TD2/TD3) with its check."""
        return dict(self.check_digits)

    @property
    def validity(self) -> dict[str, bool]:
        """Each checked field with whether its check digit is right."""
        return {name: check.valid for name, check in self.check_digits}

    @property
    def valid(self) -> bool:
        """Every check digit right (including the composite where the layout has one)."""
        return all(check.valid for _, check in self.check_digits)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; dates as ``{"raw": "740812", "date": "1974-08-12"}``."""

        def date(value: MrzDate) -> dict[str, str | None]:
            return {"raw": value.raw, "date": value.value.iso() if value.value else None}

        return {
            "format": str(self.format),
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": date(self.birth_date),
            "sex": self.sex,
            "expiry": date(self.expiry),
            "surname": self.surname,
            "given_names": self.given_names,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "checks": {
                name: {"found": c.found, "expected": c.expected, "valid": c.valid}
                for name, c in self.check_digits
            },
            "valid": self.valid,
        }

    def to_traveller(self, reference: dt.date) -> Traveller:
        """The holder as a ``Traveller`` with this document.

        The birth date is placed in the past and the expiry near ``reference``; countries
        become ISO alpha-3 where known (ICAO codes such as ``D`` or ``UTO`` are kept); the
        document type is the first letter of the document code (``P``, ``I``, ``V``...).
        """
        nationality, _ = normalise_country(self.nationality)
        issuer, _ = normalise_country(self.issuing_state)
        document = TravelDocument(
            type=self.document_code[:1] or None,
            number=self.document_number or None,
            issuing_country=issuer,
            expiry=expiry_date(self.expiry.raw, reference),
            nationality=nationality,
        )
        return Traveller(
            role=Role.PASSENGER,
            surname=self.surname,
            given_names=self.given_names,
            birth_date=birth_partial(self.birth_date.raw, reference),
            sex=_SEX.get(self.sex),
            nationality=nationality,
            documents=(document,),
        )
