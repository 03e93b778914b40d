"""Write a screening set to files that any tool can read (csv module, UTF-8).

- ``watchlist.csv``: ``id,name,aliases,birth_date,nationality,document_number``; several
  values joined with ``;``, a birth date range as ``YYYY/YYYY``, aliases including the
  original-script names.
- ``travellers.csv``: ``id,surname,given_names,birth_date,sex,nationality,document_number``.
- ``truth.jsonl``: one object per traveller: ``traveller_id``, ``entry_id`` (or null),
  ``kind``, ``variant``, ``origin``, and ``also`` (the second variant kind of a combined
  variant) and ``resembles`` (the entry a hard negative was made to resemble).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from preboard.synthetic.screening import ScreeningSet, make_screening_set
from preboard.watchlist.model import NameKind

WATCHLIST_HEADER = ("id", "name", "aliases", "birth_date", "nationality", "document_number")
TRAVELLERS_HEADER = (
    "id", "surname", "given_names", "birth_date", "sex", "nationality", "document_number",
)  # fmt: skip


def write_screening_set(screening: ScreeningSet, out_dir: Path) -> list[Path]:
    """Write ``watchlist.csv``, ``travellers.csv`` and ``truth.jsonl`` into ``out_dir``
    (created if needed); returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    watchlist, travellers, truth = (
        out_dir / "watchlist.csv", out_dir / "travellers.csv", out_dir / "truth.jsonl",
    )  # fmt: skip
    with watchlist.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(WATCHLIST_HEADER)
        for e in screening.entries:
            primary = e.caption
            aliases = [
                n.full for n in e.names if n.full != primary or n.kind is not NameKind.PRIMARY
            ]
            w.writerow([
                e.id, primary, ";".join(aliases), ";".join(b.iso() for b in e.birth_dates),
                ";".join(e.nationalities), ";".join(d.number for d in e.documents),
            ])  # fmt: skip
    with travellers.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(TRAVELLERS_HEADER)
        for t in screening.travellers:
            w.writerow([
                t.ref, t.surname, t.given_names, t.birth_date.iso() if t.birth_date else "",
                t.sex.value if t.sex else "", t.nationality or "",
                t.documents[0].number if t.documents and t.documents[0].number else "",
            ])  # fmt: skip
    with truth.open("w", encoding="utf-8") as f:
        for tid, truth_of in screening.truth.items():
            record = {
                "traveller_id": tid, "entry_id": truth_of.entry_id, "kind": truth_of.kind,
                "variant": truth_of.variant, "origin": truth_of.origin, "also": list(truth_of.also),
                "resembles": truth_of.resembles,
            }  # fmt: skip
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [watchlist, travellers, truth]


def main(out_dir: Path | str, seed: int = 1) -> list[Path]:
    """Build the default screening set for ``seed`` and write it into ``out_dir``."""
    return write_screening_set(make_screening_set(seed), Path(out_dir))
