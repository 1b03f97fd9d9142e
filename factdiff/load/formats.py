"""Decoded text to Documents, by file type: plain text and Markdown (front matter, wire
datelines), HTML pages (main text only), JSON and JSON Lines records with their metadata."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from functools import cache
from pathlib import Path

from factdiff.load.decode import decode, repaired, sanitise, shown_path
from factdiff.load.discover import STDIN, input_bytes
from factdiff.load.markup import EXTRACTED, HTML_SUFFIXES, read_page
from factdiff.models import Document, Warning_
from factdiff.text.lexicon import organisation_data
from factdiff.text.positions import line_starts
from factdiff.text.sentences import split_sentences


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
            return _documents(path, *decode(input_bytes(path), encoding), segmented)
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
        return [jsonl_record(name, number, line, encoding, notes, segmented) for number, line in lines if line.strip()]
    if suffix == JSON_SUFFIX:
        records = json_records(text)
        return [_parsed_record(f"{name}#{number}", record, encoding, notes, segmented) for number, record in records]
    text, date = front_matter(sanitise(text))
    return [make_document(text, name, date, notes, encoding, segmented=segmented, source=dateline_source(text))]


"""Outlets whose name opens their copy in a dateline: '(CNN)', 'NAIROBI, June 26 (Reuters) -'."""


@cache
def _dateline() -> re.Pattern[str]:
    wires = "|".join(re.escape(name) for name in organisation_data().wire_services)
    return re.compile(rf"\((?P<outlet>{wires})\)")


DATELINE_REACH = 120
"""A dateline stands in the first characters of an article; the name later is a mention."""


def dateline_source(text: str) -> str | None:
    """The outlet a plain-text article's dateline names, when it has one."""
    found = _dateline().search(text, 0, DATELINE_REACH)
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


def jsonl_record(
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
