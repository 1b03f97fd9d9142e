"""Every claim of a derived text traced to its source: supported (the source says it, and
where), contradicted (the rules find a discrepancy between them) or unsupported (nothing in
the source gives it; the nearest source sentence is shown as context).

A derived text words things its own way, so support is looked for by value, not by wording:
a number is supported by a source number that implies it, in a sentence sharing a content
word, a date by the same date, a name by the same words whatever their case, a quotation by
the same words from the same speaker. What this calls unsupported, the source does not say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from factdiff.models import Check, Discrepancy, Span, Texts, Verdict
from factdiff.text.fold import fold
from factdiff.text.interval import Interval, all_overlap
from factdiff.text.lemmas import is_known, lemma
from factdiff.text.lexicon import people_data, place_index, quantity_data
from factdiff.text.names import is_given_name
from factdiff.text.opposites import MIN_FRAME, frame, negated, opposed, opposites_of
from factdiff.text.sentences import is_question, split_sentences
from factdiff.text.values import WORD, Token, Value, aligned_tokens, content_lemmas, values

KIND_OF_VALUE = {"number": "number", "age": "number", "ordinal": "number"}
"""What a typed value is checked as; the rest (years, months, days, weekdays) are dates."""
COUNTS = frozenset({"number", "age"})
SPELT_OTHERWISE = 85.0
"""rapidfuzz ratio from which an unknown word is taken as the source's name spelt otherwise."""
MIN_NAME_LETTERS = 3
MAX_INITIALS = 6
MAX_GAP = 2
"""Words a source may write between two words of a name ('President Barack Obama')."""
MIN_SHARED_LEMMAS = 1
"""A value is supported by a source sentence that states it and shares a content word with
the derived sentence: a year the source gives to another event does not support it."""
CODE = re.compile(r"\b(?=[\w-]*[0-9])(?=[\w-]*[^\W\d_])\w+(?:-\w+)*\b")
"""A word of letters and digits: 'Q4', 'COVID-19', 'F-16', 'G20'."""
JOINING_WORDS = frozenset({"of", "de", "la", "van", "von", "al", "bin", "for"})
"""Lower-case words a capitalised name may hold ('Bank of England'); 'and' and 'the' join two
names more often than they sit inside one ('Steve and Carly', 'the Chiefs and the Rams')."""
POSSESSIVE = re.compile(r"['’]s?$")
PLACEHOLDERS = frozenset({"unk", "lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})
"""What model-written and tokenised text puts for a word it lacks ('UNK') or a bracket
('-lrb-'): no name and no claim."""


class Sentence(NamedTuple):
    """A source sentence, as support is looked up in it."""

    doc: str
    start: int
    text: str
    lemmas: frozenset[str]
    words: str
    """Its words, lower case, accents folded, one space apart and around: for phrase look-up."""
    compact: str
    """Its letters and digits folded, nothing between: for codes ('COVID-19' / 'Covid 19')."""


def forms_of(word: str) -> tuple[str, ...]:
    """A folded word as written, in the plural, and in the singular."""
    return (word, word + "s", word[:-1]) if word.endswith("s") else (word, word + "s")


def phrase(text: str) -> str:
    """Words as looked up: lower case, accents and possessives folded, one space apart and around."""
    return " " + " ".join(_folded(word) for word in WORD.findall(text)) + " "


def fold_word(word: str) -> str:
    return fold(word) if not word.isascii() else word.lower()


class Locator:
    """Spans of documents with their line, column and sentence (each document split once)."""

    def __init__(self, texts: Texts, paths: Mapping[str, str]) -> None:
        self.texts = texts
        self.paths = paths
        self.sentences: dict[str, tuple[list[int], tuple[tuple[int, int], ...]]] = {}

    def span(self, document: str, start: int, end: int) -> Span:
        text = self.texts.text(document)
        if document not in self.sentences:
            spans = split_sentences(text)
            self.sentences[document] = ([first for first, _ in spans], spans)
        firsts, spans = self.sentences[document]
        at = bisect.bisect_right(firsts, start) - 1
        starts = self.texts.line_starts(document)
        line = bisect.bisect_right(starts, start)
        return Span(
            doc=document,
            path=self.paths[document],
            text=text[start:end],
            start=start,
            end=end,
            line=line,
            column=start - starts[line - 1] + 1,
            sentence=text[spans[at][0] : spans[at][1]] if at >= 0 else text[start:end],
        )


class Source:
    """What the source documents say, indexed for look-up: their sentences with the typed
    values and lemmas of each, their words, the names they write capitalised, their
    people, organisations and quotations."""

    def __init__(self, documents: Sequence[str], claims: Sequence[Any], locator: Locator) -> None:
        self.locator = locator
        self.documents = documents
        texts = locator.texts
        self.sentences: list[Sentence] = []
        self.values: list[tuple[Value, int]] = []
        self.words: set[str] = set()
        self.sentences_with: dict[str, list[int]] = {}
        self.sentences_with_lemma: dict[str, list[int]] = {}
        self.initials: dict[str, int] = {}
        """The initials of each run of up to MAX_INITIALS words (with and without joining
        words), and the first sentence holding it: 'year-over-year' spells 'yoy'."""
        lower_case: set[str] = set()
        capitalised: set[str] = set()
        for document in documents:
            text = texts.text(document)
            for start, end in split_sentences(text):
                sentence = text[start:end]
                index = len(self.sentences)
                lemmas = content_lemmas(sentence)
                self.sentences.append(Sentence(document, start, sentence, lemmas, phrase(sentence), fold(sentence)))
                for form in lemmas:
                    self.sentences_with_lemma.setdefault(form, []).append(index)
                self.values.extend((value, index) for value in values(sentence))
                written = WORD.findall(sentence)
                self._index_initials([word.lower() for word in written], index)
                for position, word in enumerate(written):
                    folded = _folded(word)
                    self.words.add(folded)
                    listed = self.sentences_with.setdefault(folded, [])
                    if not listed or listed[-1] != index:
                        listed.append(index)
                    if not word[0].isupper():
                        lower_case.add(folded)
                    elif position:
                        capitalised.add(folded)
        self.names = frozenset(capitalised - lower_case)
        """Words the source writes only capitalised, and not only first in a sentence: names."""
        self.people = [claim for claim in claims if claim.kind == "person"]
        self.organisations = {claim.key for claim in claims if claim.kind == "organisation"}
        self.quotes = [claim for claim in claims if claim.kind == "quote"]

    def span(self, document: str, start: int, end: int) -> Span:
        return self.locator.span(document, start, end)

    def sentence_span(self, index: int) -> Span:
        sentence = self.sentences[index]
        return self.span(sentence.doc, sentence.start, sentence.start + len(sentence.text))

    def nearest(self, lemmas: frozenset[str], among: Iterable[int] | None = None, by_words: bool = False) -> int | None:
        """The source sentence sharing most lemmas (or folded words) with these (the first of
        equals), None if none shares one."""
        best, shared = None, 0
        for index in range(len(self.sentences)) if among is None else among:
            held = set(self.sentences[index].words.split()) if by_words else self.sentences[index].lemmas
            count = len(lemmas & held)
            if count > shared:
                best, shared = index, count
        return best

    def _index_initials(self, words: list[str], index: int) -> None:
        for first in range(len(words)):
            spelt = kept = ""
            for word in words[first : first + MAX_INITIALS]:
                spelt += word[0]
                kept += "" if word in JOINING_WORDS else word[0]
                for initials in (spelt, kept):
                    if len(initials) >= 2:
                        self.initials.setdefault(initials, index)

    def knows(self, word: str) -> bool:
        """Whether the source writes this folded word, in any case, as it is or in the plural
        or singular ('CNN' / 'CNNs')."""
        return any(form in self.words for form in forms_of(word))

    def together(self, words: Sequence[str]) -> int | None:
        """The first source sentence writing these folded words in order (any form of each),
        at most MAX_GAP words between one and the next; None if none does."""
        if not words:
            return None
        for index in self.with_words(forms_of(words[0])):
            written = self.sentences[index].words.split()
            for first, word in enumerate(written):
                if word not in forms_of(words[0]):
                    continue
                position = first
                for wanted in words[1:]:
                    forms = forms_of(wanted)
                    following = written[position + 1 : position + 2 + MAX_GAP]
                    step = next((offset for offset, held in enumerate(following) if held in forms), None)
                    if step is None:
                        break
                    position += 1 + step
                else:
                    return index
        return None

    def with_words(self, words: Iterable[str]) -> list[int]:
        """The source sentences holding any of these folded words, in order."""
        return sorted({index for word in words for index in self.sentences_with.get(word, ())})

    def holding(self, words: str) -> list[int]:
        """The source sentences holding these words (a ``phrase``) together, in order."""
        return [index for index, sentence in enumerate(self.sentences) if words in sentence.words]


class Claimed(NamedTuple):
    """A claim of the derived text to check: its kind, span, sentence, and how to support it."""

    kind: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    found: tuple[Verdict, tuple[Span, ...], str]


def _same_value(value: Value, other: Value) -> bool:
    """Whether a source value supports a derived one: a count it implies (in the derived
    count's unit, if it names one: '30%' is not '30-day'), the same ordinal, year, month, day
    or weekday."""
    if value.kind in COUNTS:
        if other.kind == "day" and value.kind == "number":  # 'march 31', where 'march' is not read as a month
            return value.interval.low == value.interval.high == other.interval.low % 100
        if other.kind not in COUNTS:
            return False
        bare = value.slot in ("<number>", "<age>")
        return (bare or other.slot == value.slot) and _implies(other.interval, value.interval)
    if value.kind == "ordinal":
        return other.kind == "ordinal" and value.interval == other.interval
    if value.kind == "month" and other.kind == "day":
        return other.interval.low // 100 == value.interval.low
    return value.kind == other.kind and value.interval == other.interval


def _implies(source: Interval, derived: Interval) -> bool:
    """Whether a source count supports a derived one: a bounded count ('about 700', '700')
    supports any the derived can stand for; a floor ('at least 128') or a ceiling ('below
    $25 billion') only a looser bound of its side ('more than 100', 'under $30 billion') or its
    own number with the hedge dropped ('128'), never a number it merely allows ('700', '$0.14')."""
    if source.high is None:
        return derived.low <= source.low if derived.high is None else derived.low == derived.high == source.low
    if source.low == 0 < source.high:
        return (derived.low == 0 and derived.top >= source.high) or derived.low == derived.high == source.high
    return source.overlaps(derived)


def _value_checks(sentence: str, offset: int, source: Source) -> Iterator[Claimed]:
    """Each typed value of the derived sentence, supported by a source sentence that states a
    value supporting it and shares a content word with this one."""
    lemmas = content_lemmas(sentence)
    for value in values(sentence):
        if not sentence[: value.start].strip() and sentence[value.end : value.end + 1] in (")", "."):
            continue  # a list's number: '8) The document…'
        kind = KIND_OF_VALUE.get(value.kind, "date")
        written = sentence[value.start : value.end]
        stating = [index for other, index in source.values if _same_value(value, other)]
        best = source.nearest(lemmas, stating)
        counted = _count_of_list(sentence, value, source)
        if counted is not None:
            found = counted
        elif best is not None and len(lemmas & source.sentences[best].lemmas) >= MIN_SHARED_LEMMAS:
            found: tuple[Verdict, tuple[Span, ...], str] = (
                "supported",
                (source.sentence_span(best),),
                f"The source states {written!r} in a sentence about the same thing.",
            )
        else:
            found = _unsupported(source, lemmas, f"No {kind} in the source can be {written!r}.")
        yield Claimed(kind, offset + value.start, offset + value.end, sentence, offset, found)


def _opposite_checks(sentence: str, offset: int, source: Source) -> Iterator[Claimed]:
    """A word whose opposite a source sentence says in the same frame ('fell' where the source
    has 'rose', with 'quarterly sales' around both), unless the source also says the word
    itself in that frame (a second quarter's fall), or only one of the two is negated ('did not
    fall' is no opposite of 'rose'), or either asks a question."""
    if is_question(sentence):
        return
    tokens = aligned_tokens(sentence)
    said = negated(sentence)
    candidates = sorted(
        {
            index
            for token in tokens
            for form in opposites_of(token.form)
            for index in source.sentences_with_lemma.get(form, ())
        }
    )
    for index in candidates:
        other = source.sentences[index]
        if negated(other.text) != said or is_question(other.text):
            continue
        found = opposed(tokens, aligned_tokens(other.text))
        if found is None or _said_in_frame(source, tokens, found.first):
            continue
        word, opposite_word = (
            sentence[found.first.start : found.first.end],
            other.text[found.second.start : found.second.end],
        )
        around = ", ".join(sorted(found.shared))
        yield Claimed(
            "word",
            offset + found.first.start,
            offset + found.first.end,
            sentence,
            offset,
            (
                "contradicted",
                (source.span(other.doc, other.start + found.second.start, other.start + found.second.end),),
                f"The source says {opposite_word!r} where this says {word!r}, about the same thing ({around}).",
            ),
        )
        return


def _said_in_frame(source: Source, tokens: Sequence[Token], token: Token) -> bool:
    """Whether a source sentence says this word with MIN_FRAME of its frame words around it."""
    at = tokens.index(token)
    around = frame(tokens, at)
    for index in source.sentences_with_lemma.get(token.form, ()):
        held = aligned_tokens(source.sentences[index].text)
        for position, other in enumerate(held):
            if other.form == token.form and len(frame(held, position) & around) >= MIN_FRAME:
                return True
    return False


LISTED = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,3}?[^\W\d_]+\s*[,:(—–-]\s*"
    r"(?P<items>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
    r",?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
"""A count's noun, then the names it counts: 'Two friends, Steve and Carly'."""
LIST_ITEM = re.compile(r"(?m)^[ \t]*([0-9]{1,2})[.)][ \t]+\S")
"""A numbered list's item in the source: '4. Vertical File Storage'."""
SMALL_COUNT = 10


def _count_of_list(sentence: str, value: Value, source: Source) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """A small count the derived text makes itself: of the names it lists right after it, or of
    a numbered list the source gives ('four products' for the source's items 1 to 4)."""
    count = value.interval.low
    if value.kind != "number" or value.hedge or value.interval.high != count or not 2 <= count <= SMALL_COUNT:
        return None
    listed = LISTED.match(sentence, value.end)
    if listed and len(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed["items"])) == count:
        return "supported", (), f"The sentence itself lists {int(count)}: {listed['items']}."
    for document in source.documents:
        text = source.locator.texts.text(document)
        numbers = {int(match[1]) for match in LIST_ITEM.finditer(text)}
        if count in numbers and set(range(1, int(count) + 1)) <= numbers and count + 1 not in numbers:
            item = next(match for match in LIST_ITEM.finditer(text) if int(match[1]) == count)
            end = text.find("\n", item.start())
            return (
                "supported",
                (source.span(document, item.start(1), end if end != -1 else len(text)),),
                f"The source lists {int(count)} items.",
            )
    return None


def _unsupported(source: Source, lemmas: frozenset[str], why: str) -> tuple[Verdict, tuple[Span, ...], str]:
    nearest = source.nearest(lemmas)
    context = (source.sentence_span(nearest),) if nearest is not None else ()
    return "unsupported", context, why + (" Nearest source sentence shown for context." if context else "")


def _supported_by_words(source: Source, words: str, what: str) -> tuple[Verdict, tuple[Span, ...], str] | None:
    holding = source.holding(words)
    if not holding:
        return None
    return "supported", (source.sentence_span(holding[0]),), f"The source names {what}."


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(title) for title in people_data().titles)


