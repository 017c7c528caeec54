"""Recognising an input's kind from its name, content type or first bytes."""

from __future__ import annotations

import pytest

from briefer.errors import UsageError
from briefer.sources.formats import detect_format
from briefer.sources.loader import load_source

HTML = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


@pytest.mark.parametrize(
    ("name", "data", "content_type", "expected"),
    [
        ("notes.md", b"# Notes\n\nSome text.", None, "markdown"),
        ("NOTES.MARKDOWN", b"Some text.", None, "markdown"),
        ("page.html", b"just words", None, "html"),
        ("page.htm", b"just words", None, "html"),
        ("report.pdf", PDF, None, "pdf"),
        ("letter.txt", b"Dear reader, [this](is) not Markdown here.", None, "text"),
        # The bytes of a PDF win over any name or content type.
        ("report.txt", PDF, "text/html", "pdf"),
        ("download", PDF, None, "pdf"),
        # A server's content type wins over the URL's extension.
        ("https://example.org/post.php", HTML, "text/html; charset=utf-8", "html"),
        ("https://example.org/feed.md?x=1", b"text", "text/plain", "text"),
        ("https://example.org/notes.md?x=1#top", b"text", None, "markdown"),
        # With no name to go by (stdin), the first bytes decide.
        ("-", b"\xef\xbb\xbf  <!doctype HTML>\n<html>", None, "html"),
        ("-", b"<!-- saved page -->\n<html lang=en>", None, "html"),
        ("-", b"Intro.\n\n```sh\nls\n```\n", None, "markdown"),
        ("-", b"See [the report](https://example.org/r.pdf) for more.", None, "markdown"),
        ("-", b"| a | b |\n|---|---|\n| 1 | 2 |\n", None, "markdown"),
        ("-", b"# A heading\n\nPlain text with a # heading stays plain text.", None, "text"),
        ("-", b"Just a paragraph of text.", None, "text"),
    ],
)
def test_detect_format(name, data, content_type, expected):
    assert detect_format(name, data, content_type) == expected


def test_input_format_overrides_detection(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>Tags <b>stay</b> when the input is read as text.</p>")
    loaded = load_source(str(path), input_format="text")
    assert loaded.input_format == "text"
    assert loaded.text.startswith("<p>Tags <b>stay</b>")


def test_unknown_input_format_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Words.")
    with pytest.raises(UsageError, match="unknown input format 'docx'"):
        load_source(str(path), input_format="docx")


def test_cli_rejects_an_unknown_input_format(run_brief):
    result = run_brief("--input-format", "docx", "--sample")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("brief: argument --input-format: invalid choice")


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_cli_rejects_a_bad_timeout(run_brief, value):
    result = run_brief("--timeout", value, "--sample")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("brief: argument --timeout:")


def test_each_reader_loads_only_for_its_kind(tmp_path):
    """A plain-text briefing must not pay for trafilatura, pypdf, markdown-it or urllib."""
    import subprocess
    import sys

    from conftest import ROOT, SEED

    code = (
        "import sys; from briefer.cli import main; main([sys.argv[1], '-n', '2']);"
        "heavy = [m for m in ('trafilatura', 'pypdf', 'markdown_it', 'urllib.request', 'lxml') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, env={"PYTHONPATH": str(ROOT / "src")}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"china tajikistan strategic dialogue")
