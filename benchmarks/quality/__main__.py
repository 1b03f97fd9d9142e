"""python -m benchmarks.quality [--parts ...] [--jobs N] [--limit N] [--show N]: score factdiff's detection.

Part 1 (planted) plants one known discrepancy (or a fact-keeping control edit) in a copy of each real
article and compares the copy with the original, as ``factdiff compare`` does. Part 2 (factcc) compares
each FactCC/FRANK article with its model-written summary. Part 3 (summedits) compares each SummEdits
document with its summary or a minimally edited copy of it. Part 4 (check) runs ``factdiff check article
summary`` on both sets: a summary is flagged when any of its claims is contradicted or unsupported. The
Markdown tables are written to benchmarks/results/quality.md only when all parts ran, so a partial run
never replaces the full result.
"""

from __future__ import annotations

import argparse
import ast
import multiprocessing
import platform
import random
import shlex
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import zip_longest
from typing import NamedTuple, TypeVar

from benchmarks.corpus import articles, bench_rows, summedits_rows, write_result
from benchmarks.quality.plant import CONTROLS, ERRORS, Plant
from factdiff import __version__
from factdiff.api import check_documents, find_discrepancies
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
PUBLISHED_SUMMEDITS = {"GPT-4": 0.821, "QAFactEval": 0.655, "SummaC-Conv": 0.571, "human": 0.909}
"""Balanced accuracy over all ten SummEdits domains, from ../shared/bench/README.md (the dataset's README)."""
PARTS = ("planted", "factcc", "summedits", "check")
CHUNKSIZE = 16
"""Pairs a worker takes at a time: enough to keep the pickling overhead small, few enough to balance the load."""
ENTITY_EDIT = "entity_modification"
"""The SummEdits edit kind that changes a name, number or date: what factdiff looks for."""

Task = TypeVar("Task")
Outcome = TypeVar("Outcome")


class Found(NamedTuple):
    """One reported discrepancy, as plain values a worker process sends back cheaply."""

    code: str
    rule: str
    subject: str
    variants: tuple[tuple[str, str, str], ...]
    """(value, path, sentence of its first claim) for each side."""


def each(function: Callable[[Task], Outcome], tasks: Sequence[Task], jobs: int) -> list[Outcome]:
    """``function`` of every task, in the tasks' order whatever ``jobs`` is, so the tables do not depend on it."""
    if jobs <= 1:
        return [function(task) for task in tasks]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(function, tasks, chunksize=CHUNKSIZE)


def edit_kinds(value: list[str] | str | None) -> list[str]:
    """A row's error or edit types: a list, or a list's repr as some files store it."""
    return value if isinstance(value, list) else ast.literal_eval(value or "[]")


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


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


def planted_outcome(task: tuple[str, Plant, bool]) -> tuple[bool, bool] | None:
    """(anything reported, the change found) for one planted copy; None when factdiff failed on it.
    For a control, "found" is anything reported."""
    text, plant, is_error = task
    try:
        found = compared(text, plant.text)
    except Exception:
        return None
    return bool(found), touches(found, plant) if is_error else bool(found)


def planted(limit: int | None, jobs: int) -> str:
    texts = list(articles())[:limit] if limit else list(articles())
    kinds = {**ERRORS, **CONTROLS}
    tasks: dict[str, list[tuple[str, Plant, bool]]] = {kind: [] for kind in kinds}
    for kind, planter in kinds.items():
        for name, text in texts:
            plant = planter(text, random.Random(f"{name}:{kind}"))
            if plant is not None:
                tasks[kind].append((text, plant, kind in ERRORS))
    outcomes = iter(each(planted_outcome, [task for kind in kinds for task in tasks[kind]], jobs))
    rows = []
    for kind in kinds:
        is_error = kind in ERRORS
        sites = len(tasks[kind])
        hits = reported = failures = 0
        for outcome in (next(outcomes) for _ in range(sites)):
            if outcome is None:
                failures += 1
                continue
            reported += outcome[0]
            hits += outcome[1]
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


def findings(pair: tuple[str, str]) -> list[Found]:
    """What ``factdiff compare`` reports between a pair's two texts (a worker's task)."""
    return [
        Found(
            d.code,
            d.rule,
            d.subject,
            tuple(
                (v.value, v.claims[0].path, v.claims[0].sentence) if v.claims else (v.value, "", "") for v in d.variants
            ),
        )
        for d in compared(*pair)
    ]


Scored = list[tuple[dict, list[Found]]]
"""Each bench row with what factdiff reported between its doc_a and doc_b."""


def with_findings(rows: list[dict], jobs: int) -> Scored:
    return list(zip(rows, each(findings, [(row["doc_a"], row["doc_b"]) for row in rows], jobs), strict=True))


def outcome_key(flagged: bool, inconsistent: bool) -> str:
    """TP, FP, TN or FN: a flag is a positive, an inconsistent pair should be one."""
    return ("T" if flagged == inconsistent else "F") + ("P" if flagged else "N")


