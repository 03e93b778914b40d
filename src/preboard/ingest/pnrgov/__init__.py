"""PNRGOV (UN/EDIFACT) PNR pushes: read into a ``Manifest`` of bookings, and write back.

``parse_pnrgov`` reads one message (from ``preboard.ingest.edifact.read_interchanges``);
``write_pnrgov`` writes a manifest's bookings as a PNRGOV interchange.
"""

from preboard.ingest.pnrgov.parser import parse_pnrgov
from preboard.ingest.pnrgov.writer import write_pnrgov

__all__ = ["parse_pnrgov", "write_pnrgov"]
