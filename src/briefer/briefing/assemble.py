"""The end of every briefing: chosen sentences become key points, and the counts are taken."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..analysis import Analysis
from ..analysis.labels import fit_labels
from ..language.catalogue import reading_rate
from ..language.openings import dateline_length
from ..model import Briefing, Document, KeyPoint, Stats, Topic, count_words
from ..sources.lines import BULLET

if TYPE_CHECKING:
    from .focus import Focus


def reading_seconds(words: int, language: str = "en") -> int:
    """Seconds to read ``words`` words (characters of Chinese and Japanese) silently."""
    return math.ceil(words * 60 / reading_rate(language))


def make_stats(sentences: int, words: int, points: Sequence[KeyPoint], language: str) -> Stats:
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


def quote_lengths(analysis: Analysis) -> list[int]:
    """The words of each sentence's quote, what a budget counts: a speaker's name or a dateline
    stands beside the key point and is not part of it."""
    return [count_words(s.text[_quote_skip(analysis, i) :]) for i, s in enumerate(analysis.document.sentences)]


def _quote_skip(analysis: Analysis, index: int) -> int:
    document = analysis.document
    sentence = document.sentences[index]
    skip = max(analysis.quote_start(index), dateline_length(sentence.text))
    if skip == 0 and document.paragraphs[sentence.paragraph].kind == "item":
        # The layout's own bullet ("- If the version has changed, ..."), not its words.
        bullet = BULLET.match(sentence.text)
        if bullet and bullet.end() < len(sentence.text):
            skip = bullet.end()
    return skip


def key_points(analysis: Analysis, scores: np.ndarray, chosen: Sequence[int]) -> list[KeyPoint]:
    """The chosen sentences as quotes: rank and score (relative to the best), a dateline or a
    speaker's name left out (the speaker is kept beside the quote)."""
    sentences = analysis.document.sentences
    ranking = np.argsort(-scores, kind="stable")
    rank_of = np.empty(len(ranking), dtype=np.int64)
    rank_of[ranking] = np.arange(len(ranking))
    top = float(scores.max()) if scores.size and scores.max() > 0 else 1.0
    points = []
    for index in chosen:
        sentence = sentences[index]
        skip = _quote_skip(analysis, index)
        speaker = analysis.turns.speakers[index] if analysis.turns is not None else ""
        points.append(
            KeyPoint(
                text=sentence.text[skip:],
                start=sentence.start + skip,
                end=sentence.end,
                score=round(float(scores[index]) / top, 4),
                rank=int(rank_of[index]) + 1,
                topic=int(analysis.sentence_topic[index]),
                section=sentence.section,
                sentence=index,
                speaker=speaker,
            )
        )
    return points


def assemble(
    analysis: Analysis,
    method: str,
    order: str,
    points: list[KeyPoint],
    words: int,
    notes: Sequence[str],
    *,
    whole: bool = False,
    sources: Sequence[Document] = (),
    focus: Focus | None = None,
) -> Briefing:
    """The briefing of ``analysis.document``: its key points in ``order``, topics and counts."""
    if order == "rank":
        points = sorted(points, key=lambda p: p.rank)
    document = analysis.document
    topics = fitted_topics(analysis, points)
    query = focus.query if focus is not None else None
    if focus is not None and focus.topic is not None:
        # A topic is named as its key points show it, above them and in what the briefing is about.
        query = next((t.label for t in topics if t.id == focus.topic), query)
    return Briefing(
        document=document,
        method=method,
        order=order,
        key_points=tuple(points),
        topics=topics,
        key_terms=analysis.key_terms,
        stats=make_stats(len(document.sentences), words, points, document.language),
        whole=whole,
        notes=tuple(notes),
        sources=tuple(sources),
        focus=query,
        focus_terms=focus.matched if focus is not None else (),
        focus_topic=focus.topic if focus is not None else None,
    )


def fitted_topics(analysis: Analysis, points: Sequence[KeyPoint]) -> tuple[Topic, ...]:
    """The document's topics, each labelled with words its key points say (see fit_labels)."""
    if not points:
        return analysis.topics
    totals = analysis.matrix.column_sums()
    weight = {term: float(totals[j]) for j, term in enumerate(analysis.terms) if j < len(totals)}
    display_of_term = dict(zip(analysis.terms, analysis.display, strict=False))
    term_of_display = {form: term for term, form in display_of_term.items()}
    point_terms = [analysis.term_lists[p.sentence] for p in points]
    return fit_labels(analysis.topics, points, point_terms, term_of_display, weight, display_of_term)
