"""Whole sections compared: joining neighbours that are alike and settling each cut between two.

The topic-shift segmenter (:mod:`briefer.analysis.segments`) finds candidate cuts where blocks
of a dozen sentences either side of a paragraph break share few words. A dozen sentences hold
too few words to tell an aside from a new article, but two whole sections do: sentences of one
article share its names and words wherever they stand in it, sentences of unrelated articles
do not. A section is kept as the sum of its sentences' tf-idf rows (unit length each), held
sparse (its distinct terms and their weights), and the number of sentences with terms; from
those alone come the mean likeness of its sentences to each other and to another section's,
so that joining and comparing cost only the terms involved, never the whole vocabulary.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from .sparse import SparseRows

# Two neighbouring sections are one when their sentences are, on average, at least this share
# as alike across the cut as within each side. Relative, so that it holds for texts whose
# sentences share many words (a report in a fixed style) as for ones that share few. Tuned on
# joined Multi-News articles (benchmarks/sections.py, seed 7; confirmed on seed 11).
ALIKE = 0.25
# How many paragraphs a cut may move to where its two sections differ most.
SETTLE = 2

Words = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Part:
    """A run of sentences: the sum of their rows as terms (sorted) and weights, and how many of
    them have terms (each such row has unit length)."""

    terms: np.ndarray
    weights: np.ndarray
    sentences: float

    @property
    def words(self) -> Words:
        """The summed row as (terms, weights)."""
        return self.terms, self.weights

    def within(self) -> float:
        """The mean cosine between two of its sentences (0 for fewer than two)."""
        n = self.sentences
        return float((self.weights @ self.weights - n) / (n * (n - 1))) if n > 1.5 else 0.0

    def across(self, other: Part) -> float:
        """The mean cosine between one of its sentences and one of ``other``'s."""
        if self.sentences < 0.5 or other.sentences < 0.5:
            return 0.0
        return _dot(self.words, other.words) / (self.sentences * other.sentences)

    def joined(self, other: Part) -> Part:
        """The two runs as one."""
        cols = np.concatenate([self.terms, other.terms])
        terms, weights = _summed(cols, np.concatenate([self.weights, other.weights]))
        return Part(terms, weights, self.sentences + other.sentences)


def part(matrix: SparseRows, first_row: int, stop_row: int) -> Part:
    """Rows ``first_row`` to ``stop_row - 1`` as a :class:`Part`."""
    lo, hi = matrix.indptr[first_row], matrix.indptr[stop_row]
    data = matrix.data[lo:hi]
    terms, weights = _summed(matrix.cols[lo:hi], data)
    return Part(terms, weights, round(float(data @ data)))


def alike(left: Part, right: Part) -> float:
    """How far two neighbours are from being one: the mean likeness of sentences across them
    less ``ALIKE`` of the mean likeness within them (one when it is at least 0)."""
    return left.across(right) - ALIKE * (left.within() + right.within()) / 2


def _summed(cols: np.ndarray, data: np.ndarray) -> Words:
    terms, inverse = np.unique(cols, return_inverse=True)
    return terms, np.bincount(inverse.ravel(), weights=data, minlength=terms.size)


def _dot(left: Words, right: Words) -> float:
    _, at_left, at_right = np.intersect1d(left[0], right[0], assume_unique=True, return_indices=True)
    return float(left[1][at_left] @ right[1][at_right])


