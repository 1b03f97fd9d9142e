"""Named word lists and tables, loaded once from ``data/*.json`` through pydantic models.

A bad data file fails with its name and the key path of the problem, before any text is read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from factdiff.errors import FactdiffError

HedgeKind = Literal["above", "below", "at_least", "at_most", "nearly", "approx"]
Gender = Literal["female", "male"]


class DataFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuantityData(DataFile):
    hedges: dict[str, HedgeKind]
    hedge_intervals: dict[HedgeKind, tuple[float, float | None]]
    number_words: dict[str, int]
    vague_quantities: dict[str, int]
    magnitudes: dict[str, float]
    currencies: dict[str, str]
    subject_synonyms: dict[str, list[str]]
    implied_subject: str
    events: dict[str, list[str]]
    modalities: dict[Literal["pledged", "planned", "increment"], list[str]]
    subject_stop_words: list[str]
    duration_units: list[str]
    rate_periods: dict[str, str]
    """The period a rate is counted by ('$185 a month', '5% annually'), by the word that says it."""
    rate_anchors: list[str]
    """Words after 'a year' that make it a time, not a rate's period ('a year ago', 'a year or
    two', 'a month of')."""
    fractions: dict[str, float]
    ordinals: dict[str, int]
    report_relative_scopes: list[str]
    ordinal_scope: str
    growing_events: list[str]
    """Counts that grow as a story goes on (a death toll, a deployment): a later, larger
    figure is a change over time, not a contradiction."""
    toll_events: list[str]
    """Tolls that move by the hour (killed, injured, missing): reports a day apart give them at
    different stages."""
    toll_report_gap_days: int
    revised_events: list[str]
    """Growing counts that are also revised down as a story goes on (the missing are found)."""
    clause_breaks: list[str]
    """Words that open another clause: a count's event and time are read only inside its own
    (so do the speaking verbs of people.json: 'the ministry on Saturday said 385 were killed')."""
    dating_clauses: list[str]
    """Clause breaks whose clause dates the count before it ('injured when a quake hit on Sunday')."""
    relative_pronouns: list[str]
    """'400 officers who were deployed': a relative clause right after the counted noun describes it."""
    auxiliaries: list[str]
    event_bridges: list[str]
    """The only words allowed between an event word and the number after it ('the death toll rose to 24')."""
    adjacent_events: list[str]
    """Events read only right after what is counted, perhaps after auxiliaries ('12 people are still
    missing'; not 'despite missing four games')."""
    not_events: list[str]
    """Phrases that contain an event word but name no event ('death sentence', 'death penalty'),
    name people rather than what happened to the counted ('moving the injured') or deny it
    ('were not hurt')."""
    incident_nouns: list[str]
    """Nouns of events ('a quake that killed…'): a count in a relative clause on one introduced
    with 'a'/'an' belongs to that event."""
    label_words: list[str]
    """Words before a number that make it a label ('season 2', 'flight 370'), not a count."""
    score_nouns: list[str]
    """What a score counts (points, goals, rebounds): one player's tally, not a fact to contradict."""
    different_set_cues: dict[Literal["subject", "before", "clause", "opener"], list[str]]
    """Words that mark a count as another set ('six further stamps', 'three people also died'):
    in its subject, right before it, in its clause, or opening its sentence ('In another attack,')."""
    part_prepositions: list[str]
    """'12 in the north, 10 in the south': a preposition after a listed count makes it a part."""
    anaphors: list[str]
    """'in those bombings': a count tied to an event (incident_nouns) named earlier takes its frame."""
    anaphor_prepositions: list[str]
    time_anchors: dict[Literal["day_prepositions", "date_prepositions", "relative_days", "event_relative"], list[str]]
    """Words that anchor a count to a day, a date or another event ('on Monday', 'By Wednesday',
    'in December 2003', 'prior to the game')."""

    def time_anchor_pattern(self) -> re.Pattern[str]:
        """Days, dates and event-relative times ('Thursday's', 'on June 5', 'prior to the game');
        weekday and month names must be capitalised ('may' is a verb)."""
        from factdiff.text.calendar import MONTH_WORDS, WEEKDAYS

        def words(name: str) -> str:
            return alternation(self.time_anchors[name])  # type: ignore[index]

        days = "|".join(WEEKDAYS)
        day_number = r"[0-9]{1,2}(?:st|nd|rd|th)?"
        return re.compile(
            rf"\b(?:(?P<day_prep>{words('day_prepositions')})\s+)?(?-i:(?P<day>{days}))(?:['’]s)?\b"
            rf"|\b(?P<date_prep>{words('date_prepositions')})\s*(?:{day_number}\s+(?-i:(?:{MONTH_WORDS}))\b\.?"
            rf"(?:\s+[0-9]{{4}}\b)?|(?-i:(?:{MONTH_WORDS}))\b\.?(?:\s+{day_number}\b)?(?:,?\s+[0-9]{{4}}\b)?)"
            rf"|\b(?P<relative>{words('relative_days')})\b"
            rf"|\b(?P<event>{words('event_relative')})\s+(?:(?:the|a|an|this|last|that|its|their)\s+)?[a-z]+",
            re.IGNORECASE,
        )


