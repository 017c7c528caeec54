"""The layout of plain text and Markdown: blocks, paragraphs, headings and list items.

Works on offsets only, so that every paragraph and heading is a span of the text as it
was decoded — newlines of any convention (``\\n``, ``\\r\\n``, ``\\r``) included.

Plain text arrives in many layouts: hard-wrapped at a fixed width or ragged, with first-line
or hanging indents, quoted with ``>``, paginated with form feeds and running headers (RFCs),
wrapped inside a Project Gutenberg licence, or as the line soup a PDF-to-text tool writes.
The reader here joins the lines of a paragraph, never ends a block inside a sentence unless
the layout says so (a blank line, a heading, a list item), sets page furniture and
boilerplate aside (kind ``skip``), and takes a short line for a heading only when its shape
(numbering, capitals, an underline, a standard part's name) or its context (standing alone
before a body, not one of a run of short lines) says so. Every step is a pass over the lines.
"""

from __future__ import annotations

from .furniture import _boilerplate, _furniture
from .heading_context import (
    _contents_lists,
    _indented_terms,
    _lone_headings,
    _mark_references,
    _restarted_lists,
    _title,
)
from .heading_shapes import _shaped_heading, _wraps_heading
from .lines import _CONTINUES, _ITEM, _LEGAL_ITEM, _SENTENCE_END, _TERMINAL, Block, _is_blank, _Line, _lines
from .turns import turns_as_prose


def parse_blocks(text: str) -> list[Block]:
    """Split text into headings, list items, prose paragraphs and set-aside furniture, in order."""
    lines = _lines(text)
    skip = _furniture(lines) | _boilerplate(lines)
    blocks: list[Block] = []
    run: list[_Line] = []
    # The last line read: a line ending in a colon introduces what follows (a letter, a headline).
    last = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in skip:
            blocks.extend(_paragraphs(run))
            run = []
            if not line.blank:
                blocks.append(Block(line.start, line.end, "skip"))
            i += 1
            continue
        if _is_blank(line):
            blocks.extend(_paragraphs(run))
            run = []
            i += 1
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) and i + 1 not in skip else None
        heading = _shaped_heading(line, nxt, run, introduced=last.endswith(":"))
        last = line.stripped
        if heading is not None:
            blocks.extend(_paragraphs(run))
            run = []
            used, block = heading
            # A long legal heading wraps: its capitals go on to the next line.
            if used == 1 and nxt is not None and _wraps_heading(line, nxt):
                block = Block(block.start, nxt.end, "heading", block.title_start, nxt.end, block.level)
                used = 2
            blocks.append(block)
            i += used
            continue
        run.append(line)
        i += 1
    blocks.extend(_paragraphs(run))
    blocks = turns_as_prose(text, _indented_terms(lines, _lone_headings(text, blocks)))
    return _title(text, _mark_references(text, _restarted_lists(text, _contents_lists(text, blocks))))


def _paragraphs(run: list[_Line]) -> list[Block]:
    """A run of non-blank lines: paragraphs and list items, cut only where a sentence ends."""
    if not run:
        return []
    line_mode = len(run) > 1 and _one_paragraph_a_line(run)
    width = _width(run)
    blocks: list[Block] = []
    first = 0
    for i in range(len(run) - 1):
        if _breaks(run, i, line_mode, width):
            blocks.append(_block(run[first : i + 1]))
            first = i + 1
    blocks.append(_block(run[first:]))
    return blocks


def _block(lines: list[_Line]) -> Block:
    return Block(lines[0].start, lines[-1].end, "item" if _ITEM.match(lines[0].text) else "prose")


def _breaks(run: list[_Line], i: int, line_mode: bool, width: int) -> bool:
    """Whether a paragraph or item ends after line ``i`` of the run."""
    line, nxt = run[i], run[i + 1]
    text = line.text.rstrip()
    next_word = nxt.text.split(None, 1)[0] if nxt.text.strip() else ""
    fits = len(text) + 1 + len(next_word) <= width - 2
    if _ITEM.match(nxt.text):
        # A legal list item continues the sentence that leads into it.
        if _CONTINUES.search(text) and _LEGAL_ITEM.match(nxt.text):
            return False
        # "2. " at the start of a line of hard-wrapped prose is where the wrapping fell,
        # unless the line before it stopped short or the list sits at its own indent.
        return fits or nxt.indent != line.indent or text.endswith(":") or bool(_ITEM.match(line.text))
    if not _SENTENCE_END.search(text):
        return False
    if line_mode:
        return True
    # The writer broke the line although the next word would have fit: the paragraph ended.
    if fits and len(text) < 0.8 * width:
        return True
    # A first-line indent opens the next paragraph; a hanging indent shows in the line after.
    after = run[i + 2] if i + 2 < len(run) else None
    if nxt.indent > line.indent and (after is None or after.indent < nxt.indent):
        return True
    return nxt.indent < line.indent and after is not None and after.indent > nxt.indent


def _width(run: list[_Line]) -> int:
    """The width the run was wrapped at: its longest line, not counting a few outliers."""
    lengths = sorted(len(line.text.rstrip()) for line in run)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    return max(length for length in lengths if length <= 1.25 * typical + 2)


def _one_paragraph_a_line(run: list[_Line]) -> bool:
    """Long lines that each end a sentence are paragraphs; hard-wrapped prose is not."""
    lengths = sorted(len(line.text.strip()) for line in run)
    ended = sum(1 for line in run if _TERMINAL.search(line.text.strip()))
    if lengths[len(lengths) // 2] > 120:
        return ended >= 0.5 * len(run)
    return ended >= 0.8 * len(run)
