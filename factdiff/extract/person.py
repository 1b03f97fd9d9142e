"""Person claims: names with their title, given names, initials and surname.

A run of capitalised words is a person's name when a title or honorific precedes it
("Commander Godfrey Otunge", "Ms Kimberly J. Penland"), when it starts with a known
given name ("Marco Rubio"), or when its surname belongs to a person already accepted
in the same document ("Bazile Richardson" beside "Basil Richardson"). Runs that end in
an organisation, business or place word ("Human Rights Watch", "Gordon Advisors",
"Goodison Park") are not people: a firm named after its founder is still a firm.
A lone surname ("Ruto said", "Guterres’ letter") is kept when it matches a full name in
the same document, and points to it. An age written with the name is read with it: "John
Maddox, 34, of Leeds", "Maddox, aged 34", "34-year-old John Maddox".
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

from factdiff.models import PersonClaim, construct
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data, phrase_pattern, phrase_regex, place_index, quantity_data
from factdiff.text.names import is_given_name, name_gender

KIND = "person"
CLAIM = PersonClaim
READS: tuple[str, ...] = ()

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
NAME_TOKEN = rf"""
    (?: [{UPPER}] \.                                         # initial: J.
      | [{UPPER}] ['’] [{UPPER}] [{LOWER}]+                  # O’Neil, D'Souza
      | [{UPPER}] [{LOWER}]+ (?: [{UPPER}] [{LOWER}]+ )?     # Otunge, McDonald
      )
    (?: [-'’] [{UPPER}{LOWER}]+ )*                           # Sing’oei, Port-au-Prince
    (?: ['’] s? )?                                           # possessive: Kenya’s, Guterres’
    (?! [\w'’] )
"""

MAX_RUN_WORDS = 16
"""Longest run of capitalised words read as one ('Multinational Security Support Mission Commander Godfrey Otunge')."""

NAME_RUN = re.compile(
    rf"""
    (?= [{UPPER}] ) (?<! [\w'’-] )                               # anchor: the engine skips other positions fast
    {NAME_TOKEN}
    (?: (?: [ \t]+ | (?<= [{UPPER}] \. ) \s+ )                # a space; any whitespace after an initial
        (?: (?: {"|".join(people_data().particles)} ) [ \t]+ )?    # de, van, bin ...
        {NAME_TOKEN}
    ){{0,{MAX_RUN_WORDS - 1}}}
    """,
    re.VERBOSE,
)
"""A run of capitalised words that may hold a name (anchored on the capital letter). Bounded:
real runs (office, title and name) are far shorter, and one match spanning a megabyte of
capitalised words costs the regex engine more per character than many short ones."""

TOKEN = re.compile(NAME_TOKEN, re.VERBOSE)
PARTICLE = re.compile(rf"(?:{'|'.join(people_data().particles)})(?=[ \t])")
POSSESSIVE = re.compile(r"['’]s?\Z")
SPACE = re.compile(r"\s")
TITLE_BEFORE = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Capt|Col|Sgt|Rev|Lt)\.\s+\Z")
"""An abbreviated honorific with a full stop just before a run ('Mr. Smith')."""

PREFIXED_TITLE_BEFORE = re.compile(r"\b(?:then|ex|former|late|acting|interim)-(?P<title>[A-Z][\w-]*)\s+\Z")
"""A title joined to a time word just before a run ('then-President Jovenel Moïse')."""

MAX_NAME_TOKENS = 4

AGE_AFTER = re.compile(r",[ \t]+(?:aged[ \t]+)?(?P<age>[0-9]{1,3})(?=[ \t]*(?:,(?![ \t]*[0-9])|;|\.(?![0-9])|\)|\Z))")
"""An age set off after a name: ', 34,' ', 34.' ', aged 34;' ('the victims: Tanya Wilson, 47;
LaTonya Brown, 36'). Not ', 34 High Street', ', 34, 28 and 19' (a list of numbers) nor
', 34.5'; nor a number in brackets ('Rooney (2)', 'Root (82)': goals and runs in sports reports)."""
AGE_BEFORE = re.compile(r"(?<![\w,.-])(?<!\ba[ \t])(?<!\ban[ \t])(?<!\bthen[ \t])(?P<age>[0-9]{1,3})-year-old[ \t]+\Z")
"""'34-year-old John Maddox', 'the 34-year-old John Maddox': the age as a compound adjective
right before the name. Not 'a 17-year-old Kyle Rittenhouse' nor 'the then-17-year-old …': the
age then, in a story told from later."""
LIST_ITEM_BEFORE = re.compile(r"[;:][ \t]*\Z")
"""A name opening an item of a list that follows a colon ('Top scorers: Erling Haaland, 10;
Harry Kane, 8', 'Leaders after the first round: Jon Rahm, 67; Rory McIlroy, 66'): its number
is a tally, not an age. A list of victims with their ages is written without one."""
AGE_WINDOW = 16
OLDEST = 120

OWNER_BEFORE = re.compile(rf"(?P<owner>[{UPPER}][\w.-]*(?:[ \t][{UPPER}][\w.-]*){{0,4}}?)(?:['’]s)?[ \t]+\Z")
"""Whose office: the capitalised words right before it ('Kenya’s', 'US', 'Haitian Transitional Council')."""

OFFICE_WINDOW = 40
"""How far before a name its office and owner are looked for."""


@cache
def _office_before() -> re.Pattern[str]:
    return re.compile(phrase_regex(people_data().offices, flags=0) + r"[ \t]+\Z")


@cache
def _alias_before() -> re.Pattern[str]:
    return re.compile(r",?\s*" + phrase_regex(people_data().alias_cues) + r"\s+[“\"‘']?\Z", re.IGNORECASE)


def office_and_owner(text: str, start: int) -> tuple[str | None, str | None]:
    """The one-holder office named right before a name, and whose it is:
    "Kenya’s President William Ruto" -> ("President", "Kenya")."""
    office = _office_before().search(text, max(0, start - OFFICE_WINDOW), start)
    if office is None:
        return None, None
    owner = OWNER_BEFORE.search(text, max(0, office.start() - OFFICE_WINDOW), office.start())
    if owner is None:
        return office.group().strip(), None
    written = owner.group("owner")
    return office.group().strip(), place_index().get(written, written)


@cache
def _vocabulary() -> dict[str, Any]:
    data = people_data()
    titles = set()
    for title in data.titles:
        titles.update(title.split())
    honorifics = {k.rstrip("."): v for k, v in data.honorifics.items()}
    return {
        "honorifics": honorifics,
        "titles": titles,
        "not_name_words": frozenset(
            itertools.chain(
                data.organisation_words,
                data.business_words,
                data.calendar_words,
                data.function_words,
                place_index(),
                honorifics,
                titles,
            )
        ),
    }


def _tokens(run: re.Match[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) for each token of a run, particles attached to the next token."""
    text = run.string
    position, end = run.start(), run.end()
    tokens: list[tuple[int, int, str]] = []
    pending: int | None = None
    while position < end:
        while position < end and text[position].isspace():
            position += 1
        particle = PARTICLE.match(text, position, end)
        if particle:
            pending = position if pending is None else pending
            position = particle.end()
            continue
        token = TOKEN.match(text, position, end)
        if token is None:
            break
        start = pending if pending is not None else token.start()
        tokens.append((start, token.end(), text[start : token.end()]))
        pending = None
        position = token.end()
    return tokens


class Candidate:
    """A possible name inside a run, before the document-wide decision."""

    __slots__ = ("end", "gender", "start", "strong", "title", "words")

    def __init__(self, start: int, end: int, words: list[str], title: str | None, gender: str | None, strong: bool):
        self.start, self.end, self.words = start, end, words
        self.title, self.gender, self.strong = title, gender, strong


def _without_possessive(word: str) -> str:
    """'Kenya’s' -> 'Kenya' (the pattern is tried only on a word with an apostrophe: few have one)."""
    return POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def _not_a_name_word(word: str) -> bool:
    """A word that cannot be part of a name: a listed non-name, an honorific or a title."""
    return _without_possessive(word) in _vocabulary()["not_name_words"]


def _candidate(run: re.Match[str]) -> Candidate | None:
    whole = run.group()
    if SPACE.search(whole) is None:  # one word: a run's words are parted by whitespace
        if _not_a_name_word(whole):
            return None  # most runs are one word ('The', 'Kenya’s')
        tokens = [(run.start(), run.end(), whole)]
    else:
        tokens = _tokens(run)
        if not tokens or _not_a_name_word(tokens[-1][2]):
            return None
    name, first = _name_tokens(tokens)
    if not name:
        return None
    before = tokens[:first]
    title_words = _title_words(run, before)
    gender = None
    for word in title_words:
        gender = _vocabulary()["honorifics"].get(word.rstrip("."), gender)
    title = " ".join(title_words) or None
    words = [word for _, _, word in name]
    if " ".join(words) in place_index():
        return None
    if name[0][2].endswith(".") and len(name) == 1:
        return None
    strong = bool(title) or (len(words) >= 2 and is_given_name(words[0]) and not words[0].endswith("."))
    return Candidate(name[0][0], name[-1][0] + len(name[-1][2]), words, title, gender, strong)


def _name_tokens(tokens: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], int]:
    """The name at the end of a run (at most MAX_NAME_TOKENS words, stopping at a title or a
    possessive: 'Kenya’s President William Ruto' -> 'William Ruto'), and where it starts."""
    name: list[tuple[int, int, str]] = []
    first = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        start, end, word = tokens[index]
        bare = _without_possessive(word)
        if _not_a_name_word(word) or (index < len(tokens) - 1 and bare != word):
            break
        name.insert(0, (start, end, bare))
        first = index
        if len(name) == MAX_NAME_TOKENS:
            break
    return name, first


def _title_words(run: re.Match[str], before: list[tuple[int, int, str]]) -> list[str]:
    """The honorifics and titles right before a name: in its run ('Police Director-General'),
    or just before the run ('Mr.', 'ex-President')."""
    vocabulary = _vocabulary()
    title_words: list[str] = []
    for _, _, word in reversed(before):
        bare = word.rstrip(".")
        if (
            bare in vocabulary["honorifics"]
            or bare in vocabulary["titles"]
            or (word[0].isupper() and "-" in word and bare.split("-")[-1] in vocabulary["titles"])
        ):
            title_words.insert(0, word)
        else:
            break
    abbreviated = TITLE_BEFORE.search(run.string, max(0, run.start() - 8), run.start())
    if abbreviated and not before:
        title_words = [abbreviated.group(1) + "."]
    prefixed = PREFIXED_TITLE_BEFORE.search(run.string, max(0, run.start() - 24), run.start())
    if prefixed and not before and prefixed.group("title") in vocabulary["titles"]:
        title_words = [prefixed.group("title")]
    return title_words


def _parts(words: list[str]) -> tuple[str | None, str | None, str]:
    """(given, initials, surname) of a name's words."""
    if len(words) == 1:
        return None, None, words[0]
    given = words[0] if not words[0].endswith(".") else None
    middle = words[1:-1] if given else words[:-1]
    initials = " ".join(w for w in middle if w.endswith(".")) or None
    return given, initials, words[-1]


def extract(context: Any) -> list[PersonClaim]:
    """Every person mention in the document: full names, then surnames that point to them."""
    text = context.text
    candidates = [c for c in (_candidate(run) for run in NAME_RUN.finditer(text)) if c is not None]
    full = [c for c in candidates if len(c.words) >= 2]
    accepted_surnames = {fold(c.words[-1]) for c in full if c.strong}
    people: list[Candidate] = [c for c in full if c.strong or fold(c.words[-1]) in accepted_surnames]
    by_surname: dict[str, list[Candidate]] = {}
    for person in people:
        by_surname.setdefault(fold(person.words[-1]), []).append(person)
    claims: list[tuple[int, PersonClaim]] = []
    for person in people:
        given, initials, surname = _parts(person.words)
        claims.append((person.start, _claim(context, person, given, initials, surname, None)))
    for candidate in candidates:
        if len(candidate.words) != 1:
            continue
        namesakes = by_surname.get(fold(candidate.words[0]))
        if not namesakes and not candidate.title:
            continue
        full_name = _referent(candidate, namesakes) if namesakes else None
        claims.append((candidate.start, _claim(context, candidate, None, None, candidate.words[0], full_name)))
    claims.sort(key=lambda item: item[0])
    return _link_aliases(text, [claim for _, claim in claims])


def _link_aliases(text: str, claims: list[PersonClaim]) -> list[PersonClaim]:
    """'Yevgeny Prigozhin, also known as Evgeny Prigozhin': the second is declared to name the first."""
    linked = claims[:1]
    for previous, claim in itertools.pairwise(claims):
        if previous.sentence_start == claim.sentence_start and _alias_before().search(
            text, max(previous.end, claim.start - 24), claim.start
        ):
            claim = claim.model_copy(update={"alias_of": previous.name})
        linked.append(claim)
    return linked


def _referent(mention: Candidate, namesakes: list[Candidate]) -> str | None:
    """The full name a lone surname stands for, or None when it is ambiguous: two people
    share the surname, or the mention's honorific contradicts the given name ("Ms. Lynch"
    after "Lorenzo Lynch")."""
    full_names = {" ".join(p.words) for p in namesakes}
    if len(full_names) != 1:
        return None
    referent = namesakes[0]
    usual = name_gender(referent.words[0])
    if mention.gender and (referent.gender or usual) and mention.gender != (referent.gender or usual):
        return None
    return full_names.pop()


def age_at(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The age written with the name at text[start:end] ("Maddox, 34,", "34-year-old Maddox"),
    with the span of the name and its age together."""
    if after := AGE_AFTER.match(text, end):
        age, start, end = int(after["age"]), start, after.end("age")
    elif before := AGE_BEFORE.search(text, max(0, start - AGE_WINDOW), start):
        age, start = int(before["age"]), before.start("age")
    else:
        return None
    return (age, start, end) if 0 < age <= OLDEST else None


@cache
def _scores() -> re.Pattern[str]:
    return phrase_pattern(quantity_data().score_nouns)


def _aged(context: Any, person: Candidate) -> tuple[int, int, int] | None:
    """``age_at``, unless the name opens an item of a list after a colon, or the sentence keeps a
    score ('Joe Root, 82, and Ben Stokes, 45, put on 120 runs'): there a number after a name is
    more often a tally than an age."""
    aged = age_at(context.text, person.start, person.end)
    if aged is None:
        return None
    text = context.text
    sentence_start, sentence_end = context.sentence_span(person.start)
    listed = LIST_ITEM_BEFORE.search(text, max(sentence_start, person.start - 3), person.start)
    if listed and ":" in text[sentence_start : person.start]:
        return None
    return None if _scores().search(text, sentence_start, sentence_end) else aged


def _claim(
    context: Any, person: Candidate, given: str | None, initials: str | None, surname: str, full_name: str | None
) -> PersonClaim:
    """The claim spans the name, and the age written with it: a slip in the age is the claim's."""
    aged = _aged(context, person)
    age, start, end = aged if aged else (None, person.start, person.end)
    fields = context.location(KIND, start, end)
    office, office_of = office_and_owner(context.text, person.start)
    return construct(
        PersonClaim,
        **fields,
        kind=KIND,
        name=" ".join(person.words),
        title=person.title,
        given=given,
        initials=initials,
        surname=surname,
        gender=person.gender,
        full_name=full_name,
        office=office,
        office_of=office_of,
        alias_of=None,
        age=age,
        reported=context.document.date if age else None,
    )


def describe(claim: PersonClaim) -> str:
    """'Commander Godfrey Otunge male', with the office and alias it was read with."""
    parts = [claim.title, claim.name, f"→ {claim.full_name}" if claim.full_name else None, claim.gender]
    if claim.office_of:
        parts.append(f"· {claim.office} of {claim.office_of}")
    if claim.alias_of:
        parts.append(f"· alias of {claim.alias_of}")
    if claim.age:
        parts.append(f"· aged {claim.age}")
    return " ".join(p for p in parts if p)
