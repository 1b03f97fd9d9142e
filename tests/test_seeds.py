"""The seed articles: what must be reported, and what must not."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest
from conftest import FINDING_FIELDS, SEED_FINDINGS, finding_fields, read_seed_findings, write_seed_findings

import factdiff
from factdiff.schema import report_schema


@pytest.fixture(scope="module")
def report(seeds):
    return factdiff.scan([seeds])


def values(discrepancy) -> set[str]:
    return {v.value for v in discrepancy.variants}


def find(report, kind: str, *wanted: str):
    return [d for d in report.discrepancies if d.kind == kind and set(wanted) <= values(d)]


def test_commander_first_name_variant_is_reported_within_one_article(report):
    [found] = find(report, "name", "Godfrey Otunge", "Geoffrey Otunge")
    assert found.scope == "within"
    assert found.severity == "high"
    sentences = {c.sentence for v in found.variants for c in v.claims}
    assert any("Mission Commander Godfrey Otunge and Haitian" in s for s in sentences)
    assert any(s.startswith("According to Geoffrey Otunge, commander of the MSS mission") for s in sentences)
    assert {c.line for v in found.variants for c in v.claims} == {17, 22}


def test_kenyan_police_700_vs_over_800_is_reported_across_articles(report):
    [found] = find(report, "quantity", "700", ">800")
    assert found.scope == "across"
    by_value = {v.value: v.claims for v in found.variants}
    assert [c.path.endswith("001_de6dd166a4080cc0.txt") for c in by_value["700"]] == [True]
    assert [c.path.endswith("003_4b2072b04a3e016b.txt") for c in by_value[">800"]] == [True]
    assert "700 police personnel from Kenya" in by_value["700"][0].sentence
    assert "deployed over 800 police officers" in by_value[">800"][0].sentence
    assert "Kenya" in found.subject


def test_pledged_additional_and_vague_counts_are_not_set_against_the_deployed_count(report):
    quantity_values = {value for d in report.discrepancies if d.kind == "quantity" for value in values(d)}
    assert "1,000" not in quantity_values  # agreed to contribute: a pledge
    assert "600" not in quantity_values  # an additional batch
    assert "hundreds" not in quantity_values  # compatible with both 700 and over 800


def test_counts_over_different_periods_are_not_compared(report):
    quantity_values = {value for d in report.discrepancies if d.kind == "quantity" for value in values(d)}
    for different_period in ("580,000", ">1 million", ">1.3 million", "~2,500", ">5,600", "≥1500"):
        assert different_period not in quantity_values


def test_different_people_with_close_surnames_are_not_reported(report):
    names = {value for d in report.discrepancies if d.kind == "name" for value in values(d)}
    assert not any("Rubio" in n or "Ruto" in n for n in names)
    assert not any("O’Neil" in n or "Guterres" in n for n in names)


def test_every_other_seed_finding_is_a_real_slip(report):
    """The rest of the seed report, each checked by reading the articles."""
    assert find(report, "name", "Bazile Richardson", "Basil Richardson")
    assert find(report, "name", "Jovenel Moise", "Jovenel Moïse")[0].severity == "low"
    assert find(report, "acronym", "MSS", "MMS")
    [pronoun] = [d for d in report.discrepancies if d.kind == "pronoun"]
    assert "Penland" in pronoun.subject and values(pronoun) == {"female (Ms)", "male (he)"}
    assert find(report, "organisation", "Multinational Security Support", "Multi-National Security Support")
    assert len(report.discrepancies) == len(SEED_FINDINGS)


def test_the_seed_findings_match_their_golden_file(report):
    """Every finding of the seeds, field by field, in report order (FACTDIFF_UPDATE_GOLDEN=1
    rewrites tests/golden/seeds-findings.json from the scan, to accept a change deliberately)."""
    found = [finding_fields(d) for d in report.discrepancies]
    if os.environ.get("FACTDIFF_UPDATE_GOLDEN"):
        write_seed_findings(found)
    golden = read_seed_findings()
    for number, (finding, expected) in enumerate(zip(found, golden, strict=False), 1):
        assert list(expected) == list(FINDING_FIELDS), f"golden finding {number}: fields"
        for field in FINDING_FIELDS:
            assert finding[field] == expected[field], f"finding {number} ({expected['code']}): {field}"
    assert [f["code"] for f in found] == [f["code"] for f in golden], "findings added or missing"


def test_evidence_offsets_slice_the_document_text(report, seeds):
    texts = {d.path: (seeds.parent / d.path).read_text(encoding="utf-8") for d in report.documents}
    for discrepancy in report.discrepancies:
        for variant in discrepancy.variants:
            for claim in variant.claims:
                assert texts[claim.path][claim.start : claim.end] == claim.text


def test_json_report_validates_against_the_published_schema(report):
    document = json.loads(report.model_dump_json())
    jsonschema.validate(document, report_schema())
    assert document["schema_version"] == "1"
    assert document["tool"]["name"] == "factdiff"


def test_output_is_deterministic(report, seeds):
    again = factdiff.scan([seeds])
    assert again.model_dump_json() == report.model_dump_json()
