"""Patterns tried only where Hyperscan found one of their openings find what Python's own
``finditer`` finds: on the seeds, on text built to trip the byte projection, and on any text."""

from __future__ import annotations

import re
import string
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import hyperscan
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import factdiff
from factdiff.extract import EXTRACTORS
from factdiff.text import values
from factdiff.text.starts import CASE_FOLDS_TO_ASCII, UNICODE_SPACES, StartFinder

FINDERS = {
    module.__name__.rsplit(".", 1)[-1]: module._start_finder
    for module in (*EXTRACTORS, values)
    if hasattr(module, "_start_finder")
}
"""Every finder the extractors use (a module's ``_start_finder``), each pattern of which is checked below."""


def test_every_module_that_builds_a_finder_is_checked() -> None:
    package = Path(factdiff.__file__).parent
    building = {path.stem for path in package.rglob("*.py") if "StartFinder(" in path.read_text(encoding="utf-8")}
    assert building - {"starts"} == set(FINDERS) and {"date", "quantity", "sentence", "values"} <= set(FINDERS)


PATTERNS = [(finder, name) for finder, make in FINDERS.items() for name in make().patterns]

TRICKY = [
    "Over\u00a0700 police officers and more\u2009than 800 soldiers arrived on 14\u00a0April.",
    "In excess\u00a0of 900 came, the\u00a0first to be killed on\u00a0Friday; more\x1cthan 30, last\x85year.",
    "\u017feven people, \u017fixty \u212aelvin-\u017figned \u212aILOMETRES: \u0130n twenty-\u017fix cases, \u0131t was the f\u0131fth.",
    "A €2 million (R26 million) haul; £3bn, ¥40, US$5 and KSh 1,000 on Monday, Sept. 4.",
    "Around\ttwo thirds of the\nfirst 2,000 were hurt last\u2028October, on\u3000Tuesday.",
    "\x01\x02 stray control bytes before 12 and after\x03 thirty.",
    "CNN's Kevin Conlon contributed to this report. Scroll down for video The new prince was born.",
    "On July 7, 2021, the 2021 assassination; in 1999 and since 2004-06-25, the previous year.",
]


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize(("finder", "name"), PATTERNS)
def test_found_where_openings_are_as_python_finds_everywhere(finder: str, name: str) -> None:
    made = FINDERS[finder]()
    pattern = made.patterns[name]
    for text in [*seed_texts(), *TRICKY]:
        starts = made.find(text)
        assert [m.span() for m in starts.finditer(name)] == [m.span() for m in pattern.finditer(text)]
        middle = len(text) // 3
        assert [m.span() for m in starts.finditer(name, middle, 2 * middle)] == [
            m.span() for m in pattern.finditer(text, middle, 2 * middle)
        ]
        found = starts.search(name, middle)
        expected = pattern.search(text, middle)
        assert (found and found.span()) == (expected and expected.span())


HOSTILE = st.lists(
    st.sampled_from(
        [
            *"aeiostKMIJ 0123456789.,-$£€¥%\t\n\u00a0\u2009\u3000\u017f\u212a\u0130\u0131\x01",
            "more than ",
            "about ",
            "twenty",
            "-five ",
            "a dozen ",
            "the first ",
            "two thirds of ",
            "January ",
            "Sept. ",
            "last ",
            "on Monday",
            "this year",
            "Scroll down for video ",
            "million",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(HOSTILE)
def test_any_text_gives_python_matches(text: str) -> None:
    for finder, name in PATTERNS:
        made = FINDERS[finder]()
        assert [m.span() for m in made.find(text).finditer(name)] == [
            m.span() for m in made.patterns[name].finditer(text)
        ], (finder, name)


def test_spaces_are_every_character_python_matches_as_one() -> None:
    beyond_ascii = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()} - set(string.whitespace)
    assert set(UNICODE_SPACES) == beyond_ascii
    assert all(re.fullmatch(r"\s", space) for space in UNICODE_SPACES)


def test_case_folds_are_every_character_python_takes_for_an_ascii_letter() -> None:
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    folds = {chr(code) for code in range(0x80, sys.maxunicode + 1) if letter.fullmatch(chr(code))}
    assert folds == set(CASE_FOLDS_TO_ASCII)
    assert all(re.fullmatch(ascii, fold, re.IGNORECASE) for fold, ascii in CASE_FOLDS_TO_ASCII.items())


@pytest.mark.parametrize(
    ("opening", "problem"),
    [("décima", "non-ASCII letter"), ("Ωmega", "non-ASCII letter"), ("   ", "empty")],
)
def test_an_opening_hyperscan_would_read_unlike_python_is_refused(opening: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        StartFinder({"word": (re.compile(re.escape(opening), re.IGNORECASE), [opening])})


def test_a_sentence_with_no_opening_is_not_searched() -> None:
    made = values._start_finder()
    starts = made.find("The minister said the plan was sound.")
    assert starts.positions == {"value": [], "calendar": []}
    assert values.values("The minister said the plan was sound.") == ()
    assert [value.kind for value in values.values("Over\u00a0700 officers came on Tuesday.")] == ["number", "weekday"]


def test_threads_scan_at_once_each_with_its_own_scratch() -> None:
    made = values._start_finder()
    text = " ".join(TRICKY) * 20
    expected = made.find(text).positions
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda _: made.find(text).positions, range(16)))
    assert all(positions == expected for positions in found)


@settings(max_examples=150, deadline=None)
@given(HOSTILE, st.integers(0, 40), st.integers(0, 40))
def test_a_stretch_with_no_opening_states_no_value(text: str, first: int, second: int) -> None:
    start, end = sorted((first * len(text) // 40, second * len(text) // 40))
    if not values.value_openings(text).any_between(start, end):
        assert values.values(text[start:end]) == ()


def test_a_compiled_finder_is_kept_and_read_back_and_compiled_again_when_broken(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = values._start_finder()
    patterns = {name: (pattern, made.openings[name]) for name, pattern in made.patterns.items()}
    text = "Over\u00a0700 police came on Tuesday, 14 April, more than the first 300."
    expected = made.find(text).positions
    StartFinder(patterns)  # compiled and written
    StartFinder({name: (pattern, openings[::-1]) for name, (pattern, openings) in patterns.items()})
    [kept] = (tmp_path / "factdiff").iterdir()  # one database, whatever the order of the openings
    with monkeypatch.context() as patched:
        patched.setattr(hyperscan, "Database", None)  # read back: nothing compiled
        assert StartFinder(patterns).find(text).positions == expected
    kept.write_bytes(b"not a database")
    assert StartFinder(patterns).find(text).positions == expected  # compiled again, and rewritten
    assert kept.read_bytes() != b"not a database"
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert StartFinder(patterns).find(text).positions == expected  # nowhere to keep it
