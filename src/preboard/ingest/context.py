"""What reading one manifest accumulates: problems, unread segments, reported codes.

Every EDIFACT parser records into one ``Context`` per manifest: a problem names the file, the
segment index and tag, and a reason; a segment the parser does not turn into the model is kept
as text (card numbers masked), so nothing is dropped silently. One ``Context`` is shared by all
parts of a multi-part PAXLST, so an unknown country code is reported once per manifest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from preboard.ingest.edifact import Segment
from preboard.ingest.options import DEVELOPMENT_KEY
from preboard.model import Problem, Severity, UnreadSegment
from preboard.model.countries import normalise_country
from preboard.privacy import mask_pans


@dataclass(slots=True)
class Context:
    """Mutable state of one manifest being read; ``file`` and ``reference`` follow the part.

    ``reference`` is the date two-digit years are read against; ``key`` keys card
    fingerprints; ``separator`` is the element separator in use (to rejoin split free text).
    """

    file: str = ""
    reference: dt.date = dt.date(2000, 1, 1)
    key: bytes = DEVELOPMENT_KEY
    separator: str = "+"
    problems: list[Problem] = field(default_factory=list)
    unread: list[UnreadSegment] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)

    def problem(
        self, seg: Segment | None, message: str, severity: Severity = Severity.WARNING
    ) -> None:
        """Record a problem at ``seg`` (or at the file when ``seg`` is ``None``)."""
        self.problems.append(
            Problem(
                self.file,
                seg.index if seg else None,
                message,
                severity,
                seg.tag if seg else None,
            )
        )

    def once(
        self, key: str, seg: Segment | None, message: str, severity: Severity = Severity.INFO
    ) -> None:
        """Record a problem the first time ``key`` is seen in this manifest."""
        if key not in self.reported:
            self.reported.add(key)
            self.problem(seg, message, severity)

    def keep(self, seg: Segment) -> None:
        """Keep a segment the parser does not turn into the model, card numbers masked."""
        self.unread.append(UnreadSegment(self.file, seg.index, seg.tag, mask_pans(seg.raw)))

    def country(self, seg: Segment, code: str) -> str | None:
        """The alpha-3 code of ``code``; unknown codes are kept as given and reported once."""
        value, known = normalise_country(code)
        if not known and value is not None:
            self.once(
                f"country:{value}",
                seg,
                f"country code {value!r} is not an ISO 3166 or ICAO 9303 code (obfuscated or "
                "wrong); kept as given (reported once per manifest)",
            )
        return value