def _without_titles(words: list[str]) -> list[str]:
    """A name's words without the titles before it ('captain richie benaud'): the title is a
    role, which the source may give elsewhere in the sentence."""
    while len(words) > 1 and words[0] in _titles():
        words = words[1:]
    return words


def _spelt_out(source: Source, acronym: str) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """An acronym whose words the source writes out ('UNSC', 'YoY': 'year-over-year')."""
    plural = acronym.endswith("s")  # 'CNNs': a lower-case s is no initial
    index = source.initials.get(_folded(acronym).removesuffix("s") if plural else _folded(acronym))
    if index is None:
        return None
    return "supported", (source.sentence_span(index),), f"The source writes out {acronym}."


def _supported_by_known(source: Source, name: str) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """A one-word name the source writes, in any case, singular or plural."""
    word = _folded(name)
    if not source.knows(word):
        return None
    holding = source.with_words(forms_of(word))
    return "supported", (source.sentence_span(holding[0]),), f"The source names {name}."


def _person(claim: Any, source: Source) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """A source person of the same surname whose given name, where both give one, agrees."""
    surname = fold(claim.surname)
    for person in source.people:
        if fold(person.surname) != surname:
            continue
        if claim.given and person.given and fold(claim.given) != fold(person.given):
            continue
        return "supported", (source.span(person.doc, person.start, person.end),), f"The source names {person.name}."
    return None


