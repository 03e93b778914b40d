"""Multi-part assembly: parts in any order and from several files become one manifest."""

from __future__ import annotations

from preboard.model import Severity

from .helpers import FLIGHT, messages, read


def _part(part: str, surname: str, car: str = "AM402/260301/1030", ref: str = "M1") -> str:
    return (
        "UNA:+.? 'UNB+UNOA:4+AEROMEXICO:AM+CBPAPIS:ZZ+260301:0815+1++APIS'"
        f"UNH+{ref}+PAXLST:D:05B:UN:IATA+{car}+{part}'BGM+745'{FLIGHT}"
        f"NAD+FL+++{surname}:ANA'CNT+42:3'UNT+9+{ref}'UNZ+1+1'"
    )


def test_parts_in_any_order_are_read_in_sequence() -> None:
    (manifest,) = read(_part("03:F", "C"), _part("01:C", "A"), _part("02", "B"))
    assert [t.surname for t in manifest.travellers] == ["A", "B", "C"]
    assert [(r.part, r.last_part, r.file) for r in manifest.messages] == [
        (1, False, "f2.edi"),
        (2, False, "f3.edi"),
        (3, True, "f1.edi"),
    ]
    assert manifest.reported_count == 3
    assert manifest.problems == ()


def test_missing_parts_are_a_warning_naming_them() -> None:
    (manifest,) = read(_part("05:F", "E"), _part("01:C", "A"), _part("02", "B"))
    (warning,) = messages(manifest, Severity.WARNING)
    assert "parts 3-4 not received" in warning


def test_no_last_part_is_a_warning() -> None:
    (manifest,) = read(_part("01:C", "A"), _part("02", "B"))
    assert any("last part (F) not received" in m for m in messages(manifest, Severity.WARNING))


def test_duplicate_part_is_reported_and_read_once() -> None:
    (manifest,) = read(_part("01:C", "A"), _part("02:F", "B"), _part("01:C", "A"))
    assert [t.surname for t in manifest.travellers] == ["A", "B"]
    (warning,) = messages(manifest, Severity.WARNING)
    assert "received twice" in warning and "f1.edi" in warning


def test_other_common_access_references_are_other_manifests() -> None:
    manifests = read(_part("01:C", "A"), _part("01:C", "Z", car="UA1532/260301/1200"))
    assert [[t.surname for t in m.travellers] for m in manifests] == [["A"], ["Z"]]


def test_messages_without_a_common_access_reference_are_one_manifest_each() -> None:
    text = _part("01:C", "A").replace("+AM402/260301/1030+01:C'", "'")
    manifests = read(text, text)
    assert len(manifests) == 2


def test_parts_that_disagree_on_the_flight_keep_the_one_the_reference_names() -> None:
    other = _part("02:F", "B").replace("AM0402+++AM", "FZ708+++FZ")
    (manifest,) = read(other, _part("01:C", "A"))
    assert manifest.flight is not None and manifest.flight.designator == "AM402"
    assert any("FZ708" in m for m in messages(manifest, Severity.WARNING))


def test_unknown_country_reported_once_across_parts() -> None:
    a = _part("01:C", "A").replace("NAD+FL+++A:ANA'", "NAD+FL+++A:ANA'NAT+2+ABC'")
    b = _part("02:F", "B").replace("NAD+FL+++B:ANA'", "NAD+FL+++B:ANA'NAT+2+ABC'")
    (manifest,) = read(a, b)
    assert len([m for m in messages(manifest, Severity.INFO) if "'ABC'" in m]) == 1


def test_a_message_of_another_type_is_an_error_not_a_crash() -> None:
    text = _part("01:C", "A").replace("PAXLST:D:05B", "PNRGOV:11:1")
    (manifest,) = read(text)
    assert manifest.flight is None
    assert any(p.severity == Severity.ERROR for p in manifest.problems)
