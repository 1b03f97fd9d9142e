"""Which language a text is written in, with Google's CLD2 (pycld2: compiled, offline, about
8 MB/s here, 1 ms to import): the rules read English, so a page in another language is read
but not checked, rather than checked with English word lists that would misread it."""

from __future__ import annotations

import re

import pycld2

SAMPLE_CHARS = 4000
"""The start of a text is enough to tell its language, and keeps long pages cheap."""

SUPPORTED = frozenset({"en"})
"""Languages whose word lists and rules factdiff has."""

NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""What CLD2 refuses as input (controls, lone surrogates): it carries no language anyway."""


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ('en', 'de'), or None when CLD2 cannot tell it
    reliably (a short or mixed text)."""
    sample = NOT_TEXT.sub(" ", text[:SAMPLE_CHARS])
    try:
        reliable, _, ((_, code, _, _), *_) = pycld2.detect(sample)
    except pycld2.error:
        return None
    return code if reliable and code != "un" else None


def checked(language: str | None) -> bool:
    """Whether the rules run on a text in this language: one factdiff reads, or one it could not
    tell (short English texts often cannot be told, and most input is English)."""
    return language is None or language in SUPPORTED
