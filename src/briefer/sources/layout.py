"""The layout of plain text and Markdown: blocks, paragraphs, headings and list items.

Works on offsets only, so that every paragraph and heading is a span of the text as it
was decoded — newlines of any convention (``\\n``, ``\\r\\n``, ``\\r``) included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import count_words

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+•‣◦]|\d{1,3}[.)])[ \t]+")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]»。！？」』）]$")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Block:
    """A paragraph-level span: ``kind`` is ``prose``, ``item`` or ``heading``."""

    start: int
    end: int
    kind: str
    # For headings: the span of the heading's words, without ``#`` marks or underline.
    title_start: int = 0
    title_end: int = 0


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # end of content, before the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        raw = match.group()
        content = raw.rstrip("\r\n")
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


def parse_blocks(text: str) -> list[Block]:
    """Split text into headings, list items and prose paragraphs, in order."""
    lines = _lines(text)
    blocks: list[Block] = []
    run: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.blank:
            blocks.extend(_prose(run))
            run = []
        elif _ATX.match(line.text):
            blocks.extend(_prose(run))
            run = []
            blocks.append(_atx_heading(line))
        elif (
            nxt is not None
            and _SETEXT_UNDERLINE.match(nxt.text)
            and not run
            and _HAS_LETTER.search(line.text)
            and not _ITEM.match(line.text)
        ):
            blocks.append(_heading(line))
            i += 1  # the underline belongs to the heading
        elif _is_caps_heading(line.text):
            blocks.extend(_prose(run))
            run = []
            blocks.append(_heading(line))
        elif _ITEM.match(line.text):
            blocks.extend(_prose(run))
            run = [line]
        else:
            run.append(line)
        i += 1
    blocks.extend(_prose(run))
    return _promote_lone_titles(text, blocks)


def _atx_heading(line: _Line) -> Block:
    match = _ATX.match(line.text)
    assert match is not None
    start = line.start + match.start(2)
    return Block(line.start, line.end, "heading", start, start + len(match.group(2)))


def _heading(line: _Line) -> Block:
    stripped = line.text.strip()
    offset = line.start + line.text.index(stripped)
    return Block(line.start, line.end, "heading", offset, offset + len(stripped))


def _is_caps_heading(text: str) -> bool:
    stripped = text.strip()
    # The cheap tests first: most lines are prose, and a prose line can be very long.
    if len(stripped.split(None, 12)) > 12 or stripped.endswith((".", ",", ";")):
        return False
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) < 3:
        return False
    # Chinese and Japanese have no capitals: all-capitals says nothing about them.
    cased = [c for c in letters if c.lower() != c.upper()]
    return bool(cased) and all(c.isupper() for c in cased)


def _prose(run: list[_Line]) -> list[Block]:
    """A run of non-blank lines: one paragraph, or one a line when lines are paragraphs."""
    if not run:
        return []
    kind = "item" if _ITEM.match(run[0].text) else "prose"
    if len(run) > 1 and _one_paragraph_a_line(run):
        return [Block(line.start, line.end, "item" if _ITEM.match(line.text) else "prose") for line in run]
    return [Block(run[0].start, run[-1].end, kind)]


def _one_paragraph_a_line(run: list[_Line]) -> bool:
    """Long lines that each end a sentence are paragraphs; hard-wrapped prose is not."""
    lengths = sorted(len(line.text.strip()) for line in run)
    if lengths[len(lengths) // 2] > 120:
        return True
    ended = sum(1 for line in run if _TERMINAL.search(line.text.strip()))
    return ended >= 0.8 * len(run)


def _promote_lone_titles(text: str, blocks: list[Block]) -> list[Block]:
    """A short line standing alone, without a full stop, before prose is a heading."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        body = text[block.start : block.end].strip()
        if (
            block.kind == "prose"
            and following is not None
            and following.kind != "heading"
            and "\n" not in body
            and "\r" not in body
            and count_words(body) <= 10
            and not _TERMINAL.search(body)
            and _HAS_LETTER.search(body)
            and _separated(text, block, following)
        ):
            out.append(_heading(_Line(block.start, block.end, text[block.start : block.end])))
        else:
            out.append(block)
    return out


def _separated(text: str, block: Block, following: Block) -> bool:
    """True when a blank line stands between two blocks."""
    gap = text[block.end : following.start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2
