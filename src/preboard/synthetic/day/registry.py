"""Values that must be unique over the day, and the synthetic forms they take.

Record locators, document numbers, phones, e-mails, cards, ticket and bag-tag serials are
drawn here and never handed out twice, so innocent bookings share no contact, card or
document with one another. Document numbers are compared as a lost-stolen check would compare
them (separators dropped, O read as 0, I as 1), so an innocent passport never lands near a
listed or lost one by accident.

Contacts are synthetic: US and Canadian phones in the 555-01XX block kept for fiction, UK
phones in Ofcom's drama range 07700 900XXX, other countries' numbers with 555 after the
country code, and e-mails at example.com, example.net and example.org.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from preboard.synthetic.edits import compact
from preboard.synthetic.people import passport_number

_LOCATOR = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_US_AREAS = (
    "212", "305", "312", "214", "713", "404", "617", "415", "303", "602", "206", "702", "480",
    "469", "832", "917", "646", "786", "954", "407", "612", "313", "215", "267", "704", "980",
    "512", "737", "314", "410", "443", "202", "571", "703", "818", "310", "323", "213", "619",
    "858", "503", "801", "720", "972", "817", "281", "346", "504", "615", "901", "502", "317",
    "614", "216", "513", "414", "608", "651", "763", "952", "515", "402", "913", "816", "405",
    "918", "505", "520", "916", "408", "510", "650", "925", "360", "425", "253",
)  # fmt: skip
_CA_AREAS = (
    "416", "647", "604", "778", "514", "438", "403", "587", "613", "780", "905",
)  # fmt: skip
_MX_AREAS = ("998", "55", "33", "81", "984")
_CALLING = {
    "COL": "57", "PER": "51", "ARG": "54", "VEN": "58", "CUB": "53", "ESP": "34", "BRA": "55",
    "DEU": "49", "FRA": "33", "JPN": "81", "KOR": "82", "AUS": "61", "IRL": "353", "CHN": "86",
    "IND": "91", "RUS": "7", "UKR": "380", "NGA": "234", "VNM": "84", "PHL": "63",
}  # fmt: skip
_DOMAINS = ("example.com", "example.net", "example.org")


def document_key(number: str) -> str:
    """A document number as a lost-stolen check compares it: letters and digits only, upper
    case, with O read as 0 and I as 1."""
    return re.sub(r"[^A-Z0-9]", "", number.upper()).replace("O", "0").replace("I", "1")


class Registry:
    """Draws values that are unique over the day."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._taken: set[str] = set()

    def _unique(self, kind: str, draw: Callable[[], str], key: Callable[[str], str] = str) -> str:
        for _ in range(1000):
            value = draw()
            if f"{kind}:{key(value)}" not in self._taken:
                self._taken.add(f"{kind}:{key(value)}")
                return value
        raise RuntimeError(f"no unused {kind} value left")

    def reserve_document(self, number: str) -> bool:
        """Mark a document number used; ``False`` when it (or a look-alike) already was."""
        key = f"doc:{document_key(number)}"
        if key in self._taken:
            return False
        self._taken.add(key)
        return True

    def document(self, country: str) -> str:
        """A passport number in the format of ``country``, unused so far."""
        return self._unique("doc", lambda: passport_number(self.rng, country), document_key)

    def digits(self, kind: str, count: int, prefix: str = "") -> str:
        """``prefix`` followed by ``count`` random digits, unique within ``kind``."""
        return self._unique(kind, lambda: f"{prefix}{self.rng.randrange(10**count):0{count}d}")

    def locator(self) -> str:
        """A six-character record locator."""
        return self._unique("pnr", lambda: "".join(self.rng.choices(_LOCATOR, k=6)))

    def card_last4(self) -> str:
        """The last four digits of a card no other booking of the day used."""
        return self.digits("card", 4)

    def phone(self, country: str) -> str:
        """A synthetic phone number of ``country`` (digits with a leading ``+``)."""
        rng = self.rng

        def draw() -> str:
            if country in ("USA", "CAN"):
                area = rng.choice(_US_AREAS if country == "USA" else _CA_AREAS)
                return f"+1{area}55501{rng.randrange(100):02d}"
            if country == "MEX":
                area = rng.choice(_MX_AREAS)
                return f"+52{area}{'555' if len(area) == 3 else '5555'}{rng.randrange(10_000):04d}"
            if country == "GBR":
                return f"+447700900{rng.randrange(1000):03d}"
            return f"+{_CALLING.get(country, '1')}555{rng.randrange(1_000_000):06d}"

        return self._unique("phone", draw)

    def email(self, given: str, surname: str) -> str:
        """A synthetic e-mail made from a name, at an example domain."""
        first = (compact(given.split()[0]) if given.split() else "").lower() or "traveller"
        last = (compact(surname.split()[0]) if surname.split() else "").lower() or "mail"
        rng = self.rng

        def draw() -> str:
            style = rng.randrange(4)
            local = (f"{first}.{last}", f"{first[:1]}{last}", f"{first}{last}", f"{last}.{first}")
            number = "" if rng.random() < 0.3 else str(rng.randrange(1, 100))
            return f"{local[style]}{number}@{rng.choice(_DOMAINS)}"

        return self._unique("email", draw)
