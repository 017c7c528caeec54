"""A document's topics: term weights, topics by non-negative factorisation, topic sections.

The factorisation is NMF of the sentence-by-term tf-idf matrix (Lee & Seung's updates,
NNDSVD start, so the result is deterministic). Each sentence belongs to the topic that
weighs most in it; each topic is named by the terms that weigh most in it and least in the
others. Work is bounded: the vocabulary is capped and the matrices are ``n x MAX_TERMS`` and
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
    memberships, loadings = _factorise(matrix, _topic_count(len(document.sentences)))
    topics, sentence_topic, memberships, loadings = _topics(memberships, loadings, display)
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
        # dict.fromkeys, not set: the order of equal counts must not depend on string hashing.
        df.update(dict.fromkeys(terms, 1))
    vocabulary = [t for t, _ in df.most_common(MAX_TERMS)]
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
    from .language import words

    for sentence in document.sentences:
        for position, word in enumerate(words(sentence.text)):
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
    memberships: np.ndarray, loadings: np.ndarray, display: list[str]
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
    column_sum = loadings[used].sum(axis=0) + 1e-12
    topics = []
    for old in used:
        row = loadings[old]
        distinct = row * (row / column_sum)
        order = np.argsort(-distinct, kind="stable")
        terms = _distinct_words([display[j] for j in order[: LABEL_TERMS * 3] if row[j] > 1e-6])
        topics.append(Topic(remap[old], ", ".join(terms[:LABEL_TERMS]), tuple(terms[:6]), float(weight[old] / total)))
    sentence_topic = np.asarray([remap[t] for t in assigned], dtype=np.int64)
    return tuple(topics), sentence_topic, memberships[:, used], loadings[used]


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

MIN_SECTION_PARAGRAPHS = 2


def _with_topic_sections(analysis: Analysis) -> Document:
    document = analysis.document
    starts = topic_boundaries(analysis)
    if not starts:
        return document
    paragraphs = document.paragraphs
    bounds = [0, *starts, len(paragraphs)]
    sections: list[Section] = []
    for index in range(len(bounds) - 1):
        start = 0 if index == 0 else paragraphs[bounds[index]].start
        end = len(document.text) if index == len(bounds) - 2 else paragraphs[bounds[index + 1]].start
        members = [s.index for s in document.sentences if bounds[index] <= s.paragraph < bounds[index + 1]]
        sections.append(Section(index, _section_title(analysis, members), start, end, "topic"))
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


def topic_boundaries(analysis: Analysis, window: int = 2) -> list[int]:
    """Indices of paragraphs that start a new topic section (TextTiling-style depth scores)."""
    document = analysis.document
    n_paragraphs = len(document.paragraphs)
    if n_paragraphs < 2 * MIN_SECTION_PARAGRAPHS:
        return []
    vectors = np.zeros((n_paragraphs, analysis.matrix.shape[1]))
    np.add.at(vectors, np.asarray([s.paragraph for s in document.sentences]), analysis.matrix)
    gaps = []
    for g in range(1, n_paragraphs):
        left = vectors[max(0, g - window) : g].sum(axis=0)
        right = vectors[g : g + window].sum(axis=0)
        denominator = np.linalg.norm(left) * np.linalg.norm(right)
        gaps.append(float(left @ right / denominator) if denominator > 0 else 0.0)
    similarity = np.asarray(gaps)
    depth = np.zeros_like(similarity)
    for g in range(len(similarity)):
        # Climb to the nearest peak on each side, as TextTiling does.
        left = g
        while left > 0 and similarity[left - 1] >= similarity[left]:
            left -= 1
        right = g
        while right + 1 < len(similarity) and similarity[right + 1] >= similarity[right]:
            right += 1
        depth[g] = (similarity[left] - similarity[g]) + (similarity[right] - similarity[g])
    threshold = depth.mean() + 0.5 * depth.std()
    chosen: list[int] = []
    for g in np.argsort(-depth, kind="stable"):
        if depth[g] <= threshold or depth[g] <= 0.1:
            break
        start = int(g) + 1
        if all(abs(start - c) >= MIN_SECTION_PARAGRAPHS for c in chosen) and (
            MIN_SECTION_PARAGRAPHS <= start <= n_paragraphs - MIN_SECTION_PARAGRAPHS
        ):
            chosen.append(start)
    return sorted(chosen)


def _section_title(analysis: Analysis, members: list[int]) -> str:
    if not members:
        return ""
    inside = analysis.matrix[members].sum(axis=0)
    everywhere = analysis.matrix.sum(axis=0) + 1e-12
    score = inside * (inside / everywhere)
    order = np.argsort(-score, kind="stable")
    words = _distinct_words([analysis.display[j] for j in order[:9] if inside[j] > 0])
    return ", ".join(words[:LABEL_TERMS])
