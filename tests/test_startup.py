"""Start-up: a command imports only what it uses, and what used to be rebuilt at every start
(Faker's name lists, simplemma's dictionary) is read as data, with the same results."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
import simplemma
from conftest import ROOT

from factdiff.text import lemmas
from factdiff.text.names import faker_given_names, given_names

COMPARED = ["seeds/001_de6dd166a4080cc0.txt", "seeds/003_4b2072b04a3e016b.txt"]


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    shown = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", shown], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_command_line_starts_without_the_library():
    loaded = modules_after("import factdiff.cli")
    assert not {"pydantic", "rich", "simplemma", "rapidfuzz", "factdiff.api", "factdiff.models"} & loaded


def test_compare_imports_neither_faker_nor_the_html_reader_nor_a_process_pool():
    arguments = ["compare", *COMPARED, "--format", "json", "--output", os.devnull]
    run = f"from factdiff.cli import main\ntry:\n    main({arguments!r})\nexcept SystemExit:\n    pass"
    loaded = modules_after(run)
    assert "factdiff.models" in loaded
    assert not {"faker", "trafilatura", "concurrent.futures.process", "factdiff.trace"} & loaded


def test_compare_s_terminal_view_imports_no_table():
    arguments = ["compare", *COMPARED, "--output", os.devnull]
    run = f"from factdiff.cli import main\ntry:\n    main({arguments!r})\nexcept SystemExit:\n    pass"
    loaded = modules_after(run)
    assert "rich.console" in loaded
    assert "rich.table" not in loaded


def test_importing_the_models_builds_no_validator():
    """pydantic builds a model's validator when the model is first used (``defer_build``): a
    command pays for the models it validates and prints, not for every one."""
    built = (
        "from pydantic import BaseModel\nfrom factdiff import models\n"
        "print(*(name for name, model in vars(models).items()"
        " if isinstance(model, type) and issubclass(model, BaseModel) and model.__pydantic_complete__))"
    )
    done = subprocess.run([sys.executable, "-c", built], cwd=ROOT, capture_output=True, text=True, check=True)
    assert set(done.stdout.split()) <= {"Tool"}  # built by Report's default, Tool()


def test_the_given_name_data_is_what_faker_gives():
    """After a Faker upgrade, write data/given_names.json again: python -m factdiff.text.names"""
    assert given_names() == faker_given_names()


LEMMA_CACHES = (lemmas._cached_dictionary, lemmas._lemmatizer, lemmas._lookup, lemmas.lemma)


@pytest.fixture
def fresh_lemmas(monkeypatch, tmp_path):
    """The lemma caches emptied before and after, with the dictionary's table kept under ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget_lemmas()
    yield tmp_path
    forget_lemmas()


def forget_lemmas() -> None:
    for cached in LEMMA_CACHES:
        cached.cache_clear()


WORDS = ["went", "children", "killed", "succumbed", "Ruto", "kenya’s", "un", "mice", "re-elected", "data", "geese"]


def test_the_cached_dictionary_holds_simplemma_s_own(fresh_lemmas):
    lemmas.lemma("went")  # the first use writes the table
    forget_lemmas()
    table = lemmas._cached_dictionary(lemmas.LANGUAGE)
    assert isinstance(table, lemmas.WordTable) and table.path.parent == fresh_lemmas / "factdiff"
    with closing(sqlite3.connect(table.path)) as written:
        forms = dict(written.execute("SELECT form, lemma FROM forms"))
    shipped = simplemma.strategies.dictionaries.DefaultDictionaryFactory().get_dictionary(lemmas.LANGUAGE)
    assert forms == dict(shipped.items())
    assert all(table[form] == lemma for form, lemma in list(forms.items())[::1000])


def test_lemmas_are_simplemma_s_whether_the_table_is_written_read_broken_or_unwritable(fresh_lemmas, monkeypatch):
    expected = [simplemma.lemmatize(word, lang="en").lower() for word in WORDS]
    known = [simplemma.is_known(word, lang="en") for word in WORDS]

    def read_as_simplemma() -> None:
        forget_lemmas()
        assert [lemmas._lemmatizer().lemmatize(word, "en").lower() for word in WORDS] == expected
        assert [lemmas.is_known(word) for word in WORDS] == known

    read_as_simplemma()  # writes the table
    [table] = (fresh_lemmas / "factdiff").iterdir()
    read_as_simplemma()  # reads it
    table.write_bytes(b"not a table")
    read_as_simplemma()  # decoded in memory, and written again
    assert lemmas.WordTable(table).get("went") == "go"
    not_a_folder = fresh_lemmas / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    read_as_simplemma()  # nowhere to write: decoded in memory
    assert not isinstance(lemmas._cached_dictionary(lemmas.LANGUAGE), lemmas.WordTable)
