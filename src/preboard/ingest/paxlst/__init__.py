"""UN/EDIFACT PAXLST (advance passenger information): parser, multi-part assembly, writer.

``parse_paxlst`` reads PAXLST messages (D:02B, D:05B, D:12B and the legacy US CEDIPAX with
UNS/PDT) from any number of files, assembles the parts of multi-part messages and returns one
``Manifest`` per flight message. ``write_paxlst`` writes a manifest back as D:05B.
"""

from preboard.ingest.paxlst.assemble import parse_paxlst
from preboard.ingest.paxlst.writer import write_paxlst

__all__ = ["parse_paxlst", "write_paxlst"]
