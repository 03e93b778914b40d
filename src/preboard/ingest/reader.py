"""One entry point for every input: detect the format of each file and read it.

``read_inputs`` takes named byte strings (files, HTTP bodies), recognises EDIFACT PAXLST and
PNRGOV, PNRGOV XML, CSV or JSON-lines traveller lists and MRZ text by content (never by file
name), and returns every manifest that could be read with every problem found. PAXLST parts
from different inputs are assembled together, so a flight sent in several files becomes one
manifest. Bad content never raises: it becomes a ``Problem``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import structlog

from preboard.errors import MrzError
from preboard.ingest.edifact import EdifactMessage, read_interchanges
from preboard.ingest.mrz import parse_mrz
from preboard.ingest.options import ReadOptions
from preboard.ingest.paxlst import parse_paxlst
from preboard.ingest.pnrgov import parse_pnrgov
from preboard.ingest.pnrgov_xml import parse_pnrgov_xml
from preboard.ingest.tabular import read_travellers_csv, read_travellers_jsonl
from preboard.model import Manifest, Problem, Severity, SourceKind

_EDIFACT_HEADER = re.compile(rb"UN[AB][^A-Za-z0-9\r\n]")
_MRZ_LINE = re.compile(r"^[A-Z0-9<]+$")
_PROBE = 1 << 20
MRZ_INVALID_CHECKS = "mrz_invalid_checks"  # Traveller.extra key: MRZ fields whose digit is wrong
log = structlog.get_logger(__name__)


class Format(StrEnum):
    """Input formats preboard reads."""

    EDIFACT = "edifact"
    XML = "xml"
    CSV = "csv"
    JSONL = "jsonl"
    MRZ = "mrz"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Manifests read from a set of inputs, and the problems that belong to no manifest."""

    manifests: tuple[Manifest, ...]
    problems: tuple[Problem, ...]

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Input-level problems followed by every manifest's own."""
        return self.problems + tuple(p for m in self.manifests for p in m.problems)


def _mrz_lines(text: str) -> list[str] | None:
    lines = [ln.strip().replace(" ", "").upper() for ln in text.splitlines() if ln.strip()]
    shaped = len(lines) in (2, 3) and {len(ln) for ln in lines} <= {30, 36, 44}
    return lines if shaped and all(_MRZ_LINE.match(ln) for ln in lines) else None


def detect_format(data: bytes) -> Format:
    """Recognise the format of ``data`` by its content."""
    head = data[:_PROBE].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return Format.XML
    flat = head.replace(b"\r", b"").replace(b"\n", b"")
    if _EDIFACT_HEADER.search(flat):
        return Format.EDIFACT
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").strip().lower()
    if first.startswith("{"):
        return Format.JSONL
    if "," in first and "surname" in first:
        return Format.CSV
    if _mrz_lines(head.decode("latin-1")):
        return Format.MRZ
    return Format.UNKNOWN


def _read_mrz(data: bytes, file: str, options: ReadOptions) -> tuple[list[Manifest], list[Problem]]:
    lines = _mrz_lines(data.decode("latin-1")) or []
    try:
        mrz = parse_mrz(lines)
    except MrzError as err:
        return [], [Problem(file, None, err.reason, Severity.ERROR)]
    problems = [
        Problem(file, None, f"MRZ check digit of {name} is wrong", Severity.WARNING)
        for name, check in mrz.checks.items()
        if not check.valid
    ]
    traveller = mrz.to_traveller(options.today or dt.date.today())
    wrong = [name for name, check in mrz.checks.items() if not check.valid]
    if wrong:  # kept on the holder, so that the document checks can raise it as a finding
        extra = ((MRZ_INVALID_CHECKS, ",".join(wrong)), ("mrz_format", str(mrz.format)))
        traveller = replace(traveller, extra=traveller.extra + extra)
    manifest = Manifest(SourceKind.MRZ, None, (traveller,), problems=tuple(problems))
    return [manifest], []


