"""What rules that compare whole sentences share: telling a headline from prose, and cutting a
sentence claim down to the words that differ."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

from factdiff.models import ClaimBase, claim_id

CAPITALS_SHARE = 0.6
"""A line with at least this share of its letters in capitals is a headline, not prose."""
HEADLINE_LETTERS = 12
TITLE_CASE_SHARE = 0.7
"""A line with no full stop whose longer words are capitalised at least this often is a title-case headline."""
TITLE_CASE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
"""A word of four letters or more: title case capitalises these, and may leave shorter ones."""

ClaimRecord = TypeVar("ClaimRecord", bound=ClaimBase)


@lru_cache(maxsize=4096)
def headline(sentence: str) -> bool:
    """A headline: mostly capitals ('PROVISIONAL TRIAL DATE SET'), or title case with no full
    stop ('Colts Clinch Playoff Berth with 20-13 Win'). Asked of a sentence once for each
    sentence it is paired with, so remembered."""
    letters = [c for c in sentence if c.isalpha()]
    if len(letters) >= HEADLINE_LETTERS and sum(map(str.isupper, letters)) >= CAPITALS_SHARE * len(letters):
        return True
    if sentence.rstrip(" \t\n\"'”’)").endswith((".", "!", "?", "…", ";", ":")):
        return False
    words = TITLE_CASE_WORD.findall(sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def narrowed(claim: ClaimRecord, span: tuple[int, int]) -> ClaimRecord:
    """A sentence-wide claim cut down to a span of its sentence, with its own line and column:
    the evidence is the changed words, not the whole sentence."""
    start, end = span
    before = claim.sentence[:start]
    newlines = before.count("\n")
    column = start - before.rfind("\n") if newlines else claim.column + start
    return claim.model_copy(
        update={
            "id": claim_id(claim.doc, claim.kind, claim.start + start, claim.start + end),
            "text": claim.sentence[start:end],
            "start": claim.start + start,
            "end": claim.start + end,
            "line": claim.line + newlines,
            "column": column,
        }
    )
