"""Bytes to text: the encoding (byte-order mark, UTF-8, a few bad bytes, cp1252, --encoding),
mojibake repaired, terminal controls blanked without changing the length (so every offset
into a document is an offset into the decoded file), and file names made printable."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks checked first, longest match first (UTF-32 LE starts like UTF-16 LE)."""


FALLBACK_ENCODING = "cp1252"
"""Used when strict UTF-8 fails: news text saved on Windows is cp1252, and latin-1 would
turn its curly quotes and dashes into invisible C1 controls."""


TERMINAL_CONTROL = re.compile(
    r"""
    \x1b (?: \[ [0-?]* [ -/]* [@-~]          # CSI: colours, cursor movement
           | \] [^\x07\x1b]* (?:\x07|\x1b\\)? # OSC: titles, hyperlinks
           | [PX^_] [^\x1b]* (?:\x1b\\)?      # DCS, SOS, PM, APC strings
           | . )?                            # any other two-byte escape
    | [\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]   # other C0 and C1 controls
    | [\u202a-\u202e\u2066-\u2069]             # bidi overrides and isolates
    """,
    re.VERBOSE | re.DOTALL,
)
"""Sequences that could act on a terminal; each is replaced by as many spaces."""


CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Any character TERMINAL_CONTROL starts with: one character class scans a clean text many
times faster than the alternation, and most texts are clean."""


def sanitise(text: str) -> str:
    """Blank out terminal controls and normalise CR line ends, keeping the length."""
    if CONTROL_CHARACTER.search(text):
        text = TERMINAL_CONTROL.sub(lambda m: " " * len(m.group()), text)
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as ``encoding`` says when given (--encoding), else as the BOM says, else
    strict UTF-8, else UTF-8 with its few invalid sequences replaced, else cp1252. Returns
    (text, encoding used, notes on what was replaced)."""
    if encoding is not None:
        return data.decode(encoding, errors="replace").removeprefix("\ufeff"), encoding, ()
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding, ()
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
    marks = text.count("\ufffd")
    replaced = marks - data.count("\ufffd".encode())  # not the replacement characters the file holds
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii - marks > replaced and (replaced <= FEW_INVALID or replaced * 100 < len(text)):
        return text, "utf-8", (f"{replaced} invalid UTF-8 sequence{'s' if replaced > 1 else ''} replaced (U+FFFD)",)
    return data.decode(FALLBACK_ENCODING, errors="replace"), FALLBACK_ENCODING, ()


FEW_INVALID = 3
"""Invalid sequences a UTF-8 file may hold (or under 1% of its characters) and still be read as
UTF-8, when its valid non-ASCII characters outnumber them: a cp1252 file has none valid (its
curly quotes are all invalid UTF-8), so a short one is not mistaken for damaged UTF-8."""


MOJIBAKE = re.compile(r"â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]")
"""UTF-8 read as cp1252 or latin-1 ("Kenyaâ€™s"): the sign that ftfy should repair the text."""


REPAIRED = "mojibake repaired (ftfy)"


def repaired(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with mojibake undone, and a note when that changed it. Only texts that show
    the sign are handed to ftfy (its encoding fix only: curly quotes stay curly)."""
    if not MOJIBAKE.search(text):
        return text, ()
    import ftfy  # imported here: most texts never need it

    fixed = ftfy.fix_encoding(text)
    return fixed, (REPAIRED,) if fixed != text else ()


UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters a path must not carry into a report or onto a terminal: C0 and C1 controls,
DEL, line separators, bidi marks and overrides, and the surrogates that stand for bytes that
are not UTF-8."""


def shown_path(path: str | Path) -> str:
    """A path as reports and warnings show it: printable UTF-8, with each byte that is not
    UTF-8 shown as \\xff and each control character escaped (\\x1b, \\n); ``located`` finds
    the file again."""
    return UNPRINTABLE.sub(_escaped, str(path))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")
