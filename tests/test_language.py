"""Documents in a language factdiff does not read are listed, noted and not checked: English
word lists misread German acronyms (BGB, BGH, AGB) and French names as slips."""

from __future__ import annotations

import json

from conftest import ROOT

from factdiff import api
from factdiff.text.language import language_of

PAGES = ROOT / "tests" / "data" / "languages"


def test_the_language_of_news_text():
    assert language_of((ROOT / "seeds" / "000_ee73806791a84dfe.txt").read_text(encoding="utf-8")) == "en"
    assert language_of((PAGES / "retraites.fr.txt").read_text(encoding="utf-8")) == "fr"
    assert language_of("Kenya sent 800 officers.") in ("en", None)  # too short to tell is not a refusal
    assert language_of("x\x01\udcff y") is None  # what CLD2 refuses is no language, not a crash


def test_pages_in_other_languages_give_no_finding_and_say_so(run):
    result = run("scan", str(PAGES), "seeds/", "--format", "json")
    report = json.loads(result.stdout)
    languages = {document["path"].rsplit("/", 1)[-1]: document["language"] for document in report["documents"]}
    assert languages["urteil.de.html"] == "de" and languages["retraites.fr.txt"] == "fr"
    foreign = {d["id"] for d in report["documents"] if d["language"] in ("de", "fr")}
    assert not any(
        claim["doc"] in foreign for d in report["discrepancies"] for v in d["variants"] for claim in v["claims"]
    )
    assert len(report["discrepancies"]) == 7  # the seeds' own
    notes = [note for d in report["documents"] if d["id"] in foreign for note in d["notes"]]
    assert "not checked: written in de, a language factdiff does not read yet" in notes
    assert result.stderr.count("2 not checked (de 1, fr 1): language not supported yet") == 1
    assert " ".join(run("scan", str(PAGES)).stdout.split()).endswith(
        "0 discrepancies in 2 documents, 0 warnings; 2 not checked (de 1, fr 1): language not supported yet."
    )


def test_the_same_pages_read_as_english_would_give_false_alarms(monkeypatch):
    monkeypatch.setattr(api, "checked", lambda language: True)
    found = api.scan([PAGES]).discrepancies
    assert found, "the fixture must be one the English rules misread, or the test above proves nothing"
