"""From a ranked document to a briefing: the budget, the choice of key points, the counts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import UsageError
from .language import get_language, language_note, reading_rate
from .model import Briefing, Document, KeyPoint, Stats, count_words
from .openings import dateline_length
from .rankers import check_length, get_ranker
from .selection import choose
from .topics import Analysis, analyze

# Brysbaert (2019): adults read English non-fiction silently at about 238 words a minute.
# Other languages' rates are in language.py.
WORDS_PER_MINUTE = 238
DEFAULT_MIN_SENTENCES = 3
DEFAULT_MAX_SENTENCES = 10
DEFAULT_RATIO = 0.2
ORDERS = ("document", "rank")


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


def reading_seconds(words: int, language: str = "en") -> int:
    """Seconds to read ``words`` words (characters of Chinese and Japanese) silently."""
    return math.ceil(words * 60 / reading_rate(language))


def make_stats(sentences: int, words: int, points: list[KeyPoint], language: str) -> Stats:
    """The counts of a source and of the key points chosen from it."""
    summary_words = sum(count_words(p.text) for p in points)
    return Stats(
        sentences=sentences,
        words=words,
        reading_seconds=reading_seconds(words, language),
        summary_sentences=len(points),
        summary_words=summary_words,
        summary_reading_seconds=reading_seconds(summary_words, language),
    )


def brief(
    document: Document,
    *,
    method: str = "topic",
    budget: Budget | None = None,
    order: str = "document",
    analysis: Analysis | None = None,
    scores: Sequence[float] | None = None,
) -> Briefing:
    """Choose the key points of ``document`` and group them by topic.

    ``scores`` are the ranker's scores for ``analysis``'s sentences when the caller has them
    already (an interactive reader changing only the length); they are computed otherwise.
    """
    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}; choose one of: {', '.join(ORDERS)}")
    budget = budget or Budget()
    ranker = get_ranker(method)
    if scores is None:
        check_length(method, len(document.sentences))
    if analysis is None or (analysis.document is not document and analysis.document.text != document.text):
        analysis = analyze(document)
    document = analysis.document
    sentences = document.sentences
    n = len(sentences)
    lengths = [count_words(s.text) for s in sentences]
    limit = budget.sentence_limit(n)
    total_words = sum(lengths)
    notes: list[str] = []
    language_note_text = language_note(get_language(document.language))
    if language_note_text:
        notes.append(language_note_text)

    whole = limit >= n and (budget.words is None or total_words <= budget.words)
    scores = np.asarray(ranker.scores(analysis) if scores is None else scores, dtype=np.float64)
    if len(scores) != n:
        raise ValueError(f"{len(scores)} scores for {n} sentences")
    ranking = [int(i) for i in np.argsort(-scores, kind="stable")]
    if whole:
        chosen = list(range(n))
        notes.append("the text is already within the budget: it is given whole")
    else:
        chosen = choose(analysis, scores, limit, budget.words, lengths, getattr(ranker, "refine", False))
        if not chosen and budget.words is not None:
            notes.append(f"no sentence is as short as {budget.words} words")
    rank_of = {index: place for place, index in enumerate(ranking)}
    top = float(scores.max()) if n and scores.max() > 0 else 1.0
    points = []
    for index in chosen:
        sentence = sentences[index]
        skip = dateline_length(sentence.text)
        points.append(
            KeyPoint(
                text=sentence.text[skip:],
                start=sentence.start + skip,
                end=sentence.end,
                score=round(float(scores[index]) / top, 4),
                rank=rank_of[index] + 1,
                topic=int(analysis.sentence_topic[index]),
                section=sentence.section,
                sentence=index,
            )
        )
    if order == "rank":
        points.sort(key=lambda p: p.rank)
    stats = make_stats(n, total_words, points, document.language)
    return Briefing(
        document=document,
        method=ranker.name,
        order=order,
        key_points=tuple(points),
        topics=analysis.topics,
        key_terms=analysis.key_terms,
        stats=stats,
        whole=whole,
        notes=tuple(notes),
    )
