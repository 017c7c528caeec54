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

import re
from collections import Counter
from dataclasses import dataclass

from ..model import count_words

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(
    r"^[ \t]*(?:[-*+•‣◦▪]|o(?=[ \t]{2})"  # bullets, and the RFCs' "o  "
    r"|\(?(?:\d{1,3}|[a-zA-Z]{1,2}|[ivxlcdm]{1,5})\)"  # (a) (1) (iv) 1)
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
_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"(?:^|\s)[^\W\d_]{2,}[.:!?]?(?=\s|$)")

# Page furniture: a bare page number, a "[Page 3]" footer, a dot-leader contents line.
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*$", re.IGNORECASE)
_PAGE_MARK = re.compile(r"\[page \d+\]|\bpage \d+ of \d+\b", re.IGNORECASE)
_DOT_LEADER = re.compile(r"(?:\.{4,}|(?:\. ){3,}\.?|…{2,})\s*(?:\d+|[ivxlc]+)?\s*$")
_DIGITS = re.compile(r"\d+")
# Running headers, footers and contents lines are short: longer lines are never furniture.
_FURNITURE_CHARS = 160
# An email signature starts with a "-- " line and runs a few lines to the end.
_SIGNATURE_LINES = 10
_GUTENBERG_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_GUTENBERG_END = re.compile(
    r"^\s*(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg)", re.IGNORECASE
)

# Headings by their shape. Levels follow the numbering: "2." is 1, "2.1" is 2.
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){0,5})\.?[ \t]+(?=[^\W\d_]|[\"'“(])")
_LETTERED = re.compile(r"^(?:Appendix|APPENDIX|Annex|ANNEX)?[ \t]*([A-Z](?:\.\d{1,3}){0,4})\.?[ \t]+(?=[A-Z])")
_LEGAL = re.compile(r"^(?:SEC\.|SECTION|Sec\.|Section)[ \t]+\d{1,4}[A-Za-z]?(?:-\d+)?\.(?:[ \t]|$)")
_WORD_NUMBER = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|third|fourth|fifth|sixth|seventh|"
    "eighth|ninth|tenth|last|final"
)
_PART = re.compile(
    rf"^(chapter|part|book|volume|vol\.|article|appendix|annex|title|act|scene|canto|stave|letter|lecture|lesson)"
    rf"[ \t]+(?:[ivxlcdm]+|\d{{1,3}}|[a-z]|(?:{_WORD_NUMBER})(?:[- ](?:{_WORD_NUMBER}))?)\b",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^[IVXLC]{1,7}\.?(?:[ \t]+[A-Z].*)?$")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STANDARD_PARTS = _word_set(

        "abstract introduction background conclusion conclusions summary motivation discussion results "
        "references bibliography acknowledgements acknowledgments acknowledgement acknowledgment contents "
        "preface prologue epilogue foreword afterword glossary index appendix appendices terminology "
        "evaluation experiments methods methodology notes overview definitions"

) | {
    "table of contents", "status of this memo", "copyright notice", "related work", "future work",
    "security considerations", "iana considerations", "author's address", "authors' addresses",
    "author's addresses", "authors addresses", "conclusion and future work", "conclusions and future work",
    "normative references", "informative references", "works cited", "literature cited", "further reading",
    "executive summary",
}  # fmt: skip
_REFERENCE_PARTS = re.compile(
    r"^(?:[\dA-Z]{1,2}(?:\.\d+)*\.?\s+)?(?:normative |informative )?"
    r"(?:references|bibliography|works cited|literature cited|literature)\s*:?$",
    re.IGNORECASE,
)
# Words a wrapped sentence stops on and a heading does not.
_RUNS_ON = _word_set("a an the of to with and or for in on by at from that which is are was be as its their")
# A line indented this much is centred (a title page, a verse), not a paragraph's first line.
_CENTRED = 8
# More short lines than this in a row, each standing alone, are a list, not headings.
_LONE_RUN = 3
# A heading has at most this many words; a line longer than this is prose.
_HEADING_WORDS = 14
_LEGAL_HEADING_WORDS = 30


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


