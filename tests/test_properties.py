"""Properties that hold for any text (no exceptions, exact offsets), and for any story told by
several articles: a conflict planted in one is reported, whatever the order and names of the files."""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from factdiff.api import analyse, find_discrepancies
from factdiff.extract import extract
from factdiff.judge.name import romanised
from factdiff.load import BOMS, decode, make_document, sanitise
from factdiff.load.markup import origin, visible_characters
from factdiff.text.lexicon import alternation
from factdiff.text.sentences import split_sentences

NEWSY = st.lists(
    st.sampled_from(
        [
            *list("abcdeKMSOGJ ,.;:()-’'“”\"\n0123456789%$"),
            "over ",
            "about ",
            "hundreds of ",
            "police officers ",
            "Ms ",
            "he ",
            "Godfrey ",
            "Otunge ",
            "Kenya ",
            "(MSS) ",
            "MSS ",
            "killed ",
            "1,000 ",
            "since June ",
            "President ",
            "\x1b[31m",
            "\u202e",
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_extraction_never_raises_and_offsets_slice_the_text(text):
    document = make_document(text, "p.txt")
    assert len(document.text) == len(text)
    for claim in extract(document):
        assert document.text[claim.start : claim.end] == claim.text
        assert claim.sentence_start <= claim.start


@settings(max_examples=1000, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_segmentation_keeps_every_non_space_character(text):
    spans = split_sentences(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(a < b for a, b in spans) and list(spans) == sorted(spans)


# A story told by two or three articles, with one fact changed in one of them ----------------
#
# Each article is written from one of ARTICLES about the same facts: a person's full name
# after a title, a count of police with an event ("deployed", "sent") and two places, and a
# quotation with its speaker. The articles differ in template, in how they name the
# police and in whether they round the count ("about 700": compatible with "700"). A
# conflict is planted in one article: a count whose interval cannot overlap the others' (a
# factor of 1.3 or more apart: further than "about" and round-number tolerance reach), a
# one-letter change of the given name after its initial, or one word of the quotation
# changed. Everything else stays the same, so exactly that conflict must be reported.

GIVEN_NAMES = ("William", "Godfrey", "Rameau", "Margaret", "Samuel", "Beatrice", "Kenneth")
"""None of their one-letter changes is another usual name of the other gender or a nickname
('Antonio' / 'Antonia' are two people, and rightly not reported): checked for every letter.
A change that is one romanisation of the same name ('Willyam' for 'William', as 'Sergey' for
'Sergei') is not planted: across two outlets it is house style, and rightly not reported."""


def same_romanisation(first: str, second: str) -> bool:
    return romanised(first.lower()) == romanised(second.lower())


SURNAMES = ("Ruto", "Otunge", "Normil", "Kariuki", "Mbadi", "Penland")
TITLES = ("President", "Commander", "Minister", "Ambassador")
COUNTRIES = ("Kenya", "Jamaica", "Benin", "Chad")
DESTINATIONS = ("Haiti", "Somalia", "Sudan")
POLICE = ("police officers", "officers", "police personnel", "police")
"""One counted noun written four ways; all four count police."""
QUOTATIONS = (
    "We will stay until the job is done and the gangs are gone",
    "Our officers have restored a measure of calm in the capital",
    "The mission needs far more money than it has received this year",
)
OTHER_WORDS = ("finished", "certainly", "never", "people", "soon")
ARTICLES = (
    "{country} has deployed {count} {noun} to {destination}. {title} {given} {surname} announced the mission "
    "on Monday. “{quotation},” {surname} said.",
    "{title} {given} {surname} spoke to reporters on Tuesday. “{quotation},” said {surname}. Officials confirmed "
    "that {country} had sent {count} {noun} to {destination}.",
    "{country}, which leads the mission in {destination}, has {count} {noun} deployed there. “{quotation},” "
    "{title} {given} {surname} told reporters.",
)
"""Every quotation closes with a comma inside the marks (closings that differ are tested on
their own below)."""
ROUND_APART = 1.3
"""A planted count at least this factor away from the others: 'about' (±10%) and the tolerance
of a round number (at most ±5%) cannot make the two intervals meet."""


@dataclass(frozen=True)
class Facts:
    given: str
    surname: str
    title: str
    country: str
    destination: str
    count: int
    quotation: str


@dataclass(frozen=True)
class Article:
    template: int
    noun: str
    about: bool

    def write(self, facts: Facts) -> str:
        count = f"{'about ' if self.about else ''}{facts.count:,}"
        return ARTICLES[self.template].format(**{**asdict(facts), "count": count, "noun": self.noun})

    def shown_count(self, count: int) -> str:
        """The count as a finding shows it: '~700' for 'about 700'."""
        return f"{'~' if self.about else ''}{count:,}"


class Coverage(NamedTuple):
    """The articles' texts; what was planted, in which article, the rule that must report it,
    the values it must show and the one value only the odd article gives."""

    texts: list[str]
    planted: str | None
    odd: int
    code: str | None
    values: set[str]
    odd_value: str | None


PLANTED = ("count", "given name", "quotation")


@st.composite
def coverage(draw, planted: st.SearchStrategy[str | None]) -> Coverage:
    facts = Facts(
        given=draw(st.sampled_from(GIVEN_NAMES)),
        surname=draw(st.sampled_from(SURNAMES)),
        title=draw(st.sampled_from(TITLES)),
        country=draw(st.sampled_from(COUNTRIES)),
        destination=draw(st.sampled_from(DESTINATIONS)),
        count=draw(st.integers(12, 20_000)),
        quotation=draw(st.sampled_from(QUOTATIONS)),
    )
    article = st.builds(Article, st.integers(0, len(ARTICLES) - 1), st.sampled_from(POLICE), st.booleans())
    articles = draw(st.lists(article, min_size=2, max_size=3, unique=True))  # identical texts are one document
    odd = draw(st.integers(0, len(articles) - 1))
    kind = draw(planted)
    changed, code, values, odd_value = facts, None, set(), None
    if kind == "count":
        n = facts.count
        other = draw(
            st.one_of(st.integers(math.ceil(n * ROUND_APART), n * 4), st.integers(2, math.floor(n / ROUND_APART)))
        )
        changed, code, odd_value = replace(facts, count=other), "FD101", articles[odd].shown_count(other)
        values = {a.shown_count(n) for a in articles[:odd] + articles[odd + 1 :]} | {odd_value}
    elif kind == "given name":
        name = facts.given
        at = draw(st.integers(1, len(name) - 1))
        letter = draw(
            st.sampled_from(string.ascii_lowercase).filter(
                lambda c: c != name[at] and not same_romanisation(name, name[:at] + c + name[at + 1 :])
            )
        )
        changed, code = replace(facts, given=name[:at] + letter + name[at + 1 :]), "FD201"
        odd_value = f"{changed.given} {facts.surname}"
        values = {f"{name} {facts.surname}", odd_value}
    elif kind == "quotation":
        words = facts.quotation.split()
        at = draw(st.integers(0, len(words) - 1))
        word = draw(st.sampled_from(OTHER_WORDS).filter(lambda w: w != words[at]))
        changed, code = replace(facts, quotation=" ".join([*words[:at], word, *words[at + 1 :]])), "FD601"
        odd_value = changed.quotation + ","  # the text inside the quotation marks, its comma included
        values = {facts.quotation + ",", odd_value}
    texts = [a.write(changed if index == odd else facts) for index, a in enumerate(articles)]
    return Coverage(texts, kind, odd, code, values, odd_value)


def signature(findings) -> list[tuple]:
    """What must not depend on the order or the names of the files: ids, rules, values, scope, severity."""
    return sorted((d.id, d.code, d.scope, d.severity, tuple(sorted(v.value for v in d.variants))) for d in findings)


def documents(texts: Sequence[str], names: Sequence[str] | None = None) -> list:
    names = names if names is not None else [f"doc{i}.txt" for i in range(len(texts))]
    return [make_document(text, name) for text, name in zip(texts, names, strict=True)]


def judged(texts: Sequence[str], names: Sequence[str]):
    return find_discrepancies(documents(texts, names), one_story=True)


FILE_NAMES = ("doc0.txt", "doc1.txt", "doc2.txt", "a.txt", "zz.txt", "0.txt", "Report 2.txt", "é/b.txt")
"""What the files may be renamed to: the first names given to others, names that sort first or
last, a space, a folder."""


@settings(max_examples=150, deadline=None)
@given(coverage(st.sampled_from(PLANTED)), st.data())
def test_a_planted_conflict_is_reported_whatever_the_order_and_names_of_the_files(story, data):
    articles = documents(story.texts)
    findings = find_discrepancies(articles, one_story=True)
    event(f"planted {story.planted}: {len(findings)} finding(s)")
    [found] = findings  # the planted conflict is reported, and nothing else
    assert (found.code, found.scope) == (story.code, "across")
    assert {v.value for v in found.variants} == story.values
    [odd] = [v for v in found.variants if v.value == story.odd_value]
    assert odd.corroborated_by == (articles[story.odd].id,)
    order = data.draw(st.permutations(range(len(story.texts))), label="order")
    names = data.draw(st.permutations(FILE_NAMES), label="names")[: len(order)]
    moved = judged([story.texts[i] for i in order], names)
    assert signature(moved) == signature(findings)


@settings(max_examples=80, deadline=None)
@given(coverage(st.none()))
def test_the_same_facts_in_every_article_are_corroborated_not_reported(story):
    analysis = analyse(documents(story.texts), one_story=True)
    assert analysis.discrepancies == []
    # not vacuous: the count and the quotation were read in every article and compared
    assert {a.kind for a in analysis.agreements} >= {"quantity", "quote"}
    assert all(len(a.corroborated_by) == len(story.texts) for a in analysis.agreements)


def test_the_story_generator_writes_what_the_tool_reads():
    facts = Facts("Godfrey", "Otunge", "Commander", "Kenya", "Haiti", 700, QUOTATIONS[0])
    assert Article(0, "police officers", False).write(facts) == (
        "Kenya has deployed 700 police officers to Haiti. Commander Godfrey Otunge announced the mission on "
        "Monday. “We will stay until the job is done and the gangs are gone,” Otunge said."
    )
    assert Article(2, "police", True).shown_count(1300) == "~1,300"


# Order dependence found by the generator above, with differently worded articles ------------

NAMES = ("a.txt", "b.txt", "c.txt")


def swapped(texts: Sequence[str], names: Sequence[str]) -> tuple[list[str], list[str]]:
    """The same files, the first two given in the other order."""
    return [texts[1], texts[0], *texts[2:]], [names[1], names[0], *names[2:]]


def test_a_quote_drift_does_not_depend_on_document_order():
    quotation = "We will stay until the job is done and the gangs are gone"
    texts = [
        f"“{quotation},” President William Ruto said on Monday.",
        f"President William Ruto told reporters: “{quotation}.”",
        f"“{quotation.replace('done', 'finished')},” Ruto said.",
    ]
    assert signature(judged(texts, NAMES)) == signature(judged(*swapped(texts, NAMES)))


def test_a_quantity_mismatch_subject_and_confidence_do_not_depend_on_document_order():
    texts = [
        "Kenya has deployed 700 police personnel to Haiti.",
        "Kenya has deployed 700 police officers to Haiti.",
        "Kenya has deployed 1,000 police officers to Haiti.",
    ]
    [forward] = judged(texts, NAMES)
    [backward] = judged(*swapped(texts, NAMES))
    assert forward.id == backward.id  # holds
    assert (forward.subject, forward.confidence) == (backward.subject, backward.confidence)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=200))
def test_sanitise_keeps_length_and_removes_escapes(text):
    clean = sanitise(text)
    assert len(clean) == len(text) and "\x1b" not in clean and "\r" not in clean


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_clear_refusal(data):
    try:
        text, encoding, _ = decode(data)
    except UnicodeDecodeError:  # a byte-order mark over bytes that do not follow it
        assert any(data.startswith(bom) for bom, _ in BOMS)
    except ValueError as refusal:  # NUL bytes without a BOM: a binary file
        assert b"\x00" in data and "binary" in str(refusal)
    else:
        assert isinstance(text, str) and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252")


MARKUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div class='x'>",
            "</div>",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<",
            ">",
            "&amp;",
            "&rsquo;",
            "&#8217;",
            "&",
            ";",
            "\n",
            " ",
            "Godfrey Otunge ",
            "said 400 officers. ",
            "é",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(MARKUP, st.lists(st.sampled_from(["Godfrey Otunge said", "400 officers.", "é", "said"]), max_size=4))
def test_placing_paragraphs_in_any_markup_never_raises_and_lands_on_a_line(source, paragraphs):
    visible, offsets = visible_characters(source)
    assert len(visible) == len(offsets) and offsets == sorted(offsets)
    assert all(0 <= offset < len(source) for offset in offsets)
    lines = source.count("\n") + 1
    for _, line in origin(source, paragraphs):
        assert 1 <= line <= lines


PHRASE = st.text(alphabet="abAB .", min_size=1, max_size=5).filter(lambda phrase: phrase.strip() == phrase)


@given(st.lists(PHRASE, min_size=1, max_size=12), st.text(alphabet="abAB .x", max_size=30), st.booleans())
@example(["Ab", "Abab", "ab a"], "ab a", True)  # without folding case, the 'A' branch would stop at 'ab'
def test_a_trie_alternation_matches_what_longest_first_matches(phrases, text, ignore_case):
    """``alternation`` writes a word list as a trie; at every position it must match exactly what
    the plain alternation, longest phrase first, matches, with or without case."""
    flags = re.IGNORECASE if ignore_case else 0
    longest_first = "|".join(
        re.escape(phrase).replace(r"\ ", r"\s+") for phrase in sorted(set(phrases), key=lambda p: (-len(p), p))
    )
    trie = re.compile(rf"(?:{alternation(phrases, fold_case=ignore_case)})(?!\w)", flags)
    plain = re.compile(rf"(?:{longest_first})(?!\w)", flags)
    for position in range(len(text) + 1):
        expected, found = plain.match(text, position), trie.match(text, position)
        assert (found and found.span()) == (expected and expected.span())
