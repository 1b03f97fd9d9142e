"""Stage 1: find input files, decode them, and make Documents with exact offsets.

Text is sanitised without changing its length, so every offset into a Document
is also an offset into the decoded file.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime
import errno
import fnmatch
import hashlib
import json
import os
import re
import stat
import sys
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

from factdiff.errors import FactdiffError
from factdiff.markup import EXTRACTED, HTML_SUFFIXES, read_page
from factdiff.models import Document, Warning_
from factdiff.segment import split_sentences
from factdiff.text.positions import line_starts

READABLE_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".text", ".jsonl", ".ndjson", ".json"} | HTML_SUFFIXES
)
"""File types read when walking a directory (a file named explicitly is read whatever its suffix)."""

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


def document_id(text: str) -> str:
    """Id from the content, so it survives moving or renaming the file."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def make_document(
    text: str,
    path: str,
    date: datetime.date | None = None,
    notes: tuple[str, ...] = (),
    encoding: str = "utf-8",
    origin: tuple[tuple[int, int], ...] = (),
    segmented: bool = True,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Document:
    """Build a Document from already-decoded text (used by the loader and by tests); without
    ``segmented`` its sentences are left out (a text read again only for evidence)."""
    text = sanitise(text)
    return Document.model_construct(
        id=document_id(text),
        path=path,
        chars=len(text),
        date=date,
        notes=notes,
        encoding=encoding,
        title=title,
        source=source,
        url=url,
        text=text,
        line_starts=line_starts(text),
        sentences=split_sentences(text) if segmented else (),
        origin=origin,
    )