def _quote(claim: Any, source: Source) -> tuple[Verdict, tuple[Span, ...], str]:
    """The same words (a quotation may be cut) from the same speaker, where both name one."""
    words = f" {claim.words} "
    said = [quote for quote in source.quotes if words in f" {quote.words} "]
    speaker = _surname(claim.speaker)
    for quote in said:
        if speaker is None or _surname(quote.speaker) in (None, speaker):
            return "supported", (source.span(quote.doc, quote.start, quote.end),), "The source quotes these words."
    if said:
        other = said[0]
        return (
            "contradicted",
            (source.span(other.doc, other.start, other.end),),
            f"The source gives these words to {other.speaker}, not {claim.speaker}.",
        )
    holding = source.holding(phrase(claim.words))
    if holding and speaker is None:
        return "supported", (source.sentence_span(holding[0]),), "The source has these words."
    lemmas = content_lemmas(claim.words)
    return _unsupported(source, lemmas, "The source has no quotation of these words from this speaker.")


def _surname(speaker: str | None) -> str | None:
    return fold(speaker.split()[-1]) if speaker else None


def _typed_checks(claims: Sequence[Any], source: Source) -> Iterator[Claimed]:
    """People, organisations, acronyms and quotations as the extractors read them."""
    for claim in claims:
        if fold(claim.text) in PLACEHOLDERS:
            continue
        lemmas = content_lemmas(claim.sentence)
        if claim.kind == "person":
            found = (
                _person(claim, source)
                or _supported_by_words(source, phrase(claim.name), claim.name)
                or _unsupported(source, lemmas, f"The source never names {claim.name}.")
            )
            kind = "person"
        elif claim.kind == "organisation":
            found = (
                (("supported", (), f"The source names {claim.name}.") if claim.key in source.organisations else None)
                or _supported_by_words(source, phrase(claim.name), claim.name)
                or _unsupported(source, lemmas, f"The source never names {claim.name}.")
            )
            kind = "organisation"
        elif claim.kind == "acronym":
            found = (
                _supported_by_words(source, phrase(claim.acronym), claim.acronym)
                or _supported_by_known(source, claim.acronym)
                or _spelt_out(source, claim.acronym)
                or (claim.expansion and _supported_by_words(source, phrase(claim.expansion), claim.expansion))
                or _unsupported(source, lemmas, f"The source never names {claim.acronym}.")
            )
            kind = "organisation"
        elif claim.kind == "quote":
            found, kind = _quote(claim, source), "quote"
        else:
            continue
        yield Claimed(kind, claim.start, claim.end, claim.sentence, claim.sentence_start, found)


