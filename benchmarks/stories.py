"""python -m benchmarks.stories: how well `factdiff stories` groups real multi-outlet coverage.

On ECB+ (../shared/bench/ecbplus_train: 575 articles, 50 gold stories, each with a look-alike
event of the same kind) it prints:
- B-cubed precision, recall and F1 of the stories against gold.json, and the number of stories;
- cross-story findings: every count, date, quotation or edited-copy finding whose evidence
  spans two gold stories (there should be none), with its evidence;
- the story stage's time for the 575 articles (1x: the mean over ten runs, one for each copy
  described next, as timings on a shared machine vary) and for ten times as many (10x): the
  articles' evidence repeated ten times, each copy's names, places, organisations, acronyms,
  numbers and dates made its own (a suffix per copy: ten times as many events of the same
  kinds) while its content words and years stay as they are (so they weigh less, being
  ten times as common); no story may mix two copies;
- the seeds with a one-paragraph update added: still one story, and the update's count
  compared with theirs.

`--words` counts the word lists of factdiff/text/data/stories.json again from the shared
bench data: `vocabulary` is every lower-case word written in at least two of the distinct
FactCC/FRANK news articles or two of the SummEdits documents (other domains), `common` every
lower-case word written in at least 4% of those news articles.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import tempfile
import textwrap
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from benchmarks.corpus import ECBPLUS, ROOT, SEEDS, SHARED_BENCH, bench_rows, write_result
from factdiff import api
from factdiff.models import packed_info

CROSS_KINDS = frozenset({"quantity", "date", "quote", "edit"})
"""Findings that must never compare two different events."""
UPDATE = (
    "Mission commander Godfrey Otunge said on Friday that 1,450 Kenyan police officers are now deployed in Haiti.\n"
)
REPLICAS = 10
KEPT = ("word:", "year:")
"""Evidence every copy keeps as it is: an archive ten times larger writes with the same words
about the same years, about other people, places and events."""
TARGETS = {"F1": 0.85, "precision": 0.95, "time ratio": 11.0}


def gold() -> dict[str, str]:
    """File name -> gold story ('20-ecbplus')."""
    entries = json.loads((ECBPLUS / "gold.json").read_text(encoding="utf-8"))
    return {name: entry["story"] for name, entry in entries.items()}


def b_cubed(groups: Iterable[Iterable[str]], truth: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of groups of items against each item's true class."""
    group_of = {item: index for index, group in enumerate(groups) for item in group}
    members: dict[int, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    for item, index in group_of.items():
        members[index].add(item)
        classes[truth[item]].add(item)
    precision = recall = 0.0
    for item in group_of:
        together = members[group_of[item]] & classes[truth[item]]
        precision += len(together) / len(members[group_of[item]])
        recall += len(together) / len(classes[truth[item]])
    precision, recall = precision / len(group_of), recall / len(group_of)
    return precision, recall, 2 * precision * recall / (precision + recall)


def timed(work: Callable[[], object]) -> float:
    """How long the work takes, in seconds, with the cycle collector paused as the pipeline
    runs the story stage."""
    with api.collector_paused():
        start = time.perf_counter()
        work()
        return time.perf_counter() - start


def replicated(documents: Sequence[api.Read], copies: int) -> list[api.Read]:
    """The documents ``copies`` times, each copy with its own names (see the module's docstring)."""
    out = []
    for copy in range(copies):
        for document in documents:
            names = {
                (f"{key}~{copy}" if copy and not key.startswith(KEPT) else key): value
                for key, value in document.evidence().items()
            }
            doc = f"{document.id}~{copy}" if copy else document.id
            record = packed_info(document.info.model_copy(update={"id": doc}))
            out.append(document._replace(id=doc, record=record, names=pickle.dumps(names)))
    return out


def cross_story(report_stories: Sequence, findings: Sequence, file_of: Mapping[str, str], truth: Mapping[str, str]):
    """Count, date, quotation and edited-copy findings whose evidence spans two gold stories."""
    crossing = []
    for finding in findings:
        if finding.kind not in CROSS_KINDS:
            continue
        stories = {truth[file_of[claim.doc]] for variant in finding.variants for claim in variant.claims}
        if len(stories) > 1:
            crossing.append(finding)
    return crossing


def shown(finding, file_of: Mapping[str, str], truth: Mapping[str, str]) -> str:
    lines = [f"  {finding.code} {finding.severity} {finding.scope} | {finding.subject}"]
    for variant in finding.variants:
        for claim in variant.claims:
            name = file_of[claim.doc]
            lines.append(f"    [{variant.value}] {name} ({truth[name]}): {claim.sentence.strip()[:160]}")
    return "\n".join(lines)


def ecbplus(lines: list[str]) -> dict[str, float]:
    truth = gold()
    documents, _ = api.read_paths([ECBPLUS / "docs"])
    file_of = {document.info.id: Path(document.info.path).name for document in documents}
    stories = api.group_stories(documents, False)
    precision, recall, f1 = b_cubed(([file_of[doc] for doc in story.documents] for story in stories), truth)
    lines += [
        f"ECB+ ({len(documents)} articles, {len(set(truth.values()))} gold stories): {len(stories)} stories, "
        f"B-cubed precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}",
    ]
    analysis = api.judge_all(documents, api._texts(documents))
    crossing = cross_story(stories, analysis.discrepancies, file_of, truth)
    lines.append(
        f"findings: {len(analysis.discrepancies)}; count/date/quote/edit findings spanning two gold stories: {len(crossing)}"
    )
    lines += [shown(finding, file_of, truth) for finding in crossing]
    many = replicated(documents, REPLICAS)
    copies_alone = [many[copy * len(documents) : (copy + 1) * len(documents)] for copy in range(REPLICAS)]
    one = sum(timed(lambda part=part: api.group_stories(part, False)) for part in copies_alone) / REPLICAS
    ten = min(timed(lambda: api.group_stories(many, False)) for _ in range(2))
    copies = api.group_stories(many, False)
    mixing = sum(1 for story in copies if len({doc.partition("~")[2] for doc in story.documents}) > 1)
    lines.append(
        f"story stage: {one:.2f} s for {len(documents)} articles, {ten:.2f} s for {len(many)} "
        f"({ten / one:.1f}x the time for {REPLICAS}x the articles; {len(copies)} stories, "
        f"{REPLICAS}x{len(stories)} expected, {mixing} mixing two copies)"
    )
    return {"precision": precision, "recall": recall, "F1": f1, "cross": len(crossing), "time ratio": ten / one}


def seeds_with_update(lines: list[str]) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        update = Path(folder) / "update.txt"
        update.write_text(UPDATE, encoding="utf-8")
        report = api.scan([SEEDS, update])
    update_id = next(d.id for d in report.documents if d.path.endswith("update.txt"))
    together = len(report.stories) == 1
    lines.append(
        f"seeds + one-paragraph update: {len(report.stories)} story(ies) for {len(report.documents)} documents"
    )
    for finding in report.discrepancies:
        if any(claim.doc == update_id for variant in finding.variants for claim in variant.claims):
            values = " / ".join(variant.value for variant in finding.variants)
            lines.append(f"  the update's finding: {finding.code} {finding.subject}: {values}")
    return together


def count_words() -> Path:
    """Count factdiff/text/data/stories.json's word lists again (see the module's docstring)."""
    word = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

    def lower_words(texts: Iterable[str]) -> tuple[Counter[str], int]:
        seen, counts = set(), Counter()
        for text in texts:
            if text not in seen:
                seen.add(text)
                counts.update({token for token in word.findall(text) if token.islower()})
        return counts, len(seen)

    news, articles = lower_words(row["doc_a"] for row in bench_rows())
    with (SHARED_BENCH / "summedits_other_domains.jsonl").open(encoding="utf-8") as rows:
        other, _ = lower_words(json.loads(line)["doc_a"] for line in rows if line.strip())
    data = {
        "vocabulary": sorted({w for w, n in news.items() if n >= 2} | {w for w, n in other.items() if n >= 2}),
        "common": sorted(w for w, n in news.items() if n >= 0.04 * articles),
    }
    path = ROOT / "factdiff" / "text" / "data" / "stories.json"
    parts = [f'  "{name}": [\n{wrapped(words)}\n  ]' for name, words in data.items()]
    path.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")
    return path


def wrapped(words: Sequence[str], width: int = 118) -> str:
    """A JSON list's items a few to a line (one word a line would be thousands of lines)."""
    items = [json.dumps(word, ensure_ascii=False) for word in words]
    return "\n".join(
        textwrap.wrap(
            ", ".join(items),
            width,
            initial_indent="    ",
            subsequent_indent="    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stories", description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", action="store_true", help="count the word lists of data/stories.json again")
    options = parser.parse_args(argv)
    if options.words:
        print(f"wrote {count_words()}")
        return 0
    lines: list[str] = []
    scores = ecbplus(lines)
    together = seeds_with_update(lines)
    met = (
        scores["F1"] >= TARGETS["F1"]
        and scores["precision"] >= TARGETS["precision"]
        and scores["cross"] == 0
        and scores["time ratio"] <= TARGETS["time ratio"]
        and together
    )
    lines.append(
        "targets (F1 >= 0.85, precision >= 0.95, no cross-story finding, 10x in <= 11x the time, "
        f"seeds + update one story): {'met' if met else 'NOT met'}"
    )
    print("\n".join(lines))
    write_result("stories.md", "```\n" + "\n".join(lines) + "\n```\n")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
