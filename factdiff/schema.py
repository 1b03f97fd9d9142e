"""The JSON Schema of the report, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from factdiff.models import SCHEMA_VERSION, Report


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://factdiff.invalid/schema/report-v{SCHEMA_VERSION}.json"
    schema["title"] = f"factdiff report, schema version {SCHEMA_VERSION}"
    return schema
