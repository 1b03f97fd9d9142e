"""Golden files: the seeds' report in every format, and the examples shipped in examples/.

A change to the wording, layout or JSON shows up in the diff of tests/golden/ (or examples/)
and is reviewed there. To accept one deliberately:
FACTDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize(
    "output_format, golden",
    [
        ("markdown", GOLDEN / "seeds.md"),
        ("rich", GOLDEN / "seeds.txt"),
        ("json", GOLDEN / "seeds.json"),
        ("jsonl", GOLDEN / "seeds.jsonl"),
        ("html", EXAMPLES / "seeds-report.html"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_seeds_report_matches_its_golden_file(run, monkeypatch, output_format, golden):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    output = run("scan", "seeds/", "--format", output_format).stdout
    if os.environ.get("FACTDIFF_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_the_python_example_reads_the_json_report(run):
    report = run("scan", "seeds/", "--format", "json").stdout
    summary = subprocess.run(
        [sys.executable, str(EXAMPLES / "summarise.py")], input=report, capture_output=True, text=True, check=True
    ).stdout
    assert summary.startswith("7 discrepancies in 5 documents\n")
    assert "'Geoffrey Otunge'  seeds/000_ee73806791a84dfe.txt:22" in summary


def readme_block(language: str, after: str) -> str:
    """The first fenced block of ``language`` after the line ``after`` in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(after)
    found = re.search(rf"```{language}\n(.*?)```", readme[start:], re.DOTALL)
    assert found, f"no {language} block after {after!r}"
    return found.group(1)


def test_the_readme_example_output_is_what_the_seeds_give(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    shown = readme_block("text", "# factdiff")
    output = " ".join(run("scan", "seeds/").stdout.split())
    for line in shown.splitlines()[1:]:  # after the command line; '...' stands for what is left out
        words = " ".join(line.split()).removesuffix("...").strip()
        if words:
            assert words in output, line


def test_the_readme_json_example_matches_the_seeds(run):
    shown = readme_block("json", "## The JSON contract")
    report = json.loads(run("scan", "seeds/", "--format", "json").stdout)
    for path, chars in re.findall(r'"path": "(seeds/[^"]+)", "chars": ([0-9]+)', shown):
        [document] = [d for d in report["documents"] if d["path"] == path]
        assert document["chars"] == int(chars)
    assert report["schema_version"] == re.search(r'"schema_version": "([0-9]+)"', shown).group(1)
