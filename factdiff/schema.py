"""The JSON Schemas of the outputs, generated from the pydantic models."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from factdiff.models import SCHEMA_VERSION, DiscrepancyLine, Report, WarningLine

JsonlLine = Annotated[DiscrepancyLine | WarningLine, Field(discriminator="type")]


def _labelled(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://factdiff.invalid/schema/{name}-v{SCHEMA_VERSION}.json"
    schema["title"] = f"{title}, schema version {SCHEMA_VERSION}"
    return schema


def report_schema() -> dict[str, Any]:
    """One report: ``scan``, ``compare`` and ``stories`` with ``--format json``."""
    return _labelled(Report.model_json_schema(mode="serialization"), "report", "factdiff report")


def jsonl_schema() -> dict[str, Any]:
    """One line of ``scan`` or ``compare`` with ``--format jsonl``: a discrepancy or a warning."""
    schema = TypeAdapter(JsonlLine).json_schema(mode="serialization")
    return _labelled(schema, "report-line", "factdiff report line (JSON Lines)")
