"""Quotes that do not read as a sentence: fragments, and spoken turns of nothing but filler.

Shared by the ranker (which keeps them out of a briefing) and the evaluation (which counts
them as ``fragment %``), so that both judge a quote the same way. A fragment, as the
structure issue defines it: at most three words, or starting lower-case (after any
enumerator or quote mark), or mostly upper-case letters, or ending without ``. ! ? …``
(closing quotes and brackets after them allowed; ``;`` allowed for list items, whose ``:`` only
leads in to what follows).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import count_words

# "(a)", "(1)", "(iv)", "1.", "2.1", "a)", "•", "-", "*", and the quote marks a quote may open with.
_OPENING = re.compile(
    r"^(?:\s*(?:\((?:[0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})\)|[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|"
    r"[a-z][.)](?=\s)|[•·\-–—*▪◦‣]|[\"“”‘’'`«»„]+))+\s*"
)
_CLOSING = "\"”’'`»)]}›"
_ENDS = (".", "!", "?", "…", "。", "！", "？", "‼", "⁉")
_LIST_ENDS = (";", ":", "；", "：")
# Words of a spoken turn that say nothing on their own: "Okay.", "Mm-hmm.", "Yeah, yeah."
_FILLER_WORDS = (
    "okay ok yeah yes yep yup no nope mm mmm mm-hmm hmm hm uh um uh-huh um-hmm huh ah oh er erm eh "
    "right alright sure well so and but or cool great good fine thanks thank you true exactly "
    "really wow bye hello hi hey sorry pardon indeed absolutely definitely totally"
)
FILLERS = frozenset(_FILLER_WORDS.split(" "))
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


# The ranker and the chooser ask about the same sentences in turn.
@lru_cache(maxsize=8192)
def is_fragment(text: str, list_item: bool = False) -> bool:
    """True when ``text`` is not a whole sentence a reader can take on its own (see above)."""
    text = text.strip()
    # count_words is never below the number of space-separated runs: count only short texts.
    if len(text.split(None, 3)) <= 3 and count_words(text) <= 3:
        return True
    body = _OPENING.sub("", text, count=1)
    first = next((c for c in body if c.isalpha()), "")
    if first and first.islower():
        return True
    if _mostly_upper(text):
        return True
    end = text.rstrip(_CLOSING + " ")
    if end.endswith(_ENDS):
        return False
    # An item of a list may end as the list goes on ("(A) the quantity used;"), but one ending in
    # a colon only leads in to what follows it ("is amended by adding at the end the following:").
    return not (list_item and end.endswith(_LIST_ENDS) and not end.endswith((":", "：")))


# Deleting ASCII letters from bytes counts them in C: a Python loop over every character of
# every sentence was a tenth of a long text's briefing.
_UPPER_ASCII = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER_ASCII = b"abcdefghijklmnopqrstuvwxyz"


def _mostly_upper(text: str) -> bool:
    """True when more than 60% of the cased letters are capitals (a heading, a shouted line)."""
    data = text.encode("ascii", "ignore")
    # A few curly quotes or accented letters do not move the share: count the ASCII letters.
    if 10 * (len(text) - len(data)) <= len(text):
        upper = len(data) - len(data.translate(None, _UPPER_ASCII))
        lower = len(data) - len(data.translate(None, _LOWER_ASCII))
    else:
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
    return bool(upper) and upper > 0.6 * (upper + lower)


def is_filler(text: str) -> bool:
    """True when a turn or sentence holds nothing but filler words ("Okay.", "Mm-hmm, yeah.")."""
    # Filler is short: a long turn always says something.
    if len(text) > 60:
        return False
    found = _WORDS.findall(text.lower())
    return all(word in FILLERS for word in found)
