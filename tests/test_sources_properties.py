"""Any input at all: detection always answers, readers raise only InputError, offsets stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.errors import InputError
from briefer.sources.document import build_document
from briefer.sources.formats import FORMATS, detect_format
from briefer.sources.html import read_html
from briefer.sources.markdown import read_markdown

MARKDOWN_PIECES = st.sampled_from(
    [
        "# ", "## ", "Title\n===\n", "Sub\n---\n", "- ", "1. ", "> ", "```\n", "    ", "| a | b |\n|---|---|\n",
        "**", "*", "_", "`", "[link](http://x.org)", "![img](a.png)", "<br>", "<b>", "[^1]", "[[Wiki]]",
        "\n", "\n\n", " ", "word ", "Sentence one. ", "Another sentence here. ", "é", "—", "\t",
    ]
)  # fmt: skip
HTML_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<h2>", "</h2>", "<ul><li>", "</li></ul>", "<br>", "<table><tr><td>", "</td></tr></table>",
        "<article>", "</article>", "<nav>", "</nav>", "<!--", "-->", "<script>", "</script>", "&amp;", "&#x27;",
        "The survey measured forty glaciers over twelve summers. ", "Every one had retreated. ", "word ", "\n",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_markdown_blocks_are_spans_of_the_extracted_text(source):
    extracted = read_markdown(source)
    text = extracted.text
    for block in extracted.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start : block.end].strip() == text[block.start : block.end]
    if not extracted.blocks:
        return
    try:
        document = build_document(text, blocks=extracted.blocks, input_format="markdown")
    except InputError:
        return
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_PIECES, max_size=40).map("".join))
def test_html_reader_raises_only_input_errors(page):
    try:
        extracted = read_html(page, name="page.html")
    except InputError:
        return
    for block in extracted.blocks:
        assert extracted.text[block.start : block.end]


@settings(max_examples=300)
@given(st.text(max_size=20), st.binary(max_size=200), st.one_of(st.none(), st.text(max_size=40)))
def test_detection_always_answers(name, data, content_type):
    assert detect_format(name, data, content_type) in FORMATS
