"""Readable tables of manifests for the terminal. Document numbers and contacts are masked."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from preboard.ingest.reader import ReadResult
from preboard.model import Booking, Manifest, Problem, Severity, Traveller
from preboard.privacy import mask_email, mask_phone, mask_tail

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def console(*, stderr: bool = False) -> Console:
    """The console used by every command (plain output when not a terminal)."""
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=140)


def _flight_title(m: Manifest) -> str:
    f = m.flight
    files = sorted({r.file.rsplit("/", 1)[-1] for r in m.messages})
    head = f"{m.source.value.upper()}"
    if m.list_type:
        head += f" ({m.list_type})"
    if f is None:
        return f"{head}: {', '.join(files)}"
    when = f.departure.strftime("%Y-%m-%d %H:%M") if f.departure else "?"
    route = " → ".join([f.legs[0].origin or "?", *[leg.destination or "?" for leg in f.legs]])
    return f"{head} {f.designator} {route} departs {when} · {', '.join(files)}"


def _traveller_row(t: Traveller) -> list[str]:
    doc = t.documents[0] if t.documents else None
    doc_text = (
        f"{doc.type or '?'} {mask_tail(doc.number)} {doc.issuing_country or ''}" if doc else ""
    )
    if doc is not None and doc.expiry:
        doc_text += f" exp {doc.expiry.isoformat()}"
    extra = f" +{len(t.documents) - 1}" if len(t.documents) > 1 else ""
    return [
        t.role.value,
        t.surname,
        t.given_names,
        t.birth_date.iso() if t.birth_date else "",
        t.sex.value if t.sex else "",
        t.nationality or "",
        doc_text + extra,
        t.seat or "",
        "" if t.bags is None else str(t.bags),
        t.reservation_ref or "",
    ]


def travellers_table(m: Manifest) -> Table:
    table = Table(title=_flight_title(m), title_justify="left", expand=False)
    for col in ("role", "surname", "given names", "born", "sex", "nat", "document", "seat"):
        table.add_column(col)
    table.add_column("bags", justify="right")
    table.add_column("booking")
    for t in m.travellers:
        table.add_row(*(Text(cell) for cell in _traveller_row(t)))
    return table


def _booking_row(b: Booking) -> list[str]:
    pays = ", ".join(
        p.method.value + (f" {p.card_vendor or ''}…{p.card_last4}" if p.card_last4 else "")
        for p in b.payments
    )
    contacts = [mask_phone(p) for p in b.contacts.phones] + [
        mask_email(e) for e in b.contacts.emails
    ]
    route = " ".join(f"{s.origin}-{s.destination}" for s in b.itinerary)
    return [
        b.record_locator,
        b.booked_at.strftime("%Y-%m-%d %H:%M") if b.booked_at else "",
        b.agency or "",
        pays,
        ", ".join(contacts),
        str(len(b.travellers)),
        route,
    ]


def bookings_table(m: Manifest) -> Table:
    table = Table(title=f"bookings ({len(m.bookings)})", title_justify="left")
    for col in ("locator", "booked", "agency", "payment", "contacts", "pax", "itinerary"):
        table.add_column(col)
    for b in m.bookings:
        table.add_row(*(Text(cell) for cell in _booking_row(b)))
    return table


def problems_table(problems: tuple[Problem, ...]) -> Table:
    table = Table(title=f"problems ({len(problems)})", title_justify="left")
    for col in ("severity", "file", "segment", "message"):
        table.add_column(col)
    for p in problems:
        table.add_row(
            Text(p.severity.value, style=_SEVERITY_STYLE[p.severity]),
            Text(p.file.rsplit("/", 1)[-1]),
            "" if p.segment is None else str(p.segment),
            Text(p.message),
        )
    return table


def render_result(result: ReadResult, out: Console) -> None:
    """Print every manifest as tables, then the problems."""
    for m in result.manifests:
        out.print(travellers_table(m))
        if m.bookings:
            out.print(bookings_table(m))
        if m.unread:
            tags = sorted({u.tag for u in m.unread})
            out.print(Text(f"{len(m.unread)} segments kept unread: {', '.join(tags)}", "dim"))
        out.print()
    problems = result.all_problems
    if problems:
        out.print(problems_table(problems))
    if not result.manifests:
        out.print(Text("no manifest could be read", "bold red"))
