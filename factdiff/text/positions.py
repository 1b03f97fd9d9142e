"""Where an offset is: its line and column, its line in the file markup was extracted from,
the sentence holding it."""

from __future__ import annotations

import bisect


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line begins."""
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return tuple(starts)


def line_column(starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def origin_line(origin: tuple[tuple[int, int], ...], offset: int) -> int | None:
    """The input file's line for an offset in text extracted from markup: ``origin`` pairs
    each placed paragraph's offset with the file line it starts on. None without a map."""
    index = bisect.bisect_right(origin, (offset, 1 << 62)) - 1
    return origin[index][1] if index >= 0 else None


def sentence_at(sentences: tuple[tuple[int, int], ...], offset: int) -> tuple[int, int]:
    """The sentence span containing offset (or the nearest one before it)."""
    index = bisect.bisect_right(sentences, (offset, float("inf"))) - 1
    if index < 0:
        return sentences[0] if sentences else (0, 0)
    return sentences[index]