class PlaceData(DataFile):
    places: dict[str, list[str]]


class PeopleData(DataFile):
    speaking: list[str]
    """Verbs and phrases that attribute a quotation ('said', 'according to')."""
    honorifics: dict[str, Gender | None]
    titles: list[str]
    organisation_words: list[str]
    calendar_words: list[str]
    function_words: list[str]
    particles: list[str]
    pronouns: dict[str, Gender]
    gendered_nouns: list[str]
    person_nouns: list[str]
    offices: list[str]
    time_markers: list[str]
    alias_cues: list[str]
    transliterations: list[tuple[str, str]]
    """Spelling pairs that romanise one sound two ways ('Sergey' / 'Sergei'): first -> second."""
    kinship_nouns: list[str]
    """Relatives ('her stepson', 'one of the deputy's sons'): a name presented as someone's
    relative is a different person from a namesake presented without it."""
    business_words: list[str]
    """Words that end a firm's name ('Gordon Advisors', 'Jones Capital'): such a run is an
    organisation, never a person."""
    name_sounds: list[tuple[str, str]]
    """Letter groups that write one consonant sound in given names ('ph' / 'f', 'c' / 'k'):
    two spellings with one sound are one name spelt two ways (Steven / Stephen)."""
    modals: list[str]
    """Modal verbs: 'can he heard' is a typo for 'can be heard' when a participle follows."""
    irregular_participles: list[str]
    """Past participles not ending in -ed ('heard', 'seen'): after a modal and a pronoun they
    mark the pronoun as a typo for 'be'."""


class OrganisationData(DataFile):
    heads: list[str]
    connectors: list[str]
    spellings: dict[str, str]
    outlets: list[str]
    """News outlets: they name who reported a story, not what it is about."""
    wire_services: list[str]
    """Outlets whose name opens their copy in a dateline: '(CNN)', 'NAIROBI, June 26 (Reuters) -'."""


class SentenceData(DataFile):
    abbreviations: list[str]
    """Lower-case words whose full stop does not end a sentence ('mr', 'gen', 'jan')."""
    boilerplate: list[str]
    """Phrases of credit lines and page furniture ("contributed to this report"): such
    sentences differ only in a name by design."""
    translation_cues: list[str]
    """Words by a quotation that say it was translated ('through an interpreter', 'in German'):
    two outlets' translations of one remark differ in wording, not in what was said."""
    spelling_variants: list[tuple[str, str]]
    """British -> American letter groups ('our' -> 'or', 'ise' -> 'ize'): two words that one
    such change makes equal are one word spelt two ways."""
    time_markers: list[str]
    """What a clock time may add or drop ('00' of '6:00', 'pm' of '6 p.m.'): typography, not a word."""


