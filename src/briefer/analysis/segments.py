"""Sections from shifts of topic, for a text whose layout names none."""

from __future__ import annotations

import dataclasses
import heapq
import statistics
from typing import TYPE_CHECKING

import numpy as np

from ..model import Document, Paragraph, Section, Sentence
from .cohesion import Chain, join_alike, settle
from .labels import LABEL_TERMS, distinct_words, is_junk_term

if TYPE_CHECKING:
    from .topics import Analysis

MIN_SECTION_PARAGRAPHS = 3
# Fewer content words than this and a section of a transcript is joined to a neighbour.
MIN_SECTION_TERMS = 40
# Tuned on joined Multi-News articles (benchmarks/sections.py, seed 7), confirmed on seed 11.
MIN_BLOCK, MAX_BLOCK = 3, 12
SHIFT = 0.6
DEPTH = 0.5
# A part under a heading with this many sentences may hold several topics (a long chapter,
# a list of results pasted under one title): it is cut where the topic shifts.
LONG_PART = 80


def with_topic_sections(analysis: Analysis) -> Document:
    """The document with topic sections: the whole of a text without headings, and inside each
    long part under a heading, cut where the topic shifts."""
    document = analysis.document
    paragraphs = document.paragraphs
    headed = not (len(document.sections) == 1 and document.sections[0].origin == "whole")
    if not headed:
        cuts = {0: topic_boundaries(analysis)}
    else:
        cuts = {index: topic_boundaries(analysis, *span) for index, span in _long_parts(document).items()}
    if not any(cuts.values()):
        return document
    everywhere = analysis.matrix.column_sums() + 1e-12
    paragraph_of = np.asarray([s.paragraph for s in document.sentences])
    first_paragraph = _first_paragraphs(document)
    sections: list[Section] = []
    section_of_paragraph = np.zeros(len(paragraphs), dtype=int)
    old = document.sections if headed else (Section(0, "", 0, len(document.text), "topic"),)
    for index, part in enumerate(old):
        starts = [first_paragraph[index], *cuts.get(index, [])]
        for n, first in enumerate(starts):
            start = part.start if n == 0 else paragraphs[first].start
            end = paragraphs[starts[n + 1]].start if n + 1 < len(starts) else part.end
            if n == 0 and headed:
                sections.append(Section(len(sections), part.title, start, end, part.origin, part.level))
            else:
                stop = starts[n + 1] if n + 1 < len(starts) else _next_first(first_paragraph, index, len(paragraphs))
                lo, hi = np.searchsorted(paragraph_of, [first, stop])
                title = _section_title(analysis, int(lo), int(hi), everywhere)
                level = part.level + 1 if headed else 1
                sections.append(Section(len(sections), title, start, end, "topic", level))
            stop = starts[n + 1] if n + 1 < len(starts) else _next_first(first_paragraph, index, len(paragraphs))
            section_of_paragraph[first:stop] = len(sections) - 1
    return dataclasses.replace(
        document,
        sections=tuple(sections),
        # Built directly: dataclasses.replace costs several times more, once a sentence.
        paragraphs=tuple(
            Paragraph(p.index, p.start, p.end, int(section_of_paragraph[p.index]), p.kind) for p in paragraphs
        ),
        sentences=tuple(
            Sentence(s.index, s.start, s.end, s.text, s.paragraph, int(section_of_paragraph[s.paragraph]))
            for s in document.sentences
        ),
    )


def _first_paragraphs(document: Document) -> list[int]:
    """The index of each section's first paragraph (sections hold at least one)."""
    first = [len(document.paragraphs)] * len(document.sections)
    for paragraph in reversed(document.paragraphs):
        first[paragraph.section] = paragraph.index
    return first


def _next_first(first_paragraph: list[int], index: int, n_paragraphs: int) -> int:
    return first_paragraph[index + 1] if index + 1 < len(first_paragraph) else n_paragraphs


def _long_parts(document: Document) -> dict[int, tuple[int, int]]:
    """Parts under a heading long enough to hold several topics: their paragraph ranges."""
    first = _first_paragraphs(document)
    sentences = np.bincount([s.section for s in document.sentences], minlength=len(document.sections))
    return {
        index: (first[index], _next_first(first, index, len(document.paragraphs)))
        for index in range(len(document.sections))
        if sentences[index] >= LONG_PART
    }


