"""FD201 name-variant: one person's name spelt two ways.

Full-name mentions are blocked by surname (accents, case and punctuation folded), and by
given name plus the surname's first letter. Two spellings are one person spelt two ways when:
- the surname is the same and the given names share their initial and are close (rapidfuzz
  ratio >= 70: Godfrey / Geoffrey, Bazile / Basil), are not a known nickname pair (Bill / William),
  do not have opposite usual genders (Michael / Michelle), and never stand in one sentence;
- or the given name is the same and the surnames are one edit apart (Cherizier / Cherisier);
- or the given names romanise one name two ways (Sergei / Sergey, Yevgeny / Evgeny: the pairs
  are data), or differ only in accents (Moise / Moïse): both reported as low severity.
Curly vs straight apostrophes and letter case are typography, never a discrepancy. Two forms
that each recur in one article are taken as two people, not a slip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data
from factdiff.text.names import name_gender

GIVEN_NAME_SIMILARITY = 70.0
"""Minimum rapidfuzz ratio (0-100) between folded given names of one surname."""

MIN_SURNAME_LENGTH_FOR_TYPO = 5
"""Surnames shorter than this are too short to call a one-letter difference a typo."""

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


def written_form(claim: PersonClaim) -> str:
    """The name as compared: given name and surname as written (initials and titles dropped)."""
    return f"{claim.given} {claim.surname}"


def typographic(form: str) -> str:
    return form.translate(APOSTROPHES).casefold()


def block_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.given is None or claim.full_name is not None:
        return
    yield "surname:" + fold(claim.surname)
    yield "given:" + fold(claim.given) + ":" + fold(claim.surname)[:1]


@cache
def _nicknames() -> object:
    from nicknames import NickNamer

    return NickNamer()


def known_nickname(first: str, second: str) -> bool:
    """True for 'Bill' / 'William' and other curated nickname pairs."""
    a, b = first.lower(), second.lower()
    namer = _nicknames()
    return (
        b in namer.nicknames_of(a)
        or a in namer.nicknames_of(b)
        or bool(  # type: ignore[attr-defined]
            namer.canonicals_of(a) & namer.canonicals_of(b)  # type: ignore[attr-defined]
        )
    )


def romanised(name: str) -> str:
    """A folded name with one romanisation per sound: 'sergey' and 'sergei' -> 'sergei'."""
    for written, standard in people_data().transliterations:
        name = name.replace(written, standard)
    return name


def relation(first: PersonClaim, second: PersonClaim) -> str | None:
    """'typography', 'accents', 'transliteration', 'spelling', or None for different people."""
    if typographic(written_form(first)) == typographic(written_form(second)):
        return "typography"
    given_a, given_b = fold(first.given or ""), fold(second.given or "")
    surname_a, surname_b = fold(first.surname), fold(second.surname)
    if given_a == given_b and surname_a == surname_b:
        return "accents"
    if surname_a == surname_b:
        if known_nickname(given_a, given_b) or given_a.startswith(given_b) or given_b.startswith(given_a):
            return None
        gender_a, gender_b = name_gender(given_a), name_gender(given_b)
        if gender_a and gender_b and gender_a != gender_b:
            return None
        if romanised(given_a) == romanised(given_b):
            return "transliteration"
        if given_a[:1] == given_b[:1] and fuzz.ratio(given_a, given_b) >= GIVEN_NAME_SIMILARITY:
            return "spelling"  # a slip rarely changes the initial: Brian / Ian are two people
        return None
    if (
        given_a == given_b
        and min(len(surname_a), len(surname_b)) >= MIN_SURNAME_LENGTH_FOR_TYPO
        and OSA.distance(surname_a, surname_b) == 1
    ):
        return "spelling"
    return None


def declared_alias(forms: dict[str, list[PersonClaim]], first: str, second: str) -> bool:
    """The text itself links the two forms ('also known as', 'alias'): not a slip."""
    names = {claim.name for claim in forms[first]}, {claim.name for claim in forms[second]}
    return any(c.alias_of in names[1] for c in forms[first]) or any(c.alias_of in names[0] for c in forms[second])


def _separate_people(forms: dict[str, list[PersonClaim]], first: str, second: str) -> bool:
    """Evidence that two forms are two people: both in one sentence, or both recurring in one article."""
    sentences_a = {(c.doc, c.sentence) for c in forms[first]}
    if any((c.doc, c.sentence) in sentences_a for c in forms[second]):
        return True
    for doc in {c.doc for c in forms[first]} & {c.doc for c in forms[second]}:
        count_a = sum(1 for c in forms[first] if c.doc == doc)
        count_b = sum(1 for c in forms[second] if c.doc == doc)
        if count_a >= 2 and count_b >= 2:
            return True
    return False


def judge(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    forms: dict[str, list[PersonClaim]] = {}
    for claim in claims:
        forms.setdefault(written_form(claim), []).append(claim)
    if len(forms) < 2:
        return
    relations: dict[tuple[str, str], str] = {}

    def linked(first: str, second: str) -> bool:
        kind = relation(forms[first][0], forms[second][0])
        if (
            kind in (None, "typography")
            or _separate_people(forms, first, second)
            or declared_alias(forms, first, second)
        ):
            return False
        relations[(first, second)] = kind  # type: ignore[assignment]
        return True

    names = sorted(forms)
    for component in connected_components(names, linked):
        kinds = {kind for pair, kind in relations.items() if pair[0] in component and pair[1] in component}
        only_accents = kinds == {"accents"}
        only_romanisation = kinds == {"transliteration"}
        documents = {c.doc for name in component for c in forms[name]}
        minor = only_accents or only_romanisation
        severity = "low" if minor else ("high" if len(documents) == 1 else "medium")
        listed = " and ".join(f"“{name}”" for name in component)
        if only_accents:
            explanation = f"{listed} differ only in accents; one of them drops or adds a diacritic."
        elif only_romanisation:
            explanation = f"{listed} romanise one name two ways; usually house style, but pick one spelling."
        else:
            same_surname = len({fold(forms[name][0].surname) for name in component}) == 1
            shared, close = ("a surname", "given name") if same_surname else ("a given name", "surname")
            explanation = (
                f"{listed} share {shared} and nearly the same {close}; no other evidence suggests "
                "two different people, so one spelling is likely wrong."
            )
        component.sort(key=lambda name: min((c.path, c.start) for c in forms[name]))
        sample = forms[component[0]][0]
        yield discrepancy(
            RULE,
            subject=f"name of {sample.title + ' ' if sample.title else ''}{component[0]}".strip(),
            key="name:" + fold(sample.surname),
            variants=[(name, forms[name]) for name in component],
            severity=severity,
            confidence=0.6 if minor else 0.8,
            explanation=explanation,
        )


RULE = Rule(
    code="FD201",
    name="name-variant",
    kind="name",
    reads=("person",),
    summary="One person's name spelt two ways (given name, surname or accents).",
    why="A misspelt name is the most visible error a correction has to fix.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            ("Commander Godfrey Otunge arrived. According to Geoffrey Otunge, more ambushes will come.",),
            (
                "Gang leader Jimmy Cherizier said the attacks would go on.",
                "Gang leader Jimmy Cherisier told reporters the attacks would go on.",
            ),
            (
                "Russian Foreign Minister Sergei Lavrov said talks were over.",
                "Russian Foreign Minister Sergey Lavrov said Moscow was ready.",
            ),
        ),
        miss=(
            ("Senator Bill Clinton spoke.", "Senator William Clinton spoke."),
            ("Shaun O’Neill, the Irish minister, spoke on Monday.", "Later, Shaun O'Neill said the talks went well."),
            ("Brian Murphy, the coach, said the team was ready.", "Ian Murphy, the captain, agreed."),
        ),
    ),
)
