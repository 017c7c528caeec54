"""Headings recognised by their context: a short line alone over a body, and what looks
like headings but is not (definition terms, contents lists, title pages); titles and the
references part.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import count_words
from .heading_shapes import _CENTRED, _HEADING_WORDS, _LONE_RUN, _PART, _REFERENCE_PARTS, _heading
from .lines import _DIGITS, _TERMINAL, _WORD, Block, _indent, _Line, _neighbours, _separated


def _lone_headings(text: str, blocks: list[Block]) -> list[Block]:
    """A short line standing alone before a body is a heading; one of a run of such lines is not."""
    previous, following = _neighbours(blocks)
    lone = [
        _lone_candidate(text, block, blocks[previous[i]] if previous[i] >= 0 else None)
        # A heading stands apart from its body too: a line run straight into the next is not one.
        and (following[i] < 0 or _separated(text, block, blocks[following[i]]))
        for i, block in enumerate(blocks)
    ]
    # The short line after a question is its answer ("No", "None"): a body, not a heading.
    answers = set()
    for index, block in enumerate(blocks):
        if lone[index] and following[index] >= 0 and text[block.start : block.end].rstrip().endswith("?"):
            answers.add(following[index])
            lone[following[index]] = False
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
        over_body = nxt is not None and (after in answers or _is_body(text, nxt))
        if run_sizes[run] <= _LONE_RUN and over_body and not centred:
            out.append(_heading(_Line(block.start, block.end, text[block.start : block.end]), 2))
        else:
            out.append(block)
    return out


_CALLOUT = re.compile(r"^(?::[a-z0-9_+-]+:|(?:note|notes|warning|tip|important|caution|hint|todo):\s)", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\([^()]*\)$")
_INNER_END = re.compile(r"[^\W\d_]{2}[.!?…][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def _lone_candidate(text: str, block: Block, previous: Block | None) -> bool:
    if block.kind != "prose" or block.end - block.start > 200:
        return False
    body = text[block.start : block.end].strip()
    if "\n" in body or "\r" in body or count_words(body) > _HEADING_WORDS or not _WORD.search(body):
        return False
    # A callout ("NOTE: ...") or a Markdown emoji (":white_check_mark: DO ...") opens a rule, not a title.
    if _CALLOUT.match(body):
        return False
    # Dialogue and quotations open with a quote mark; a sentence ends with a full stop.
    # A closing aside is part of a title: "User Stories (Optional)".
    core = _ASIDE.sub("", body) or body
    if body[0] in "\"'`“‘«„(" or (_TERMINAL.search(core) and not core.endswith("?")):
        return False
    # A line ending on a comma or a hyphen is a piece of a sentence, not a title.
    if body.endswith((",", "-")) and not body.endswith("--"):
        return False
    if body.endswith("?") and count_words(body) < 4:
        return False
    # Two sentences on one line are dialogue ("To me?  To whom?"), not a title.
    if _INNER_END.search(body):
        return False
    announced = previous is not None and text[previous.start : previous.end].rstrip().endswith(":")
    # Capitals a colon announces are a letter's salutation or a quoted headline.
    if announced and body.upper() == body:
        return False
    if previous is not None and previous.kind in ("prose", "item") and not _short_line(text, previous):
        # A line broken off the sentence above it (a page break, a stray blank line).
        tail = text[max(previous.start, previous.end - 20) : previous.end].rstrip()
        if not _TERMINAL.search(tail) and not tail.endswith("?") and body[0].islower():
            return False
    return _separated(text, previous, block) if previous is not None else True


def _short_line(text: str, block: Block) -> bool:
    """A block of one short line: a sentence does not run on from it into the next block."""
    body = text[block.start : block.end].strip()
    return "\n" not in body and "\r" not in body and count_words(body) <= _HEADING_WORDS


def _is_body(text: str, block: Block) -> bool:
    """Text a heading can stand over: a paragraph, a list, or another heading."""
    if block.kind in ("heading", "item"):
        return True
    if block.kind != "prose":
        return False
    body = text[block.start : block.end].strip()
    return count_words(body) > _HEADING_WORDS or bool(_TERMINAL.search(body)) or "\n" in body


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


_TOP_NUMBER = re.compile(r"^(\d{1,2})\.?[ \t]+\S")


def _restarted_lists(text: str, blocks: list[Block]) -> list[Block]:
    """Numbered lines that count from 1 again, below a part's own numbered headings, are the
    items of a numbered list whose items have paragraphs, not headings ("1. Disabled",
    "2. Checker only" under "Feature modes")."""
    out = list(blocks)
    last = 0
    listing = False
    # Whether the heading before was numbered "N.": a count that starts again right after one
    # is the body after a list of contents ("4. References", then "1. Introduction").
    after_number = False
    for index, block in enumerate(out):
        if block.kind != "heading":
            continue
        title = text[block.title_start : block.title_end]
        match = _TOP_NUMBER.match(title)
        if match is None:
            after_number = False
            # A new part or chapter may number its sections from 1 again.
            if _PART.match(title) or block.level == 0:
                last, listing = 0, False
            continue
        number = int(match.group(1))
        if number == 1 and last >= 1 and not after_number:
            listing = True
        elif number != last + 1:
            listing = False
        last = number
        after_number = not listing
        if listing:
            out[index] = Block(block.start, block.end, "item")
    return out
