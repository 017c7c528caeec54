"""How a sentence opens: datelines to skip, and openings that lean on missing context.

Shared by the briefing (which avoids dangling openings) and the evaluation (which counts
them), so both judge a quote the same way.
"""

from __future__ import annotations

import re

# "LONDON, England (CNN) -- ", "WASHINGTON (Reuters) - ", "(CNN) -- ", and the newer CNN
# style with no dash, "(CNN)The ...", which only a known news source is trusted to open;
# CNN Student News transcripts open with their date, "March 10, 2015 . ".
DATELINE = re.compile(
    r"^(?:"
    r"(?:[A-Z][A-Za-z.'’\-]*(?:[ ,]+[A-Za-z.'’\-]+){0,4}\s*)?"
    r"\((?:CNN|AP|Reuters|AFP|UPI|Xinhua|EW\.com|CNN Student News|[A-Z][A-Za-z]{1,15})\)\s*(?:--|—|–|-)\s*"
    r"|(?:[A-Z][A-Za-z.'’\-]*(?:[ ,]+[A-Za-z.'’\-]+){0,4}\s*)?"
    r"\((?:CNN|CNNMoney|HLN|AP|Reuters|AFP|UPI|Xinhua|EW\.com|WIRED|Mashable|Rolling Stone|"
    r"The Hollywood Reporter|Entertainment Weekly|Time|People|Variety)\)\s*(?=[\"“‘'(\[]?[A-Z0-9])"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4} \.\s+"
    r")"
)

DANGLING_WORDS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "however",
        "but",
        "and",
        "also",
        "so",
        "then",
        "yet",
        "still",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "instead",
        "therefore",
        "thus",
        "hence",
        "besides",
        "otherwise",
        "indeed",
        "likewise",
        "similarly",
        "consequently",
        "accordingly",
        "additionally",
        "there's",
        # Contractions lean on what came before just as much as the bare pronoun.
        "it's",
        "he's",
        "she's",
        "they're",
        "they've",
        "they'll",
        "that's",
        "he'd",
        "she'd",
        "they'd",
    ]
)

_FIRST_WORD = re.compile(r"[\"“‘'(\[]*([^\W\d_]+(?:['’][^\W\d_]+)?)")

# "This report", "These sections", "This CRS report": a demonstrative naming the text itself
# points at what the reader holds, not at context they lack. A report's, a paper's or a
# bill's statement of its own purpose opens this way, and is often its best summary.
SELF_NOUNS = frozenset(
    [
        "report",
        "paper",
        "article",
        "bill",
        "act",
        "chapter",
        "section",
        "title",
        "book",
        "essay",
        "memo",
        "memorandum",
        "document",
        "letter",
        "testimony",
        "statement",
        "post",
        "thesis",
        "proposal",
        "resolution",
        "appendix",
    ]
)
_SELF_REFERENCE = re.compile(r"[\"“‘'(\[]*(This|THIS|this|These|THESE|these)\s+(?:[A-Z]{2,}\s+)?([^\W\d_]+)")


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def dateline_length(text: str) -> int:
    """Characters of a leading dateline, 0 when there is none."""
    # Every dateline has a parenthesis or opens with a month: most sentences need no regex.
    if "(" not in text and not text.startswith(_MONTHS):
        return 0
    match = DATELINE.match(text)
    return match.end() if match and match.end() < len(text) else 0


def opening_word(text: str) -> str:
    """The first word after any dateline and opening quote marks, lower-cased."""
    match = _FIRST_WORD.match(text[dateline_length(text) :])
    return match.group(1).lower().replace("’", "'") if match else ""


def is_dangling(text: str, language: str = "en") -> bool:
    """True when a sentence opens with a pronoun or connective pointing outside itself."""
    if language != "en":
        from .connectives import opens_with_reference

        return opens_with_reference(text[dateline_length(text) :], language)
    start = dateline_length(text)
    word = opening_word(text)
    if word in ("this", "these") and names_itself(text[start:]):
        return False
    return word in DANGLING_WORDS


def names_itself(text: str) -> bool:
    """True when an English sentence opens on the text naming itself ("This report ...")."""
    match = _SELF_REFERENCE.match(text)
    if not match:
        return False
    noun = match.group(2).lower()
    if match.group(1).lower() == "this":
        return noun in SELF_NOUNS
    # "These sections", not "This acts as ...": the plural only after "these".
    return noun.endswith("s") and noun[:-1] in SELF_NOUNS
