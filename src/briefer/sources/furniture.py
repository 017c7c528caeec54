"""Page furniture and boilerplate in plain text: running headers and footers, page numbers,
dot-leader contents lines, a Project Gutenberg licence, an email signature.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import count_words
from .lines import _DIGITS, _Line

# Page furniture: a bare page number, a "[Page 3]" footer, a dot-leader contents line.
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*$", re.IGNORECASE)
_PAGE_MARK = re.compile(r"\[page \d+\]|\bpage \d+ of \d+\b", re.IGNORECASE)
# A contents line leads to its page number with dots, or with a wide gap of spaces. Without the
# number, only a long run of dots is a leader: "So much for...." ends a sentence with an ellipsis.
_DOT_LEADER = re.compile(
    r"(?:\.{4,}|(?:\. ){3,}\.?|…{2,})\s*(?:\d+|[ivxlc]+)\s*$"
    r"|(?:\.{6,}|(?:\. ){5,}\.?|…{3,})\s*$"
    r"|(?<=[^\W\d_]|[.”\"'’?!])[ \t]{6,}(?:\d{1,4}|[ivxlc]{1,6})\s*$"
)
# Running headers, footers and contents lines are short: longer lines are never furniture.
_FURNITURE_CHARS = 160
# An email signature starts with a "-- " line and runs a few lines to the end.
_SIGNATURE_LINES = 10
_GUTENBERG_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_GUTENBERG_END = re.compile(
    r"^\s*(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg)", re.IGNORECASE
)


def dot_leader(text: str) -> bool:
    """Whether a line ends in a contents line's leader to a page number."""
    # The regular expression is tried only where a leader can be: most lines have none.
    if "...." in text or ". . ." in text or "……" in text or "      " in text or "\t" in text:
        return bool(_DOT_LEADER.search(text))
    return False


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
            near_break.extend(_around(lines, index))
        elif len(line.text) <= _FURNITURE_CHARS and _contents_or_page_mark(line):
            skip.add(index)
    skip |= _running_lines(lines, near_break)
    # A bare page number standing alone between blank lines (or at a page break).
    for index, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text) and not line.blank:
            before = index == 0 or lines[index - 1].blank or index - 1 in skip
            after = index + 1 >= len(lines) or lines[index + 1].blank or index + 1 in skip
            if before and after:
                skip.add(index)
    return skip


def _contents_or_page_mark(line: _Line) -> bool:
    return bool(
        (dot_leader(line.text) and len(line.stripped) > 6)
        or ("page" in line.text.lower() and _PAGE_MARK.search(line.text) and count_words(line.text) <= 12)
    )


def _around(lines: list[_Line], index: int) -> list[int]:
    """The last line before a page break and the first after it: the footer and the header."""
    found = []
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines) and lines[j].blank:
            j += step
        if 0 <= j < len(lines):
            found.append(j)
    return found


def _running_lines(lines: list[_Line], near_break: list[int]) -> set[int]:
    """Lines next to page breaks that recur (numbers aside), and every other line like them."""
    if not near_break:
        return set()
    shapes = Counter(_shape(line) for line in lines if not line.blank)
    repeated = {_shape(lines[j]) for j in near_break if shapes[_shape(lines[j])] >= 2}
    skip = {j for j in near_break if _shape(lines[j]) in repeated or _PAGE_NUMBER.match(lines[j].text)}
    if repeated:
        skip.update(i for i, line in enumerate(lines) if not line.blank and _shape(line) in repeated)
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
