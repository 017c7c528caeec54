"""A document's topics: term weights, topics by non-negative factorisation, topic sections.

The factorisation is NMF of the sentence-by-term tf-idf matrix (Lee & Seung's updates,
NNDSVD start, so the result is deterministic). In a text written in paragraphs each sentence
is factorised together with its paragraph's mean, because a paragraph is a writer's own unit
of topic and a lone sentence has too few words to place. Each sentence belongs to the topic
that weighs most in it; each topic is named by the words that most of its sentences share
and few others use. Work is bounded: the vocabulary is capped, the sentence-by-term matrix is
kept as its non-zero cells (:mod:`briefer.sparse`) and the others are ``n x k`` and
``k x terms``, so time and memory grow linearly with the number of sentences.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .language import Analyzer, get_language
from .model import Document, Paragraph, Section, Sentence, Topic
from .sparse import SparseRows, run_sums

MAX_TERMS = 3000
MAX_TOPICS = 10
NMF_ITERATIONS = 60
LABEL_TERMS = 3


@dataclass
class Analysis:
    document: Document
    terms: list[str]
    display: list[str]
    # Rows are sentences, L2-normalised tf-idf over the capped vocabulary.
    matrix: SparseRows
    # Sentence-by-topic memberships (NMF's W) and topic-by-term loadings (NMF's H).
    memberships: np.ndarray
    loadings: np.ndarray
    topics: tuple[Topic, ...]
    sentence_topic: np.ndarray
    key_terms: tuple[str, ...]
    term_lists: list[list[str]]


@lru_cache(maxsize=8)
def analyzer_for(code: str) -> Analyzer:
    return Analyzer(get_language(code))


def analyze(document: Document) -> Analysis:
    """Find the topics of a document and, when it has no headings, its topic sections."""
    analyzer = analyzer_for(document.language)
    word_lists = [analyzer.words(s.text) for s in document.sentences]
    term_lists = [analyzer.terms_of_words(words) for words in word_lists]
    document_frequency = _document_frequency(term_lists)
    terms, matrix = _tfidf(term_lists, document_frequency)
    display = _display_forms(word_lists, analyzer, terms)
    memberships, loadings = _factorise(_with_paragraphs(document, matrix), _topic_count(len(document.sentences)))
    topics, sentence_topic, memberships, loadings = _topics(
        memberships, loadings, display, term_lists, terms, document_frequency
    )
    key_terms = _key_terms(matrix, display)
    analysis = Analysis(
        document, terms, display, matrix, memberships, loadings, topics, sentence_topic, key_terms, term_lists
    )
    if len(document.sections) == 1 and document.sections[0].origin == "whole":
        analysis.document = _with_topic_sections(analysis)
    return analysis


def _document_frequency(term_lists: list[list[str]]) -> Counter[str]:
    """How many sentences use each term, terms in first-seen order (ties then break the same
    way under any hash seed)."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(list(dict.fromkeys(terms)))
    return df


