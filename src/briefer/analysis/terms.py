"""Terms and their weights: document frequencies, the tf-idf matrix, the forms a reader knows."""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..language.words import Analyzer
from .sparse import SparseRows

MAX_TERMS = 3000


def document_frequency(term_lists: list[list[str]]) -> Counter[str]:
    """How many sentences use each term, terms in first-seen order (ties then break the same
    way under any hash seed)."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(list(dict.fromkeys(terms)))
    return df


def tfidf(term_lists: list[list[str]], df: Counter[str]) -> tuple[list[str], SparseRows]:
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


def display_forms(word_lists: list[list[str]], analyzer: Analyzer, terms: list[str]) -> list[str]:
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
        found = forms.get(term)
        if not found:
            out.append(term)
            continue
        counter = found
        if len(counter) == 1:
            out.extend(counter)  # one form, capitalised or not: nothing to weigh
            continue
        lower: dict[str, float] = {}
        for form, weight in counter.items():
            key = form.lower()
            lower[key] = lower.get(key, 0) + weight
        best_lower = max(lower, key=lower.__getitem__)  # the first of equals, as Counter.most_common
        capitalised = sum(c for f, c in counter.items() if f.lower() == best_lower and f != best_lower)
        if capitalised * 2 > lower[best_lower]:
            best = max((f for f in counter if f.lower() == best_lower and f != best_lower), key=counter.__getitem__)
        else:
            best = best_lower
        out.append(best)
    return out
