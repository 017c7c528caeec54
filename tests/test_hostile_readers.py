"""Issue 16, the readers' own bounds on hostile shapes: each is exact (the text a reader
extracts is unchanged), or, where it cuts work, says so. No timing is asserted."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import hostile as H
from briefer.errors import InputError
from briefer.sources import markdown as md
from cases import cases

EXAMPLES = settings().max_examples

BRACKET_PIECES = st.sampled_from(
    ["[", "]", "[[", "]]", "[^", "![", "(", ")", "(http://x.org)", "\\[", "\\]", "`", "<", ">", "a", " ", "\n",
     "\n\n", "*", "[x]: http://y.org\n", "Words here. ", "](u)", "[x]", "[^1]", " [^open",
     "(javascript:x)", "(JavaScript:x)", "<http://b\u00fccher.de/a b>", "(http://b\u00fccher.de/%zz)",
     "(data:image/png;x)", "(data:text/html,x)", "( <x y>)", "\t", "\u00a0"]
)  # fmt: skip


def _plain_tokens(source: str) -> list[tuple[str, str]]:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _flat(parser.parse(source))


def _guarded_tokens(source: str) -> list[tuple[str, str]]:
    return _flat(md.make_parser().parse(source))


def _flat(tokens) -> list[tuple[str, str]]:
    # Addresses are left as written by briefer's parser (it writes none): all else must match.
    out = []
    for token in tokens:
        out.append((token.type, token.content))
        for child in token.children or []:
            attrs = {key: value for key, value in (child.attrs or {}).items() if key not in ("href", "src")}
            out.append((child.type, child.content + str(attrs)))
    return out


@settings(max_examples=cases(max(100, EXAMPLES // 5)), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(BRACKET_PIECES, max_size=60).map("".join))
def test_refusing_links_without_a_close_never_changes_the_parse(source):
    assert _guarded_tokens(source) == _plain_tokens(source)


def test_a_link_after_many_open_brackets_is_still_a_link():
    source = "[" * 500 + "[name](http://x.org) and ![pic](p.png) end"
    assert _guarded_tokens(source) == _plain_tokens(source)
    assert any(kind == "link_open" for kind, _ in _guarded_tokens(source))


def test_open_brackets_are_kept_as_text():
    text = md.read_markdown(H.markdown_brackets(2_000).decode()).text
    assert "[" * 2_000 in text


def _page(body: str) -> bytes:
    return f"<html><head><title>Council</title></head><body>{body}</body></html>".encode()


STORY = "".join(f"<p>{H.PROSE} Part {i} of the story, with words of its own: {i} {i * 7}.</p>" for i in range(6))
ROW = "<tr><td>Budget</td><td>Hours</td><td>Nine</td></tr>"


def test_a_page_of_many_cells_loses_its_data_tables_and_keeps_a_layout_table():
    from lxml import etree
    from trafilatura.utils import load_html

    from briefer.sources.html import MANY_CELLS, drop_data_tables

    rows = MANY_CELLS // 3 + 1
    body = f"<table><tr><td>Menu</td></tr><tr><td>{STORY}</td></tr></table><table>{ROW * rows}</table><p>After.</p>"
    tree = drop_data_tables(load_html(_page(body)))
    assert len(tree.findall(".//table")) == 1  # the layout table, whose cell holds the story
    assert "Part 5 of the story" in etree.tostring(tree, encoding="unicode")
    assert "Hours" not in etree.tostring(tree, encoding="unicode")
    assert "After." in etree.tostring(tree, encoding="unicode")  # the text after a removed table


def test_a_page_of_few_cells_is_left_as_it_is():
    from lxml import etree
    from trafilatura.utils import load_html

    from briefer.sources.html import drop_data_tables

    tree = load_html(_page(STORY + f"<table>{ROW * 20}</table>"))
    before = etree.tostring(tree)
    assert etree.tostring(drop_data_tables(tree)) == before


@pytest.mark.parametrize("tables", [H.html_tables(3_000), H.html_many_tables(3_000)], ids=["rows", "tables"])
def test_a_page_of_tables_says_what_the_page_without_them_says(tables):
    from briefer.sources.html import read_html

    article = tables.split(b"<table>", 1)[0] + b"</article></body></html>"
    assert read_html(tables, name="x").text == read_html(article, name="x").text


def test_a_pdf_of_pages_too_dense_to_read_is_one_clear_line(run_brief, tmp_path):
    from briefer.sources.pdf import MAX_TEXT_OPERATORS

    path = tmp_path / "spaces.pdf"
    path.write_bytes(H.pdf_spaces(2, 3 * MAX_TEXT_OPERATORS))
    result = run_brief(str(path), timeout=240)
    assert result.returncode == 3
    assert result.stderr.decode().strip() == (
        f"brief: {path}: every page shows more than {MAX_TEXT_OPERATORS:,} pieces of text,"
        " more than briefer reads on a page (a page of prose has a few thousand)"
    )


def test_a_dense_page_is_left_unread_and_the_others_are_read(monkeypatch):
    from briefer.sources import pdf

    # The bound is what is checked: with it lowered below one prose page's operators, every
    # page of an ordinary PDF is too dense; with it above, all are read.
    data = H.pdf_pages(3)
    assert pdf.read_pdf(data, name="x").metadata.get("unreadable_pages") is None
    monkeypatch.setattr(pdf, "MAX_TEXT_OPERATORS", 10)
    with pytest.raises(InputError, match="every page shows more than 10 pieces of text"):
        pdf.read_pdf(data, name="x")


def test_one_dense_page_costs_that_page_only():
    from briefer.sources import pdf

    prose = ["The council met on Tuesday to discuss the new budget for the libraries.", H.PROSE[:80]]
    dense = H._stream(H._text_ops(["A heading"])[:-2] + b" ( ) Tj" * (pdf.MAX_TEXT_OPERATORS + 1) + b" ET")
    data = H._raw_pdf([dense, H._stream(H._text_ops(prose))], [0, 1])
    extracted = pdf.read_pdf(data, name="x")
    assert extracted.metadata["unreadable_pages"] == "1"
    assert "discuss the new budget" in extracted.text


def test_a_list_item_of_dashes_and_pipes_is_not_a_table_delimiter():
    # Found by the thorough hypothesis run: "- |---|---|" is a list item to markdown-it, and
    # the row after it was dropped as if it were a table's body.
    source = "[| a | b |\n- |---|---|\n|"
    assert md.drop_table_rows(source) == source
    assert md.read_markdown(source).text == md.read_markdown(source).text
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert md.drop_table_rows(table) == "| a | b |\n|---|---|\n"


def test_a_header_that_continues_a_quote_is_not_a_table():
    # Found by the thorough hypothesis run: the "table" is a lazy line of the quote's paragraph.
    source = "> | a | b |\n| a | b |\n|---|---|\n|"
    assert md.drop_table_rows(source) == source


def test_an_article_nested_800_elements_deep_is_read_whole():
    # libxml2's default parse stops at 255 levels and dropped the article ("no article found").
    from briefer.sources.html import read_html

    shallow = read_html(H.html_deep_nesting(10), name="x.html").text
    assert read_html(H.html_deep_nesting(800), name="x.html").text == shallow
