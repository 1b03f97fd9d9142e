"""Given names and their usual gender, from Faker's per-locale person data (MIT licensed).

Faker ships given-name lists for about 80 locales, split by gender, which covers far
more of the world's names than a hand list would. A name listed as male by most
locales that know it is "male", likewise "female"; names listed both ways are None.
Only Latin-script locales are read (news text here is in Latin script).

The table is kept as data, ``data/given_names.json``: counting it from Faker's 80 modules
took a third of a second at every start. ``python -m factdiff.text.names`` counts it again
from the installed Faker, and a test fails when the two differ.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import textwrap
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from factdiff.text.fold import fold
from factdiff.text.lexicon import given_name_data, organisation_data, place_index

SPELLING_SIMILARITY = 70.0
"""rapidfuzz ratio (0-100) at which two names are one name spelt two ways (Godfrey / Geoffrey,
Bazile / Basil), not two names."""
GENDER_MAJORITY = 0.8
"""Share of locales that must agree before a name's gender is trusted."""


@cache
def given_names() -> dict[str, str | None]:
    """Folded given name -> 'male', 'female' or None (used for both)."""
    data = given_name_data()
    genders: dict[str, str | None] = dict.fromkeys(data.either)
    genders.update(dict.fromkeys(data.male, "male"))
    genders.update(dict.fromkeys(data.female, "female"))
    return genders


def faker_given_names() -> dict[str, str | None]:
    """The table counted from the installed Faker: what ``data/given_names.json`` holds."""
    import faker.providers.person as people

    male: Counter[str] = Counter()
    female: Counter[str] = Counter()
    for module_info in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module_info.name}").Provider
        except (ImportError, AttributeError):
            continue
        for names, counter in (
            (getattr(provider, "first_names_male", ()), male),
            (getattr(provider, "first_names_female", ()), female),
        ):
            for name in set(names):
                if name.isascii() or (name.replace("-", "").isalpha() and _latin(name)):
                    counter[fold(name)] += 1
    genders: dict[str, str | None] = {}
    for name in male.keys() | female.keys():
        total = male[name] + female[name]
        if male[name] / total >= GENDER_MAJORITY:
            genders[name] = "male"
        elif female[name] / total >= GENDER_MAJORITY:
            genders[name] = "female"
        else:
            genders[name] = None
    return genders


def write_given_names() -> Path:
    """Write ``data/given_names.json`` again from the installed Faker, a few names a line."""
    genders = faker_given_names()
    parts = []
    for key, gender in {"male": "male", "female": "female", "either": None}.items():
        names = sorted(name for name, given in genders.items() if given == gender)
        items = ", ".join(json.dumps(name, ensure_ascii=False) for name in names)  # a folded name holds no space
        lines = textwrap.wrap(
            items, 118, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False, break_long_words=False
        )
        parts.append(f'  "{key}": [\n' + "\n".join(lines) + "\n  ]")
    path = Path(__file__).parent / "data" / "given_names.json"
    path.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")
    return path


def _latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") or not ch.isalpha() for ch in name)


def is_given_name(name: str) -> bool:
    return fold(name) in given_names()


def name_gender(name: str) -> str | None:
    return given_names().get(fold(name))


def organisation_key(words: list[str]) -> str:
    """'Nigerian Police Force' and 'Nigeria Police Force' -> 'nigeriapoliceforce': case,
    accents, hyphens, place forms and British/American spellings folded, so the spellings
    of one organisation's name meet under one key."""
    places = place_index()
    spellings = organisation_data().spellings
    parts = []
    for word in words:
        if word == "the":
            continue
        folded = fold(places.get(word, word)).lower()
        parts.append(spellings.get(folded, folded))
    return "".join(parts).replace("-", "").replace(" ", "")


if __name__ == "__main__":
    print(write_given_names())
