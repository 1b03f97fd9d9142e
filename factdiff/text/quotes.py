"""Whether a place in a sentence stands inside a quotation, from the marks before it."""

from __future__ import annotations


def quotation_open(before: str) -> bool:
    """A quotation opened in ``before`` (the sentence up to a place) is still open there: more
    curly openings than closings, or an odd number of straight double quotes."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
