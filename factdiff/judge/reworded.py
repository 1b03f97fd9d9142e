"""FD402 reworded-value: one fact restated in other words, with another number, year or date.

"The film took $35.6 million in North America" and "The film grossed over $36 million in
North America" share no half-sentence, so FD401 never meets them; they share their rare
words. The grouping stage pairs statements (sentences with a typed value) that share most
of their rare words (``group.similar``); here both are read as lemmas, each value standing
as a slot of its kind (``text/values.py``), synonyms folded ('took' / 'grossed', 'died' /
'succumbed'). A value is compared with the value of its kind whose frame (the words of its
clause, within ``FRAME`` places) is the same as its own, with the interval semantics of
FD101 ('over 36 million' cannot be 35.6 million; 'about 50' can be 52).

What keeps this from comparing two facts that only look alike:
- most of their content words must align in order (``SHARED_WORDS`` of the shorter's,
  ``LONGER_SHARE`` of the longer's, at least ``MIN_ALIGNED``), and a negation in one and not
  the other makes two claims;
- a value that the other side also states, in a sentence alike, is not contradicted (a
  summary's sentence may join two of the article's, each with its own figures);
- the sentences must not name different people or places, nor different times named from
  the day of writing ('last year' / 'next year'), nor different parts of one story from a
  contrast set ('in the north' / 'in the south', "the men's race" / "the women's");
- two values whose frames each name an event of a count, and not the same one, count two
  sets ('killed 12' / 'injured 15', 'destroyed 45 homes' / 'damaged 60 homes');
- a transcript's speaker label ('Project Manager:') does not count among the words they share;
- two values that differ together (a year and a count, two dates) describe two events or
  two times, not one fact told twice, as do a year or date that each sentence states and
  the other does not align ('In 2012 it earned $5m' / 'It earned $7m in 2013'), times of any
  kind that each states and the other lacks ('in September' / 'on Sunday'), and a period that
  only one of them is scoped to ('grew 1.9% in the third quarter' / 'grew 20.9%');
- a number that is a label ('season 2'), a score ('20 points'), a part ('two of the'), or
  another set ('another 12') is not a count of the fact, and a rate of another period ('$185
  a month' / '$2,220 a year') counts something else;
- inside one article, a sentence that reports a change or a comparison ('rose', 'from',
  'last year', 'per share') gives two values of one thing on purpose: such pairs are left,
  and only a single differing value is reported.
Two floors or two ceilings of one count ('at least two' / 'at least three') can both hold:
they are reported as low, a possible update. Two restatements whose values all agree but
where one word is turned into its opposite ('rose' / 'fell', ``text/opposites.py``) are
reported as FD403. This rule reports only what the other rules did not already report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from factdiff.judge import Code, Examples, Rule, discrepancy
from factdiff.judge.sentences import headline, narrowed
from factdiff.models import Discrepancy, StatementClaim
from factdiff.text.interval import Interval
from factdiff.text.lemmas import is_known, lemma
from factdiff.text.lexicon import alignment_data, phrase_pattern, quantity_data
from factdiff.text.opposites import Opposed, negated, opposed
from factdiff.text.sentences import is_question, speaker_label_end
from factdiff.text.values import Token, Value, aligned_tokens, content_counts, rate_period, values

MIN_ALIGNED = 3
"""Content words two restatements must share, at the least."""
SHARED_WORDS = 0.6
"""Share of the shorter sentence's content words that must align, in order."""
LONGER_SHARE = 0.35
"""Share of the longer sentence's: a short sentence is not a restatement of every long one that contains its words."""
FRAME = 3
"""Places on each side of a value that make its frame (its clause, near enough)."""
MIN_FRAME = 3
"""Words two values' frames must share to be one fact's."""
TIMES = frozenset({"year", "month", "day", "weekday"})
DATING = frozenset({"year", "day"})
SUBJECT_CHARS = 70
SEVERE_GAP = 0.2
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|n't")

KIND_OF_VALUE = {"number": "quantity", "age": "quantity", "ordinal": "quantity"}
"""The finding's kind by the value's: times are dates."""
PHRASES = {
    "number": "a number",
    "age": "an age",
    "ordinal": "an ordinal",
    "year": "a year",
    "month": "a month",
    "day": "a date",
    "weekday": "a day of the week",
}


