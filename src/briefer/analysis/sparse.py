"""A sentence-by-term matrix kept as its non-zero cells (compressed rows), numpy only.

A sentence uses a dozen of the document's thousands of terms: held densely, a 10,000-sentence
text's matrix is 240 MB of zeros that every product walks through. Kept sparse, each product
costs the non-zero cells. scipy.sparse would do the same but costs more to import than a whole
`brief` run on a short text, and briefer needs only the few products below.
"""

from __future__ import annotations

import numpy as np


class SparseRows:
    """A ``rows x columns`` matrix by rows: ``indptr`` bounds each row's cells in ``cols``/``data``.

    Within a row the cells are in column order, and rows are in order, so a run of
    consecutive rows is one slice of the cell arrays.
    """

    __slots__ = ("_by_column", "_column_runs", "_row_runs", "cols", "data", "indptr", "rows", "shape")
    _by_column: tuple[np.ndarray, np.ndarray, np.ndarray] | None
    _row_runs: Runs | None
    _column_runs: Runs | None

    def __init__(self, shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray, data: np.ndarray) -> None:
        """Cells given in row-major order, each (row, column) at most once."""
        self.shape = (int(shape[0]), int(shape[1]))
        self.rows = np.asarray(rows, dtype=np.int64)
        self.cols = np.asarray(cols, dtype=np.int64)
        self.data = np.asarray(data, dtype=np.float64)
        self.indptr = np.zeros(self.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.rows, minlength=self.shape[0]), out=self.indptr[1:])
        self._by_column = None
        self._row_runs = self._column_runs = None

    @classmethod
    def from_cells(cls, shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> SparseRows:
        """Cells in any order, repeated cells summed."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        if rows.size == 0:
            return cls(shape, rows, cols, np.zeros(0))
        keys, inverse = np.unique(rows * max(shape[1], 1) + cols, return_inverse=True)
        sums = np.bincount(inverse.ravel(), weights=np.asarray(values, dtype=np.float64), minlength=keys.size)
        return cls(shape, keys // max(shape[1], 1), keys % max(shape[1], 1), sums)

    @property
    def nnz(self) -> int:
        return int(self.data.size)

    def with_data(self, data: np.ndarray) -> SparseRows:
        """The same cells holding other values."""
        out = SparseRows.__new__(SparseRows)
        out.shape, out.indptr, out.rows, out.cols = self.shape, self.indptr, self.rows, self.cols
        out.data = data
        out._by_column = None
        out._row_runs = self._row_runs
        out._column_runs = None
        return out

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[self.rows, self.cols] = self.data
        return out

    def row(self, i: int) -> np.ndarray:
        """Row ``i`` as a dense vector."""
        out = np.zeros(self.shape[1])
        lo, hi = self.indptr[i], self.indptr[i + 1]
        out[self.cols[lo:hi]] = self.data[lo:hi]
        return out

    def row_sums_squared(self) -> np.ndarray:
        """Each row's squared length."""
        return np.bincount(self.rows, weights=self.data * self.data, minlength=self.shape[0])

    def column_sums(self) -> np.ndarray:
        return np.bincount(self.cols, weights=self.data, minlength=self.shape[1])

    def sum_rows(self, start: int, stop: int) -> np.ndarray:
        """The sum of rows ``start`` to ``stop - 1``, dense."""
        lo, hi = self.indptr[start], self.indptr[stop]
        return np.bincount(self.cols[lo:hi], weights=self.data[lo:hi], minlength=self.shape[1])

    def dot_rows(self, indices: list[int] | np.ndarray, vector: np.ndarray) -> np.ndarray:
        """``(self @ vector)[indices]``, touching only those rows."""
        out = np.empty(len(indices))
        for k, i in enumerate(indices):
            lo, hi = self.indptr[i], self.indptr[i + 1]
            out[k] = self.data[lo:hi] @ vector[self.cols[lo:hi]]
        return out

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        """``self @ other`` for a dense vector or ``columns x k`` array."""
        if np.ndim(other) == 1:
            other = np.asarray(other, dtype=np.float64)
            return np.bincount(self.rows, weights=self.data * other[self.cols], minlength=self.shape[0])
        return self.dot_t(np.asarray(other).T).T

    def tdot(self, other: np.ndarray) -> np.ndarray:
        """``self.T @ other`` for a dense vector or ``rows x k`` array."""
        if np.ndim(other) == 1:
            other = np.asarray(other, dtype=np.float64)
            return np.bincount(self.cols, weights=self.data * other[self.rows], minlength=self.shape[1])
        return self.tdot_t(np.asarray(other).T).T

    # The products below take and give their dense factor transposed, ``k x columns`` and
    # ``k x rows``: gathering and summing along each factor's contiguous row is nearly twice
    # as fast as across ``cells x k`` (0.55 against 0.97 ms on a 2,000-sentence text).

    def dot_t(self, left: np.ndarray) -> np.ndarray:
        """``(self @ left.T).T`` for ``left`` of shape ``k x columns``: ``k x rows``."""
        if self._row_runs is None:
            self._row_runs = Runs(self.indptr)
        left = np.ascontiguousarray(left, dtype=np.float64)
        return _chunked_products(left, self.cols, self.data, self.indptr, self._row_runs)

    def tdot_t(self, left: np.ndarray) -> np.ndarray:
        """``(self.T @ left.T).T`` for ``left`` of shape ``k x rows``: ``k x columns``."""
        rows, data, colptr = self._column_order()
        if self._column_runs is None:
            self._column_runs = Runs(colptr)
        left = np.ascontiguousarray(left, dtype=np.float64)
        return _chunked_products(left, rows, data, colptr, self._column_runs)

    def group_sums(self, group: np.ndarray, groups: int) -> SparseRows:
        """A ``groups x columns`` matrix: row ``g`` sums the rows whose ``group`` is ``g``."""
        return SparseRows.from_cells((groups, self.shape[1]), np.asarray(group)[self.rows], self.cols, self.data)

    def lookup(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The values at cells (``rows[i]``, ``cols[i]``), 0 where a cell is empty."""
        width = max(self.shape[1], 1)
        keys = self.rows * width + self.cols
        wanted = np.asarray(rows, dtype=np.int64) * width + np.asarray(cols, dtype=np.int64)
        if keys.size == 0:
            return np.zeros(wanted.shape)
        at = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
        return np.where(keys[at] == wanted, self.data[at], 0.0)

    def prefix_dots(self) -> np.ndarray:
        """Each row's dot product with the sum of itself and every row before it.

        Per column, a running sum down the rows gives each cell the column's total so far;
        a row's products with those totals add up to its dot product with the running sum.
        The running sums are added one step down all columns at once, in the order a dense
        running sum would add them, so that they are exact where that one is: sentences
        that share no term with the ones before them get exactly their own length, not
        rounding noise that a later normalisation would blow up.
        """
        rows, values, colptr = self._column_order()
        running = values.copy()
        lengths = np.diff(colptr)
        by_length = np.argsort(-lengths, kind="stable")
        starts = colptr[:-1][by_length]
        sorted_lengths = lengths[by_length]
        longest = int(sorted_lengths[0]) if sorted_lengths.size else 0
        for step in range(1, longest):
            # The columns with more than ``step`` cells are a prefix of the sorted ones.
            active = int(np.searchsorted(-sorted_lengths, -step, side="left"))
            at = starts[:active] + step
            running[at] += running[at - 1]
        return np.bincount(rows, weights=values * running, minlength=self.shape[0])

    def _column_order(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The cells' rows and values ordered by column (rows in order within one), and each
        column's bounds in that order: the same matrix by columns, for products with its transpose."""
        if self._by_column is None:
            order = np.argsort(self.cols, kind="stable")
            colptr = np.zeros(self.shape[1] + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.cols, minlength=self.shape[1]), out=colptr[1:])
            self._by_column = (self.rows[order], self.data[order], colptr)
        return self._by_column


# Cells a product weighs at once. The temporary ``cells x k`` array stays small whatever the
# text's length (2.6 MB at k = 10), which keeps it in cache: on a 100,000-sentence text a product
# took half the time it took in one pass (40 against 80 ms).
CHUNK_CELLS = 1 << 15


class Runs:
    """Where the runs of a matrix's cells start, worked out once for the many products of a
    factorisation: on a four-sentence text the products are most of a briefing's time, and
    finding the empty runs again at each was a fifth of theirs."""

    __slots__ = ("filled", "full", "starts")

    def __init__(self, bounds: np.ndarray) -> None:
        self.filled = bounds[:-1] < bounds[1:]
        self.full = bool(self.filled.all()) and bounds.size > 1
        self.starts = bounds[:-1][self.filled]

    def sums(self, values: np.ndarray) -> np.ndarray:
        """``run_sums(values, bounds, axis=1)`` for the bounds these runs were made from."""
        if self.full:
            return np.add.reduceat(values, self.starts, axis=1)
        out = np.zeros((values.shape[0], self.filled.size))
        if values.shape[1]:
            out[:, self.filled] = np.add.reduceat(values, self.starts, axis=1)
        return out


def _chunked_products(
    left: np.ndarray, index: np.ndarray, data: np.ndarray, bounds: np.ndarray, runs: Runs | None = None
) -> np.ndarray:
    """For each run ``r`` of cells, the sum of ``data[c] * left[:, index[c]]`` over its cells."""
    if index.size <= CHUNK_CELLS:
        # np.take, not left[:, index]: the same array at half the time (0.46 against 0.96 ms
        # for 30,000 cells at k = 10), and the products are most of a factorisation's time.
        weighted = np.take(left, index, axis=1)
        weighted *= data
        return runs.sums(weighted) if runs is not None else run_sums(weighted, bounds, axis=1)
    out = np.empty((left.shape[0], len(bounds) - 1))
    first = 0
    while first < len(bounds) - 1:
        # Whole runs only, at least one a chunk.
        last = max(first + 1, int(np.searchsorted(bounds, bounds[first] + CHUNK_CELLS, side="right")) - 1)
        lo, hi = bounds[first], bounds[last]
        weighted = np.take(left, index[lo:hi], axis=1)
        weighted *= data[lo:hi]
        out[:, first:last] = run_sums(weighted, bounds[first : last + 1] - lo, axis=1)
        first = last
    return out


def run_sums(values: np.ndarray, bounds: np.ndarray, axis: int = 0) -> np.ndarray:
    """Sums of ``values[bounds[i]:bounds[i + 1]]`` along ``axis`` for each ``i``, zero for an empty run."""
    starts = bounds[:-1]
    filled = starts < bounds[1:]
    if filled.all() and starts.size:
        return np.add.reduceat(values, starts, axis=axis)
    shape = list(values.shape)
    shape[axis] = len(bounds) - 1
    out = np.zeros(shape)
    if values.shape[axis]:
        where: list[slice | np.ndarray] = [slice(None)] * values.ndim
        where[axis] = filled
        out[tuple(where)] = np.add.reduceat(values, starts[filled], axis=axis)
    return out
