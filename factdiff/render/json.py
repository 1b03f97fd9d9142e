"""JSON views: one object (``json``), or one record per line (``jsonl``) whose ``type`` says
what it is: a discrepancy, a claim or a warning (``factdiff schema --jsonl`` describes them)."""

from __future__ import annotations

from typing import TextIO

from pydantic import BaseModel

from factdiff.models import ClaimList, Report, Warning_


def render_json(model: BaseModel, out: TextIO) -> None:
    out.write(model.model_dump_json(indent=2))
    out.write("\n")


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
