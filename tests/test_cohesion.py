"""Whole sections compared: joining alike neighbours, settling cuts, and what that does to topic sections."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.analysis import cohesion
from briefer.analysis.cohesion import alike, join_alike, part, settle
from briefer.analysis.sparse import SparseRows
from briefer.analysis.topics import analyze
from briefer.sources.document import build_document


def _matrix(rows: list[list[int]], width: int = 40) -> SparseRows:
    """One sentence per row, each naming its terms (weight 1 each, rows L2-normalised)."""
    cells = [(r, c) for r, terms in enumerate(rows) for c in sorted(set(terms))]
    r = np.asarray([c[0] for c in cells], dtype=np.int64)
    c = np.asarray([c[1] for c in cells], dtype=np.int64)
    norms = np.sqrt(np.bincount(r, minlength=len(rows)))
    return SparseRows((len(rows), width), r, c, 1.0 / norms[r])


def _one_sentence_paragraphs(count: int) -> np.ndarray:
    return np.arange(count + 1)


def test_halves_of_one_article_are_joined_and_unrelated_articles_stay_apart():
    farm, space = [1, 2, 3, 4], [11, 12, 13, 14]
    rows = [farm[:3], farm[1:], farm[::2], farm, farm[:2], space, space[1:], space[:3], space, space[::2]]
    # Candidates inside the farm article and between the two articles.
    assert join_alike(_matrix(rows), _one_sentence_paragraphs(len(rows)), [2, 5]) == [5]


def _naive_join(matrix: SparseRows, rows: np.ndarray, cuts: list[int]) -> list[int]:
    # The rule as stated, each section summed afresh from its rows: join the most alike pair
    # of neighbours while any pair is alike.
    bounds = [0, *cuts, len(rows) - 1]
    while len(bounds) > 2:
        likeness = [
            alike(part(matrix, rows[a], rows[b]), part(matrix, rows[b], rows[c]))
            for a, b, c in zip(bounds, bounds[1:], bounds[2:], strict=False)
        ]
        best = max(range(len(likeness)), key=lambda i: (likeness[i], -i))
        if likeness[best] < 0:
            break
        del bounds[best + 1]
    return bounds[1:-1]


def test_likeness_within_and_across_parts_is_the_mean_cosine_of_their_sentences():
    rows = [[1, 2, 3], [2, 5], [7, 8], [1, 8, 9], [3]]
    matrix = _matrix(rows)
    dense = matrix.toarray()
    cosines = dense @ dense.T
    left, right = part(matrix, 0, 3), part(matrix, 3, 5)
    assert left.sentences == 3 and right.sentences == 2
    assert abs(left.within() - np.mean([cosines[i, j] for i in range(3) for j in range(3) if i != j])) < 1e-12
    assert abs(left.across(right) - cosines[:3, 3:].mean()) < 1e-12
    joined = left.joined(right)
    whole = part(matrix, 0, 5)
    assert joined.sentences == 5 and np.array_equal(joined.terms, whole.terms)
    assert np.allclose(joined.weights, whole.weights)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=4), min_size=2, max_size=30),
    st.data(),
)
def test_joining_with_a_heap_equals_joining_the_most_alike_pair_again_and_again(rows, data):
    count = len(rows)
    cuts = sorted(data.draw(st.sets(st.integers(1, count - 1), max_size=count - 1)))
    matrix = _matrix(rows, width=12)
    paragraphs = _one_sentence_paragraphs(count)
    assert join_alike(matrix, paragraphs, list(cuts)) == _naive_join(matrix, paragraphs, list(cuts))


def test_a_cut_a_paragraph_early_settles_where_the_articles_meet():
    farm, space = [1, 2, 3, 4], [11, 12, 13, 14]
    rows = [farm, farm[1:], farm[:3], farm[::2], farm[:2], space, space[1:], space[:3], space]
    matrix, paragraphs = _matrix(rows), _one_sentence_paragraphs(len(rows))
    movable = np.ones(len(rows), dtype=bool)
    assert settle(matrix, paragraphs, [4], movable, 2) == [5]
    assert settle(matrix, paragraphs, [6], movable, 2) == [5]
    # Never onto a paragraph without sentences, nor leaving a section too short.
    movable[5] = False
    assert settle(matrix, paragraphs, [4], movable, 2) != [5]
    assert settle(matrix, paragraphs, [5], np.ones(len(rows), dtype=bool), 5) == [5]


def test_settling_moves_a_cut_at_most_settle_paragraphs():
    farm, space = [1, 2, 3, 4], [11, 12, 13, 14]
    rows = [farm] * 10 + [space] * 10
    matrix, paragraphs = _matrix(rows), _one_sentence_paragraphs(len(rows))
    movable = np.ones(len(rows), dtype=bool)
    assert settle(matrix, paragraphs, [4], movable, 1) == [4 + cohesion.SETTLE]


CLOSING = (
    "City officials said on Monday that the {a} and the {b} would close. "
    "Residents told officials the {c} mattered more than the {d}."
)
OPENING = (
    "City officials said on Friday that the {a} near the {b} would reopen. "
    "Visitors told officials the {c} was worth more than the {d}."
)
SCHOOL = ["school", "library", "classroom", "teachers", "pupils", "playground", "canteen"]
MUSEUM = ["museum", "gallery", "paintings", "sculptures", "curator", "exhibition", "archive"]


def _paragraphs(template: str, words: list[str], count: int) -> list[str]:
    def word(n: int, k: int) -> str:
        return words[(n + k) % len(words)]

    return [template.format(a=word(n, 0), b=word(n, 1), c=word(n, 2), d=word(n, 3)) for n in range(count)]


def _section_starts(text: str) -> list[int]:
    document = analyze(build_document(text)).document
    paragraphs = document.paragraphs
    return [p.index for p in paragraphs if p.index and paragraphs[p.index - 1].section != p.section]


def test_articles_written_in_one_house_style_are_still_told_apart():
    # Every sentence of both notices shares the same frame ("City officials said ... told
    # officials ..."): an absolute bar on how alike two sections may be would join them.
    text = "\n\n".join(_paragraphs(CLOSING, SCHOOL, 8) + _paragraphs(OPENING, MUSEUM, 8))
    assert _section_starts(text) == [8]


def test_a_story_told_in_one_house_style_stays_one_section():
    assert _section_starts("\n\n".join(_paragraphs(CLOSING, SCHOOL, 16))) == []
