"""`factdiff check SOURCE DERIVED`: every claim of a derived text traced to its source."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT

from factdiff import check
from factdiff.api import check_documents
from factdiff.cli import main
from factdiff.load import make_document

SEEDS = ROOT / "seeds"
WIRE = SEEDS / "000_ee73806791a84dfe.txt"
REUSE = SEEDS / "001_de6dd166a4080cc0.txt"

SOURCE = (
    "Kenya’s President William Ruto said on Tuesday that more than 850 police officers had been deployed to Haiti. "
    "“We concurred on the need to transform the mission,” Ruto said. "
    "The company was founded in 2013 in Nairobi. "
    "Net debt will fall below $25 billion after a 30-day review of the officers."
)


def verdicts(derived: str, source: str = SOURCE) -> dict[str, str]:
    """Each checked claim's text -> its verdict."""
    report = check_documents([make_document(source, "source.txt")], [make_document(derived, "derived.txt")])
    return {check.claim.text: check.verdict for check in report.checks}


def test_the_reused_paragraphs_of_a_seed_are_supported_and_what_it_adds_is_not():
    report = check(WIRE, REUSE)
    wire = WIRE.read_text(encoding="utf-8")
    reused = [c for c in report.checks if " ".join(c.claim.sentence.split()) in " ".join(wire.split())]
    assert len(reused) > 20
    assert all(c.verdict == "supported" for c in reused), [c.claim.text for c in reused if c.verdict != "supported"]
    added = {c.claim.text for c in report.checks if c.verdict == "unsupported"}
    assert {"Reuters", "Korir Sing’oei", "Dennis Onsongo", "700"} <= added  # 700 officers: not in the wire copy
    supported = next(c for c in report.checks if c.claim.text == "June 25")
    assert supported.evidence[0].path.endswith("000_ee73806791a84dfe.txt")
    assert "June 25, 2024" in supported.evidence[0].sentence


@pytest.mark.parametrize(
    ("derived", "claim", "verdict"),
    [
        ("Over 800 officers were deployed to Haiti, Ruto said.", "Over 800", "supported"),  # intervals overlap
        ("About 200 officers were deployed to Haiti, Ruto said.", "About 200", "unsupported"),
        ("Ruto announced the deployment on Tuesday.", "Tuesday", "supported"),
        ("Ruto announced the deployment on Friday.", "Friday", "unsupported"),
        ("He died of cancer in 2013.", "2013", "unsupported"),  # the source's 2013 dates another event
        ("Net debt will fall below $30 billion.", "below $30 billion", "supported"),  # a looser ceiling
        ("Net debt will fall to $0.14 billion.", "$0.14 billion", "unsupported"),  # a ceiling allows it, no more
        ("Ruto said 30% of the officers had been deployed.", "30%", "unsupported"),  # '30-day' is not 30%
        ("The firm was founded in 2013.", "2013", "supported"),
        ("President William Ruto spoke to reporters.", "William Ruto", "supported"),
        ("President Samuel Otieno spoke to reporters.", "Samuel Otieno", "unsupported"),
    ],
)
def test_values_and_names_are_supported_by_the_same_value_or_name(derived, claim, verdict):
    assert verdicts(derived)[claim] == verdict


@pytest.mark.parametrize(
    ("derived", "word", "verdict"),
    [
        ("The company said quarterly sales in Europe fell.", "fell", "contradicted"),
        ("Quarterly sales in Europe increased, the company said.", "increased", None),  # a synonym: no opposite
        ("Quarterly sales in Europe did not fall, the company said.", "fall", None),  # negated: not the opposite
        ("The hotel is unsuitable for families with young children.", "unsuitable", "contradicted"),
        ("The hotel is suitable for families with young children.", "suitable", None),
        ("Costs in Asia fell, the company said.", "fell", None),  # another frame: Asia's costs
        ("Is the hotel unsuitable for families with young children?", "unsuitable", None),  # a question states nothing
    ],
)
def test_a_word_whose_opposite_the_source_says_in_the_same_frame_is_contradicted(derived, word, verdict):
    source = (
        "Quarterly sales in Europe rose by a fifth, the company said. "
        "The hotel is suitable for families with young children, and its pool is open all year."
    )
    assert verdicts(derived, source).get(word) == verdict


def test_a_word_the_source_also_says_in_that_frame_is_not_contradicted_by_its_opposite():
    source = "Quarterly sales in Europe rose in the spring. Quarterly sales in Europe fell in the autumn."
    assert "fell" not in verdicts("Quarterly sales in Europe fell, the company said.", source)


def test_a_lower_cased_summary_is_matched_without_case():
    found = verdicts("kenya's president william ruto said more than 850 officers went to haiti.")
    assert found["president william ruto"] == "supported"
    assert found["more than 850"] == "supported"
    assert verdicts("kenyan president ruto met jakobsdottir in nairobi.")["jakobsdottir"] == "unsupported"


