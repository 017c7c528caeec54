"""The words in which a speaker talks about holding a view rather than about its subject.

"I think we could just...", "you know", "I mean", "maybe": a spoken sentence made of them
says how the speaker stands, while an account of the conversation (a summary, an answer to a
question about it) says what was said about the subject. The words are the subject forms of
the first and second person ("our remote", "your screen" name the subject, not the speaker)
and the hedges of talk. Only English has a list; in other languages every sentence counts alike.
"""

from __future__ import annotations

import re

_STANCE = {
    "en": "i i'm i've i'd i'll you you're you've we we're we've "
    "think mean know guess just like kind sort maybe probably",
}
STANCE_WORDS = {code: frozenset(words.split(" ")) for code, words in _STANCE.items()}
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def stance_share(text: str, language: str) -> float:
    """The share of ``text``'s words that are stance words of ``language`` (0 without a list)."""
    stance = STANCE_WORDS.get(language)
    if not stance:
        return 0.0
    words = _WORDS.findall(text.lower().replace("\u2019", "'"))
    return sum(word in stance for word in words) / len(words) if words else 0.0
