"""Where patterns can start in a text, found for several patterns in one compiled pass.

Python's regex engine tries a pattern at every position of a text. A pattern that opens with
a long list of words ('more than', 'twenty', 'January') then costs tens of microseconds a
sentence, even in the two sentences of three that hold none of them. So such a pattern
declares the phrases every match of it opens with (its *openings*); one pass of Hyperscan, a
compiled multi-pattern matcher, finds where any opening of any of a caller's patterns occurs,
and each pattern is tried only there (``finditer``): the same matches, found several times
faster.

Hyperscan reads bytes and folds case in ASCII only, so it reads the text as Latin-1, one byte
per character (offsets stay those of the text), with what Python would match differently put
right: every kind of space a Python ``\\s`` matches becomes a space; the four letters Python's
case-insensitive matching takes for ASCII ones (long s, the Kelvin sign, dotted capital I and
dotless i) become those letters; a symbol outside Latin-1 that an opening holds ('€')
becomes a control byte of its own, and any other character outside Latin-1 '?'. An opening
may hold no non-ASCII letter: its case would fold differently on each side.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping

import hyperscan

from factdiff.text.cache import cache_folder, write_whole

DIGITS = tuple("0123456789")
"""The opening of a pattern that may start with a numeral."""
UNICODE_SPACES = "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""What Python's ``\\s`` matches beyond ASCII white space (every code point checked: tests/test_starts.py)."""
CASE_FOLDS_TO_ASCII = {"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"}
"""The non-ASCII characters Python's case-insensitive matching equates with ASCII letters
(every code point checked: tests/test_starts.py)."""
RESERVED_BYTES = range(0x01, 0x09)
"""Control bytes that stand for the openings' symbols outside Latin-1 (a text holding such a
byte itself only yields a candidate that the pattern then rejects)."""
LATIN1_SPACES = bytes.maketrans(b"\x1c\x1d\x1e\x1f\x85\xa0", b"      ")
ASCII_SPACES = r"[\t\n\x0b\x0c\r ]+"
"""A run of white space in an opening, as Hyperscan reads the text (other spaces are spaces by then)."""
ERROR_HANDLER = "factdiff-starts"
READ_AS = {**{space: " " for space in UNICODE_SPACES if ord(space) > 0xFF}, **CASE_FOLDS_TO_ASCII}
"""Characters outside Latin-1 that are read as a space or an ASCII letter."""
_symbols: dict[str, str] = {}
"""Each symbol outside Latin-1 an opening holds -> the reserved byte it is read as (filled as openings are compiled)."""


def _beyond_latin1_as(error: UnicodeEncodeError) -> tuple[str, int]:
    characters = error.object[error.start : error.end]
    return "".join(READ_AS.get(character) or _symbols.get(character, "?") for character in characters), error.end


codecs.register_error(ERROR_HANDLER, _beyond_latin1_as)


class StartFinder:
    """Named patterns, each with its openings: where each may start in a text, found for all of
    them in one pass (``find``)."""

    def __init__(self, patterns: Mapping[str, tuple[re.Pattern[str], Iterable[str]]]) -> None:
        self.patterns = {name: pattern for name, (pattern, _) in patterns.items()}
        self.openings = {name: tuple(sorted(set(openings))) for name, (_, openings) in patterns.items()}
        expressions: list[bytes] = []
        ids: list[int] = []
        for index, name in enumerate(self.patterns):
            for phrase in self.openings[name]:
                expressions.append(_expression(phrase, name))
                ids.append(index)
        self.database = _database(expressions, ids)
        self.local = threading.local()
        """Each thread's own scratch space: Hyperscan refuses one shared by two scans at once
        (a cluster's worker may extract in several threads)."""

    def find(self, text: str) -> Starts:
        """Where each pattern may start in the text."""
        found: list[list[int]] = [[] for _ in self.patterns]

        def on_match(index: int, start: int, end: int, flags: int, context: object) -> None:
            found[index].append(start)

        latin1 = text.encode("latin-1", ERROR_HANDLER).translate(LATIN1_SPACES)
        if not hasattr(self.local, "scratch"):
            self.local.scratch = hyperscan.Scratch(self.database)
        self.database.scan(latin1, match_event_handler=on_match, scratch=self.local.scratch)
        return Starts(
            self, text, {name: sorted(set(starts)) for name, starts in zip(self.patterns, found, strict=True)}
        )


class Starts:
    """A text and where each of a finder's patterns may start in it."""

    def __init__(self, finder: StartFinder, text: str, positions: dict[str, list[int]]) -> None:
        self.finder = finder
        self.text = text
        self.positions = positions

    def finditer(self, name: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)`` for the named pattern, which is tried only
        where an opening of it was found: the same matches, as none is empty."""
        pattern, text, starts = self.finder.patterns[name], self.text, self.positions[name]
        end = len(text) if endpos is None else endpos
        resume = pos
        for start in starts[bisect_left(starts, pos) : bisect_left(starts, end)]:
            if start < resume:
                continue
            match = pattern.match(text, start, end)
            if match:
                yield match
                resume = max(match.end(), start + 1)

    def any_between(self, start: int, end: int) -> bool:
        """Whether any of the patterns may start in text[start:end]: where none may, none of
        them matches that stretch read on its own either."""
        return any(bisect_left(starts, start) < bisect_left(starts, end) for starts in self.positions.values())

    def search(self, name: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)`` for the named pattern."""
        return next(self.finditer(name, pos, endpos), None)


def _database(expressions: list[bytes], ids: list[int]) -> hyperscan.Database:
    """The expressions compiled, each reporting its id and where its match starts. Compiling
    takes 3-10 ms a finder, more than the rest of a short command's extraction; so the database
    is kept in the user's cache folder, under a digest of what it was compiled from, and read
    from there (30 µs) when a run finds it (compiled again if it is unreadable, or was made on
    another kind of processor)."""
    digest = hashlib.sha256(repr((hyperscan.__version__, expressions, ids)).encode()).hexdigest()[:24]
    folder = cache_folder()
    path = folder / f"starts-{digest}.hs" if folder else None
    with contextlib.suppress(OSError, hyperscan.HyperscanError):
        if path and path.exists():
            return hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
    database = hyperscan.Database()
    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SOM_LEFTMOST
    database.compile(expressions=expressions, ids=ids, elements=len(ids), flags=[flags] * len(ids))
    if path:
        serialised = hyperscan.dumpb(database)
        write_whole(path, lambda temporary: temporary.write_bytes(serialised))
    return database


def _expression(phrase: str, name: str) -> bytes:
    """The phrase as a Hyperscan expression: each character as its byte (a symbol outside
    Latin-1 as its reserved byte), a run of spaces as any run of white space."""
    words: list[str] = []
    for word in phrase.split():
        escaped = ""
        for character in word:
            if not character.isascii() and character.lower() != character.upper():
                raise ValueError(f"opening {phrase!r} of {name!r}: a non-ASCII letter folds case unlike Hyperscan")
            if ord(character) > 0xFF and character not in _symbols:
                if len(_symbols) == len(RESERVED_BYTES):
                    raise ValueError(f"openings of {name!r}: more symbols outside Latin-1 than reserved bytes")
                _symbols[character] = chr(RESERVED_BYTES[len(_symbols)])
            escaped += f"\\x{ord(_symbols.get(character, character)):02x}"
        words.append(escaped)
    if not words:
        raise ValueError(f"an opening of {name!r} is empty")
    return ASCII_SPACES.join(words).encode()
