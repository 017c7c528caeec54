"""Any input at all: detection always answers, readers raise only InputError, offsets stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.errors import InputError
from briefer.sources.document import build_document
from briefer.sources.formats import FORMATS, detect_format
from briefer.sources.html import read_html
from briefer.sources.markdown import read_markdown
from cases import cases

EXAMPLES = settings().max_examples

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


@settings(max_examples=cases(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=cases(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_PIECES, max_size=40).map("".join))
def test_html_reader_raises_only_input_errors(page):
    try:
        extracted = read_html(page, name="page.html")
    except InputError:
        return
    for block in extracted.blocks:
        assert extracted.text[block.start : block.end]


@settings(max_examples=cases(300))
@given(st.text(max_size=20), st.binary(max_size=200), st.one_of(st.none(), st.text(max_size=40)))
def test_detection_always_answers(name, data, content_type):
    assert detect_format(name, data, content_type) in FORMATS


# Issue 16: the readers on bytes, with the pieces hostile input was made of.
HOSTILE_MARKDOWN = st.sampled_from(
    [
        "[", "[[", "[^", "]", "]]", "|", "| a | b |\n", "|---|---|\n", "| 1 | 2 |\n", "---\n", "> ", "- ", "# ",
        "[ref]: http://x.org\n", "[ref]", "*a _b ", "`", "```\n", "\n", "\n\n", "word ", "Sentence one. ", "\x00", "é",
    ]
)  # fmt: skip


@settings(max_examples=cases(max(50, EXAMPLES // 5)), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(HOSTILE_MARKDOWN, max_size=60).map("".join))
def test_dropping_table_rows_never_changes_what_markdown_says(source):
    from briefer.sources import markdown

    with_drop = markdown.read_markdown(source)
    original = markdown.drop_table_rows
    try:
        markdown.drop_table_rows = lambda text: text
        whole = markdown.read_markdown(source)
    finally:
        markdown.drop_table_rows = original
    assert with_drop.text == whole.text


@settings(max_examples=cases(max(50, EXAMPLES // 5)), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=400), st.lists(HOSTILE_MARKDOWN, max_size=60).map(lambda p: "".join(p).encode())))
def test_markdown_bytes_give_text_or_an_input_error(data):
    from briefer.sources.decode import decode_text

    try:
        text = decode_text(data, "note.md").text
    except InputError:
        return
    extracted = read_markdown(text)
    for block in extracted.blocks:
        assert 0 <= block.start < block.end <= len(extracted.text)


HOSTILE_HTML = st.sampled_from(
    [
        "<p>", "</p>", '<p a="1" b=2 c>', "<table><tr><td>", "</td></tr>", "</table>", "<li>", "<div>", "</div>",
        "<!--", "-->", "<", ">", "&", '"', "'", "=", "\x00", "The survey measured forty glaciers over twelve summers. ",
    ]
)  # fmt: skip


@settings(max_examples=cases(max(20, EXAMPLES // 25)), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=400), st.lists(HOSTILE_HTML, max_size=60).map(lambda p: "".join(p).encode())))
def test_html_bytes_give_an_article_or_an_input_error(data):
    try:
        extracted = read_html(data, name="page.html")
    except InputError:
        return
    for block in extracted.blocks:
        assert extracted.text[block.start : block.end]


def _small_pdf() -> bytes:
    import hostile

    return hostile.pdf_pages(2)


@settings(max_examples=cases(max(20, EXAMPLES // 10)), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_pdf_bytes_give_text_or_an_input_error(data):
    from briefer.sources.pdf import read_pdf

    pdf = bytearray(_small_pdf())
    for _ in range(data.draw(st.integers(0, 6))):
        at = data.draw(st.integers(0, len(pdf) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            pdf[at] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del pdf[at : at + data.draw(st.integers(1, 64))]
        else:
            pdf[at:at] = data.draw(st.binary(min_size=1, max_size=32))
        if not pdf:
            return
    try:
        extracted = read_pdf(bytes(pdf), name="x.pdf")
    except InputError:
        return
    for block in extracted.blocks:
        assert extracted.text[block.start : block.end]
