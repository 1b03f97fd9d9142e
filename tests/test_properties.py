"""Properties that hold for any text: no exceptions, exact offsets, deterministic output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factdiff.api import find_discrepancies
from factdiff.extract import extract
from factdiff.load import BOMS, decode, make_document, sanitise
from factdiff.markup import origin, visible_characters
from factdiff.segment import split_sentences

NEWSY = st.lists(
    st.sampled_from(
        [
            *list("abcdeKMSOGJ ,.;:()-’'“”\"\n0123456789%$"),
            "over ",
            "about ",
            "hundreds of ",
            "police officers ",
            "Ms ",
            "he ",
            "Godfrey ",
            "Otunge ",
            "Kenya ",
            "(MSS) ",
            "MSS ",
            "killed ",
            "1,000 ",
            "since June ",
            "President ",
            "\x1b[31m",
            "\u202e",
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_extraction_never_raises_and_offsets_slice_the_text(text):
    document = make_document(text, "p.txt")
    assert len(document.text) == len(text)
    for claim in extract(document):
        assert document.text[claim.start : claim.end] == claim.text
        assert claim.sentence_start <= claim.start


@settings(max_examples=2000, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_segmentation_keeps_every_non_space_character(text):
    spans = split_sentences(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(a < b for a, b in spans) and list(spans) == sorted(spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(NEWSY, min_size=2, max_size=3))
def test_judging_is_deterministic_and_order_free(texts):
    documents = [make_document(t, f"d{i}.txt") for i, t in enumerate(texts)]
    forward = [d.model_dump_json() for d in find_discrepancies(documents)]
    backward = [d.model_dump_json() for d in find_discrepancies(list(reversed(documents)))]
    assert forward == backward


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=200))
def test_sanitise_keeps_length_and_removes_escapes(text):
    clean = sanitise(text)
    assert len(clean) == len(text) and "\x1b" not in clean and "\r" not in clean


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_clear_refusal(data):
    try:
        text, encoding, _ = decode(data)
    except UnicodeDecodeError:  # a byte-order mark over bytes that do not follow it
        assert any(data.startswith(bom) for bom, _ in BOMS)
    except ValueError as refusal:  # NUL bytes without a BOM: a binary file
        assert b"\x00" in data and "binary" in str(refusal)
    else:
        assert isinstance(text, str) and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252")


MARKUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div class='x'>",
            "</div>",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<",
            ">",
            "&amp;",
            "&rsquo;",
            "&#8217;",
            "&",
            ";",
            "\n",
            " ",
            "Godfrey Otunge ",
            "said 400 officers. ",
            "é",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(MARKUP, st.lists(st.sampled_from(["Godfrey Otunge said", "400 officers.", "é", "said"]), max_size=4))
def test_placing_paragraphs_in_any_markup_never_raises_and_lands_on_a_line(source, paragraphs):
    visible, offsets = visible_characters(source)
    assert len(visible) == len(offsets) and offsets == sorted(offsets)
    assert all(0 <= offset < len(source) for offset in offsets)
    lines = source.count("\n") + 1
    for _, line in origin(source, paragraphs):
        assert 1 <= line <= lines
