"""The EDIFACT tokenizer and envelope reader on hand-written noisy interchanges."""

from __future__ import annotations

from preboard.ingest.edifact import ServiceChars, read_interchanges
from preboard.ingest.edifact.syntax import find_envelope
from preboard.ingest.edifact.tokenizer import parse_segment
from preboard.model import Severity

DEFAULT = ServiceChars()
SIMPLE = (
    "UNA:+.? 'UNB+UNOA:4+SENDER+RECEIVER+261128:0930+1'"
    "UNH+M1+PAXLST:D:05B:UN:IATA+CUN1/261128/1200+01:C'BGM+745'NAD+FL+++DOE:JOHN'"
    "UNT+4+M1'UNZ+1+1'"
)


def _one(text: str | bytes) -> tuple[list, list]:
    data = text.encode() if isinstance(text, str) else text
    ics, problems = read_interchanges(data, "t.edi")
    return ics, problems + [p for ic in ics for p in ic.problems]


def test_gtas_nad_gives_four_composites() -> None:
    seg = parse_segment("NAD+FL+++PAGE:TIFFANY:ANNE", DEFAULT, 1)
    assert seg.tag == "NAD"
    assert seg.elements == (("FL",), ("",), ("",), ("PAGE", "TIFFANY", "ANNE"))


def test_released_separators_are_kept_literally() -> None:
    seg = parse_segment("NAD+FL?+MC?:MD+++PAGE:TIFFANY:ANNE", DEFAULT, 1)
    assert seg.get(0) == "FL+MC:MD"


def test_released_apostrophe_does_not_end_the_segment() -> None:
    ics, _ = _one(SIMPLE.replace("DOE:JOHN", "O?'LEARY:KRIS"))
    nad = ics[0].messages[0].segments[1]
    assert nad.get(3, 0) == "O'LEARY"


def test_release_of_the_release_character() -> None:
    seg = parse_segment("FTX+AAA+++50??", DEFAULT, 1)
    assert seg.get(3) == "50?"


def test_simple_interchange_has_no_problems() -> None:
    ics, problems = _one(SIMPLE)
    assert problems == []
    msg = ics[0].messages[0]
    assert (msg.kind, msg.version, msg.reference) == ("PAXLST", "D:05B", "M1")
    assert msg.common_access_ref == "CUN1/261128/1200"
    assert msg.part == (1, "C")
    assert [s.tag for s in msg.segments] == ["BGM", "NAD"]
    assert msg.prepared_at is not None and msg.prepared_at.year == 2026


def test_hard_wraps_inside_a_tag_and_crlf() -> None:
    wrapped = "\r\n".join(SIMPLE[i : i + 64] for i in range(0, len(SIMPLE), 64))
    assert "U\r\nN" in wrapped or "N\r\nH" in wrapped or len(wrapped) > len(SIMPLE)
    ics, problems = _one(wrapped)
    assert problems == []
    assert [s.tag for s in ics[0].messages[0].segments] == ["BGM", "NAD"]


def test_telex_envelope_and_email_footer_are_reported_not_fatal() -> None:
    text = "\x01QD ABCDEFG .HDQXX 271137\r\n\x02" + SIMPLE + "\r\n\r\nSent from the airline\r\n"
    ics, problems = _one(text)
    assert len(ics[0].messages) == 1
    messages = [p.message for p in problems]
    assert any("skipped" in m and "telex" in m for m in messages)
    assert any("after UNZ" in m and "Sent from" in m for m in messages)
    assert all(p.severity == Severity.WARNING for p in problems)


def test_custom_separators() -> None:
    text = SIMPLE.replace("UNA:+.? '", "UNA:*.? #").replace("+", "*").replace("'", "#")
    ics, problems = _one(text)
    assert problems == []
    assert ics[0].messages[0].segments[1].get(3, 1) == "JOHN"


def test_bom_and_latin1_bytes() -> None:
    data = b"\xef\xbb\xbf" + SIMPLE.replace("JOHN", "JO\x87N").encode("latin-1")
    ics, problems = _one(data)
    assert ics[0].messages[0].segments[1].get(3, 1) == "JO\x87N"
    assert any("not UTF-8" in p.message for p in problems)


def test_wrong_unt_count_is_reported_as_info() -> None:
    _ics, problems = _one(SIMPLE.replace("UNT+4", "UNT+99"))
    assert [p.severity for p in problems] == [Severity.INFO]
    assert "UNT says 99" in problems[0].message


def test_missing_unt_and_unz_keep_what_was_read() -> None:
    ics, problems = _one(SIMPLE.split("UNT")[0])
    assert [s.tag for s in ics[0].messages[0].segments] == ["BGM", "NAD"]
    assert any("no UNT" in p.message for p in problems)
    assert any("no UNZ" in p.message for p in problems)


def test_not_edifact_is_an_error_with_a_reason() -> None:
    ics, problems = _one("hello, this is a letter\n")
    assert ics == []
    assert problems[0].severity == Severity.ERROR
    assert "not an EDIFACT interchange" in problems[0].message


def test_empty_file() -> None:
    ics, problems = _one(b"")
    assert ics == [] and problems[0].message == "the file is empty"


def test_una_missing_decimal_mark_is_repaired() -> None:
    env = find_envelope("UNA:+\\*'\nUNB+IATA:1+1A+KRC+130527:0754+0003' UNH+1+PNRGOV:11:1:IA'")
    assert env is not None
    assert (env.chars.release, env.chars.terminator, env.chars.element) == ("\\", "'", "+")
    assert env.notes


def test_curly_terminators_from_pdf_copies() -> None:
    text = SIMPLE.replace("BGM+745'", "BGM+745\u2019")
    ics, problems = _one(text)
    assert [s.tag for s in ics[0].messages[0].segments] == ["BGM", "NAD"]
    assert any("typographic" in p.message for p in problems)


def test_unterminated_unz_followed_by_text() -> None:
    text = SIMPLE[:-1] + "\n\nModify above message to create bad message."
    ics, problems = _one(text)
    assert len(ics[0].messages) == 1
    assert any("Modify above" in p.message for p in problems)


def test_two_interchanges_in_one_file() -> None:
    ics, problems = _one(SIMPLE + "\n" + SIMPLE)
    assert len(ics) == 2 and problems == []


def test_segment_indices_count_from_unb() -> None:
    ics, _ = _one(SIMPLE)
    assert ics[0].header is not None and ics[0].header.index == 1
    assert [s.index for s in ics[0].messages[0].segments] == [3, 4]


def test_fuzz_oom_huge_part_number_is_not_a_part() -> None:
    """Found by atheris: UNH element 4 of ``1 817 963 1234`` digits made the PAXLST assembler
    list every missing part up to that number and run out of memory."""
    text = SIMPLE.replace("+01:C'", "+8179631234:C'")
    ics, _ = _one(text)
    assert ics[0].messages[0].part == (None, "C")
