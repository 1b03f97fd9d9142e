"""Sentences and paragraphs as offsets into the unchanged text.

Nothing here rewrites the text: every boundary is an offset, so evidence can be
sliced from the original document exactly.
"""

from __future__ import annotations

import re
from functools import cache

from factdiff.text.lexicon import sentence_data

"""Words whose trailing full stop does not end a sentence (lower case, without the final dot)."""

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z][.!?])(?=[A-Z][a-z])")
"""A candidate sentence end: terminal punctuation, closing quotes, then space and a capital;
or a full stop glued to the next sentence ("last December.Brian Wright"), common in scraped text."""

WRAPPED_LINE_MIN = 40
"""A line at least this long that does not end a sentence is taken to be wrapped prose."""
HARD_LINE_ENDINGS = (".", "!", "?", ":", '"', "”", "’", "'", ")")
"""A line ending in one of these ends its sentence (and its run of lines)."""

WORD_BEFORE = re.compile(r"[\w.]+$")
"""The token that ends at a candidate full stop (for the abbreviation check)."""


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    match = WORD_BEFORE.search(text, max(line_start, dot - 12), dot)
    if match is None:
        return False
    word = match.group().lower().rstrip(".")
    return word in _abbreviations() or (len(word) == 1 and word.isalpha())


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines that belong together: a line break inside wrapped
    prose joins its lines; a blank line, a line ending a sentence, or a short line (a
    headline, a caption, a list item) ends the run."""
    runs: list[tuple[int, int]] = []
    run_start = 0
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            runs.append((run_start, length))
            break
        line = text[line_start:line_end].rstrip()
        following = text[line_end + 1 : line_end + 2]
        wrapped = len(line) >= WRAPPED_LINE_MIN and not line.endswith(HARD_LINE_ENDINGS) and following[:1].strip() != ""
        if not wrapped:
            runs.append((run_start, line_end))
            run_start = line_end + 1
        line_start = line_end + 1
    return runs


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence, whitespace trimmed, in text order."""
    spans: list[tuple[int, int]] = []
    for run_start, run_end in paragraphs(text):
        start = run_start
        for match in SENTENCE_END.finditer(text, run_start, run_end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start(), run_start):
                continue
            _append_trimmed(text, start, match.end(), spans)
            start = match.end()
        _append_trimmed(text, start, run_end, spans)
    return tuple(spans)


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(sentence_data().abbreviations)


def is_question(sentence: str) -> bool:
    """Whether the sentence asks rather than states ('Do you have anything similar?')."""
    return sentence.rstrip(" \"'”’)").endswith("?")


SPEAKER_LABEL = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*){1,2}:[ \t]+(?=\S)")
"""A transcript's speaker label, two or three words at the start of a sentence: 'Project Manager: ',
'Sales Agent: ', 'Professor C: '. One word before a colon is as often a headline's topic ('Selena:
20 years after her death'), which is what the sentence is about."""


def speaker_label_end(sentence: str) -> int:
    """Where a transcript's speaker label ends (0 when the sentence has none): the label names
    who speaks, not what is said, and two turns by one speaker share it whatever they say."""
    found = SPEAKER_LABEL.match(sentence)
    return found.end() if found else 0
