"""Real-world inputs: every kind of bad file gets one clear warning, and exit codes follow."""

from __future__ import annotations

import json
import os

import pytest

ARTICLE = "Kenya has deployed 400 police officers to Haiti, Mr John Kamau said on Monday."

GOOD = {
    "cp1252.txt": "Mr John Kamau said the “new” mission was ready.".encode("cp1252"),
    "bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
    "utf16.txt": ARTICLE.encode("utf-16"),
    "hostile.txt": b"\x1b[31mRED\x1b[0m [bold]markup[/bold] :smile: \x1b]8;;http://x\x07link\x1b]8;;\x07 "
    + ARTICLE.encode("utf-8"),
}
BAD = {
    "binary.txt": (b"bin\x00ary", "binary file"),
    "empty.txt": (b"", "empty file"),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_readable_inputs_exit_clean_without_warnings(run, tmp_path, name):
    (tmp_path / name).write_bytes(GOOD[name])
    result = run("scan", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["warnings"] == [] and len(report["documents"]) == 1


@pytest.mark.parametrize("name", sorted(BAD))
def test_unreadable_inputs_are_one_warning_and_exit_2(run, tmp_path, name):
    data, reason = BAD[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("scan", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and len(report["documents"]) == 1
    [warning] = report["warnings"]
    assert warning["path"].endswith(name) and reason in warning["message"]
    assert result.stderr.strip() == f"factdiff: {warning['path']}: {warning['message']}"


def test_broken_symlink_in_a_folder_is_reported_not_skipped(run, tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    result = run("scan", str(tmp_path), "--format", "json")
    [warning] = json.loads(result.stdout)["warnings"]
    assert result.exit_code == 2 and warning["message"] == "broken symbolic link"


def test_a_symlink_loop_does_not_hang_or_read_twice(run, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    report = json.loads(run("scan", str(tmp_path), "--format", "json").stdout)
    assert len(report["documents"]) == 1 and report["warnings"] == []


def test_terminal_controls_never_reach_the_output(run, tmp_path):
    text = ("\x1b[2J\x1b]0;owned\x07Kenya has deployed 400 police officers to Haiti [bold]now[/bold]. "
            "Officials later said Kenya has deployed 800 police officers to Haiti.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    for output_format in ("rich", "markdown"):
        result = run("scan", str(tmp_path), "--format", output_format)
        assert result.exit_code == 1 and "Kenya has deployed" in result.stdout  # the evidence is shown
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold]now[/bold]" in run("scan", str(tmp_path)).stdout  # markup shown as text, not applied


def test_glob_and_exclude_choose_the_files_of_a_folder(run, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "drafts" / "b.txt").write_text(ARTICLE.replace("400", "800"), encoding="utf-8")
    (tmp_path / "notes.html").write_text("<p>" + ARTICLE + "</p>", encoding="utf-8")
    every = json.loads(run("scan", str(tmp_path), "--format", "json").stdout)
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in every["documents"]) == ["a.txt", "b.txt"]
    kept = json.loads(run("scan", str(tmp_path), "--exclude", "drafts/*", "--format", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in kept["documents"]] == ["a.txt"]
    chosen = json.loads(run("scan", str(tmp_path), "--glob", "*.html", "--format", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in chosen["documents"]] == ["notes.html"]


def test_mojibake_is_repaired_with_a_note_and_evidence_stays_exact(run, tmp_path):
    broken = "Kenya’s President William Ruto said 400 police officers from Kenya were deployed to Haiti."
    (tmp_path / "a.txt").write_bytes(broken.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    listing = json.loads(run("claims", str(tmp_path), "--kind", "person", "--format", "json").stdout)
    [document] = listing["documents"]
    assert document["notes"] == ["mojibake repaired (ftfy)"]
    assert [claim["text"] for claim in listing["claims"]][0] == "William Ruto"
    assert "Kenya’s" in listing["claims"][0]["sentence"]
