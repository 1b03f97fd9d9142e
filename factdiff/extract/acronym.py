"""Acronym claims: definitions ("World Food Programme (WFP)") and uses ("WFP").

A definition is an upper-case token in brackets whose letters appear, in order, as
the initials of the capitalised words just before it. Every other upper-case token of
two to six letters is a use.
"""

from __future__ import annotations

import re
from typing import Any

from factdiff.models import AcronymClaim, construct

KIND = "acronym"
CLAIM = AcronymClaim
READS: tuple[str, ...] = ()

ACRONYM = re.compile(r"(?<![\w.'’-])[A-Z][A-Z&]{1,5}(?![\w&])")
"""An upper-case token of 2-6 letters (anchored on its capital)."""

EXPANSION_WORD = re.compile(r"[A-Z][\w'’]*(?:-[A-Za-z]+)*|of|for|and|the|de|on|in|to|&")
"""One word of an acronym's expansion: capitalised, or a short connector."""

CONNECTORS = frozenset({"of", "for", "and", "the", "de", "on", "in", "to", "&"})
MAX_EXPANSION_WORDS = 10


def initials(words: list[str]) -> list[str]:
    """Candidate letters each word contributes: its first letter, and each hyphen part's."""
    return ["".join(part[0] for part in word.split("-") if part).upper() for word in words]


def expansion_before(text: str, open_paren: int, acronym: str) -> tuple[int, str] | None:
    """(start, words) before '(' whose initials spell the acronym, trimmed to its first letter."""
    window_start = max(0, open_paren - 120)
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[window_start:open_paren])]
    kept: list[tuple[int, str]] = []
    for offset, word in reversed(words[-MAX_EXPANSION_WORDS:]):
        if not EXPANSION_WORD.fullmatch(word):
            break
        kept.insert(0, (window_start + offset, word))
    letters = acronym.replace("&", "")
    for first, (start, word) in enumerate(kept):
        if word in CONNECTORS or word[0] != letters[0]:
            continue
        candidate = [w for _, w in kept[first:]]
        if _spells(initials([w for w in candidate if w not in CONNECTORS]), letters):
            return start, " ".join(candidate)
    return None


def _spells(word_initials: list[str], letters: str) -> bool:
    """True when the letters can be read in order from the words' initials, using each word."""
    position = 0
    for group in word_initials:
        if position < len(letters) and group.startswith(letters[position]):
            consumed = 1
            while (
                consumed < len(group)
                and position + consumed < len(letters)
                and group[consumed] == letters[position + consumed]
            ):
                consumed += 1
            position += consumed
        else:
            return False
    return position == len(letters)


def extract(context: Any) -> list[AcronymClaim]:
    text = context.text
    claims: list[AcronymClaim] = []
    for match in ACRONYM.finditer(text):
        acronym = match.group()
        start, end = match.span()
        expansion = None
        claim_start = start
        introduced = start > 0 and text[start - 1] == "(" and text.startswith(")", end)
        if introduced:
            found = expansion_before(text, start - 1, acronym)
            if found is not None:
                claim_start, expansion = found
                end += 1
        fields = context.location(KIND, claim_start, end)
        claims.append(
            construct(AcronymClaim, **fields, kind=KIND, acronym=acronym, expansion=expansion, introduced=introduced)
        )
    return claims


def describe(claim: AcronymClaim) -> str:
    return claim.expansion or "(use)"
