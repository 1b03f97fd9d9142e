"""One matching key for names and phrases: what differs only in accents, case, apostrophes,
hyphens and spaces folds to the same string."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NOT_ALNUM_ASCII = re.compile(r"[^0-9A-Za-z]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Matching key for names: accents, case, apostrophes, hyphens and spaces removed.
    Cached: the same names recur through an archive."""
    if text.isascii():
        return NOT_ALNUM_ASCII.sub("", text).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
    return kept.casefold()