def summaries(jobs: int) -> str:
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for row, found in with_findings(bench_rows(), jobs):
        subset = row["meta"]["subset"]
        flagged = bool(found)
        inconsistent = row["label"] == "inconsistent"
        outcomes[subset][outcome_key(flagged, inconsistent)] += 1
        for error_type in edit_kinds(row["type"]):
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


def summedits_counts(scored: Scored) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Outcomes per domain (and "all"), and pairs and flags per edit kind (inconsistent pairs; a pair with
    two kinds counts in both) and for the consistent pairs."""
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for row, found in scored:
        flagged = bool(found)
        inconsistent = row["label"] == "inconsistent"
        kinds = edit_kinds(row["type"]) if inconsistent else ["(consistent)"]
        for domain in (row["meta"]["domain"], "all"):
            outcomes[domain][outcome_key(flagged, inconsistent)] += 1
            if ENTITY_EDIT in kinds:
                outcomes[domain]["entity"] += 1
                outcomes[domain]["entity flagged"] += flagged
        for kind in kinds:
            by_kind[kind]["pairs"] += 1
            by_kind[kind]["flagged"] += flagged
    return outcomes, by_kind


def summedits_table(scored: Scored) -> str:
    outcomes, by_kind = summedits_counts(scored)
    lines = [
        "Each document compared with its summary or a minimally edited copy of it. Precision: inconsistent pairs "
        "among the flagged; recall over the inconsistent pairs, and over those with an entity_modification edit "
        "(a changed name, number or date); specificity: consistent pairs not flagged.",
        "",
        "| domain | pairs | flagged | precision | recall | recall (entity edits) | specificity | balanced accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    balanced = {}
    for domain in [*sorted(d for d in outcomes if d != "all"), "all"]:
        c = outcomes[domain]
        flagged = c["TP"] + c["FP"]
        recall = ratio(c["TP"], c["TP"] + c["FN"])
        specificity = ratio(c["TN"], c["TN"] + c["FP"])
        balanced[domain] = (recall + specificity) / 2
        shown_precision = f"{ratio(c['TP'], flagged):.3f}" if flagged else "n/a (none flagged)"
        lines.append(
            f"| {'**all**' if domain == 'all' else domain} | {c['TP'] + c['FP'] + c['TN'] + c['FN']} | {flagged} | "
            f"{shown_precision} | {recall:.3f} | {ratio(c['entity flagged'], c['entity']):.3f} | "
            f"{specificity:.3f} | {balanced[domain]:.3f} |"
        )
    lines += ["", "| edit type | pairs | flagged share |", "|---|---|---|"]
    for kind in sorted(by_kind):
        lines.append(
            f"| {kind} | {by_kind[kind]['pairs']} | {ratio(by_kind[kind]['flagged'], by_kind[kind]['pairs']):.3f} |"
        )
    domains = [d for d in balanced if d != "all"]
    lines += ["", "| system (balanced accuracy) | SummEdits |", "|---|---|"]
    lines.append(
        f"| **factdiff {__version__}** (mean of these {len(domains)} domains) | "
        f"{sum(balanced[d] for d in domains) / len(domains) if domains else 0:.3f} |"
    )
    for system, score in PUBLISHED_SUMMEDITS.items():
        lines.append(f"| {system} (published, all ten domains) | {score:.3f} |")
    lines += [
        "",
        "The published figures come from the dataset's README and cover all ten SummEdits domains; this file holds "
        f"{len(domains)} of them (no news, BillSum or Shakespeare), so they are a guide, not a like-for-like comparison.",
    ]
    return "\n".join(lines) + "\n"


def spread(scored: Scored, limit: int) -> Scored:
    """Up to ``limit`` rows taken from each domain in turn, so the examples are not all from the file's first domain."""
    by_domain: dict[str, Scored] = defaultdict(list)
    for item in scored:
        by_domain[item[0]["meta"]["domain"]].append(item)
    return [item for turn in zip_longest(*by_domain.values()) for item in turn if item is not None][:limit]


SIDES = {"original.txt": "document", "edited.txt": "summary"}
"""What ``compared``'s two file names stand for in a SummEdits pair."""


def summedits_examples(scored: Scored, limit: int) -> str:
    """False alarms (what was found) and missed entity edits (what was edited), to read the errors by hand."""
    false_alarms = spread([(row, found) for row, found in scored if found and row["label"] == "consistent"], limit)
    missed = spread(
        [
            (row, found)
            for row, found in scored
            if not found and row["label"] == "inconsistent" and ENTITY_EDIT in edit_kinds(row["type"])
        ],
        limit,
    )
    lines = [f"## SummEdits: {len(false_alarms)} flagged consistent pairs", ""]
    for row, found in false_alarms:
        lines += [f"{row['id']} ({row['meta']['domain']})", f"  summary: {row['doc_b']}"]
        for finding in found:
            lines.append(f"  {finding.code} {finding.rule}: {finding.subject}")
            lines += [
                f"    {value!r} in the {SIDES.get(path, path)}: {sentence}"
                for value, path, sentence in finding.variants
            ]
        lines.append("")
    lines += [f"## SummEdits: {len(missed)} missed {ENTITY_EDIT} pairs", ""]
    for row, _ in missed:
        edits = "; ".join(f"{e['op']} {e['seed']!r} → {e['edited']!r}" for e in row["meta"]["edit_diff_derived"])
        lines += [
            f"{row['id']} ({row['meta']['domain']}: {', '.join(edit_kinds(row['type']))})",
            f"  summary: {row['doc_b']}",
            f"  edits: {edits}",
            "",
        ]
    return "\n".join(lines)


