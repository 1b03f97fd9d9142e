"""Real news text for the benchmarks: the distinct articles of the shared bench file, the ECB+
articles, and the seeds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = Path(os.environ.get("FACTDIFF_SHARED_BENCH", ROOT.parent / "shared" / "bench"))
"""The shared benchmark data (../shared/bench beside the checkout, or FACTDIFF_SHARED_BENCH)."""
BENCH_FILE = Path(os.environ.get("FACTDIFF_BENCH", SHARED_BENCH / "summac_val_factcc_frank.jsonl"))
SUMMEDITS_FILE = Path(os.environ.get("FACTDIFF_SUMMEDITS", SHARED_BENCH / "summedits_other_domains.jsonl"))
ECBPLUS = SHARED_BENCH / "ecbplus_train"
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "benchmarks" / "results"


def bench_rows() -> list[dict]:
    """Every article/summary pair of the shared bench file."""
    if not BENCH_FILE.exists():
        raise SystemExit(f"benchmark data not found: {BENCH_FILE} (set FACTDIFF_BENCH to its path)")
    with BENCH_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def summedits_rows() -> list[dict]:
    """Every document/summary pair of SummEdits' seven non-news domains (summaries edited a few words at a time)."""
    if not SUMMEDITS_FILE.exists():
        raise SystemExit(f"SummEdits data not found: {SUMMEDITS_FILE} (set FACTDIFF_SUMMEDITS to its path)")
    with SUMMEDITS_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def summedits_documents() -> Iterator[tuple[str, str]]:
    """(name, text) for each distinct source document of SummEdits' seven non-news domains
    (earnings calls, podcasts, meetings, sales calls and emails, chats, paper abstracts)."""
    seen: set[str] = set()
    for row in summedits_rows():
        if row["doc_a"] not in seen:
            seen.add(row["doc_a"])
            yield f"{row['meta']['domain']}-{len(seen):03d}", row["doc_a"]


def articles() -> Iterator[tuple[str, str]]:
    """(name, text) for each distinct article in the bench file, then each seed, in a fixed order."""
    seen: set[str] = set()
    for row in bench_rows():
        text = row["doc_a"]
        if text not in seen:
            seen.add(text)
            yield f"bench-{len(seen):04d}", text
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")


def ecbplus_articles() -> Iterator[tuple[str, str, str]]:
    """(file name, gold story, text) for each ECB+ article, in file-name order."""
    gold_file = ECBPLUS / "gold.json"
    if not gold_file.exists():
        raise SystemExit(f"ECB+ data not found: {ECBPLUS} (set FACTDIFF_SHARED_BENCH to the bench folder)")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    for path in sorted((ECBPLUS / "docs").glob("*.txt")):
        yield path.name, gold[path.name]["story"], path.read_text(encoding="utf-8")


def write_result(name: str, markdown: str) -> Path:
    """Save a result table under benchmarks/results/ and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(markdown, encoding="utf-8")
    return path
