"""Traveller SSRs resolved once the whole PNR is read: DOCS, DOCO, DOCA, TKNE, INFT, FQTV and
seat requests go to the traveller their reference names (or whose group they sit in).

Infant data rides on the adult: an infant's DOCS (gender ``MI``/``FI``) and SSR INFT usually
carry the adult's reference, so they are moved to the infant's TIF, or to an infant traveller
made from them when the PNR has no TIF for the infant.
"""

from __future__ import annotations

from preboard.ingest.context import Context
from preboard.ingest.pnrgov import contacts
from preboard.ingest.pnrgov.drafts import BookingDraft, Pending, TicketDraft
from preboard.ingest.pnrgov.drafts import TravellerDraft as Draft
from preboard.ingest.pnrgov.names import squash
from preboard.ingest.pnrgov.ssr import (
    parse_doco,
    parse_docs,
    parse_inft,
    seat_number,
    ticket_number,
)
from preboard.model import Severity, TravelDocument

INFANT = "IN"


def resolve(d: BookingDraft, ctx: Context) -> None:
    """Apply every pending SSR of the PNR, infants first so their documents find them."""
    handlers = {"INFT": _inft, "DOCS": _docs, "DOCO": _doco, "DOCA": _doca, "TKNE": _tkne}
    ordered = sorted(d.pending, key=lambda p: p.ssr.code != "INFT")
    for p in ordered:
        handler = handlers.get(p.ssr.code)
        if handler is not None:
            handler(d, ctx, p)
        elif p.ssr.code == "FQTV":
            _fqtv(d, ctx, p)
        else:
            _seats(d, ctx, p)


def _owner(d: BookingDraft, p: Pending, ref: str | None = None) -> int | None:
    ref = ref if ref is not None else (p.ssr.refs[0] if p.ssr.refs else "")
    if ref:
        found = next((i for i, t in enumerate(d.travellers) if t.ref == ref), None)
        if found is not None:
            return found
    if p.owner is not None:
        return p.owner
    return 0 if len(d.travellers) == 1 else None


def _unowned(d: BookingDraft, ctx: Context, p: Pending) -> None:
    ctx.problem(
        p.seg,
        f"SSR {p.ssr.code} cannot be tied to a traveller (no matching reference among "
        f"{len(d.travellers)} travellers); kept unread",
        Severity.WARNING,
    )
    ctx.keep(p.seg)


def _find_infant(d: BookingDraft, surname: str, given: str) -> int | None:
    sur, giv = squash(surname), squash(given)
    for i, t in enumerate(d.travellers):
        if t.kind != INFANT or squash(t.surname) != sur:
            continue
        mine = squash(t.given)
        if not giv or not mine or mine.startswith(giv) or giv.startswith(mine):
            return i
    return None


def _new_infant(d: BookingDraft, index: int, surname: str, given: str, adult: int | None) -> int:
    parent = d.travellers[adult] if adult is not None else None
    ref = f"{parent.ref}I" if parent is not None and parent.ref else ""
    infant = Draft(index, surname, given, kind=INFANT, ref=ref, infant=True)
    d.travellers.append(infant)
    return len(d.travellers) - 1


def _inft(d: BookingDraft, ctx: Context, p: Pending) -> None:
    infant = parse_inft(p.ssr.text, ctx.reference)
    if infant is None:
        ctx.problem(p.seg, "SSR INFT without the infant's name", Severity.INFO)
        return
    adult = _owner(d, p)
    found = _find_infant(d, infant.surname, infant.given)
    if found is None:
        found = _new_infant(d, p.seg.index, infant.surname, infant.given, adult)
    parent = d.travellers[adult].ref if adult is not None and adult != found else ""
    tie = ("infant_of", parent)
    if parent and tie not in d.travellers[found].extra:
        d.travellers[found].extra.append(tie)
    if d.travellers[found].birth_date is None:
        d.travellers[found].birth_date = infant.birth_date