class Aligned(NamedTuple):
    """Two values in the same place of two restatements."""

    first: Value
    second: Value
    anchor: str
    """The content word aligned next to them (what they count or date)."""


def block_keys(claim: StatementClaim) -> Iterable[str]:
    return claim.words


@cache
def _words(name: str) -> frozenset[str]:
    data = alignment_data()
    return frozenset(getattr(data, name))


@cache
def _not_counts() -> tuple[frozenset[str], frozenset[str]]:
    """Words next to a number that make it a label or another set; words after it that make it a score."""
    data = quantity_data()
    return frozenset({*data.label_words, *data.different_set_cues["before"]}), frozenset(data.score_nouns)


def _lower_words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def _not_a_count(sentence: str, value: Value) -> bool:
    """A label ('season 2'), another set ('another 12', 'five other powers'), a score ('20
    points') or a part ('two of the victims')."""
    if value.kind != "number":
        return False
    before, scores = _not_counts()
    previous = _lower_words(sentence[max(0, value.start - 40) : value.start])[-1:]
    following = _lower_words(sentence[value.end : value.end + 40])[:2]
    return bool(
        (previous and previous[0] in before)
        or (following and following[0] in before)
        or (following and following[0] == "of")
        or any(word in scores for word in following)
        or " ".join(following) in scores
    )


def _frame(tokens: Sequence[Token], index: int) -> tuple[list[str], list[str]]:
    """The content words within FRAME places before and after a value, nearest first (other
    values are skipped over, not counted)."""
    before = [t.form for t in reversed(tokens[max(0, index - FRAME) : index]) if t.value is None]
    after = [t.form for t in tokens[index + 1 : index + 1 + FRAME] if t.value is None]
    return before, after


def _frames_meet(first: tuple[list[str], list[str]], second: tuple[list[str], list[str]]) -> int:
    """How many words two values' frames share, 0 unless a word right next to the value is
    the same: what it counts ('chance', 'dividend … share') or what was done. That word may
    stand on the same side of both values or on opposite sides ('magnitude 6.1' / '5.8-magnitude',
    'a fine of $5 million' / 'a $7 million fine'); then the frames' words are compared whatever
    their side."""
    (before_a, after_a), (before_b, after_b) = first, second
    if (before_a[:1] == before_b[:1] != []) or (after_a[:1] == after_b[:1] != []):
        return len(set(before_a) & set(before_b)) + len(set(after_a) & set(after_b))
    if (before_a[:1] == after_b[:1] != []) or (after_a[:1] == before_b[:1] != []):
        return len({*before_a, *after_a} & {*before_b, *after_b})  # 'magnitude 6.1' / '5.8-magnitude'
    return 0


@cache
def _event_of() -> tuple[dict[tuple[str, ...], str], int]:
    """Each form of a count's event as the lemmas it aligns as ('killed': ('kill',), 'lost their
    lives': ('lose', 'live')) -> the event it names, and the longest form's length; a phrase
    whose other words are stop words ('lay off') is left out, its one lemma being too common a word."""
    table: dict[tuple[str, ...], str] = {}
    for event, words in quantity_data().events.items():
        for word in words:
            parts = word.split()
            forms = tuple(form for form in map(lemma, parts) if form)
            if forms and (len(parts) == 1 or len(forms) > 1):
                table.setdefault(forms, event)
    return table, max(map(len, table))


def _events(frame: tuple[list[str], list[str]]) -> frozenset[str]:
    """The events of a count a value's frame names, a word or a phrase."""
    before, after = frame
    words = [*reversed(before), *after]
    table, longest = _event_of()
    return frozenset(
        table[phrase]
        for start in range(len(words))
        for size in range(1, longest + 1)
        if (phrase := tuple(words[start : start + size])) in table
    )


