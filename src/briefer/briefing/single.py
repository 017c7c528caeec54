"""One document's briefing: rank its sentences, choose the key points under the budget."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from ..analysis import Analysis, analyze
from ..errors import UsageError
from ..language.catalogue import get_language, language_note
from ..model import Briefing, Document, count_words
from ..rankers import check_length, get_ranker
from .assemble import assemble, key_points, quote_lengths
from .budget import Budget
from .focus import Focus, query_focus, stance_weights, topic_focus
from .selection import FOCUSED, PLAIN, choose, refined

ORDERS = ("document", "rank")


def brief(
    document: Document,
    *,
    method: str = "topic",
    budget: Budget | None = None,
    order: str = "document",
    analysis: Analysis | None = None,
    scores: Sequence[float] | np.ndarray | None = None,
    focus: str | None = None,
    topic: str | int | None = None,
) -> Briefing:
    """Choose the key points of ``document`` and group them by topic.

    ``scores`` are the ranker's scores for ``analysis``'s sentences when the caller has them
    already (an interactive reader changing only the length); they are computed otherwise.
    ``focus`` (a query) or ``topic`` (a topic's number, 1 for the weightiest, or a word of
    its label) brief only what the text says about it; when nothing does, the briefing is
    empty and a note says so.
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
    total_words = sum(count_words(s.text) for s in sentences)
    lengths = quote_lengths(analysis)
    limit = budget.sentence_limit(n)
    notes: list[str] = []
    language_note_text = language_note(get_language(document.language))
    if language_note_text:
        notes.append(language_note_text)
    if document.metadata.get("decoding"):  # bytes the decoder replaced or dropped
        notes.append(document.metadata["decoding"])

    values = np.asarray(ranker.scores(analysis) if scores is None else scores, dtype=np.float64)
    if len(values) != n:
        raise ValueError(f"{len(values)} scores for {n} sentences")
    if focus is not None or topic is not None:
        about = query_focus(analysis, focus) if focus is not None else topic_focus(analysis, topic or 1)
        return _focused(analysis, ranker.name, order, about, values, limit, budget, lengths, notes, total_words)
    whole = limit >= n and (budget.words is None or total_words <= budget.words)
    if whole:
        chosen = list(range(n))
        notes.append("the text is already within the budget: it is given whole")
    else:
        rules = refined(analysis) if getattr(ranker, "refine", False) else PLAIN
        chosen = choose(analysis, values, limit, budget.words, lengths, rules)
        if not chosen and budget.words is not None:
            notes.append(f"no sentence is as short as {budget.words} word{'s' if budget.words != 1 else ''}")
    points = key_points(analysis, values, chosen)
    return assemble(analysis, ranker.name, order, points, total_words, notes, whole=whole)


def _focused(
    analysis: Analysis,
    method: str,
    order: str,
    about: Focus,
    importance: np.ndarray,
    limit: int,
    budget: Budget,
    lengths: list[int],
    notes: list[str],
    total_words: int,
) -> Briefing:
    """The briefing of what the text says about a focus: only sentences relevant to it."""
    chosen: list[int] = []
    if budget.is_default:
        limit = min(limit, about.default_length())
    if about.found:
        # In a transcript, of two sentences as relevant, the one about the subject goes first.
        scores = about.scores(importance) * stance_weights(analysis)
        chosen = choose(analysis, scores, limit, budget.words, lengths, FOCUSED)
    else:
        notes.append(f"nothing in the text is about \u201c{about.query}\u201d")
    points = [
        dataclasses.replace(point, relevance=round(float(about.relevance[point.sentence]), 4))
        for point in key_points(analysis, importance, chosen)
    ]
    return assemble(analysis, method, order, points, total_words, notes, focus=about)
