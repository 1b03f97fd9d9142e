"""Pronoun claims: a gendered pronoun tied to the one person it can refer to.

A pronoun is resolved only when the antecedent is unambiguous: exactly one person is
named between the start of the pronoun's sentence (or a name that runs into it) and the
pronoun, no gendered noun ("her husband") stands in between, no unnamed person ("the
judge") or bare given name ("Peter") comes before it in the sentence, and the pronoun is
not inside a quotation (where "he" is usually someone the speaker talks about).
Unresolved pronouns are not claims.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factdiff.models import PersonClaim, PronounClaim, construct
from factdiff.text.lexicon import people_data, phrase_pattern, place_index
from factdiff.text.names import is_given_name

KIND = "pronoun"
CLAIM = PronounClaim
READS = ("person",)


@cache
def _patterns() -> tuple[Any, Any, Any]:
    data = people_data()
    return phrase_pattern(list(data.pronouns)), phrase_pattern(data.gendered_nouns), phrase_pattern(data.person_nouns)


def inside_quote(sentence: str) -> bool:
    """True when a quotation opened in ``sentence`` (text before the pronoun) is still open."""
    opened = sum(sentence.count(q) for q in "“") - sum(sentence.count(q) for q in "”")
    return opened > 0 or sentence.count('"') % 2 == 1


CAPITALISED = re.compile(r"[A-Z][a-z]+")
"""A capitalised word that might be a bare given name."""


@cache
def _not_referents() -> frozenset[str]:
    """Capitalised words that Faker lists as given names but news uses otherwise (Kenya, Prince, June)."""
    data = people_data()
    words = set(data.function_words) | set(data.calendar_words) | set(data.organisation_words)
    words |= {w for title in data.titles for w in title.split()} | {h.rstrip(".") for h in data.honorifics}
    return frozenset(words | set(place_index()))


def _other_given_name(text: str, start: int, end: int, people: list[PersonClaim]) -> bool:
    """A bare given name ("Peter") outside the named people is another possible referent."""
    for word in CAPITALISED.finditer(text, start, end):
        if any(p.start <= word.start() < p.end for p in people):
            continue
        if is_given_name(word.group()) and word.group() not in _not_referents():
            return True
    return False


def extract(context: Any) -> list[PronounClaim]:
    people: list[PersonClaim] = context.claims["person"]
    if not people:
        return []
    pronouns, gendered_nouns, person_nouns = _patterns()
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
        if person_nouns.search(text, sentence_start, match.start()):
            continue  # "The judge said Ms O'Neill ... he": an unnamed person is in play
        if pronouns.search(text, sentence_start, before[0].start):
            continue  # "According to him, ... Richardson ... sent him": an earlier referent is in play
        if _other_given_name(text, sentence_start, match.start(), before):
            continue  # "I asked Peter to make Ms Keniheart smile, and what he said..."
        if inside_quote(text[sentence_start : match.start()]):
            continue
        index += 1
        fields = context.location(KIND, match.start(), match.end())
        claims.append(
            construct(
                PronounClaim,
                **fields,
                kind=KIND,
                pronoun=match.group(),
                gender=genders[match.group().lower()],
                refers_to=names.pop(),
                antecedent=nearest.id,
            )
        )
    return claims


def describe(claim: PronounClaim) -> str:
    return f"{claim.gender} → {claim.refers_to}"
