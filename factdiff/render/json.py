"""JSON views: one object (``json``) or one discrepancy per line (``jsonl``)."""

from __future__ import annotations

from typing import TextIO

from pydantic import BaseModel

from factdiff.models import Report


def render_json(model: BaseModel, out: TextIO) -> None:
    out.write(model.model_dump_json(indent=2))
    out.write("\n")


def render_jsonl(report: Report, out: TextIO) -> None:
    for discrepancy in report.discrepancies:
        out.write(discrepancy.model_dump_json())
        out.write("\n")
