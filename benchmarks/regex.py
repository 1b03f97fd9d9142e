"""python -m benchmarks.regex: every pattern on hostile text stays linear.

Each pattern scans adversarial inputs of 100 KB and 1 MB (long digit runs with separators,
repeated capitalised words, repeated date fragments, escape sequences...); the ratio of the
two times should be near 10 and must stay under 15. Results go to benchmarks/results/regex.md.
"""

from __future__ import annotations

import re
import time

from benchmarks.corpus import write_result
from factdiff.extract import acronym, date, organisation, person, quantity, sentence
from factdiff.extract.lexicon import place_pattern
from factdiff.load import FRONT_MATTER, TERMINAL_CONTROL
from factdiff.segment import SENTENCE_END

HOSTILE = {
    "digit runs": "1,000,000,000 " * 8 + "9" * 200 + " ",
    "spaced digits": "1 000 000 000 000 " * 10,
    "capitalised words": "Aa Bb Cc Dd Ee Ff Gg Hh " * 10 + "O’Neil-Smith's ",
    "date fragments": "June 25, 2024 25 June 2024-06-25 in 2024 the 2024 May ",
    "hedges and words": "more than about nearly over the first twenty-five hundreds of thousands of ",
    "escapes": "\x1b[31m\x1b]0;title\x07\x1bP" + "x" * 40,
    "punctuation": ".!?\"”’)]" * 20 + " A",
    "front matter": "---\n" * 30,
}
MAX_RATIO = 15.0


def patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern that scans whole texts."""
    quantities = quantity._patterns()
    return {
        "quantity digits": quantity.DIGIT_NUMBER,
        "quantity words": quantities["word_number"],
        "quantity fractions": quantities["fraction"],
        "quantity ordinals": quantities["ordinal"],
        "quantity scopes": quantity.SCOPE,
        "person name runs": person.NAME_RUN,
        "acronyms": acronym.ACRONYM,
        "organisation runs": organisation._run(),
        "places": place_pattern(),
        "dates": date.DATE,
        "relative dates": date.RELATIVE,
        "sentence tokens": sentence.TOKEN,
        "sentence ends": SENTENCE_END,
        "terminal controls": TERMINAL_CONTROL,
        "front matter": FRONT_MATTER,
    }


def seconds(pattern: re.Pattern[str], text: str, runs: int = 5) -> float:
    """The fastest of a few scans: the least disturbed by anything else on the machine."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    rows = []
    worst = 0.0
    for name, pattern in patterns().items():
        for label, unit in HOSTILE.items():
            small = (unit * (100_000 // len(unit) + 1))[:100_000]
            large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
            ratio = seconds(pattern, large) / max(seconds(pattern, small), 1e-6)
            worst = max(worst, ratio)
            if ratio > 12 or label == "capitalised words":
                rows.append(f"| {name} | {label} | {ratio:.1f} |")
    report = (
        "# Regular expressions on hostile text\n\n"
        "Command: `python -m benchmarks.regex`. Ratio of the time on 1 MB to the time on 100 KB "
        f"(linear is 10; the limit is {MAX_RATIO:.0f}). Shown: every pattern on repeated capitalised "
        f"words, and any case above 12. Worst ratio: {worst:.1f}.\n\n"
        "| pattern | input | 1 MB / 100 KB |\n|---|---|---|\n" + "\n".join(rows) + "\n"
    )
    path = write_result("regex.md", report)
    print(report)
    print(f"written to {path}")
    if worst > MAX_RATIO:
        raise SystemExit(f"a pattern is not linear: worst ratio {worst:.1f}")


if __name__ == "__main__":
    main()
