"""FD601 quote-drift: one quotation worded two ways.

Two claims are the same quotation as ``quotations`` finds them (shared with FD602
misattribution), and the words differ. Only words count: case, accents, curly or straight
quotes and apostrophes, and punctuation are folded away before comparing, so a dropped comma
is never a discrepancy; quoting a shorter piece of the same words is not drift either, and
titles in quotation marks are not speech. The explanation lists the words added, removed or
changed.

The same blocks also give corroboration: a quotation found word for word (after the same
folding) in two documents or more is an Agreement, with its speakers and how many of its
sources are independent (copied passages count once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from factdiff.judge import Examples, Rule, agreement, connected_components, discrepancy
from factdiff.judge.quotations import MAX_BLOCK, block_keys, opening, same_quotation
from factdiff.models import Agreement, Discrepancy, QuoteClaim


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


def word_changes(first: str, second: str) -> str:
    """'“families” became “people”; “not” added' from two folded quotations."""
    a, b = first.split(), second.split()
    changes = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace":
            changes.append(f"“{' '.join(a[a0:a1])}” became “{' '.join(b[b0:b1])}”")
        elif tag == "delete":
            changes.append(f"“{' '.join(a[a0:a1])}” dropped")
        elif tag == "insert":
            changes.append(f"“{' '.join(b[b0:b1])}” added")
    return "; ".join(changes)


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

    def linked(first: str, second: str) -> bool:
        if excerpt(first, second):
            return False
        return any(same_quotation(a, b) for a in forms[first] for b in forms[second])

    for component in connected_components(sorted(forms), linked):
        component.sort(key=lambda form: min((c.path, c.start) for c in forms[form]))
        sample = forms[component[0]][0]
        speaker = next((c.speaker for form in component for c in forms[form] if c.speaker), None)
        shown = [forms[form][0].text for form in component]
        yield discrepancy(
            RULE,
            subject=f"quotation{' of ' + speaker if speaker else ''}: “{opening(sample.text)}”",
            key=f"quote:{min(component)[:80]}",
            variants=[(text, forms[form]) for text, form in zip(shown, component, strict=False)],
            severity="medium",
            confidence=0.8,
            explanation=(
                "The same quotation is worded differently: "
                f"{word_changes(component[0], component[1])}. A quotation should be word for word; "
                "punctuation and typography are not counted."
            ),
        )


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
        ),
        miss=(
            (
                "“We will not raise taxes on working families this year,” Finance Minister John Mbadi said.",
                '"We will not raise taxes on working families this year" Finance Minister John Mbadi said.',
            ),
            (
                "“We will not raise taxes on working families this year, and we will cut them next year,” "
                "Finance Minister John Mbadi said.",
                "Mbadi said the government “will not raise taxes on working families this year”.",
            ),
        ),
    ),
)
