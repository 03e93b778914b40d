"""``write_day``: the day as files, and the stamp that lets a caller reuse them.

    OUT/README.txt                   what the folder is (synthetic data) and its layout
    OUT/flights.csv                  the departures: times, aircraft, passengers, bookings, crew
    OUT/watchlist.csv                the watchlist (id,name,aliases,birth_date,nationality,
                                     document_number; ids SYN-000001…)
    OUT/lost_stolen.csv              issuing_country,document_type,document_number
    OUT/truth.json                   the planted travellers, one object each
    OUT/messages/<CARRIER><NUMBER>-<YYYY-MM-DD>/
        paxlst-1.edi … paxlst-N.edi  passenger list parts (PAXLST D:05B)
        paxlst-crew.edi              crew list
        pnrgov-1.edi … pnrgov-N.edi  PNR push parts (PNRGOV 13.1)
    OUT/.stamp                       seed, date, flights and generator version (JSON)

Every file is the same, byte for byte, for the same seed, date and number of flights.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from preboard.errors import ConfigurationError
from preboard.synthetic.day.messages import flight_messages
from preboard.synthetic.day.model import GENERATOR_VERSION, Day
from preboard.synthetic.day.readme import readme
from preboard.watchlist.loaders.csv_list import COLUMNS
from preboard.watchlist.model import NameKind

STAMP = ".stamp"
GENERATOR = "preboard.synthetic.day"


def stamp(seed: int, date: str, flights: int, version: str) -> str:
    """The text of ``.stamp`` for a day made with these arguments."""
    doc = {"generator": GENERATOR, "version": version, "seed": seed, "date": date}
    return json.dumps({**doc, "flights": flights}, sort_keys=True) + "\n"


def stamp_matches(out: Path, expected: str) -> bool:
    """Whether ``out`` holds a complete day whose stamp is ``expected``."""
    path = out / STAMP
    return path.is_file() and path.read_text(encoding="utf-8") == expected


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _watchlist(day: Day) -> str:
    rows = [list(COLUMNS)]
    for e in day.watchlist:
        primary = e.caption
        aliases = [n.full for n in e.names if n.full != primary or n.kind is not NameKind.PRIMARY]
        rows.append([
            e.id, primary, ";".join(aliases), ";".join(b.iso() for b in e.birth_dates),
            ";".join(e.nationalities), ";".join(d.number for d in e.documents),
        ])  # fmt: skip
    return _csv(rows)


def _flights(day: Day) -> str:
    rows = [["carrier", "number", "origin", "destination", "departure", "arrival", "aircraft",
             "seats", "passengers", "bookings", "crew", "folder"]]  # fmt: skip
    for f in day.flights:
        fl = f.flight
        rows.append([
            fl.carrier or "", fl.number or "", fl.origin or "", fl.destination or "",
            fl.departure.isoformat(timespec="minutes") if fl.departure else "",
            fl.arrival.isoformat(timespec="minutes") if fl.arrival else "", f.aircraft,
            str(f.seats), str(len(f.passengers)), str(len(f.bookings)), str(len(f.crew)),
            f"messages/{f.key}",
        ])  # fmt: skip
    return _csv(rows)


def _prepare(out: Path) -> None:
    """Clear a folder written before (its stamp says so); refuse any other non-empty one."""
    if (out / STAMP).is_file():
        (out / STAMP).unlink()
        shutil.rmtree(out / "messages", ignore_errors=True)
    elif out.is_dir() and any(out.iterdir()):
        raise ConfigurationError(
            f"{out} is not empty and holds no demo day ({STAMP} missing): choose an empty folder"
        )
    out.mkdir(parents=True, exist_ok=True)


def write_day(day: Day, out: Path) -> list[Path]:
    """Write ``day`` into ``out`` (see the module docstring); returns the files written, the
    stamp last, so an interrupted run leaves no stamp."""
    _prepare(out)
    texts: dict[str, str] = {}
    for flight in day.flights:
        for name, text in flight_messages(flight).items():
            texts[f"messages/{flight.key}/{name}"] = text
    lost = [["issuing_country", "document_type", "document_number"]]
    lost += [[r.issuing_country, r.document_type, r.document_number] for r in day.lost_stolen]
    truth = [case.to_dict() for case in day.truth]
    texts["watchlist.csv"] = _watchlist(day)
    texts["lost_stolen.csv"] = _csv(lost)
    texts["flights.csv"] = _flights(day)
    texts["truth.json"] = json.dumps(truth, ensure_ascii=False, indent=2) + "\n"
    texts["README.txt"] = readme(day)
    texts[STAMP] = stamp(day.seed, day.date.isoformat(), len(day.flights), GENERATOR_VERSION)
    written = []
    for name, text in texts.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
