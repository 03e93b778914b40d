"""PNRGOV XML: the IATA ``IATA_PNRGOV_NotifRQ`` PNR push (IATA PADIS XML schema).

No licensed sample of PNRGOV XML exists for this project: this reader and its fixtures were
written by us from the public description of the message (the IATA PNRGOV message
implementation guide and the PADIS XML schema names: ``Originator``/``MessageSource``,
``FlightLeg``, ``PNRs``/``PNR``, ``BookingRefID``, ``POS``, ``ContactInfo``, ``Passenger``
with ``GivenName``/``Surname`` or ``PersonName``, ``DOC_SSR`` with ``DOCS``/``DOCO``/``DOCA``,
``TicketDocument`` with ``PaymentInfo``, ``Flight`` itinerary segments). Names are matched
without their namespace (usually ``http://www.iata.org/IATA/2007/00``) and common variants
of element and attribute names are accepted, so the reader stays tolerant of real feeds.

The result is the model the EDIFACT reader gives: one ``Manifest`` per push with the flight,
one ``Booking`` per PNR (card numbers kept only as a keyed fingerprint and the last four
digits) and every traveller. Elements it does not read are listed in ``Manifest.unread`` and
counted in one INFO problem. The input is untrusted: it is parsed with ``defusedxml``.
"""

from preboard.ingest.pnrgov_xml.read import parse_pnrgov_xml

__all__ = ["parse_pnrgov_xml"]
