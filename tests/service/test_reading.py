"""Reading stored messages: kinds, malformed messages, and re-using single readings when a
flight is read as a whole (PNR pushes alone, PAXLST parts together) without changing the
outcome."""

from __future__ import annotations

from preboard.assessment import screen
from preboard.service.reading import (
    flight_manifests,
    message_kind,
    read_message,
    read_messages,
)
from tests.service.day import F9, day_files, day_screening


def test_message_kinds_are_told_by_content() -> None:
    day = day_files()
    assert message_kind(day.message(F9, "paxlst-1.edi")) == "paxlst"
    assert message_kind(day.message(F9, "pnrgov-1.edi")) == "pnrgov"
    assert message_kind(b"<?xml version='1.0'?><x/>") == "xml"
    assert message_kind(b"hello") == "unknown"


def test_a_message_without_a_flight_is_not_readable_and_says_why() -> None:
    reading = read_message(7, b"hello")
    assert not reading.readable
    problems = reading.problem_dicts()
    assert problems and problems[0]["file"] == "message-7"
    assert problems[0]["severity"] == "error"


def test_reusing_single_readings_gives_the_same_worklist_as_reading_all_together() -> None:
    messages = list(enumerate((body for _, body in day_files().messages(F9)), start=1))
    known = {i: read_message(i, body) for i, body in messages}
    screening = day_screening()
    together = screen(read_messages(messages).manifests, screening)
    reused = screen(flight_manifests(messages, known), screening)
    assert reused == together
    assert flight_manifests(messages, {}) == list(read_messages(messages).manifests)
