"""The raw start of a text, shown while it is read and analysed, and the place in it that the
analysed article keeps: the reader who scrolled the preview stays on the same words.

The preview collapses each paragraph's spaces, so its words are the text's words, in order:
the place is a word's number, found again in the analysed document's text.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from ..model import Document

# The preview of a text still being read shows its first paragraphs only.
PREVIEW_PARAGRAPHS = 40


class Preview(Static):
    """The first paragraphs of a raw text, as plain lines (no sentences, no highlights yet)."""

    def __init__(self, paragraphs: list[str]) -> None:
        super().__init__(Content("\n\n".join(paragraphs)), classes="paragraph -preview")
        self.text = "\n\n".join(paragraphs)

    def word_at_line(self, line: int) -> int:
        """How many words come before the start of the preview's ``line`` (from 0), as drawn."""
        if line <= 0:
            return 0
        width = self.content_size.width or self.size.width
        lines = Content(self.text).wrap(max(1, width))
        return sum(len(shown.plain.split()) for shown in lines[:line])


def preview_widgets(text: str) -> list[Static]:
    """The first paragraphs of a raw text, paragraphs parted by a blank line as the article's
    are. One widget for all of them: the first frame waits for every widget's styles and
    layout, not for the words."""
    # Blank lines part the paragraphs; a text without any has one paragraph a line.
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text.strip()) else text.splitlines()
    paragraphs = [" ".join(p.split()) for p in parts if p.strip()][:PREVIEW_PARAGRAPHS]
    if not paragraphs:
        return []
    return [Preview(paragraphs)]


def sentence_at_word(document: Document, word: int) -> int:
    """The sentence holding the text's word number ``word`` (from 0), or the first after it."""
    if word <= 0 or not document.sentences:
        return 0
    found = next(islice(re.finditer(r"\S+", document.text), word, None), None)
    if found is None:
        return 0
    offset = found.start()
    return next((s.index for s in document.sentences if s.end > offset), document.sentences[-1].index)
