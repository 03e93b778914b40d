"""Masking of identifiers for screens and logs that must not show them in full.

Full document numbers, card numbers and contacts appear only in the audit trail and on the
officer's screen; tables printed by the command line, logs and exports for analysts use these.
"""

from __future__ import annotations

import re


def mask_tail(value: str | None, keep: int = 3) -> str:
    """``"•••••631"``: all but the last ``keep`` characters hidden (short values fully)."""
    if not value:
        return ""
    if len(value) <= keep + 2:
        return "•" * len(value)
    return "•" * (len(value) - keep) + value[-keep:]


def mask_email(value: str) -> str:
    """``"m•••@gmail.com"``: the first letter of the local part and the domain."""
    local, _, domain = value.partition("@")
    if not domain:
        return mask_tail(value)
    return (local[:1] + "•••") + "@" + domain


def mask_phone(value: str) -> str:
    """``"+52•••••1234"``: a leading ``+`` and the country prefix guess kept, last 4 digits."""
    prefix = value[:3] if value.startswith("+") else ""
    rest = value[len(prefix) :]
    return prefix + mask_tail(rest, 4)


_PAN = re.compile(r"(?<![\dX])\d(?:[ -]?[\dX]){11,18}(?![\dX])")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _mask(m: re.Match[str]) -> str:
    text = m.group()
    digits = "".join(ch for ch in text if ch.isdecimal())
    if "X" not in text and not (13 <= len(digits) <= 19 and _luhn_ok(digits)):
        return text
    return "X" * (len(digits) - 4) + digits[-4:] if len(digits) >= 4 else text


def mask_pans(text: str) -> str:
    """``text`` with card numbers (13-19 digits passing the Luhn check, or partly masked
    already) replaced by ``X`` but for the last four digits."""
    if not any(ch.isdecimal() for ch in text):
        return text
    return _PAN.sub(_mask, text)
