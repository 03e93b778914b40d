"""The ``README.txt`` of a written day: what the folder is, its layout, the truth format."""

from __future__ import annotations

from collections import Counter

from preboard.synthetic.day.model import KINDS, Day

_TEXT = """\
SYNTHETIC DATA - a demo day for preboard (pre-departure passenger screening)

Every person, name, birth date, document, visa, phone number, e-mail address, card, booking
and watchlist entry in this folder is made up by preboard's seeded generator (common names
combined at random); none describes a real person. Phones use the ranges kept for fiction
(US/Canada 555-01XX, UK 07700 900XXX) or 555 after another country code; e-mails use the
example.com, example.net and example.org domains. Carriers, flight numbers and airports are
real codes, but the timetable is invented.

Day: {date}, departures from Cancun (CUN) to US airports. Seed {seed}.
Flights: {flights}. Passengers: {passengers} in {bookings} bookings. Crew: {crew}.
Watchlist entries: {entries}. Lost and stolen documents: {lost}.
Planted travellers: {planted} ({kinds}).

Regenerate with: preboard demo-data OUT --seed {seed} --date {date} --flights {flights}

Layout
  README.txt            this file
  flights.csv           the departures: times, aircraft, seats, passengers, bookings, crew
  watchlist.csv         id,name,aliases,birth_date,nationality,document_number (ids SYN-...;
                        several values joined with ';'), read by preboard's CSV list loader
  lost_stolen.csv       issuing_country,document_type,document_number
  truth.json            the planted travellers (see below)
  messages/<CARRIER><NUMBER>-<YYYY-MM-DD>/
    paxlst-1.edi ...    the passenger list (PAXLST D:05B) in parts of at most 100
                        travellers, sent 45 minutes before departure
    paxlst-crew.edi     the crew list (PAXLST, BGM+250)
    pnrgov-1.edi ...    the PNR push (PNRGOV 13.1, full push) in parts of at most 50 PNRs
  .stamp                the seed, date, flights and generator version of this folder

Each PAXLST traveller's reservation reference (RFF+AVF) is the record locator of their PNR
in the PNRGOV files, where SSR DOCS repeats their name, birth date, passport and nationality.

truth.json is a list of objects, one per planted traveller:
  case_id          CASE-001 ...
  kind             watchlist | lost_stolen | expired | facilitation | lookalike
  flight           {{"carrier", "number", "date"}}
  record_locator   the PNR
  surname, given_names, document_number, nationality   as on the passenger list
  expected         the finding codes a screening should raise: watchlist.match,
                   document.lost_stolen, document.expired, rule.R-FAC-001 and
                   rule.R-FAC-002; [] for look-alikes, innocent namesakes of listed people
  detail           how the case was made: the name variant and the listed entry, the form
                   of the lost-stolen list number, the expiry, the facilitation ring with
                   the agency and the contact it shares, the entry a look-alike resembles
Everyone not in truth.json is innocent, including the relatives who share a planted
traveller's PNR.
"""


def readme(day: Day) -> str:
    """The README of ``day``'s folder."""
    counts = Counter(case.kind for case in day.truth)
    return _TEXT.format(
        date=day.date.isoformat(),
        seed=day.seed,
        flights=len(day.flights),
        passengers=len(day.passengers),
        bookings=len(day.bookings),
        crew=sum(len(f.crew) for f in day.flights),
        entries=len(day.watchlist),
        lost=len(day.lost_stolen),
        planted=len(day.truth),
        kinds=", ".join(f"{counts[k]} {k}" for k in KINDS),
    )
