"""The review workflow: configuration, suppressions, baselines and filters."""

from __future__ import annotations

import json
import shutil

import pytest


@pytest.fixture
def desk(tmp_path, seeds):
    """A copy of the seeds in a folder of its own, as a desk would keep them."""
    folder = tmp_path / "coverage"
    shutil.copytree(seeds, folder)
    return folder


def scan_json(run, *args: str) -> dict:
    return json.loads(run("scan", *args, "--format", "json").stdout)


def test_config_file_found_upward_ignores_reviewed_findings(run, desk):
    before = scan_json(run, str(desk))
    otunge = next(d for d in before["discrepancies"] if "Godfrey Otunge" in d["subject"])
    (desk.parent / "factdiff.toml").write_text(
        f'ignore = [{{ id = "{otunge["id"]}", reason = "checked with the desk" }}]\n'
        'same = [["Jovenel Moise", "Jovenel Moïse"]]\n',
        encoding="utf-8",
    )
    after = scan_json(run, str(desk))
    subjects = [d["subject"] for d in after["discrepancies"]]
    assert not any("Otunge" in s or "Moise" in s or "Moïse" in s for s in subjects)
    assert after["suppressed"] == 2 and len(after["discrepancies"]) == len(before["discrepancies"]) - 2


def test_pyproject_table_and_command_line_precedence(run, desk):
    (desk / "pyproject.toml").write_text('[tool.factdiff]\nmin_severity = "high"\n', encoding="utf-8")
    assert {d["severity"] for d in scan_json(run, str(desk))["discrepancies"]} == {"high"}
    overridden = scan_json(run, str(desk), "--min-severity", "medium")
    assert {d["severity"] for d in overridden["discrepancies"]} == {"high", "medium"}
    shown = json.loads(run("config", str(desk)).stdout)
    assert shown["config"]["min_severity"] == "high" and shown["sources"]["min_severity"].endswith("pyproject.toml")


def test_a_bad_config_file_is_one_clear_error(run, desk):
    (desk / "factdiff.toml").write_text('min_severity = "urgent"\nignored = []\n', encoding="utf-8")
    result = run("scan", str(desk))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "factdiff.toml" in line and "min_severity" in line


def test_inline_mark_ignores_its_paragraph(run, tmp_path):
    text = (
        "Kenya has deployed 400 police officers to Haiti, officials said.\n\n"
        "<!-- factdiff: ignore -->\nKenya has deployed 800 police officers to Haiti, a source claimed.\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert scan_json(run, str(tmp_path))["discrepancies"] == []
    (tmp_path / "a.md").write_text(text.replace("<!-- factdiff: ignore -->\n", ""), encoding="utf-8")
    assert len(scan_json(run, str(tmp_path))["discrepancies"]) == 1


def test_baseline_round_trip_shows_only_what_is_new(run, desk, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run("scan", str(desk), "--write-baseline", str(baseline), "--format", "json")
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["discrepancies"]
    assert len(recorded) == len(json.loads(first.stdout)["discrepancies"]) == 7
    (desk / "005_new.txt").write_text(
        "There are 1,500 police personnel from Kenya in the MSS, Kenya’s President William Ruto said. "
        "Ruto spoke to the UN Security Council about the MSS on Tuesday.",
        encoding="utf-8",
    )
    later = run("scan", str(desk), "--baseline", str(baseline), "--format", "json")
    report = json.loads(later.stdout)
    # the police count now has a third value, so it is a new finding; the six others were reviewed
    [new] = report["discrepancies"]
    assert report["suppressed"] == 6 and {v["value"] for v in new["variants"]} == {"700", ">800", "1,500"}


def test_ids_survive_moved_and_added_files(run, desk, tmp_path):
    ids = {d["id"] for d in scan_json(run, str(desk))["discrepancies"]}
    moved = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(desk, moved)
    (moved / "unrelated.txt").write_text("The council approved a new park budget on Monday.", encoding="utf-8")
    assert {d["id"] for d in scan_json(run, str(moved))["discrepancies"]} == ids


def test_kind_filter_statistics_and_exit_zero(run, desk):
    result = run("scan", str(desk), "--kind", "name", "--statistics", "--exit-zero", "--format", "json")
    assert result.exit_code == 0
    assert {d["kind"] for d in json.loads(result.stdout)["discrepancies"]} == {"name"}
    assert "name: 2 high, 0 medium, 1 low" in result.stderr
