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
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")


def read_markdown(text: str) -> Extracted:
    """The words of a Markdown note, one block per heading, paragraph and list item."""
    from markdown_it import MarkdownIt

    title = ""
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_TITLE.search(front.group(1) or "")
        if found:
            title = found.group(1).strip("'\"")
        text = text[front.end() :]
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(text)
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
                writer.add("heading", words)
            elif not _FOOTNOTE_DEFINITION.match(words):
                if in_item:
                    words = _TASK_BOX.sub("", words)
                writer.add("item" if in_item else "prose", words)
        # fence, code_block, html_block and hr carry no prose: nothing to write.
    if title and writer.blocks and writer.blocks[0].kind != "heading":
        # A site generator shows the front matter's title above the note: it names the lead.
        lead = writer
        writer = BlockWriter()
        writer.add("heading", title)
        for block in lead.blocks:
            writer.add(block.kind, lead.text[block.start : block.end])
    return writer.result(title=title)


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
