"""Tokens as sentences are compared: words with inner apostrophes, numbers with their
separators, single punctuation marks; and the folding under which two tokens are the same."""

from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"[0-9][0-9,.\u00a0\u202f\u2009]*[0-9]|[0-9]|\w+(?:['’]\w+)*|[^\w\s]")
"""Words (with inner apostrophes), numbers with their separators, and single punctuation marks."""

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
SEPARATORS = re.compile(r"(?<=[0-9])[,\u00a0\u202f\u2009](?=[0-9]{3})")


def normal_token(token: str) -> str:
    """How tokens are compared: case, accents, curly quotes and thousands separators folded.
    Works on a whole sentence as well as on one token."""
    folded = SEPARATORS.sub("", token.translate(APOSTROPHES)).casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(sentence: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(sentence))
