"""JSON views: one object (``json``), or one record per line (``jsonl``) whose ``type`` says
what it is: a discrepancy, a claim or a warning (``factdiff schema --jsonl`` describes them)."""

from __future__ import annotations

import codecs
import os
import typing
from collections.abc import Iterator
from typing import TextIO

from pydantic import BaseModel

from factdiff.models import ClaimList, Report, Warning_


def render_json(model: BaseModel, out: TextIO) -> None:
    """The model as indented JSON, exactly ``model.model_dump_json(indent=2)``, written a part at
    a time: each record of its long lists (documents, stories, discrepancies) is serialized and
    written alone, so a large report's JSON (51 MB at 100,000 articles) is never held whole.
    UTF-8 bytes go straight to the stream's file where it has one that takes them unchanged."""
    buffer, encoding = getattr(out, "buffer", None), getattr(out, "encoding", None)
    if buffer is None or not encoding or codecs.lookup(encoding).name != "utf-8" or os.linesep != "\n":
        for part in json_parts(model):
            out.write(part.decode())
        out.write("\n")
        return
    out.flush()
    for part in json_parts(model):
        buffer.write(part)
    buffer.write(b"\n")


def json_parts(model: BaseModel) -> Iterator[bytes]:
    """``model``'s indented JSON in parts that join to ``to_json(model, indent=2)``. Its lists of
    records are written a record at a time: the model is serialized with them left empty, and
    each ``"field": []`` is filled in with its records' own JSON, indented one level deeper.
    A list holding a record of another class than its field declares (serialized as the
    declared class) is serialized with the rest."""
    streamed = {name: value for name, value in model if _records_of_declared_class(model, name, value)}
    outline = model.__pydantic_serializer__.to_json(model.model_copy(update=dict.fromkeys(streamed, ())), indent=2)
    for name, records in streamed.items():
        empty = b'\n  "' + name.encode() + b'": []'
        before, _, outline = outline.partition(empty)
        yield before
        yield empty[:-1] + b"\n"
        for index, record in enumerate(records):
            text = record.__pydantic_serializer__.to_json(record, indent=2)
            yield (b",\n    " if index else b"    ") + text.replace(b"\n", b"\n    ")
        yield b"\n  ]"
    yield outline


def _records_of_declared_class(model: BaseModel, name: str, value: object) -> bool:
    """Whether the field holds a non-empty tuple of records, each of exactly the declared class
    (not strings: a ``check`` report's ``sources``)."""
    if not isinstance(value, tuple) or not value:
        return False
    declared = typing.get_args(type(model).model_fields[name].annotation)  # tuple[Record, ...]: (Record, ...)
    if len(declared) != 2 or declared[1] is not Ellipsis or not isinstance(declared[0], type):
        return False
    return issubclass(declared[0], BaseModel) and all(type(item) is declared[0] for item in value)


def typed_line(record_type: str, record: BaseModel) -> str:
    """One JSON Lines record: ``{"type": …}`` followed by the record's own fields."""
    return f'{{"type":"{record_type}",{record.model_dump_json()[1:]}\n'


def _warnings(warnings: tuple[Warning_, ...], out: TextIO) -> None:
    for warning in warnings:
        out.write(typed_line("warning", warning))


def render_jsonl(report: Report, out: TextIO) -> None:
    for discrepancy in report.discrepancies:
        out.write(typed_line("discrepancy", discrepancy))
    _warnings(report.warnings, out)


def render_claims_jsonl(listing: ClaimList, out: TextIO) -> None:
    for claim in listing.claims:
        out.write(typed_line("claim", claim))
    _warnings(listing.warnings, out)
