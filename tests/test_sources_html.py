"""HTML files and HTML on stdin: the article, its headings and metadata, nothing around it."""

from __future__ import annotations

import json

import pytest

from briefer.errors import InputError
from briefer.pipeline import load
from briefer.sources.html import read_html
from pages import ARTICLE_HTML, ARTICLE_SECTIONS, BLOG_CHROME, BLOG_HTML, BLOG_SECTIONS, CHROME, NO_ARTICLE_HTML

REPORT_HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Harbour report</title></head>
<body><main><article>
<h1>Harbour dredging report</h1>
<p>The harbour authority finished dredging the inner basin in June, two months later than planned.
The delay came from storms that stopped work for most of April.</p>
<h2>Costs</h2>
<p>The work cost “eleven million” crowns, a tenth more than the budget approved by the council.</p>
<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Dredging vessel hire</td><td>7 million</td></tr></table>
<pre><code>total = vessel + crew + disposal  # not prose</code></pre>
<p>Most of the overrun was the cost of hiring the dredging vessel for the extra weeks.<br>
Crew wages made up the rest of it, according to the authority.</p>
<h3>Who pays</h3>
<p>The council will cover the overrun from its reserve fund, and no project was cancelled to pay for it.</p>
</article></main></body></html>
"""


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(REPORT_HTML.encode("cp1252"))
    return path


def test_html_file_gives_the_article_with_its_sections(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    document = load(str(path))
    assert document.input_format == "html"
    assert [s.title for s in document.sections] == ARTICLE_SECTIONS
    for words in CHROME:
        assert words.lower() not in document.text.lower()
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


def test_a_blog_post_without_its_comments_sidebar_and_cookie_bar(tmp_path):
    path = tmp_path / "post.html"
    path.write_text(BLOG_HTML, encoding="utf-8")
    document = load(str(path))
    assert document.title == "Why our team moved to four-day weeks"
    assert document.metadata["author"] == "Priya Raman"
    assert document.metadata["date"] == "2025-06-02"
    assert [s.title for s in document.sections] == BLOG_SECTIONS
    for words in BLOG_CHROME:
        assert words.lower() not in document.text.lower(), words
    assert document.sentences[0].text.startswith("Last autumn our platform team of fourteen engineers")
    assert document.sentences[-1].text == "We will publish their numbers as well."


def test_tables_and_code_are_left_out_and_br_breaks_a_line(report):
    document = load(str(report))
    assert [s.title for s in document.sections] == ["Harbour dredging report", "Costs", "Who pays"]
    assert "Dredging vessel hire" not in document.text
    assert "total = vessel" not in document.text
    assert "for the extra weeks.\nCrew wages" in document.text
    # The page's own charset (windows-1252) decides how its bytes are read.
    assert "“eleven million”" in document.text


def test_html_on_stdin_is_recognised(run_brief):
    result = run_brief("-f", "json", stdin=ARTICLE_HTML.encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input_format"] == "html"
    assert data["title"] == ARTICLE_SECTIONS[0]
    assert [s["title"] for s in data["sections"]] == ARTICLE_SECTIONS


def test_input_format_html_overrides_the_name(tmp_path, run_brief):
    path = tmp_path / "saved.txt"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    as_text = json.loads(run_brief(str(path), "-f", "json", "--include-text").stdout)
    assert as_text["input_format"] == "text"
    assert "<article" in as_text["text"]
    as_html = json.loads(run_brief(str(path), "--input-format", "html", "-f", "json", "--include-text").stdout)
    assert as_html["input_format"] == "html"
    assert "<article" not in as_html["text"]
    for point in as_html["summary"]:
        assert as_html["text"][point["start"] : point["end"]] == point["text"]


def test_brief_page_html_text_output(tmp_path, run_brief):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    result = run_brief(str(path), "-n", "3", "--width", "100")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.splitlines()[:2] == [ARTICLE_SECTIONS[0], "Maria Lindqvist · 2024-03-14"]
    for title in ARTICLE_SECTIONS[1:]:
        assert title in out
    assert out.count("•") == 3
    for words in CHROME:
        assert words.lower() not in out.lower()


def test_a_page_with_no_article(tmp_path, run_brief):
    path = tmp_path / "home.html"
    path.write_text(NO_ARTICLE_HTML, encoding="utf-8")
    with pytest.raises(InputError, match="no article found in the page"):
        load(str(path))
    result = run_brief(str(path))
    assert result.returncode == 3
    assert result.stderr.decode() == f"brief: {path}: no article found in the page\n"


@pytest.mark.parametrize("page", [b"", b"<html>", b"<<<>>>\x00\xff", b"<html><body></body></html>"])
def test_empty_or_broken_html_is_an_input_error(page):
    with pytest.raises(InputError):
        read_html(page, name="page.html")


def test_a_folder_of_pages_and_notes_makes_one_briefing(tmp_path, run_brief):
    from test_sources_markdown import NOTES

    folder = tmp_path / "reading"
    folder.mkdir()
    (folder / "a-page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (folder / "b-notes.md").write_text(NOTES, encoding="utf-8")
    result = run_brief(str(folder), "-f", "json", "--include-text", "-n", "4")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sources"]] == [ARTICLE_SECTIONS[0], "Team notes on the glacier survey"]
    for point in data["summary"]:
        text = data["sources"][point["source"]]["text"]
        assert text[point["start"] : point["end"]] == point["text"]
        assert "**" not in point["text"] and "cookie" not in point["text"].lower()
