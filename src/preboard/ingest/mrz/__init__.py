"""ICAO Doc 9303 machine-readable zones: TD1, TD2, TD3, MRV-A and MRV-B.

``parse_mrz`` reads the lines of an MRZ into an ``Mrz`` with every field, every check digit
found and expected, and an overall verdict; ``check_digit`` is the 7-3-1 check digit. Text
that is not an MRZ of a known layout raises ``MrzError`` with a reason a person can act on.
Document numbers are never put into error messages or the ``repr`` of an ``Mrz``.
"""

from preboard.ingest.mrz.checks import check_digit
from preboard.ingest.mrz.model import Mrz, MrzCheck, MrzDate, MrzFormat
from preboard.ingest.mrz.parse import parse_mrz

__all__ = ["Mrz", "MrzCheck", "MrzDate", "MrzFormat", "check_digit", "parse_mrz"]
