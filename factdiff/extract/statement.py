"""Statement claims: sentences that state a typed value, indexed by their content lemmas.

Coverage rewords: "He died of cancer in 2013" and "He succumbed to cancer in 1993" share no
half-sentence, but they share the lemmas die and cancer and a year in the same place. Each
sentence with a number, an age, an ordinal, a date or a weekday and at least ``MIN_WORDS``
content words becomes one claim holding those lemmas; the grouping stage finds, through an
index of the lemmas, the sentences that share most of their rare words, and the judge
aligns them word for word (``text/values.py``).
"""

from __future__ import annotations

from typing import Any

from factdiff.models import StatementClaim, construct
from factdiff.text.values import content_forms, value_openings, values

KIND = "statement"
CLAIM = StatementClaim
READS: tuple[str, ...] = ()

MIN_WORDS = 3
"""Fewer content words than this ('It was 2013.') say too little to tell two facts apart."""
MAX_TOKENS = 150
"""Longer 'sentences' are lists or tables run together: aligning them costs more than it finds."""


def extract(context: Any) -> list[StatementClaim]:
    text = context.text
    claims: list[StatementClaim] = []
    openings = value_openings(text)
    for start, end in context.document.sentences:
        if not openings.any_between(start, end):
            continue  # most sentences state no value: not read again on their own
        sentence = text[start:end]
        typed = values(sentence)
        if not typed:
            continue  # an opening that is no value here ('about the plan', '5G'): no lemmas read
        words = content_forms(sentence)
        if len(words) < MIN_WORDS or len(words) + len(typed) > MAX_TOKENS:
            continue
        fields = context.location(KIND, start, end)
        fields["sentence"], fields["sentence_start"] = fields["text"], start
        claims.append(
            construct(
                StatementClaim, **fields, kind=KIND, words=tuple(dict.fromkeys(words)), reported=context.document.date
            )
        )
    return claims


def describe(claim: StatementClaim) -> str:
    return " ".join(claim.words)
