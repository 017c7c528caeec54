"""Lines of plain text and the blocks a layout makes of them: the shared vocabulary of the
layout stage (see :mod:`.layout`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# The marks a bulleted item opens with: bullets, and the RFCs' "o  ".
_BULLET_MARK = r"[-*+•‣◦▪]|o(?=[ \t]{2})"
# A bullet and the space after it: layout, which a quote of the item leaves out (an enumerator
# such as "(a)" or "2." is kept: a law's or a list's items are cited by it).
BULLET = re.compile(r"[ \t]*(?:" + _BULLET_MARK + r")[ \t]+")
_ITEM = re.compile(
    r"^[ \t]*(?:" + _BULLET_MARK + r"|\(?(?:\d{1,3}|[a-zA-Z]{1,2}|[ivxlcdm]{1,5})\)"  # (a) (1) (iv) 1)
    r"|(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])[ \t]+"  # 1. a. iv.
)
# A legal list item is written "(a)", "(1)", "(ii)" or "(A)", and continues the sentence
# before it when that one ends in "--", ";" or ":".
_LEGAL_ITEM = re.compile(r"^[ \t]*(?:``|\"|“)?\((?:\d{1,3}|[a-zA-Z]{1,2}|[ivxlcdm]{1,5})\)[ \t]")
_CONTINUES = re.compile(r"(?:--|—|;|:|;\s+(?:and|or)|,\s+(?:and|or)|\b(?:and|or))[\"'”’]*$")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]»。！？」』）]$")
# The end of a sentence, allowing closing quotes and brackets (and TeX-style '' quotes).
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
# A sentence's end before a heading may carry a footnote mark: "... in word type j.2".
_ENDS_BEFORE_HEADING = re.compile(r"[.!?…。！？][\"'”’»)\]]*\d?$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"(?:^|\s)[^\W\d_]{2,}[.:!?]?(?=\s|$)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Block:
    """A paragraph-level span: ``kind`` is ``prose``, ``item``, ``heading``, ``reference``
    (a paragraph of a references part: shown, never quoted), ``title`` (the document's own
    title line, not a section) or ``skip`` (page furniture and boilerplate: never briefed)."""

    start: int
    end: int
    kind: str
    # For headings: the span of the heading's words, without ``#`` marks or underline.
    title_start: int = 0
    title_end: int = 0
    # For headings: 1 for a top-level part, deeper levels as the numbering or underline shows.
    level: int = 1


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # end of content, before the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        body = self.text.lstrip(" \t>")
        return len(self.text) - len(body)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        raw = match.group()
        content = raw.rstrip("\r\n")
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


def _is_blank(line: _Line) -> bool:
    # An email quote's empty line (">" alone) separates its paragraphs as a blank line does.
    return not line.text.strip(" \t>\f")


def _neighbours(blocks: list[Block]) -> tuple[list[int], list[int]]:
    """For each block, the index of the block before and after it that is not set aside (-1: none)."""
    previous, following = [-1] * len(blocks), [-1] * len(blocks)
    last = -1
    for index, block in enumerate(blocks):
        previous[index] = last
        if block.kind != "skip":
            last = index
    last = -1
    for index in range(len(blocks) - 1, -1, -1):
        following[index] = last
        if blocks[index].kind != "skip":
            last = index
    return previous, following


def _indent(text: str, start: int) -> int:
    position = start
    while position < len(text) and text[position] in " \t":
        position += 1
    return position - start


def _separated(text: str, block: Block, following: Block) -> bool:
    """True when a blank line stands between two blocks."""
    gap = text[block.end : following.start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2
