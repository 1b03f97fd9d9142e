"""Stories that hold together: the grouping decides what `scan` can compare, so it must put an
event's coverage together (also a one-paragraph update), keep a look-alike event apart, stay
linear, say why, and never hide a finding when articles are added."""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdiff import story
from factdiff.api import extracted, judge_all, stories
from factdiff.load import MemoryTexts, make_document
from factdiff.story import find_stories, story_names

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MIXED = sorted((Path(__file__).parent / "data" / "stories").glob("*.txt"))

UPDATE = (
    "Mission commander Godfrey Otunge said on Friday that 1,450 Kenyan police officers are now deployed in Haiti.\n"
)

QUAKE_SUMATRA = (
    "A magnitude 6.4 earthquake struck the Indonesian province of Aceh on Tuesday, killing 113 people, "
    "the disaster agency said. Agency spokesman Sutopo Nugroho said rescuers in Pidie Jaya were digging "
    "through collapsed mosques and shops. Governor Zaini Abdullah said aftershocks kept residents outdoors.\n"
)
QUAKE_SUMATRA_2 = (
    "Rescuers in Pidie Jaya pulled survivors from the rubble after the Aceh earthquake, which the disaster "
    "agency said had killed 113 people. Sutopo Nugroho said the magnitude 6.4 quake destroyed mosques. "
    "Zaini Abdullah visited the camps on Wednesday.\n"
)
QUAKE_PERU = (
    "A magnitude 6.1 earthquake shook the Peruvian region of Arequipa on Monday, killing 9 people in the "
    "Colca valley, officials said. Civil defence chief Jorge Chavez said the quake destroyed adobe homes "
    "in Yanque and Achoma. President Pedro Kuczynski flew to Arequipa.\n"
)
QUAKE_PERU_2 = (
    "Adobe homes in Yanque and Achoma lay in ruins after the Arequipa earthquake killed 9 people. Jorge "
    "Chavez of civil defence said the magnitude 6.1 quake was felt across the Colca valley. Pedro Kuczynski "
    "promised help.\n"
)


def document(text: str, name: str):
    return make_document(text, name)


@functools.cache
def read(text: str, name: str):
    """A document read once: the tests compare many folders made of the same documents."""
    made = document(text, name)
    return made, extracted(made)


def analysis(items):
    made = [read(text, name) for text, name in items]
    return judge_all([reading for _, reading in made], MemoryTexts([doc for doc, _ in made]))


def grouped(items) -> set[frozenset[str]]:
    made = [read(text, name) for text, name in items]
    names = {reading.info.id: reading.info.path for _, reading in made}
    return {frozenset(names[doc] for doc in found.documents) for found in analysis(items).stories}


def texts(paths) -> list[tuple[str, str]]:
    return [(path.read_text(encoding="utf-8"), path.name) for path in paths]


def test_a_one_paragraph_update_joins_its_story_and_its_count_is_compared():
    items = [*texts(SEEDS), (UPDATE, "update.txt")]
    result = analysis(items)
    assert len(result.stories) == 1
    update_id = read(UPDATE, "update.txt")[1].info.id
    counts = [
        finding
        for finding in result.discrepancies
        if finding.kind == "quantity" and any(c.doc == update_id for v in finding.variants for c in v.claims)
    ]
    assert counts and {"700", "1,450"} <= {variant.value for variant in counts[0].variants}


def test_a_look_alike_event_stays_apart():
    items = [
        (QUAKE_SUMATRA, "aceh1.txt"),
        (QUAKE_SUMATRA_2, "aceh2.txt"),
        (QUAKE_PERU, "peru1.txt"),
        (QUAKE_PERU_2, "peru2.txt"),
    ]
    assert grouped(items) == {frozenset({"aceh1.txt", "aceh2.txt"}), frozenset({"peru1.txt", "peru2.txt"})}
    values = {variant.value for finding in analysis(items).discrepancies for variant in finding.variants}
    assert not {"113", "9"} <= values  # the two tolls are never compared


def test_a_long_round_up_does_not_pull_two_stories_together():
    mixed = texts(MIXED)
    round_up = "\n\n".join(text for text, _ in mixed)  # one long article covering both stories
    groups = grouped([*mixed, (round_up, "round_up.txt")])
    floods = {"floods_nation.txt", "floods_standard.txt"}
    crash = {"crash_star.txt", "crash_citizen.txt"}
    assert not any(floods <= group and crash <= group for group in groups)
    assert any(floods <= group for group in groups) and any(crash <= group for group in groups)


