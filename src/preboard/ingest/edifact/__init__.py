"""UN/EDIFACT syntax: tokenizer, envelope reader and writer, tolerant of real feeds' noise."""

from preboard.ingest.edifact.interchange import EdifactMessage, Interchange, read_interchanges
from preboard.ingest.edifact.syntax import ServiceChars
from preboard.ingest.edifact.tokenizer import Segment
from preboard.ingest.edifact.writer import SegmentWriter

__all__ = [
    "EdifactMessage",
    "Interchange",
    "Segment",
    "SegmentWriter",
    "ServiceChars",
    "read_interchanges",
]
