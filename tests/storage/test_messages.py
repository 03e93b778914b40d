"""Messages stored once by content hash, byte for byte, with their screening status."""

from __future__ import annotations

import datetime as dt

from preboard.storage import (
    Database,
    MessageStatus,
    content_hash,
    mark_message,
    pending_messages,
    store_message,
)
from preboard.storage.tables import MessageRow

NOW = dt.datetime(2026, 12, 1, 14, 30, tzinfo=dt.UTC)
# A PAXLST fragment with a stray Latin-1 byte and CRLF, as real feeds send: kept as is.
BODY = b"UNA:+.? 'UNB+UNOA:4+AA+USCBP+261201:1430+1'\r\nNAD+FL+++M\xdcLLER:ANA'"


def test_same_message_twice_is_stored_once(database: Database) -> None:
    with database.write() as session:
        first = store_message(session, BODY, kind="paxlst", source="aa.edi", now=NOW)
    with database.write() as session:
        again = store_message(session, BODY, kind="paxlst", source="resent.edi", now=NOW)
        other = store_message(session, BODY + b"'", kind="paxlst", source="aa.edi", now=NOW)
    assert (first.duplicate, again.duplicate, other.duplicate) == (False, True, False)
    assert again.id == first.id != other.id
    assert first.content_hash == content_hash(BODY)
    with database.session() as session:
        assert session.query(MessageRow).count() == 2


def test_body_is_kept_byte_for_byte_with_its_metadata(database: Database) -> None:
    with database.write() as session:
        stored = store_message(session, BODY, kind="paxlst", source="aa.edi", now=NOW)
    with database.session() as session:
        row = session.get(MessageRow, stored.id)
        assert row is not None
        assert row.body == BODY
        assert (row.kind, row.source, row.size) == ("paxlst", "aa.edi", len(BODY))
        assert row.received_at == NOW
        assert row.status is MessageStatus.RECEIVED


def test_pending_messages_until_marked_screened_or_failed(database: Database) -> None:
    with database.write() as session:
        ids = [
            store_message(session, b"m%d" % i, kind="csv", source="x", now=NOW).id for i in range(3)
        ]
    with database.write() as session:
        assert pending_messages(session) == ids
        mark_message(session, ids[0], MessageStatus.SCREENED, now=NOW)
        problems = [{"file": "x", "segment": 3, "message": "bad UNT count", "severity": "warning"}]
        mark_message(session, ids[1], MessageStatus.FAILED, now=NOW, problems=problems)
    with database.session() as session:
        assert pending_messages(session) == ids[2:]
        failed = session.get(MessageRow, ids[1])
        assert failed is not None
        assert failed.problems == problems
        assert failed.screened_at == NOW
