"""Transcripts' turns: paragraphs written as ``Speaker: words``, and when a text is made of them.

The layout needs this before any analysis: in a transcript a short turn ("PhD A: hmm",
"Grad D: OK, uh What's") has the shape of a heading (a short line, standing alone, no closing
stop), yet it is something said, to be briefed and quoted, never a section title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Block

# A name: a capitalised word and up to five more ("Project Manager", "Dr. Smith", "PhD F"),
# then perhaps a bracketed office or riding, one level of brackets nested inside it.
TURN = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[\w.'’\-]+){0,5}"
    r"(?:[ \t]*\((?:[^()\n]|\([^()\n]*\)){1,120}\))?)[ \t]*:[ \t]+(?=\S)"
)
# Most paragraphs must be turns, and names must recur: a transcript has few speakers and many turns.
MIN_TURN_SHARE = 0.5
MIN_TURNS = 3
MAX_NAME_SHARE = 0.5


def is_transcript(names: Sequence[str], paragraphs: int) -> bool:
    """Whether ``paragraphs`` paragraphs of which these opened with a speaker's name make a
    transcript: one "Note: ..." paragraph in an essay does not."""
    if len(names) < MIN_TURNS or len(names) < MIN_TURN_SHARE * paragraphs:
        return False
    return len(set(names)) <= MAX_NAME_SHARE * len(names)


def turns_as_prose(text: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with every heading that is a turn of a transcript made a paragraph again."""
    opened = {i: TURN.match(text, b.start, b.end) for i, b in enumerate(blocks) if b.kind != "skip"}
    names = [m.group("name") for m in opened.values() if m is not None]
    if not is_transcript(names, len(opened)):
        return blocks
    said = [b.kind == "heading" and opened.get(i) is not None for i, b in enumerate(blocks)]
    return [Block(b.start, b.end, "prose") if turn else b for b, turn in zip(blocks, said, strict=True)]
