"""What the reading pane lays out for an article, made away from the event loop.

Making it is a pass over every sentence (each made safe for the terminal, grouped into the
parts the pane mounts): a fifth of a second of one core for a 1 MB text. On the event loop
that is a fifth of a second in which no key is answered, so it is made where the article is:
in the child process that reads the first input (see prefetch.py), or in the thread that
opened it, and the pane only mounts what it is given. No textual here: the child imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document

# The kinds of parts: (HEADING, section, origin, []) and (PARAGRAPH, paragraph, kind, sentences).
HEADING, PARAGRAPH = 0, 1
Part = tuple[int, int, str, list[int]]
# A longer paragraph is laid out in parts of about this many characters (see plan_document).
CHUNK_CHARS = 2000


@dataclass(frozen=True)
class PanePlan:
    """The pane's parts top to bottom, each sentence as shown, and where each one is."""

    texts: list[str]
    parts: list[Part]
    # Each part's characters, for the estimate of its height before it is mounted.
    lengths: list[int]
    sentence_part: dict[int, int]
    part_of_section: dict[int, int]


def plan_document(document: Document) -> PanePlan:
    """The pane's plan for ``document``: (HEADING, section, origin, []) and (PARAGRAPH,
    paragraph, kind, its sentences), the widgets are made of them when mounted.

    A paragraph longer than CHUNK_CHARS is several parts of whole sentences, drawn as one
    block ("-continues": no blank line between them): wrapping a report's 30,000-character
    paragraph takes a tenth of a second, and only the parts near the view are wrapped.
    """
    from ..rendering import safe

    texts = [safe(s.text) for s in document.sentences]
    by_paragraph: dict[int, list[int]] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence.index)
    parts: list[Part] = []
    sections = document.sections
    shown_titles = len(sections) > 1 or bool(sections and sections[0].origin == "heading")
    current_section = -1
    for paragraph in document.paragraphs:
        if shown_titles and paragraph.section != current_section:
            current_section = paragraph.section
            parts.append((HEADING, current_section, sections[current_section].origin, []))
        chunks: list[list[int]] = []
        size = CHUNK_CHARS
        for index in by_paragraph.get(paragraph.index, []):
            if size >= CHUNK_CHARS:
                chunks.append([])
                size = 0
            chunks[-1].append(index)
            size += len(document.sentences[index].text) + 1
        for number, ids in enumerate(chunks):
            kind = paragraph.kind if number == 0 else "prose"
            parts.append((PARAGRAPH, paragraph.index, kind if number == len(chunks) - 1 else f"{kind} -continues", ids))
    return PanePlan(
        texts,
        parts,
        [sum(len(texts[i]) + 1 for i in ids) for _, _, _, ids in parts],
        {i: p for p, (_, _, _, ids) in enumerate(parts) for i in ids},
        {index: i for i, (kind, index, _, _) in enumerate(parts) if kind == HEADING},
    )
