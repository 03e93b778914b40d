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


def test_hypothesis_given_name_ending_in_a_title_kept_when_docs_has_it() -> None:
    """Found by the round-trip property test: a given name ending in ``MR`` lost those letters
    even though the passport's given name (SSR DOCS) had them."""
    assert split_title("QA:MR", confirmed="QA:MR") == ("QA:MR", None)
    assert split_title("JOHN MR", confirmed="JOHN MR") == ("JOHN MR", None)
    assert split_title("JOHNMR", confirmed="JOHN") == ("JOHN", "MR")
