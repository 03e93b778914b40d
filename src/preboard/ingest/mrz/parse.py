"""Reading MRZ lines: layout detection, field slicing and check digits."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from preboard.errors import MrzError
from preboard.ingest.mrz.checks import birth_partial, check_digit, expiry_date
from preboard.ingest.mrz.model import Mrz, MrzCheck, MrzDate, MrzFormat
from preboard.model import PartialDate

_BAD_CHAR = re.compile(r"[^A-Z0-9<]")
_LAYOUTS = (
    "2 lines of 44 characters (TD3 passport, MRV-A visa), 2 lines of 36 (TD2, MRV-B visa) "
    "or 3 lines of 30 (TD1 identity card)"
)


def _clean_lines(text: str | Sequence[str]) -> list[str]:
    raw = text.splitlines() if isinstance(text, str) else list(text)
    # OCR output puts spaces inside lines; fillers are never spaces, so removing them is safe.
    return [line.replace(" ", "").replace("\t", "").upper() for line in raw if line.strip()]


def _detect(lines: list[str]) -> MrzFormat:
    lengths = [len(line) for line in lines]
    if len(lines) == 3 and lengths == [30, 30, 30]:
        return MrzFormat.TD1
    if len(lines) == 2 and lengths in ([36, 36], [44, 44]):
        visa = lines[0].startswith("V")
        if lengths[0] == 36:
            return MrzFormat.MRV_B if visa else MrzFormat.TD2
        return MrzFormat.MRV_A if visa else MrzFormat.TD3
    if len(lines) not in (2, 3):
        raise MrzError(f"an MRZ has {_LAYOUTS}; found {len(lines)} non-empty lines")
    found = ", ".join(str(n) for n in lengths)
    raise MrzError(f"an MRZ has {_LAYOUTS}; found {len(lines)} lines of lengths {found}")


def _check_characters(lines: list[str]) -> None:
    for number, line in enumerate(lines, 1):
        bad = _BAD_CHAR.search(line)
        if bad:
            raise MrzError(
                f"line {number} has {bad.group()!r} at position {bad.start() + 1}: an MRZ "
                "holds only the letters A-Z, the digits 0-9 and the filler <"
            )


def _check(found: str, data: str, *, optional: bool = False) -> MrzCheck:
    expected = check_digit(data)
    valid = found == expected
    if optional and found == "<" and set(data) <= {"<"}:
        valid = True  # an empty optional field may carry a filler as its check digit
    return MrzCheck(found, expected, valid)


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def _number(principal: str, check: str, optional: str) -> tuple[str, str, str]:
    """``(number, check digit, rest of the optional data)`` with the long-number rule."""
    if check == "<" and optional[:1] not in ("", "<"):
        extension = optional.split("<", 1)[0]
        rest = optional[len(extension) + 1 :]  # the filler after the check digit
        return principal + extension[:-1], extension[-1], rest
    return principal, check, optional


def _dates(birth: str, expiry: str, reference: dt.date) -> tuple[MrzDate, MrzDate]:
    end = expiry_date(expiry, reference)
    return (
        MrzDate(birth, birth_partial(birth, reference)),
        MrzDate(expiry, PartialDate.from_date(end) if end else None),
    )


def _td1(lines: list[str], reference: dt.date) -> Mrz:
    l1, l2, l3 = lines
    number, found, optional = _number(l1[5:14], l1[14], l1[15:30])
    birth, expiry = _dates(l2[0:6], l2[8:14], reference)
    surname, given = _names(l3)
    checks = (
        ("document_number", _check(found, number)),
        ("birth_date", _check(l2[6], l2[0:6])),
        ("expiry", _check(l2[14], l2[8:14])),
        ("composite", _check(l2[29], l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])),
    )
    return Mrz(
        MrzFormat.TD1, l1[0:2].rstrip("<"), l1[2:5].rstrip("<"), number.rstrip("<"),
        l2[15:18].rstrip("<"), birth, l2[7], expiry, surname, given,
        optional.rstrip("<"), l2[18:29].rstrip("<"), checks,
    )  # fmt: skip


def _two_line(fmt: MrzFormat, lines: list[str], reference: dt.date) -> Mrz:
    l1, l2 = lines
    width = len(l2)
    optional_end = {MrzFormat.TD2: 35, MrzFormat.TD3: 42}.get(fmt, width)
    printed_optional = l2[28:optional_end]
    if fmt in (MrzFormat.TD2, MrzFormat.TD3):
        number, found, optional = _number(l2[0:9], l2[9], printed_optional)
    else:
        number, found, optional = l2[0:9], l2[9], printed_optional
    birth, expiry = _dates(l2[13:19], l2[21:27], reference)
    surname, given = _names(l1[5:])
    checks = [
        ("document_number", _check(found, number)),
        ("birth_date", _check(l2[19], l2[13:19])),
        ("expiry", _check(l2[27], l2[21:27])),
    ]
    if fmt is MrzFormat.TD3:
        checks.append(("personal_number", _check(l2[42], printed_optional, optional=True)))
    if fmt in (MrzFormat.TD2, MrzFormat.TD3):
        checks.append(("composite", _check(l2[-1], l2[0:10] + l2[13:20] + l2[21 : width - 1])))
    return Mrz(
        fmt, l1[0:2].rstrip("<"), l1[2:5].rstrip("<"), number.rstrip("<"),
        l2[10:13].rstrip("<"), birth, l2[20], expiry, surname, given,
        optional.rstrip("<"), "", tuple(checks),
    )  # fmt: skip


def parse_mrz(text: str | Sequence[str], *, reference: dt.date | None = None) -> Mrz:
    """Read an MRZ from its lines, or from one string with a line break between lines.

    Surrounding spaces, blank lines, lower case and spaces inside a line (an OCR habit) are
    tolerated; nothing else is repaired. The layout is found from the number and length of
    the lines (a first character ``V`` makes a visa). Dates are read against ``reference``
    (today when not given). Raises ``MrzError`` saying what was expected and what was found.
    """
    lines = _clean_lines(text)
    fmt = _detect(lines)
    _check_characters(lines)
    today = reference or dt.date.today()
    if fmt is MrzFormat.TD1:
        return _td1(lines, today)
    return _two_line(fmt, lines, today)
