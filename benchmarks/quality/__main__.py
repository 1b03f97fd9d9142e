"""python -m benchmarks.quality [--limit N]: score factdiff's detection and write a Markdown table.

Part 1 plants one known discrepancy (or a fact-keeping control edit) in a copy of each real
article and compares the copy with the original, as ``factdiff compare`` does. Part 2 compares
each FactCC/FRANK article with its model-written summary.
"""

from __future__ import annotations

import argparse
import ast
import platform
import random
import time
from collections import Counter, defaultdict

from benchmarks.corpus import articles, bench_rows, write_result
from benchmarks.quality.plant import CONTROLS, ERRORS, Plant
from factdiff import __version__
from factdiff.api import find_discrepancies
from factdiff.load import make_document
from factdiff.models import Discrepancy

PUBLISHED = {
    "NER overlap": (0.500, 0.609),
    "DAE": (0.759, 0.617),
    "QuestEval": (0.666, 0.821),
    "SummaC-ZS": (0.838, 0.790),
    "SummaC-Conv": (0.895, 0.816),
}
"""Balanced accuracy (factcc, frank) on the SummaC test split, from ../shared/bench/README.md."""


def compared(first: str, second: str) -> list[Discrepancy]:
    """What ``factdiff compare`` reports between two texts."""
    documents = [make_document(first, "original.txt"), make_document(second, "edited.txt")]
    return [d for d in find_discrepancies(documents, one_story=True) if d.scope == "across"]


def touches(found: list[Discrepancy], plant: Plant) -> bool:
    """Some reported evidence in the edited copy overlaps the planted change."""
    return any(
        claim.path == "edited.txt" and claim.start <= plant.end and plant.start <= claim.end
        for d in found
        for variant in d.variants
        for claim in variant.claims
    )


def planted(limit: int | None) -> str:
    texts = list(articles())[:limit] if limit else list(articles())
    rows = []
    for kind, planter in {**ERRORS, **CONTROLS}.items():
        is_error = kind in ERRORS
        sites = hits = reported = failures = 0
        for name, text in texts:
            plant = planter(text, random.Random(f"{name}:{kind}"))
            if plant is None:
                continue
            sites += 1
            try:
                found = compared(text, plant.text)
            except Exception:
                failures += 1
                continue
            reported += bool(found)
            hits += touches(found, plant) if is_error else bool(found)
        rate = hits / sites if sites else 0.0
        rows.append(
            f"| {kind} | {'error' if is_error else 'control'} | {sites} | "
            f"{rate:.3f} | {reported / sites if sites else 0:.3f} | {failures} |"
        )
    header = (
        f"Planted in {len(texts)} real articles (FactCC/FRANK sources and the seeds). For errors the rate is recall "
        "(reported, with evidence touching the change); for controls it is the false-alarm rate (anything reported).\n\n"
        "| edit | type | articles with a site | rate | anything reported | errors |\n|---|---|---|---|---|---|\n"
    )
    return header + "\n".join(rows) + "\n"


def summaries() -> str:
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for row in bench_rows():
        subset = row["meta"]["subset"]
        flagged = bool(compared(row["doc_a"], row["doc_b"]))
        inconsistent = row["label"] == "inconsistent"
        outcomes[subset][("T" if flagged == inconsistent else "F") + ("P" if flagged else "N")] += 1
        for error_type in row["type"] if isinstance(row["type"], list) else ast.literal_eval(row["type"] or "[]"):
            by_type[error_type]["pairs"] += 1
            by_type[error_type]["flagged"] += flagged
        if not inconsistent:
            by_type["(consistent)"]["pairs"] += 1
            by_type["(consistent)"]["flagged"] += flagged
    lines = [
        "| subset | pairs | flagged | precision | recall | balanced accuracy |",
        "|---|---|---|---|---|---|",
    ]
    balanced = {}
    for subset in sorted(outcomes):
        c = outcomes[subset]
        flagged = c["TP"] + c["FP"]
        precision = c["TP"] / flagged if flagged else 0.0
        recall = c["TP"] / (c["TP"] + c["FN"]) if c["TP"] + c["FN"] else 0.0
        specificity = c["TN"] / (c["TN"] + c["FP"]) if c["TN"] + c["FP"] else 0.0
        balanced[subset] = (recall + specificity) / 2
        shown_precision = f"{precision:.3f}" if flagged else "n/a (none flagged)"
        lines.append(
            f"| {subset} | {sum(c.values())} | {flagged} | {shown_precision} | {recall:.3f} | {balanced[subset]:.3f} |"
        )
    lines += ["", "| FRANK error type | pairs | flagged share |", "|---|---|---|"]
    for error_type in sorted(by_type):
        counts = by_type[error_type]
        lines.append(f"| {error_type} | {counts['pairs']} | {counts['flagged'] / counts['pairs']:.3f} |")
    lines += ["", "| system (balanced accuracy) | factcc | frank |", "|---|---|---|"]
    lines.append(
        f"| **factdiff {__version__}** (validation split) | {balanced.get('factcc', 0):.3f} | {balanced.get('frank', 0):.3f} |"
    )
    for system, (factcc, frank) in PUBLISHED.items():
        lines.append(f"| {system} (published, test split) | {factcc:.3f} | {frank:.3f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--limit", type=int, help="Plant in only the first N articles (quicker).")
    args = parser.parse_args()
    started = time.perf_counter()
    report = (
        f"# factdiff {__version__} quality\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}. "
        "Command: `python -m benchmarks.quality`.\n\n"
        "## Planted discrepancies and controls\n\n"
        + planted(args.limit)
        + "\n## FactCC / FRANK: `compare article summary`\n\n"
        + summaries()
    )
    report += f"\nRun time: {time.perf_counter() - started:.0f} s.\n"
    path = write_result("quality.md", report)
    print(report)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
