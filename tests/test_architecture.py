"""The pipeline as the imports show it: each stage imports only earlier stages and the shared
text helpers, and the extension points (extractors, rules, renderers) are tables checked here."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest
from conftest import ROOT

from factdiff import extract

PACKAGE = ROOT / "factdiff"

STAGES = (
    ("__init__", "errors", "text"),  # shared: the version, the one error type, text helpers
    ("models",),  # the contract between stages
    ("load",),
    ("extract",),
    ("story",),
    ("group",),
    ("judge",),
    ("trace",),  # a derived text's claims traced to its source
    ("config",),  # review: what an editor has already checked
    ("render", "schema"),
    ("api", "distributed"),  # the library, and the same scan on a Dask cluster
    ("cli", "__main__"),
)
"""In pipeline order; a module may import its own stage and those above it."""

ONLY_TEXT_AND_MODELS = {"judge", "story", "config", "group", "trace"}
"""Stages that see claims only as records: they import text helpers and models, never a stage."""


def stage_of(module: str) -> int:
    top = module.split(".")[1] if module.count(".") else "__init__"
    return next(index for index, names in enumerate(STAGES) if top in names)


def imports(path: Path) -> list[str]:
    """Every factdiff module a file imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factdiff"):
            found.extend(
                f"{node.module}.{alias.name}" if node.module == "factdiff" else node.module for alias in node.names
            )
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names if alias.name.startswith("factdiff"))
    return found


MODULES = sorted(path for path in PACKAGE.rglob("*.py") if path != PACKAGE / "__init__.py")
"""The package's own __init__ is the library's front door: it imports the API on first use."""


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_stage_imports_only_earlier_stages_and_text(path):
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    own = stage_of(name)
    for imported in imports(path):
        if imported == "factdiff.__version__":
            continue
        assert stage_of(imported) <= own, f"{name} imports {imported}, a later stage"
        if name.split(".")[1:2] and name.split(".")[1] in ONLY_TEXT_AND_MODELS:
            top = imported.split(".")[1]
            assert top in {"text", "models", "errors", name.split(".")[1]}, f"{name} imports {imported}"


def test_the_layer_check_sees_a_violation():
    assert stage_of("factdiff.judge.name") > stage_of("factdiff.extract.person")
    assert "factdiff.api" in imports(PACKAGE / "cli.py")


def fake_extractor(kind: str, reads: tuple[str, ...]) -> types.ModuleType:
    module = types.ModuleType(f"fake_{kind}")
    module.KIND, module.READS = kind, reads
    module.CLAIM = extract.CLAIM_TYPES[kind]
    return module


def test_extractors_run_after_what_they_read():
    order = [m.KIND for m in extract.EXTRACTORS]
    for module in extract.EXTRACTORS:
        assert all(order.index(kind) < order.index(module.KIND) for kind in module.READS)
    shuffled = extract.run_order([fake_extractor("quote", ("person",)), fake_extractor("person", ())])
    assert [m.KIND for m in shuffled] == ["person", "quote"]


def test_an_extractor_reading_a_kind_nobody_makes_fails_loudly():
    with pytest.raises(TypeError, match="reads 'person', which no extractor makes"):
        extract.run_order([fake_extractor("pronoun", ("person",))])
    with pytest.raises(TypeError, match="circle"):
        extract.run_order([fake_extractor("person", ("pronoun",)), fake_extractor("pronoun", ("person",))])


def test_every_claim_kind_has_one_extractor_that_describes_it():
    assert sorted(m.KIND for m in extract.EXTRACTORS) == sorted(extract.CLAIM_TYPES)
    assert all(callable(m.describe) and callable(m.extract) for m in extract.EXTRACTORS)
