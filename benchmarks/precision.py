"""python -m benchmarks.precision: judged precision of every finding on real coverage.

Scans the real corpora as a user would (the 575 ECB+ articles as one folder, the 457 distinct
FactCC/FRANK articles as another, and the 137 distinct source documents of SummEdits' seven
non-news domains as a third: transcripts, emails and abstracts nobody here tuned to), looks up each finding's verdict in
benchmarks/judged/<corpus>.jsonl (read by hand against the articles, see ../shared/JUDGING.md),
and prints precision per rule, overall and over high-severity findings, then every finding
nobody has judged yet, with its evidence, ready to be judged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import ECBPLUS, ROOT, articles, summedits_documents, write_result
from factdiff.api import analyse, scan
from factdiff.load import make_document
from factdiff.models import Discrepancy

JUDGED = ROOT / "benchmarks" / "judged"
VERDICTS = ("right", "wrong", "unsure")
TARGET_ALL, TARGET_HIGH, TARGET_RULE, RULE_MINIMUM = 0.9, 0.95, 0.8, 5
"""Precision over all findings, over high ones, and per rule with at least RULE_MINIMUM findings."""


def corpus_findings() -> dict[str, list[Discrepancy]]:
    """Each real corpus's findings, as `factdiff scan` reports them."""
    bench = [make_document(text, f"{name}.txt") for name, text in articles() if name.startswith("bench-")]
    other_domains = [make_document(text, f"{name}.txt") for name, text in summedits_documents()]
    return {
        "ecbplus_train": list(scan([ECBPLUS / "docs"]).discrepancies),
        "factcc_frank": list(analyse(bench).discrepancies),
        "summedits_documents": list(analyse(other_domains).discrepancies),
    }


def verdicts(corpus: str) -> dict[str, dict]:
    path = JUDGED / f"{corpus}.jsonl"
    if not path.exists():
        return {}
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for entry in entries:
        if entry.get("verdict") not in VERDICTS or not entry.get("reason"):
            raise ValueError(f"{path}: {entry.get('id')}: a verdict needs one of {VERDICTS} and a reason")
    return {entry["id"]: entry for entry in entries}


@dataclass
class Tally:
    findings: int = 0
    right: int = 0
    unjudged: list[Discrepancy] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Right over judged; None when nothing is judged (not a perfect score)."""
        judged = self.findings - len(self.unjudged)
        return self.right / judged if judged else None


def tallies(found: dict[str, list[Discrepancy]]) -> tuple[dict[str, Tally], Tally, Tally]:
    """(per rule code, over all, over high) across the corpora."""
    by_rule: dict[str, Tally] = {}
    overall, high = Tally(), Tally()
    for corpus, discrepancies in found.items():
        judged = verdicts(corpus)
        for finding in discrepancies:
            entry = judged.get(finding.id)
            for tally in (
                by_rule.setdefault(finding.code, Tally()),
                overall,
                *([high] if finding.severity == "high" else []),
            ):
                tally.findings += 1
                if entry is None:
                    tally.unjudged.append(finding)
                elif entry["verdict"] == "right":
                    tally.right += 1
    return dict(sorted(by_rule.items())), overall, high


def shown(precision: float | None) -> str:
    return "–" if precision is None else f"{precision:.2f}"


def table(by_rule: dict[str, Tally], overall: Tally, high: Tally, names: dict[str, str]) -> str:
    rows = ["| rule | findings | right | precision |", "|---|---|---|---|"]
    for code, tally in by_rule.items():
        rows.append(f"| {code} {names[code]} | {tally.findings} | {tally.right} | {shown(tally.precision)} |")
    rows.append(f"| **all** | {overall.findings} | {overall.right} | {shown(overall.precision)} |")
    rows.append(f"| **high only** | {high.findings} | {high.right} | {shown(high.precision)} |")
    return "\n".join(rows) + "\n"


def evidence(findings: Iterable[Discrepancy]) -> str:
    lines = []
    for finding in findings:
        lines.append(f"{finding.id} {finding.severity} {finding.scope} | {finding.subject}")
        for variant in finding.variants:
            for claim in variant.claims[:3]:
                lines.append(f"  [{variant.value}] {Path(claim.path).name}: {' '.join(claim.sentence.split())[:300]}")
    return "\n".join(lines)


def main() -> None:
    found = corpus_findings()
    names = {finding.code: finding.rule for discrepancies in found.values() for finding in discrepancies}
    by_rule, overall, high = tallies(found)
    markdown = (
        "Judged precision on real text: every finding factdiff reports on the 575 ECB+ articles "
        "(one folder), on the 457 distinct FactCC/FRANK articles (one folder) and on the 137 distinct "
        "source documents of SummEdits' seven non-news domains (one folder), each read by hand "
        "(verdicts in benchmarks/judged/).\n\n" + table(by_rule, overall, high, names)
    )
    print(markdown)
    print(f"path: {write_result('precision.md', markdown)}")
    if overall.unjudged:
        print(f"\n{len(overall.unjudged)} findings not judged yet:\n{evidence(overall.unjudged)}")


if __name__ == "__main__":
    main()
