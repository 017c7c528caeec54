"""Extracted text with its layout: what a reader of Markdown, HTML or PDF hands over.

A reader does not keep the markup: it writes the words a reader of the page sees, one block
at a time, and records each block's span. ``Document.text`` is this extracted text, so every
offset of a key point points into it and ``--include-text`` shows where a quote came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Block

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


@dataclass
class Extracted:
    text: str
    blocks: list[Block]
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


class BlockWriter:
    """Appends blocks to a text, blank-line separated, remembering each block's span."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, level: int = 1) -> Block | None:
        """Add a ``prose``, ``item`` or ``heading`` block (a heading at ``level``); empty text adds nothing."""
        cleaned = tidy(text)
        if not cleaned:
            return None
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(cleaned)
        self._length += len(cleaned)
        end = self._length
        block = Block(start, end, kind, start, end, level) if kind == "heading" else Block(start, end, kind)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def result(self, *, title: str = "", metadata: dict[str, str] | None = None) -> Extracted:
        return Extracted(self.text, list(self.blocks), title, dict(metadata or {}))


def tidy(text: str) -> str:
    """Runs of spaces become one space and line breaks are kept, single, without blank lines."""
    lines = [_SPACES.sub(" ", line).strip() for line in _BLANK_LINES.split(text)]
    return "\n".join(line for line in lines if line)
