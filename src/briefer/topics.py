"""A document's topics: term weights, topics by non-negative factorisation, topic sections.

The factorisation is NMF of the sentence-by-term tf-idf matrix (Lee & Seung's updates,
NNDSVD start, so the result is deterministic). In a text written in paragraphs each sentence
is factorised together with its paragraph's mean, because a paragraph is a writer's own unit
of topic and a lone sentence has too few words to place. Each sentence belongs to the topic
that weighs most in it; each topic is named by the words that most of its sentences share
and few others use. Work is bounded: the vocabulary is capped and the matrices are ``n x MAX_TERMS`` and
``n x k`` at most, so time grows linearly with the number of sentences.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .language import Analyzer, get_language
from .model import Document, Section, Topic

MAX_TERMS = 3000
# The dense sentence-by-term matrix holds at most this many cells (320 MB of float64): past
# about 13,000 sentences the vocabulary shrinks to its commonest terms instead of memory running out.
MAX_MATRIX_CELLS = 40_000_000
MAX_TOPICS = 10
NMF_ITERATIONS = 60
LABEL_TERMS = 3


@dataclass
class Analysis:
    document: Document
    terms: list[str]
    display: list[str]
    # Rows are sentences, L2-normalised tf-idf over the capped vocabulary.
    matrix: np.ndarray
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
    term_lists = [analyzer.terms(s.text) for s in document.sentences]
    terms, matrix = _tfidf(term_lists)
    display = _display_forms(document, analyzer, terms)
    memberships, loadings = _factorise(_with_paragraphs(document, matrix), _topic_count(len(document.sentences)))
    topics, sentence_topic, memberships, loadings = _topics(memberships, loadings, display, term_lists, terms)
    key_terms = _key_terms(matrix, display)
    analysis = Analysis(
        document, terms, display, matrix, memberships, loadings, topics, sentence_topic, key_terms, term_lists
    )
    if len(document.sections) == 1 and document.sections[0].origin == "whole":
        analysis.document = _with_topic_sections(analysis)
    return analysis


def _tfidf(term_lists: list[list[str]]) -> tuple[list[str], np.ndarray]:
    n = len(term_lists)
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(list(dict.fromkeys(terms)))  # ordered: ties keep first-seen order under any hash seed
    vocabulary = [t for t, _ in df.most_common(max(1, min(MAX_TERMS, MAX_MATRIX_CELLS // max(n, 1))))]
    index = {t: j for j, t in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    for i, terms in enumerate(term_lists):
        for t in terms:
            j = index.get(t)
            if j is not None:
                rows.append(i)
                cols.append(j)
    matrix = np.zeros((n, max(len(vocabulary), 1)), dtype=np.float64)
    if rows:
        np.add.at(matrix, (np.asarray(rows), np.asarray(cols)), 1.0)
        np.log1p(matrix, out=matrix)
        dfs = np.asarray([df[t] for t in vocabulary], dtype=np.float64)
        matrix *= np.log((n + 1) / (dfs + 1)) + 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        np.divide(matrix, norms, out=matrix, where=norms > 0)
    return vocabulary, matrix


def _display_forms(document: Document, analyzer: Analyzer, terms: list[str]) -> list[str]:
    """The word a reader knows for each stem: its commonest form, capitalised if a name."""
    wanted = set(terms)
    forms: dict[str, Counter[str]] = {}
    for sentence in document.sentences:
        for position, word in enumerate(analyzer.words(sentence.text)):
            found = analyzer.terms(word)
            if not found or found[0] not in wanted:
                continue
            counter = forms.setdefault(found[0], Counter())
            # A capital at the start of a sentence says nothing about a name: such forms
            # count only a little, to break ties when a word never appears elsewhere.
            form = word.replace("’", "'")
            if form.lower().endswith("'s"):
                form = form[:-2]
            counter[form] += 1 if position > 0 else 0.01
    out = []
    for term in terms:
        counter = forms.get(term)
        if not counter:
            out.append(term)
            continue
        lower = Counter()
        for form, count in counter.items():
            lower[form.lower()] += count
        best_lower, _ = lower.most_common(1)[0]
        capitalised = sum(c for f, c in counter.items() if f.lower() == best_lower and f != best_lower)
        if capitalised * 2 > lower[best_lower]:
            best = max((f for f in counter if f.lower() == best_lower and f != best_lower), key=counter.__getitem__)
        else:
            best = best_lower
        out.append(best)
    return out


PARAGRAPH_BLEND = 1.0
MAX_BLEND_SENTENCES = 5000


def _with_paragraphs(document: Document, matrix: np.ndarray) -> np.ndarray:
    """Each sentence's row plus its paragraph's mean, when the paragraphs hold several sentences."""
    n_paragraphs = len(document.paragraphs)
    if n_paragraphs < 3 or len(document.sentences) <= n_paragraphs or len(document.sentences) > MAX_BLEND_SENTENCES:
        # Past a bound the blend's copy of the matrix costs more memory than it is worth.
        return matrix
    paragraph = np.asarray([s.paragraph for s in document.sentences])
    sums = np.zeros((n_paragraphs, matrix.shape[1]))
    np.add.at(sums, paragraph, matrix)
    counts = np.maximum(np.bincount(paragraph, minlength=n_paragraphs), 1)[:, None]
    blended = matrix + PARAGRAPH_BLEND * (sums / counts)[paragraph]
    norms = np.linalg.norm(blended, axis=1, keepdims=True)
    np.divide(blended, norms, out=blended, where=norms > 0)
    return blended


def _topic_count(n_sentences: int) -> int:
    return max(1, min(MAX_TOPICS, round(0.8 * np.sqrt(n_sentences))))


def _factorise(matrix: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    n, v = matrix.shape
    k = max(1, min(k, n, v))
    w, h = _nndsvd(matrix, k)
    eps = 1e-9
    for _ in range(NMF_ITERATIONS):
        h *= (w.T @ matrix) / (w.T @ w @ h + eps)
        w *= (matrix @ h.T) / (w @ (h @ h.T) + eps)
    return w, h


def _nndsvd(matrix: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
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
    average = matrix.mean() if matrix.size else 0.0
    w[w < 1e-12] = average / 100 + 1e-6
    h[h < 1e-12] = average / 100 + 1e-6
    return w, h


def _truncated_svd(matrix: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n, v = matrix.shape
    if min(n, v) <= 4 * k + 20:
        u, s, vt = np.linalg.svd(matrix, full_matrices=False)
        return u[:, :k], s[:k], vt[:k]
    # Halko, Martinsson & Tropp: a fixed seed keeps the result deterministic.
    rng = np.random.default_rng(0)
    sketch = matrix @ rng.standard_normal((v, k + 10))
    for _ in range(2):
        sketch, _ = np.linalg.qr(sketch)
        sketch = matrix @ (matrix.T @ sketch)
    q, _ = np.linalg.qr(sketch)
    ub, s, vt = np.linalg.svd(q.T @ matrix, full_matrices=False)
    return (q @ ub)[:, :k], s[:k], vt[:k]


def _topics(
    memberships: np.ndarray,
    loadings: np.ndarray,
    display: list[str],
    term_lists: list[list[str]],
    terms: list[str],
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
    document_frequency: Counter[str] = Counter()
    for sentence_terms in term_lists:
        document_frequency.update(list(dict.fromkeys(sentence_terms)))
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


def _key_terms(matrix: np.ndarray, display: list[str], count: int = 8) -> tuple[str, ...]:
    if not display:
        return ()
    totals = matrix.sum(axis=0)
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
    everywhere = analysis.matrix.sum(axis=0) + 1e-12
    for index in range(len(bounds) - 1):
        start = 0 if index == 0 else paragraphs[bounds[index]].start
        end = len(document.text) if index == len(bounds) - 2 else paragraphs[bounds[index + 1]].start
        first, last = np.searchsorted(section_of_sentence, [index, index + 1])
        members = list(range(int(first), int(last)))
        sections.append(Section(index, _section_title(analysis, members, everywhere), start, end, "topic"))
    section_of_paragraph = {}
    for index in range(len(bounds) - 1):
        for p in range(bounds[index], bounds[index + 1]):
            section_of_paragraph[p] = index
    return dataclasses.replace(
        document,
        sections=tuple(sections),
        paragraphs=tuple(dataclasses.replace(p, section=section_of_paragraph[p.index]) for p in paragraphs),
        sentences=tuple(dataclasses.replace(s, section=section_of_paragraph[s.paragraph]) for s in document.sentences),
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

    Running sums over paragraphs make each block sum a subtraction: linear in the text.
    """
    document = analysis.document
    n_paragraphs = len(document.paragraphs)
    paragraph = np.asarray([s.paragraph for s in document.sentences])
    sums = np.zeros((n_paragraphs + 1, analysis.matrix.shape[1]))
    np.add.at(sums, paragraph + 1, analysis.matrix)
    np.cumsum(sums, axis=0, out=sums)
    counts = np.concatenate([[0], np.cumsum(np.bincount(paragraph, minlength=n_paragraphs))])
    gaps = np.zeros(n_paragraphs - 1)
    for g in range(1, n_paragraphs):
        low = g - 1
        while low > 0 and counts[g] - counts[low] < block:
            low -= 1
        high = g + 1
        while high < n_paragraphs and counts[high] - counts[g] < block:
            high += 1
        left = sums[g] - sums[low]
        right = sums[high] - sums[g]
        denominator = np.linalg.norm(left) * np.linalg.norm(right)
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


def _section_title(analysis: Analysis, members: list[int], everywhere: np.ndarray | None = None) -> str:
    if not members:
        return ""
    inside = analysis.matrix[members].sum(axis=0)
    if everywhere is None:
        everywhere = analysis.matrix.sum(axis=0) + 1e-12
    score = inside * (inside / everywhere)
    order = np.argsort(-score, kind="stable")
    words = _distinct_words([analysis.display[j] for j in order[:9] if inside[j] > 0])
    return ", ".join(words[:LABEL_TERMS])