def iter_files(
    paths: Iterable[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = (), follow: bool = False
) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) for each input path; directories are walked in sorted order,
    keeping files whose path inside the folder matches an ``include`` pattern (default: the
    readable suffixes) and no ``exclude`` pattern ('*.jsonl', 'drafts/*'). Symbolic links to
    files are read; links to folders only with ``follow``, and a link back into a folder
    being walked is reported, not followed."""
    for raw in paths:
        path = Path(raw)
        status = None if str(raw) == STDIN else _status(path)
        if status is None:
            yield path, None
        elif isinstance(status, str):
            yield path, status
        elif stat.S_ISDIR(status.st_mode):
            for child, problem in _walk(path, follow):
                inside = child.relative_to(path).as_posix()
                if include and not any(fnmatch.fnmatch(inside, pattern) for pattern in include):
                    continue
                if not include and child.suffix.lower() not in READABLE_SUFFIXES and problem != LOOP:
                    continue
                if any(fnmatch.fnmatch(inside, pattern) for pattern in exclude):
                    continue
                yield child, problem
        else:
            kind = stat.S_IFMT(status.st_mode)
            yield path, None if kind in READ_TYPES else f"not a regular file: {TYPE_NAMES.get(kind, 'special file')}"


LOOP = "symbolic link loop (a folder that contains itself); not followed"
SELF_LOOP = "symbolic link loop (a link that leads back to itself)"
READ_TYPES = frozenset({stat.S_IFREG, stat.S_IFIFO, stat.S_IFCHR})
"""What a path named on the command line may be: a file, a pipe (bash's <(curl …)) or a
character device (/dev/null); a pipe or device is read once (see read_once). A folder walk
reads regular files only."""
TYPE_NAMES = {stat.S_IFSOCK: "socket", stat.S_IFBLK: "block device"}


def _status(path: Path) -> os.stat_result | str:
    """The status of the file a path leads to, or why there is none."""
    try:
        return path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return SELF_LOOP
        if path.is_symlink():
            return "broken symbolic link"
        return "no such file or directory" if error.errno == errno.ENOENT else error.strerror or str(error)


def _walk(folder: Path, follow: bool, ancestors: tuple[tuple[int, int], ...] = ()) -> Iterator[tuple[Path, str | None]]:
    """Files under a folder in sorted order, with a problem for each broken link or loop.
    ``ancestors`` are the (device, inode) of the folders above, for loop detection."""
    status = folder.stat()
    ancestors = (*ancestors, (status.st_dev, status.st_ino))
    try:
        children = sorted(folder.iterdir())
    except OSError as error:
        yield folder, error.strerror or str(error)
        return
    for child in children:
        if child.is_dir():
            if not child.is_symlink():
                yield from _walk(child, follow, ancestors)
            elif follow:
                target = child.stat()
                if (target.st_dev, target.st_ino) in ancestors:
                    yield child, LOOP
                else:
                    yield from _walk(child, follow, ancestors)
        elif child.is_file():
            yield child, None
        elif child.is_symlink() and isinstance(problem := _status(child), str):
            yield child, problem


def read_file(
    path: Path,
    problem: str | None = None,
    max_bytes: int | None = None,
    encoding: str | None = None,
    segmented: bool = True,
) -> list[Document | Warning_]:
    """The documents in one input file (one, or one per JSON record), and a Warning_ for each
    thing that cannot be read (the whole file, or one bad record). ``segmented``: as in
    make_document."""
    if problem is None and max_bytes is not None and str(path) != STDIN and path.stat().st_size > max_bytes:
        problem = f"larger than --max-bytes ({max_bytes:,} bytes); skipped"
    if problem is None:
        try:
            return _documents(path, *decode(_bytes_of(path), encoding), segmented)
        except (OSError, ValueError, UnicodeDecodeError, LookupError) as error:
            problem = getattr(error, "strerror", None) or str(error)
    return [Warning_(path=shown_path(path), message=problem)]


def _documents(
    path: Path, text: str, encoding: str, notes: tuple[str, ...], segmented: bool
) -> list[Document | Warning_]:
    """The documents in a decoded file, by its type. Raises ValueError when there are none."""
    name, suffix = shown_path(path), path.suffix.lower()
    text, repair = repaired(text)
    notes = (*notes, *repair)
    if not text.strip():
        raise ValueError("empty file")
    if suffix in HTML_SUFFIXES:
        page = read_page(text)
        return [
            make_document(
                page.text,
                name,
                page.date,
                (*notes, EXTRACTED),
                encoding,
                page.origin,
                segmented,
                title=page.title,
                source=page.source,
                url=page.url,
            )
        ]
    if suffix in RECORD_SUFFIXES:
        lines = enumerate(text.splitlines(), 1)
        return [_record(name, number, line, encoding, notes, segmented) for number, line in lines if line.strip()]
    if suffix == JSON_SUFFIX:
        records = json_records(text)
        return [_parsed_record(f"{name}#{number}", record, encoding, notes, segmented) for number, record in records]
    text, date = front_matter(sanitise(text))
    return [make_document(text, name, date, notes, encoding, segmented=segmented, source=dateline_source(text))]


WIRE_SERVICES = ("CNN", "Reuters", "AP", "AFP", "Bloomberg", "UPI", "dpa", "EFE", "ANSA", "Xinhua", "PA", "CNA", "BBC")
"""Outlets whose name opens their copy in a dateline: '(CNN)', 'NAIROBI, June 26 (Reuters) -'."""
DATELINE = re.compile(rf"\((?P<outlet>{'|'.join(WIRE_SERVICES)})\)")
DATELINE_REACH = 120
"""A dateline stands in the first characters of an article; the name later is a mention."""


def dateline_source(text: str) -> str | None:
    """The outlet a plain-text article's dateline names, when it has one."""
    found = DATELINE.search(text, 0, DATELINE_REACH)
    return found.group("outlet") if found else None


FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>(?:(?!---[ \t]*\n).*\n){0,200}?)---[ \t]*(?:\n|\Z)")
"""A Markdown file's YAML front matter: between two '---' lines at the very start."""
FRONT_MATTER_DATE = re.compile(
    r"^(?:date|published)[ \t]*:[ \t]*[\"']?(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})", re.MULTILINE
)


