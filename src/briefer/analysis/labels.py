"""Naming topics: which topic each sentence belongs to, and the words that name each topic."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..model import KeyPoint, Topic
from .sparse import SparseRows

LABEL_TERMS = 3
# Words shown for a topic (its label is drawn from these first).
TOPIC_TERMS = 6

# Section markers of laws and reports ("SEC. 2.", "Sec. 4", "Art. 3", "Para. (b)").
_MARKERS = "sec secs subsec section sections subsection art para paras subpara par cl ch chap pt"
SECTION_MARKERS = frozenset(_MARKERS.split(" "))
_DIGIT = re.compile(r"\d")


# Remembered: a label is picked from a topic's best words, which are mostly the same few
# hundred across the records of a --batch run.
@lru_cache(maxsize=1 << 16)
def is_junk_term(word: str) -> bool:
    """True for a word that names nothing to a reader: a number, a section marker ("SEC"), one
    or two letters of a cased script ("cn", "ij", "uh"), an all-capitals abbreviation ("BQ").

    Chinese and Japanese words are one or two characters as often as not: only scripts with
    capitals are held to the length rule.
    """
    if not word or _DIGIT.search(word):
        return True
    if word.lower() in SECTION_MARKERS:
        return True
    cased = word.lower() != word.upper()
    if not cased:
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) <= 2 or (len(letters) > 1 and all(c.isupper() for c in letters))


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
        topics.append(
            Topic(remap[old], ", ".join(words[:LABEL_TERMS]), tuple(words[:TOPIC_TERMS]), float(weight[old] / total))
        )
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
    # Junk is skipped only among the best: checking every word of a long text's topic costs.
    words: list[str] = []
    for _, _, word in scored:
        if not is_junk_term(word):
            words.append(word)
            if len(words) >= 4 * TOPIC_TERMS:
                break
    return distinct_words(words)


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
    found = []
    for j in order[: count * 4]:
        if totals[j] > 0 and not is_junk_term(display[j]):
            found.append(display[j])
    return tuple(distinct_words(found)[:count])


def fit_labels(
    topics: Sequence[Topic],
    points: Sequence[KeyPoint],
    point_terms: Sequence[Sequence[str]],
    term_of_display: dict[str, str],
    term_weight: dict[str, float],
    display_of_term: dict[str, str],
) -> tuple[Topic, ...]:
    """The topics with labels that name what their key points say.

    A topic's label was drawn from all of its sentences; a briefing shows only a few of them.
    Each label is rebuilt from the topic's own words, taking first those that the most of its
    key points use (so that every key point shares a word with the label over it); a key
    point that uses none of the topic's words lends its own weightiest word.
    """
    members: dict[int, list[set[str]]] = {}
    for point, terms in zip(points, point_terms, strict=True):
        members.setdefault(point.topic, []).append(set(terms))
    fitted = []
    for topic in topics:
        group = members.get(topic.id)
        if not group:
            fitted.append(topic)
            continue
        words = _covering_words(topic.terms, group, term_of_display, term_weight, display_of_term)
        fitted.append(Topic(topic.id, ", ".join(words), topic.terms, topic.weight))
    return tuple(fitted)


def _covering_words(
    candidates: Sequence[str],
    group: list[set[str]],
    term_of_display: dict[str, str],
    term_weight: dict[str, float],
    display_of_term: dict[str, str],
) -> list[str]:
    chosen: list[str] = []
    uncovered = list(group)
    pool = [w for w in candidates if term_of_display.get(w)]
    while uncovered and len(chosen) < LABEL_TERMS:
        best = max(pool, key=lambda w: sum(term_of_display[w] in p for p in uncovered), default=None)
        if best is None or not any(term_of_display[best] in p for p in uncovered):
            # None of the topic's words is in this key point: it names the label itself.
            own = [t for t in uncovered[0] if t in display_of_term and not is_junk_term(display_of_term[t])]
            if not own:
                uncovered.pop(0)
                continue
            best_term = max(own, key=lambda t: (term_weight.get(t, 0.0), t))
            best = display_of_term[best_term]
            term_of_display.setdefault(best, best_term)
        else:
            pool.remove(best)
        if best.lower() not in {w.lower() for w in chosen}:
            chosen.append(best)
        stem = term_of_display[best]
        uncovered = [p for p in uncovered if stem not in p]
    for word in candidates:
        if len(chosen) >= LABEL_TERMS:
            break
        if word.lower() not in {w.lower() for w in chosen}:
            chosen.append(word)
    return chosen