def topic_boundaries(analysis: Analysis, first: int = 0, stop: int | None = None) -> list[int]:
    """Indices of paragraphs that start a new topic section (among paragraphs ``first`` to
    ``stop - 1``, all by default).

    TextTiling's idea (Hearst 1997) with two changes measured on joined news articles
    (benchmarks/sections.py): the blocks compared either side of a paragraph break hold a
    number of sentences, not of paragraphs — one-line paragraphs otherwise make every block
    a sentence or two — and a break is a boundary only when the vocabulary either side is
    far less alike than is usual for this text (below ``SHIFT`` of the median similarity)
    and the dip is deep. Those dips are only candidates: blocks of a dozen sentences hold too
    few words to tell an aside from a new article, so neighbouring sections alike as wholes are
    joined again and each remaining cut settles where its two sections differ most
    (:mod:`briefer.analysis.cohesion`).
    """
    document = analysis.document
    stop = len(document.paragraphs) if stop is None else stop
    n_paragraphs = stop - first
    if n_paragraphs < 2 * MIN_SECTION_PARAGRAPHS:
        return []
    paragraph = np.asarray([s.paragraph for s in document.sentences])
    lo, hi = np.searchsorted(paragraph, [first, stop])
    similarity = _gap_similarity(analysis, paragraph[lo:hi] - first, int(lo), n_paragraphs)
    # statistics.median, the same value as np.median's: numpy's imports numpy.ma on first use,
    # a cost paid before the reader's first briefing.
    median = float(statistics.median(similarity.tolist()))
    if median <= 0:
        return []
    depth = _depth(similarity)
    # A paragraph without sentences (a rule, stray symbols) closes the section before it.
    has_sentences = np.zeros(n_paragraphs, dtype=bool)
    has_sentences[paragraph[lo:hi] - first] = True
    chosen: list[int] = []
    # Paragraphs too near a chosen cut to start another: a test in constant time, where
    # comparing with every chosen cut grew with their number.
    near = np.zeros(n_paragraphs + 1, dtype=bool)
    near[:MIN_SECTION_PARAGRAPHS] = near[n_paragraphs - MIN_SECTION_PARAGRAPHS + 1 :] = True
    for g in np.argsort(similarity, kind="stable"):
        if similarity[g] > SHIFT * median:
            break
        if depth[g] < DEPTH * median:
            continue
        start = int(g) + 1
        while start < n_paragraphs - 1 and not has_sentences[start]:
            start += 1
        if not near[start]:
            chosen.append(start)
            near[max(0, start - MIN_SECTION_PARAGRAPHS + 1) : start + MIN_SECTION_PARAGRAPHS] = True
    if not chosen:
        return []
    counts = int(lo) + np.concatenate([[0], np.cumsum(np.bincount(paragraph[lo:hi] - first, minlength=n_paragraphs))])
    cuts = join_alike(analysis.matrix, counts, sorted(chosen))
    cuts = settle(analysis.matrix, counts, cuts, has_sentences, MIN_SECTION_PARAGRAPHS)
    if analysis.turns is not None:
        cuts = _join_thin(analysis, counts, cuts, similarity)
    return [first + c for c in cuts]


def _join_thin(analysis: Analysis, rows: np.ndarray, cuts: list[int], similarity: np.ndarray) -> list[int]:
    """The cuts left once each section with fewer than :data:`MIN_SECTION_TERMS` content words
    is joined to a neighbour, thinnest first, across the weaker of its two bounds (the one where
    the text either side is more alike).

    A transcript's paragraphs are turns, not a writer's units of topic: three of them ("Yeah."
    "Uh-huh, okay." "Mm-hmm.") make a section by the paragraph count and say nothing, with no
    words to name it by (40 meetings had 1,566 topic sections, 1,158 of them under 30 content
    words). In prose three paragraphs are a section's least, and a short article among long
    ones is a section of its own. A heap finds the thinnest section: ``n log n`` in the cuts.
    """
    if not cuts:
        return cuts
    terms = np.concatenate([[0], np.cumsum([len(t) for t in analysis.term_lists])])
    chain = Chain([0, *cuts, len(rows) - 1])
    bounds = chain.bounds
    size = [int(terms[rows[bounds[s + 1]]] - terms[rows[bounds[s]]]) for s in range(chain.count)]
    heap = [(size[s], s) for s in range(chain.count)]
    heapq.heapify(heap)
    while heap:
        found, s = heapq.heappop(heap)
        if not chain.alive[s] or found != size[s]:
            continue
        first = chain.preceding[s] < 0
        if found >= MIN_SECTION_TERMS or (first and not chain.has_next(s)):
            break
        # The bound before section s is its own start; the bound after is the next one's start.
        before = -np.inf if first else similarity[bounds[s] - 1]
        after = similarity[bounds[chain.following[s]] - 1] if chain.has_next(s) else -np.inf
        left = chain.preceding[s] if before >= after else s
        size[left] += size[chain.join_next(left)]
        heapq.heappush(heap, (size[left], left))
    return chain.cuts()


def _block_sentences(n_sentences: int) -> int:
    return int(min(MAX_BLOCK, max(MIN_BLOCK, n_sentences // 6)))


def _gap_similarity(analysis: Analysis, paragraph: np.ndarray, row: int, n_paragraphs: int) -> np.ndarray:
    """Cosine between the sentences before and after each paragraph break.

    ``paragraph`` holds the paragraph (counted from the range's first) of each sentence of the
    range, whose first sentence is row ``row`` of the matrix. Sentences come in order, so each
    block is one run of the sparse matrix's rows and its sum costs only its own cells: linear
    in the text.
    """
    block = _block_sentences(len(paragraph))
    matrix = analysis.matrix
    counts = row + np.concatenate([[0], np.cumsum(np.bincount(paragraph, minlength=n_paragraphs))])
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
    # Junk is skipped only among the best: checking every word of a long text costs.
    best = [j for j in order[:30] if inside[j] > 0 and not is_junk_term(analysis.display[j])]
    words = distinct_words([analysis.display[j] for j in best[:9]])
    return ", ".join(words[:LABEL_TERMS])