@cache
def _places_lower() -> dict[str, str]:
    return {form.lower(): country for form, country in place_index().items()}


@cache
def _forms_of_place(country: str) -> tuple[str, ...]:
    """Every way the place data writes a country: its name, demonyms, capital."""
    return tuple(sorted(form for form, place in _places_lower().items() if place == country))


def _name_checks(sentence: str, offset: int, source: Source, lower_case: bool) -> Iterator[Claimed]:
    """Names the extractors do not type: capitalised runs ('Hyde Park Corner'), or in lower-cased
    text, runs of words the source writes only capitalised or that no dictionary knows. A run
    is supported when one source sentence writes its words in order, a word or two apart at
    most ('President Obama' / 'President Barack Obama'), in any case: 'Cardinal Francis' is not
    supported by 'Cardinal Gerald Lacroix' and 'Pope Francis'."""
    lemmas = content_lemmas(sentence)
    for start, end, words in _name_runs(sentence, source, lower_case):
        written = sentence[start:end]
        country = _places_lower().get(written.lower())
        kind = "place" if country else "name"
        found = None
        named = _without_titles([word for word in words if word not in JOINING_WORDS])
        holding = source.together(named)
        if holding is not None:
            found = "supported", (source.sentence_span(holding),), f"The source names {written}."
        elif len(named) == 2 and is_given_name(named[0].capitalize()) and source.knows(named[1]):
            surname = source.with_words(forms_of(named[1]))[0]
            found = (
                "unsupported",
                (source.sentence_span(surname),),
                f"The source names {named[1]!r} but never as {written!r}: the given name is added.",
            )
        if found is None and len(words) == 1 and sum(letter.isupper() for letter in written) >= 2:
            found = _spelt_out(source, written)
        if found is None and country:
            holding = next((held for form in _forms_of_place(country) if (held := source.holding(phrase(form)))), [])
            if holding:
                found = "supported", (source.sentence_span(holding[0]),), f"The source names {country}."
        if found is None and lower_case:
            found = _spelt_otherwise(words, source)
        if found is None:
            found = _unsupported(source, lemmas, f"The source never names {written!r}.")
        yield Claimed(kind, offset + start, offset + end, sentence, offset, found)


