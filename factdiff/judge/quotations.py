"""Quotations and where they meet, shared by FD601 quote-drift and FD602 misattribution
(this module holds no rule).

Quotations meet when their first or last words are the same (see ``extract/quote.py``).
Two are the same quotation when their folded words are at least ``SAME_QUOTE`` alike
(rapidfuzz ratio) and they stand in different sentences. A block larger than ``MAX_BLOCK``
is a stock phrase quoted everywhere, not one quotation, and is not judged.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from factdiff.models import QuoteClaim

SAME_QUOTE = 80.0
MAX_BLOCK = 40
"""A larger block is a stock phrase quoted everywhere, not one quotation."""


def block_keys(claim: QuoteClaim) -> Iterable[str]:
    yield f"opening:{claim.edges[0]:016x}"
    yield f"closing:{claim.edges[1]:016x}"


def same_quotation(a: QuoteClaim, b: QuoteClaim) -> bool:
    return (a.doc, a.sentence_start) != (b.doc, b.sentence_start) and fuzz.ratio(a.words, b.words) >= SAME_QUOTE


def opening(quote: str, words: int = 8) -> str:
    """The first words of a quotation, to name it: 'We will not raise taxes on working families…'."""
    parts = quote.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