class DateData(DataFile):
    events: dict[str, list[str]]
    """Events that happen once to their subject, with the words that name them."""
    personal: list[str]
    """Events that happen once to a person: their dates are compared by who they happened to."""
    repeating: list[str]
    """Words that mark an event as one of several ("another batch arrived"): its date is not the event's."""
    nominal: list[str]
    """Event words that are nouns ('death', 'arrest'): their owner is the possessor ('Hoover's
    death', 'his arrest') or the 'of' phrase ('the death of Hoover'), never a bystander."""
    done_by_the_person: list[str]
    """Events a person does rather than undergoes ('died', 'resigned'): 'X died', not 'X was died'."""
    transitive: list[str]
    """Events done to someone ('arrested', 'assassinated'): in the active voice ('police
    arrested Smith') the event is the object's, not the subject's."""
    compound_heads: list[str]
    """Nouns that turn an event noun before them into a modifier: an 'arrest warrant' or a
    'death toll' is not an arrest or a death."""
    passive_auxiliaries: list[str]
    """Forms of 'be' (and 'get') that make the next participle passive: 'was arrested'."""
    clause_words: list[str]
    """Auxiliaries and adverbs that may stand between a subject and its verb ('had',
    'later', 'reportedly'): anything else between them is another clause or subject."""
    negations: list[str]
    """'not', 'never': a negated mention ('but not Gigante', 'was never charged') dates no event."""
    relative_pronouns: list[str]
    """'who', 'which': a verb in a relative clause belongs to the noun before the pronoun."""
    embedding_words: list[str]
    """Prepositions that put a name inside another noun phrase ('a friend of Jones was
    arrested'): such a name is not the verb's subject."""
    genitive_words: list[str]
    """Prepositions after which a relative clause may belong to either noun ('a friend of
    Jones, who died'): the name before 'who' is then not taken as the owner."""


class AcronymData(DataFile):
    well_known: list[str]
    alternative_cues: list[str]
    """Words that present an acronym as another name for something ('using an alternative
    acronym for the group', 'also known as'): it is introduced, not mistyped."""


class AlignmentData(DataFile):
    """Words for aligning two sentences that say one thing in other words."""

    stop_words: list[str]
    """Words that carry no fact of their own: left out when sentences are indexed and aligned."""
    synonyms: list[list[str]]
    """Lemmas one fact is reported with interchangeably ('died' / 'succumbed'; 'took' / 'grossed'):
    each set aligns as its first member."""
    negations: list[str]
    """A sentence with one of these and its restatement without: two different claims."""
    change_words: list[str]
    """Words that put two values of one thing in one account on purpose ('rose from 5 to 7',
    'last year', 'per share'): inside one article such sentences are not compared."""
    opposites: list[tuple[str, str]]
    """Words that say the opposite of each other in the same frame ('rise' / 'fall', 'include' /
    'exclude'), compared as lemmas with synonyms folded ('increased' / 'dropped')."""
    opposite_prefixes: list[str]
    """Prefixes that make a word's opposite ('suitable' / 'unsuitable', 'possible' / 'impossible')."""
    negatable_endings: list[str]
    """Endings of the words a prefix negates ('suitable', 'efficient', 'correct'): not 'sure'
    ('insure') or 'habit' ('inhabit')."""
    not_opposites: list[str]
    """Words with such a prefix that are not the opposite of the rest ('invaluable', 'inhabitable')."""
    ordinal_periods: list[str]
    """Lemmas that make an ordinal before them a time ('the third quarter', 'his second term'):
    a sentence scoped to one is about another time than one that is not."""
    contrast_sets: list[list[str]]
    """Words that name parallel parts of one story ('north' / 'south', "men's" / "women's",
    'state' / 'county', 'older' / 'younger'): two sentences built alike, each naming another
    member of one set, tell two parts, not one fact twice. A set holds no two words one outlet
    may write for what another calls by the other ('worldwide' / 'globally', 'town' / 'village')."""
    duration_anchors: list[str]
    """Words after a duration that count it from another time ('nine days before the
    inauguration', '35 years ago'): a duration so anchored is not one with another anchor, or
    none ('in about 30 days')."""
    relative_periods: list[str]
    """Periods named from the day of writing ('last year', 'next month'): two restatements that
    name different ones speak of different times."""


class GivenNameData(DataFile):
    """Given names by their usual gender, folded (``fold``), counted from Faker's locales by
    ``text/names.py``, which writes this file again when Faker changes."""

    male: list[str]
    female: list[str]
    either: list[str]
    """Names listed both ways too often to tell."""


Model = TypeVar("Model", bound=DataFile)


def load_data(name: str, model: type[Model]) -> Model:
    """Read and validate ``data/<name>.json``."""
    resource = resources.files("factdiff.text").joinpath("data", f"{name}.json")
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = " -> ".join(str(part) for part in first["loc"])
        raise FactdiffError(f"data/{name}.json: [{where}] {first['msg']}", code="E101") from None
    except (OSError, json.JSONDecodeError) as error:
        raise FactdiffError(f"data/{name}.json: {error}", code="E101") from None


