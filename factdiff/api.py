"""The library API: what the CLI calls, and what a script can import.

    report = factdiff.scan(["seeds/"])
    report = factdiff.compare("a.txt", "b.txt", within=True)
    claims = factdiff.extract_claims(["seeds/"])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factdiff import extract as extraction
from factdiff.group import blocks
from factdiff.judge import documents_of
from factdiff.judge.registry import RULES
from factdiff.load import Loaded, load
from factdiff.models import SEVERITY_RANK, ClaimList, Discrepancy, Document, DocumentInfo, Report

PathLike = str | Path


def find_discrepancies(documents: Sequence[Document]) -> list[Discrepancy]:
    """Extract, group and judge: every discrepancy within and across the documents."""
    claims: list[Any] = []
    for document in documents:
        claims.extend(extraction.extract(document))
    found: dict[str, Discrepancy] = {}
    for rule in RULES:
        for _key, block in blocks(claims, rule):
            for discrepancy in rule.judge(block):
                found.setdefault(discrepancy.id, discrepancy)
    return sorted(found.values(), key=lambda d: (SEVERITY_RANK[d.severity], d.kind, d.subject, d.id))


def _report(loaded: Loaded, discrepancies: Iterable[Discrepancy]) -> Report:
    return Report(
        documents=tuple(DocumentInfo(id=d.id, path=d.path, chars=d.chars) for d in loaded.documents),
        discrepancies=tuple(discrepancies),
        warnings=loaded.warnings,
    )


def scan(paths: Iterable[PathLike]) -> Report:
    """Discrepancies across and within every readable document under the paths."""
    loaded = load(paths)
    return _report(loaded, find_discrepancies(loaded.documents))


def compare(first: PathLike, second: PathLike, *, within: bool = False) -> Report:
    """Discrepancies between two documents; with ``within``, each one's internal ones too."""
    loaded = load([first, second])
    found = find_discrepancies(loaded.documents)
    if not within:
        found = [d for d in found if len(documents_of(d)) > 1]
    return _report(loaded, found)


def extract_claims(paths: Iterable[PathLike]) -> ClaimList:
    """Every claim read from the documents, for inspection."""
    loaded = load(paths)
    claims = [claim for document in loaded.documents for claim in extraction.extract(document)]
    return ClaimList(
        documents=tuple(DocumentInfo(id=d.id, path=d.path, chars=d.chars) for d in loaded.documents),
        claims=tuple(claims),
        warnings=loaded.warnings,
    )
