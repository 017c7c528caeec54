"""Multi-document evaluation: one briefing a cluster of articles, under a word budget.

The baselines are those Multi-News published (Fabbri et al., 2019): the first three
sentences of each article, and LexRank and TextRank over the articles joined; beside them
briefer's own multi-source briefing with any ranker inside each source, and the greedy
oracle under the same word budget. Besides ROUGE, the share of repeated key points: pairs of
points whose content words overlap by more than half.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import (
    BrieferError,
    Budget,
    analyzer_for,
    brief,
    brief_many,
    build_document,
    combine,
    method_names,
    word_overlap,
)
from ..model import Document
from .data import Record
from .oracle import oracle
from .runner import ORACLE, MethodResult, RecordWalk

FIRST_3 = "first-3"
# Published Multi-News baselines rank the joined articles as one text.
CONCATENATED = ("lex-rank", "text-rank")


def all_multi_methods() -> list[str]:
    return [*method_names(), FIRST_3, ORACLE]


def describe(method: str) -> str:
    if method == FIRST_3:
        return "first 3 sentences of each article"
    if method == ORACLE:
        return "greedy oracle"
    if method in CONCATENATED:
        return f"{method} over the joined articles"
    return f"briefer, {method} within each source"


@dataclass
class MultiResult(MethodResult):
    repeated: int = 0
    pairs: int = 0

    @property
    def repeated_rate(self) -> float:
        return 100 * self.repeated / self.pairs if self.pairs else 0.0

    def as_dict(self) -> dict:
        return {**super().as_dict(), "repeated_percent": round(self.repeated_rate, 2), "how": describe(self.method)}


def evaluate_multi(
    records: Sequence[Record],
    methods: Sequence[str],
    words: int,
    *,
    on_record: Callable[[int], None] | None = None,
) -> tuple[list[MultiResult], int]:
    """Brief every cluster with every method under ``words``; methods see only the articles."""
    results = {m: MultiResult(m) for m in methods}
    analyzer = analyzer_for("en")
    walk: RecordWalk[list[Document]] = RecordWalk(on_record)
    for record, documents in walk(records, _cluster_documents):
        for method in methods:
            result = results[method]
            started = time.perf_counter()
            chosen = _summarise(method, documents, record, words)
            result.add(chosen, record.references, time.perf_counter() - started, "en")
            term_sets = [frozenset(analyzer.terms(s)) for s in chosen]
            for i in range(len(term_sets)):
                for j in range(i + 1, len(term_sets)):
                    result.pairs += 1
                    result.repeated += word_overlap(term_sets[i], term_sets[j]) > 0.5
    return [results[m] for m in methods], walk.skipped


def _cluster_documents(record: Record) -> list[Document] | None:
    documents = []
    for text in record.documents or (record.text,):
        try:
            documents.append(build_document(text, language="en"))
        except BrieferError:
            continue
    return documents or None


def _summarise(method: str, documents: list, record: Record, words: int) -> list[str]:
    if method == FIRST_3:
        return [s.text for document in documents for s in document.sentences[:3]]
    if method == ORACLE:
        texts = [s.text for document in documents for s in document.sentences]
        return [texts[i] for i in oracle(texts, record.references, len(texts), max_words=words)]
    if method in CONCATENATED:
        briefing = brief(combine(documents), method=method, budget=Budget(words=words))
    else:
        briefing = brief_many(documents, method=method, budget=Budget(words=words))
    return [p.text for p in briefing.key_points]
