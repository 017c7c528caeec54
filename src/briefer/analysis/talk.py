"""The words of a transcript that are talk, not subject: left out of its terms, they make no
topic and name none.

"Kay.", "Alright.", "Wow.", "Cool, cool.": a meeting is full of turns that only keep the talk
going, and the words they are made of come back often enough to look like a topic's words.
They are the filler and stance words of the language (English has lists) and, in any
language, the words that are said mostly as a turn of their own: a term that at least half
of its occurrences (and three or more) finds in sentences of at most :data:`SHORT` words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..language.fragments import FILLERS
from ..language.stance import STANCE_WORDS
from ..language.words import Analyzer

# Words a sentence may have and still be a backchannel ("Oh, wow." "Kay, fine.").
SHORT = 3
# Occurrences a term needs before its share in short sentences says anything.
SEEN = 3
# Talk that the filler list (which decides what a fragment is) leaves out, as it should: "Nice."
# is a sentence, but never a topic of the meeting.
_MORE = {"en": "kay dunno guys ouch oops whoops nice lovely awesome perfect excellent brilliant"}


def talk_terms(word_lists: Sequence[list[str]], term_lists: Sequence[list[str]], analyzer: Analyzer) -> frozenset[str]:
    """The terms of a transcript's sentences (their words and terms, speaker names left out)
    that are talk rather than subject."""
    code = analyzer.language.code
    listed = STANCE_WORDS.get(code, frozenset()) | frozenset(_MORE.get(code, "").split())
    if code == "en":
        listed |= FILLERS
    found = {term for term in map(analyzer.term_of_word, listed) if term is not None}
    occurrences: Counter[str] = Counter()
    short: Counter[str] = Counter()
    for words, terms in zip(word_lists, term_lists, strict=True):
        occurrences.update(terms)
        if len(words) <= SHORT:
            short.update(terms)
        # "that'll", "should've": a function word's contraction says nothing of the subject.
        for word in words:
            head, mark, _ = word.replace("\u2019", "'").partition("'")
            if mark and analyzer.term_of_word(head) is None:
                term = analyzer.term_of_word(word)
                if term is not None:
                    found.add(term)
    found.update(term for term, count in occurrences.items() if count >= SEEN and 2 * short[term] >= count)
    return frozenset(found)