def _tfidf(term_lists: list[list[str]], df: Counter[str]) -> tuple[list[str], SparseRows]:
    n = len(term_lists)
    vocabulary = [t for t, _ in df.most_common(MAX_TERMS)]
    index = {t: j for j, t in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    for i, terms in enumerate(term_lists):
        found = [j for j in map(index.get, terms) if j is not None]
        cols.extend(found)
        rows.extend([i] * len(found))
    counts = SparseRows.from_cells((n, max(len(vocabulary), 1)), np.asarray(rows), np.asarray(cols), np.ones(len(rows)))
    if not counts.nnz:
        return vocabulary, counts
    dfs = np.asarray([df[t] for t in vocabulary], dtype=np.float64)
    values = np.log1p(counts.data) * (np.log((n + 1) / (dfs + 1)) + 1.0)[counts.cols]
    norms = np.sqrt(np.bincount(counts.rows, weights=values * values, minlength=n))
    return vocabulary, counts.with_data(values / norms[counts.rows])


def _display_forms(word_lists: list[list[str]], analyzer: Analyzer, terms: list[str]) -> list[str]:
    """The word a reader knows for each stem: its commonest form, capitalised if a name."""
    wanted = set(terms)
    # Counted once a word, not once an occurrence: Counter.update counts in C.
    everywhere: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for words in word_lists:
        everywhere.update(words)
        opening.update(words[:1])
    term_of = analyzer.term_of_word
    forms: dict[str, dict[str, float]] = {}
    for word, count in everywhere.items():
        term = term_of(word)
        if term not in wanted:
            continue
        form = word.replace("’", "'") if "’" in word else word
        if form[-2:].lower() == "'s":
            form = form[:-2]
        # A capital at the start of a sentence says nothing about a name: such forms
        # count only a little, to break ties when a word never appears elsewhere.
        first = opening.get(word, 0)
        counter = forms.setdefault(term, {})
        counter[form] = counter.get(form, 0) + ((count - first) + 0.01 * first)
    out = []
    for term in terms:
        counter = forms.get(term)
        if not counter:
            out.append(term)
            continue
        if len(counter) == 1:
            out.extend(counter)  # one form, capitalised or not: nothing to weigh
            continue
        lower: dict[str, float] = {}
        for form, count in counter.items():
            key = form.lower()
            lower[key] = lower.get(key, 0) + count
        best_lower = max(lower, key=lower.__getitem__)  # the first of equals, as Counter.most_common
        capitalised = sum(c for f, c in counter.items() if f.lower() == best_lower and f != best_lower)
        if capitalised * 2 > lower[best_lower]:
            best = max((f for f in counter if f.lower() == best_lower and f != best_lower), key=counter.__getitem__)
        else:
            best = best_lower
        out.append(best)
    return out


PARAGRAPH_BLEND = 1.0


def _with_paragraphs(document: Document, matrix: SparseRows) -> TermOperator:
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


def _topic_count(n_sentences: int) -> int:
    return max(1, min(MAX_TOPICS, round(0.8 * np.sqrt(n_sentences))))


def _factorise(matrix: TermOperator, k: int) -> tuple[np.ndarray, np.ndarray]:
    n, v = matrix.shape
    k = max(1, min(k, n, v))
    w, h = _nndsvd(matrix, k)
    eps = 1e-9
    # W is updated as its transpose (k x sentences): the sparse products are faster that way.
    wt = np.ascontiguousarray(w.T)
    for _ in range(NMF_ITERATIONS):
        h *= matrix.tdot_t(wt) / (wt @ wt.T @ h + eps)
        wt *= matrix.dot_t(h) / ((h @ h.T) @ wt + eps)
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


def _topics(
    memberships: np.ndarray,
    loadings: np.ndarray,
    display: list[str],
    term_lists: list[list[str]],
    terms: list[str],
    document_frequency: Counter[str],
) -> tuple[tuple[Topic, ...], np.ndarray, np.ndarray, np.ndarray]:
    n = memberships.shape[0]
    strength = memberships * np.linalg.norm(loadings, axis=1)
    assigned = np.argmax(strength, axis=1)
    empty_rows = strength.max(axis=1) <= 1e-9
    # A sentence without content words joins the topic of the sentence before it.
    for i in range(n):
        if empty_rows[i]:
            assigned[i] = assigned[i - 1] if i > 0 else assigned[min(n - 1, i + 1)]
    used = [t for t in range(memberships.shape[1]) if np.any(assigned == t)]
    weight = strength.sum(axis=0)
    used.sort(key=lambda t: -weight[t])
    remap = {old: new for new, old in enumerate(used)}
    total = float(sum(weight[t] for t in used)) or 1.0
    index = {t: j for j, t in enumerate(terms)}
    topics = []
    for old in used:
        members = np.flatnonzero(assigned == old)
        words = _label_words(members, loadings[old], display, term_lists, index, document_frequency)
        topics.append(Topic(remap[old], ", ".join(words[:LABEL_TERMS]), tuple(words[:6]), float(weight[old] / total)))
    sentence_topic = np.asarray([remap[t] for t in assigned], dtype=np.int64)
    return tuple(topics), sentence_topic, memberships[:, used], loadings[used]


def _label_words(
    members: np.ndarray,
    loading: np.ndarray,
    display: list[str],
    term_lists: list[list[str]],
    index: dict[str, int],
    document_frequency: Counter[str],
) -> list[str]:
    """Words that many of the topic's sentences use and few others do.

    ``inside**2 / everywhere`` is the count inside times the share inside: "security" in three
    of a topic's five sentences and nowhere else beats a word of one sentence and a word of
    every sentence alike. Participles and gerunds ("stressed", "expanding") say what was done,
    not what about, so they count half; NMF's loading breaks ties.
    """
    inside: Counter[str] = Counter()
    for i in members:
        inside.update(list(dict.fromkeys(term_lists[i])))
    top = float(loading.max()) or 1.0
    scored = []
    for term, count in inside.items():
        j = index.get(term)
        if j is None:
            continue
        word = display[j]
        factor = 0.5 if word.lower().endswith(("ed", "ing")) else 1.0
        scored.append((count * count / document_frequency[term] * factor, loading[j] / top, word))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return _distinct_words([word for _, _, word in scored])


def _distinct_words(words: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for word in words:
        if word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


def _key_terms(matrix: SparseRows, display: list[str], count: int = 8) -> tuple[str, ...]:
    if not display:
        return ()
    totals = matrix.column_sums()
    order = np.argsort(-totals, kind="stable")
    return tuple(_distinct_words([display[j] for j in order[: count * 2] if totals[j] > 0])[:count])


# --- sections from topic shifts --------------------------------------------------------

MIN_SECTION_PARAGRAPHS = 3
# Tuned on joined Multi-News articles (benchmarks/sections.py, seed 7), confirmed on seed 11.
MIN_BLOCK, MAX_BLOCK = 3, 12
SHIFT = 0.3
DEPTH = 0.5


def _with_topic_sections(analysis: Analysis) -> Document:
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
    median = float(np.median(similarity))
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
    words = _distinct_words([analysis.display[j] for j in order[:9] if inside[j] > 0])
    return ", ".join(words[:LABEL_TERMS])
