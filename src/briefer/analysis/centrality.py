"""How central each sentence is: to the whole text, and to what follows it."""

from __future__ import annotations

import numpy as np

from .sparse import SparseRows

# The opening sentences compared with the rest to tell news, which puts its point first.
LEAD_SENTENCES = 3
# How much a sentence resembling what follows it counts against resembling what precedes it.
BACKWARD_WEIGHT = 0.5


def lead_is_central(centrality: np.ndarray) -> bool:
    """True when the opening sentences are closer to the whole text than the rest: news."""
    n = len(centrality)
    if n <= LEAD_SENTENCES + 1:
        return False
    return float(centrality[:LEAD_SENTENCES].mean()) >= float(centrality[LEAD_SENTENCES:].mean())


def centrality(matrix: SparseRows) -> np.ndarray:
    centroid = matrix.column_sums()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(matrix.shape[0])
    return matrix @ (centroid / norm)


def directed_centrality(matrix: SparseRows) -> np.ndarray:
    """Similarity to the sentences after, less some to those before, in linear time.

    The sum of a sentence's cosines with all later sentences is its dot product with the
    sum of their vectors, so running sums replace PacSum's n x n similarity matrix.
    """
    n = matrix.shape[0]
    if n == 0:
        return np.zeros(0)
    with_earlier = matrix.prefix_dots()  # each sentence's dot product with itself and all before it
    own = matrix.row_sums_squared()
    forward = matrix @ matrix.column_sums() - with_earlier
    backward = with_earlier - own
    directed = forward - BACKWARD_WEIGHT * backward
    return directed - directed.min()
