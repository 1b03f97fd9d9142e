from __future__ import annotations

import itertools
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factdiff.cli import main
from factdiff.extract import extract
from factdiff.load import make_document
from factdiff.schema import report_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


def claims_of(text: str, kind: str) -> list:
    """Claims of one kind read from a text given inline."""
    return [c for c in extract(make_document(text, "inline.txt")) if c.kind == kind]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


REPORT_COMMANDS = ("scan", "compare", "stories")
"""Commands whose JSON output is a Report."""


def json_report_of(args: tuple[str, ...], stdout: str) -> dict | None:
    """The report a scan, compare or stories run printed as JSON, else None."""
    wants_json = any(a in ("--format", "-f") and b == "json" for a, b in itertools.pairwise(args))
    if not (args and args[0] in REPORT_COMMANDS and wants_json and stdout.strip()):
        return None
    return json.loads(stdout)


@pytest.fixture
def run(monkeypatch, seeds):
    """Invoke the CLI from the repository root, as the README does; every JSON report a test
    produces is checked against the schema ``factdiff schema`` prints."""
    monkeypatch.chdir(seeds.parent)
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        report = json_report_of(args, result.stdout)
        if report is not None:
            jsonschema.validate(report, SCHEMA)
        return result

    return invoke


SCHEMA = report_schema()
