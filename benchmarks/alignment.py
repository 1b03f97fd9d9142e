"""python -m benchmarks.alignment: how the cost of pairing restatements grows with the archive.

Reads the distinct real articles of the shared bench (FactCC/FRANK sources, then ECB+), then
times the grouping of statements into restatement blocks (``group.similar``) and the judging
of those blocks by FD402, as one story, at two sizes ten times apart. Extraction is not timed:
it is per document and linear by construction. The target (issue 19): 10x the articles,
at most 11x the time.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.corpus import ECBPLUS, articles, write_result
from factdiff.api import by_kind, extracted, rule_blocks
from factdiff.judge.reworded import RULE
from factdiff.load import MemoryTexts, make_document
from factdiff.story import single_story


def distinct_articles() -> list[tuple[str, str]]:
    texts = [(name, text) for name, text in articles() if name.startswith("bench-")]
    texts += [(path.name, path.read_text(encoding="utf-8")) for path in sorted((ECBPLUS / "docs").glob("*.txt"))]
    return texts


def timed(count: int, texts: list[tuple[str, str]]) -> tuple[float, int, int]:
    """(seconds, statements, findings) for the first ``count`` articles as one story."""
    documents = [make_document(text, name) for name, text in texts[:count]]
    read = [extracted(document) for document in documents]
    story_of = {
        doc: story.id for story in single_story({r.info.id: r.evidence() for r in read}) for doc in story.documents
    }
    claims = by_kind(read)
    started = time.process_time()
    found = sum(
        len(list(RULE.judge(block))) for _key, block in rule_blocks(RULE, claims, story_of, MemoryTexts(documents))
    )
    return time.process_time() - started, len(claims.get("statement", ())), found


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.alignment", description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="Article counts, comma-separated.")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    texts = distinct_articles()
    rows = ["| articles | statements | CPU s | findings |", "|---|---|---|---|"]
    results = []
    for size in sizes:
        seconds, statements, findings = timed(size, texts)
        results.append(seconds)
        rows.append(f"| {min(size, len(texts)):,} | {statements:,} | {seconds:.2f} | {findings} |")
    growth = (
        f"\n{sizes[-1] // sizes[0]}x the articles: {results[-1] / results[0]:.1f}x the time.\n"
        if len(sizes) > 1
        else ""
    )
    report = (
        "# Restatement pairing cost\n\nCommand: `python -m benchmarks.alignment`. All articles as one story "
        "(the worst case: every statement can meet every other through the index).\n\n"
        + "\n".join(rows)
        + "\n"
        + growth
    )
    print(report)
    print(f"written to {write_result('alignment.md', report)}")


if __name__ == "__main__":
    main()
