"""Forms of payment and card-number masking."""

from __future__ import annotations

from preboard.ingest.edifact import ServiceChars
from preboard.ingest.edifact.tokenizer import parse_segment
from preboard.ingest.options import fingerprint
from preboard.ingest.pnrgov.payments import read_fop
from preboard.model import PaymentMethod
from preboard.privacy import mask_pans


def test_card_cash_and_unknown_codes() -> None:
    seg = parse_segment("FOP+CC::800.00:AX:372395XXXXX9581:0318+CA::10.00+ZZ", ServiceChars(), 1)
    payments, unknown = read_fop(seg, b"k", "GBP")
    card, cash, other = payments
    assert card.method is PaymentMethod.CARD and card.card_last4 == "9581"
    assert card.card_fingerprint == fingerprint("372395XXXXX9581", b"k")
    assert (cash.method, cash.amount, cash.currency) == (PaymentMethod.CASH, "10.00", "GBP")
    assert other.method is PaymentMethod.OTHER and unknown == ["ZZ"]


def test_mask_pans_keeps_ticket_numbers() -> None:
    assert mask_pans("FOP+CC:::VI:4111111111111111:0829") == "FOP+CC:::VI:XXXXXXXXXXXX1111:0829"
    assert mask_pans("TKT+1392100000001:T:1") == "TKT+1392100000001:T:1"  # fails Luhn
