"""Sections from shifts of topic, for a text whose layout names none."""

from __future__ import annotations

import dataclasses
import statistics
from typing import TYPE_CHECKING

import numpy as np

from ..model import Document, Paragraph, Section, Sentence
from .labels import LABEL_TERMS, distinct_words

if TYPE_CHECKING:
    from .topics import Analysis

MIN_SECTION_PARAGRAPHS = 3
# Tuned on joined Multi-News articles (benchmarks/sections.py, seed 7), confirmed on seed 11.
MIN_BLOCK, MAX_BLOCK = 3, 12
SHIFT = 0.3
DEPTH = 0.5


def with_topic_sections(analysis: Analysis) -> Document:
    document = analysis.document
    starts = topic_boundaries(analysis)
    if not starts:
        return document
    paragraphs = document.paragraphs
    bounds = [0, *starts, len(paragraphs)]
    sections: list[Section] = []
    # One pass over the sentences and one column sum, not one a section: a text of many
    # short paragraphs may have thousands of sections.
    paragraph_of = np.asarray([s.paragraph for s in document.sentences])
    section_of_sentence = np.searchsorted(np.asarray(bounds[1:]), paragraph_of, side="right")
    everywhere = analysis.matrix.column_sums() + 1e-12
    for index in range(len(bounds) - 1):
        start = 0 if index == 0 else paragraphs[bounds[index]].start
        end = len(document.text) if index == len(bounds) - 2 else paragraphs[bounds[index + 1]].start
        first, last = np.searchsorted(section_of_sentence, [index, index + 1])
        title = _section_title(analysis, int(first), int(last), everywhere)
        sections.append(Section(index, title, start, end, "topic"))
    section_of_paragraph = {}
    for index in range(len(bounds) - 1):
        for p in range(bounds[index], bounds[index + 1]):
            section_of_paragraph[p] = index
    return dataclasses.replace(
        document,
        sections=tuple(sections),
        # Built directly: dataclasses.replace costs several times more, once a sentence.
        paragraphs=tuple(Paragraph(p.index, p.start, p.end, section_of_paragraph[p.index], p.kind) for p in paragraphs),
        sentences=tuple(
            Sentence(s.index, s.start, s.end, s.text, s.paragraph, section_of_paragraph[s.paragraph])
            for s in document.sentences
        ),
    )


def topic_boundaries(analysis: Analysis) -> list[int]:
    """Indices of paragraphs that start a new topic section.

    TextTiling's idea (Hearst 1997) with two changes measured on joined news articles
    (benchmarks/sections.py): the blocks compared either side of a paragraph break hold a
    number of sentences, not of paragraphs — one-line paragraphs otherwise make every block
    a sentence or two — and a break is a boundary only when the vocabulary either side is
    far less alike than is usual for this text (below ``SHIFT`` of the median similarity)
    and the dip is deep, so a coherent article is not cut at every aside.
    """
    document = analysis.document
    n_paragraphs = len(document.paragraphs)
    if n_paragraphs < 2 * MIN_SECTION_PARAGRAPHS:
        return []
    similarity = _gap_similarity(analysis, _block_sentences(len(document.sentences)))
    # statistics.median, the same value as np.median's: numpy's imports numpy.ma on first use,
    # a cost paid before the reader's first briefing.
    median = float(statistics.median(similarity.tolist()))
    if median <= 0:
        return []
    depth = _depth(similarity)
    # A paragraph without sentences (a rule, stray symbols) closes the section before it.
    has_sentences = np.zeros(n_paragraphs, dtype=bool)
    has_sentences[[s.paragraph for s in document.sentences]] = True
    chosen: list[int] = []
    for g in np.argsort(similarity, kind="stable"):
        if similarity[g] > SHIFT * median:
            break
        if depth[g] < DEPTH * median:
            continue
        start = int(g) + 1
        while start < n_paragraphs - 1 and not has_sentences[start]:
            start += 1
        if all(abs(start - c) >= MIN_SECTION_PARAGRAPHS for c in chosen) and (
            MIN_SECTION_PARAGRAPHS <= start <= n_paragraphs - MIN_SECTION_PARAGRAPHS
        ):
            chosen.append(start)
    return sorted(chosen)


def _block_sentences(n_sentences: int) -> int:
    return int(min(MAX_BLOCK, max(MIN_BLOCK, n_sentences // 6)))


def _gap_similarity(analysis: Analysis, block: int) -> np.ndarray:
    """Cosine between the ``block`` sentences before and after each paragraph break.

    Sentences come in order, so each block is one run of the sparse matrix's rows and its
    sum costs only its own cells: linear in the text.
    """
    document = analysis.document
    matrix = analysis.matrix
    n_paragraphs = len(document.paragraphs)
    paragraph = np.asarray([s.paragraph for s in document.sentences])
    counts = np.concatenate([[0], np.cumsum(np.bincount(paragraph, minlength=n_paragraphs))])
    gaps = np.zeros(n_paragraphs - 1)
    for g in range(1, n_paragraphs):
        low = g - 1
        while low > 0 and counts[g] - counts[low] < block:
            low -= 1
        high = g + 1
        while high < n_paragraphs and counts[high] - counts[g] < block:
            high += 1
        left = matrix.sum_rows(counts[low], counts[g])
        right = matrix.sum_rows(counts[g], counts[high])
        denominator = np.sqrt((left @ left) * (right @ right))
        gaps[g - 1] = float(left @ right / denominator) if denominator > 0 else 0.0
    return gaps


def _depth(similarity: np.ndarray) -> np.ndarray:
    """How far each gap dips below the nearest peaks on either side, as TextTiling measures it.

    A climb from gap g that takes one step continues exactly as the climb from its neighbour,
    so each peak follows from the one before it: linear, where climbing afresh from every gap
    was quadratic on flat text (thousands of alike paragraphs).
    """
    size = len(similarity)
    left_peak = similarity.copy()
    for g in range(1, size):
        if similarity[g - 1] >= similarity[g]:
            left_peak[g] = left_peak[g - 1]
    right_peak = similarity.copy()
    for g in range(size - 2, -1, -1):
        if similarity[g + 1] >= similarity[g]:
            right_peak[g] = right_peak[g + 1]
    return (left_peak - similarity) + (right_peak - similarity)


def _section_title(analysis: Analysis, first: int, last: int, everywhere: np.ndarray | None = None) -> str:
    """Words of sentences ``first`` to ``last - 1`` that the rest of the text uses little."""
    if last <= first:
        return ""
    inside = analysis.matrix.sum_rows(first, last)
    if everywhere is None:
        everywhere = analysis.matrix.column_sums() + 1e-12
    score = inside * (inside / everywhere)
    order = np.argsort(-score, kind="stable")
    words = distinct_words([analysis.display[j] for j in order[:9] if inside[j] > 0])
    return ", ".join(words[:LABEL_TERMS])
