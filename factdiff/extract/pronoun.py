"""Pronoun claims: a gendered pronoun tied to the one person it can refer to.

A pronoun is resolved only when the antecedent is unambiguous:
- exactly one person is named between the start of the pronoun's sentence (or a name that
  runs into it) and the pronoun, and no other person who may be of the pronoun's gender
  (by honorific or given name, or unknown) is named in that sentence or the two before;
- no gendered noun ("her husband") stands in between, and no unnamed person ("a deputy",
  "the judge", "authorities") or bare given name ("Peter") comes before it in the sentence;
- the pronoun is not inside a quotation (where "he" is usually someone the speaker talks
  about), and the antecedent is not inside one that closes before the pronoun: a pronoun
  never reaches across a quotation's boundary;
- a pronoun that is the subject of a speech verb ("he said", "she told reporters") is the
  source of a quotation, and is not tied to a name in another clause;
- it is a pronoun at all: in "can he heard" (modal, pronoun, participle) it is a typo for "be".
Unresolved pronouns are not claims.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from factdiff.models import PersonClaim, PronounClaim, construct
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data, phrase_pattern, phrase_regex, place_index
from factdiff.text.names import is_given_name, name_gender
from factdiff.text.quotes import quotation_open

KIND = "pronoun"
CLAIM = PronounClaim
READS = ("person",)

EARLIER_SENTENCES = 2
"""How many sentences before the pronoun's are searched for another person of its gender."""


@cache
def _patterns() -> tuple[Any, Any, Any]:
    data = people_data()
    return phrase_pattern(list(data.pronouns)), phrase_pattern(data.gendered_nouns), phrase_pattern(data.person_nouns)


@cache
def _grammar() -> dict[str, Any]:
    """Speech verbs right after ("she told") or before ("said he") a pronoun, a modal right
    before it, and the participles that make "can he heard" a typo."""
    data = people_data()
    speaking = phrase_regex(data.speaking)
    modal = phrase_regex(data.modals)
    return {
        "speech_after": re.compile(r"\s+(?:[a-z]+ly\s+)?" + speaking, re.IGNORECASE),
        "speech_before": re.compile(speaking + r"\s+\Z", re.IGNORECASE),
        "clause_end": re.compile(r"\s*(?:[.,;:!?—–”\"]|\Z)"),
        "modal_before": re.compile(modal + r"\s+\Z", re.IGNORECASE),
        "participles": frozenset(data.irregular_participles),
    }


NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
CLAUSE_BREAK = re.compile(r"[,;:—–()“”\"]")
"""What separates a speech pronoun's clause from a name before it."""


QUOTE_CHARS = re.compile(r"[“”‘’'`\"]")


def quote_mark(text: str, index: int, sentence_start: int) -> str | None:
    """'open', 'close' or None (not a quotation mark) for the character at ``index``. Curly
    double quotes (and a backtick) say which they are; a straight one opens when an even number of them stand
    before it in its sentence. A single quote opens after a space and closes before one; an
    apostrophe inside a word (O'Neill), after a plural's s (Nichols' gun) or standing alone
    in tokenised text ("McDermott ’ s") is not one."""
    char = text[index]
    if char in "“”`":
        return "close" if char == "”" else "open"
    if char == '"':
        return "close" if text.count('"', sentence_start, index) % 2 else "open"
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if (before.isalnum() and after.isalnum()) or (before.isspace() and after.isspace()):
        return None
    if before in "sS" and after.isspace():
        return None
    if before.isspace() or before in "([—–-":
        return "open"
    return "close"