def _docs(d: BookingDraft, ctx: Context, p: Pending) -> None:
    docs = parse_docs(p.ssr.text, ctx.reference)
    if docs is None:
        ctx.problem(p.seg, "SSR DOCS without any data", Severity.INFO)
        return
    owner = _owner(d, p)
    if docs.infant and (owner is None or d.travellers[owner].kind != INFANT):
        owner = _find_infant(d, docs.surname, docs.given)
        if owner is None:
            owner = _new_infant(d, p.seg.index, docs.surname, docs.given, _owner(d, p))
    if owner is None:
        _unowned(d, ctx, p)
        return
    if docs.shift:
        where = "missing" if docs.shift > 0 else "extra"
        ctx.problem(
            p.seg,
            f"SSR DOCS has {abs(docs.shift)} {where} field(s) before the birth date; "
            "realigned on the birth date and gender",
            Severity.WARNING,
        )
    _unknown_countries(ctx, p, docs.unknown_countries)
    t = d.travellers[owner]
    _add_document(t, docs.document)
    t.birth_date = t.birth_date or docs.birth_date
    t.sex = t.sex or docs.sex
    t.nationality = t.nationality or docs.document.nationality
    t.infant = t.infant or docs.infant
    t.docs_given = t.docs_given or docs.given


def _doco(d: BookingDraft, ctx: Context, p: Pending) -> None:
    doco = parse_doco(p.ssr.text, ctx.reference)
    owner = _owner(d, p)
    if doco is None or owner is None:
        if doco is None:
            ctx.problem(p.seg, "SSR DOCO without any data", Severity.INFO)
        else:
            _unowned(d, ctx, p)
        return
    if doco.shifted:
        ctx.problem(
            p.seg, "SSR DOCO has no birth place field; read from the type on", Severity.WARNING
        )
    _unknown_countries(ctx, p, doco.unknown_countries)
    t = d.travellers[owner]
    _add_document(t, doco.document)
    t.birth_place = t.birth_place or doco.birth_place


def _doca(d: BookingDraft, ctx: Context, p: Pending) -> None:
    kind, address, country, known = contacts.doca(p.ssr.text)
    if address is not None:
        d.add_address(address)
    if not known:
        _unknown_countries(ctx, p, (country or "",))
    owner = _owner(d, p)
    if kind == "R" and owner is not None and country:
        d.travellers[owner].residence = d.travellers[owner].residence or country


def _tkne(d: BookingDraft, ctx: Context, p: Pending) -> None:
    found = ticket_number(p.ssr.text)
    if found is None:
        ctx.problem(p.seg, "SSR TKNE without a ticket number", Severity.INFO)
        return
    number, infant = found
    owner = _owner(d, p)
    if infant:
        owner = next((i for i, t in enumerate(d.travellers) if t.kind == INFANT), owner)
    known = next((t for t in d.tickets if t.number == number), None)
    if known is None:
        d.tickets.append(TicketDraft(number, owner))
    elif known.traveller is None:
        known.traveller = owner


def _fqtv(d: BookingDraft, ctx: Context, p: Pending) -> None:
    owner = _owner(d, p)
    number = "".join(p.ssr.text.split("/")[0].split())
    if owner is None or not number:
        _unowned(d, ctx, p)
        return
    if number not in d.travellers[owner].frequent_flyer:
        d.travellers[owner].frequent_flyer.append(number)


def _seats(d: BookingDraft, ctx: Context, p: Pending) -> None:
    s = p.ssr
    leg: object = p.leg
    at = (s.board, s.off)
    current = d.legs[p.leg] if p.leg is not None else None
    if s.board and s.off and (current is None or (current.origin, current.destination) != at):
        leg = next((g.index for g in d.legs if (g.origin, g.destination) == at), at)
    for seat_text, ref in s.seats:
        seat = seat_number(seat_text)
        owner = _owner(d, p, ref)
        if seat is None:
            continue
        if owner is None:
            _unowned(d, ctx, p)
            return
        d.seats.setdefault((owner, leg), seat)
    if not s.seats and s.text.strip():
        d.add_remark(f"SSR {s.code} {s.text}")


def _add_document(t: Draft, doc: TravelDocument) -> None:
    if doc.type is None and doc.number is None:
        return  # a DOCS with only a birth date, gender or name
    key = (doc.type, doc.number)
    if all((x.type, x.number) != key for x in t.documents):
        t.documents.append(doc)


def _unknown_countries(ctx: Context, p: Pending, codes: tuple[str, ...]) -> None:
    for code in codes:
        ctx.problem(p.seg, f"SSR {p.ssr.code}: country {code!r} is not a known code", Severity.INFO)
