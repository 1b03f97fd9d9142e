"""Odd paths: names that are not UTF-8 or hold control characters, symbolic link loops, pipes
and devices named on the command line, and a UTF-8 file with one bad byte."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from factdiff import api
from factdiff.load import decode, located, shown_path

VARIANT = (
    "Mission commander Godfrey Otunge spoke on Monday. The convoy was attacked near the border town of "
    "Mandera. Later, Geoffrey Otunge said more ambushes were expected.\n"
)
"""One article whose two spellings of a name are a finding, with evidence in two lines' worth."""
OTHER = "Kenya has deployed 400 police officers to Haiti, Mr John Kamau said on Monday.\n"
NOT_UTF8 = os.fsdecode(b"bad\xff.txt")
HOSTILE = "e\x1b]0;pwned\x07.txt"


def folder_of_odd_names(tmp_path: Path) -> Path:
    """A folder with a finding in a file whose name is not UTF-8, and an empty file (a warning)
    whose name would retitle the terminal."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / NOT_UTF8).write_text(VARIANT, encoding="utf-8")
    (folder / "ok.txt").write_text(OTHER, encoding="utf-8")
    (folder / HOSTILE).write_bytes(b"")
    return folder


def test_shown_path_escapes_bytes_and_controls_and_located_finds_the_file(tmp_path, monkeypatch):
    assert shown_path(NOT_UTF8) == "bad\\xff.txt"
    assert shown_path("a\x1b[2J\nb\u202e\x85\x7f.txt") == "a\\x1b[2J\\nb\\u202e\\x85\\x7f.txt"
    assert shown_path("Kenya/“ok” é.txt") == "Kenya/“ok” é.txt"
    monkeypatch.chdir(tmp_path)
    (tmp_path / os.fsdecode(b"sub\xfe")).mkdir()
    (tmp_path / os.fsdecode(b"sub\xfe") / HOSTILE).write_text(OTHER, encoding="utf-8")
    assert located("sub\\xfe/e\\x1b]0;pwned\\x07.txt") == os.path.join(os.fsdecode(b"sub\xfe"), HOSTILE)
    assert located("sub\\xfe/records.jsonl#2") == os.path.join(os.fsdecode(b"sub\xfe"), "records.jsonl")


def test_a_name_that_is_not_utf8_is_shown_escaped_in_every_format(run, tmp_path):
    folder = folder_of_odd_names(tmp_path)
    result = run("scan", str(folder), "--format", "json")
    report = json.loads(result.stdout_bytes.decode("utf-8"))
    assert result.exit_code == 2
    assert sorted(Path(d["path"]).name for d in report["documents"]) == ["bad\\xff.txt", "ok.txt"]
    [finding] = report["discrepancies"]
    assert [c["text"] for v in finding["variants"] for c in v["claims"]] == ["Godfrey Otunge", "Geoffrey Otunge"]
    assert {c["path"] for v in finding["variants"] for c in v["claims"]} == {str(folder / "bad\\xff.txt")}
    for output_format in ("rich", "markdown", "html"):
        shown = run("scan", str(folder), "--format", output_format).stdout_bytes.decode("utf-8")
        # the terminal view folds a long path at 80 columns, so look for it with line breaks taken out
        assert "bad\\xff.txt" in "".join(shown.split())
        assert "said more ambushes were expected" in " ".join(shown.split())  # evidence


def test_the_html_report_shows_the_full_text_of_a_file_whose_name_is_not_utf8(run, tmp_path):
    folder = folder_of_odd_names(tmp_path)
    page = run("scan", str(folder), "--format", "html").stdout_bytes.decode("utf-8")
    assert '<section class="document"' in page and "bad\\xff.txt</code>" in page
    assert "The convoy was attacked near the border town" in page  # a sentence no finding quotes
    report = api.scan([folder])
    assert "border town" in api.report_texts(report).text(report.documents[0].id)


def test_control_characters_in_names_never_reach_the_terminal_or_the_page(run, tmp_path):
    folder = folder_of_odd_names(tmp_path)
    (folder / "new\nline.txt").write_bytes(b"")
    result = run("scan", str(folder))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"{folder}/e\\x1b]0;pwned\\x07.txt: empty file" in result.stderr
    assert f"factdiff: {folder}/new\\nline.txt: empty file" in result.stderr.splitlines()
    page = run("scan", str(folder), "--format", "html").stdout
    assert "\x1b" not in page and "\x07" not in page and "e\\x1b]0;pwned\\x07.txt" in page


def test_a_record_of_a_json_lines_file_with_an_odd_name_is_read_again_for_evidence(run, tmp_path):
    records = tmp_path / os.fsdecode(b"wire\xe9.jsonl")
    records.write_text(json.dumps({"text": OTHER}) + "\n" + json.dumps({"text": VARIANT}) + "\n", encoding="utf-8")
    report = json.loads(run("scan", str(records), "--format", "json").stdout)
    [finding] = report["discrepancies"]
    [claim] = finding["variants"][0]["claims"]
    assert claim["path"] == str(tmp_path / "wire\\xe9.jsonl#2") and "Godfrey Otunge" in claim["sentence"]
    assert "The convoy was attacked" in run("scan", str(records), "--format", "html").stdout


@pytest.mark.parametrize("command", ["scan", "compare", "stories", "claims"])
def test_a_symbolic_link_loop_named_on_the_command_line_is_a_warning(run, tmp_path, command):
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    result = run(command, str(tmp_path / "loop"), str(tmp_path / "other.txt"))
    assert result.exit_code == 2 and "internal error" not in result.stderr
    assert f"factdiff: {tmp_path / 'loop'}: symbolic link loop" in result.stderr


def test_the_library_warns_of_a_loop_given_to_scan_and_compare(tmp_path):
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    expected = [("loop", "symbolic link loop (a link that leads back to itself)")]
    assert [(Path(w.path).name, w.message) for w in api.scan([tmp_path / "loop"]).warnings] == expected
    assert [
        (Path(w.path).name, w.message) for w in api.compare(tmp_path / "loop", tmp_path / "other.txt").warnings
    ] == expected


def factdiff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command in a subprocess: for what a CliRunner cannot give (pipes, bash)."""
    return subprocess.run(["factdiff", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def articles(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Mission commander Godfrey Otunge spoke to reporters on Monday in Mandera.\n", encoding="utf-8")
    second.write_text("Mission commander Geoffrey Otunge spoke to reporters on Monday in Mandera.\n", encoding="utf-8")
    return first, second


def test_compare_reads_bash_process_substitution_and_shows_evidence(tmp_path):
    articles(tmp_path)
    for output_format in ("json", "html"):
        command = f"factdiff compare <(cat a.txt) <(cat b.txt) --format {output_format}"
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and result.stderr == ""
        if output_format == "json":
            [finding] = json.loads(result.stdout)["discrepancies"]
            claims = [c for v in finding["variants"] for c in v["claims"]]
            assert all(c["path"].startswith("/dev/fd/") and "Mission commander" in c["sentence"] for c in claims)
        else:
            assert result.stdout.count('<section class="document"') == 2  # full texts, from the cached pipes


def test_a_fifo_named_on_the_command_line_is_read_once_and_a_folder_walk_skips_it(tmp_path):
    first, _second = articles(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(first.read_bytes()), daemon=True)
    writer.start()
    result = factdiff("compare", "pipe.txt", "b.txt", "--format", "json", cwd=tmp_path)
    writer.join(timeout=10)
    assert result.returncode == 1 and result.stderr == ""
    [finding] = json.loads(result.stdout)["discrepancies"]
    assert sorted(c["path"] for v in finding["variants"] for c in v["claims"]) == ["b.txt", "pipe.txt"]
    walked = factdiff("scan", ".", "--one-story", "--format", "json", cwd=tmp_path)  # reading the pipe would hang
    assert walked.returncode == 1 and len(json.loads(walked.stdout)["documents"]) == 2


def test_a_character_device_is_read_and_a_socket_is_not(run, tmp_path):
    result = run("scan", "/dev/null", "--format", "json")
    assert result.exit_code == 2 and json.loads(result.stdout)["warnings"] == [
        {"path": "/dev/null", "message": "empty file"}
    ]
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "sock"))
        result = run("scan", str(tmp_path / "sock"), "--format", "json")
    assert result.exit_code == 2 and json.loads(result.stdout)["warnings"][0]["message"] == "not a regular file: socket"


def test_one_bad_byte_in_a_utf8_file_is_replaced_not_read_as_cp1252(run, tmp_path):
    text = "“The mission is ready,” Mr John Kamau said on Monday in Nairobi.\n"
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(text.encode("utf-8").replace(b"Monday", b"Mon\xffday"))
    listing = json.loads(run("claims", str(damaged), "--format", "json").stdout)
    [document] = listing["documents"]
    assert document["encoding"] == "utf-8" and document["notes"] == ["1 invalid UTF-8 sequence replaced (U+FFFD)"]
    person = next(c for c in listing["claims"] if c["kind"] == "person")
    assert person["sentence"] == "“The mission is ready,” Mr John Kamau said on Mon\ufffdday in Nairobi."
    cp1252 = Path(__file__).parent / "data" / "inputs" / "cp1252.txt"
    assert decode(cp1252.read_bytes()) == ("Mr John Kamau said the “new” mission was ready.", "cp1252", ())
    assert decode(b"Kenya\x92s police") == ("Kenya’s police", "cp1252", ())  # no valid UTF-8 beside the bad byte
