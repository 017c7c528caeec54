"""Topics by non-negative factorisation of the sentence-by-term matrix.

Lee & Seung's multiplicative updates from an NNDSVD start, so the result is deterministic. In a
text written in paragraphs each sentence is factorised together with its paragraph's mean,
because a paragraph is a writer's own unit of topic and a lone sentence has too few words.
"""

from __future__ import annotations

import numpy as np

from ..model import Document
from .sparse import SparseRows, run_sums

MAX_TOPICS = 10
NMF_ITERATIONS = 60

PARAGRAPH_BLEND = 1.0


def with_paragraphs(document: Document, matrix: SparseRows) -> TermOperator:
    """Each sentence's row plus its paragraph's mean, when the paragraphs hold several sentences."""
    n_paragraphs = len(document.paragraphs)
    if n_paragraphs < 3 or len(document.sentences) <= n_paragraphs:
        return TermOperator(matrix)
    paragraph = np.asarray([s.paragraph for s in document.sentences])
    return TermOperator(matrix, paragraph, n_paragraphs, PARAGRAPH_BLEND)


class TermOperator:
    """The sentence-by-term matrix the topics are factorised from, as products only.

    Row ``i`` is ``x_i + blend * mean of x over i's paragraph``, scaled to unit length. Built
    densely, a paragraph's vocabulary would fill every row of it (a 30-sentence paragraph's
    300 terms in each sentence's row); kept as the sparse matrix ``x`` plus one sparse mean a
    paragraph, each product costs the non-zero cells of the two, and gives the same numbers.
    """

    def __init__(
        self, matrix: SparseRows, paragraph: np.ndarray | None = None, n_paragraphs: int = 0, blend: float = 0.0
    ) -> None:
        n, v = matrix.shape
        self.shape = (n, v)
        self.matrix = matrix
        self.paragraph = paragraph
        self.scale = np.ones(n)
        # With paragraphs: the sentences' rows stacked over the paragraphs' means, so that
        # one sparse product serves both.
        self.stacked: SparseRows | None = None
        if paragraph is not None:
            sizes = np.bincount(paragraph, minlength=n_paragraphs)
            counts = np.maximum(sizes, 1)
            # Sentences come paragraph by paragraph: each paragraph's rows are one run.
            self.bounds = np.concatenate([[0], np.cumsum(sizes)])
            sums = matrix.group_sums(paragraph, n_paragraphs)
            means = sums.with_data(blend * sums.data / counts[sums.rows])
            own_mean = means.lookup(paragraph[matrix.rows], matrix.cols)
            cross = np.bincount(matrix.rows, weights=matrix.data * own_mean, minlength=n)
            squares = matrix.row_sums_squared()
            norms = np.sqrt(np.maximum(squares + 2 * cross + means.row_sums_squared()[paragraph], 0.0))
            # A row of zeros stays zeros, as dividing only where the norm is positive would leave it.
            self.scale = np.divide(1.0, norms, out=np.ones(n), where=norms > 0)
            self.stacked = SparseRows(
                (n + n_paragraphs, v),
                np.concatenate([matrix.rows, n + means.rows]),
                np.concatenate([matrix.cols, means.cols]),
                np.concatenate([matrix.data, means.data]),
            )

    def dense(self) -> np.ndarray:
        if self.stacked is None:
            return self.matrix.toarray()
        n = self.shape[0]
        both = self.stacked.toarray()
        return self.scale[:, None] * (both[:n] + both[n:][self.paragraph])

    def dot(self, other: np.ndarray) -> np.ndarray:
        """``matrix @ other`` for ``other`` of shape ``(terms, k)``."""
        return self.dot_t(np.asarray(other).T).T

    def tdot(self, other: np.ndarray) -> np.ndarray:
        """``matrix.T @ other`` for ``other`` of shape ``(sentences, k)``."""
        return self.tdot_t(np.asarray(other).T).T

    def dot_t(self, left: np.ndarray) -> np.ndarray:
        """``(matrix @ left.T).T`` for ``left`` of shape ``(k, terms)``."""
        if self.stacked is None:
            return self.matrix.dot_t(left)
        n = self.shape[0]
        both = self.stacked.dot_t(left)
        out = both[:, :n]
        out += both[:, n:][:, self.paragraph]
        out *= self.scale
        return out

    def tdot_t(self, left: np.ndarray) -> np.ndarray:
        """``(matrix.T @ left.T).T`` for ``left`` of shape ``(k, sentences)``."""
        if self.stacked is None:
            return self.matrix.tdot_t(left)
        scaled = left * self.scale
        return self.stacked.tdot_t(np.concatenate([scaled, run_sums(scaled, self.bounds, axis=1)], axis=1))

    def mean(self) -> float:
        n, v = self.shape
        return float(self.tdot(np.ones((n, 1))).sum() / (n * v)) if n and v else 0.0


