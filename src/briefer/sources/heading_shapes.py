"""Headings recognised by their form: Markdown marks and underlines, numbering, legal
sections, named parts, standard parts and capitals.
"""

from __future__ import annotations

import re

from .furniture import dot_leader
from .lines import _ATX, _ENDS_BEFORE_HEADING, _HAS_LETTER, _ITEM, _SETEXT_UNDERLINE, Block, _is_blank, _Line

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
_QUOTES = "\"'`“‘«„"
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
# Parts that are shown but never quoted: what is cited, and a standard's or a book's boilerplate
# ("Status of this Memo: This memo provides information for the Internet community.").
_REFERENCE_PARTS = re.compile(
    r"^(?:[\dA-Z]{1,2}(?:\.\d+)*\.?\s+)?(?:"
    r"(?:normative |informative )?(?:references|bibliography|works cited|literature cited|literature)"
    r"|status of this memo|copyright notice|full copyright statement|intellectual property(?: statement)?"
    r"|acknowledge?ments?|(?:authors?|editors?)(?:['’]s?)?\s+address(?:es)?"
    r")\s*:?$",
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


def _words(text: str) -> int:
    return len(text.split())


def _shaped_heading(
    line: _Line, nxt: _Line | None, run: list[_Line], introduced: bool = False
) -> tuple[int, Block] | None:
    """A heading recognised by its form, with the number of lines it takes, or None.

    ``introduced``: the line before ends in a colon, so a line in capitals after it is what
    the text announces (a letter's "DEAR SIR:", a newspaper's headline), not a heading.
    """
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
    if level is None or (introduced and not _numbered_or_named(stripped)):
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
    if stripped.endswith((",", ";", "--")) or dot_leader(stripped):
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
    if lenient:
        # "Act third was the castle hall, and" is a sentence: a part's own title is capitalised.
        return not first[:1].islower()
    last = rest.rsplit(None, 1)[-1].lower()
    # A heading does not end on an article or a preposition: a wrapped sentence does.
    return not (first[:1].islower() or last in _RUNS_ON)


def _is_heading_shaped(stripped: str) -> bool:
    return _heading_level(stripped) is not None


def _numbered_or_named(stripped: str) -> bool:
    """A heading shape stronger than capitals alone: a number, a legal section, a part, a standard part."""
    return bool(
        _LEGAL.match(stripped)
        or _NUMBERED.match(stripped)
        or _PART.match(stripped)
        or _ROMAN.match(stripped)
        or stripped.rstrip(":").strip().lower() in _STANDARD_PARTS
    )


def _standalone(stripped: str) -> bool:
    """Shapes strong enough to start a heading right after a sentence, with no blank line."""
    if _LEGAL.match(stripped) or _PART.match(stripped) or stripped.rstrip(":").lower() in _STANDARD_PARTS:
        return True
    match = _NUMBERED.match(stripped)
    return bool(match) and _words(stripped) <= 10 and not stripped.endswith(".")


def _is_caps(stripped: str) -> bool:
    if stripped.endswith((".", ",", ";")) and not _LEGAL.match(stripped):
        return False
    # A line in capitals that opens with a quote mark is someone shouting, not a heading.
    if stripped[:1] in _QUOTES:
        return False
    # Chinese and Japanese have no capitals: all-capitals says nothing about them. A line is in
    # capitals when upper-casing leaves it unchanged and lower-casing does not.
    return stripped.upper() == stripped and stripped.lower() != stripped and len(_HAS_LETTER.findall(stripped)) >= 3


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
