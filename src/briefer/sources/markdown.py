"""Markdown to extracted text: headings, prose and list items, without the markup.

markdown-it-py (CommonMark, already installed with rich) parses the note; briefer writes
out only the words a reader sees — link text without its URL, no images, no emphasis
markers, no inline HTML — one block per heading, paragraph or list item. Code blocks,
tables, HTML blocks and YAML front matter are left out: they are not prose to summarise.
Key points are verbatim substrings of this extracted text, which ``--include-text`` shows.
"""

from __future__ import annotations

import re
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
# A table's delimiter row, such as |---|:--:|; its cells are counted by its pipes.
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$")
# Lines that end a table by starting another block: a heading, quote, fence, HTML or list.
_BLOCK_START = re.compile(r"^ {0,3}(?:#|>|```|~~~|<|[-*+][ \t]|\d{1,9}[.)][ \t])")
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")


def read_markdown(text: str) -> Extracted:
    """The words of a Markdown note, one block per heading, paragraph and list item."""
    from markdown_it import MarkdownIt

    title, text = _front_matter(text)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    writer = _blocks(parser.parse(drop_table_rows(text)))
    if title and writer.blocks and writer.blocks[0].kind != "heading":
        # A site generator shows the front matter's title above the note: it names the lead.
        lead = writer
        writer = BlockWriter()
        writer.add("heading", title)
        for block in lead.blocks:
            writer.add(block.kind, lead.text[block.start : block.end])
    return writer.result(title=title)



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
    a header row and a delimiter row with as many cells.
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