def parse_blocks(text: str) -> list[Block]:
    """Split text into headings, list items, prose paragraphs and set-aside furniture, in order."""
    lines = _lines(text)
    skip = _furniture(lines) | _boilerplate(lines)
    blocks: list[Block] = []
    run: list[_Line] = []
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
        heading = _shaped_heading(line, nxt, run)
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
    blocks = _indented_terms(lines, _lone_headings(text, blocks))
    return _title(text, _mark_references(text, _contents_lists(text, blocks)))


def _is_blank(line: _Line) -> bool:
    # An email quote's empty line (">" alone) separates its paragraphs as a blank line does.
    return not line.text.strip(" \t>\f")


# ---------------------------------------------------------------- page furniture, boilerplate


def _shape(line: _Line) -> str:
    """A line with its numbers and spacing erased: running headers repeat in this form."""
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def _furniture(lines: list[_Line]) -> set[int]:
    """Form feeds, running headers and footers, page numbers and dot-leader contents lines."""
    skip: set[int] = set()
    near_break: list[int] = []
    for index, line in enumerate(lines):
        if "\f" in line.text:
            if not line.text.strip(" \t\f"):
                skip.add(index)
            # The last line before a page break and the first after it are the footer and header.
            for step in (-1, 1):
                j = index + step
                while 0 <= j < len(lines) and lines[j].blank:
                    j += step
                if 0 <= j < len(lines):
                    near_break.append(j)
        elif len(line.text) <= _FURNITURE_CHARS and (
            (_DOT_LEADER.search(line.text) and len(line.stripped) > 6)
            or (_PAGE_MARK.search(line.text) and count_words(line.text) <= 12)
        ):
            skip.add(index)
    if near_break:
        shapes = Counter(_shape(line) for line in lines if not line.blank)
        repeated = {_shape(lines[j]) for j in near_break if shapes[_shape(lines[j])] >= 2}
        for j in near_break:
            if _shape(lines[j]) in repeated or _PAGE_NUMBER.match(lines[j].text):
                skip.add(j)
        if repeated:
            skip.update(i for i, line in enumerate(lines) if not line.blank and _shape(line) in repeated)
    # A bare page number standing alone between blank lines (or at a page break).
    for index, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text) and not line.blank:
            before = index == 0 or lines[index - 1].blank or index - 1 in skip
            after = index + 1 >= len(lines) or lines[index + 1].blank or index + 1 in skip
            if before and after:
                skip.add(index)
    return skip


def _boilerplate(lines: list[_Line]) -> set[int]:
    """A Project Gutenberg header and licence (everything before its START line and from its
    END line), and an email's signature (from a "-- " line near the end)."""
    skip: set[int] = set()
    for index in range(max(0, len(lines) - _SIGNATURE_LINES), len(lines)):
        if lines[index].text in ("-- ", "--"):
            skip.update(range(index, len(lines)))
            break
    start = next((i for i, line in enumerate(lines[:2000]) if _GUTENBERG_START.match(line.text)), None)
    if start is None:
        return skip
    end = next((i for i in range(start + 1, len(lines)) if _GUTENBERG_END.match(lines[i].text)), len(lines))
    # The START line may wrap: skip to the next blank line.
    first = start + 1
    while first < end and not lines[first].blank:
        first += 1
    return skip | set(range(first)) | set(range(end, len(lines)))


# ---------------------------------------------------------------- headings by their shape


def _words(text: str) -> int:
    return len(text.split())


