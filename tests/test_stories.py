"""Stories: a mixed folder is grouped by story, and facts are compared only within one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdiff.api import scan, stories

MIXED = Path(__file__).parent / "data" / "stories"


def grouped_paths(report) -> set[frozenset[str]]:
    paths = {d.id: Path(d.path).name for d in report.documents}
    return {frozenset(paths[doc] for doc in story.documents) for story in report.stories}


@pytest.fixture(scope="module")
def mixed(seeds):
    return scan([MIXED, seeds])


def test_the_seeds_are_one_story(seeds):
    [story] = stories([seeds]).stories
    assert len(story.documents) == 5
    assert "William Ruto" in story.shared and "MSS" in story.shared


def test_a_mixed_folder_splits_into_its_stories(mixed, seeds):
    seed_names = frozenset(path.name for path in seeds.iterdir())
    assert grouped_paths(mixed) == {
        seed_names,
        frozenset({"floods_nation.txt", "floods_standard.txt"}),
        frozenset({"crash_star.txt", "crash_citizen.txt"}),
    }
    assert all(d.story is not None for d in mixed.documents)


def test_no_discrepancy_joins_two_stories(mixed):
    story_of = {d.id: d.story for d in mixed.documents}
    for found in mixed.discrepancies:
        assert {story_of[c.doc] for v in found.variants for c in v.claims} == {found.story}
    values = {v.value for found in mixed.discrepancies for v in found.variants}
    assert "Mary Wanjiru" not in values  # the crash passenger, not the flood victim Mary Wanjiku
    assert "≥40" not in values  # flood deaths, not the 12 killed in the bus crash


def test_a_real_disagreement_inside_a_story_is_still_found(mixed):
    [floods] = [d for d in mixed.discrepancies if d.kind == "quantity" and "displaced" in d.subject]
    assert {v.value for v in floods.variants} == {"15,000", ">20,000"} and floods.scope == "across"


def test_one_story_compares_everything_given(seeds):
    together = scan([MIXED, seeds], one_story=True)
    assert len(together.stories) == 1
    values = {v.value for found in together.discrepancies for v in found.variants}
    assert {"Mary Wanjiku", "Mary Wanjiru"} <= values
    assert "12" not in values  # the crash toll is dated 'on Saturday': still not the floods' count


def test_stories_command_lists_each_story_with_its_documents(run):
    result = run("stories", str(MIXED), "--format", "json")
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert len(listed["stories"]) == 2 and listed["discrepancies"] == []
    table = run("stories", str(MIXED)).output
    assert "Kithure Kindiki" in table and "tests/data/stories/crash_star.txt" in table
    assert "2 stories in 4 documents." in table


def test_results_do_not_depend_on_the_number_of_processes(seeds):
    one = scan([MIXED, seeds], jobs=1)
    two = scan([MIXED, seeds], jobs=2)
    assert two.model_dump_json() == one.model_dump_json() and len(one.discrepancies) > 5
