"""Keys that recognise the same traveller, and the same hit on them, in a later message.

``traveller_identity`` folds the name and takes the birth date and the first numbered document;
``hit_fingerprint`` adds what the hit is about (its kind, code, and the list entry or the data
field it concerns). A dismissed hit's fingerprint is remembered, so the same person does not
raise the same false alert on the next message (DOMAIN.md §4.6). Both are SHA-256 hex digests:
they hold no name in clear.
"""

from __future__ import annotations

import hashlib
import re

from preboard.model import Traveller
from preboard.model.findings import Finding

__all__ = ["hit_fingerprint", "traveller_identity"]

_FOLD = re.compile(r"[^0-9A-Z]+")
_SUBJECT_KEYS = ("entry_id", "field")  # what a hit is about, beyond its code


def _fold(text: str | None) -> str:
    return _FOLD.sub(" ", (text or "").upper()).strip()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def traveller_identity(traveller: Traveller) -> str:
    """The same for the same person in any message: folded names, birth date and first
    numbered document; the message's own references only when there is neither."""
    parts = [_fold(traveller.surname), _fold(traveller.given_names)]
    parts.append(traveller.birth_date.iso() if traveller.birth_date else "")
    document = next((d for d in traveller.documents if d.number), None)
    if document is not None:
        number = _fold(document.number).replace(" ", "")
        parts.append(f"{document.type or ''}:{document.issuing_country or ''}:{number}")
    elif traveller.birth_date is None:
        parts.append(f"{traveller.reservation_ref or ''}:{traveller.ref or ''}")
    return _digest(*parts)


def hit_fingerprint(identity: str, finding: Finding) -> str:
    """The same for the same traveller identity and the same entry, rule or check."""
    detail = dict(finding.detail)
    subject = "|".join(f"{k}={detail[k]}" for k in _SUBJECT_KEYS if k in detail)
    return _digest(identity, finding.kind.value, finding.code, subject)
