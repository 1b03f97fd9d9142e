"""Golden files: the seeds' report as a reader sees it, in Markdown and in plain text.

A change to the wording or layout shows up in the diff of tests/golden/ and is reviewed there.
To accept one deliberately: FACTDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("output_format, name", [("markdown", "seeds.md"), ("rich", "seeds.txt")])
def test_seeds_report_matches_its_golden_file(run, monkeypatch, output_format, name):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    output = run("scan", "seeds/", "--format", output_format).stdout
    golden = GOLDEN / name
    if os.environ.get("FACTDIFF_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
