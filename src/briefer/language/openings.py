"""How a sentence opens: datelines to skip, and openings that lean on missing context.

Shared by the briefing (which avoids dangling openings) and the evaluation (which counts
them), so both judge a quote the same way.
"""

from __future__ import annotations

import re

from ..model import count_words

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
    return opening_word(text) in DANGLING_WORDS


# A list marker or section number before a quote's words: "(a)", "2.", "iv)", "-", "•".
_ENUMERATOR = re.compile(r"^(?:[-*+•‣◦]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)])\s+")
_OPENING_QUOTES = "\"'“‘«„‚(["
# Closing quotes and brackets may follow the full stop: 'he said "no."' and '(see below.)'.
_CLOSERS = "\"'”’»)]}"


def is_fragment(text: str, item: bool = False) -> bool:
    """True when a key point is not a whole sentence: a heading, a stub or a piece of one.

    A fragment has at most three words, opens lower-case (after any enumerator or opening
    quote), is mostly capitals, or ends without ``. ! ? …`` — list items (``item``) may end
    with ``;`` or ``:`` as legal lists do.
    """
    stripped = text.strip()
    # Words as budgets count them: each Chinese or Japanese character is one.
    if count_words(stripped) <= 3:
        return True
    body = _ENUMERATOR.sub("", stripped, count=1).lstrip(_OPENING_QUOTES + " ")
    if body[:1].islower():
        return True
    letters = [c for c in stripped if c.isalpha() and c.lower() != c.upper()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    last = stripped.rstrip(_CLOSERS)
    ends = ".!?…" + (";:" if item else "")
    # Chinese and Japanese full stops end sentences too.
    return not last.endswith(tuple(ends + "。！？"))
