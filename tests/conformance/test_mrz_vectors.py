"""Every MRZ vector in ../shared/samples/mrz gives its expected fields and validity.

The vectors keep fields as raw MRZ substrings (fillers included, ``YYMMDD`` dates); preboard
removes fillers from the ends of text fields, so fields are compared without them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from preboard.ingest.mrz import Mrz, parse_mrz

pytestmark = pytest.mark.conformance

# vector field -> (preboard field, check name in Mrz.checks)
FIELDS = {
    "document_code": "document_code",
    "issuing_state": "issuing_state",
    "document_number": "document_number",
    "nationality": "nationality",
    "sex": "sex",
    "surname": "surname",
    "given_names": "given_names",
    "personal_number": "optional_data",
    "optional_data": "optional_data",
    "optional_data_1": "optional_data",
    "optional_data_2": "optional_data_2",
}
CHECKS = {
    "document_number_check": "document_number",
    "date_of_birth_check": "birth_date",
    "date_of_expiry_check": "expiry",
    "personal_number_check": "personal_number",
    "composite_check": "composite",
}
VALIDITY = {
    "document_number": "document_number",
    "date_of_birth": "birth_date",
    "date_of_expiry": "expiry",
    "personal_number": "personal_number",
    "composite": "composite",
}


def _vectors(samples: Path) -> list[dict[str, Any]]:
    data = json.loads((samples / "mrz" / "mrz_test_vectors.json").read_text("utf-8"))
    vectors: list[dict[str, Any]] = data["vectors"]
    return vectors


def _compare(mrz: Mrz, vector: dict[str, Any]) -> list[str]:
    wrong: list[str] = []
    expected = vector["expected_fields"]
    for key, value in expected.items():
        if key in FIELDS:
            ours = getattr(mrz, FIELDS[key])
            if ours != (value if key == "sex" else value.rstrip("<")):
                wrong.append(f"{key}: {ours!r} != {value!r}")
        elif key in CHECKS:
            if mrz.checks[CHECKS[key]].found != value:
                wrong.append(f"{key}: {mrz.checks[CHECKS[key]].found!r} != {value!r}")
        elif key == "date_of_birth" and mrz.birth_date.raw != value:
            wrong.append(f"{key}: {mrz.birth_date.raw!r} != {value!r}")
        elif key == "date_of_expiry" and mrz.expiry.raw != value:
            wrong.append(f"{key}: {mrz.expiry.raw!r} != {value!r}")
    for key, valid in vector["check_digits_valid"].items():
        if mrz.validity[VALIDITY[key]] != valid:
            wrong.append(f"check {key}: valid={mrz.validity[VALIDITY[key]]}, expected {valid}")
    if mrz.valid != vector["all_check_digits_valid"]:
        wrong.append(f"valid={mrz.valid}, expected {vector['all_check_digits_valid']}")
    if set(mrz.checks) != {VALIDITY[k] for k in vector["check_digits_valid"]}:
        wrong.append(f"checks {sorted(mrz.checks)} != {sorted(vector['check_digits_valid'])}")
    return wrong


def test_there_are_21_vectors(samples: Path) -> None:
    assert len(_vectors(samples)) == 21


def test_every_vector_gives_its_fields_and_validity(samples: Path) -> None:
    failures: dict[str, list[str]] = {}
    for vector in _vectors(samples):
        mrz = parse_mrz(vector["lines"])
        assert str(mrz.format) == vector["format"], vector["id"]
        wrong = _compare(mrz, vector)
        if wrong:
            failures[vector["id"]] = wrong
    assert failures == {}


def test_every_vector_reads_from_one_string_with_ocr_spaces(samples: Path) -> None:
    for vector in _vectors(samples):
        text = "\n".join(
            " " + line[:10] + " " + line[10:].lower() + "  " for line in vector["lines"]
        )
        assert parse_mrz(text) == parse_mrz(vector["lines"]), vector["id"]
