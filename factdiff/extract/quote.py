"""Quote claims: words in quotation marks, with who said them where the text says so.

A quotation is text between curly quotes (over wrapped lines, and over paragraphs when each
new paragraph reopens it with “, as newspapers do), or between straight quotes opened after a
space within one line, of at least ``MIN_WORDS`` words. Its speaker is the person named in the
attribution right after it ('…,” Ruto said', '…,” said Ruto') or right before it ('Ruto
said: “…', 'according to Ruto, “…'), or the person a "he"/"she" there refers to; otherwise
unknown, and never guessed. A name inside a quotation is never a speaker: in '“…watching
Johnny Carson host the Oscars…,” he said' the "he" is not Carson, and the speaker is unknown.

Words by the quotation that say it was translated ('said through an interpreter', 'told
lawmakers in German') mark it ``translated``: two outlets' translations of one remark differ
in wording, not in what was said.

Each quotation carries its words folded (case, punctuation and typography removed) and two
digests, of its first and last words, so the same quotation in two articles meets in a block
even when one word inside it has changed.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from factdiff.models import QuoteClaim, construct
from factdiff.text.lexicon import people_data, phrase_pattern, sentence_data
from factdiff.text.tokens import normal_token

KIND = "quote"
CLAIM = QuoteClaim
READS = ("person", "pronoun", "organisation")

WRAPPED = r"\n(?![ \t]*[\n“])"
"""A line break inside a paragraph: not a blank line, and the next line does not open a quote."""
QUOTED_CHARACTER = rf"(?:[^“”\n]|{WRAPPED})"
CONTINUED = r"\n[ \t]*(?:\n[ \t]*)*“"
"""A paragraph break and the opening quote of the next paragraph: the convention for a
quotation that goes on (the first paragraph is left open, the next one reopens it)."""
QUOTATION = re.compile(
    rf"“(?P<curly>{QUOTED_CHARACTER}{{10,2000}}?)”"
    rf"|“(?P<continued>{QUOTED_CHARACTER}{{1,2000}}(?:{CONTINUED}{QUOTED_CHARACTER}{{1,2000}}){{1,10}})”"
    r"|(?<![\w.,!?])\"(?=\w)(?P<straight>[^\"\n]{10,2000}?)(?<=\S)\"(?!\w)"
)
"""A quotation: curly, over wrapped lines, or over paragraphs each reopened with “ (up to
ten), or straight within a line and opened after a space."""

WORD = re.compile(r"\w+(?:['’]\w+)*")
MIN_WORDS = 4
EDGE_WORDS = 4
"""Words at each end a quotation is blocked by: one changed word leaves one end intact."""

ATTRIBUTION_CHARS = 60


@cache
def _speaking() -> re.Pattern[str]:
    return phrase_pattern(people_data().speaking)


@cache
def _translation_cues() -> re.Pattern[str]:
    return phrase_pattern(sentence_data().translation_cues)


def folded_words(quote: str) -> list[str]:
    """The quotation's words as compared: case, accents, apostrophes and punctuation folded."""
    return WORD.findall(normal_token(quote))


def _digest(words: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest(), "big")


def extract(context: Any) -> list[QuoteClaim]:
    text = context.text
    people = context.claims["person"]
    pronouns = context.claims["pronoun"]
    organisations = context.claims["organisation"]
    claims: list[QuoteClaim] = []
    matches = list(QUOTATION.finditer(text))
    quoted = [match.span() for match in matches]
    outside = ByStart(person for person in people if not _within(quoted, person.start))
    by_id = {person.id: person for person in people}
    speakers = ByStart(
        [*outside.items, *(pronoun for pronoun in pronouns if _refers_outside(pronoun, by_id, outside, quoted))]
    )
    named = ByStart(organisation for organisation in organisations if not _within(quoted, organisation.start))
    for match in matches:
        group = next(name for name in ("curly", "continued", "straight") if match.group(name) is not None)
        start, end = match.span(group)
        words = folded_words(match.group(group))
        if len(words) < MIN_WORDS:
            continue
        verb, speaker = _attribution(text, match.start(), match.end(), speakers, named)
        claims.append(
            construct(
                QuoteClaim,
                **context.location(KIND, start, end),
                kind=KIND,
                words=" ".join(words),
                edges=(_digest(words[:EDGE_WORDS]), _digest(words[-EDGE_WORDS:])),
                speaker=speaker,
                verb=verb,
                translated=_translated(text, match.start(), match.end()),
            )
        )
    return claims


