"""What the terminal report shows a reader."""

from __future__ import annotations

from factdiff.api import scan
from factdiff.render.rich import discrepancy_block


def underlined(block, value: str) -> str:
    """The underlined letters of the line that shows ``value`` in a rendered block."""
    for renderable in block.renderables:
        text = getattr(renderable, "renderable", renderable)
        if getattr(text, "plain", None) == value:
            return "".join(text.plain[span.start:span.end] for span in text.spans if "underline" in str(span.style))
    raise AssertionError(f"{value!r} is not shown")


def test_name_variants_highlight_the_differing_letters_on_both_sides(seeds):
    report = scan([seeds])
    found = next(d for d in report.discrepancies if d.subject.endswith("Godfrey Otunge"))
    block = discrepancy_block(found)
    assert underlined(block, "Godfrey Otunge") == "d"
    assert underlined(block, "Geoffrey Otunge") == "ef"  # G(e)o(f)frey against Go(d)frey
