"""Forms of payment (FOP) and card-number hygiene.

A card number is never kept, masked or not: the payment holds the method, the vendor, a keyed
fingerprint of the number as sent (so two bookings paid with the same card share it), the last
four digits and the expiry. Text that is kept as sent (unread segments, remarks) has anything
that looks like a card number masked first.
"""

from __future__ import annotations

from preboard.ingest.edifact import Segment
from preboard.ingest.options import fingerprint
from preboard.model import Payment, PaymentMethod

_METHODS = {
    "CC": PaymentMethod.CARD,
    "DC": PaymentMethod.CARD,
    "CA": PaymentMethod.CASH,
    "MS": PaymentMethod.MISC,
    "GR": PaymentMethod.GOVERNMENT,
    "CK": PaymentMethod.CHECK,
    "IN": PaymentMethod.INVOICE,
}


def last4(number: str) -> str | None:
    """The last four digits of a card number as sent (``XXXXXXXXXXXX2826`` gives ``2826``)."""
    digits = "".join(ch for ch in number if ch.isdecimal())
    return digits[-4:] if len(digits) >= 4 else None


def read_fop(seg: Segment, key: bytes, currency: str | None) -> tuple[list[Payment], list[str]]:
    """Each form of payment of an FOP segment, and the codes that were not known.

    ``FOP+CC::800.00:AX:372395XXXXX9581:0318`` is a card: type, (old data), amount, vendor,
    number, expiry. Several forms may follow as further elements.
    """
    payments: list[Payment] = []
    unknown: list[str] = []
    for comps in seg.elements:
        code = comps[0].strip().upper() if comps else ""
        if not code:
            continue
        method = _METHODS.get(code)
        if method is None:
            unknown.append(code)
            method = PaymentMethod.OTHER
        amount = comps[2].strip() if len(comps) > 2 else ""
        number = comps[4].strip() if len(comps) > 4 else ""
        expiry = comps[5].strip() if len(comps) > 5 else ""
        vendor = comps[3].strip().upper() if len(comps) > 3 else ""
        payments.append(
            Payment(
                method=method,
                amount=amount or None,
                currency=currency if amount else None,
                card_vendor=vendor or None,
                card_fingerprint=fingerprint(number, key) if number else None,
                card_last4=last4(number) if number else None,
                card_expiry=expiry or None,
            )
        )
    return payments, unknown


def write_fop(payment: Payment) -> list[str]:
    """The components of an FOP element for ``payment``; a card is written masked."""
    code = next((k for k, v in _METHODS.items() if v == payment.method), "MS")
    number = ""
    if payment.card_last4:
        number = "X" * 12 + payment.card_last4
    return [
        code,
        "",
        payment.amount or "",
        payment.card_vendor or "",
        number,
        payment.card_expiry or "",
    ]
