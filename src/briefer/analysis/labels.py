"""Naming topics: which topic each sentence belongs to, and the words that name each topic."""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..model import Topic
from .sparse import SparseRows

LABEL_TERMS = 3


def name_topics(
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
    return distinct_words([word for _, _, word in scored])


def distinct_words(words: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for word in words:
        if word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


def key_terms(matrix: SparseRows, display: list[str], count: int = 8) -> tuple[str, ...]:
    if not display:
        return ()
    totals = matrix.column_sums()
    order = np.argsort(-totals, kind="stable")
    return tuple(distinct_words([display[j] for j in order[: count * 2] if totals[j] > 0])[:count])
