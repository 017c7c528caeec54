"""Issue 16: no hostile or unusual input makes brief crash, hang or grind.

Each shape runs through the real command at a moderate size with a generous time-out that
only a hang reaches (no timing is asserted); where a fix bounds work, the bound itself is
checked. benchmarks/hostile.py runs the same shapes at full size and measures their growth.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest

import hostile as H
from conftest import ROOT

HANG = 240  # seconds: far past what any of these takes; only a hang reaches it


def _one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) <= 1, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return lines[0] if lines else ""


SHAPES = [
    ("attributes.html", lambda: H.html_many_attributes(50_000)),
    ("table.html", lambda: H.html_tables(2_000)),
    ("tables.html", lambda: H.html_many_tables(2_000)),
    ("brackets.md", lambda: H.markdown_brackets(50_000)),
    ("wiki.md", lambda: H.markdown_wiki_open(20_000)),
    ("footnote-marks.md", lambda: H.markdown_footnote_open(20_000)),
    ("footnotes.md", lambda: H.markdown_footnotes(5_000)),
    ("table.md", lambda: H.markdown_table(50_000)),
    ("references.md", lambda: H.markdown_link_references(10_000)),
    ("emphasis.md", lambda: H.markdown_emphasis(20_000)),
    ("pages.pdf", lambda: H.pdf_pages(150)),
    ("spaces.pdf", lambda: H.pdf_spaces(5)),
]


@pytest.mark.parametrize(("name", "build"), SHAPES, ids=[name for name, _ in SHAPES])
def test_a_hostile_shape_gives_a_briefing_or_one_line(run_brief, tmp_path, name, build):
    path = tmp_path / name
    path.write_bytes(build())
    result = run_brief(str(path), "-f", "json", timeout=HANG)
    _one_line(result)
    assert result.returncode in (0, 3)
    if result.returncode == 0:
        assert json.loads(result.stdout)["summary"]


# --- the bounds --------------------------------------------------------------------------


def test_an_element_keeps_its_first_attributes_only():
    from briefer.sources.html import MAX_ATTRIBUTES, bound_attributes

    page = H.html_many_attributes(10_000)
    bounded = bound_attributes(page)
    assert bounded.count(b'="v"') == MAX_ATTRIBUTES
    assert bound_attributes(page.decode()).count('="v"') == MAX_ATTRIBUTES
    ordinary = H.html_article(3)
    assert bound_attributes(ordinary) == ordinary  # a page with few attributes is untouched


def test_linear_justext_classification_equals_justexts_own():
    from justext.core import revise_paragraph_classification as original

    from briefer.sources.justext_linear import revise_paragraph_classification as linear

    class Paragraph:
        def __init__(self, cf_class: str, heading: bool, text: str) -> None:
            self.cf_class, self.heading, self.text, self.class_type = cf_class, heading, text, ""

    rng = random.Random(7)
    for _ in range(400):
        n = rng.randint(0, 30)
        shape = [
            (rng.choice(["good", "bad", "short", "neargood"]), rng.random() < 0.2, "x" * rng.choice([0, 5, 80, 200]))
            for _ in range(n)
        ]
        ours = [Paragraph(*p) for p in shape]
        theirs = [Paragraph(*p) for p in shape]
        linear(ours, 150)
        original(theirs, 150)
        assert [p.class_type for p in ours] == [p.class_type for p in theirs]


NOTES_WITH_TABLES = [
    "# T\n\nProse before.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nProse after.\n",
    "Prose line\n| a | b |\n|---|---|\n| 1 | 2 |\n# Heading | pipe\n\nMore.\n",
    "| a | b |\n|---|\n| 1 | 2 |\n\nNot a table: cells differ.\n",
    "Some text | more\n---\nnext | line\n\nA setext heading, not a table.\n",
    "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n- next item | with pipe\n",
    "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n\nAfter the fence.\n",
    "> | a | b |\n> |---|---|\n> | 1 | 2 |\n\nQuoted table.\n",
    "| a |\n| - |\n| x |\n> quote | pipe\n\nEnd.\n",
]


@pytest.mark.parametrize("note", NOTES_WITH_TABLES)
def test_dropping_table_rows_changes_no_extracted_text(note, monkeypatch):
    from briefer.sources import markdown

    dropped = markdown.read_markdown(note)
    monkeypatch.setattr(markdown, "drop_table_rows", lambda text: text)
    whole = markdown.read_markdown(note)
    assert dropped.text == whole.text
    assert [(b.kind, b.start, b.end) for b in dropped.blocks] == [(b.kind, b.start, b.end) for b in whole.blocks]


def test_a_long_table_never_reaches_the_markdown_parser():
    from briefer.sources.markdown import drop_table_rows

    note = H.markdown_table(10_000).decode()
    assert len(drop_table_rows(note)) < 2_000  # the header, the delimiter and the prose


def test_pages_sharing_a_content_stream_are_read_once(monkeypatch):
    from briefer.sources import pdf

    calls = []
    original = pdf._page_lines
    monkeypatch.setattr(pdf, "_page_lines", lambda page, number: calls.append(number) or original(page, number))
    extracted = pdf.read_pdf(H.pdf_pages(30, shared=True), name="x")
    assert calls == [0]
    assert extracted.metadata["pages"] == "30"


def test_what_pdf_pages_unpack_to_is_bounded_by_the_size_limit(run_brief, tmp_path):
    from briefer.errors import InputError
    from briefer.sources.pdf import read_pdf

    bomb = H.pdf_shared_stream(2, megabytes=3)
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match=r"unpack to more than the 2 MB limit \(raise it with --max-size\)"):
        read_pdf(bomb, name="x", max_bytes=2 * 1024 * 1024)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(H.pdf_shared_stream(500, megabytes=70))
    result = run_brief(str(path), timeout=HANG)
    assert result.returncode == 3
    assert "--max-size" in _one_line(result)


def test_a_word_hyphenated_at_a_line_break_is_joined_and_a_compound_kept():
    from briefer.sources.pdf import _compounds, _join

    compounds = _compounds("a well-known author\nco-operation and well-known-ish")
    assert ("well", "known") in compounds and ("known", "ish") in compounds
    parts = ["the well-"]
    _join(parts, "known tale", compounds)
    assert "".join(parts) == "the well-known tale"
    parts = ["the coun-"]
    _join(parts, "cil met", compounds)
    assert "".join(parts) == "the council met"


# --- decoding ----------------------------------------------------------------------------


def test_one_bad_byte_in_utf8_is_one_replacement_and_a_note(run_brief, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(H.utf8_with_bad_byte())
    result = run_brief(str(path), "-f", "json", "--include-text", timeout=HANG)
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    assert briefing["text"].count("\ufffd") == 1
    assert "’" in briefing["text"] and "‚Äô" not in briefing["text"]
    assert any("invalid byte" in note for note in briefing["notes"])


def test_cyrillic_utf8_with_one_bad_byte_is_read():
    from briefer.sources.decode import decode_text

    decoded = decode_text(H.cyrillic_with_bad_byte())
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1
    assert "Совет собрался" in decoded.text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (H.LATIN1_TEXT, "latin-1"),
        ("Der Bär läuft über die Straße. Schöne Grüße aus München. " * 3, "cp1252"),
        ("El niño comió la piñata. ¿Dónde está la señora? " * 3, "latin-1"),
        ("Dobrý den, jak se máte? Děkuji, mám se dobře. Příliš žluťoučký kůň úpěl ďábelské ódy. " * 3, "cp1250"),
        ("Привет, как дела? Всё хорошо, спасибо. " * 3, "cp1251"),
    ],
)
def test_a_short_single_byte_text_is_read_in_its_languages_encoding(text, encoding):
    from briefer.sources.decode import decode_text

    assert decode_text(text.encode(encoding)).text == text


def test_a_few_control_bytes_are_dropped_with_a_note_and_binary_is_still_refused(run_brief, tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(H.text_with_nul())
    result = run_brief(str(path), "-f", "json", timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert any("control character" in note for note in json.loads(result.stdout)["notes"])
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    result = run_brief(str(binary))
    assert result.returncode == 3 and "binary data" in _one_line(result)


# --- options -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["inf", "1e300", "nan", "9999999999", "-1"])
def test_an_absurd_timeout_is_a_usage_error(run_brief, value):
    result = run_brief("--sample", "--timeout", value)
    assert result.returncode == 2
    assert "timeout" in _one_line(result)


@pytest.mark.parametrize("value", ["30000", "99999999999999999999"])
def test_a_huge_max_size_is_capped_with_a_note(run_brief, tmp_path, value):
    from briefer.cli.options import max_size_cap

    path = tmp_path / "a.txt"
    path.write_bytes(H.text_prose(5_000))
    for args, stdin in (([str(path)], None), (["-"], path.read_bytes())):
        result = run_brief(*args, "--max-size", value, stdin=stdin, timeout=HANG)
        assert result.returncode == 0
        assert _one_line(result) == f"brief: note: --max-size {value} is more than this machine can hold;" + (
            f" {max_size_cap()} MB is used"
        )
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": 1, "text": H.PROSE}) + "\n")
    result = run_brief("--batch", str(records), "--max-size", value, timeout=HANG)
    assert result.returncode == 0 and json.loads(result.stdout)["id"] == 1


def test_a_huge_count_is_a_usage_error(run_brief):
    result = run_brief("--sample", "--jobs", "99999999999")
    assert result.returncode == 2 and "--jobs" in _one_line(result)


# --- output ------------------------------------------------------------------------------


def _shell(line: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    command = line.replace("BRIEF", f"{sys.executable} -m briefer")
    return subprocess.run(["sh", "-c", command], capture_output=True, env=env, timeout=HANG, cwd=tmp_path)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "extra", ["--sample", "--sample -f json", "--batch r.jsonl --jobs 1", "--batch r.jsonl --jobs 2"]
)
def test_a_full_stdout_is_one_line_and_exit_4(tmp_path, extra):
    (tmp_path / "r.jsonl").write_text("".join(json.dumps({"id": i, "text": H.PROSE * 40}) + "\n" for i in range(6)))
    result = _shell(f"BRIEF {extra} > /dev/full", tmp_path)
    assert result.returncode == 4
    assert _one_line(result) == "brief: cannot write the output: No space left on device"


def test_a_closed_stdout_is_one_line_and_exit_4(tmp_path):
    result = _shell("BRIEF --sample >&-", tmp_path)
    assert result.returncode == 4
    assert _one_line(result) == "brief: cannot write the output: standard output is closed"
    # With -o the closed stdout is not needed, and the file is written.
    result = _shell("BRIEF --sample -o out.txt >&-", tmp_path)
    assert result.returncode == 0 and (tmp_path / "out.txt").read_text().strip()


def test_a_closed_stderr_keeps_messages_out_of_stdout(tmp_path):
    (tmp_path / "r.jsonl").write_text('{"id": 1, "text": "One. Two."}\nnot json\n')
    result = _shell("BRIEF --batch r.jsonl 2>&- > out.jsonl", tmp_path)
    assert result.returncode == 1
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["id"] in (1, 2) for line in lines)


def test_o_writes_through_a_symlink_to_its_target(run_brief, tmp_path):
    (tmp_path / "target").write_text("old")
    (tmp_path / "link").symlink_to("target")
    assert run_brief("--sample", "-o", "link").returncode == 0
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "target").read_text().lower().startswith("china tajikistan")


def test_o_writes_into_a_fifo_without_replacing_it(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = _shell("cat fifo > got & BRIEF --sample -o fifo; wait", tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert (tmp_path / "got").read_text().lower().startswith("china tajikistan")


def test_o_never_replaces_a_device(run_brief):
    assert run_brief("--sample", "-o", os.devnull).returncode == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_o_respects_a_read_only_file(run_brief, tmp_path):
    path = tmp_path / "ro.txt"
    path.write_text("old")
    path.chmod(0o444)
    result = run_brief("--sample", "-o", str(path))
    assert result.returncode == 4 and "read-only" in _one_line(result)
    assert path.read_text() == "old"


# --- batch -------------------------------------------------------------------------------


def test_workers_are_bounded_by_cores_and_chunks():
    from briefer.cli.batch import default_jobs, worker_count

    assert worker_count(99_999, 1) == 1
    assert worker_count(99_999, 10_000) == default_jobs()
    assert worker_count(1, 10_000) == 1


def test_jobs_99999_on_one_record_starts_no_pool(run_brief, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": 1, "text": H.PROSE}) + "\n")
    result = run_brief("--batch", str(path), "--jobs", "99999", timeout=HANG)
    assert result.returncode == 0 and json.loads(result.stdout)["id"] == 1


def test_ids_past_floats_stay_valid_json(run_brief, tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(f'{{"id": {i}, "text": "{H.PROSE}"}}\n' for i in ("1e999", "NaN", "-Infinity", "2.5")))
    result = run_brief("--batch", str(path), timeout=HANG)
    assert result.returncode == 0

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    ids = [json.loads(line, parse_constant=refuse)["id"] for line in result.stdout.decode().splitlines()]
    assert ids == ["1e999", "NaN", "-Infinity", 2.5]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("merge", [[], ["--merge"]])
def test_batch_of_dev_zero_ends_with_one_line(run_brief, merge):
    result = run_brief("--batch", "/dev/zero", *merge, timeout=HANG)
    assert result.returncode == 3
    assert "no end of line" in result.stderr.decode()


def test_merge_honours_max_size(run_brief, tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "word " * 1_300_000}) + "\n")
    result = run_brief("--batch", str(path), "--merge", "--max-size", "5", timeout=HANG)
    assert result.returncode == 3
    assert "larger than the 5 MB limit" in result.stderr.decode()


def _long_batch(tmp_path) -> str:
    text = (ROOT / "src" / "briefer" / "data" / "china-tajikistan-strategic-dialogue.txt").read_text()
    path = tmp_path / "long.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": text * 30}) + "\n" for i in range(20)))
    return str(path)


def _start_batch(tmp_path) -> tuple[subprocess.Popen, list[int]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-m", "briefer", "--batch", _long_batch(tmp_path), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        found = subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True).stdout.split()
        workers = [int(pid) for pid in found]
    time.sleep(1)  # the workers are in their first chunk
    return child, workers


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "zombie" not in status.read()
    except FileNotFoundError:
        return False


def _gone_soon(pids: list[int]) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; pgrep")


@needs_linux
@pytest.mark.parametrize(
    ("signum", "code", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_stopped_batch_ends_its_workers_at_once(tmp_path, signum, code, word):
    child, workers = _start_batch(tmp_path)
    assert workers, "no worker started"
    os.killpg(child.pid, signum) if signum == signal.SIGINT else child.send_signal(signum)
    # The workers are in the middle of chunks that take far longer than this to finish:
    # the parent ends them rather than waiting.
    assert child.wait(timeout=HANG) == code
    assert word in child.stderr.read().decode()
    assert _gone_soon(workers)


@needs_linux
def test_workers_die_with_a_killed_parent(tmp_path):
    child, workers = _start_batch(tmp_path)
    assert workers, "no worker started"
    child.kill()
    child.wait()
    assert _gone_soon(workers)


# --- manners -----------------------------------------------------------------------------


def test_color_always_wins_over_no_color(run_brief):
    result = run_brief("--sample", "--color", "always", env={"NO_COLOR": "1"})
    assert b"\x1b[" in result.stdout
    assert b"\x1b[" not in run_brief("--sample", env={"NO_COLOR": "1"}).stdout


def test_lsa_says_nothing_on_a_successful_run(run_brief):
    text = "".join(f"## Part {i}\n\nThe council met on Tuesday number {i}.\n\n" for i in range(50))
    result = run_brief("-m", "lsa", "-", stdin=text.encode(), timeout=HANG)
    assert result.returncode == 0
    assert result.stderr == b""
