"""Quotations and where they meet, and how two renderings of one quotation are compared;
shared by FD601 quote-drift and FD602 misattribution, and by FD401 edited-sentence for words
inside quotation marks (this module holds no rule).

Quotations meet when their first or last words are the same (see ``extract/quote.py``).
Two are the same quotation when their folded words are at least ``SAME_QUOTE`` alike
(rapidfuzz ratio) and they stand in different sentences. A block larger than ``MAX_BLOCK``
is a stock phrase quoted everywhere, not one quotation, and is not judged.

Two renderings are compared word by word (``compared_words``), and a difference counts only
when it changes a word (``substantive_changes``). Typography never does: case, accents,
apostrophe style and placement ('population's' / 'populations''), a possessive ('the NBA's' /
'the NBA'), commas, spaces ('every day' / 'everyday'), scare quotes, a clock time written two
ways ('6:00' / '6 p.m.'), a number in words or figures ('five' / '5'), British or American
spelling ('colour' / 'color'). Nor does an editorial insertion in square brackets ('[The police]
have' / 'They have'): the editor's words, not the speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from factdiff.models import QuoteClaim
from factdiff.text.lexicon import quantity_data, sentence_data
from factdiff.text.tokens import normal_token

SAME_QUOTE = 80.0
MAX_BLOCK = 40
"""A larger block is a stock phrase quoted everywhere, not one quotation."""

WORD = re.compile(r"\w+(?:'\w+)*'?")
"""A word as compared, apostrophes folded to ' first; a trailing apostrophe is kept ('populations'')."""
BRACKETED = re.compile(r"\[[^\[\]\n]{0,120}\]|\([^()\n]{0,120}\)")
"""An editorial insertion: '[The police]', '[sic]', '(Tara Reid)' — speech has no brackets."""
EDITORIAL = "[…]"
"""The one token an editorial insertion is compared as."""
CLOCK = re.compile(r"([0-9]{1,2})(?:00)?([ap]m)")
"""A time written in one token: '6pm', '600pm'."""
SPELLING_PREFIX = 3
"""A British/American spelling change starts after this many letters: 'colour' / 'color' is
one word, 'four' / 'for' is not."""
Change = tuple[list[str], list[str]]


def block_keys(claim: QuoteClaim) -> Iterable[str]:
    yield f"opening:{claim.edges[0]:016x}"
    yield f"closing:{claim.edges[1]:016x}"


def same_quotation(a: QuoteClaim, b: QuoteClaim) -> bool:
    return (a.doc, a.sentence_start) != (b.doc, b.sentence_start) and fuzz.ratio(a.words, b.words) >= SAME_QUOTE


def opening(quote: str, words: int = 8) -> str:
    """The first words of a quotation, to name it: 'We will not raise taxes on working families…'."""
    parts = quote.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def compared_words(text: str) -> list[str]:
    """The words of a quotation as two renderings are compared: case, accents, punctuation and
    apostrophe style folded, '%' read as 'percent', each bracketed insertion one EDITORIAL token."""
    words: list[str] = []
    position = 0
    for bracket in BRACKETED.finditer(text):
        words += _plain(text[position : bracket.start()])
        words.append(EDITORIAL)
        position = bracket.end()
    return words + _plain(text[position:])


def _plain(text: str) -> list[str]:
    return WORD.findall(normal_token(text.replace("%", " percent ")))


def substantive_changes(first: list[str], second: list[str], trim_ends: bool = False) -> list[Change]:
    """The places where two renderings differ in words, typography and editorial insertions
    left out. With ``trim_ends``, words only one rendering has before or after the shared
    words are left out too: quoting less is not changing the words."""
    opcodes = SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    changes: list[Change] = []
    for number, (tag, a0, a1, b0, b1) in enumerate(opcodes):
        if tag == "equal":
            continue
        if trim_ends and tag != "replace" and number in (0, len(opcodes) - 1):
            continue
        number = first[a0 - 1] if a0 > 0 and first[a0 - 1].isdigit() else None
        if not typographic(first[a0:a1], second[b0:b1], number):
            changes.append((first[a0:a1], second[b0:b1]))
    return changes


def typographic(first: list[str], second: list[str], number: str | None = None) -> bool:
    """The two stretches are the same words written two ways (see the module's docstring)."""
    if first == [EDITORIAL] or second == [EDITORIAL] or (not first and EDITORIAL in second):
        return True
    bare_first, bare_second = "".join(first).replace("'", ""), "".join(second).replace("'", "")
    if bare_first == bare_second:
        return True  # spaces and apostrophes: 'every day' / 'everyday', 'its' / 'it's'
    if "'" in "".join(first + second) and bare_first.rstrip("s") == bare_second.rstrip("s"):
        return True  # a possessive: 'population's' / 'populations'', 'NBA's' / 'NBA'
    if number is not None and same_time(_clock([number, *first]), _clock([number, *second])):
        return True  # '6' then '00' / 'p.m.': the number both share is the hour
    if _starts_with_digit(first, second) and same_time(_clock(first), _clock(second)):
        return True
    if _initials(first, second) or _initials(second, first):
        return True  # 'IE' / 'Internet Explorer': an acronym for the words it stands for
    return len(first) == len(second) > 0 and all(_same_word(a, b) for a, b in zip(first, second, strict=True))


def _initials(short: list[str], long: list[str]) -> bool:
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(word[:1] for word in long)


def _starts_with_digit(first: list[str], second: list[str]) -> bool:
    return bool(first and second and first[0][:1].isdigit() and second[0][:1].isdigit())


def _clock(words: list[str]) -> str:
    """A time as hours and minutes on a 24-hour clock, whatever wrote it ('6:41pm PST',
    '18:41', '0241 GMT', '6 p.m.'); the words with what only writes them left out when they
    are not one time."""
    markers = set(sentence_data().time_markers)
    merged: list[str] = []
    for word in words:
        if word == "m" and merged and merged[-1] in ("a", "p"):
            merged[-1] += word  # 'p.m.' is read as 'p' 'm'
        else:
            merged.append(word)
    text = " ".join(merged)
    half = "pm" if re.search(r"pm\b", text) else "am" if re.search(r"am\b", text) else ""
    digits = re.findall(r"[0-9]+", text)
    if len(digits) == 1 and len(digits[0]) in (3, 4):
        digits = [digits[0][:-2], digits[0][-2:]]  # '0241', '641'
    if 1 <= len(digits) <= 2 and all(len(part) <= 2 for part in digits):
        hours, minutes = int(digits[0]), int(digits[1]) if len(digits) == 2 else 0
        if half == "pm" and hours < 12:
            hours += 12
        elif half == "am" and hours == 12:
            hours = 0
        return f"{hours:02d}:{minutes:02d}{'' if half or hours > 12 else '?'}"
    return "".join(CLOCK.sub(r"\1", word) for word in merged if word not in markers)


def same_time(first: str, second: str) -> bool:
    """Two clock readings agree; one with no a.m./p.m. ('6:00?') may be either half of the day."""
    if first == second:
        return True
    if not (first.endswith("?") or second.endswith("?")) or ":" not in first or ":" not in second:
        return False
    (hours_a, minutes_a), (hours_b, minutes_b) = (map(int, time.rstrip("?").split(":")) for time in (first, second))
    return minutes_a == minutes_b and hours_a % 12 == hours_b % 12


def _same_word(first: str, second: str) -> bool:
    """One word written two ways: British and American spelling, a number in words or figures."""
    if first == second:
        return True
    numbers = quantity_data().number_words
    for figure, word in ((first, second), (second, first)):
        if figure.isdigit() and numbers.get(word) == int(figure):
            return True
    for british, american in sentence_data().spelling_variants:
        for word, other in ((first, second), (second, first)):
            at = word.find(british, SPELLING_PREFIX)
            while at >= 0:
                if word[:at] + american + word[at + len(british) :] == other:
                    return True
                at = word.find(british, at + 1)
    return False


def describe_changes(changes: list[Change]) -> str:
    """'“families” became “people”; “not” added'."""
    described = []
    for old, new in changes:
        if old and new:
            described.append(f"“{' '.join(old)}” became “{' '.join(new)}”")
        elif old:
            described.append(f"“{' '.join(old)}” dropped")
        else:
            described.append(f"“{' '.join(new)}” added")
    return "; ".join(described)
