"""What a new user meets in the first hour, through the command line: nothing read must not
look clean, typos must be errors, output goes where asked, and a closed pipe or a full disk
ends the same way every time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT, SEED_FINDINGS, write

from factdiff.schema import jsonl_schema

SEED_A = "seeds/001_de6dd166a4080cc0.txt"
FACTDIFF = [sys.executable, "-m", "factdiff"]


def test_an_empty_folder_is_trouble_not_a_clean_scan(run, tmp_path):
    result = run("scan", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factdiff: {tmp_path}: empty folder: nothing to read"


def test_a_folder_of_other_file_types_says_how_to_read_them(run, tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.docx").write_bytes(b"PK")
    result = run("scan", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    [warning] = json.loads(result.stdout)["warnings"]
    assert warning["message"] == "no readable files (.docx, .pdf); --glob PATTERN reads other types as text"


def test_a_glob_that_matches_nothing_is_named(run):
    result = run("stories", "seeds/", "--glob", "*.xyz")
    assert result.exit_code == 2 and "factdiff: seeds/: no file matches --glob '*.xyz'" in result.stderr


def test_a_folder_with_something_to_read_beside_an_empty_one_still_reports_both(run, tmp_path):
    result = run("scan", "seeds/", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert (
        result.exit_code == 2 and len(report["documents"]) == 5 and len(report["discrepancies"]) == len(SEED_FINDINGS)
    )


@pytest.mark.parametrize("command", [("scan", "seeds/"), ("compare", SEED_A, SEED_A)])
def test_a_mistyped_kind_is_an_error_naming_the_choices(run, command):
    result = run(*command, "--kind", "bogus")
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown kind 'bogus'" in result.stderr and "quantity" in result.stderr


def test_a_mistyped_kind_in_the_configuration_names_the_file(run, tmp_path):
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, tmp_path)
    write(tmp_path, "factdiff.toml", 'kinds = ["quantities"]\n')
    result = run("scan", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'factdiff.toml'}: [kinds]: unknown kind 'quantities'" in result.stderr


def test_a_kind_may_be_a_rule_code_or_a_rule_name(run):
    def rules(*kinds: str) -> set[str]:
        args = [arg for kind in kinds for arg in ("--kind", kind)]
        return {d["code"] for d in json.loads(run("scan", "seeds/", *args, "--format", "json").stdout)["discrepancies"]}

    assert rules("FD101") == {"FD101"}
    assert rules("name-variant", "pronoun") == {"FD201", "FD202"}


def test_claims_kind_is_checked_against_the_claim_kinds(run):
    result = run("claims", SEED_A, "--kind", "quantities")
    assert result.exit_code == 2 and "unknown claim kind 'quantities'" in result.stderr


def test_the_same_text_twice_is_folded_not_trouble(run, tmp_path):
    original = (ROOT / SEED_A).read_text(encoding="utf-8")
    write(tmp_path, "a.txt", original)
    write(tmp_path, "b.txt", original)
    result = run("scan", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["warnings"] == []
    [document] = report["documents"]
    assert document["path"] == str(tmp_path / "a.txt") and document["copies"] == [str(tmp_path / "b.txt")]
    plain = " ".join(run("scan", str(tmp_path)).stdout.split())
    assert plain.endswith("in 1 document, 0 warnings; 1 identical copy read once.")


def test_jsonl_gives_warnings_their_own_line_type(run, tmp_path):
    write(tmp_path, "empty.txt", "")
    result = run("scan", "seeds/", str(tmp_path / "empty.txt"), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    schema = jsonl_schema()
    for record in records:
        jsonschema.validate(record, schema)
    assert [r["type"] for r in records] == ["discrepancy"] * len(SEED_FINDINGS) + ["warning"]
    assert records[-1] == {"type": "warning", "path": str(tmp_path / "empty.txt"), "message": "empty file"}
    claims = run("claims", SEED_A, str(tmp_path / "empty.txt"), "--format", "jsonl").stdout.splitlines()
    assert {json.loads(line)["type"] for line in claims} == {"claim", "warning"}


def test_schema_jsonl_describes_one_line(run):
    schema = json.loads(run("schema", "--jsonl").stdout)
    assert set(schema["discriminator"]["mapping"]) == {"discrepancy", "warning"}


def test_output_file_color_and_quiet(run, tmp_path):
    target = tmp_path / "report.md"
    result = run("scan", "seeds/", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# factdiff report\n")
    assert "\x1b[" in run("scan", "seeds/", "--color", "always").stdout
    assert "\x1b[" not in run("scan", "seeds/", "--color", "never").stdout
    quiet = run("scan", "seeds/", "--quiet")
    assert quiet.exit_code == 1 and "Godfrey Otunge" in quiet.stdout and "discrepancies (" not in quiet.stdout


def test_an_unwritable_output_file_is_trouble(run, tmp_path):
    result = run("scan", "seeds/", "--output", str(tmp_path / "missing" / "report.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("factdiff: cannot write output: ") and "no such file or directory" in result.stderr


def test_a_full_disk_is_one_line_of_trouble():
    with open("/dev/full", "w") as full:
        result = subprocess.run([*FACTDIFF, "scan", "seeds/"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert result.stderr == "factdiff: cannot write output: no space left on device\n"


def test_a_closed_pipe_ends_with_the_runs_own_exit_code_every_time():
    for _ in range(3):
        result = subprocess.run(
            [
                "bash",
                "-c",
                f"{' '.join(FACTDIFF)} scan seeds/ --format jsonl | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.stdout == "1\n" and result.stderr == ""


def test_rules_lists_every_rule_with_an_example_and_explain_shows_one(run):
    listing = run("rules")
    assert listing.exit_code == 0
    for code in (
        "FD101",
        "FD102",
        "FD201",
        "FD202",
        "FD203",
        "FD204",
        "FD301",
        "FD302",
        "FD303",
        "FD401",
        "FD501",
        "FD601",
        "FD602",
    ):
        assert code in listing.stdout
    assert "e.g. Kenya has deployed 700 police officers to Haiti." in listing.stdout
    explained = run("explain", "FD101")
    assert explained.exit_code == 0 and explained.stdout.startswith("FD101 quantity-mismatch (quantity)")
    assert "Not reported:" in explained.stdout and "about 800 police officers" in explained.stdout
    assert run("explain", "quote-drift").stdout.startswith("FD601 quote-drift")
    unknown = run("explain", "FD999")
    assert unknown.exit_code == 2 and "'factdiff rules' lists them" in unknown.stderr


def test_an_ignore_that_matches_nothing_is_named_and_the_counts_agree(run, tmp_path):
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, tmp_path)
    write(tmp_path, "factdiff.toml", '[[ignore]]\nid = "FD101-000000000000"\n')
    scan = run("scan", str(tmp_path))
    assert scan.exit_code == 1
    assert scan.stderr == f"factdiff: {tmp_path / 'factdiff.toml'}: ignore FD101-000000000000 matches no finding\n"
    baseline = tmp_path / "base.json"
    run("scan", str(tmp_path), "--kind", "name", "--write-baseline", str(baseline))
    again = run("scan", str(tmp_path), "--baseline", str(baseline), "--kind", "quantity", "--statistics")
    summary = " ".join(again.stdout.split())
    assert summary.endswith("6 suppressed as reviewed (3 in the baseline).")
    assert "6 suppressed as reviewed (3 in the baseline)" in again.stderr


def test_tables_keep_paths_whole_when_piped(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    folder = tmp_path / "a-rather-long-folder-name-for-the-archive"
    folder.mkdir()
    shutil.copy(ROOT / SEED_A, folder)
    path = str(folder / "001_de6dd166a4080cc0.txt")
    assert f"  {path}\n" in run("stories", str(folder)).stdout
    assert path in run("claims", str(folder), "--kind", "quantity").stdout


@pytest.mark.parametrize(
    "command, formats",
    [("scan", "rich|json|jsonl|markdown|html"), ("claims", "table|json|jsonl"), ("stories", "table|json")],
)
def test_help_offers_only_the_formats_a_command_has(run, command, formats):
    text = " ".join(run(command, "--help").stdout.split())
    assert f"[{formats}]" in text
    if "jsonl" not in formats:
        assert "jsonl" not in text
