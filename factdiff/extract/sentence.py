"""Sentence claims: long sentences, keyed so that a copy with one fact changed meets its original.

Wire copy is re-edited by every outlet that runs it, so a sentence repeated across articles
with one number, date or name changed is the most direct evidence of a disagreement there
is. Each sentence of at least ``MIN_WORDS`` words gets two digests, of its first and its
second half (case, accents, apostrophes and thousands separators folded); one changed fact
leaves one half intact, so the two sentences share a block. Credit lines and page furniture
("CNN's Kevin Conlon contributed to this report", "Scroll down for video") are cut off: they
differ by design, and scraped pages glue them to the next sentence.
"""

from __future__ import annotations

import hashlib
from functools import cache
from operator import itemgetter
from typing import Any

from factdiff.models import SentenceClaim, construct
from factdiff.text.lexicon import phrase_pattern, sentence_data
from factdiff.text.starts import StartFinder
from factdiff.text.tokens import TOKEN, normal_token

KIND = "sentence"
CLAIM = SentenceClaim
READS: tuple[str, ...] = ()

MIN_WORDS = 7
"""Shorter sentences ("He said it was wrong.") repeat by chance across unrelated articles."""


@cache
def _start_finder() -> StartFinder:
    """Credit lines and page furniture, found in a document in one pass."""
    phrases = sentence_data().boilerplate
    return StartFinder({"boilerplate": (phrase_pattern(phrases), phrases)})


def _digest(parts: list[str]) -> int:
    """A stable 64-bit digest (Python's own hash differs between processes)."""
    return int.from_bytes(hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest(), "big")


def extract(context: Any) -> list[SentenceClaim]:
    text = context.text
    document = context.document
    claims: list[SentenceClaim] = []
    starts = _start_finder().find(text)
    for start, end in document.sentences:
        furniture = starts.search("boilerplate", start, end)
        if furniture:  # "Scroll down for video The new prince..." keeps what follows the furniture
            start = furniture.end()
            while start < end and not text[start].isalnum():
                start += 1
        sentence = text[start:end]
        normal = TOKEN.findall(normal_token(sentence))
        if len(normal) < MIN_WORDS or sum(map(str.isalpha, map(itemgetter(0), normal))) < MIN_WORDS:
            continue  # fewer than MIN_WORDS words
        middle = len(normal) // 2
        fields = context.location(KIND, start, end)
        fields["sentence"], fields["sentence_start"] = fields["text"], start
        claims.append(
            construct(
                SentenceClaim,
                **fields,
                kind=KIND,
                halves=(_digest(normal[:middle]), _digest(normal[middle:])),
                reported=document.date,
            )
        )
    return claims


def describe(claim: SentenceClaim) -> str:
    return ""
