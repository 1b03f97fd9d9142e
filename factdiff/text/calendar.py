"""Month and weekday names, as every stage that reads or compares dates writes them."""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
MONTH_WORDS = "|".join(MONTH_NAMES + SHORT_MONTHS)
"""Every way a month is written, as a regex alternation (used wherever text mentions a month)."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SHORT_WORDS = frozenset(short.lower() for short in SHORT_MONTHS)


def month_number(word: str) -> int | None:
    """1-12 for a month however it is written ('September', 'Sept', 'sep'), None otherwise."""
    folded = word.rstrip(".").lower()
    for number, name in enumerate(MONTH_NAMES, 1):
        if name.lower() == folded or (folded in SHORT_WORDS and name.lower().startswith(folded[:3])):
            return number
    return None