class ByStart:
    """Claims in text order, to find those starting in a window without reading them all (a
    long list of quotations and names would otherwise cost quadratic time)."""

    def __init__(self, claims: Iterable[Any]) -> None:
        self.items = sorted(claims, key=lambda claim: claim.start)
        self.starts = [claim.start for claim in self.items]

    def between(self, low: int, high: int) -> list[Any]:
        return self.items[bisect.bisect_left(self.starts, low) : bisect.bisect_left(self.starts, high)]


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    """Inside one of the quotations (spans in text order, none overlapping)."""
    index = bisect.bisect_right(spans, (offset, math.inf)) - 1
    return index >= 0 and offset < spans[index][1]


def _refers_outside(pronoun: Any, people: dict[str, Any], outside: ByStart, quoted: list[tuple[int, int]]) -> bool:
    """The pronoun is outside every quotation and the person it refers to is named outside one
    too, before it in its sentence: a "he" whose only antecedent is a name inside a quotation
    does not point at that name."""
    if _within(quoted, pronoun.start):
        return False
    antecedent = people.get(pronoun.antecedent)
    if antecedent is None or not _within(quoted, antecedent.start):
        return True
    return any(
        (person.full_name or person.name) == pronoun.refers_to
        for person in outside.between(pronoun.sentence_start, pronoun.start)
    )


TRANSLATION_REACH = 200
"""How far from the quotation, within its sentences, words saying it was translated are looked for."""


def _translated(text: str, start: int, end: int) -> bool:
    """Words saying the quotation was translated, in the sentence before it or the one after."""
    low = max(0, start - TRANSLATION_REACH)
    stops = [m.end() for m in CLAUSE_END.finditer(text, low, start)]
    before = _translation_cues().search(text, stops[-1] if stops else low, start)
    high = min(len(text), end + TRANSLATION_REACH)
    stop = CLAUSE_END.search(text, end + 1, high)
    after = _translation_cues().search(text, end, stop.start() if stop else high)
    return bool(after or before)


def _attribution(
    text: str, start: int, end: int, speakers: ByStart, organisations: ByStart
) -> tuple[str | None, str | None]:
    """(reporting verb, speaker) from the clause right after the quotation, else the clause
    right before it; the speaker must stand next to the verb ("Ruto said", "said Ruto"), or
    "it" after the quotation stands for the organisation named last before it."""
    high = min(len(text), end + ATTRIBUTION_CHARS)
    stop = CLAUSE_END.search(text, end + 1, high)
    after = (end, stop.start() if stop else high)
    low = max(0, start - ATTRIBUTION_CHARS)
    stops = [m.end() for m in CLAUSE_END.finditer(text, low, start)]
    before = (stops[-1] if stops else low, start)
    for window_start, window_end in (after, before):
        verb = _speaking().search(text, window_start, window_end)
        if verb is None:
            continue
        reach = (max(window_start, verb.start() - SPEAKER_REACH), min(window_end, verb.end() + SPEAKER_REACH))
        speaker = _nearest(speakers, *reach, verb.start())
        if (
            speaker is None
            and (window_start, window_end) == after
            and IT_BEFORE.search(text, window_start, verb.start())
        ):
            speaker = _last_organisation(organisations, start)
        if speaker is not None:
            return verb.group().lower(), speaker
    return None, None


IT_BEFORE = re.compile(r"\bit\s+\Z")
"""'…,” it added': the quotation is an organisation's (a statement, a ministry)."""
ORGANISATION_REACH = 400
"""How far before the quotation the organisation an 'it' stands for may be named."""


def _last_organisation(organisations: ByStart, before: int) -> str | None:
    """The organisation named last before the quotation, within ORGANISATION_REACH."""
    named = organisations.between(before - ORGANISATION_REACH, before)
    return max(named, key=lambda o: o.start).name if named else None


CLAUSE_END = re.compile(r"[.!?](?=\s)|\n")
"""Where an attribution ends: a sentence end or a line break."""
SPEAKER_REACH = 25
"""How far from the reporting verb the speaker may stand ("…,” the president, William Ruto, said")."""


def _nearest(speakers: ByStart, low: int, high: int, at: int) -> str | None:
    """The person (or resolved pronoun) inside the window nearest the reporting verb."""
    best: tuple[int, str] | None = None
    for speaker in speakers.between(low, high):
        name = speaker.refers_to if speaker.kind == "pronoun" else speaker.full_name or speaker.name
        candidate = (abs(speaker.start - at), name)
        best = candidate if best is None or candidate < best else best
    return best[1] if best else None


def describe(claim: QuoteClaim) -> str:
    return f"{claim.speaker} ({claim.verb})" if claim.speaker else "(speaker not named)"