def front_matter(text: str) -> tuple[str, datetime.date | None]:
    """(text with its front matter blanked to spaces, keeping offsets and lines; its date)."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return text, None
    found = FRONT_MATTER_DATE.search(match.group("body"))
    date = None
    if found:
        try:
            date = datetime.date.fromisoformat(found.group("date"))
        except ValueError:
            date = None
    blank = re.sub(r"[^\n]", " ", match.group())
    return blank + text[match.end() :], date


RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""JSON Lines: one article per line, with its metadata."""
JSON_SUFFIX = ".json"
"""A JSON file: one article, a list of them, or an API export holding the list under a key."""
RECORD_LISTS = ("articles", "items", "results", "data", "documents", "records")
"""Keys under which news API exports keep their list of articles (NewsAPI: 'articles')."""
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "datetime")
TOO_DEEP = "nested too deeply to be an article"
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site")
URL_FIELDS = ("url", "link")


def _record(
    name: str, number: int, line: str, encoding: str = "utf-8", notes: tuple[str, ...] = (), segmented: bool = True
) -> Document | Warning_:
    """One JSON Lines record: its text as a document named FILE#LINE, dated by its metadata."""
    where = f"{name}#{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Warning_(path=where, message=f"bad JSON Lines record: {error.msg}")
    except RecursionError:
        return Warning_(path=where, message=f"bad JSON Lines record: {TOO_DEEP}")
    return _parsed_record(where, record, encoding, notes, segmented)


def _parsed_record(
    where: str, record: object, encoding: str, notes: tuple[str, ...] = (), segmented: bool = True
) -> Document | Warning_:
    text = next(
        (record[key] for key in TEXT_FIELDS if isinstance(record, dict) and isinstance(record.get(key), str)), None
    )
    if not text or not text.strip():
        return Warning_(path=where, message="record has no text (looked for text, body, content)")
    return make_document(
        text,
        where,
        _date(record),
        notes,
        encoding,
        segmented=segmented,  # type: ignore[arg-type]
        title=_field(record, TITLE_FIELDS),
        url=_field(record, URL_FIELDS),  # type: ignore[arg-type]
        source=_outlet(record) or dateline_source(text),  # type: ignore[arg-type]
    )


def _field(record: dict, names: tuple[str, ...]) -> str | None:
    """The first of the named fields that holds a non-empty string, whitespace collapsed."""
    value = next((record[name] for name in names if isinstance(record.get(name), str) and record[name].strip()), None)
    return " ".join(value.split()) if value else None


def _outlet(record: dict) -> str | None:
    """The record's outlet: a string, or NewsAPI's {"id": …, "name": "Reuters"}."""
    value = record.get("source")
    if isinstance(value, dict):
        return _field(value, ("name", "id"))
    return _field(record, SOURCE_FIELDS)


def json_records(text: str) -> list[tuple[int, object]]:
    """(1-based number, record) for each article in a JSON file. Raises ValueError when the
    file is not JSON or holds no list of articles."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"bad JSON: {error.msg} (line {error.lineno})") from None
    except RecursionError:
        raise ValueError(f"bad JSON: {TOO_DEEP}") from None
    if isinstance(parsed, dict):
        listed = next((parsed[key] for key in RECORD_LISTS if isinstance(parsed.get(key), list)), None)
        parsed = listed if listed is not None else [parsed]
    if not isinstance(parsed, list):
        raise ValueError("JSON holds no article (expected an object or a list of objects)")
    return list(enumerate(parsed, 1))


def _date(record: dict) -> datetime.date | None:
    """The record's publication date, from an ISO date or timestamp in a date field."""
    for key in DATE_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and ISO_DATE.match(value):
            try:
                return datetime.date.fromisoformat(value[:10])
            except ValueError:
                return None
    return None


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


STDIN = "-"
"""The path that means standard input."""


@cache
def read_once(name: str) -> bytes:
    """Standard input, a pipe or a device, read once and kept: it cannot be read again for
    evidence (a new run clears the cache: /dev/fd/63 is another pipe then)."""
    return sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()


def streamed(path: Path) -> bool:
    """Read once, not from a file: standard input, a pipe or a device named on the command line."""
    return str(path) == STDIN or not path.is_file()


