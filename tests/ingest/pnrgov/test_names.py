"""Titles glued to given names in TIF."""

from __future__ import annotations

from preboard.ingest.pnrgov.names import split_title


def test_glued_and_spaced_titles() -> None:
    assert split_title("MOLLYMRS") == ("MOLLY", "MRS")
    assert split_title("SEJOONMR") == ("SEJOON", "MR")
    assert split_title("ISABELLE MRS") == ("ISABELLE", "MRS")
    assert split_title("NINA MS") == ("NINA", "MS")
    assert split_title("TOMMSTR") == ("TOM", "MSTR")


def test_glued_ms_only_when_docs_confirms_it() -> None:
    """WILLIAMS ends in MS: a glued MS is split only when DOCS gives the name without it."""
    assert split_title("WILLIAMS") == ("WILLIAMS", None)
    assert split_title("KAYLAMS", confirmed="KAYLA") == ("KAYLA", "MS")
    assert split_title("ALEXANDR") == ("ALEXANDR", None)
