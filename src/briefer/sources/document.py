"""Build a :class:`Document` from decoded text: paragraphs, sections and sentences."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..errors import InputError
from ..language.catalogue import AUTO, Language, resolve_language
from ..language.sentences import sentence_spans
from ..model import Document, Paragraph, Section, Sentence
from .layout import Block, parse_blocks

_HAS_WORD = re.compile(r"[^\W\d_]")
# A word broken at a line end with a hyphen, the next line going on in lower case.
_LINE_END_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?:\r\n|\r|\n)[ \t>]*(?=([^\W\d_]+))")
# Words joined by a hyphen within a line: "well-known" written so elsewhere is a compound.
_COMPOUND = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?=([^\W\d_]+))")

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

    title = title or _own_title(text, blocks) or title_from_source(source)
    # Page furniture, boilerplate and the title line are neither paragraphs nor sentences.
    blocks = [b for b in blocks if b.kind not in ("skip", "title")]

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
    if len({s.section for s in sentences}) < len(sections):
        sections, paragraphs, sentences = _without_empty_sections(sections, paragraphs, sentences)
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
        soft_hyphens=soft_hyphens(text),
    )


def soft_hyphens(text: str) -> tuple[tuple[int, int], ...]:
    """The spans that hyphenate a word across a line break, as the PDF reader repairs them: a
    hyphen at a line end before a word in lower case, unless the document writes the two
    halves as a compound elsewhere ("well-known"), which keeps its hyphen."""
    if "-\n" not in text and "-\r" not in text:
        return ()
    compounds = {(m.group(1).lower(), m.group(2).lower()) for m in _COMPOUND.finditer(text)}
    spans = []
    for match in _LINE_END_HYPHEN.finditer(text):
        after = match.group(2)
        if after[0].islower() and (match.group(1).lower(), after.lower()) not in compounds:
            spans.append((match.end(1), match.end()))
    return tuple(spans)


# A law names itself in its opening section: "This Act may be cited as the ``Clean Water Act''."
_CITED_AS = re.compile(
    r"\b(?:Act|act|Resolution|resolution|title|Law|law) may be cited as (?:the )?"
    r"(?:``|\"|“|')([^`\"”']{3,160}?)(?:''|\"|”|')"
)
_CITED_WITHIN = 3000


def _own_title(text: str, blocks: list[Block]) -> str:
    """The document's title line, else the name a law says it may be cited by, else a first
    heading with nothing but headings before it ("SECTION 1. SHORT TITLE." is no title)."""
    own = next((b for b in blocks if b.kind == "title"), None)
    if own is not None:
        return text[own.title_start : own.title_end]
    cited = _CITED_AS.search(text, 0, _CITED_WITHIN)
    if cited:
        return " ".join(cited.group(1).split())
    for block in blocks:
        if block.kind == "heading":
            return text[block.title_start : block.title_end]
        if block.kind not in ("skip", "title"):
            return ""
    return ""


def _sections(text: str, blocks: list[Block]) -> list[Section]:
    """One section a heading; text before the first heading is a section of its own.

    A heading with no text of its own before the next one joins it ("Design: The Unwrap
    Method"), so that every section has sentences to page through. Levels count from 1 for
    the document's shallowest heading.
    """
    sections: list[Section] = []
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first_heading is None:
        return [Section(0, "", 0, len(text), "whole")]
    top = min(b.level for b in blocks if b.kind == "heading")
    if any(b.kind != "heading" for b in blocks[:first_heading]):
        sections.append(Section(0, "", 0, blocks[first_heading].start, "heading"))
    previous_heading = False
    for block in blocks[first_heading:]:
        if block.kind != "heading":
            previous_heading = False
            continue
        title = " ".join(text[block.title_start : block.title_end].split())
        if previous_heading:
            last = sections[-1]
            sections[-1] = Section(last.index, f"{last.title}: {title}", last.start, len(text), "heading", last.level)
        else:
            sections.append(Section(len(sections), title, block.start, len(text), "heading", block.level - top + 1))
        previous_heading = True
    # Each section ends where the next begins.
    ends = [s.start for s in sections[1:]] + [len(text)]
    return [Section(s.index, s.title, s.start, end, s.origin, s.level) for s, end in zip(sections, ends, strict=True)]


def _without_empty_sections(
    sections: list[Section], paragraphs: list[Paragraph], sentences: list[Sentence]
) -> tuple[list[Section], list[Paragraph], list[Sentence]]:
    """Sections without a sentence (a heading over a table or a code block that was left out,
    a heading at the very end) join the section after them, or the one before at the end."""
    used = {s.section for s in sentences}
    merged: list[Section] = []
    target: dict[int, int] = {}
    pending: Section | None = None
    for section in sections:
        target[section.index] = len(merged)
        if section.index not in used:
            pending = (
                section
                if pending is None
                else Section(
                    0, _joined(pending.title, section.title), pending.start, section.end, pending.origin, pending.level
                )
            )
            continue
        if pending is not None:
            title = _joined(pending.title, section.title)
            section = Section(0, title, pending.start, section.end, section.origin, min(pending.level, section.level))
            pending = None
        merged.append(Section(len(merged), section.title, section.start, section.end, section.origin, section.level))
    if pending is not None:
        last = merged[-1]
        merged[-1] = Section(last.index, last.title, last.start, pending.end, last.origin, last.level)
        target.update({i: last.index for i, t in target.items() if t >= len(merged)})
    paragraphs = [Paragraph(p.index, p.start, p.end, target[p.section], p.kind) for p in paragraphs]
    sentences = [Sentence(s.index, s.start, s.end, s.text, s.paragraph, target[s.section]) for s in sentences]
    return merged, paragraphs, sentences


def _joined(first: str, second: str) -> str:
    return f"{first}: {second}" if first and second else first or second


def title_from_source(source: str) -> str:
    """The title a document gets from its file name when it has none of its own: its words as
    written, only the separators made spaces."""
    if not source or source == "-" or "://" in source:
        return ""
    stem = PurePath(source).stem
    return re.sub(r"[-_]+", " ", stem).strip()
