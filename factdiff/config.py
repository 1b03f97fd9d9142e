"""Configuration and review: what an editor has already checked, said once.

Sources, strongest first: command-line options, ``--config FILE``, then the first
``factdiff.toml`` (or ``pyproject.toml`` with a ``[tool.factdiff]`` table) found in the
scanned folder or one of its parents. Every source is validated by ``Config``: an unknown
key or a wrong type is one error line naming the file and the key.

What a configuration says is applied to the finished report, so it never changes what is
read, only what is shown: ignored ids, names known to be one person or organisation
(aliases, house spellings), names known to be different people, kinds to check, a minimum
severity, and a baseline of findings already reviewed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factdiff.errors import FactdiffError
from factdiff.models import SEVERITY_RANK, Discrepancy, Report, Severity
from factdiff.text.fold import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = "factdiff.toml"
BASELINE_VERSION = 1


class Ignored(BaseModel):
    """One discrepancy an editor checked and found fine."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^FD[0-9]{3}-[0-9a-f]{12}$")
    reason: str = ""


class Config(BaseModel):
    """Everything a configuration file may say (all optional)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ignore: tuple[Ignored, ...] = ()
    same: tuple[tuple[str, ...], ...] = Field(
        default=(),
        description="Groups of names that are one person or organisation (aliases, house spellings).",
    )
    distinct: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Groups of similar names that are known to be different people."
    )
    kinds: tuple[str, ...] = Field(
        default=(), description="Only report these kinds, rule codes or rule names (empty: all)."
    )
    skip_kinds: tuple[str, ...] = Field(default=(), description="Never report these kinds, rule codes or rule names.")
    min_severity: Severity = "low"


class Effective(BaseModel):
    """The configuration in force, and where each value came from (``factdiff config``)."""

    model_config = ConfigDict(frozen=True)

    config: Config
    sources: dict[str, str]


def find_config_file(paths: Sequence[str | Path]) -> Path | None:
    """The first factdiff.toml, or pyproject.toml with [tool.factdiff], at or above the first path."""
    if not paths:
        return None
    start = Path(os.path.realpath(paths[0]))  # Path.resolve raises on a symbolic-link loop
    for folder in [start, *list(start.parents)] if start.is_dir() else list(start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "factdiff" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FactdiffError(f"{path}: not a readable TOML file: {error}", code="E201") from None


def load_config(path: Path) -> Config:
    """A configuration file, validated; one clear error naming the file and key otherwise."""
    raw = _read_toml(path)
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("factdiff", {})
    try:
        return Config.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise FactdiffError(f"{path}: [{where}] {first['msg']}", code="E201") from None


def effective(
    paths: Sequence[str | Path],
    config_file: str | None,
    overrides: dict[str, Any],
    selectors: Mapping[str, str] | None = None,
) -> Effective:
    """Merge the configuration file (given or found) with command-line overrides; with
    ``selectors`` (every kind, rule code and rule name, each saying which it is), a kind that names none of them is
    an error: a typo must not silently select nothing."""
    found = Path(config_file) if config_file else find_config_file(paths)
    config = load_config(found) if found else Config()
    sources = {name: str(found) for name in config.model_fields_set} if found else {}
    given = {name: value for name, value in overrides.items() if value not in (None, ())}
    if given:
        config = Config.model_validate({**config.model_dump(), **given})
        sources.update({name: "command line" for name in given})
    if selectors is not None:
        for field in ("kinds", "skip_kinds"):
            unknown = [kind for kind in getattr(config, field) if kind not in selectors]
            if unknown:
                where = "--kind" if sources.get(field) == "command line" else f"{sources[field]}: [{field}]"
                raise FactdiffError(f"{where}: unknown kind {unknown[0]!r}; {choices(selectors)}", code="E203")
    return Effective(config=config, sources=sources)


def choices(selectors: Mapping[str, str]) -> str:
    """What a kind may be instead: the kinds by name, then the codes and rule names in short."""
    kinds = sorted(selector for selector, what in selectors.items() if what == "kind")
    return f"choose a kind ({', '.join(kinds)}), a rule code (FD101…) or a rule name ('factdiff rules' lists them)"


def _value_groups(groups: Iterable[Sequence[str]]) -> list[frozenset[str]]:
    return [frozenset(fold(name) for name in group) for group in groups]


def _within_one_group(found: Discrepancy, groups: list[frozenset[str]]) -> bool:
    values = {fold(variant.value) for variant in found.variants}
    return any(values <= group for group in groups)


def apply(report: Report, config: Config, baseline: set[str] | None = None) -> Report:
    """The report with what the configuration and the baseline say is reviewed taken out,
    and how many findings that was."""
    ignored = {entry.id for entry in config.ignore} | (baseline or set())
    reviewed_names = _value_groups(config.same) + _value_groups(config.distinct)
    floor = SEVERITY_RANK[config.min_severity]
    kept = [
        found
        for found in report.discrepancies
        if found.id not in ignored
        and not (found.kind in ("name", "organisation", "acronym") and _within_one_group(found, reviewed_names))
        and (not config.kinds or _selected(found, config.kinds))
        and not _selected(found, config.skip_kinds)
        and SEVERITY_RANK[found.severity] <= floor
    ]
    suppressed = len(report.discrepancies) - len(kept)
    in_baseline = sum(1 for found in report.discrepancies if baseline and found.id in baseline)
    return report.model_copy(
        update={
            "discrepancies": tuple(kept),
            "suppressed": report.suppressed + suppressed,
            "in_baseline": report.in_baseline + in_baseline,
        }
    )


def _selected(found: Discrepancy, selectors: Collection[str]) -> bool:
    """A finding is selected by its kind, its rule code or its rule name."""
    return found.kind in selectors or found.code in selectors or found.rule in selectors


def stale_ignores(report: Report, config: Config) -> list[str]:
    """Ignored ids that match no finding of this run: fixed, or a typo in the configuration."""
    found = {discrepancy.id for discrepancy in report.discrepancies}
    return [entry.id for entry in config.ignore if entry.id not in found]


def write_baseline(report: Report, path: Path) -> None:
    """Record today's findings: a later scan with ``--baseline`` shows only new ones."""
    entries = [{"id": found.id, "subject": found.subject} for found in report.discrepancies]
    path.write_text(
        json.dumps({"version": BASELINE_VERSION, "discrepancies": entries}, indent=1) + "\n", encoding="utf-8"
    )


def read_baseline(path: Path) -> set[str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {entry["id"] for entry in raw["discrepancies"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise FactdiffError(f"{path}: not a factdiff baseline: {error}", code="E202") from None


def statistics(report: Report) -> dict[str, dict[str, int]]:
    """Counts per kind and severity."""
    counts: dict[str, dict[str, int]] = {}
    for found in report.discrepancies:
        by_severity = counts.setdefault(found.kind, {"high": 0, "medium": 0, "low": 0})
        by_severity[found.severity] += 1
    return dict(sorted(counts.items()))