def test_evidence_counts_names_named_once_places_numbers_and_words():
    made = document(UPDATE, "update.txt")
    from factdiff import extract

    evidence = story_names(extract.extract(made))
    assert evidence["person:otunge"] == ("Godfrey Otunge", 1)
    assert {"name:kenya", "name:haiti", "number:1450"} <= set(evidence)
    assert "word:commander" in evidence and "word:said" not in evidence  # 'said' is common in news


def test_pairs_come_from_an_index_never_all_pairs():
    unrelated = {f"d{index}": {f"person:p{index}": ("P", 1), "word:quake": ("quake", 1)} for index in range(300)}
    assert story._Folder(unrelated).candidates() == set()  # words propose no pair
    crowd = {f"d{index}": {"name:everywhere": ("Everywhere", 1)} for index in range(story.POSTING_LIMIT + 1)}
    assert story._Folder(crowd).candidates() == set()  # a name in too many documents proposes none
    few = {f"d{index}": {"name:aceh": ("Aceh", 1)} for index in range(3)}
    assert len(story._Folder(few).candidates()) == 3


def test_common_evidence_weighs_less_and_nothing_in_a_fifth_of_a_large_folder():
    assert story._rarity(3, 200) == 1.0
    assert 0 < story._rarity(40, 200) < story._rarity(20, 200) < 1
    assert story._rarity(200, 200) == 0.0


def test_articles_published_far_apart_are_less_alike():
    shared = {"person:reid": ("Tara Reid", 1), "name:promises": ("Promises", 1)}
    evidence = {
        "a": {**shared, **{f"person:a{index}": ("A", 1) for index in range(4)}},
        "b": {**shared, **{f"person:b{index}": ("B", 1) for index in range(3)}},
    }
    day = datetime.date(2008, 12, 1)
    assert len(find_stories(evidence)) == 1
    assert len(find_stories(evidence, {"a": day, "b": day + datetime.timedelta(days=3)})) == 1
    assert len(find_stories(evidence, {"a": day, "b": day + datetime.timedelta(days=800)})) == 2


def test_a_short_article_about_someone_else_does_not_join_by_what_a_story_holds():
    fight = {"person:klitschko": ("Wladimir Klitschko", 3), "person:thompson": ("Tony Thompson", 3)}
    fight.update({f"name:p{index}": ("P", 1) for index in range(200)})  # two long reports of one fight
    evidence = {"a": fight, "b": dict(fight)}
    update = {"person:klitschko": ("Wladimir Klitschko", 1), "name:p0": ("P", 1), "name:p1": ("P", 1)}
    _a, _partners, (to_b, to_c) = next(story._Folder({**evidence, "c": update}).likenesses({}))
    assert to_b == pytest.approx(1) and to_c < story.LINK  # too short for a cosine
    assert len(find_stories({**evidence, "c": update})) == 1  # but all it says is the story's
    other_fight = {**update, "person:rahman": ("Hasim Rahman", 2)}  # about a boxer the story never names
    assert len(find_stories({**evidence, "c": other_fight})) == 2


def test_stories_are_the_same_whatever_the_order_or_ids_of_the_documents():
    evidence = {read(text, name)[1].info.id: read(text, name)[1].evidence() for text, name in texts([*SEEDS, *MIXED])}
    forward = find_stories(evidence)
    backward = find_stories(dict(reversed(list(evidence.items()))))
    assert forward == backward


def test_the_stories_command_says_why_and_counts(run, seeds):
    table = run("stories", str(seeds), *map(str, MIXED)).output
    assert "shared: MSS, UN Security Council, William Ruto" in table
    assert "3 stories in 9 documents." in table
    lone = run("stories", str(MIXED[0]), str(MIXED[2]), str(SEEDS[0]), str(SEEDS[1])).output
    assert "documents), " in lone and "alone." in lone


def test_the_seeds_stay_one_story_in_their_fragments_company():
    report = stories([ROOT / "seeds"])
    assert len(report.stories) == 1 and len(report.stories[0].documents) == 5


# Monotonicity: adding an article never hides a finding that the articles already there support.

PARAGRAPH = re.compile(r"\n\s*\n|\n")


def near_copies(text: str, name: str) -> list[tuple[str, str]]:
    """Other outlets' versions of an article: last paragraph dropped, a line added, a word changed."""
    paragraphs = [part for part in PARAGRAPH.split(text) if part.strip()]
    stem = name.removesuffix(".txt")
    return [
        ("\n\n".join(paragraphs[:-1]) + "\n", f"{stem}-cut.txt"),
        (text + "\nThis article has been updated.\n", f"{stem}-updated.txt"),
        (text.replace(" said ", " told reporters ", 1), f"{stem}-reworded.txt"),
    ]