def _read_one(
    name: str, data: bytes, options: ReadOptions, paxlst: list[EdifactMessage]
) -> tuple[list[Manifest], list[Problem]]:
    """Read one input; PAXLST messages are collected in ``paxlst`` for assembly across inputs."""
    fmt = detect_format(data)
    if fmt is Format.EDIFACT:
        interchanges, problems = read_interchanges(data, name)
        manifests: list[Manifest] = []
        for ic in interchanges:
            problems.extend(ic.problems)
            for msg in ic.messages:
                if msg.kind == "PAXLST":
                    paxlst.append(msg)
                elif msg.kind == "PNRGOV":
                    manifests.append(parse_pnrgov(msg, options))
                else:
                    problems.append(
                        Problem(
                            name,
                            msg.header.index,
                            f"message type {msg.kind or '(none)'} is not read by preboard "
                            f"(PAXLST and PNRGOV are); {len(msg.segments)} segments skipped",
                            Severity.ERROR,
                            "UNH",
                        )
                    )
        if not any(ic.messages for ic in interchanges) and interchanges:
            problems.append(
                Problem(name, None, "the interchange holds no message (no UNH)", Severity.ERROR)
            )
        return manifests, problems
    if fmt is Format.XML:
        return parse_pnrgov_xml(data, name, options)
    if fmt in (Format.CSV, Format.JSONL):
        reader = read_travellers_csv if fmt is Format.CSV else read_travellers_jsonl
        manifest, problems = reader(data, name, options)
        return ([manifest] if manifest else []), problems
    if fmt is Format.MRZ:
        return _read_mrz(data, name, options)
    if not data.strip():
        return [], [Problem(name, None, "the file is empty", Severity.ERROR)]
    return [], [
        Problem(
            name,
            None,
            "not a format preboard reads: expected UN/EDIFACT PAXLST or PNRGOV, PNRGOV XML, "
            "a CSV or JSON-lines traveller list, or an MRZ",
            Severity.ERROR,
        )
    ]


def read_inputs(
    inputs: Iterable[tuple[str, bytes]], options: ReadOptions | None = None
) -> ReadResult:
    """Read named inputs (``(name, bytes)``) into manifests; never raises for bad content."""
    opts = options or ReadOptions()
    manifests: list[Manifest] = []
    problems: list[Problem] = []
    paxlst: list[EdifactMessage] = []
    for name, data in inputs:
        try:
            found, found_problems = _read_one(name, data, opts, paxlst)
        except Exception as err:  # a bug must not lose the other inputs
            found, found_problems = [], [_internal_error(name, err)]
        manifests.extend(found)
        problems.extend(found_problems)
    if paxlst:
        try:
            manifests[:0] = parse_paxlst(paxlst, opts)
        except Exception as err:
            problems.append(_internal_error(", ".join(sorted({m.file for m in paxlst})), err))
    return ReadResult(tuple(manifests), tuple(problems))


INTERNAL_ERROR = "internal error while reading"


def _internal_error(name: str, err: Exception) -> Problem:
    """A bug in a parser, reported on the input instead of raised (logged without data)."""
    log.error("ingest.internal_error", file=name, error=type(err).__name__)
    return Problem(
        name,
        None,
        f"{INTERNAL_ERROR} ({type(err).__name__}); the input was not read: please report it",
        Severity.ERROR,
    )


def read_paths(paths: Sequence[Path], options: ReadOptions | None = None) -> ReadResult:
    """Read files from disk; a file that cannot be opened is a problem, not an exception."""
    inputs: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            inputs.append((str(path), path.read_bytes()))
        except OSError as err:
            problems.append(
                Problem(str(path), None, f"cannot read the file: {err.strerror}", Severity.ERROR)
            )
    result = read_inputs(inputs, options)
    return ReadResult(result.manifests, tuple(problems) + result.problems)
