"""Build a :class:`Document` from decoded text: paragraphs, sections and sentences."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..errors import InputError
from ..language import AUTO, Language, resolve_language, sentence_spans
from ..model import Document, Paragraph, Section, Sentence
from .layout import Block, parse_blocks

_HAS_WORD = re.compile(r"[^\W\d_]")

# Beyond these a text is refused with a clear error rather than left to run for minutes:
# 100,000 sentences is a book of about 12 MB; the line count is checked first because
# splitting a million one-word paragraphs would itself take most of a minute.
MAX_SENTENCES = 100_000
MAX_LINES = 4 * MAX_SENTENCES
_SPLIT_IT = "brief it in parts"


def build_document(
    text: str,
    *,
    title: str = "",
    source: str = "",
    language: Language | str = AUTO,
    blocks: list[Block] | None = None,
    input_format: str = "text",
    metadata: dict[str, str] | None = None,
) -> Document:
    """Parse ``text`` into a document; ``blocks`` lets a reader of HTML or PDF pass its own layout.

    ``language`` is a code, a name, or ``auto`` to detect it from the text.
    """
    name = "stdin" if source == "-" else source or "input"
    if not text.strip():
        raise InputError(f"{name}: empty: there is no text to brief")
    lang = resolve_language(language, text) if isinstance(language, str) else language
    if blocks is None:
        lines = text.count("\n") + text.count("\r") - text.count("\r\n")
        if lines > MAX_LINES:
            raise InputError(f"{name}: {lines:,} lines, more than the {MAX_LINES:,} briefer handles: {_SPLIT_IT}")
        blocks = parse_blocks(text)

    headings = [b for b in blocks if b.kind == "heading"]
    if not title and headings and not any(b.kind != "heading" for b in blocks[: blocks.index(headings[0])]):
        title = text[headings[0].title_start : headings[0].title_end]
    if not title:
        title = title_from_source(source)

    sections = _sections(text, blocks)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    section_index = 0
    for block in blocks:
        while section_index + 1 < len(sections) and block.start >= sections[section_index + 1].start:
            section_index += 1
        if block.kind == "heading":
            continue
        para = Paragraph(len(paragraphs), block.start, block.end, section_index, block.kind)
        chunk = text[block.start : block.end]
        for start, end in sentence_spans(chunk, lang):
            sentence_text = chunk[start:end]
            if not _HAS_WORD.search(sentence_text):
                continue
            if len(sentences) >= MAX_SENTENCES:
                raise InputError(f"{name}: more than the {MAX_SENTENCES:,} sentences briefer handles: {_SPLIT_IT}")
            sentences.append(
                Sentence(
                    len(sentences),
                    block.start + start,
                    block.start + end,
                    sentence_text,
                    para.index,
                    section_index,
                )
            )
        paragraphs.append(para)

    if not sentences:
        raise InputError(f"{name}: no sentences: the text has no words to brief")
    return Document(
        text=text,
        title=title,
        source=source,
        language=lang.code,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        sections=tuple(sections),
        input_format=input_format,
        metadata=dict(metadata or {}),
    )


def _sections(text: str, blocks: list[Block]) -> list[Section]:
    """One section a heading; text before the first heading is a section of its own."""
    sections: list[Section] = []
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first_heading is None:
        return [Section(0, "", 0, len(text), "whole")]
    if any(b.kind != "heading" for b in blocks[:first_heading]):
        sections.append(Section(0, "", 0, blocks[first_heading].start, "heading"))
    for block in blocks[first_heading:]:
        if block.kind == "heading":
            title = text[block.title_start : block.title_end]
            sections.append(Section(len(sections), title, block.start, len(text), "heading"))
    # Each section ends where the next begins.
    return [
        Section(s.index, s.title, s.start, sections[i + 1].start if i + 1 < len(sections) else len(text), s.origin)
        for i, s in enumerate(sections)
    ]


def title_from_source(source: str) -> str:
    """The title a document gets from its file name when it has none of its own."""
    if not source or source == "-" or "://" in source:
        return ""
    stem = PurePath(source).stem
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]