def traced(pair: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(verdict, kind, text) of each claim ``factdiff check`` does not find supported (a worker's task)."""
    report = check_documents([make_document(pair[0], "article.txt")], [make_document(pair[1], "summary.txt")])
    return [(check.verdict, check.kind, check.claim.text) for check in report.checks if check.verdict != "supported"]


def checks(jobs: int) -> str:
    """``check`` on FactCC, FRANK and SummEdits: a pair is flagged when any claim is not supported."""
    rows = [*bench_rows(), *summedits_rows()]
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for row, found in zip(rows, each(traced, [(row["doc_a"], row["doc_b"]) for row in rows], jobs), strict=True):
        subset = row["meta"].get("subset", "summedits")
        inconsistent = row["label"] == "inconsistent"
        outcomes[subset][outcome_key(bool(found), inconsistent)] += 1
        if inconsistent and ENTITY_EDIT in edit_kinds(row["type"]):
            outcomes[subset]["entity"] += 1
            outcomes[subset]["entity flagged"] += bool(found)
        for verdict, kind, _text in found:
            verdicts[subset][f"{verdict} {kind}"] += 1
    lines = [
        "Each summary checked against its article; flagged when a claim is contradicted or unsupported.",
        "",
        "| set | pairs | flagged | precision | recall | recall (entity edits) | specificity | balanced accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for subset in ("factcc", "frank", "summedits"):
        c = outcomes[subset]
        flagged = c["TP"] + c["FP"]
        recall = ratio(c["TP"], c["TP"] + c["FN"])
        specificity = ratio(c["TN"], c["TN"] + c["FP"])
        entity = f"{ratio(c['entity flagged'], c['entity']):.3f}" if c["entity"] else "—"
        lines.append(
            f"| {subset} | {sum(c[key] for key in ('TP', 'FP', 'TN', 'FN'))} | {flagged} | "
            f"{ratio(c['TP'], flagged):.3f} | {recall:.3f} | {entity} | {specificity:.3f} | "
            f"{(recall + specificity) / 2:.3f} |"
        )
    lines += ["", "| set | claims not supported, by verdict and kind |", "|---|---|"]
    for subset in ("factcc", "frank", "summedits"):
        shown = ", ".join(f"{key} {count}" for key, count in verdicts[subset].most_common())
        lines.append(f"| {subset} | {shown} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--limit", type=int, help="Plant in only the first N articles (quicker).")
    parser.add_argument(
        "--parts",
        nargs="+",
        choices=PARTS,
        default=list(PARTS),
        metavar="PART",
        help=f"Parts to run, any of {', '.join(PARTS)} (default: all; the result file is written only then).",
    )
    parser.add_argument("--jobs", type=int, default=1, help="Compare the pairs in N processes (same results).")
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="Also print up to N flagged consistent SummEdits pairs and N missed entity edits (not written).",
    )
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.show and "summedits" not in args.parts:
        parser.error("--show reads the summedits part: add it to --parts")
    started = time.perf_counter()
    sections = []
    examples = ""
    if "planted" in args.parts:
        sections.append("## Planted discrepancies and controls\n\n" + planted(args.limit, args.jobs))
    if "factcc" in args.parts:
        sections.append("## FactCC / FRANK: `compare article summary`\n\n" + summaries(args.jobs))
    if "check" in args.parts:
        sections.append("## `check article summary`: FactCC, FRANK, SummEdits\n\n" + checks(args.jobs))
    if "summedits" in args.parts:
        scored = with_findings(summedits_rows(), args.jobs)
        sections.append(
            "## SummEdits, seven non-news domains: `compare document summary`\n\n" + summedits_table(scored)
        )
        if args.show:
            examples = summedits_examples(scored, args.show)
    report = (
        f"# factdiff {__version__} quality\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}. "
        f"Command: `{shlex.join(['python', '-m', 'benchmarks.quality', *sys.argv[1:]])}`.\n\n" + "\n".join(sections)
    )
    report += f"\nRun time: {time.perf_counter() - started:.0f} s.\n"
    print(report)
    if examples:
        print(examples)
    if set(args.parts) == set(PARTS):
        print(f"written to {write_result('quality.md', report)}")
    else:
        print("not written: only the full run (all parts) replaces benchmarks/results/quality.md")


if __name__ == "__main__":
    main()