def _shaped_heading(line: _Line, nxt: _Line | None, run: list[_Line]) -> tuple[int, Block] | None:
    """A heading recognised by its form, with the number of lines it takes, or None."""
    text = line.text
    match = _ATX.match(text)
    if match:
        start = line.start + match.start(2)
        return 1, Block(line.start, line.end, "heading", start, start + len(match.group(2)), len(match.group(1)))
    stripped = line.stripped
    if (
        nxt is not None
        and _SETEXT_UNDERLINE.match(nxt.text)
        and not run
        and _HAS_LETTER.search(stripped)
        and not _ITEM.match(text)
        and _words(stripped) <= _HEADING_WORDS
        # "--" under a two-letter word is a table rule or a signature, not an underline.
        and len(nxt.stripped) >= min(3, len(stripped))
    ):
        return 2, _heading(line, 1 if nxt.stripped[0] == "=" else 2, end=nxt.end)
    level = _heading_level(stripped)
    if level is None:
        return None
    # Everything else starts a block: a line inside a sentence is never a heading, except a
    # standard part's name alone on its line ("Abstract" under a paper's author lines).
    bare = stripped.rstrip(":").strip()
    if (
        run
        and not _ENDS_BEFORE_HEADING.search(run[-1].stripped)
        and not _is_heading_shaped(run[-1].stripped)
        and not (bare.lower() in _STANDARD_PARTS and bare[:1].isupper())
    ):
        return None
    if run and not _standalone(stripped):
        return None
    # "1.  A resolver receives a query with" over a hanging indent is a list item.
    if nxt is not None and not _is_blank(nxt) and nxt.indent > line.indent and not _LEGAL.match(stripped):
        return None
    return 1, _heading(line, level)


def _heading_level(stripped: str) -> int | None:
    """The level of a line shaped like a heading (numbered, legal, a standard part, capitals), or None."""
    if not stripped or len(stripped) > 200:
        return None
    words = _words(stripped)
    if _LEGAL.match(stripped):
        return 1 if words <= _LEGAL_HEADING_WORDS else None
    if words > _HEADING_WORDS or not _HAS_LETTER.search(stripped):
        return None
    if stripped.endswith((",", ";", "--")) or _DOT_LEADER.search(stripped):
        return None
    bare = stripped.rstrip(":").strip()
    if bare.lower() in _STANDARD_PARTS:
        return 1
    match = _NUMBERED.match(stripped)
    if match and _title_like(stripped[match.end() :]):
        return match.group(1).count(".") + 1
    match = _PART.match(stripped)
    if match and _title_like(stripped[match.end() :], lenient=True):
        return 1 if match.group(1).lower() not in ("part", "book", "volume", "vol.") else 0
    if _ROMAN.match(stripped) and words <= 8:
        return 1
    match = _LETTERED.match(stripped)
    if match and stripped[:1] in "A" and stripped.lower().startswith(("appendix", "annex")):
        return 1
    if _is_caps(stripped):
        return 1
    return None


def _title_like(rest: str, lenient: bool = False) -> bool:
    """The words after a heading's number: short, not a sentence running on."""
    rest = rest.strip()
    if not rest:
        return lenient
    if _words(rest) > _HEADING_WORDS - 1:
        return False
    # "3 shows the results." is a wrapped sentence that starts with a number.
    if rest.endswith(".") and not lenient and _words(rest) > 3:
        return False
    first = rest.lstrip("\"'“(")
    last = rest.rsplit(None, 1)[-1].lower()
    # A heading does not end on an article or a preposition: a wrapped sentence does.
    return lenient or not (first[:1].islower() or last in _RUNS_ON)


def _is_heading_shaped(stripped: str) -> bool:
    return _heading_level(stripped) is not None


def _standalone(stripped: str) -> bool:
    """Shapes strong enough to start a heading right after a sentence, with no blank line."""
    if _LEGAL.match(stripped) or _PART.match(stripped) or stripped.rstrip(":").lower() in _STANDARD_PARTS:
        return True
    match = _NUMBERED.match(stripped)
    return bool(match) and _words(stripped) <= 10 and not stripped.endswith(".")


def _is_caps(stripped: str) -> bool:
    if stripped.endswith((".", ",", ";")) and not _LEGAL.match(stripped):
        return False
    # Chinese and Japanese have no capitals: all-capitals says nothing about them. A line is in
    # capitals when upper-casing leaves it unchanged and lower-casing does not.
    return stripped.upper() == stripped and stripped.lower() != stripped and len(_LETTERS.findall(stripped)) >= 3