def topic_count(n_sentences: int) -> int:
    return max(1, min(MAX_TOPICS, round(0.8 * np.sqrt(n_sentences))))


def factorise(matrix: TermOperator, k: int) -> tuple[np.ndarray, np.ndarray]:
    n, v = matrix.shape
    k = max(1, min(k, n, v))
    w, h = _nndsvd(matrix, k)
    eps = 1e-9
    # W is updated as its transpose (k x sentences): the sparse products are faster that way.
    wt = np.ascontiguousarray(w.T)
    # In place where it changes no number: a short text's factors are tiny, and allocating
    # their temporaries costs more than the arithmetic.
    for _ in range(NMF_ITERATIONS):
        ratio = matrix.tdot_t(wt)
        ratio /= np.add(wt @ wt.T @ h, eps)
        h *= ratio
        ratio = matrix.dot_t(h)
        ratio /= np.add((h @ h.T) @ wt, eps)
        wt *= ratio
    return np.ascontiguousarray(wt.T), h


def _nndsvd(matrix: TermOperator, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Boutsidis & Gallopoulos' NNDSVD start, from a randomised truncated SVD."""
    u, s, vt = _truncated_svd(matrix, k)
    n, v = matrix.shape
    w = np.zeros((n, k))
    h = np.zeros((k, v))
    w[:, 0] = np.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = np.sqrt(s[0]) * np.abs(vt[0, :])
    for j in range(1, k):
        x, y = u[:, j], vt[j, :]
        xp, xn = np.maximum(x, 0), np.maximum(-x, 0)
        yp, yn = np.maximum(y, 0), np.maximum(-y, 0)
        xpn, ypn = np.linalg.norm(xp), np.linalg.norm(yp)
        xnn, ynn = np.linalg.norm(xn), np.linalg.norm(yn)
        mp, mn = xpn * ypn, xnn * ynn
        if mp >= mn and mp > 0:
            uu, vv, sigma = xp / xpn, yp / ypn, mp
        elif mn > 0:
            uu, vv, sigma = xn / xnn, yn / ynn, mn
        else:
            continue
        w[:, j] = np.sqrt(s[j] * sigma) * uu
        h[j, :] = np.sqrt(s[j] * sigma) * vv
    # Zeros never move under multiplicative updates: give them a small start.
    average = matrix.mean()
    w[w < 1e-12] = average / 100 + 1e-6
    h[h < 1e-12] = average / 100 + 1e-6
    return w, h


def _truncated_svd(matrix: TermOperator, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n, v = matrix.shape
    if min(n, v) <= 4 * k + 20:
        u, s, vt = np.linalg.svd(matrix.dense(), full_matrices=False)
        return u[:, :k], s[:k], vt[:k]
    # Halko, Martinsson & Tropp: a fixed seed keeps the result deterministic.
    rng = np.random.default_rng(0)
    sketch = matrix.dot(rng.standard_normal((v, k + 10)))
    for _ in range(2):
        sketch, _ = np.linalg.qr(sketch)
        sketch = matrix.dot(matrix.tdot(sketch))
    q, _ = np.linalg.qr(sketch)
    ub, s, vt = np.linalg.svd(matrix.tdot(q).T, full_matrices=False)
    return (q @ ub)[:, :k], s[:k], vt[:k]
