from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factdiff.cli import main

from factdiff.extract import extract
from factdiff.load import make_document

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


@pytest.fixture
def run(monkeypatch, seeds):
    """Invoke the CLI from the repository root, as the README does."""
    monkeypatch.chdir(seeds.parent)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke
