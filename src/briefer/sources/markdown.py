"""Markdown to extracted text: headings, prose and list items, without the markup.

markdown-it-py (CommonMark, already installed with rich) parses the note; briefer writes
out only the words a reader sees — link text without its URL, no images, no emphasis
markers, no inline HTML — one block per heading, paragraph or list item. Code blocks,
tables, HTML blocks and YAML front matter are left out: they are not prose to summarise.
Key points are verbatim substrings of this extracted text, which ``--include-text`` shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .blocks import BlockWriter, Extracted

# YAML front matter, as static site generators and note apps write it.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Syntax of common extensions that CommonMark reads as plain text: footnote marks and
# definitions, task-list boxes, and the [[wiki links]] of note apps. No label holds a "[":
# without that bound, a run of "[^" or "[[" made each match attempt scan to the end of the
# text, quadratic in the run's length.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\[\]\s]+\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\[\]\s]+\]:")
_TASK_BOX = re.compile(r"^\[[ xX]\][ \t]+")
# A table's delimiter row, such as |---|:--:|; its cells are counted by its pipes. A "-"
# followed by a space starts a list item, never a delimiter row (as markdown-it decides).
_TABLE_DELIMITER = re.compile(r"^ {0,3}(?!-[ \t])\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$")
# Lines that end a table by starting another block: a heading, quote, fence, HTML or list.
_BLOCK_START = re.compile(r"^ {0,3}(?:#|>|```|~~~|<|[-*+][ \t]|\d{1,9}[.)][ \t])")
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")


def read_markdown(text: str) -> Extracted:
    """The words of a Markdown note, one block per heading, paragraph and list item."""
    title, text = _front_matter(text)
    writer = _blocks(make_parser().parse(drop_table_rows(text)))
    if title and writer.blocks and writer.blocks[0].kind != "heading":
        # A site generator shows the front matter's title above the note: it names the lead.
        lead = writer
        writer = BlockWriter()
        writer.add("heading", title)
        for block in lead.blocks:
            writer.add(block.kind, lead.text[block.start : block.end])
    return writer.result(title=title)


def make_parser() -> Any:
    """markdown-it as briefer reads notes: CommonMark with tables and strikethrough, links
    that cannot close refused at once, and link addresses left as written.

    briefer writes no addresses, and normalising them (URL parsing, IDNA, percent-encoding)
    was half the time of a 2 MB table of link references. Whether an address is allowed
    (no ``javascript:``) is still checked, on the address as written.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    _fail_fast_on_unclosed_brackets(parser)
    parser.normalizeLink = _as_written  # type: ignore[method-assign]
    return parser


def _as_written(url: str) -> str:
    return url


def _fail_fast_on_unclosed_brackets(parser: Any) -> None:
    """Links and images that cannot close are refused before markdown-it scans for them.

    For every ``[`` markdown-it looks for the ``]`` that ends a link label, nesting its
    search up to maxNesting (20) deep: about 20 token skips a bracket, so 200,000 brackets
    with nothing to close them (a run of ``[``, ``[[a``, ``[^``) took 13-20 s under load, and
    20,000 footnote marks each followed by an open ``[^`` 24 s. A label needs a ``]`` after
    its ``[`` (where the paragraph has none, the rule answers no at once) and, in a paragraph
    without code spans, HTML or backslash escapes, a ``]`` that matches it as brackets nest:
    a ``[`` that no ``]`` matches never opens a link. Both are exact, so what the note says
    is unchanged (a property test compares the parse with and without).
    """
    from markdown_it.rules_inline import image, link

    for name, rule in (("link", link), ("image", image)):
        parser.inline.ruler.at(name, _needs_a_close(rule))


# In a paragraph with none of these, every "[" and "]" is a bracket to markdown-it's label
# scan; with any of them, a bracket may sit in a code span, a tag or an escape.
_HIDES_BRACKETS = re.compile(r"[`<\\]")
_BRACKET = re.compile(r"[\[\]]")


