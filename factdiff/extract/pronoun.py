"""Pronoun claims: a gendered pronoun tied to the one person it can refer to.

A pronoun is resolved only when the antecedent is unambiguous: exactly one person is
named between the start of the pronoun's sentence (or a name that runs into it) and the
pronoun, no gendered noun ("her husband") stands in between, and the pronoun is not
inside a quotation (where "he" is usually someone the speaker talks about).
Unresolved pronouns are not claims.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from factdiff.extract.lexicon import people_data, phrase_pattern
from factdiff.models import PersonClaim, PronounClaim

KIND = "pronoun"
READS = ("person",)

OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"


@cache
def _patterns() -> tuple[Any, Any]:
    data = people_data()
    return phrase_pattern(list(data.pronouns)), phrase_pattern(data.gendered_nouns)


def inside_quote(sentence: str) -> bool:
    """True when a quotation opened in ``sentence`` (text before the pronoun) is still open."""
    opened = sum(sentence.count(q) for q in "“") - sum(sentence.count(q) for q in "”")
    return opened > 0 or sentence.count('"') % 2 == 1


def extract(context: Any) -> list[PronounClaim]:
    people: list[PersonClaim] = context.claims.get("person", [])
    if not people:
        return []
    pronouns, gendered_nouns = _patterns()
    genders = people_data().pronouns
    text = context.text
    claims: list[PronounClaim] = []
    index = 0
    for match in pronouns.finditer(text):
        sentence_start, _ = context.sentence_span(match.start())
        before = [p for p in people if p.end > sentence_start and p.end <= match.start()]
        if not before:
            continue
        names = {p.full_name or p.name for p in before}
        if len(names) != 1:
            continue
        nearest = before[-1]
        if gendered_nouns.search(text, nearest.end, match.start()):
            continue
        if pronouns.search(text, sentence_start, before[0].start):
            continue  # "According to him, ... Richardson ... sent him": an earlier referent is in play
        if inside_quote(text[sentence_start:match.start()]):
            continue
        index += 1
        fields = context.location(KIND, match.start(), match.end())
        claims.append(
            PronounClaim.model_construct(
                **fields,
                kind=KIND,
                pronoun=match.group(),
                gender=genders[match.group().lower()],
                refers_to=names.pop(),
                antecedent=nearest.id,
            )
        )
    return claims
