"""Masking of identifiers for screens and logs that must not show them in full.

Full document numbers, card numbers and contacts appear only in the audit trail and on the
officer's screen; tables printed by the command line, logs and exports for analysts use these.
"""

from __future__ import annotations


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