def _bytes_of(path: Path) -> bytes:
    return read_once(str(path)) if streamed(path) else path.read_bytes()


def text_again(file: str, path: str, encoding: str | None = None) -> Document:
    """A document read again from its file, as first read; ``path`` is its path in the report
    (FILE#N for a record of a JSON file), ``file`` where the file really is."""
    record = path.removeprefix(shown_path(file)).removeprefix("#")
    if record and Path(file).suffix.lower() in RECORD_SUFFIXES:
        text = decode(_bytes_of(Path(file)), encoding)[0]
        line = repaired(text)[0].splitlines()[int(record) - 1]
        found = _record(shown_path(file), int(record), line, encoding or "utf-8", segmented=False)
    else:
        documents = read_file(Path(file), encoding=encoding, segmented=False)
        found = next((document for document in documents if document.path == path), documents[0])
    if isinstance(found, Warning_):
        raise ValueError(found.message)
    return found


def located(path: str) -> str:
    """The file a document's path in a report names, its record number (FILE#N) dropped:
    each part that does not exist as shown is the entry of its folder shown that way."""
    name, _, record = path.rpartition("#")
    if not (record.isdigit() and Path(name).suffix.lower() in (*RECORD_SUFFIXES, JSON_SUFFIX)):
        name = path  # a file whose own name holds '#'
    if name == STDIN or os.path.lexists(name):
        return name
    real = Path()
    for part in Path(name).parts:
        candidate = real / part
        if not os.path.lexists(candidate):
            with contextlib.suppress(OSError):  # an unreadable folder: reading the file says so
                candidate = next((entry for entry in real.iterdir() if shown_path(entry.name) == part), candidate)
        real = candidate
    return str(real)


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


class FileTexts:
    """Documents' texts read again from their files when claims are judged (the pipeline keeps
    claims, not texts). A file that changed since it was read is an error, not wrong evidence."""

    def __init__(self, sources: Mapping[str, tuple[str, str, str]]) -> None:
        """``sources``: each document's (file, path in the report, encoding), as text_again takes them."""
        self.sources = sources
        self.kept: OrderedDict[str, Document] = OrderedDict()
        self.kept_chars = 0

    def document(self, document: str) -> Document:
        """The document, from the most recently used ones kept (up to TEXT_CHARS_KEPT
        characters in all), else read again."""
        found = self.kept.get(document)
        if found is not None:
            self.kept.move_to_end(document)
            return found
        found = self._read(document)
        self.kept[document] = found
        self.kept_chars += found.chars
        while self.kept_chars > TEXT_CHARS_KEPT and len(self.kept) > 1:
            self.kept_chars -= self.kept.popitem(last=False)[1].chars
        return found

    def _read(self, document: str) -> Document:
        file, path, encoding = self.sources[document]
        try:
            found = text_again(file, path, encoding)
        except (OSError, ValueError, IndexError) as error:
            raise FactdiffError(f"{path}: cannot read it again: {error}", code="E102") from None
        if found.id != document:
            raise FactdiffError(f"{path}: changed while factdiff was reading it; run again", code="E102")
        return found

    def text(self, document: str) -> str:
        return self.document(document).text

    def line_starts(self, document: str) -> tuple[int, ...]:
        return self.document(document).line_starts

    def origin(self, document: str) -> tuple[tuple[int, int], ...]:
        return self.document(document).origin


class MemoryTexts:
    """Texts of documents already in memory (tests, benchmarks, scripts)."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents = {document.id: document for document in documents}

    def text(self, document: str) -> str:
        return self.documents[document].text

    def line_starts(self, document: str) -> tuple[int, ...]:
        return self.documents[document].line_starts

    def origin(self, document: str) -> tuple[tuple[int, int], ...]:
        return self.documents[document].origin


TEXT_CHARS_KEPT = 32_000_000
"""Characters of document text held at once while claims get their evidence back (about
10,000 news articles): blocks visit documents in key order, not document order, so a
small cache reads the same files again and again."""
