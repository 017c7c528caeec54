"""Whether a sentence can stand as a story's headline: a plain statement that names its subject.

A briefing's best-ranked sentence is often a photo's caption ("In this Tuesday, Nov. 10, 2009
file photo Mikhail Kalashnikov attends...", "The encampment is seen before the deadline
passes, November 27, 2011."), a tweet in the first person ("Just wanted to let you guys know
I'm okay.") or a sentence that leans on the one before it. Each is a fair key point under a
headline, but not the headline. English has rules; in other languages every sentence may.
"""

from __future__ import annotations

import re

from .fragments import is_fragment
from .openings import dateline_length, is_dangling

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPTION = re.compile(
    # "In this Tuesday, Nov. 10, 2009 file photo", "In this image made from video"
    r"^(?:In|This) (?:this |an? |the )?.{0,60}?\b(?:photo|photograph|image|picture|video|file)\b"
    # "... is seen before ...", "... are pictured at ..."
    r"|\b(?:is|are) (?:seen|pictured|shown)\b"
    # a caption's credit or its date at the end: "(AP Photo/...)", ", Friday, May 2, 2014."
    r"|\b(?:AP|Reuters|AFP|Getty) (?:Photo|Images)\b"
    rf"|,\s+(?:{_WEEKDAY},?\s+)?{_MONTH},?\s+\d{{1,2}},?\s+\d{{4}}\.?[\"”’)]*\s*$",
)
# Speaking for oneself: a tweet or a quote, not a report.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|we|we're|we’re|our|you|your)\b", re.IGNORECASE)
_QUOTE_OPENS = "\"“‘'"


def reads_as_headline(text: str, language: str = "en") -> bool:
    """True when ``text`` reads as a headline: a whole sentence, not a caption, nor a
    first-person remark, nor leaning on what came before it (outside English: a whole sentence)."""
    body = text[dateline_length(text) :].strip()
    if is_fragment(body):
        return False
    if language != "en":
        return True
    if body[0] in _QUOTE_OPENS or is_dangling(body, language):
        return False
    if _CAPTION.search(body):
        return False
    return not _FIRST_PERSON.search(body)
