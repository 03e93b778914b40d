"""A crash after the acknowledgement loses nothing: messages acknowledged while no worker ran
(as if the process died before screening them) are screened when the service starts again."""

from __future__ import annotations

from sqlalchemy import select

from preboard.storage import Database, MessageStatus
from preboard.storage.tables import MessageRow
from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import make_api


def statuses(database: Database) -> set[MessageStatus]:
    with database.session() as session:
        return set(session.scalars(select(MessageRow.status)))


def test_messages_acknowledged_before_a_crash_are_screened_on_the_next_start(
    database: Database, day: DayFiles
) -> None:
    client, api = make_api(database, worker=False)
    with client:
        ids = api.post_all(day.messages(F9))
    assert len(ids) == 6 and statuses(database) == {MessageStatus.RECEIVED}
    client, api = make_api(database)  # the restart: its worker starts with the leftovers
    with client:
        api.settle()
        flights = api.get("/flights", Role.OFFICER).json()
    assert statuses(database) == {MessageStatus.SCREENED}
    assert [(f["carrier"], f["number"], f["travellers"]) for f in flights] == [("F9", "2591", 225)]
