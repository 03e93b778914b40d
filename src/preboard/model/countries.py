"""Country codes: everything is kept as ISO 3166 alpha-3 (ICAO 9303 codes where they differ)."""

from __future__ import annotations

from functools import cache

import pycountry

# ICAO Doc 9303 Part 3 codes that are not ISO 3166 alpha-3, or that stand for one.
_ICAO_EXTRA = {
    "D": "DEU",  # Germany on its own documents
    "GBD": "GBD",
    "GBN": "GBN",
    "GBO": "GBO",
    "GBP": "GBP",
    "GBS": "GBS",
    "RKS": "RKS",  # Kosovo
    "UNO": "UNO",
    "UNA": "UNA",
    "UNK": "UNK",
    "XXA": "XXA",  # stateless
    "XXB": "XXB",  # refugee (1951 convention)
    "XXC": "XXC",  # refugee (other)
    "XXX": "XXX",  # unspecified nationality
    "UTO": "UTO",  # Utopia, ICAO's specimen state
    "EUE": "EUE",
    "XOM": "XOM",
    "XPO": "XPO",
}


@cache
def to_alpha3(code: str) -> str | None:
    """ISO alpha-3 for an alpha-2 or alpha-3 code (or an ICAO 9303 code); ``None`` if unknown."""
    text = code.strip().upper().replace("<", "")
    if not text:
        return None
    if text in _ICAO_EXTRA:
        return _ICAO_EXTRA[text]
    if len(text) == 2:
        country = pycountry.countries.get(alpha_2=text)
    elif len(text) == 3:
        country = pycountry.countries.get(alpha_3=text)
    else:
        return None
    return None if country is None else str(country.alpha_3)


def normalise_country(code: str) -> tuple[str | None, bool]:
    """``(value, known)``: the alpha-3 code when known, else the cleaned raw text and ``False``.

    Real feeds carry obfuscated or invalid codes (``ABC``); they are kept, not dropped, and the
    caller reports them.
    """
    text = code.strip().upper()
    if not text:
        return None, True
    alpha3 = to_alpha3(text)
    return (alpha3, True) if alpha3 else (text, False)
