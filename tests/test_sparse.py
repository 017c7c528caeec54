"""The sparse sentence-by-term matrix gives the numbers its dense twin would."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.analysis import sparse
from briefer.analysis.sparse import SparseRows, run_sums


def _random(seed: int, n: int = 40, v: int = 25, density: float = 0.15, empty_rows: bool = True) -> np.ndarray:
    rng = np.random.default_rng(seed)
    dense = rng.random((n, v)) * (rng.random((n, v)) < density)
    if empty_rows:
        dense[::7] = 0.0  # sentences without a counted term
    dense[:, ::9] = 0.0  # terms no sentence kept
    return dense


def _sparse(dense: np.ndarray) -> SparseRows:
    rows, cols = np.nonzero(dense)
    return SparseRows(dense.shape, rows, cols, dense[rows, cols])


@pytest.mark.parametrize("seed", range(5))
def test_products_match_the_dense_matrix(seed: int) -> None:
    dense = _random(seed)
    matrix = _sparse(dense)
    rng = np.random.default_rng(100 + seed)
    right = rng.random((dense.shape[1], 4))
    left = rng.random((dense.shape[0], 4))
    assert np.allclose(matrix.toarray(), dense)
    assert np.allclose(matrix @ right, dense @ right)
    assert np.allclose(matrix @ right[:, 0], dense @ right[:, 0])
    assert np.allclose(matrix.tdot(left), dense.T @ left)
    assert np.allclose(matrix.tdot(left[:, 0]), dense.T @ left[:, 0])
    assert np.allclose(matrix.column_sums(), dense.sum(axis=0))
    assert np.allclose(matrix.row_sums_squared(), (dense**2).sum(axis=1))
    assert np.allclose(matrix.sum_rows(3, 17), dense[3:17].sum(axis=0))
    assert np.allclose(matrix.row(5), dense[5])
    assert np.allclose(matrix.dot_rows([9, 2, 30], dense[4]), (dense @ dense[4])[[9, 2, 30]])


@pytest.mark.parametrize("seed", range(5))
def test_prefix_dots_are_each_row_against_the_running_sum(seed: int) -> None:
    dense = _random(seed, density=0.3)
    expected = np.einsum("ij,ij->i", dense, np.cumsum(dense, axis=0))
    assert np.allclose(_sparse(dense).prefix_dots(), expected)


def test_cells_given_in_any_order_are_sorted_and_repeats_summed() -> None:
    matrix = SparseRows.from_cells((3, 4), np.array([2, 0, 2, 0]), np.array([1, 3, 1, 0]), np.array([1.0, 2, 3, 4]))
    assert matrix.toarray().tolist() == [[4, 0, 0, 2], [0, 0, 0, 0], [0, 4, 0, 0]]
    assert matrix.indptr.tolist() == [0, 2, 2, 3]


def test_group_sums_and_lookup() -> None:
    dense = _random(3)
    group = np.repeat(np.arange(8), 5)
    sums = _sparse(dense).group_sums(group, 8).toarray()
    assert np.allclose(sums, np.add.reduceat(dense, np.arange(0, 40, 5), axis=0))
    matrix = _sparse(dense)
    rows, cols = np.meshgrid(np.arange(40), np.arange(25), indexing="ij")
    assert np.array_equal(matrix.lookup(rows.ravel(), cols.ravel()), dense.ravel())


def test_with_data_does_not_reuse_the_old_values_by_column() -> None:
    dense = _random(4)
    matrix = _sparse(dense)
    left = np.ones((40, 2))
    matrix.tdot(left)  # fills the by-column cache
    doubled = matrix.with_data(matrix.data * 2)
    assert np.allclose(doubled.tdot(left), 2 * dense.T @ left)
    assert np.allclose(doubled.prefix_dots(), 4 * np.einsum("ij,ij->i", dense, np.cumsum(dense, axis=0)))


def test_an_empty_matrix_gives_zeros() -> None:
    matrix = SparseRows((3, 5), np.zeros(0), np.zeros(0), np.zeros(0))
    assert (matrix @ np.ones((5, 2))).tolist() == [[0, 0]] * 3
    assert matrix.tdot(np.ones((3, 2))).shape == (5, 2)
    assert matrix.prefix_dots().tolist() == [0, 0, 0]
    assert matrix.lookup(np.array([1]), np.array([1])).tolist() == [0]


@given(st.lists(st.integers(0, 5), min_size=1, max_size=12), st.integers(1, 3))
def test_run_sums_match_slices(sizes: list[int], width: int) -> None:
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    values = np.arange(bounds[-1] * width, dtype=np.float64).reshape(-1, width)
    expected = [values[a:b].sum(axis=0) for a, b in itertools.pairwise(bounds)]
    assert np.allclose(run_sums(values, bounds), np.asarray(expected).reshape(len(sizes), width))


@pytest.mark.parametrize("chunk", [1, 7, 50])
def test_products_in_chunks_match_one_pass(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    dense = _random(6, n=60, v=30, density=0.3)
    right = np.random.default_rng(1).random((30, 3))
    left = np.random.default_rng(2).random((60, 3))
    monkeypatch.setattr(sparse, "CHUNK_CELLS", chunk)
    matrix = _sparse(dense)
    assert np.allclose(matrix @ right, dense @ right)
    assert np.allclose(matrix.tdot(left), dense.T @ left)


def test_rows_sharing_no_column_get_exactly_their_own_length() -> None:
    # Rounding noise here became a full-scale score once the ranker normalised it.
    rng = np.random.default_rng(5)
    dense = np.zeros((6, 30))
    for i in range(6):
        dense[i, 5 * i : 5 * i + 3] = rng.random(3)
    matrix = _sparse(dense)
    assert np.array_equal(matrix.prefix_dots(), matrix.row_sums_squared())


def test_directed_centrality_of_unrelated_sentences_is_exactly_zero() -> None:
    from briefer.analysis.centrality import directed_centrality
    from briefer.analysis.topics import analyze
    from briefer.sources.document import build_document

    analysis = analyze(
        build_document(
            "We all know Jay’s has a great love of cars. Let’s take a look at some beautiful automobiles. "
            "Let us know your favorite!"
        )
    )
    assert directed_centrality(analysis.matrix).tolist() == [0.0, 0.0, 0.0]


@given(st.lists(st.integers(0, 5), min_size=1, max_size=12), st.integers(1, 3))
def test_runs_worked_out_once_sum_as_run_sums_does(sizes: list[int], width: int) -> None:
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    values = np.arange(width * bounds[-1], dtype=np.float64).reshape(width, -1) * 0.1
    assert np.array_equal(sparse.Runs(bounds).sums(values), run_sums(values, bounds, axis=1))


@pytest.mark.parametrize("seed", range(3))
def test_products_repeated_on_one_matrix_stay_exact(seed: int) -> None:
    # The runs are remembered after the first product: later ones, and those of a matrix
    # holding other values in the same cells, must still be the one-pass numbers.
    dense = _random(seed)
    matrix = _sparse(dense)
    rng = np.random.default_rng(seed)
    for _ in range(3):
        left = rng.random((3, dense.shape[1]))
        assert np.allclose(matrix.dot_t(left), left @ dense.T)
        right = rng.random((3, dense.shape[0]))
        assert np.allclose(matrix.tdot_t(right), right @ dense)
    doubled = matrix.with_data(matrix.data * 2)
    left = rng.random((2, dense.shape[1]))
    assert np.allclose(doubled.dot_t(left), left @ (2 * dense).T)
    right = rng.random((2, dense.shape[0]))
    assert np.allclose(doubled.tdot_t(right), right @ (2 * dense))