def fragments(text: str, name: str) -> list[tuple[str, str]]:
    """A few paragraphs of an article, each published alone."""
    paragraphs = [part for part in PARAGRAPH.split(text) if len(part.split()) >= 12]
    return [(part + "\n", f"{name.removesuffix('.txt')}-part{index}.txt") for index, part in enumerate(paragraphs[:3])]


@functools.cache
def pool() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """Articles a folder is made of, copies of them, and articles of other stories."""
    articles = [*texts(SEEDS[:3]), *texts(MIXED[:2]), (UPDATE, "update.txt"), (QUAKE_SUMATRA, "aceh1.txt")]
    articles += fragments(*texts(SEEDS[3:4])[0])
    copies = [copy for article in articles for copy in near_copies(*article)]
    others = [*texts(MIXED[2:]), (QUAKE_PERU, "peru1.txt"), (QUAKE_SUMATRA_2, "aceh2.txt"), *texts(SEEDS[3:])]
    return articles, copies, others


def conflicts(found) -> set[tuple[str, str]]:
    """Every pair of claims a finding sets against each other."""
    pairs = set()
    for finding in found:
        for one, other in itertools.combinations(finding.variants, 2):
            pairs.update((a.id, b.id) if a.id < b.id else (b.id, a.id) for a in one.claims for b in other.claims)
    return pairs


@st.composite
def folder_and_additions(draw):
    """A folder of up to eight articles, then one to three near-copies of its articles, or one
    article of another story."""
    articles, copies, others = pool()
    folder = draw(st.lists(st.sampled_from(articles), min_size=1, max_size=8, unique=True))
    stems = {name.removesuffix(".txt") for _, name in folder}
    if draw(st.booleans()):
        choices = [copy for copy in copies if copy[1].rsplit("-", 1)[0] in stems]
        return folder, draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True))
    names = {name for _, name in folder}
    return folder, [draw(st.sampled_from([other for other in others if other[1] not in names]))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(folder_and_additions())
def test_adding_copies_or_an_unrelated_article_never_removes_a_finding(case):
    folder, additions = case
    before = analysis(folder)
    after = analysis([*folder, *additions])
    for group in (frozenset(found.documents) for found in before.stories):  # no story is split
        assert any(group <= frozenset(found.documents) for found in after.stories)
    assert conflicts(before.discrepancies) <= conflicts(after.discrepancies)


@st.composite
def folder_and_many_copies(draw):
    articles, copies, others = pool()
    folder = draw(st.lists(st.sampled_from(articles), min_size=2, max_size=8, unique=True))
    stems = {name.removesuffix(".txt") for _, name in folder}
    mine = [copy for copy in copies if copy[1].rsplit("-", 1)[0] in stems]
    added = draw(st.lists(st.sampled_from(mine + others), min_size=1, max_size=len(mine) + 2, unique=True))
    return folder, added


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(folder_and_many_copies())
def test_many_copies_and_other_stories_never_split_a_story(case):
    """The story stage alone, with many additions at once: copies count once in how common a
    name is, so a story's own names never turn common and its articles never fall apart."""
    folder, added = case

    def grouping(items):
        evidence = {read(text, name)[1].info.id: read(text, name)[1].evidence() for text, name in items}
        return [frozenset(found.documents) for found in find_stories(evidence)]

    after = grouping([*folder, *added])
    for group in grouping(folder):
        assert any(group <= larger for larger in after)


@pytest.mark.parametrize("size", [200])
def test_the_story_stage_stays_linear(size):
    """Ten times the documents (each copy of a story with its own names) take about ten times
    the candidate pairs: the index never pairs up what shares only common words."""
    base = {read(text, name)[1].info.id: read(text, name)[1].evidence() for text, name in texts([*SEEDS, *MIXED])}

    def copies(count):
        varied = {}
        for copy in range(count):
            for doc, evidence in base.items():
                varied[f"{doc}~{copy}"] = {
                    (key if key.startswith(("word:", "year:")) else f"{key}~{copy}"): value
                    for key, value in evidence.items()
                }
        return varied

    one, ten = story._Folder(copies(2)), story._Folder(copies(20))
    assert len(ten.candidates()) == 10 * len(one.candidates())
    assert len(find_stories(copies(20))) == 10 * len(find_stories(copies(2)))
