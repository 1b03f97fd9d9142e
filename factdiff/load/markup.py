"""HTML pages: the article's main text, without navigation, share buttons, paywall prompts or
cookie banners (trafilatura does the extraction), and a map from that text back to the file.

The document is the extracted text, so claims' offsets, lines and columns point into it; the
map gives each paragraph the line of the HTML file it starts on, so evidence can also name
the line a reader would open the page at.
"""

from __future__ import annotations

import bisect
import datetime
import html
import re
from typing import NamedTuple

from factdiff.text.positions import line_starts

HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm", ".xhtml"})
EXTRACTED = "main text extracted from HTML (trafilatura)"
"""The note a document read from an HTML page carries."""
NO_ARTICLE = "no article text found in the HTML page"
MIN_ARTICLE_WORDS = 8
"""Fewer words than this is what is left of a page with no article (a 'Home' link), not news."""

PARAGRAPH_BREAK = "\n\n"
"""Between extracted paragraphs: a blank line, so a heading never runs into the next sentence."""
ANCHOR_CHARS = 40
"""How many non-space characters of a paragraph are looked up in the page to place it."""
RAW_TEXT_ELEMENTS = ("script", "style", "template", "noscript")
"""Elements whose content is never visible text (skipped when placing paragraphs)."""
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
FULL_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
"""A whole page; anything else is a fragment ('<p>…</p>'), which is wrapped in a body to be read."""
FULL_PAGE_LOOKS = 4096
RAW_TEXT_ENDS = {name: re.compile(f"</{name}", re.IGNORECASE) for name in RAW_TEXT_ELEMENTS}


class Page(NamedTuple):
    """An HTML page's article text, when it was published, and where its paragraphs start in
    the file: (offset in the text, 1-based line in the file), one pair per paragraph placed."""

    text: str
    date: datetime.date | None
    origin: tuple[tuple[int, int], ...]
    title: str | None
    source: str | None
    url: str | None


def read_page(source: str) -> Page:
    """The article in an HTML page. Raises ValueError when the page has no article text."""
    import logging

    import trafilatura  # imported here: a quarter of a second, and only HTML input needs it

    for name in QUIET_LOGGERS:  # they log parse trouble to stderr; factdiff reports it once, itself
        logging.getLogger(name).setLevel(logging.CRITICAL)
    whole = source if FULL_PAGE.search(source[:FULL_PAGE_LOOKS]) else f"<html><body>{source}</body></html>"
    try:
        found = trafilatura.bare_extraction(
            whole,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:
        raise ValueError(f"HTML page could not be parsed ({type(error).__name__})") from None
    paragraphs = [line.strip() for line in (_field(found, "text") or "").split("\n") if line.strip()]
    if sum(len(paragraph.split()) for paragraph in paragraphs) < MIN_ARTICLE_WORDS:
        raise ValueError(NO_ARTICLE)
    text = PARAGRAPH_BREAK.join(paragraphs)
    return Page(
        text,
        _date(_field(found, "date")),
        origin(source, paragraphs),
        _text(_field(found, "title")),
        _text(_field(found, "sitename")),
        _text(_field(found, "url")),
    )


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _field(found: object, name: str) -> object:
    """A field of trafilatura's result: an object, or a dict in some releases."""
    return found.get(name) if isinstance(found, dict) else getattr(found, name, None)


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def origin(source: str, paragraphs: list[str]) -> tuple[tuple[int, int], ...]:
    """Place each paragraph in the page: its first non-space characters are found in the page's
    visible characters, in order, and the file line of the first one is recorded."""
    visible, offsets = visible_characters(source)
    starts = line_starts(source)
    placed: list[tuple[int, int]] = []
    cursor = offset_in_text = 0
    for paragraph in paragraphs:
        anchor = "".join(paragraph.split())[:ANCHOR_CHARS]
        found = visible.find(anchor, cursor)
        if found == -1:
            found = visible.find(anchor)
        if found != -1:
            placed.append((offset_in_text, bisect.bisect_right(starts, offsets[found])))
            cursor = found + len(anchor)
        offset_in_text += len(paragraph) + len(PARAGRAPH_BREAK)
    return tuple(placed)


def visible_characters(source: str) -> tuple[str, list[int]]:
    """The page's text outside tags, comments and scripts, entities decoded and whitespace
    dropped, with the file offset of each character. One pass with str.find: linear on any
    input, including unclosed tags and comments."""
    characters: list[str] = []
    offsets: list[int] = []
    position, length = 0, len(source)
    while position < length:
        tag = source.find("<", position)
        end_of_text = length if tag == -1 else tag
        _append_text(source, position, end_of_text, characters, offsets)
        if tag == -1:
            break
        position = _after_markup(source, tag)
    return "".join(characters), offsets


def _append_text(source: str, start: int, end: int, characters: list[str], offsets: list[int]) -> None:
    position = start
    while position < end:
        character = source[position]
        if character == "&":
            semicolon = source.find(";", position, min(end, position + 12))
            if semicolon != -1:
                for decoded in html.unescape(source[position : semicolon + 1]):
                    if not decoded.isspace():
                        characters.append(decoded)
                        offsets.append(position)
                position = semicolon + 1
                continue
        if not character.isspace():
            characters.append(character)
            offsets.append(position)
        position += 1


def _after_markup(source: str, tag: int) -> int:
    """Where text resumes after the markup that starts at ``tag`` (a comment, a tag, or an
    element whose content is not text); the end of the file when it is never closed."""
    if source.startswith("<!--", tag):
        close = source.find("-->", tag + 4)
        return len(source) if close == -1 else close + 3
    close = source.find(">", tag)
    if close == -1:
        return len(source)
    name = (source[tag + 1 : close].split(None, 1) or [""])[0].lower()
    if name in RAW_TEXT_ELEMENTS:
        end = RAW_TEXT_ENDS[name].search(source, close)
        return len(source) if end is None else end.start()
    return close + 1
