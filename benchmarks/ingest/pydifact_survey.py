"""Which real sample files pydifact 0.2.3 can tokenize, and where it keeps line breaks in data.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/ingest/pydifact_survey.py

Reads ../shared/samples (beside the checkout); prints one line per file and a total.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from pydifact.parser import Parser

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


def main() -> None:
    if not SAMPLES.is_dir():
        sys.exit(f"no samples at {SAMPLES}")
    warnings.simplefilter("ignore")
    ok = failed = with_breaks = 0
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix not in (".edi", ".txt") or path.parent.name == "LICENSES":
            continue
        text = path.read_bytes().decode("latin-1")
        try:
            segments = list(Parser().parse(text))
        except Exception as err:  # we survey every failure
            failed += 1
            print(f"FAIL {path.name}: {type(err).__name__}: {str(err)[:70]!r}")
            continue
        ok += 1
        breaks = sum(1 for s in segments for e in s.elements if isinstance(e, str) and "\n" in e)
        with_breaks += breaks > 0
        print(f"ok   {path.name}: {len(segments)} segments, {breaks} elements with a line break")
    print(
        f"\npydifact read {ok} files, failed on {failed}; {with_breaks} read files keep line breaks"
    )


if __name__ == "__main__":
    main()
