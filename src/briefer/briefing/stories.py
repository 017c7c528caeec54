"""Many articles into stories: group them by what they are about, then brief each story.

Each article is a vector of its content terms (log counts, weighted by how few articles use
them, unit length); articles are grouped by average-linkage clustering, merging the two most
alike groups while their mean cosine stays above :data:`SAME_STORY`. Each story is then briefed
with the several-sources machinery (shared points made once, attributed to every source), the
stories are ordered by how much was written about them, and each gets a headline: the title
of its most central article, or failing titles its most central sentence, verbatim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..analysis import analyzer_for
from ..model import Briefing, Document
from ..sources.document import title_from_source
from .budget import Budget
from .several import brief_many

# Tuned on mixes of Multi-News dev clusters 0-49 (benchmarks/stories.py), confirmed on 50-99.
SAME_STORY = 0.2


@dataclass(frozen=True)
class Story:
    """One story among many: its headline, the articles telling it, and its briefing."""

    headline: str
    sources: tuple[int, ...]
    briefing: Briefing


def group_stories(documents: Sequence[Document], threshold: float | None = None) -> list[list[int]]:
    """The documents' indices grouped into stories, largest story first."""
    n = len(documents)
    if n < 2:
        return [list(range(n))]
    return _grouped(documents, _vectors(documents), SAME_STORY if threshold is None else threshold)


def _grouped(documents: Sequence[Document], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    if len(documents) < 2:
        return [list(range(len(documents)))]
    groups = _average_linkage(vectors @ vectors.T, threshold)
    size = [sum(documents[i].words() for i in group) for group in groups]
    order = sorted(range(len(groups)), key=lambda g: (-size[g], groups[g][0]))
    return [groups[g] for g in order]


def brief_stories(
    documents: Sequence[Document],
    *,
    method: str = "topic",
    budget: Budget | None = None,
    order: str = "document",
    groups: list[list[int]] | None = None,
) -> list[Story]:
    """Each story of ``documents`` briefed on its own, largest first, with its headline."""
    vectors = _vectors(documents) if len(documents) > 1 else np.ones((len(documents), 1))
    groups = groups if groups is not None else _grouped(documents, vectors, SAME_STORY)
    stories = []
    for group in groups:
        members = [documents[i] for i in group]
        briefing = brief_many(members, method=method, budget=budget, order=order)
        stories.append(Story(_headline(members, vectors[group], briefing), tuple(group), briefing))
    return stories


def _vectors(documents: Sequence[Document]) -> np.ndarray:
    """Unit tf-idf vectors of the documents over their shared vocabulary."""
    counts = []
    for document in documents:
        analyzer = analyzer_for(document.language)
        bag: Counter[str] = Counter()
        for sentence in document.sentences:
            bag.update(analyzer.terms(sentence.text))
        counts.append(bag)
    frequency: Counter[str] = Counter()
    for bag in counts:
        frequency.update(bag.keys())
    # A term of one article alone says nothing about which articles belong together.
    vocabulary = {term: j for j, term in enumerate(t for t, df in frequency.items() if df > 1)}
    n = len(documents)
    matrix = np.zeros((n, max(len(vocabulary), 1)))
    idf = np.zeros(max(len(vocabulary), 1))
    for term, j in vocabulary.items():
        # Smoothed, so that two articles alike in every word still count as alike.
        idf[j] = np.log((n + 1) / frequency[term])
    for i, bag in enumerate(counts):
        for term, count in bag.items():
            column = vocabulary.get(term)
            if column is not None:
                matrix[i, column] = 1.0 + np.log(count)
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def _average_linkage(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two groups of highest mean similarity while it is above ``threshold``."""
    n = similarity.shape[0]
    groups: list[list[int] | None] = [[i] for i in range(n)]
    sizes = np.ones(n)
    # Summed similarity between groups: a merged group's row is the sum of its parts' rows.
    totals = similarity.astype(np.float64).copy()
    np.fill_diagonal(totals, 0.0)
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        mean = totals / np.outer(sizes, sizes)
        mean[~alive, :] = -np.inf
        mean[:, ~alive] = -np.inf
        np.fill_diagonal(mean, -np.inf)
        flat = int(np.argmax(mean))
        a, b = divmod(flat, n)
        if mean[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        groups_a, groups_b = groups[a], groups[b]
        assert groups_a is not None and groups_b is not None
        groups[a] = groups_a + groups_b
        groups[b] = None
        totals[a, :] += totals[b, :]
        totals[:, a] += totals[:, b]
        totals[a, a] = 0.0
        sizes[a] += sizes[b]
        alive[b] = False
    return [sorted(g) for g in groups if g is not None]


def _headline(members: list[Document], vectors: np.ndarray, briefing: Briefing) -> str:
    """The most central article's title where the source gave it one (a page's or a feed's
    title), else the story's best-ranked key point: verbatim either way.

    A plain text's first short line is not trusted as a headline: saved pages begin with
    "Play Facebook" or a date as often as with their title.
    """
    centre = vectors.sum(axis=0)
    for i in np.argsort(-(vectors @ centre), kind="stable"):
        document = members[int(i)]
        title = document.title.strip()
        if title and document.input_format != "text" and title != title_from_source(document.source):
            return title
    if briefing.key_points:
        return min(briefing.key_points, key=lambda p: p.rank).text
    return members[0].title or members[0].source
