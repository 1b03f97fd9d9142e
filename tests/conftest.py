from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from factdiff.api import rules
from factdiff.cli import main
from factdiff.extract import extract
from factdiff.load import make_document
from factdiff.schema import report_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SEED_FINDINGS_FILE = Path(__file__).parent / "golden" / "seeds-findings.json"
"""The findings a scan of seeds/ reports, in report order: the one place they are written down.
tests/test_seeds.py compares the scan with it; to accept a change deliberately:
FACTDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_seeds.py"""
FINDING_FIELDS = ("code", "subject", "values", "severity", "scope")


def finding_fields(discrepancy: Any) -> dict[str, Any]:
    """What the golden file keeps of a finding (a Discrepancy, or one from a JSON report):
    its code, subject, values (sorted), severity and scope."""
    record = discrepancy if isinstance(discrepancy, dict) else discrepancy.model_dump(mode="json")
    values = sorted(variant["value"] for variant in record["variants"])
    return {field: values if field == "values" else record[field] for field in FINDING_FIELDS}


def read_seed_findings() -> list[dict[str, Any]]:
    return json.loads(SEED_FINDINGS_FILE.read_text(encoding="utf-8"))


def write_seed_findings(findings: list[dict[str, Any]]) -> None:
    SEED_FINDINGS_FILE.write_text(json.dumps(findings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


SEED_FINDINGS = read_seed_findings()
"""The seeds' expected findings; tests count and name them from here, never by a literal."""


def seed_findings_summary() -> str:
    """How the summary line counts the seeds' findings: '7 discrepancies (2 high, 3 medium,
    2 low; 3 name, 1 acronym, …)', severities from high to low, kinds from most to fewest."""
    kind_of = {rule.code: rule.kind for rule in rules()}
    severities = Counter(finding["severity"] for finding in SEED_FINDINGS)
    kinds = Counter(kind_of[finding["code"]] for finding in SEED_FINDINGS)
    by_severity = ", ".join(f"{severities[s]} {s}" for s in ("high", "medium", "low") if severities[s])
    by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda item: (-item[1], item[0])))
    return f"{len(SEED_FINDINGS)} discrepancies ({by_severity}; {by_kind})"


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


def needs_shared_bench() -> pytest.MarkDecorator:
    """Skip where the shared benchmark data is absent (a user's clone), but fail when
    FACTDIFF_REQUIRE_BENCH says it must be there (CI): a green run must not hide a skip."""
    from benchmarks.corpus import BENCH_FILE, ECBPLUS

    present = BENCH_FILE.exists() and (ECBPLUS / "docs").is_dir()
    if not present and os.environ.get("FACTDIFF_REQUIRE_BENCH"):
        raise RuntimeError(
            f"FACTDIFF_REQUIRE_BENCH is set but the shared benchmark data is missing under {ECBPLUS.parent}"
        )
    return pytest.mark.skipif(not present, reason=f"shared benchmark data not found under {ECBPLUS.parent}")
