"""HTML to extracted text: the main article, its headings and its metadata.

trafilatura finds the article among the navigation, sidebars, comments and banners of a
page (F1 0.909 on its 750-page benchmark) and returns it as an XML tree of headings,
paragraphs, lists, quotes, tables and code. briefer walks that tree and writes the words of
each heading, paragraph and list item as one block; tables, code and figures are left out.
trafilatura costs about 0.15 s to import, so it is imported only when HTML is read.
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import Any

from ..errors import InputError
from .blocks import BlockWriter, Extracted, tidy

# Fewer words than this in every block means the page had no article, only scraps of
# chrome such as a menu or a cookie notice.
MIN_ARTICLE_WORDS = 8
_WHITESPACE = re.compile(r"\s+")
# libxml2's HTML parser checks each attribute against all the others of its element: an
# element with 200,000 attributes took minutes. No page needs more than a few dozen, and
# trafilatura reads only class, id and a few others, so an element keeps its first
# MAX_ATTRIBUTES and the rest are dropped before parsing.
MAX_ATTRIBUTES = 64
_ATTRIBUTE = r"""(?:\s+|(?<=["']))[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>`=]+))?"""
_TAG_START = r"<[a-zA-Z][^\s/<>]*"
_EXCESS_ATTRIBUTES = re.compile(rf"({_TAG_START}(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES}}})(?:{_ATTRIBUTE})+")
_EXCESS_ATTRIBUTES_BYTES = re.compile(_EXCESS_ATTRIBUTES.pattern.encode())
# A page with more table cells than this has its data tables removed before extraction (see
# drop_data_tables); a cell of at least DATA_CELL_CHARS characters holds prose, not data.
MANY_CELLS = 1000
DATA_CELL_CHARS = 200
_SKIPPED = {"table", "code", "graphic", "figure", "note", "fw"}
_METADATA = ("author", "date", "sitename", "url", "description")


def read_html(data: bytes | str, *, name: str, url: str | None = None) -> Extracted:
    """Extract the main article of an HTML page; :class:`InputError` when it has none."""
    # trafilatura reports pages it cannot use through logging; briefer says so itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    import trafilatura
    from trafilatura.utils import load_html

    from .justext_linear import install

    install()
    _parse_deep_pages()
    try:
        page = bound_attributes(data)
        tree = load_html(page)  # the parse trafilatura makes itself, made here once
        found = trafilatura.bare_extraction(
            page if tree is None else drop_data_tables(tree),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_formatting=True,
            include_images=False,
            include_links=False,
        )
    except Exception as error:  # trafilatura raises assorted parser errors on broken markup
        raise InputError(f"{name}: cannot parse the HTML: {type(error).__name__}") from None
    body = getattr(found, "body", None) if found is not None else None
    title = tidy(str(getattr(found, "title", "") or "")).replace("\n", " ")
    writer = BlockWriter()
    if body is not None:
        # The page shows its title above the article; trafilatura keeps it in the body only
        # sometimes. Written before a lead that has no heading, it names the lead's section.
        first = next((child for child in body if isinstance(child.tag, str)), None)
        if title and first is not None and first.tag != "head":
            writer.add("heading", title)
        _walk(body, writer)
    text = writer.text
    if not any(len(text[b.start : b.end].split()) >= MIN_ARTICLE_WORDS for b in writer.blocks if b.kind != "heading"):
        raise InputError(f"{name}: no article found in the page")
    metadata = {key: str(value) for key in _METADATA if (value := getattr(found, key, None))}
    return writer.result(title=title, metadata=metadata)


_DEEP_PARSER: list[Any] = []


def _parse_deep_pages() -> None:
    """Let trafilatura's parse keep elements nested deeper than 255 (libxml2's default stops
    there and drops the rest of the page: an article inside 800 nested divs was "no article
    found"). With XML_PARSE_HUGE the bound is 2,048; the input is already bounded by size."""
    from lxml.html import HTMLParser
    from trafilatura import utils

    if not _DEEP_PARSER:
        options = {"collect_ids": False, "default_doctype": False, "remove_comments": True, "remove_pis": True}
        _DEEP_PARSER.append(HTMLParser(huge_tree=True, encoding="utf-8", **options))
    utils.HTML_PARSER = _DEEP_PARSER[0]


def bound_attributes(data: bytes | str) -> bytes | str:
    """The page with every element's attributes past the first MAX_ATTRIBUTES removed."""
    if isinstance(data, bytes):
        return _EXCESS_ATTRIBUTES_BYTES.sub(rb"\1", data)
    return _EXCESS_ATTRIBUTES.sub(r"\1", data)


def drop_data_tables(tree: Any) -> Any:
    """The page without its data tables, when it has more than MANY_CELLS table cells.

    briefer leaves tables out, and trafilatura's main extractor drops them too, but on a page
    made mostly of tables its fallbacks (readability, jusText, and a recall retry when the
    article covers little of the page) each read every cell: 8,000 rows took 15-20 s and a
    megabyte of small tables 30 s under load, about 60% of it in jusText. A table whose cells
    all hold less than DATA_CELL_CHARS characters of text is data and is removed; a table with
    a longer cell (an article laid out in a table, as old sites do) is kept. Pages with fewer
    cells are left exactly as they are. One pass over the tree, from the leaves up.
    """
    if sum(1 for _ in itertools.islice(tree.iter("td", "th"), MANY_CELLS + 1)) <= MANY_CELLS:
        return tree
    chars: dict[Any, int] = {}  # the text inside an element, tails of its children included
    longest: dict[Any, int] = {}  # the longest cell inside an element, itself included
    tables = []
    for element in reversed(list(tree.iter())):  # every descendant before its ancestor
        size = len(element.text or "") if isinstance(element.tag, str) else 0
        widest = 0
        for child in element:
            size += chars.get(child, 0) + len(child.tail or "")
            widest = max(widest, longest.get(child, 0))
        chars[element] = size
        longest[element] = max(widest, size) if element.tag in ("td", "th") else widest
        if element.tag == "table":
            tables.append(element)
    for table in tables:
        if longest[table] < DATA_CELL_CHARS and table.getparent() is not None:
            table.drop_tree()  # its tail, the text after it, stays
    return tree


def _walk(element: Any, writer: BlockWriter) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            rend = str(child.get("rend") or "")
            writer.add("heading", _words(child), int(rend[1:]) if rend[:1] == "h" and rend[1:].isdigit() else 1)
        elif tag == "list":
            _list(child, writer)
        elif tag in _SKIPPED or not tag:
            continue
        elif tag in ("quote", "div", "section", "article") and any(
            isinstance(c.tag, str) and c.tag in ("p", "head", "list", "quote") for c in child
        ):
            _walk(child, writer)
        else:
            writer.add("prose", _words(child))


def _list(element: Any, writer: BlockWriter) -> None:
    for item in element:
        if item.tag != "item":
            continue
        nested = [c for c in item if c.tag == "list"]
        writer.add("item", _words(item, skip=nested))
        for inner in nested:
            _list(inner, writer)


def _words(element: Any, skip: list[Any] | None = None) -> str:
    """The text of an element; ``<lb/>`` is a line break, skipped children say nothing."""
    parts: list[str] = [_flat(element.text)]
    for child in element:
        if skip and child in skip:
            pass
        elif child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _SKIPPED:
            parts.append(_words(child))
        parts.append(_flat(child.tail))
    return "".join(parts)


def _flat(text: str | None) -> str:
    """A line break in HTML source is a space on the page; only ``<br>`` breaks a line."""
    return _WHITESPACE.sub(" ", text) if text else ""
