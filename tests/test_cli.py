"""Every command and format through click's CliRunner: output, stdout/stderr split and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from conftest import ROOT, SEED_FINDINGS, seed_findings_summary, write

from factdiff.cli import main

SEED_A = "seeds/001_de6dd166a4080cc0.txt"
SEED_B = "seeds/003_4b2072b04a3e016b.txt"


def test_scan_rich_plain_text_when_not_a_terminal(run):
    result = run("scan", "seeds/")
    assert result.exit_code == 1
    assert "\x1b[" not in result.output
    assert "Godfrey Otunge" in result.output and "Geoffrey Otunge" in result.output
    assert "seeds/000_ee73806791a84dfe.txt:22:14" in result.output
    assert " ".join(result.output.split()).endswith(f"{seed_findings_summary()} in 5 documents, 0 warnings.")
    assert "Jovenel Moïse  2 of 3 sources" in result.output and "Bazile Richardson  2 mentions" in result.output


def test_scan_json_validates_against_schema_command(run):
    report = json.loads(run("scan", "seeds/", "--format", "json").output)
    schema = json.loads(run("schema").output)
    jsonschema.validate(report, schema)
    assert next(d["path"] for d in report["documents"]) == "seeds/000_ee73806791a84dfe.txt"


def test_scan_jsonl_is_one_discrepancy_per_line(run):
    lines = run("scan", "seeds/", "--format", "jsonl").output.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["code"] for r in records] == [f["code"] for f in SEED_FINDINGS]
    assert all(r["id"].startswith(r["code"] + "-") for r in records)


def test_scan_markdown(run):
    output = run("scan", "seeds/", "--format", "markdown").output
    assert output.startswith("# factdiff report\n")
    assert (
        "| \\>800 (1 of 2 sources) | `seeds/003_4b2072b04a3e016b.txt:2:20` | Kenya has deployed **over 800** police"
        in output
    )


def test_compare_reports_only_cross_document_discrepancies(run):
    result = run("compare", SEED_A, SEED_B, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert [d["rule"] for d in report["discrepancies"]] == ["quantity-mismatch"]  # the MSS spelling slip is inside 001
    assert all(d["scope"] == "across" for d in report["discrepancies"])


def test_compare_within_adds_each_documents_own(run):
    report = json.loads(run("compare", SEED_A, SEED_B, "--within", "--format", "json").output)
    rules = {d["rule"]: d["scope"] for d in report["discrepancies"]}
    assert rules == {"quantity-mismatch": "across", "organisation-name-variant": "within", "pronoun-mismatch": "within"}


def test_compare_clean_pair_exits_zero(run, tmp_path):
    a = write(tmp_path, "a.txt", "Kenya has deployed 800 police officers to Haiti.")
    b = write(tmp_path, "b.txt", "Kenya has deployed about 800 police officers to Haiti.")
    result = run("compare", str(a), str(b))
    assert result.exit_code == 0
    assert "0 discrepancies in 2 documents, 0 warnings." in result.output


def test_claims_table_and_json(run):
    table = run("claims", SEED_B, "--kind", "quantity")
    assert table.exit_code == 0 and "over 800" in table.output
    listing = json.loads(run("claims", SEED_B, "--format", "json").output)
    kinds = {c["kind"] for c in listing["claims"]}
    assert {"quantity", "person", "acronym"} <= kinds
    lines = run("claims", SEED_B, "--kind", "person", "--format", "jsonl").output.splitlines()
    assert all(json.loads(line)["kind"] == "person" for line in lines) and lines


def test_missing_input_is_trouble_on_stderr(run, tmp_path):
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "nope.txt"), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factdiff: {tmp_path / 'nope.txt'}: no such file or directory"
    assert json.loads(result.stdout)["warnings"][0]["message"] == "no such file or directory"


def test_bad_arguments_exit_two(run):
    assert run("scan").exit_code == 2
    assert run("scan", "seeds/", "--format", "yaml").exit_code == 2


def test_article_markup_is_printed_verbatim(run, tmp_path):
    hostile = "[bold red]x[/] [link=http://example.com]y[/link] \x1b[31mred\x1b[0m"
    a = write(tmp_path, "a.txt", f"{hostile} Kenya has deployed 45 police officers to Haiti.")
    b = write(tmp_path, "b.txt", "Kenya has deployed 47 police officers to Haiti.")
    output = run("compare", str(a), str(b)).output
    assert "[bold red]x[/] [link=http://example.com]y[/link]" in output
    assert "\x1b" not in output


def test_every_command_has_help_with_an_example(run):
    for command in ("scan", "compare", "claims", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example: factdiff" in result.output


def test_standard_input_is_an_article(run, seeds):
    article = (seeds / "000_ee73806791a84dfe.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "-", "--format", "json"], input=article.encode("utf-8"))
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["documents"][0]["path"] == "-"
    otunge = next(d for d in report["discrepancies"] if "Otunge" in d["subject"])
    assert otunge["variants"][0]["claims"][0]["text"] in ("Godfrey Otunge", "Geoffrey Otunge")


def test_files_over_max_bytes_are_skipped_with_a_warning(run):
    result = run("scan", "seeds/", "--max-bytes", "5000", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    small = sorted(path.name for path in (ROOT / "seeds").iterdir() if path.stat().st_size <= 5000)
    assert sorted(Path(d["path"]).name for d in report["documents"]) == small
    assert len(report["warnings"]) == 5 - len(small)
    assert all("larger than --max-bytes" in w["message"] for w in report["warnings"])


def test_stories_and_claims_read_folders_as_scan_does(run):
    inputs = "tests/data/inputs"
    listing = json.loads(run("claims", inputs, "--glob", "page.html", "--format", "json").stdout)
    assert [d["path"] for d in listing["documents"]] == [f"{inputs}/page.html"]
    stories = run("stories", inputs, "--glob", "page.html")
    assert stories.exit_code == 0 and stories.stdout.rstrip().endswith("1 story in 1 document.")
