"""Format detection and the bad-input promises of the reader: never a traceback."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preboard.ingest.reader import INTERNAL_ERROR, Format, detect_format, read_inputs
from preboard.model import Severity

PAXLST = (
    "UNA:+.? 'UNB+UNOA:4+AM+USCBP+261128:0930+1'UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'"
    "TDT+20+AM402+++AM'LOC+125+CUN'DTM+189:2611281405:201'LOC+87+ATL'"
    "DTM+232:2611281715:201'NAD+FL+++ROBLES:ANA'ATT+2++F'DTM+329:850214'NAT+2+MEX'"
    "CNT+42:1'UNT+13+M1'UNZ+1+1'"
)


def test_detects_each_format() -> None:
    assert detect_format(PAXLST.encode()) is Format.EDIFACT
    assert detect_format(b"\xef\xbb\xbf  <?xml version='1.0'?><a/>") is Format.XML
    assert detect_format(b"id,surname,given_names\n1,ROBLES,ANA\n") is Format.CSV
    assert detect_format(b'{"id": "1", "surname": "ROBLES"}\n') is Format.JSONL
    mrz = (
        b"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
        b"L898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
    )
    assert detect_format(mrz) is Format.MRZ
    assert detect_format(b"Dear officer, please find attached") is Format.UNKNOWN


def test_a_clean_message_reads_without_problems() -> None:
    result = read_inputs([("am402.edi", PAXLST.encode())])
    assert len(result.manifests) == 1
    assert result.all_problems == ()
    (t,) = result.manifests[0].travellers
    assert (t.surname, t.given_names) == ("ROBLES", "ANA")


def test_bad_inputs_are_problems_with_file_and_reason() -> None:
    rng = random.Random(5)
    junk = bytes(rng.randrange(256) for _ in range(5 * 1024 * 1024))
    inputs = [
        ("empty.edi", b""),
        ("letter.txt", b"Dear officer, please find attached the list."),
        ("junk.bin", junk),
        ("truncated.edi", PAXLST[: len(PAXLST) // 2].encode()),
        ("no-unt.edi", PAXLST.split("CNT")[0].encode()),
    ]
    result = read_inputs(inputs)
    by_file = {}
    for p in result.all_problems:
        by_file.setdefault(p.file, []).append(p)
    assert by_file["empty.edi"][0].message == "the file is empty"
    assert "not a format preboard reads" in by_file["letter.txt"][0].message
    assert by_file["junk.bin"][0].severity == Severity.ERROR
    assert any("no UNT" in p.message for p in by_file["truncated.edi"])
    assert any("no UNT" in p.message for p in by_file["no-unt.edi"])
    # the truncated and UNT-less messages are still read as far as they go
    assert len(result.manifests) == 2


def test_missing_file_is_a_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from preboard.ingest.reader import read_paths

    result = read_paths([tmp_path / "nope.edi"])
    assert result.manifests == ()
    assert "cannot read the file" in result.problems[0].message


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=600),
    prefix=st.sampled_from([b"", PAXLST[:80].encode(), b"UNA:+.? 'UNB+", b"<PNR>"]),
)
def test_random_bytes_give_manifests_or_an_error_saying_why(data: bytes, prefix: bytes) -> None:
    result = read_inputs([("fuzz", prefix + data)])
    assert all(p.file == "fuzz" and p.message for p in result.all_problems)
    if not result.manifests:
        assert any(p.severity == Severity.ERROR for p in result.all_problems)


def test_a_parser_bug_is_a_problem_and_the_other_inputs_are_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from preboard.ingest import reader

    def broken(*_args: object, **_kwargs: object) -> None:
        raise IndexError("tuple index out of range")

    monkeypatch.setattr(reader, "parse_pnrgov", broken)
    pnr = "UNA:+.? 'UNB+IATA:1+AM+USCBP+261128:0930+1'UNH+1+PNRGOV:13:1:IA'MSG+:22'UNT+3+1'UNZ+1+1'"
    result = read_inputs([("push.edi", pnr.encode()), ("am402.edi", PAXLST.encode())])
    assert len(result.manifests) == 1
    (problem,) = [p for p in result.all_problems if p.file == "push.edi"]
    assert problem.severity == Severity.ERROR
    assert problem.message.startswith(INTERNAL_ERROR)
    assert "IndexError" in problem.message


def test_fuzz_superscript_digit_in_a_count_is_not_a_number() -> None:
    """Found by atheris: ``CNT+42:²`` passed ``str.isdigit`` and ``int('²')`` raised; every
    numeric check now uses ``str.isdecimal``, which is exactly what ``int`` accepts."""
    result = read_inputs([("cnt.edi", PAXLST.replace("CNT+42:1", "CNT+42:\u00b2").encode())])
    assert len(result.manifests) == 1
    assert not any(p.message.startswith(INTERNAL_ERROR) for p in result.all_problems)
