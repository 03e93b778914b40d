"""Coverage-guided fuzzing of the tokenizer and every parser with atheris (libFuzzer).

Each input goes through format detection, the EDIFACT tokenizer and envelope reader, and the
PAXLST, PNRGOV, PNRGOV XML, CSV/JSONL or MRZ reader it looks like. Any exception other than
preboard's own ``PreboardError`` is a crash: libFuzzer stops and writes the input to disk.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python benchmarks/ingest/fuzz_ingest.py -runs=1000000 -max_len=8192

The corpus lives in the system's temporary folder (``preboard-fuzz-corpus``), seeded from our
own fixtures and examples plus the real samples in ../shared/samples when present (read at run
time, never copied into the repository), and grows from run to run.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["preboard"]):
    from preboard.errors import PreboardError
    from preboard.ingest.reader import INTERNAL_ERROR, read_inputs

ROOT = Path(__file__).resolve().parents[2]
SEED_DIRS = [
    ROOT / "src" / "preboard" / "examples",
    ROOT / "tests" / "fixtures",
    ROOT.parent / "shared" / "samples",
]


class ParserBugError(Exception):
    """A parser raised; the reader turned it into a problem, the fuzzer must see it."""


def one_input(data: bytes) -> None:
    with contextlib.suppress(PreboardError):
        result = read_inputs([("fuzz", data)])
        for problem in result.all_problems:
            if problem.message.startswith(INTERNAL_ERROR):
                raise ParserBugError(problem.message)


def seed_corpus() -> Path:
    """The working corpus, kept between runs in the system's temporary folder and seeded on
    first use; libFuzzer adds the inputs that reach new code to it."""
    corpus = Path(tempfile.gettempdir()) / "preboard-fuzz-corpus"
    corpus.mkdir(exist_ok=True)
    count = 0
    for folder in SEED_DIRS:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".edi", ".txt", ".xml", ".csv", ".jsonl"}:
                shutil.copy(path, corpus / f"seed{count:04d}{path.suffix}")
                count += 1
    print(f"corpus: {corpus} ({count} seeds)", file=sys.stderr)
    return corpus


def main() -> None:
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(seed_corpus()))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
