"""Texts read again when claims are judged: the pipeline keeps claims, not texts, and a file
that changed since it was read is an error rather than wrong evidence."""

from __future__ import annotations

import contextlib
import os
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path

from factdiff.errors import FactdiffError
from factdiff.load.decode import decode, repaired, shown_path
from factdiff.load.discover import STDIN, input_bytes
from factdiff.load.formats import JSON_SUFFIX, RECORD_SUFFIXES, jsonl_record, read_file
from factdiff.models import Document, Warning_


def text_again(file: str, path: str, encoding: str | None = None) -> Document:
    """A document read again from its file, as first read; ``path`` is its path in the report
    (FILE#N for a record of a JSON file), ``file`` where the file really is."""
    record = path.removeprefix(shown_path(file)).removeprefix("#")
    if record and Path(file).suffix.lower() in RECORD_SUFFIXES:
        text = decode(input_bytes(Path(file)), encoding)[0]
        line = repaired(text)[0].splitlines()[int(record) - 1]
        found = jsonl_record(shown_path(file), int(record), line, encoding or "utf-8", segmented=False)
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
