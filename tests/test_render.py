"""What the terminal report shows a reader."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

from factdiff.api import scan
from factdiff.models import DiscrepancyLine, Warning_
from factdiff.render.json import json_parts, render_json
from factdiff.render.rich import discrepancy_block


def underlined(block, value: str) -> str:
    """The underlined letters of the line that shows ``value`` in a rendered block."""
    for renderable in block.renderables:
        text = getattr(renderable, "renderable", renderable)
        if getattr(text, "plain", "").split("  ")[0] == value:  # the value, then how many sources give it
            return "".join(text.plain[span.start : span.end] for span in text.spans if "underline" in str(span.style))
    raise AssertionError(f"{value!r} is not shown")


def test_name_variants_highlight_the_differing_letters_on_both_sides(seeds):
    report = scan([seeds])
    found = next(d for d in report.discrepancies if d.subject.endswith("Godfrey Otunge"))
    block = discrepancy_block(found)
    assert underlined(block, "Godfrey Otunge") == "d"
    assert underlined(block, "Geoffrey Otunge") == "ef"  # G(e)o(f)frey against Go(d)frey


def test_html_report_is_self_contained_and_escapes_article_text(run, tmp_path):
    hostile = (
        "<script>alert(1)</script> [bold red]x[/] [link=http://example.com]y[/link] \x1b[31m "
        "Kenya has deployed 400 police officers to Haiti. Officials later said Kenya has deployed "
        "800 police officers to Haiti."
    )
    (tmp_path / "a.txt").write_text(hostile, encoding="utf-8")
    page = run("scan", str(tmp_path), "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.replace("http://example.com", "")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold red]x[/]" in page and "[link=http://example.com]y[/link]" in page and "\x1b" not in page
    assert 'data-kind="quantity"' in page and "<strong>400</strong>" in page


def test_html_report_of_the_seeds_lists_every_finding(run):
    page = run("scan", "seeds/", "--format", "html").stdout
    report = scan([Path("seeds")])
    assert all(f'id="{found.id}"' in page for found in report.discrepancies)
    assert "G<mark>e</mark>o<mark>f</mark>frey Otunge" in page


def test_full_text_marks_overlapping_claims_once_and_keeps_an_anchor_for_each():
    from types import SimpleNamespace

    from factdiff.render.html import anchor, marked_text

    text = "<b>Kenya</b> sent 400 officers & more."
    wide = SimpleNamespace(doc="d1", kind="quantity", start=18, end=30)  # "400 officers"
    inner = SimpleNamespace(doc="d1", kind="person", start=22, end=30)  # "officers", inside it
    shown = marked_text(text, [wide, inner])
    assert shown.count("<mark>") == 1 and shown.count("</mark>") == 1
    assert f'<span id="{anchor(wide)}"></span>' in shown and f'<span id="{anchor(inner)}"></span>' in shown
    assert shown.startswith("&lt;b&gt;Kenya&lt;/b&gt; sent ") and "&amp; more." in shown
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == text  # the article's text, exactly


def test_html_evidence_links_to_its_place_in_the_full_text(run):
    page = run("scan", "seeds/", "--format", "html").stdout
    links = set(re.findall(r'href="#(c-[^"]+)"', page))
    targets = set(re.findall(r'<span id="(c-[^"]+)"></span>', page))
    assert links and links == targets
    assert page.count('<section class="document"') == 5  # every seed holds evidence


def test_quote_drift_highlights_the_changed_words(tmp_path):
    said = "“We will not raise taxes on working families this year, whatever the lenders ask,” Mr John Mbadi said."
    (tmp_path / "a.txt").write_text(said, encoding="utf-8")
    (tmp_path / "b.txt").write_text(said.replace("not", "never").replace("families", "people"), encoding="utf-8")
    [found] = scan([tmp_path], one_story=True).discrepancies
    block = discrepancy_block(found)
    assert underlined(block, found.variants[0].value) == "notfamilies"
    assert underlined(block, found.variants[1].value) == "neverpeople"


def test_html_links_titles_only_to_web_addresses(run, tmp_path):
    said = "Kenya has deployed {} police officers to Haiti, officials in Nairobi said on Monday."
    records = [
        {"title": "Safe", "url": "https://news.example/a", "source": "Wire", "text": said.format(400)},
        {"title": "Hostile", "url": "javascript:alert(1)", "source": "<b>Wire</b>", "text": said.format(800)},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    page = run("scan", str(tmp_path), "--one-story", "--format", "html").stdout
    assert '<a href="https://news.example/a" rel="noreferrer">Safe</a>' in page
    assert "javascript:" not in page and "&lt;b&gt;Wire&lt;/b&gt;" in page


def test_json_written_to_a_file_s_bytes_is_the_text_a_text_stream_gets(seeds):
    report = scan([seeds])
    as_text = io.StringIO()  # no binary buffer: written as text
    render_json(report, as_text)
    as_bytes = io.BytesIO()
    stream = io.TextIOWrapper(as_bytes, encoding="utf-8")
    stream.write("before ")
    render_json(report, stream)  # straight to the buffer, after what the stream held
    stream.write("after")
    stream.flush()
    assert as_bytes.getvalue().decode("utf-8") == "before " + as_text.getvalue() + "after"
    assert as_text.getvalue() == report.model_dump_json(indent=2) + "\n"
    assert len(json.loads(as_text.getvalue())["discrepancies"]) == len(report.discrepancies) > 0


def test_json_written_a_record_at_a_time_is_the_model_s_json(seeds):
    """Lists are written record by record; a record of a subclass (which the declared class's
    serializer shows without its own fields) makes its list be serialized whole."""
    report = scan([seeds])
    as_line = DiscrepancyLine(**report.discrepancies[0].model_dump())
    warned = Warning_(path="a.txt", message="not UTF-8: read as cp1252")
    for shown in (
        report,
        report.model_copy(update={"discrepancies": (*report.discrepancies[1:], as_line), "warnings": (warned,)}),
        report.model_copy(update={"documents": (), "stories": ()}),
        report.model_copy(update={"sources": tuple(document.id for document in report.documents)}),
    ):
        written = io.StringIO()
        render_json(shown, written)
        assert written.getvalue() == shown.model_dump_json(indent=2) + "\n"
    assert b'"type"' not in b"".join(json_parts(report.model_copy(update={"discrepancies": (as_line,)})))