def _other_events(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two values' frames that name no event of a count in common, one of them at least naming
    one: 'killed 12' and 'injured 15' count two sets, as do 'killed 12' and 'was felt by 2
    million' or 'destroyed 45 homes' and 'threatened 2,000 houses', however alike the rest."""
    return bool(first or second) and not first & second


def _too_few(shared: int, words_first: int, words_second: int) -> bool:
    """Whether that many aligned content words are too few for two sentences of so many
    content words to be one statement."""
    return (
        shared < MIN_ALIGNED
        or shared < SHARED_WORDS * min(words_first, words_second)
        or shared < LONGER_SHARE * max(words_first, words_second)
    )


def aligned_values(first: Sequence[Token], second: Sequence[Token]) -> tuple[list[Aligned], int] | None:
    """The values that stand in the same frame in both sentences, and how many content words
    align in order, or None when too few align for the two to be one statement.

    A value pairs with the value of its kind whose frame (the words within FRAME places on
    each side, the clause it stands in) shares most words with its own, at least MIN_FRAME,
    one of them next to it; a value whose best frame is shared by two values of the other
    sentence ('between $9.95 and $10.25') pairs with neither."""
    counts = sum(t.value is None for t in first), sum(t.value is None for t in second)
    forms_first, forms_second = [t.form for t in first], [t.form for t in second]
    matcher = SequenceMatcher(None, forms_first, forms_second, autojunk=False)
    shared = sum(
        1 for a, _, size in matcher.get_matching_blocks() for form in forms_first[a : a + size] if form[0] != "<"
    )
    if _too_few(shared, *counts):
        return None
    frames_second = {j: _frame(second, j) for j, t in enumerate(second) if t.value is not None}
    events_second = {j: _events(frame) for j, frame in frames_second.items()}
    pairs = []
    for i, token in enumerate(first):
        if token.value is None:
            continue
        frame = _frame(first, i)
        events = _events(frame)
        scored = sorted(
            (
                (_frames_meet(frame, other_frame), j)
                for j, other_frame in frames_second.items()
                if second[j].form == token.form and not _other_events(events, events_second[j])
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < MIN_FRAME or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        j = scored[0][1]
        before, after = frame
        other = second[j].value
        other_before, other_after = frames_second[j]
        anchor = after[0] if after and after[:1] in (other_after[:1], other_before[:1]) else before[0]
        if other is not None:
            pairs.append(Aligned(token.value, other, anchor))
    return pairs, shared


def _label_words(sentence: str) -> int:
    """Content words in a transcript's speaker label ('Project Manager:'): they name who speaks,
    so two turns of one speaker share them whatever they say."""
    label = speaker_label_end(sentence)
    return sum(token.start < label for token in aligned_tokens(sentence)) if label else 0


def _period_scoped(tokens: Sequence[Token]) -> bool:
    """Whether the sentence states an ordinal period ('the third quarter', 'his second term')."""
    periods = _words("ordinal_periods")
    return any(
        token.value is not None and token.value.kind == "ordinal" and following.form in periods
        for token, following in pairwise(tokens)
    )


def _same_values(first: Sequence[Token], second: Sequence[Token]) -> bool:
    """Whether two sentences give the same values, each as often (a day of the week one of them
    adds, 'said on Monday', dates the report more often than the fact)."""

    def given(tokens: Sequence[Token]) -> Counter[tuple[str, Interval]]:
        return Counter((t.value.slot, t.value.interval) for t in tokens if t.value and t.value.kind != "weekday")

    return given(first) == given(second)


def _other_periods(first: str, one: Value, second: str, other: Value) -> bool:
    """Two rates of different periods ('$185 a month' / '$2,220 a year'); a rate and a number
    with no period of its own ('$185 a month' / '$200') are still one count."""
    periods = {rate_period(first, one), rate_period(second, other)}
    return None not in periods and len(periods) == 2


def _unaligned_times(tokens: Sequence[Token], aligned: Sequence[Value]) -> bool:
    """A year or a date the sentence gives that is not aligned: it scopes the sentence to a time the other does not state."""
    return any(t.value is not None and t.value.kind in DATING and t.value not in aligned for t in tokens)


def _own_times(tokens: Sequence[Token], aligned: Sequence[Value], other: Sequence[Token]) -> set[tuple[str, Interval]]:
    """The times of any kind the sentence gives, not aligned, that the other gives nowhere."""
    given = {(t.value.kind, t.value.interval) for t in other if t.value is not None}
    return {
        (t.value.kind, t.value.interval)
        for t in tokens
        if t.value is not None and t.value.kind in TIMES and t.value not in aligned
    } - given


@lru_cache(maxsize=8192)
def _names(sentence: str, first_too: bool = False) -> frozenset[str]:
    """Capitalised words: who and where the sentence is about. The first word counts when no
    dictionary knows it ('Mireille', not 'Doctors'), or always with ``first_too`` (cached: a
    sentence is compared with each of several alike)."""
    words = WORD.findall(sentence)
    names = {word.lower() for word in words[1:] if word[0].isupper()}
    if words and words[0][0].isupper() and (first_too or not is_known(words[0])):
        names.add(words[0].lower())
    return frozenset(names - _words("stop_words"))


def _about_others(first: str, second: str) -> bool:
    """Whether two sentences name different people or places: each names someone, and neither
    names anyone the other does, first word included ('Cassandra was diagnosed…' / 'Doctors
    said Cassandra…')."""
    names_first, names_second = _names(first), _names(second)
    return bool(
        names_first
        and names_second
        and not names_first & _names(second, first_too=True)
        and not names_second & _names(first, first_too=True)
    )


@cache
def _contrast_sets() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(words) for words in alignment_data().contrast_sets)


CONTRAST_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=8192)
def _contrast_words(sentence: str) -> frozenset[str]:
    """The sentence's words in lower case, hyphenated ones whole ('after-hours'; cached: a
    sentence is compared with each of several alike)."""
    return frozenset(word.lower().replace("’", "'") for word in CONTRAST_WORD.findall(sentence))


def _other_parts(first: str, second: str) -> bool:
    """Parallel sentences about two parts of one story ('killed 12 people in the north' /
    'killed 40 people in the south', "in the men's race" / "in the women's", 'early trading'
    / 'after-hours trading'): each names a member of one contrast set, none the same."""
    words_first, words_second = _contrast_words(first), _contrast_words(second)
    return any(
        (named_first := words_first & contrast)
        and (named_second := words_second & contrast)
        and not named_first & named_second
        for contrast in _contrast_sets()
    )


@cache
def _relative_periods() -> re.Pattern[str]:
    return phrase_pattern(alignment_data().relative_periods)


@lru_cache(maxsize=8192)
def _periods_named(sentence: str) -> frozenset[str]:
    """The periods the sentence names from its day of writing ('last year', 'next month'; 'the
    coming week' is the next; cached: a sentence is compared with each of several alike)."""
    return frozenset(
        " ".join(match.group().lower().replace("coming", "next").split())
        for match in _relative_periods().finditer(sentence)
    )


def _other_periods_named(first: str, second: str) -> bool:
    """Each names periods from its day of writing, none the same: another time ('last year' /
    'next year'). One that names none may only leave it out, as a summary does."""
    named_first, named_second = _periods_named(first), _periods_named(second)
    return bool(named_first and named_second) and not named_first & named_second


@cache
def _anchored_duration() -> re.Pattern[str]:
    units = "|".join(re.escape(unit) for unit in alignment_data().ordinal_periods)
    anchors = "|".join(re.escape(anchor) for anchor in alignment_data().duration_anchors)
    return re.compile(rf"[^\S\n]+(?:{units})s?[^\S\n]+(?P<anchor>{anchors})\b", re.IGNORECASE)


def _duration_anchor(sentence: str, value: Value) -> str | None:
    """What a duration counts from, where a word after it says ('nine days before …': 'before')."""
    found = _anchored_duration().match(sentence, value.end)
    return found["anchor"].lower() if found else None


@cache
def _relative_days() -> re.Pattern[str]:
    return phrase_pattern(quantity_data().time_anchors["relative_days"])


def _relative_day(sentence: str) -> bool:
    """'today', 'the day before': each report's own day, not the event's."""
    return _relative_days().search(sentence) is not None


def differs(first: Value, second: Value) -> str | None:
    """'conflict' when the two cannot both hold, 'bounds' for two floors or two ceilings of
    one count, None when they agree."""
    if not first.interval.overlaps(second.interval):
        return "conflict"
    floors = first.interval.high is None and second.interval.high is None
    ceilings = first.hedge and second.hedge and first.interval.low == second.interval.low == 0
    if (floors or ceilings) and first.interval != second.interval and first.kind == "number":
        return "bounds"
    return None


class Difference(NamedTuple):
    """Two aligned values that differ (or, where every value agrees, a word turned into its
    opposite), and how well their sentences align."""

    aligned: Aligned | Opposed
    verdict: str
    aligned_words: int
    shorter: int


def judge(block: Sequence[StatementClaim]) -> Iterable[Discrepancy]:
    """The block's first claim against each of the others (the claims most alike to it, and
    those most alike to them): a value that the other side states in one of them is not
    contradicted there, only said in another sentence."""
    claim, *alike = block
    stated = {other.doc: set[tuple[str, Interval]]() for other in block}
    for other in block:
        stated[other.doc].update((value.slot, value.interval) for value in values(other.sentence))
    for other in alike:
        for difference in compared(claim, other):
            if isinstance(difference.aligned, Opposed):
                if claim.doc == other.doc or not _says_word_too(block, other.doc, difference.aligned.first.form):
                    yield _opposite_finding(claim, other, difference)
                continue
            one, two = difference.aligned.first, difference.aligned.second
            said_elsewhere = (one.slot, one.interval) in stated[other.doc] or (two.slot, two.interval) in stated[
                claim.doc
            ]
            if claim.doc == other.doc or not said_elsewhere:
                yield _finding(claim, other, difference)


def _says_word_too(block: Sequence[StatementClaim], doc: str, form: str) -> bool:
    """Whether another sentence of that document, alike to these, says the word itself: one
    account may give both directions (a first quarter's rise, a second's fall)."""
    return any(claim.doc == doc and form in claim.words for claim in block)


def _not_one_statement(first: str, second: str) -> bool:
    """Sentences that cannot restate each other, however many words they share."""
    return (
        any(headline(sentence) or is_question(sentence) for sentence in (first, second))  # a desk's words; a question
        or negated(first) != negated(second)
        or _about_others(first, second)  # different people or places
        or _other_periods_named(first, second)  # another time ('last year' / 'next year')
        or _other_parts(first, second)  # 'in the north' / 'in the south'
    )


def compared(first: StatementClaim, second: StatementClaim) -> Iterable[Difference]:
    """The values two restatements give differently."""
    if _not_one_statement(first.sentence, second.sentence):
        return
    words_first, words_second = content_counts(first.sentence), content_counts(second.sentence)
    if _too_few(sum((words_first & words_second).values()), words_first.total(), words_second.total()):
        return  # even every shared word aligned would be too few: no alignment needed
    tokens_first, tokens_second = aligned_tokens(first.sentence), aligned_tokens(second.sentence)
    found = aligned_values(tokens_first, tokens_second)
    if found is None:
        return
    pairs, aligned_words = found
    if aligned_words - max(_label_words(first.sentence), _label_words(second.sentence)) < MIN_ALIGNED:
        return  # a transcript's speaker label is most of what they share ('Project Manager: … Euros')
    if _period_scoped(tokens_first) != _period_scoped(tokens_second):
        return  # one is scoped to a period ('in the third quarter'), the other to none
    same_document = first.doc == second.doc
    differing = [
        (pair_, verdict)
        for pair_ in pairs
        if (verdict := differs(pair_.first, pair_.second))
        and not (verdict == "bounds" and same_document)
        and not _not_a_count(first.sentence, pair_.first)
        and not _not_a_count(second.sentence, pair_.second)
        and not _other_periods(first.sentence, pair_.first, second.sentence, pair_.second)
        and _duration_anchor(first.sentence, pair_.first) == _duration_anchor(second.sentence, pair_.second)
        and not (pair_.first.kind in TIMES and (_relative_day(first.sentence) or _relative_day(second.sentence)))
    ]
    if len({pair_.first.kind for pair_, _ in differing}) > 1:
        return  # a time and a count differ together: two events
    aligned_first, aligned_second = [p.first for p in pairs], [p.second for p in pairs]
    if _unaligned_times(tokens_first, aligned_first) or _unaligned_times(tokens_second, aligned_second):
        return  # one is dated where the other is not: another time
    if _own_times(tokens_first, aligned_first, tokens_second) and _own_times(
        tokens_second, aligned_second, tokens_first
    ):
        return  # each is placed in a time the other does not give ('in September' / 'on Sunday')
    if same_document:
        changes = _words("change_words")
        if len(differing) > 1 or any(
            word in changes for sentence in (first.sentence, second.sentence) for word in _lower_words(sentence)
        ):
            return
    shorter = min(sum(t.value is None for t in tokens_first), sum(t.value is None for t in tokens_second))
    if not differing and _same_values(tokens_first, tokens_second):
        turned = opposed(tokens_first, tokens_second)
        if turned is not None:
            yield Difference(turned, "opposite", aligned_words, shorter)
    for aligned, verdict in differing:
        yield Difference(aligned, verdict, aligned_words, shorter)


def _finding(first: StatementClaim, second: StatementClaim, difference: Difference) -> Discrepancy:
    aligned, verdict = difference.aligned, difference.verdict
    one, other = aligned.first, aligned.second
    shown_first = first.sentence[one.start : one.end]
    shown_second = second.sentence[other.start : other.end]
    context = " ".join(first.sentence.split())
    subject = context if len(context) <= SUBJECT_CHARS else context[: SUBJECT_CHARS - 1] + "…"
    kind = KIND_OF_VALUE.get(one.kind, "date")
    if verdict == "bounds":
        severity = "low"
    elif one.kind in TIMES or one.interval.gap(other.interval) >= SEVERE_GAP:
        severity = "medium"
    else:
        severity = "low"
    where = "one article" if first.doc == second.doc else "two articles"
    explanation = (
        f"Two sentences in {where} say the same thing in other words (they share {difference.aligned_words} of the "
        f"shorter's {difference.shorter} content words, and “{aligned.anchor}” stands beside the value in both) with {PHRASES[one.kind]} changed: “{shown_first}” in one, "
        f"“{shown_second}” in the other."
    )
    if verdict == "bounds":
        explanation += " Both are bounds, so both can hold: the later may be an update of the earlier."
    return discrepancy(
        RULE,
        subject=f"“{subject}”",
        key=f"reworded:{one.slot}:{aligned.anchor}:{first.doc}:{second.doc}",
        variants=[
            (shown_first, [narrowed(first, (one.start, one.end))]),
            (shown_second, [narrowed(second, (other.start, other.end))]),
        ],
        severity=severity,
        confidence=0.6 if verdict == "bounds" else 0.75,
        kind=kind,
        explanation=explanation,
    )


def _opposite_finding(first: StatementClaim, second: StatementClaim, difference: Difference) -> Discrepancy:
    turned = difference.aligned
    assert isinstance(turned, Opposed)
    word = first.sentence[turned.first.start : turned.first.end]
    opposite_word = second.sentence[turned.second.start : turned.second.end]
    context = " ".join(first.sentence.split())
    subject = context if len(context) <= SUBJECT_CHARS else context[: SUBJECT_CHARS - 1] + "…"
    where = "one article" if first.doc == second.doc else "two articles"
    around = ", ".join(f"“{form}”" for form in sorted(turned.shared))
    return discrepancy(
        OPPOSITE,
        subject=f"“{subject}”",
        key=f"opposite:{turned.first.form}:{turned.second.form}:{first.doc}:{second.doc}",
        variants=[
            (word, [narrowed(first, (turned.first.start, turned.first.end))]),
            (opposite_word, [narrowed(second, (turned.second.start, turned.second.end))]),
        ],
        severity="medium",
        confidence=0.7,
        explanation=(
            f"Two sentences in {where} say the same thing in other words (they share {difference.aligned_words} of "
            f"the shorter's {difference.shorter} content words, and every number in them agrees), but one says "
            f"“{word}” where the other says its opposite, “{opposite_word}”, with {around} around both."
        ),
    )


OPPOSITE = Code(
    code="FD403",
    name="opposite-word",
    kind="edit",
    summary="One fact restated in other words with the same numbers, but one word turned into its opposite.",
    why="'Sales rose 5%' and 'sales fell 5%' agree on every number and still contradict each other.",
    examples=Examples(
        catch=(
            (
                "Quarterly sales of the drug in Europe rose 5% to $7 million, the company said on Monday.",
                "The company said quarterly sales of the drug in Europe fell 5% to $7 million.",
            ),
            (
                "Inspectors found the dam at Kariba suitable for 40 more years of service, the report said.",
                "The report found the dam at Kariba unsuitable for 40 more years of service.",
            ),
            (  # a floor and a count of the same number: the values agree as they stand
                "The strike by more than 20 pilots and 20 engineers at the Lagos airport was legal, a court ruled.",
                "A court ruled the strike by more than 20 pilots and 20 engineers at the Lagos airport was illegal.",
            ),
        ),
        miss=(
            (  # a synonym, not an opposite
                "Quarterly sales of the drug in Europe rose 5% to $7 million, the company said on Monday.",
                "The company said quarterly sales of the drug in Europe increased 5% to $7 million.",
            ),
            (  # negated: 'did not fall' is no opposite of 'rose'
                "Quarterly sales of the drug in Europe rose 5% to $7 million, the company said on Monday.",
                "The company said quarterly sales of the drug in Europe did not fall 5% to $7 million.",
            ),
            (  # the other article gives both directions
                "Quarterly sales of the drug in Europe rose 5% to $7 million, the company said on Monday.",
                "Quarterly sales of the drug in Europe rose 5% to $7 million in the first half. "
                "Quarterly sales of the drug in Europe fell 5% to $7 million in the second half.",
            ),
            (  # 'defeated Algot' is the victory: a verb with its object, not the noun 'defeat'
                "Marta Quiroga scored 23 points Friday in helping the Cadets to a 77-71 victory over Algot in the quarterfinals.",
                "Marta Quiroga scored 23 points and the top-seeded Cadets defeated Algot 77-71 on Friday in the quarterfinals.",
            ),
        ),
    ),
)
"""Reported by FD402's judge when the restatements agree on every value and differ by an opposite."""


RULE = Rule(
    code="FD402",
    name="reworded-value",
    kind="edit",
    reads=("statement",),
    summary="One fact restated in other words, with a different number, age, year or date.",
    why="Coverage rewords what it copies; the value is where the restatement can go wrong, and the aligned words show it is the same fact.",
    keys=block_keys,
    similar=True,
    judge=judge,
    fallback=True,
    emits=(OPPOSITE,),
    examples=Examples(
        catch=(
            (
                "The film took $35.6 million in North America over its opening weekend.",
                "The film grossed over $36 million in North America in its opening weekend.",
            ),
            (
                "The actor died of lung cancer at his home in Malibu in 2013, his agent said.",
                "The actor succumbed to lung cancer at his home in Malibu in 1993.",
            ),
            (
                "Police are investigating the death 35 years ago of an American tourist on the island.",
                "Police reopened the inquiry into the death 36 years ago of an American tourist on the island.",
            ),
            (
                "The 27-year-old bartender was found dead in his flat in Leeds on Tuesday.",
                "The 29-year-old bartender was found dead at his flat in Leeds on Tuesday.",
            ),
            (
                "Surgeons gave the climber an 85% chance of survival after the fall.\n\n"
                "The rescue took six hours. Surgeons gave the climber a 50% chance of survival after the fall.",
            ),
            (
                "The storm hit the coast, killing at least two people in the fishing village of Brixham.",
                "The storm killed at least three people in the fishing village of Brixham.",
            ),
            (  # one article; the name that opens one sentence is the other's
                "Mireille was diagnosed with leukaemia in May and doctors gave her an 85% chance of survival "
                "if treated with chemotherapy.\n\nHer mother said the family would appeal.\n\n"
                "Doctors have said Mireille has a 50% chance of survival if she is treated with chemotherapy.",
            ),
            (
                "The fire destroyed 45 homes in the village of Alvor, the mayor said.",
                "The blaze razed 60 houses in the village of Alvor.",
            ),
            (
                "The company will cut 2,000 jobs by the end of the year.",
                "The firm plans to eliminate 3,500 positions by the end of the year.",
            ),
            (  # an event in other words: 'took … hostage' is 'kidnapped'
                "Gunmen kidnapped 12 tourists near the border town of Nogales on Sunday.",
                "Gunmen took 15 tourists hostage near the border town of Nogales on Sunday.",
            ),
            (  # 'the coming week' is the next
                "The company will cut 2,000 jobs at its plants in Ohio next week.",
                "The company will cut 3,000 jobs at its plants in Ohio in the coming week.",
            ),
            (  # what a value measures may stand on its other side
                "A magnitude 6.1 earthquake struck the Indonesian island of Sulawesi on Tuesday, officials said.",
                "A 5.8-magnitude earthquake struck the Indonesian island of Sulawesi on Tuesday.",
            ),
            (
                "The court imposed a fine of $5 million on the bank for failing to report the transfers.",
                "The court imposed a $7 million fine on the bank for failing to report the transfers.",
            ),
        ),
        miss=(
            (
                "The storm killed 12 people in the fishing village of Brixham on Sunday.",
                "The storm injured 15 people in the fishing village of Brixham on Sunday.",
            ),
            (
                "The fire destroyed 45 homes in the village of Alvor, the mayor said.",
                "The fire damaged 60 homes in the village of Alvor, the mayor said.",
            ),
            (  # two parts of one story, told alike
                "The floods killed 12 people and destroyed hundreds of homes in the north of the country, officials said.",
                "The floods killed 40 people and destroyed hundreds of homes in the south of the country, officials said.",
            ),
            (
                "In the men's race, the winner finished in 2 hours 5 minutes, a course record, organisers said.",
                "In the women’s race, the winner finished in 2 hours 18 minutes, a course record, organisers said.",
            ),
            (
                "Adjusted earnings were $2.10 per share in the quarter, the company said.",
                "Net earnings were $1.80 per share in the quarter, the company said.",
            ),
            (
                "The driver was sentenced to 8 years in prison for causing the crash on the M6.",
                "The passenger was sentenced to 3 years in prison for causing the crash on the M6.",
            ),
            (
                "His brother was jailed for 12 years at Leeds Crown Court on Friday for his part in the armed robbery. "
                "His father was jailed for 15 years at Leeds Crown Court on Friday for his part in the armed robbery.",
            ),
            (  # an event beside one value only: 'felt by' is not 'killed'
                "The earthquake was felt by 2 million people in the region, officials said.",
                "The quake killed 12 people in the region, officials said.",
            ),
            (
                "The company will add 500 jobs at its plant in Ohio, the union said.",
                "The company will cut 300 jobs at its plant in Ohio, the union said.",
            ),
            (
                "The company cut 2,000 jobs at its plants in Ohio last year.",
                "The company will cut 3,500 jobs at its plants in Ohio next year.",
            ),
            (  # counted from another time: 'before the inauguration', not from the day of writing
                "The new rules on endangered species will take effect in about 30 days, the ministry said.",
                "The new rules on endangered species take effect nine days before the inauguration, the ministry said.",
            ),
            (  # each placed in its own time: two quakes
                "A powerful quake with a magnitude of 6.1 struck southern Iran in September, killing at least seven people.",
                "An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday, killing at least 10 people.",
            ),
            (
                "Sales of the drug rose 5% in Europe last year.",
                "Sales of the drug rose 8% in Europe this year.",
            ),
            (
                "The film took $35.6 million in North America over its opening weekend.",
                "The film grossed about $36 million in North America in its opening weekend.",
            ),
            (
                "In 2012 the company earned $5 million from sales of the drug in Europe.",
                "The company earned $7 million from sales of the drug in Europe in 2013.",
            ),
            (
                "Sales of the drug rose to $7 million in Europe, up from $5 million in Europe.\n\n"
                "Sales of the drug were $5 million in Europe.",
            ),
            (
                "The striker scored 20 goals for the club in the league this season.",
                "The striker scored 25 goals for the club in all competitions this season.",
            ),
            (
                "Another 12 people were taken to hospital after the crash near the bridge.",
                "Police said 30 people were taken to hospital after the crash near the bridge.",
            ),
            (
                "The 27-year-old bartender was not found dead in his flat in Leeds on Tuesday.",
                "The 29-year-old bartender was found dead at his flat in Leeds on Tuesday.",
            ),
            (  # one price by two periods
                "The basic health plan costs $185 a month for a family of four, the agent said.",
                "The basic health plan costs $2,220 a year for a family of four, the agent said.",
            ),
            (  # one article, two patients
                "Mireille was diagnosed with leukaemia and doctors gave her an 85% chance of survival "
                "if treated with chemotherapy.\n\nHer mother said the family would appeal.\n\n"
                "Doctors have said Jeanne has a 50% chance of survival if she is treated with chemotherapy.",
            ),
            (
                "Season 2 of the drama will be filmed in Belfast next spring, the broadcaster said.",
                "Season 3 of the drama will be filmed in Belfast next spring.",
            ),
            (  # one is scoped to a quarter, the other is not
                "Adjusted earnings per share at the bakery chain grew 20.9% to $2.55, the company said.",
                "Our adjusted earnings per share at the bakery chain grew 1.9% in the third quarter to $2.55.",
            ),
            (  # a transcript: the speaker's label is all two turns share
                "Project Manager: so it's a four Euro addition to the price.\n\nMarketing: okay.\n\n"
                "Project Manager: Twenty five Euros .",
            ),
        ),
    ),
)
