"""How long a briefing may be: sentences, words or a share of the text, and the default length."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import UsageError

DEFAULT_MIN_SENTENCES = 3
DEFAULT_MAX_SENTENCES = 10
DEFAULT_RATIO = 0.2


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
            return max(DEFAULT_MIN_SENTENCES, min(DEFAULT_MAX_SENTENCES, round(DEFAULT_RATIO * n_sentences)))
        return min(limits)
