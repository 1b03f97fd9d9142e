"""JSON views: one object (``json``), or one record per line (``jsonl``) whose ``type`` says
what it is: a discrepancy, a claim or a warning (``factdiff schema --jsonl`` describes them)."""

from __future__ import annotations

import codecs
import os
from typing import TextIO

from pydantic import BaseModel

from factdiff.models import ClaimList, Report, Warning_


def render_json(model: BaseModel, out: TextIO) -> None:
    """The model as indented JSON, UTF-8 bytes written straight to the stream's file where it
    has one that takes UTF-8 unchanged: a large report's JSON (51 MB at 100,000 articles) is
    then not held twice more, decoded to text and encoded again."""
    data = model.__pydantic_serializer__.to_json(model, indent=2)
    buffer, encoding = getattr(out, "buffer", None), getattr(out, "encoding", None)
    if buffer is None or not encoding or codecs.lookup(encoding).name != "utf-8" or os.linesep != "\n":
        out.write(data.decode())
        out.write("\n")
        return
    out.flush()
    buffer.write(data)
    buffer.write(b"\n")


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