def test_a_quotation_needs_the_same_words_from_the_same_speaker():
    assert verdicts("“We concurred on the need to transform the mission,” Ruto said.")[
        "We concurred on the need to transform the mission,"
    ] == ("supported")
    assert verdicts("“We concurred on the need to transform the mission,” said Marco Rubio.")[
        "We concurred on the need to transform the mission,"
    ] == ("contradicted")
    assert verdicts("“We will withdraw every officer next month,” Ruto said.")[
        "We will withdraw every officer next month,"
    ] == ("unsupported")


def test_a_discrepancy_with_the_source_makes_its_claim_contradicted():
    source = "Kenya deployed 700 police officers to Haiti in June, the ministry said."
    report = check_documents(
        [make_document(source, "source.txt")],
        [make_document("Kenya deployed 1,200 police officers to Haiti in June, the ministry said.", "derived.txt")],
    )
    contradicted = [c for c in report.checks if c.verdict == "contradicted"]
    assert [c.claim.text for c in contradicted] == ["1,200"]
    assert contradicted[0].finding == report.discrepancies[0].id
    assert contradicted[0].evidence[0].text == "700"


def test_acronyms_and_codes_are_supported_as_the_source_writes_them_out():
    source = (
        "Revenue rose 19% year-over-year in the third quarter, despite COVID, the United Nations Security Council said."
    )
    found = verdicts("Revenue rose 19% YoY in Q3 despite COVID-19, the UNSC said.", source)
    assert found["YoY"] == found["Q3"] == found["UNSC"] == "supported"
    assert verdicts("Revenue rose 19% in Q2 despite H5N1.", source) == {
        "19%": "supported",
        "Q2": "unsupported",
        "H5N1": "unsupported",
    }


def test_the_command_marks_each_claim_and_exits_by_what_it_finds(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text(SOURCE, encoding="utf-8")
    same = tmp_path / "same.txt"
    same.write_text("More than 850 police officers were deployed to Haiti, Ruto said.", encoding="utf-8")
    added = tmp_path / "added.txt"
    added.write_text("About 200 protesters marched in Nairobi.", encoding="utf-8")
    runner = CliRunner()
    clean = runner.invoke(main, ["check", str(source), str(same), "--color", "never"])
    assert clean.exit_code == 0, clean.output
    shown = " ".join(clean.output.split())
    assert "More than 850✓ police officers were deployed to Haiti✓, Ruto✓ said." in shown
    assert "same.txt: 3 claims: 3 supported, 0 contradicted, 0 unsupported." in shown
    flagged = runner.invoke(main, ["check", str(source), str(added), "--color", "never"])
    assert flagged.exit_code == 1
    shown = " ".join(flagged.output.split())
    assert "About 200? protesters marched in Nairobi✓." in shown
    assert "? unsupported number “About 200” (line 1): No number in the source can be 'About 200'." in shown
    assert runner.invoke(main, ["check", str(source), str(added), "--fail-on", "contradicted"]).exit_code == 0
    listed = json.loads(runner.invoke(main, ["check", str(source), str(same), str(added), "-f", "json"]).output)
    assert listed["sources"] == [listed["documents"][0]["id"]]
    assert {c["claim"]["path"] for c in listed["checks"]} == {str(same), str(added)}
    page = runner.invoke(main, ["check", str(source), str(added), "-f", "html"]).output
    assert '<mark class="unsupported"' in page
    markdown = runner.invoke(main, ["check", str(source), str(added), "-f", "markdown"]).output
    assert "| 1 | About 200 | number | ? unsupported |" in markdown
    assert runner.invoke(main, ["check", str(source)]).exit_code == 2


def test_a_name_needs_its_words_together_in_one_source_sentence():
    source = "Richie Benaud, the former Australia captain, died aged 84. Mr Salmond met Steve Hansen in Paris."
    found = verdicts("former captain richie benaud died at 84. alex salmond met steve hansen.", source)
    assert found["richie benaud"] == "supported"
    assert found["steve hansen"] == "supported"
    assert found["alex salmond"] == "unsupported"  # the source calls him Mr Salmond only
    report = check_documents([make_document(source, "s.txt")], [make_document("alex salmond spoke.", "d.txt")])
    assert "the given name is added" in report.checks[0].explanation
    assert verdicts("Yesterday Paris Hansen arrived.", source)["Paris Hansen"] == "unsupported"  # never together
    tribute = "Richie Benaud died. Tributes came from Captain Ian Chappell."
    assert verdicts("captain richie benaud died.", tribute)["captain richie benaud"] == "supported"  # a role


def test_a_small_count_of_what_the_text_lists_is_supported():
    chat = "Steve: hi Carly. Carly: hi Steve, drinks at Kings?"
    found = verdicts("Two friends, Steve and Carly, plan a drink. Three friends, Steve and Carly, met.", chat)
    assert found["Two"] == "supported"  # the sentence names the two it counts
    assert found["Three"] == "unsupported"
    catalogue = "Our range:\n1. Mobile Shelving\n2. Lockers\n3. Cabinets\n4. Vertical File Storage\nRegards"
    assert verdicts("James introduces four products.", catalogue)["four"] == "supported"  # items 1 to 4
    assert verdicts("James introduces three products.", catalogue)["three"] == "unsupported"
