"""The values a written number can stand for, and the one test of whether two such ranges
can both hold.

"over 800" is 800 to unbounded, "about 2,500" is 2,250 to 2,750, a round "700" is 695 to
705: a hedge is an interval, and two numbers contradict each other only when their
intervals do not overlap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from factdiff.text.lexicon import quantity_data


class Interval(NamedTuple):
    """Every value from ``low`` to ``high``; ``high`` None means no upper bound."""

    low: float
    high: float | None

    @property
    def top(self) -> float:
        return math.inf if self.high is None else self.high

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.top and other.low <= self.top

    def gap(self, other: Interval) -> float:
        """How far apart two intervals that do not overlap are, relative to the higher one:
        from the top of the lower (its low, when it has no top) to the low of the higher."""
        lower, upper = (self, other) if self.top < other.low else (other, self)
        top = lower.low if lower.high is None else lower.high
        return (upper.low - top) / max(upper.low, 1.0)


def all_overlap(intervals: Iterable[Interval]) -> bool:
    """Whether every pair overlaps: on a line, exactly when the largest low is under the smallest top."""
    listed = list(intervals)
    return max(interval.low for interval in listed) <= min(interval.top for interval in listed)


def hedged(value: float, hedge_kind: str) -> Interval:
    """The values a number with this hedge ('above', 'approx', …) can stand for."""
    low_factor, high_factor = quantity_data().hedge_intervals[hedge_kind]  # type: ignore[index]
    return Interval(value * low_factor, None if high_factor is None else value * high_factor)
