"""Contacts in PNRGOV free text: OSI ``CTC`` lines, ``ADD`` segments, SSR ``DOCA`` addresses.

Phones keep their digits and a leading ``+``; e-mails are lower case, with the airline
conventions undone (``..`` is ``_``, ``//`` is ``@``) and surrounding blanks removed.
"""

from __future__ import annotations

import re

from preboard.ingest.edifact import Segment
from preboard.model import Address
from preboard.model.countries import normalise_country

_PHONE = re.compile(r"\+?\d[\d \t().\-/]{4,}\d")
_CTC = re.compile(r"^(?:[A-Z0-9]{2} +)?CTC ?([A-Z])(.*)$", re.DOTALL)
_MIN_DIGITS = 6


def normalise_phone(text: str) -> str | None:
    """Digits of a phone number, with a leading ``+`` kept; ``None`` when under 6 digits."""
    text = text.strip()
    digits = "".join(ch for ch in text if ch.isdecimal())
    if len(digits) < _MIN_DIGITS:
        return None
    return ("+" + digits) if text.startswith("+") else digits


def phones_in(text: str) -> list[str]:
    """Every phone number in free text (``H5555555555 W 1 555 555 5555`` gives two)."""
    found: list[str] = []
    for m in _PHONE.finditer(text):
        phone = normalise_phone(m.group())
        if phone and phone not in found:
            found.append(phone)
    return found


def normalise_email(text: str) -> str | None:
    """``MOLLY..LOBB//GMAIL.COM`` as ``molly_lobb@gmail.com``; ``None`` when not an e-mail."""
    text = text.strip().replace("..", "_").replace("//", "@")
    at = text.find("@")
    if at <= 0:
        return None
    slash = text.find("/", at)
    if slash > 0:
        text = text[:slash]  # a trailing language or free-text suffix (``/EN``)
    text = "".join(text.split()).lower()
    domain = text[text.find("@") + 1 :]
    return text if "." in domain and "@" not in domain else None


def ctc(text: str) -> tuple[str, list[str]] | None:
    """An OSI or SSR contact line: ``("email", [...])`` or ``("phone", [...])``.

    ``CTCE`` is an e-mail; ``CTCM``, ``CTC M``, ``CTCH``, ``CTCB``, ``CTCT``, ``CTCP``, ``CTCR``
    and the others are phones. An optional airline code may lead (``AM CTCH …``). ``None`` when
    the text is not a contact line.
    """
    m = _CTC.match(text.strip().upper())
    if not m:
        return None
    kind, rest = m[1], m[2]
    if kind == "E":
        email = normalise_email(rest)
        return ("email", [email] if email else [])
    return ("phone", phones_in(rest))


def add_segment(seg: Segment) -> tuple[Address | None, list[str], str | None]:
    """``ADD++702:street:city:state:…:country:postal:phone``: the address, phones, raw country.

    The raw country is returned when it is not a known code, for the caller to report.
    """
    comps = seg.components(1)
    parts = [c.strip() for c in comps[1:5] if c.strip()]
    postal = comps[6].strip() if len(comps) > 6 else ""
    if postal:
        parts.append(postal)
    country_raw = comps[5] if len(comps) > 5 else ""
    country, known = normalise_country(country_raw)
    phone_text = " ".join(comps[7:]) if len(comps) > 7 else ""
    address = Address(", ".join(parts), country) if parts else None
    return address, phones_in(phone_text), None if known else country


def doca(text: str) -> tuple[str, Address | None, str | None, bool]:
    """SSR DOCA ``/R/USA/street/city/state/postal``: type (R residence, D destination), the
    address (``None`` without a street or city), the country, and whether the code is known."""
    fields = text.strip().lstrip("/").split("/")
    fields += [""] * (6 - len(fields))
    kind = fields[0].strip().upper()
    country, known = normalise_country(fields[1])
    parts = [f.strip() for f in fields[2:] if f.strip() and f.strip().upper() != "I"]
    address = Address(", ".join(parts), country) if parts else None
    return kind, address, country, known
