"""Which articles tell the same story: article vectors and average-linkage grouping.

Each article is a vector of its content terms (log counts, weighted by how few articles of
the mix use them, unit length). Articles are grouped by average linkage, merging the two
most alike groups while their mean cosine stays above :data:`SAME_STORY`; an article the
merging leaves alone then joins the story whose centre it is clearly most like. An article too
short to say what it is about (a caption, a "share this" block, a tweet) takes no part in
the merging, where one such text shared by two pages would chain their stories together; it
joins the story it is most like afterwards; those like none are grouped among themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..analysis import analyzer_for
from ..model import Document

# Tuned on mixes of Multi-News dev clusters 0-49 (benchmarks/stories.py), confirmed on 50-99.
SAME_STORY = 0.2
# Fewer words than this and an article is attached to a story rather than grouped.
SHORT = 80
# A short article this unlike every story (cosine with its centre) stays a story of its own.
ATTACH = 0.1
# Terms read of an article: a story is told in its opening; the long tail of a reference page, a
# book chapter or a transcript ranges over so many words that it would be like every story.
OPENING = 1000
# An article the merging left alone joins a story when it is this many times as like its centre
# as like any other story's centre or any other lone article.
CLEAR = 2.0


def story_vectors(documents: Sequence[Document]) -> np.ndarray:
    """Unit tf-idf vectors of the documents over their shared vocabulary, one row each.

    Made once and passed to :func:`group_stories` and :func:`brief_stories`, which both need them.
    """
    counts = [_bag(document) for document in documents]
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


def _bag(document: Document) -> Counter[str]:
    """The counts of the document's terms, up to the sentence that brings it to :data:`OPENING`."""
    analyzer = analyzer_for(document.language)
    bag: Counter[str] = Counter()
    seen = 0
    for sentence in document.sentences:
        terms = analyzer.terms(sentence.text)
        bag.update(terms)
        seen += len(terms)
        if seen >= OPENING:
            break
    return bag


def group_stories(
    documents: Sequence[Document], threshold: float | None = None, *, vectors: np.ndarray | None = None
) -> list[list[int]]:
    """The documents' indices grouped into stories, largest story first.

    ``vectors`` are the documents' :func:`story_vectors`, when made already.
    """
    n = len(documents)
    if n < 2:
        return [list(range(n))]
    vectors = story_vectors(documents) if vectors is None else vectors
    words = [document.words() for document in documents]
    core = [i for i in range(n) if words[i] >= SHORT]
    if len(core) < 2:
        core = list(range(n))
    threshold = SAME_STORY if threshold is None else threshold
    merged = _average_linkage(vectors[core] @ vectors[core].T, threshold)
    groups = _rescue([[core[i] for i in group] for group in merged], vectors)
    _attach(groups, [i for i in range(n) if i not in set(core)], vectors, threshold)
    size = [sum(words[i] for i in group) for group in groups]
    order = sorted(range(len(groups)), key=lambda g: (-size[g], min(groups[g])))
    return [sorted(groups[g]) for g in order]


def _rescue(groups: list[list[int]], vectors: np.ndarray) -> list[list[int]]:
    """Each article the merging left alone into the story whose centre it is clearly most like.

    Average linkage weighs an article against every member of a story: one member unlike it (a
    roundup, a sidebar, a long background piece) drags the mean under the threshold although the
    article is plainly about that story and no other. Its likeness to the story's centre, at least
    :data:`ATTACH` and :data:`CLEAR` times its likeness to anything else, says so.
    """
    stories = [group for group in groups if len(group) > 1]
    lone = [group[0] for group in groups if len(group) == 1]
    if not stories or not lone:
        return groups
    likeness = vectors[lone] @ _centres(stories, vectors).T
    among = vectors[lone] @ vectors[lone].T
    np.fill_diagonal(among, 0.0)
    joined: dict[int, list[int]] = {}
    for row, i in enumerate(lone):
        ranked = np.sort(likeness[row])[::-1]
        rival = max(ranked[1] if len(ranked) > 1 else 0.0, among[row].max())
        if ranked[0] > ATTACH and ranked[0] >= CLEAR * rival:
            joined[i] = stories[int(np.argmax(likeness[row]))]
    # The centres are those of the stories as merged, so the order of the lone articles is no matter.
    for i, story in joined.items():
        story.append(i)
    return stories + [[i] for i in lone if i not in joined]


def _centres(groups: list[list[int]], vectors: np.ndarray) -> np.ndarray:
    """The unit mean vector of each group."""
    centres = np.array([vectors[group].sum(axis=0) for group in groups])
    return centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)


def _attach(groups: list[list[int]], short: list[int], vectors: np.ndarray, threshold: float) -> None:
    """Each short article into the story whose centre it is most like; those like no story are
    grouped among themselves (the same notice saved twice is one story, not two)."""
    if not short:
        return
    centres = _centres(groups, vectors)
    alone = []
    for i in short:
        likeness = centres @ vectors[i]
        best = int(np.argmax(likeness))
        if likeness[best] > ATTACH:
            groups[best].append(i)
        else:
            alone.append(i)
    if alone:
        rest = vectors[alone]
        groups.extend([alone[i] for i in group] for group in _average_linkage(rest @ rest.T, threshold))


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
        a, b = divmod(int(np.argmax(mean)), n)
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
