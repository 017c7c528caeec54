"""How long a briefing may be: sentences, words or a share of the text, and the default length."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import UsageError

# The default length: a fifth of a short text (3 key points at least), then, past 50
# sentences, growing with the square root of the length, to at most 25 key points. A 300-word
# note gets 3, a news story of 40 sentences 8, a 7,000-word report (about 300 sentences) 24,
# a book 25: a briefing of a long text is still read in a few minutes (25 sentences are about
# 600 words, 3 minutes), and the square root keeps each key point standing for more of the
# text the longer it is.
DEFAULT_MIN_SENTENCES = 3
DEFAULT_MAX_SENTENCES = 25
DEFAULT_RATIO = 0.2
# Where the fifth gives way to the square root (10 key points at 50 sentences).
GROWTH_FROM = 50


@dataclass(frozen=True)
class Budget:
    """How long a briefing may be: sentences, words, or a share of the text (any one or more)."""

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        if self.sentences is not None and self.sentences <= 0:
            raise UsageError(f"the number of sentences must be at least 1, not {self.sentences}")
        if self.words is not None and self.words <= 0:
            raise UsageError(f"the number of words must be at least 1, not {self.words}")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError(f"the ratio must be above 0 and at most 1 (or 100%), not {self.ratio:g}")

    @property
    def is_default(self) -> bool:
        return self.sentences is None and self.words is None and self.ratio is None

    def sentence_limit(self, n_sentences: int) -> int:
        """How many sentences at most; the word limit is applied while choosing."""
        limits = []
        if self.sentences is not None:
            limits.append(self.sentences)
        if self.ratio is not None:
            limits.append(max(1, math.ceil(self.ratio * n_sentences)))
        if not limits:
            if self.words is not None:
                return n_sentences
            return default_length(n_sentences)
        return min(limits)


def default_length(n_sentences: int) -> int:
    """Key points of a briefing with no budget given: grows with the text, within 3 and 25."""
    if n_sentences <= GROWTH_FROM:
        length = round(DEFAULT_RATIO * n_sentences)
    else:
        length = round(DEFAULT_RATIO * GROWTH_FROM * math.sqrt(n_sentences / GROWTH_FROM))
    return max(DEFAULT_MIN_SENTENCES, min(DEFAULT_MAX_SENTENCES, length))