def _wraps_heading(line: _Line, nxt: _Line) -> bool:
    stripped = line.stripped
    if not _LEGAL.match(stripped) or stripped.endswith("."):
        return False
    rest = nxt.stripped
    return bool(rest) and _is_caps(rest.rstrip(".")) and _words(rest) <= 8


def _heading(line: _Line, level: int = 1, end: int | None = None) -> Block:
    stripped = line.text.strip()
    offset = line.start + line.text.index(stripped)
    return Block(line.start, end if end is not None else line.end, "heading", offset, offset + len(stripped), level)


# ---------------------------------------------------------------- lines into paragraphs


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


# ---------------------------------------------------------------- headings by their context


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


def _lone_headings(text: str, blocks: list[Block]) -> list[Block]:
    """A short line standing alone before a body is a heading; one of a run of such lines is not."""
    previous, following = _neighbours(blocks)
    lone = [
        _lone_candidate(text, block, blocks[previous[i]] if previous[i] >= 0 else None)
        for i, block in enumerate(blocks)
    ]
    # Runs of lone lines (set-aside blocks between them do not break a run), in one pass.
    run_of = [0] * len(blocks)
    run_sizes: list[int] = []
    run_last: list[int] = []
    open_run = False
    for index, block in enumerate(blocks):
        if lone[index]:
            if not open_run:
                run_sizes.append(0)
                run_last.append(index)
                open_run = True
            run_sizes[-1] += 1
            run_last[-1] = index
            run_of[index] = len(run_sizes) - 1
        elif block.kind != "skip":
            open_run = False
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if not lone[index]:
            out.append(block)
            continue
        run = run_of[index]
        after = following[run_last[run]]
        nxt = blocks[after] if after >= 0 else None
        # Centred short lines over centred text are a title page or a verse.
        centred = nxt is not None and min(_indent(text, block.start), _indent(text, nxt.start)) >= _CENTRED
        # A run of four or more lone short lines is a list (fixtures, an address, a contents).
        if run_sizes[run] <= _LONE_RUN and nxt is not None and _is_body(text, nxt) and not centred:
            out.append(_heading(_Line(block.start, block.end, text[block.start : block.end]), 2))
        else:
            out.append(block)
    return out


def _lone_candidate(text: str, block: Block, previous: Block | None) -> bool:
    if block.kind != "prose" or block.end - block.start > 200:
        return False
    body = text[block.start : block.end].strip()
    if "\n" in body or "\r" in body or count_words(body) > _HEADING_WORDS or not _WORD.search(body):
        return False
    # Dialogue and quotations open with a quote mark; a sentence ends with a full stop.
    if body[0] in "\"'“‘«„(" or (_TERMINAL.search(body) and not body.endswith("?")):
        return False
    if body.endswith("?") and count_words(body) < 4:
        return False
    if previous is not None and previous.kind in ("prose", "item"):
        # A line broken off the sentence above it (a page break, a stray blank line).
        tail = text[max(previous.start, previous.end - 20) : previous.end].rstrip()
        if not _TERMINAL.search(tail) and not tail.endswith("?") and body[0].islower():
            return False
    return _separated(text, previous, block) if previous is not None else True


def _indent(text: str, start: int) -> int:
    position = start
    while position < len(text) and text[position] in " \t":
        position += 1
    return position - start


def _is_body(text: str, block: Block) -> bool:
    """Text a heading can stand over: a paragraph, a list, or another heading."""
    if block.kind in ("heading", "item"):
        return True
    if block.kind != "prose":
        return False
    body = text[block.start : block.end].strip()
    return count_words(body) > _HEADING_WORDS or bool(_TERMINAL.search(body)) or "\n" in body


