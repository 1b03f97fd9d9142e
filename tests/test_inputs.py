"""Real-world inputs: every kind of bad file gets one clear warning, and exit codes follow."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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
    text = (
        "\x1b[2J\x1b]0;owned\x07Kenya has deployed 400 police officers to Haiti [bold]now[/bold]. "
        "Officials later said Kenya has deployed 800 police officers to Haiti."
    )
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
    (tmp_path / "notes.csv").write_text("id,text\n1," + ARTICLE, encoding="utf-8")
    every = json.loads(run("scan", str(tmp_path), "--format", "json").stdout)
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in every["documents"]) == ["a.txt", "b.txt"]
    kept = json.loads(run("scan", str(tmp_path), "--exclude", "drafts/*", "--format", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in kept["documents"]] == ["a.txt"]
    chosen = json.loads(run("scan", str(tmp_path), "--glob", "*.csv", "--format", "json").stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in chosen["documents"]] == ["notes.csv"]


def test_mojibake_is_repaired_with_a_note_and_evidence_stays_exact(run, tmp_path):
    broken = "Kenya’s President William Ruto said 400 police officers from Kenya were deployed to Haiti."
    (tmp_path / "a.txt").write_bytes(broken.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    listing = json.loads(run("claims", str(tmp_path), "--kind", "person", "--format", "json").stdout)
    [document] = listing["documents"]
    assert document["notes"] == ["mojibake repaired (ftfy)"]
    assert next(claim["text"] for claim in listing["claims"]) == "William Ruto"
    assert "Kenya’s" in listing["claims"][0]["sentence"]


CORPUS = Path(__file__).parent / "data" / "inputs"

EXIT_CODES = {
    # file alone -> (exit status, documents read, warnings' reasons)
    "cp1252.txt": (0, 1, []),
    "bom.txt": (0, 1, []),
    "utf16.txt": (0, 1, []),
    "mojibake.txt": (0, 1, []),
    "hostile.txt": (0, 1, []),
    "page.html": (1, 1, []),
    "navigation-only.html": (2, 0, ["no article text found in the HTML page"]),
    "export.json": (0, 1, []),
    "records.jsonl": (2, 2, ["bad JSON Lines record"]),
    "binary.txt": (2, 0, ["binary file"]),
    "empty.txt": (2, 0, ["empty file"]),
}


@pytest.mark.parametrize("name", sorted(EXIT_CODES))
def test_exit_code_matrix_over_the_input_corpus(run, name):
    code, documents, reasons = EXIT_CODES[name]
    result = run("scan", str(CORPUS / name), "--format", "json")
    report = json.loads(result.stdout)
    assert (result.exit_code, len(report["documents"])) == (code, documents)
    assert [w["message"].split(":")[0].split(" (")[0] for w in report["warnings"]] == reasons


def test_the_whole_corpus_with_links_reads_everything_readable_and_exits_2(run, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    os.symlink(folder, folder / "loop")
    result = run("scan", str(folder), "--follow", "--format", "json")
    report = json.loads(result.stdout)
    reasons = sorted(w["message"].split(" (")[0].split(":")[0] for w in report["warnings"])
    assert result.exit_code == 2
    assert reasons == [
        "bad JSON Lines record",
        "binary file",
        "broken symbolic link",
        "empty file",
        "no article text found in the HTML page",
        "symbolic link loop",
    ]
    assert len(report["documents"]) == 9  # 7 readable files, two of them records in one JSON Lines file
    assert "symbolic link loop" not in run("scan", str(folder), "--format", "json").stdout  # not followed by default


def test_follow_reads_a_linked_folder_once(run, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(ARTICLE.replace("400", "800"), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / "folder" / "linked")
    plain = json.loads(run("scan", str(tmp_path / "folder"), "--format", "json").stdout)
    followed = json.loads(run("scan", str(tmp_path / "folder"), "--follow", "--one-story", "--format", "json").stdout)
    assert len(plain["documents"]) == 1 and len(followed["documents"]) == 2
    assert followed["discrepancies"][0]["code"] == "FD101"  # 400 vs 800 across the link


def test_html_page_is_read_without_boilerplate_and_evidence_points_into_the_page(run):
    page = CORPUS / "page.html"
    report = json.loads(run("scan", str(page), "--format", "json").stdout)
    [document] = report["documents"]
    assert document["date"] == "2024-06-26" and document["notes"] == ["main text extracted from HTML (trafilatura)"]
    assert (document["title"], document["source"]) == ("Kenyan police reach Haiti", "The Daily Example")
    assert document["url"] == "https://news.example/world/kenyan-police-reach-haiti"
    listing = json.loads(run("claims", str(page), "--format", "json").stdout)
    read = " ".join(claim["sentence"] for claim in listing["claims"])
    for boilerplate in ("cookies", "Subscribe", "Share on", "Copyright", "Floods displace", "900 officers"):
        assert boilerplate not in read
    [finding] = report["discrepancies"]
    assert finding["code"] == "FD201"
    lines = page.read_text(encoding="utf-8").splitlines()
    for variant in finding["variants"]:
        [claim] = variant["claims"]
        assert claim["text"] in claim["sentence"]
        # the paragraph starts on the page's line file_line, and the name is in that paragraph
        paragraph = " ".join(lines[claim["file_line"] - 1 : claim["file_line"] + 1])
        assert claim["text"].split()[0] in paragraph
    where = f"page.html:{finding['variants'][0]['claims'][0]['file_line']} · The Daily Example · 2024-06-26"
    assert where in " ".join(run("scan", str(page)).stdout.split())  # however the terminal report wraps


def test_encodings_are_recorded_per_document_and_encoding_option_overrides(run, tmp_path):
    report = json.loads(run("scan", str(CORPUS), "--glob", "*.txt", "--format", "json").stdout)
    encodings = {d["path"].rsplit("/", 1)[-1]: d["encoding"] for d in report["documents"]}
    assert encodings["cp1252.txt"] == "cp1252" and encodings["bom.txt"] == "utf-8-sig"
    assert encodings["utf16.txt"] == "utf-16" and encodings["hostile.txt"] == "utf-8"
    (tmp_path / "no-bom.txt").write_bytes(ARTICLE.encode("utf-16-le"))  # NUL bytes and no BOM: binary by default
    assert run("scan", str(tmp_path), "--format", "json").exit_code == 2
    overridden = run("scan", str(tmp_path), "--encoding", "utf-16-le", "--format", "json")
    assert overridden.exit_code == 0 and json.loads(overridden.stdout)["documents"][0]["encoding"] == "utf-16-le"
    assert run("scan", str(tmp_path), "--encoding", "klingon").exit_code == 2


def test_a_news_api_export_is_read_as_articles_with_their_dates(run):
    report = json.loads(run("scan", str(CORPUS / "export.json"), "--format", "json").stdout)
    [document] = report["documents"]
    assert document["path"].endswith("export.json#1") and document["date"] == "2024-06-27"
    assert (document["title"], document["source"]) == ("Kenya in Haiti", "The Daily Example")  # NewsAPI's source.name
    assert document["url"] == "https://news.example/kenya-in-haiti"


def test_stdout_is_utf8_whatever_the_locale(seeds):
    environment = dict(os.environ, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    for output_format in ("rich", "json"):
        result = subprocess.run(
            [sys.executable, "-m", "factdiff", "scan", str(seeds), "--format", output_format],
            capture_output=True,
            env=environment,
            check=False,
        )
        assert result.returncode == 1 and result.stderr == b""
        assert "Moïse" in result.stdout.decode("utf-8")


def test_hostile_article_is_reported_verbatim_in_every_format(run, tmp_path):
    text = (
        "Kenya has deployed 400 police officers [bold red]x[/] [link=http://example.com]y[/link] "
        "\x1b[31mto Haiti\x1b[0m. Officials later said Kenya has deployed 800 police officers to Haiti."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    for output_format in ("rich", "markdown", "html", "json"):
        result = run("scan", str(tmp_path), "--format", output_format)
        shown = " ".join(result.stdout.replace("\\u001b", "\x1b").split())  # the terminal report wraps
        assert result.exit_code == 1 and "\x1b" not in shown
        if output_format == "html":
            shown = html.unescape(shown)
        elif output_format == "markdown":
            shown = re.sub(r"\\(.)", r"\1", shown)  # as the Markdown renders: escapes keep brackets literal
        assert "[bold red]x[/] [link=http://example.com]y[/link]" in shown


def test_json_is_byte_identical_across_hash_seeds_and_terminal_widths(seeds):
    outputs = set()
    for seed, columns in (("1", "40"), ("2", "200"), ("random", "80")):
        environment = dict(os.environ, PYTHONHASHSEED=seed, COLUMNS=columns)
        result = subprocess.run(
            [sys.executable, "-m", "factdiff", "scan", str(seeds), "--format", "json"],
            capture_output=True,
            env=environment,
            check=False,
        )
        assert result.returncode == 1
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_file_whose_name_holds_a_hash_is_read_again_for_its_evidence(run, tmp_path):
    text = "Kenya has deployed 400 police officers to Haiti. Officials later said Kenya has deployed 800 police officers to Haiti."
    (tmp_path / "issue#12.txt").write_text(text, encoding="utf-8")
    result = run("scan", str(tmp_path), "--format", "json")
    [found] = json.loads(result.stdout)["discrepancies"]
    assert result.exit_code == 1 and found["variants"][0]["claims"][0]["path"].endswith("issue#12.txt")


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_json_nested_too_deeply_costs_only_its_file(run, tmp_path, name):
    (tmp_path / name).write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("scan", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and len(report["documents"]) == 1
    [warning] = report["warnings"]
    assert "nested too deeply" in warning["message"]


@pytest.mark.parametrize(
    "opening, source",
    [
        ("(CNN)Kenya has deployed 400 police officers to Haiti.", "CNN"),
        ("NAIROBI, June 26 (Reuters) - Kenya has deployed 400 police officers to Haiti.", "Reuters"),
        ("Kenya has deployed 400 police officers to Haiti, officials said. " * 3 + "(AP) reported it too.", None),
    ],
)
def test_a_wire_dateline_names_the_source_of_a_plain_text_article(run, tmp_path, opening, source):
    (tmp_path / "a.txt").write_text(opening, encoding="utf-8")
    [document] = json.loads(run("scan", str(tmp_path), "--format", "json").stdout)["documents"]
    assert document["source"] == source
