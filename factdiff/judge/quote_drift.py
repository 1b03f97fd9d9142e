"""FD601 quote-drift: one quotation worded two ways.

Two claims are the same quotation as ``quotations`` finds them (shared with FD602
misattribution), and the words differ. Only words count (``quotations.substantive_changes``):
case, accents, apostrophes, commas, spaces, scare quotes, a clock time or a number written two
ways and British/American spelling are typography, and an insertion in square brackets ('[The
police] have' for 'They have') is the editor's; quoting a shorter piece of the same words is
not drift either, and titles in quotation marks are not speech.

Drift is one slip: the renderings differ in at most ``MAX_PLACES`` places ('this' / 'the';
'is dangerous and' dropped), counting words one of them adds at either end once another word
differs. Renderings that differ in more places are a paraphrase, a second
translation or another remark as often as a misquotation, and the words cannot say which, so
they are not reported (a false alarm costs more trust than a miss). Nor are renderings of a
remark the text says was translated ('through an interpreter', 'in German'): two outlets'
translations differ in wording, not in what was said. The explanation lists the words added,
removed or changed.

The same blocks also give corroboration: a quotation found word for word (after the same
folding) in two documents or more is an Agreement, with its speakers and how many of its
sources are independent (copied passages count once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, agreement, connected_components, discrepancy
from factdiff.judge.quotations import (
    MAX_BLOCK,
    Change,
    block_keys,
    compared_words,
    describe_changes,
    opening,
    same_quotation,
    substantive_changes,
)
from factdiff.models import Agreement, Discrepancy, QuoteClaim

MAX_PLACES = 2
"""A rendering that differs in more places than this is not one slip (see the docstring)."""


def excerpt(first: str, second: str) -> bool:
    """One quotation is a shorter piece of the other ('…do show that…' within 'Our results
    do show that…'): quoting less is not changing the words."""
    shorter, longer = sorted((first, second), key=len)
    return f" {shorter} " in f" {longer} "


def title_like(quote: QuoteClaim) -> bool:
    """Words in quotation marks that are a title ('Going Clear: Scientology and the Prison of
    Belief'), not speech: most of its words are capitalised."""
    words = quote.text.split()
    return sum(word[:1].isupper() for word in words) >= TITLE_SHARE * len(words)


TITLE_SHARE = 0.6


def drift(first: Sequence[QuoteClaim], second: Sequence[QuoteClaim]) -> list[Change]:
    """The word changes between two wordings of one quotation when they are one slip (at most
    MAX_PLACES places, neither said to be translated); empty otherwise."""
    for a in first:
        for b in second:
            if not same_quotation(a, b) or a.translated or b.translated:
                continue
            first_words, second_words = compared_words(a.text), compared_words(b.text)
            if not substantive_changes(first_words, second_words, trim_ends=True):
                continue  # the same words, or a shorter piece of them
            changes = substantive_changes(first_words, second_words)
            if len(changes) <= MAX_PLACES:
                return changes
    return []


def wordings(claims: Sequence[QuoteClaim]) -> dict[str, list[QuoteClaim]]:
    """The quotations of a block by their folded words, titles left out; none for a block too
    large to be one quotation."""
    forms: dict[str, list[QuoteClaim]] = {}
    if len(claims) <= MAX_BLOCK:
        for claim in claims:
            if not title_like(claim):
                forms.setdefault(claim.words, []).append(claim)
    return forms


def judge(claims: Sequence[QuoteClaim]) -> Iterable[Discrepancy]:
    forms = wordings(claims)
    if len(forms) < 2:
        return
    found: dict[tuple[str, str], list[Change]] = {}

    def linked(first: str, second: str) -> bool:
        if excerpt(first, second):
            return False
        found[first, second] = drift(forms[first], forms[second])
        return bool(found[first, second])

    for component in connected_components(sorted(forms), linked):
        if any(claim.translated for form in component for claim in forms[form]):
            continue
        component.sort(key=lambda form: min((c.path, c.start) for c in forms[form]))
        sample = forms[component[0]][0]
        speaker = next((c.speaker for form in component for c in forms[form] if c.speaker), None)
        shown = [forms[form][0].text for form in component]
        changes = _explained(found, component)
        yield discrepancy(
            RULE,
            subject=f"quotation{' of ' + speaker if speaker else ''}: “{opening(sample.text)}”",
            key=f"quote:{min(component)[:80]}",
            variants=[(text, forms[form]) for text, form in zip(shown, component, strict=False)],
            severity="medium",
            confidence=0.8,
            explanation=(
                f"The same quotation is worded differently: {describe_changes(changes)}. "
                "A quotation should be word for word; punctuation and typography are not counted."
            ),
        )


def _explained(found: dict[tuple[str, str], list[Change]], component: list[str]) -> list[Change]:
    """The changes of the linked pair that comes first in the order the wordings are shown,
    read from the wording shown first."""
    order = {form: index for index, form in enumerate(component)}
    linked = [
        (sorted(pair, key=order.__getitem__), pair, changes)
        for pair, changes in found.items()
        if changes and set(pair) <= order.keys()  # a pair of another group of wordings is not this one's
    ]
    shown, pair, changes = min(linked, key=lambda item: [order[form] for form in item[0]])
    return changes if list(pair) == shown else [(new, old) for old, new in changes]


def agree(claims: Sequence[QuoteClaim]) -> Iterable[Agreement]:
    """Each quotation given word for word in two documents or more."""
    for words, alike in sorted(wordings(claims).items()):
        if len({claim.doc for claim in alike}) < 2:
            continue
        speakers = sorted({claim.speaker for claim in alike if claim.speaker})
        said_by = f" of {' / '.join(speakers)}" if speakers else ""
        first = min(alike, key=lambda claim: (claim.path, claim.start))
        yield agreement(
            RULE,
            subject=f"quotation{said_by}: “{opening(first.text)}”",
            key=f"quote:{words[:200]}",
            value=first.text,
            claims=alike,
        )


RULE = Rule(
    code="FD601",
    name="quote-drift",
    kind="quote",
    reads=("quote",),
    summary="One quotation worded differently in two places (words, not punctuation).",
    why="A quotation is evidence of what someone said; a changed word changes the evidence.",
    keys=block_keys,
    judge=judge,
    agree=agree,
    examples=Examples(
        catch=(
            (
                "“We will not raise taxes on working families this year,” Finance Minister John Mbadi said.",
                "“We will never raise taxes on working families this year,” Finance Minister John Mbadi said.",
            ),
            (
                "“This is a dark day for our country and for every family that lost someone,” President William Ruto said.",
                "“This is a dark day for the country and for every family that lost someone,” President William Ruto said.",
            ),
            (
                "“They have a hard time because there is a lot of theft on the estate,” a shopkeeper said.",
                "“[The wardens] have a hard time because there was a lot of theft on the estate,” a shopkeeper said.",
            ),
            (
                "“Our colour scheme stays the same, and the 6:00 bulletin keeps its place in the evening schedule,” "
                "Mr Okafor said.",
                "“Our color scheme stays the same, and the 6 p.m. bulletin loses its place in the evening schedule,” "
                "Mr Okafor said.",
            ),
        ),
        miss=(
            # the editor's words in brackets, an acronym for its words, one time on two clocks
            (
                "“We ask everyone to respect her (Ms Reid) and her family's privacy at this time,” he said.",
                "“We ask everyone to respect her and her family's privacy at this time,” her publicist said.",
            ),
            (
                "“We urge all IE customers to install this update as soon as possible,” Mr Budd said.",
                "“We urge all Internet Explorer customers to install this update as soon as possible,” Budd said.",
            ),
            (
                "“She died at 6:41pm PST this evening in a Los Angeles hospital,” her agent Mark Lee said.",
                "“She died at 18:41 this evening in a Los Angeles hospital,” Mark Lee said.",
            ),
            (
                "“We will not raise taxes on working families this year,” Finance Minister John Mbadi said.",
                '"We will not raise taxes on working families this year" Finance Minister John Mbadi said.',
            ),
            (
                "“We will not raise taxes on working families this year, and we will cut them next year,” "
                "Finance Minister John Mbadi said.",
                "Mbadi said the government “will not raise taxes on working families this year”.",
            ),
            (
                "“Our colour scheme stays the same, and the 6:00 bulletin keeps its place in the evening schedule,” "
                "Mr Okafor said.",
                "“Our color scheme stays the same, and the 6 p.m. bulletin keeps its place in the evening schedule,” "
                "Mr Okafor said.",
            ),
            (
                "“They have a hard time because there is a lot of theft on the estate,” a shopkeeper said.",
                "“[The wardens] have a hard time because there is a lot of theft on the estate,” a shopkeeper said.",
            ),
            (
                "“Nothing less than the future of the union is at stake,” Minister Lena Vogt told parliament in German.",
                "“Nothing less than the future of the union is in danger,” Minister Lena Vogt told parliament.",
            ),
            (
                "“Nothing less than the future of the union, and with that the future of our country in the union, "
                "is at stake,” Minister Lena Vogt told parliament.",
                "“The future of the union and the future of our country within the union is at stake,” "
                "Minister Lena Vogt told parliament.",
            ),
        ),
    ),
)
