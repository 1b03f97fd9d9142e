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

Relatives share a surname, and so do unrelated namesakes: two forms are two people, not a slip,
- when one is presented as someone's relative ("her stepson, Jeremy Ortiz", "Jeremy Ortiz,
  one of the deputy's sons", "His wife, Audrey Felt") and the other never is;
- when both given names are common given names (Faker's lists) that differ in more than
  spelling (more than one edit apart and with different consonant sounds: Jerry / Jeremy,
  Harry / Harvey) and the text introduces each as someone of its own (a title, office, role
  or relationship: "Deputy Jerry Ortiz", "her stepson, Jeremy Ortiz") with no role in common.
  The same role ("Commander Godfrey Otunge", "Geoffrey Otunge, commander of the mission") is
  one person, and a bare later mention ("Geoffrey Otunge told reporters") introduces nobody
  new: both are still a slip. One edit (Maria / Marie) or one sound spelt two ways (Betty /
  Bettie, Steven / Stephen, Catherine / Katherine) is the kind of difference a slip makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.judge.mentions import around, kinship, relative
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data
from factdiff.text.names import SPELLING_SIMILARITY, is_given_name, name_gender

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


def written_both_ways_in_one_document(forms: dict[str, list[PersonClaim]], names: list[str]) -> bool:
    """Some document itself writes the name two of the ways: a slip inside one article."""
    names_by_document: dict[str, set[str]] = {}
    for name in names:
        for claim in forms[name]:
            names_by_document.setdefault(claim.doc, set()).add(name)
    return any(len(written) > 1 for written in names_by_document.values())


def unlisted_final_vowel(first: str, second: str) -> bool:
    """'Gurbanguli' / 'Gurbanguly': a name from another script ending in -i or -y, the one
    letter romanisations most often disagree on; only for names no given-name list knows
    (Kathy / Kathi are two English names, and a slip between them is a slip)."""
    return (
        first[:-1] == second[:-1]
        and {first[-1:], second[-1:]} == {"i", "y"}
        and not (is_given_name(first) or is_given_name(second))
    )


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
        if romanised(given_a) == romanised(given_b) or unlisted_final_vowel(given_a, given_b):
            return "transliteration"
        if given_a[:1] == given_b[:1] and fuzz.ratio(given_a, given_b) >= SPELLING_SIMILARITY:
            return "spelling"  # a slip rarely changes the initial: Brian / Ian are two people
        return None
    if (
        given_a == given_b
        and min(len(surname_a), len(surname_b)) >= MIN_SURNAME_LENGTH_FOR_TYPO
        and OSA.distance(surname_a, surname_b) == 1
    ):
        return "spelling"
    return None


SILENT = re.compile(r"[aeiouyhw]")
"""Letters that do not change a given name's consonant sound after its first letter."""
DOUBLED = re.compile(r"(.)\1+")


def sound(name: str) -> str:
    """A folded given name's consonant sound: 'stephen' and 'steven' -> 'stfn', 'betty' and
    'bettie' -> 'bt', but 'jerry' -> 'jr' and 'jeremy' -> 'jrm'."""
    name = romanised(fold(name).lower())
    for written, spoken in people_data().name_sounds:
        name = name.replace(written, spoken)
    return DOUBLED.sub(r"\1", name[:1] + SILENT.sub("", name[1:]))


def different_names(first: str, second: str) -> bool:
    """Two common given names that differ in more than spelling (Jerry / Jeremy): more than
    one edit apart, and not one sound spelt two ways (Betty / Bettie, Steven / Stephen)."""
    a, b = fold(first).lower(), fold(second).lower()
    return is_given_name(a) and is_given_name(b) and OSA.distance(a, b) > 1 and sound(a) != sound(b)


@cache
def _roles() -> frozenset[str]:
    """Role words of titles ('commander', 'spokesman'), kinship nouns aside."""
    words = {word.lower().rstrip(".") for title in people_data().titles for word in title.split()}
    return frozenset(words - kinship())


def roles(claim: PersonClaim) -> set[str]:
    """The roles a mention is given: its title ('Commander'), its office, a role word right
    before it ('spokesman Gregg Miliote') or the first one in its apposition ('…, commander
    of the MSS mission'); a possessive ("the deputy's sons") is someone else's role."""
    known = _roles()
    found = {w.lower().rstrip(".") for w in (claim.title or "").split() if w.lower().rstrip(".") in known}
    if claim.office:
        found.add(claim.office.lower())
    before, after = around(claim)
    before = before[:-1] if before[-1:] == [","] else before
    if before and before[-1].lower() in known:
        found.add(before[-1].lower())
    found.update([w.lower() for w in after if w.lower() in known][:1])
    return found


def _two_people(forms: dict[str, list[PersonClaim]], first: str, second: str) -> bool:
    """Relatives and namesakes: one form presented as a relative and the other never, or two
    different common given names each introduced as someone (a role or a relationship of its
    own) with no role in common. A bare mention is not introduced as anyone new: it is read
    as the person already named, misspelt."""
    if fold(forms[first][0].given or "") == fold(forms[second][0].given or ""):
        return False  # one given name: a slip in the surname, or accents
    relative_a, relative_b = (any(relative(c) for c in forms[form]) for form in (first, second))
    if relative_a != relative_b:
        return True
    if not different_names(forms[first][0].given or "", forms[second][0].given or ""):
        return False
    roles_a: set[str] = set().union(*(roles(c) for c in forms[first]))
    roles_b: set[str] = set().union(*(roles(c) for c in forms[second]))
    introduced = (roles_a or relative_a) and (roles_b or relative_b)
    return bool(introduced) and not roles_a & roles_b


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
            or _two_people(forms, first, second)
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
        if only_romanisation and not written_both_ways_in_one_document(forms, component):
            continue  # two outlets' house styles for one romanisation: neither is a slip
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
            # one romanisation written two ways inside one article (low)
            ("Russian Foreign Minister Sergei Lavrov said talks were over. Sergey Lavrov later added detail.",),
            # two different given names, one role: one person, misspelt
            ("Captain Harry Lund led the patrol. Harvey Lund, the patrol's captain, said it went well.",),
            # a bare later mention introduces nobody new
            ("The team's coach, Harry Lund, praised the players. “We were ready,” Harvey Lund told reporters.",),
            # one sound spelt two ways is still a slip
            ("Film star Betty Marsh has died, aged 85.", "Her agent said Bettie Marsh died in hospital."),
        ),
        miss=(
            ("Senator Bill Clinton spoke.", "Senator William Clinton spoke."),
            # two outlets' house styles for one romanisation
            (
                "Russian Foreign Minister Sergei Lavrov said talks were over.",
                "Russian Foreign Minister Sergey Lavrov said Moscow was ready.",
            ),
            ("President Gurbanguly Nazarov vowed reform.", "Turnout was high, said President Gurbanguli Nazarov."),
            ("Shaun O’Neill, the Irish minister, spoke on Monday.", "Later, Shaun O'Neill said the talks went well."),
            ("Brian Murphy, the coach, said the team was ready.", "Ian Murphy, the captain, agreed."),
            # relatives share a surname: a relative is not the namesake misspelt
            ("Deputy Harry Lund was shot on Friday. In court, his widow read a letter by her stepson, Harvey Lund.",),
            ("Deputy Harry Lund was shot on Friday.", "“It is over,” said Harvey Lund, one of the deputy's sons."),
            # two common given names, each introduced with a role of its own
            ("Deputy Harry Lund was shot on Friday.", "Harvey Lund, the town's mayor, said the town was shocked."),
            # a firm named after its founder is not a person
            ("Gordon Advisors managed the fund.", "Gordon Advisers said the fund was sound."),
        ),
    ),
)