def _separated(text: str, block: Block, following: Block) -> bool:
    """True when a blank line stands between two blocks."""
    gap = text[block.end : following.start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2


def _indented_terms(lines: list[_Line], blocks: list[Block]) -> list[Block]:
    """An indented short line over a more indented body is a term being defined, not a heading.

    RFCs lay out packet fields so: "   Code" then "      The Code field is one octet".
    """
    indent_at = {line.start: line.indent for line in lines}
    _, after = _neighbours(blocks)
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[after[index]] if after[index] >= 0 else None
        indent = indent_at.get(block.start, 0)
        if (
            block.kind == "heading"
            and block.title_start == block.start + indent
            and 0 < indent < 8
            and following is not None
            and following.kind != "heading"
            and indent_at.get(following.start, 0) > indent
        ):
            block = Block(block.start, block.end, "prose")
        out.append(block)
    return out


def _contents_lists(text: str, blocks: list[Block]) -> list[Block]:
    """Three or more headings in a row, with at most a line under each, are a list of contents."""
    out = list(blocks)
    headings = [i for i, b in enumerate(out) if b.kind == "heading"]
    thin: list[bool] = []
    for n, index in enumerate(headings):
        until = headings[n + 1] if n + 1 < len(headings) else len(out)
        body = [b for b in out[index + 1 : until] if b.kind != "skip"]
        thin.append(
            n + 1 < len(headings)
            and len(body) <= 1
            and all(
                text.count("\n", b.start, b.end) <= 2
                and count_words(text[b.start : b.end]) <= 2 * _HEADING_WORDS
                and not _separated(text, out[index], b)
                for b in body
            )
        )
    n = 0
    while n < len(headings):
        if not thin[n]:
            n += 1
            continue
        last = n
        while last + 1 < len(headings) and thin[last + 1]:
            last += 1
        members = headings[n : last + 1]
        explicit = any(text[out[m].start : out[m].title_start].strip() for m in members)
        # Entries of a contents list share their form: "Chapter II.", "Chapter III.", "4.", "5."
        forms = Counter(_entry_form(text[out[m].title_start : out[m].title_end]) for m in members)
        # A title page centres its lines: "ADVENTURES", "OF", "HUCKLEBERRY FINN".
        centred = all(out[m].title_start - out[m].start >= _CENTRED for m in members)
        if len(members) >= 3 and not explicit and (forms.most_common(1)[0][1] >= 3 or centred):
            for m in members:
                out[m] = Block(out[m].start, out[m].end, "prose")
        n = last + 1
    return out


_ROMAN_WORD = re.compile(r"^[ivxlcdm]+\.?$")


def _entry_form(title: str) -> str:
    """A heading's first word with its numbers erased: what the entries of a contents list share."""
    first = title.split(None, 1)[0].lower() if title.strip() else ""
    return "R" if _ROMAN_WORD.match(first) else _DIGITS.sub("#", first)


_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]+(\S.*?)[ \t]*$")


def _title(text: str, blocks: list[Block]) -> list[Block]:
    """The document's own title: a Gutenberg header's "Title:" line, and a centred heading
    (an RFC's title line, a title page) before any other heading. Neither is a section."""
    out = list(blocks)
    for index, block in enumerate(out):
        if block.kind != "skip":
            continue
        match = _GUTENBERG_TITLE.match(text[block.start : block.end])
        if match:
            out[index] = Block(
                block.start, block.end, "title", block.start + match.start(1), block.start + match.end(1)
            )
            break
    for index, block in enumerate(out):
        if block.kind == "heading":
            if block.title_start - block.start >= _CENTRED:
                out[index] = Block(block.start, block.end, "title", block.title_start, block.title_end)
            break
    return out


def _mark_references(text: str, blocks: list[Block]) -> list[Block]:
    """The paragraphs under a References or Bibliography heading are shown but never quoted."""
    out: list[Block] = []
    level: int | None = None
    for block in blocks:
        if block.kind == "heading":
            title = text[block.title_start : block.title_end]
            if _REFERENCE_PARTS.match(title.strip()):
                level = block.level
            elif level is not None and block.level <= level:
                level = None
        elif level is not None and block.kind in ("prose", "item"):
            block = Block(block.start, block.end, "reference")
        out.append(block)
    return out
