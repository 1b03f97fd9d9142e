"""Judged precision on real coverage stays measured: every finding factdiff reports on the two
real corpora has a verdict read by hand (benchmarks/judged/), precision stays at the standard,
and the README's table is the benchmark's own output. A change that makes the tool say
something new on real text fails here until someone has read it."""

from __future__ import annotations

import pytest
from conftest import needs_shared_bench

from benchmarks.corpus import ROOT
from benchmarks.precision import (
    RULE_MINIMUM,
    TARGET_ALL,
    TARGET_HIGH,
    TARGET_RULE,
    corpus_findings,
    evidence,
    table,
    tallies,
)

pytestmark = needs_shared_bench()


@pytest.fixture(scope="module")
def judged():
    found = corpus_findings()
    names = {finding.code: finding.rule for discrepancies in found.values() for finding in discrepancies}
    return (*tallies(found), names)


def test_every_finding_on_real_coverage_has_a_verdict(judged):
    _, overall, _, _ = judged
    assert not overall.unjudged, f"judge these and add them to benchmarks/judged/:\n{evidence(overall.unjudged)}"


def test_judged_precision_meets_the_standard(judged):
    by_rule, overall, high, _ = judged
    assert overall.precision is not None and overall.precision >= TARGET_ALL
    assert high.precision is None or high.precision >= TARGET_HIGH
    for code, tally in by_rule.items():
        if tally.findings >= RULE_MINIMUM:
            assert tally.precision >= TARGET_RULE, code


def test_the_readme_table_is_the_benchmarks_own(judged):
    by_rule, overall, high, names = judged
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table(by_rule, overall, high, names) in readme, (
        "paste `python -m benchmarks.precision`'s table into the README"
    )