def _parts(matrix: SparseRows, rows: np.ndarray, bounds: list[int]) -> list[Part]:
    """The paragraphs between each two ``bounds`` as parts, all summed in one sort of the cells."""
    starts = matrix.indptr[rows[bounds]]
    lo, hi = int(starts[0]), int(starts[-1])
    cols, data = matrix.cols[lo:hi], matrix.data[lo:hi]
    owner = np.repeat(np.arange(len(bounds) - 1), np.diff(starts))
    width = max(matrix.shape[1], 1)
    keys, inverse = np.unique(owner * width + cols, return_inverse=True)
    weights = np.bincount(inverse.ravel(), weights=data, minlength=keys.size)
    edges = np.searchsorted(keys // width, np.arange(len(bounds)))
    sentences = np.bincount(owner, weights=data * data, minlength=len(bounds) - 1)
    return [
        Part(keys[edges[i] : edges[i + 1]] % width, weights[edges[i] : edges[i + 1]], round(float(sentences[i])))
        for i in range(len(bounds) - 1)
    ]


class Chain:
    """Sections in a row, each joined into the one before it one at a time: which still stand
    and their neighbours, each join in constant time. ``bounds`` are the sections' starts and
    the range's end; what is left of them is :meth:`cuts`."""

    def __init__(self, bounds: list[int]) -> None:
        self.bounds = bounds
        self.count = len(bounds) - 1
        self.following = list(range(1, self.count + 1))
        self.preceding = list(range(-1, self.count - 1))
        self.alive = [True] * self.count

    def has_next(self, s: int) -> bool:
        return self.following[s] < self.count

    def join_next(self, s: int) -> int:
        """Join the section after ``s`` into ``s``; the index of the one joined."""
        t = self.following[s]
        self.alive[t] = False
        self.following[s] = self.following[t]
        if self.has_next(t):
            self.preceding[self.following[t]] = s
        return t

    def cuts(self) -> list[int]:
        """The starts of the sections still standing, the first one's left out."""
        return [self.bounds[s] for s in range(1, self.count) if self.alive[s]]


def join_alike(matrix: SparseRows, rows: np.ndarray, cuts: list[int]) -> list[int]:
    """The cuts left once the most alike neighbouring sections are joined, pair by pair, until no
    two neighbours are alike (:func:`alike`).

    ``rows[p]`` is the matrix row of paragraph ``p``'s first sentence (``rows[-1]`` ends the
    range) and ``cuts`` are paragraphs, in order, that start a section. A join changes only the
    two likenesses beside it; a heap finds the most alike pair, so a text cut into thousands of
    candidates is joined in ``n log n``.
    """
    chain = Chain([0, *cuts, len(rows) - 1])
    parts = _parts(matrix, rows, chain.bounds)
    version = [0] * chain.count
    heap = [(-alike(parts[s], parts[s + 1]), s, 0) for s in range(chain.count - 1)]
    heapq.heapify(heap)
    while heap:
        negative, s, seen = heapq.heappop(heap)
        if -negative < 0:
            break
        if not chain.alive[s] or seen != version[s] or not chain.has_next(s):
            continue
        t = chain.join_next(s)
        parts[s] = parts[s].joined(parts[t])
        for left in (chain.preceding[s], s):
            if left >= 0 and chain.has_next(left):
                version[left] += 1
                heapq.heappush(heap, (-alike(parts[left], parts[chain.following[left]]), left, version[left]))
    return chain.cuts()


def settle(matrix: SparseRows, rows: np.ndarray, cuts: list[int], movable: np.ndarray, shortest: int) -> list[int]:
    """Each cut moved by at most ``SETTLE`` paragraphs to where its two sections are least alike
    (the cosine of their tf-idf sums).

    A dip between blocks of sentences is often a paragraph off: an article's closing line (a
    credit, a call for tips) shares no words with it and goes to the next. A cut moves only to
    a paragraph where ``movable`` is true (one with sentences) and never leaves a section
    shorter than ``shortest`` paragraphs. Each cut reads its two sections once: linear.
    """
    last = len(rows) - 1
    settled = list(cuts)
    for k, cut in enumerate(cuts):
        low = settled[k - 1] if k > 0 else 0
        high = cuts[k + 1] if k + 1 < len(cuts) else last
        first, final = max(cut - SETTLE, low + shortest), min(cut + SETTLE, high - shortest)
        if first > final:
            continue
        whole = matrix.sum_rows(rows[low], rows[high])
        left = matrix.sum_rows(rows[low], rows[first])
        best = (2.0, 0, cut)
        for p in range(first, final + 1):
            if p > first:
                cells = slice(matrix.indptr[rows[p - 1]], matrix.indptr[rows[p]])
                np.add.at(left, matrix.cols[cells], matrix.data[cells])
            if movable[p]:
                right = whole - left
                denominator = np.sqrt((left @ left) * (right @ right))
                likeness = float(left @ right / denominator) if denominator > 0 else 0.0
                best = min(best, (likeness, abs(p - cut), p))
        settled[k] = best[2]
    return settled
