"""Acronym claims: definitions ("World Food Programme (WFP)") and uses ("WFP").

A definition is an upper-case token in brackets whose letters appear, in order, as
the initials of the capitalised words just before it, or one followed by its expansion in
brackets ("EEF (Engineering Employers' Federation)"). An acronym the text presents as another
name ("using an alternative acronym for the group, ISIL", "also known as") is introduced, as
one in brackets is. Every other upper-case token of two to six letters is a use, except in
a headline: on a line mostly in capitals, or in a run of capitalised words that holds a long
word or a function word ("PROVISIONAL TRIAL DATE SET FOR CUMBRIA"), capitals mark the line,
not an acronym.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from factdiff.models import AcronymClaim, construct
from factdiff.text.lexicon import acronym_data, people_data, phrase_pattern

KIND = "acronym"
CLAIM = AcronymClaim
READS: tuple[str, ...] = ()

ACRONYM = re.compile(r"(?=[A-Z])(?<![\w.'’-])[A-Z][A-Z&]{1,5}(?![\w&])")
"""An upper-case token of 2-6 letters (anchored on its capital: the engine skips other positions fast)."""

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


def expansion_after(text: str, end: int, acronym: str) -> tuple[int, str] | None:
    """(end, words) of '(Engineering Employers' Federation)' right after the acronym, when the
    bracketed words' initials spell it."""
    bracket = EXPANSION_AFTER.match(text, end)
    if bracket is None:
        return None
    words = bracket.group(1).split()
    if not all(EXPANSION_WORD.fullmatch(word) for word in words):
        return None
    significant = [word for word in words if word not in CONNECTORS]
    if not significant or not _spells(initials(significant), acronym.replace("&", "")):
        return None
    return bracket.end(), " ".join(words)


EXPANSION_AFTER = re.compile(r" ?\(([^()\n]{3,120})\)")
"""A bracket right after an acronym: where its expansion may follow it."""
CAPITAL_RUN = re.compile(r"(?=[A-Z])(?<![\w'’&])[A-Z][A-Z'’&]*(?:[ \t,:;]+[A-Z][A-Z'’&]*){2,}")
"""Three or more capitalised words in a row: a headline when one is long or a function word."""
CAPITALS_SHARE = 0.6
"""A line with at least this share of its letters in capitals is a headline."""
HEADLINE_LETTERS = 12
LONG_WORD = 7
"""A capitalised word this long is no acronym (acronyms here are two to six letters)."""
ALTERNATIVE_REACH = 60
"""How far before an acronym, in its sentence, words presenting it as another name are looked for."""


@cache
def _alternative_cues() -> re.Pattern[str]:
    return phrase_pattern(acronym_data().alternative_cues)


@cache
def _shouted_function_words() -> frozenset[str]:
    return frozenset(word.upper() for word in people_data().function_words)


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Where capitals mark a headline, not acronyms: lines mostly in capitals, and runs of
    capitalised words holding a long word or a function word."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if _mostly_capitals(line):
            spans.append((position, position + len(line)))
        position += len(line) + 1
    for run in CAPITAL_RUN.finditer(text):
        words = re.findall(r"[A-Z][A-Z'’&]*", run.group())
        if any(len(word) >= LONG_WORD or word in _shouted_function_words() for word in words):
            spans.append(run.span())
    return spans


ASCII_LETTERS = string.ascii_letters.encode()
ASCII_NOT_CAPITALS = bytes(code for code in range(128) if not chr(code).isupper())


def _mostly_capitals(line: str) -> bool:
    """A line of HEADLINE_LETTERS letters or more, at least CAPITALS_SHARE of them capitals.
    Counted in bytes for an ASCII line (most are): deleting bytes costs far less than a test per
    character."""
    if line.isascii():
        raw = line.encode("ascii")
        letters = len(raw) - len(raw.translate(None, ASCII_LETTERS))
        return letters >= HEADLINE_LETTERS and len(raw.translate(None, ASCII_NOT_CAPITALS)) >= CAPITALS_SHARE * letters
    letters = sum(map(str.isalpha, line))  # map, not a generator: no Python step per character
    return letters >= HEADLINE_LETTERS and sum(map(str.isupper, filter(str.isalpha, line))) >= CAPITALS_SHARE * letters


def _presented_as_alternative(text: str, start: int) -> bool:
    """Words just before the acronym, in its sentence, present it as another name."""
    low = max(0, start - ALTERNATIVE_REACH)
    stop = max(text.rfind(". ", low, start), text.rfind("\n", low, start))
    return _alternative_cues().search(text, max(low, stop + 1), start) is not None


def extract(context: Any) -> list[AcronymClaim]:
    text = context.text
    claims: list[AcronymClaim] = []
    headlines = headline_spans(text)
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
        else:
            after = expansion_after(text, end, acronym)
            if after is not None:
                end, expansion = after
                introduced = True
            elif any(low <= start < high for low, high in headlines):
                continue
            else:
                introduced = _presented_as_alternative(text, start)
        fields = context.location(KIND, claim_start, end)
        claims.append(
            construct(AcronymClaim, **fields, kind=KIND, acronym=acronym, expansion=expansion, introduced=introduced)
        )
    return claims


def describe(claim: AcronymClaim) -> str:
    return claim.expansion or "(use)"