def _matched_openers(src: str) -> set[int] | None:
    """Where the paragraph's ``[`` have a matching ``]``; None when that cannot be told."""
    if _HIDES_BRACKETS.search(src):
        return None
    open_at: list[int] = []
    matched: set[int] = set()
    for found in _BRACKET.finditer(src):
        if found.group() == "[":
            open_at.append(found.start())
        elif open_at:
            matched.add(open_at.pop())
    return matched


def _needs_a_close(rule: Callable[[Any, bool], bool]) -> Callable[[Any, bool], bool]:
    # Found once per paragraph: the state is the same object, with the same source, for
    # every bracket of a paragraph.
    seen: list[Any] = [None, -1, None]  # the source, its last "]", its matched "["

    def guarded(state: Any, silent: bool) -> bool:
        src, pos = state.src, state.pos
        if seen[0] is not src:
            seen[:] = [src, src.rfind("]"), _matched_openers(src)]
        if seen[1] < pos:
            return False
        matched = seen[2]
        if matched is not None and (pos if src[pos] == "[" else pos + 1) not in matched:
            return False
        return rule(state, silent)

    return guarded


def _front_matter(text: str) -> tuple[str, str]:
    """The title a YAML front matter gives, and the note after it."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return "", text
    found = _FRONT_TITLE.search(front.group(1) or "")
    return (found.group(1).strip("'\"") if found else ""), text[front.end() :]


def _blocks(tokens: list) -> BlockWriter:
    """Headings, paragraphs and list items of the parsed note, tables left out."""
    writer = BlockWriter()
    in_item = 0
    skip_until = ""
    for index, token in enumerate(tokens):
        if skip_until:
            if token.type == skip_until:
                skip_until = ""
            continue
        if token.type == "table_open":
            skip_until = "table_close"
        elif token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            opener = tokens[index - 1].type if index else ""
            words = _inline_text(token.children or [])
            if opener == "heading_open":
                tag = tokens[index - 1].tag
                writer.add("heading", words, int(tag[1:]) if tag[1:].isdigit() else 1)
            elif not _FOOTNOTE_DEFINITION.match(words):
                if in_item:
                    words = _TASK_BOX.sub("", words)
                writer.add("item" if in_item else "prose", words)
        # fence, code_block, html_block and hr carry no prose: nothing to write.
    return writer


def drop_table_rows(text: str) -> str:
    """The note without the body rows of its tables, which briefer leaves out anyway.

    markdown-it builds a dozen tokens for every cell: a 9 MB table took 46 s and 2 GB to parse
    only to be skipped. A table's header and delimiter rows are kept, so it is still read as
    a table and skipped as one; the rows after them, up to the first line without a ``|``
    or a blank line or another block's start, are removed before parsing. A table is recognised as markdown-it does:
    a header row and a delimiter row with as many cells; and only where no container can
    hold it unseen (the header after a blank line or at the start, and not itself a quote or
    a list item): a header that continues a quote's or a list item's paragraph lazily is
    no table to markdown-it. A table right after a paragraph line is left whole.
    """
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        kept.append(line)
        index += 1
        if (
            "|" in line
            and (index == 1 or not lines[index - 2].strip())
            and not _BLOCK_START.match(line)
            and index < len(lines)
            and "|" in lines[index]
            and _TABLE_DELIMITER.match(lines[index])
            and _cells(line) == _cells(lines[index])
        ):
            kept.append(lines[index])
            index += 1
            while (
                index < len(lines)
                and "|" in lines[index]
                and lines[index].strip()
                and not _BLOCK_START.match(lines[index])
            ):
                index += 1
    return "\n".join(kept)


def _cells(row: str) -> int:
    """How many cells a table row has: pipes that separate cells, not the outer ones."""
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return inner.count("|") - inner.count("\\|") + 1


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            parts.append(_WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), _FOOTNOTE_MARK.sub("", child.content)))
        elif kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and _LINE_BREAK_TAG.fullmatch(child.content.strip())):
            parts.append("\n")
        # Links and emphasis lose their markers and keep their words; images and other
        # inline HTML are not words a reader reads.
    return "".join(parts)