@cache
def quantity_data() -> QuantityData:
    return load_data("quantity", QuantityData)


@cache
def place_data() -> PlaceData:
    return load_data("places", PlaceData)


@cache
def people_data() -> PeopleData:
    return load_data("people", PeopleData)


@cache
def organisation_data() -> OrganisationData:
    return load_data("organisations", OrganisationData)


@cache
def sentence_data() -> SentenceData:
    return load_data("sentences", SentenceData)


@cache
def date_data() -> DateData:
    return load_data("dates", DateData)


@cache
def acronym_data() -> AcronymData:
    return load_data("acronyms", AcronymData)


@cache
def alignment_data() -> AlignmentData:
    return load_data("alignment", AlignmentData)


@cache
def given_name_data() -> GivenNameData:
    return load_data("given_names", GivenNameData)


def phrase_pattern(phrases: list[str] | set[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One word-bounded alternation of phrases, longest first so 'more than' beats 'more'.

    It opens with a lookahead for the phrases' first letters: the regex engine then skips
    every other position at C speed (about 3x faster on news text than trying the
    alternation everywhere)."""
    return re.compile(phrase_regex(phrases, flags), flags)


def phrase_regex(phrases: list[str] | set[str], flags: int = re.IGNORECASE) -> str:
    """The source of ``phrase_pattern``, not compiled: for a pattern that holds the phrases in
    a larger one (compiling a large alternation costs a millisecond or more at every start)."""
    body = alternation(phrases, fold_case=bool(flags & re.IGNORECASE))
    firsts = {phrase[0] for phrase in phrases}
    if flags & re.IGNORECASE:
        firsts |= {letter.swapcase() for letter in firsts}
    anchor = "".join(sorted(re.escape(letter) for letter in firsts))
    return rf"(?=[{anchor}])(?<![\w-])(?:{body})(?!\w)"


def alternation(phrases: Iterable[str], fold_case: bool = True) -> str:
    """A regex alternation of phrases (a space matches any run of spaces) that prefers the
    longest phrase matching at a position, as 'more than|more' does, written as a trie
    ('a(?:t\\s+(?:least|most)|bout)'): the engine tries a position's first letter once,
    not once per phrase, which makes long word lists several times cheaper to scan with and
    to compile. ``fold_case`` for a pattern that ignores case: 'US' and 'us' are one branch."""
    trie: dict[str, dict] = {}
    for phrase in {phrase.lower() if fold_case else phrase for phrase in phrases}:
        node = trie
        for character in phrase:
            node = node.setdefault(r"\s+" if character == " " else re.escape(character), {})
        node[""] = {}
    return _alternatives(trie)[0]


def _alternatives(node: dict[str, dict]) -> tuple[str, int]:
    """A trie node as a regex, and how many tokens its longest phrase has left: longer
    continuations first, the phrase ending here last."""
    branches = []
    for token, child in node.items():
        if token:
            regex, depth = _alternatives(child)
            branches.append((-depth - 1, token, token + regex))
    if not branches:
        return "", 0
    branches.sort()
    longest = -branches[0][0]
    if len(branches) == 1 and "" not in node:
        return branches[0][2], longest
    return f"(?:{'|'.join(regex for _, _, regex in branches)})" + ("?" if "" in node else ""), longest


@cache
def place_index() -> dict[str, str]:
    """Every surface form of a place (name, demonym, capital) -> the country it names."""
    index: dict[str, str] = {}
    for country, forms in place_data().places.items():
        index[country] = country
        for form in forms:
            index[form] = country
    return index


@cache
def place_pattern() -> re.Pattern[str]:
    return phrase_pattern(set(place_index()), flags=0)


class StoryData(DataFile):
    """Words for telling stories apart (see benchmarks/stories.py --words for how they were counted)."""

    vocabulary: list[str]
    """Lower-case English words: a capitalised word that is one of these ('Council', 'United')
    is not a proper name by itself."""
    common: list[str]
    """Words too common in news writing to tell one story from another ('said', 'police')."""


@cache
def story_data() -> StoryData:
    return load_data("stories", StoryData)