def _code_checks(sentence: str, offset: int, source: Source) -> Iterator[Claimed]:
    """Codes of letters and digits ('Q4', 'COVID-19'): supported only as the source writes them."""
    lemmas = content_lemmas(sentence)
    typed = values(sentence)
    for match in CODE.finditer(sentence):
        if any(value.start < match.end() and match.start() < value.end for value in typed):
            continue  # read as a value: '72-year-old', '4th'
        code = match.group()
        written = [fold(code), *quarter_phrases(code)]
        named, _, number = code.rpartition("-")
        if len(named) >= MIN_NAME_LETTERS and named.isalpha() and number.isdigit():  # 'COVID-19': 'COVID'
            written.append(fold(named))
        holding = [
            index for index, held in enumerate(source.sentences) if any(form in held.compact for form in written)
        ]
        if holding:
            found: tuple[Verdict, tuple[Span, ...], str] = (
                "supported",
                (source.sentence_span(holding[0]),),
                f"The source writes {code}.",
            )
        else:
            found = _unsupported(source, lemmas, f"The source never writes {code!r}.")
        yield Claimed("name", offset + match.start(), offset + match.end(), sentence, offset, found)


QUARTER = re.compile(r"[Qq]([1-4])|([1-4])[Qq]")


def quarter_phrases(code: str) -> list[str]:
    """'Q3' and '3Q' are the third quarter, as the source may write it out."""
    match = QUARTER.fullmatch(code)
    if not match:
        return []
    number = int(match[1] or match[2])
    return [fold(f"{word} quarter") for word, value in quantity_data().ordinals.items() if value == number]