def crosses_quotation(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when text[start:end] leaves a quotation (its first mark closes one) or enters
    one (its last mark opens one): a name and a pronoun on two sides of a quotation's edge."""
    marks = [quote_mark(text, found.start(), sentence_start) for found in QUOTE_CHARS.finditer(text, start, end)]
    marks = [mark for mark in marks if mark]
    return bool(marks) and (marks[0] == "close" or marks[-1] == "open")


CAPITALISED = re.compile(r"[A-Z][a-z]+")
"""A capitalised word that might be a bare given name."""


@cache
def _not_referents() -> frozenset[str]:
    """Capitalised words that Faker lists as given names but news uses otherwise (Kenya, Prince, June)."""
    data = people_data()
    words = set(data.function_words) | set(data.calendar_words) | set(data.organisation_words)
    words |= set(data.business_words)
    words |= {w for title in data.titles for w in title.split()} | {h.rstrip(".") for h in data.honorifics}
    return frozenset(words | set(place_index()))


def _other_given_name(text: str, start: int, end: int, people: list[PersonClaim]) -> bool:
    """A bare given name ("Peter") outside the named people is another possible referent."""
    for word in CAPITALISED.finditer(text, start, end):
        if any(p.start <= word.start() < p.end for p in people):
            continue
        if is_given_name(word.group()) and word.group() not in _not_referents():
            return True
    return False


def person_gender(person: PersonClaim) -> str | None:
    """A person's gender by honorific, else by the usual gender of the given name."""
    if person.gender:
        return person.gender
    given = person.given or (person.full_name.split()[0] if person.full_name else None)
    return name_gender(given) if given else None


SENTENCE_REACH = 500
"""Characters of a sentence read before a pronoun: more than a news sentence needs, and a list
with no full stop (one long 'sentence') is not read whole for every pronoun."""


class Mentions:
    """The document's person mentions, indexed once: by where they end (the mentions before a
    pronoun are a slice, not a scan) and by whom they name (each person's known gender)."""

    def __init__(self, people: list[PersonClaim]) -> None:
        self.people = sorted(people, key=lambda p: (p.end, p.start))
        self.ends = [p.end for p in self.people]
        mentions: dict[str, list[PersonClaim]] = {}
        for person in people:
            mentions.setdefault(fold(person.full_name or person.name), []).append(person)
        self.genders = {key: _document_gender(named) for key, named in mentions.items()}

    def ending_in(self, start: int, end: int) -> list[PersonClaim]:
        """The mentions that end after ``start`` and at or before ``end``."""
        return self.people[bisect.bisect_right(self.ends, start) : bisect.bisect_right(self.ends, end)]

    def gender_of(self, name: str) -> str | None:
        return self.genders.get(fold(name))


def _document_gender(mentions: list[PersonClaim]) -> str | None:
    """The gender the document gives a person: by an honorific on any mention of them, else
    by the usual gender of their given name; None when unknown or contradictory."""
    honorifics = {p.gender for p in mentions if p.gender}
    if honorifics:
        return honorifics.pop() if len(honorifics) == 1 else None
    return next((person_gender(p) for p in mentions if p.given), None)


def _another_of_gender(context: Any, mentions: Mentions, name: str, gender: str, position: int) -> bool:
    """Someone else who may be of ``gender`` (or whose gender is unknown) is named in the
    pronoun's sentence or the EARLIER_SENTENCES before it."""
    start, _ = context.sentence_span(position)
    for _ in range(EARLIER_SENTENCES):
        if start > 0:
            start, _ = context.sentence_span(start - 1)
    start = max(start, position - (EARLIER_SENTENCES + 1) * SENTENCE_REACH)
    key = fold(name)
    return any(
        start <= person.start
        and fold(person.full_name or person.name) != key
        and person_gender(person) in (gender, None)
        for person in mentions.ending_in(start, position)
    )


def _not_a_pronoun(text: str, match: re.Match[str]) -> bool:
    """'can he heard': a modal, the pronoun and a participle; the grammar needs 'be'."""
    grammar = _grammar()
    if not grammar["modal_before"].search(text, max(0, match.start() - 12), match.start()):
        return False
    after = NEXT_WORD.match(text, match.end())
    return bool(after) and (after.group(1).endswith("ed") or after.group(1) in grammar["participles"])


def _speech_source(text: str, match: re.Match[str], antecedent: PersonClaim) -> bool:
    """'…, he said': the pronoun speaks, and the name before it is in another clause."""
    grammar = _grammar()
    speaks = grammar["speech_after"].match(text, match.end()) or (
        grammar["speech_before"].search(text, max(0, match.start() - 20), match.start())
        and grammar["clause_end"].match(text, match.end())  # '…,” said he.', not 'said he would'
    )
    return bool(speaks) and bool(CLAUSE_BREAK.search(text, antecedent.end, match.start()))


def _antecedent(context: Any, mentions: Mentions, match: re.Match[str]) -> PersonClaim | None:
    """The one person the pronoun at ``match`` can refer to, or None."""
    pronouns, gendered_nouns, person_nouns = _patterns()
    text = context.text
    sentence_start = max(context.sentence_span(match.start())[0], match.start() - SENTENCE_REACH)
    before = mentions.ending_in(sentence_start, match.start())
    if not before or len({p.full_name or p.name for p in before}) != 1:
        return None
    nearest = before[-1]
    if (
        gendered_nouns.search(text, nearest.end, match.start())
        or person_nouns.search(text, sentence_start, match.start())  # "The judge said Ms O'Neill ... he"
        or pronouns.search(text, sentence_start, before[0].start)  # "According to him, ... Richardson ... sent him"
        or _other_given_name(text, sentence_start, match.start(), before)  # "I asked Peter to ... and he said"
        or quotation_open(text[sentence_start : match.start()])
        or crosses_quotation(text, nearest.end, match.start(), sentence_start)
        or _speech_source(text, match, nearest)
        or _not_a_pronoun(text, match)
    ):
        return None
    name = nearest.full_name or nearest.name
    gender = people_data().pronouns[match.group().lower()]
    expected = mentions.gender_of(name)
    if expected not in (None, gender) and _another_of_gender(context, mentions, name, gender, match.start()):
        return None  # a pronoun that contradicts its antecedent may well point at someone else
    return nearest


def extract(context: Any) -> list[PronounClaim]:
    people: list[PersonClaim] = context.claims["person"]
    if not people:
        return []
    pronouns, _, _ = _patterns()
    genders = people_data().pronouns
    mentions = Mentions(people)
    claims: list[PronounClaim] = []
    for match in pronouns.finditer(context.text):
        nearest = _antecedent(context, mentions, match)
        if nearest is None:
            continue
        fields = context.location(KIND, match.start(), match.end())
        claims.append(
            construct(
                PronounClaim,
                **fields,
                kind=KIND,
                pronoun=match.group(),
                gender=genders[match.group().lower()],
                refers_to=nearest.full_name or nearest.name,
                antecedent=nearest.id,
            )
        )
    return claims


def describe(claim: PronounClaim) -> str:
    return f"{claim.gender} → {claim.refers_to}"