def _spelt_otherwise(words: Sequence[str], source: Source) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """A lower-cased name the source spells otherwise ('otunge' / 'Otuenge')."""
    for word in words:
        if word in source.words:
            continue
        close = max(source.names, key=lambda name: (fuzz.ratio(word, name), name), default=None)
        if close and len(word) > 4 and fuzz.ratio(word, close) >= SPELT_OTHERWISE:
            holding = source.holding(f" {close} ")
            return (
                "contradicted",
                (source.sentence_span(holding[0]),) if holding else (),
                f"The source spells this name {close!r}.",
            )
    return None


def _name_runs(sentence: str, source: Source, lower_case: bool) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, folded words) of each run of name words in the sentence: words next to
    each other, with nothing but spaces, hyphens or apostrophes between them."""
    run: list[re.Match[str]] = []
    words = list(WORD.finditer(sentence))
    named = [_name_word(word.group(), position, source, lower_case) for position, word in enumerate(words)]
    if lower_case:  # a given name before a name word is the person's: 'steve mcclaren'
        for position in range(len(words) - 1):
            between = sentence[words[position].end() : words[position + 1].start()]
            if named[position + 1] and between == " " and is_given_name(words[position].group().capitalize()):
                named[position] = True
    for position, word in enumerate([*words, None]):
        joined = word is not None and run and not sentence[run[-1].end() : word.start()].strip(" -'’")
        if word is not None and named[position]:
            if run and not joined:
                yield from _finished(run)
                run = []
            run.append(word)
            continue
        if joined and word.group() in JOINING_WORDS and not lower_case:
            run.append(word)
            continue
        yield from _finished(run)
        run = []


def _finished(run: list[re.Match[str]]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    while run and run[-1].group() in JOINING_WORDS:
        run = run[:-1]
    if run:
        yield run[0].start(), run[-1].end(), tuple(_folded(word.group()) for word in run)


def _folded(word: str) -> str:
    return fold_word(POSSESSIVE.sub("", word))


def _name_word(word: str, position: int, source: Source, lower_case: bool) -> bool:
    folded = _folded(word)
    if len(folded) < MIN_NAME_LETTERS or not folded.isalpha() or folded in PLACEHOLDERS or lemma(folded) is None:
        return False  # too short, a placeholder or a stop word ('The')
    if lower_case:
        return folded in source.names or (folded not in source.words and not is_known(folded))
    if not word[0].isupper():
        return False
    return position > 0 or not is_known(folded)


def trace(
    document: str,
    claims: Sequence[Any],
    source: Source,
    findings: Sequence[Discrepancy],
) -> list[Check]:
    """Every claim of one derived document, checked against the source: contradicted where a
    finding holds it, else supported or unsupported by look-up. Checks overlap no other: a
    claim the source does not support first, then a typed claim, a value, another name."""
    locator = source.locator
    text = locator.texts.text(document)
    lower_case = not any(map(str.isupper, text))
    found: list[Claimed] = list(_typed_checks(claims, source))
    for start, end in split_sentences(text):
        sentence = text[start:end]
        found.extend(_value_checks(sentence, start, source))
        found.extend(_name_checks(sentence, start, source, lower_case))
        found.extend(_opposite_checks(sentence, start, source))
    for start, end in split_sentences(text):
        found.extend(_code_checks(text[start:end], start, source))
    kept: list[Claimed] = []
    for claimed in sorted(found, key=lambda claimed: claimed.found[0] == "supported"):
        if not any(claimed.start < other.end and other.start < claimed.end for other in kept):
            kept.append(claimed)
    contradicting = _contradicting(document, findings, locator)
    checks = [_check(document, claimed, contradicting, locator) for claimed in kept]
    covered = [(check.claim.start, check.claim.end) for check in checks]
    for (start, end), (finding, evidence, explanation, kind) in contradicting.items():
        if not any(start < right and left < end for left, right in covered):
            claimed = Claimed(kind, start, end, "", 0, ("contradicted", evidence, explanation))
            checks.append(_check(document, claimed, {(start, end): (finding, evidence, explanation, kind)}, locator))
    return sorted(checks, key=lambda check: (check.claim.start, check.claim.end))


def _contradicting(
    document: str, findings: Sequence[Discrepancy], locator: Locator
) -> dict[tuple[int, int], tuple[str, tuple[Span, ...], str, str]]:
    """The derived document's spans that findings hold, with the finding, the source's side and why."""
    held: dict[tuple[int, int], tuple[str, tuple[Span, ...], str, str]] = {}
    for finding in findings:
        if _can_both_hold(finding):
            continue
        own = [claim for variant in finding.variants for claim in variant.claims if claim.doc == document]
        others = tuple(
            locator.span(claim.doc, claim.start, claim.end)
            for variant in finding.variants
            for claim in variant.claims
            if claim.doc != document
        )
        for claim in own:
            held.setdefault((claim.start, claim.end), (finding.id, others, finding.explanation, claim.kind))
    return held


def _can_both_hold(finding: Discrepancy) -> bool:
    """Two bounds of one count ('at least two' / 'at least three'): a possible update the rules
    report, not a contradiction; the look-up decides whether the source implies the claim."""
    read = [values(variant.value) for variant in finding.variants]
    return all(len(found) == 1 for found in read) and all_overlap(found[0].interval for found in read)


def _check(
    document: str,
    claimed: Claimed,
    contradicting: Mapping[tuple[int, int], tuple[str, tuple[Span, ...], str, str]],
    locator: Locator,
) -> Check:
    verdict, evidence, explanation = claimed.found
    finding = None
    for (start, end), (found_by, others, why, _kind) in contradicting.items():
        if start < claimed.end and claimed.start < end:
            verdict, evidence, explanation, finding = "contradicted", others, why, found_by
            break
    return Check(
        id=f"{document}:{claimed.kind}:{claimed.start}-{claimed.end}",
        kind=claimed.kind,
        claim=locator.span(document, claimed.start, claimed.end),
        verdict=verdict,
        evidence=evidence,
        finding=finding,
        explanation=explanation,
    )
